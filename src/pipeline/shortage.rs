//! Importers for the official shortage lists: VDAB's knelpuntberoepen (Flanders) and UWV's
//! labour-market tension figures (the Netherlands), as CSV in their published columns.
//!
//! Each row's occupation name is matched to the vocabulary (`data/occupations.tsv`) by its
//! labels and synonyms, with Dutch plurals ("Elektriciens", "Verpleegkundigen (mbo)") reduced;
//! rows that match nothing are reported, so a maintainer can add a synonym, and never guessed.
//! The result replaces the statuses of that list and year in `data/shortage.tsv`.
//!
//! Accepted columns (header names compared case- and accent-insensitively; `;`, `,` or tab):
//! - VDAB: the name in `Beroep` / `Knelpuntberoep` / `Beroepsnaam` / `Omschrijving`; optional
//!   `Kwantitatief`, `Kwalitatief`, `Arbeidsomstandigheden` (any of x, ja, 1, true marks the
//!   cause) and `Jaar`.
//! - UWV: the name in `Beroep` / `Beroepsgroep` / `Beroepsklasse` / `Beroepsnaam`; the tension in
//!   `Spanningsindicator` / `Spanningstypering` / `Typering` / `Spanning` (zeer krap, krap,
//!   gemiddeld, ruim, zeer ruim: only the first two are shortages); optional `Regio` /
//!   `Arbeidsmarktregio` and `Periode` / `Kwartaal` / `Jaar`.

use crate::core::occupation::{
    OccupationId, Occupations, ShortageLevel, ShortageList, ShortageStatus, YEARS,
};
use crate::core::text::fold;
use crate::core::Country;

use super::{PipelineError, Skipped};

/// Where the VDAB list is published (the default source address).
pub const VDAB_LIST_URL: &str = "https://www.vdab.be/trends/knelpuntberoepen";
/// Where UWV publishes its tension figures (the default source address).
pub const UWV_URL: &str = "https://www.werk.nl/arbeidsmarktinformatie/";

/// What an import produced.
#[derive(Debug, Default)]
pub struct ShortageImport {
    /// Statuses for occupations in the vocabulary.
    pub statuses: Vec<ShortageStatus>,
    /// Rows whose occupation is not in the vocabulary: (row, name).
    pub unmatched: Vec<(usize, String)>,
    /// Rows that are not shortages (UWV: gemiddeld, ruim) or cannot be read.
    pub skipped: Vec<Skipped>,
    /// Rows whose occupation an earlier row already gave a status (one per occupation).
    pub duplicates: usize,
}

struct Csv {
    /// Header names, folded (case and accents ignored).
    header: Vec<String>,
    /// Cells of each row, trimmed, with the row's line.
    rows: Vec<(usize, Vec<String>)>,
}

fn read_csv(text: &str, path: &str) -> Result<Csv, PipelineError> {
    let table = super::csv_table(text, path)?;
    if table.headers.iter().all(String::is_empty) {
        return Err(PipelineError::Csv {
            path: path.into(),
            message: "empty file".into(),
        });
    }
    Ok(Csv {
        header: table.headers.iter().map(|h| fold(h)).collect(),
        rows: table
            .records
            .iter()
            .map(|(line, rec)| (*line, rec.iter().map(|v| v.trim().to_string()).collect()))
            .collect(),
    })
}

impl Csv {
    fn column(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.header.iter().position(|h| h == n))
    }
}

/// Matches a published occupation name to the vocabulary: exact on a label or synonym, then
/// with a parenthesis dropped ("(mbo)") and a Dutch or English plural reduced.
pub fn match_name(occ: &Occupations, name: &str) -> Option<OccupationId> {
    let base = fold(name);
    let base = match base.find('(') {
        Some(i) => base[..i].trim().to_string(),
        None => base.trim().to_string(),
    };
    let mut candidates = vec![base.clone()];
    for suffix in ["s", "n", "en"] {
        if let Some(stem) = base.strip_suffix(suffix) {
            candidates.push(stem.to_string());
        }
    }
    candidates.iter().find_map(|c| occ.by_name(c))
}

/// The source address must be one the app will show as a link.
fn check_url(url: &str, path: &str) -> Result<(), PipelineError> {
    if url.starts_with("https://") && !url.chars().any(char::is_whitespace) {
        Ok(())
    } else {
        Err(PipelineError::Csv {
            path: path.into(),
            message: format!("source address `{url}` is not an https URL"),
        })
    }
}

fn year_in(s: &str) -> Option<u16> {
    s.as_bytes()
        .windows(4)
        .filter_map(|w| std::str::from_utf8(w).ok()?.parse::<u16>().ok())
        .find(|y| YEARS.contains(y) && *y >= 1990)
}

fn truthy(s: &str) -> bool {
    matches!(
        fold(s).as_str(),
        "x" | "ja" | "j" | "1" | "true" | "yes" | "waar"
    )
}

/// Reads a VDAB knelpuntberoepen CSV for `year`.
pub fn import_vdab_text(
    text: &str,
    path: &str,
    occ: &Occupations,
    year: u16,
    source_url: &str,
) -> Result<ShortageImport, PipelineError> {
    check_url(source_url, path)?;
    let csv = read_csv(text, path)?;
    let name_col = csv
        .column(&[
            "beroep",
            "knelpuntberoep",
            "beroepsnaam",
            "omschrijving",
            "occupation_nl",
        ])
        .ok_or_else(|| PipelineError::Csv {
            path: path.into(),
            message: "no occupation column (Beroep, Knelpuntberoep, Beroepsnaam, Omschrijving or occupation_nl)"
                .into(),
        })?;
    // A transcription may carry titles that are not on VDAB's own list (a decree's exemptions):
    // a column `in_vdab_list…` says which are.
    let listed_col = csv
        .header
        .iter()
        .position(|h| h.starts_with("in_vdab_list"));
    let causes = [
        ("kwantitatief", "quantitative shortage"),
        ("kwalitatief", "qualitative shortage"),
        ("arbeidsomstandigheden", "working conditions"),
    ]
    .map(|(col, what)| (csv.column(&[col]), what));
    let year_col = csv.column(&["jaar"]);
    let mut out = ShortageImport::default();
    for (line, row) in &csv.rows {
        let name = row.get(name_col).map_or("", String::as_str);
        if name.is_empty() {
            out.skipped.push(Skipped {
                at: format!("{path} line {line}"),
                reason: "no occupation name".into(),
            });
            continue;
        }
        if listed_col
            .and_then(|c| row.get(c))
            .is_some_and(|v| !truthy(v))
        {
            out.skipped.push(Skipped {
                at: format!("{path} line {line}"),
                reason: format!("`{name}` is not on VDAB's own list"),
            });
            continue;
        }
        let row_year = year_col
            .and_then(|c| row.get(c))
            .and_then(|y| year_in(y))
            .unwrap_or(year);
        if row_year != year {
            out.skipped.push(Skipped {
                at: format!("{path} line {line}"),
                reason: format!("year {row_year}, not {year}"),
            });
            continue;
        }
        let Some(id) = match_name(occ, name) else {
            out.unmatched.push((*line, name.to_string()));
            continue;
        };
        let why: Vec<&str> = causes
            .iter()
            .filter(|(c, _)| c.and_then(|c| row.get(c)).is_some_and(|v| truthy(v)))
            .map(|(_, w)| *w)
            .collect();
        let mut note = format!("Listed as \u{201c}{name}\u{201d}.");
        if !why.is_empty() {
            note.push_str(&format!(" Causes: {}.", why.join(", ")));
        }
        if out.statuses.iter().any(|s| s.occupation == id) {
            out.duplicates += 1;
            continue;
        }
        out.statuses.push(ShortageStatus {
            occupation: id,
            country: Country::Be,
            region: "Vlaanderen".into(),
            year,
            list: ShortageList::Vdab,
            level: ShortageLevel::Bottleneck,
            source_name: format!("VDAB knelpuntberoepenlijst {year}"),
            source_url: source_url.to_string(),
            note: Some(note),
        });
    }
    Ok(out)
}

/// Reads a UWV tension CSV for `year` (rows of other years are skipped).
pub fn import_uwv_text(
    text: &str,
    path: &str,
    occ: &Occupations,
    year: u16,
    source_url: &str,
) -> Result<ShortageImport, PipelineError> {
    check_url(source_url, path)?;
    let csv = read_csv(text, path)?;
    let missing = |what: &str| PipelineError::Csv {
        path: path.into(),
        message: format!("no {what} column"),
    };
    let name_col = csv
        .column(&["beroep", "beroepsgroep", "beroepsklasse", "beroepsnaam"])
        .ok_or_else(|| missing("occupation (Beroep, Beroepsgroep, Beroepsklasse)"))?;
    let tension_col = csv
        .column(&[
            "spanningsindicator",
            "spanningstypering",
            "typering",
            "spanning",
        ])
        .ok_or_else(|| missing("tension (Spanningsindicator, Typering)"))?;
    let region_col = csv.column(&["regio", "arbeidsmarktregio"]);
    let period_col = csv.column(&["periode", "kwartaal", "jaar"]);
    let mut out = ShortageImport::default();
    for (line, row) in &csv.rows {
        let at = format!("{path} line {line}");
        let get = |c: usize| row.get(c).map_or("", String::as_str);
        let name = get(name_col);
        let level = match fold(get(tension_col)).as_str() {
            "zeer krap" => ShortageLevel::VeryTight,
            "krap" => ShortageLevel::Tight,
            "gemiddeld" | "ruim" | "zeer ruim" => {
                out.skipped.push(Skipped {
                    at,
                    reason: format!("`{name}`: {} is not a shortage", get(tension_col)),
                });
                continue;
            }
            other => {
                out.skipped.push(Skipped {
                    at,
                    reason: format!("unknown tension `{other}`"),
                });
                continue;
            }
        };
        if let Some(c) = period_col {
            match year_in(get(c)) {
                Some(y) if y == year => {}
                _ => {
                    out.skipped.push(Skipped {
                        at,
                        reason: format!("period `{}` is not in {year}", get(c)),
                    });
                    continue;
                }
            }
        }
        let Some(id) = match_name(occ, name) else {
            out.unmatched.push((*line, name.to_string()));
            continue;
        };
        let region = region_col
            .map(get)
            .filter(|r| !r.is_empty())
            .unwrap_or("Nederland")
            .to_string();
        let note = format!("{}: \u{201c}{name}\u{201d}.", get(tension_col));
        // Several quarters or rows: keep the tightest per occupation and region.
        match out
            .statuses
            .iter_mut()
            .find(|s| s.occupation == id && s.region == region)
        {
            Some(s) if level == ShortageLevel::VeryTight => {
                s.level = level;
                s.note = Some(note);
            }
            Some(_) => {}
            None => out.statuses.push(ShortageStatus {
                occupation: id,
                country: Country::Nl,
                region,
                year,
                list: ShortageList::Uwv,
                level,
                source_name: format!("UWV spanningsindicator {year}"),
                source_url: source_url.to_string(),
                note: Some(note),
            }),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occ() -> &'static Occupations {
        Occupations::builtin()
    }

    fn key(id: OccupationId) -> &'static str {
        &occ().all()[usize::from(id)].key
    }

    #[test]
    fn names_match_with_plurals_and_qualifiers_but_never_loosely() {
        let m = |n: &str| match_name(occ(), n).map(key);
        assert_eq!(m("Verpleegkundige"), Some("verpleegkundige"));
        assert_eq!(m("Verpleegkundigen (mbo)"), Some("verpleegkundige"));
        assert_eq!(m("Elektriciens"), Some("elektricien"));
        assert_eq!(m("Lassers"), Some("lasser"));
        assert_eq!(
            m("Technicus industriële installaties"),
            Some("technicus-industriele-installaties")
        );
        assert_eq!(m("Lasser-monteur"), Some("lasser"));
        assert_eq!(m("Vrachtwagenchauffeur"), None);
        // A prefix is not a match: "Verpleeg" is not an occupation.
        assert_eq!(m("Verpleeg"), None);
    }

    #[test]
    fn vdab_rows_become_bottleneck_statuses_with_their_causes() {
        let text = "\u{feff}Beroep;Kwantitatief;Kwalitatief;Arbeidsomstandigheden\n\
            Verpleegkundige;x;;x\n\
            \"Lasser\";;x;\n\
            Vrachtwagenchauffeur;x;;\n\
            ;x;;\n";
        let r = import_vdab_text(text, "vdab.csv", occ(), 2025, VDAB_LIST_URL).unwrap();
        assert_eq!(r.statuses.len(), 2);
        let nurse = &r.statuses[0];
        assert_eq!(key(nurse.occupation), "verpleegkundige");
        assert_eq!(
            (nurse.country, nurse.year, nurse.level),
            (Country::Be, 2025, ShortageLevel::Bottleneck)
        );
        assert!(nurse
            .note
            .as_deref()
            .unwrap()
            .contains("quantitative shortage, working conditions"));
        assert_eq!(r.unmatched, vec![(4, "Vrachtwagenchauffeur".to_string())]);
        assert_eq!(r.skipped.len(), 1);
        assert!(r.skipped[0].at.contains("line 5"));
    }

    #[test]
    fn uwv_keeps_only_tight_rows_of_the_year_and_the_tightest_per_region() {
        let text = "Beroepsklasse,Arbeidsmarktregio,Periode,Spanningsindicator\n\
            Elektriciens,Zeeland,2025 K1,Krap\n\
            Elektriciens,Zeeland,2025 K2,Zeer krap\n\
            Lassers,Zeeland,2025 K2,Gemiddeld\n\
            Verpleegkundigen (hbo),Zeeland,2024 K4,Zeer krap\n\
            Ingenieurs,Zeeland,2025 K2,heel erg krap\n";
        let r = import_uwv_text(text, "uwv.csv", occ(), 2025, UWV_URL).unwrap();
        assert_eq!(r.statuses.len(), 1);
        let s = &r.statuses[0];
        assert_eq!(key(s.occupation), "elektricien");
        assert_eq!(s.level, ShortageLevel::VeryTight);
        assert_eq!(s.region, "Zeeland");
        assert_eq!(r.skipped.len(), 3);
        assert!(r
            .skipped
            .iter()
            .any(|s| s.reason.contains("unknown tension")));
    }

    #[test]
    fn a_file_without_the_needed_columns_is_refused_with_the_reason() {
        let err =
            import_vdab_text("Naam;Code\nx;1\n", "v.csv", occ(), 2025, VDAB_LIST_URL).unwrap_err();
        assert!(err.to_string().contains("no occupation column"));
        let err = import_uwv_text("Beroep\nx\n", "u.csv", occ(), 2025, UWV_URL).unwrap_err();
        assert!(err.to_string().contains("tension"));
        assert!(import_vdab_text("", "e.csv", occ(), 2025, VDAB_LIST_URL).is_err());
        let err =
            import_vdab_text("Beroep\nLasser\n", "v.csv", occ(), 2025, "javascript:x").unwrap_err();
        assert!(err.to_string().contains("not an https URL"));
    }
}
