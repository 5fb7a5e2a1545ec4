//! ESCO (European Skills, Competences, Qualifications and Occupations) for the occupation
//! vocabulary: the ESCO URI and the official Dutch, English and French labels of each
//! occupation, and the ESCO occupations the shipped technical and care courses are named
//! after.
//!
//! Matching is by name and never guessed: an occupation of the vocabulary takes the ESCO
//! occupation whose *preferred* Dutch label is one of its names, in its own ISCO-08 unit
//! group, when exactly one does; a course takes the ESCO occupation whose preferred Dutch label
//! is its name, when exactly one does. Everything else is listed with its candidates (ESCO's
//! alternative labels name related but different occupations too: "onderhoudsmecanicien" is
//! one of forestry machinery's) for a person to decide.

use std::collections::BTreeMap;
use std::path::Path;

use super::{csv_table, read, slug, PipelineError};
use crate::core::occupation::Occupations;
use crate::core::text::fold;
use crate::core::{Dataset, Sector};

/// One ESCO occupation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscoOccupation {
    /// Concept URI.
    pub uri: String,
    /// ISCO-08 unit group.
    pub isco08: String,
    /// Preferred labels: Dutch, English, French (French may be empty).
    pub labels: [String; 3],
    /// Alternative Dutch labels.
    pub alt_nl: Vec<String>,
    /// The CSV line, to copy the row into an extract.
    pub line: String,
}

/// Reads ESCO's occupation CSV (`concept_uri, isco08_unit_group, label_nl, label_en,
/// label_fr, alt_labels_nl, …`, as in `../shared/data/occupations/`).
pub fn parse(text: &str, path: &str) -> Result<(String, Vec<EscoOccupation>), PipelineError> {
    let table = csv_table(text, path)?;
    let col = |n: &str| table.require(n, path, "an ESCO occupation file");
    let (uri, isco, nl, en, fr, alt) = (
        col("concept_uri")?,
        col("isco08_unit_group")?,
        col("label_nl")?,
        col("label_en")?,
        col("label_fr")?,
        col("alt_labels_nl")?,
    );
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    let header = lines.first().copied().unwrap_or("").to_string();
    let mut out = Vec::new();
    for (line, rec) in &table.records {
        let get = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
        // Quoted cells may span lines; the extract keeps the record as the CSV writer
        // would write it.
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        let _ = w.write_record(rec);
        let raw = w
            .into_inner()
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default();
        let _ = line;
        out.push(EscoOccupation {
            uri: get(uri),
            isco08: get(isco),
            labels: [get(nl), get(en), get(fr)],
            alt_nl: get(alt)
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            line: raw.trim_end().to_string(),
        });
    }
    Ok((header, out))
}

/// What the ESCO step decided for the vocabulary.
#[derive(Debug, Default)]
pub struct EscoMatches {
    /// Vocabulary key → index of its ESCO occupation.
    pub vocabulary: BTreeMap<String, usize>,
    /// Vocabulary keys left without a URI, with the candidate labels found.
    pub unresolved: Vec<(String, Vec<String>)>,
    /// New occupations from course names: ESCO index → (EQF range, course names).
    pub from_courses: BTreeMap<usize, (u8, u8, Vec<String>)>,
    /// Course names with no unique preferred-label match but alternative-label candidates.
    pub course_candidates: Vec<(String, Vec<String>)>,
}

/// The sectors whose courses may add occupations: technical and care.
fn technical_or_care(s: Sector) -> bool {
    s.is_stem() || s == Sector::HealthWelfare
}

/// A person's choice for an occupation: the ESCO preferred label it is (`decisions.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Vocabulary key.
    pub key: String,
    /// ESCO preferred Dutch label.
    pub esco_label_nl: String,
}

/// Reads `decisions.tsv` (`key, esco_label_nl, reason`; `#` comments).
pub fn decisions(text: &str) -> Vec<Decision> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .filter_map(|l| {
            let mut c = l.split('\t');
            Some(Decision {
                key: c.next()?.trim().to_string(),
                esco_label_nl: c.next()?.trim().to_string(),
            })
        })
        .collect()
}

/// Matches the vocabulary and the dataset's technical and care courses to ESCO; a person's
/// decision settles an occupation the names leave open, if ESCO has that label exactly once
/// in the occupation's ISCO-08 group.
pub fn match_all(
    occ: &Occupations,
    esco: &[EscoOccupation],
    data: &Dataset,
    decided: &[Decision],
) -> EscoMatches {
    let mut pref: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut alt: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in esco.iter().enumerate() {
        pref.entry(fold(&e.labels[0])).or_default().push(i);
        for a in &e.alt_nl {
            alt.entry(fold(a)).or_default().push(i);
        }
    }
    let mut out = EscoMatches::default();
    for o in occ.all() {
        let names: Vec<String> = o.labels[0]
            .split(" / ")
            .map(fold)
            .chain(o.synonyms.iter().map(|s| fold(s)))
            .filter(|n| !n.is_empty())
            .collect();
        let isco = o.isco08.as_deref().unwrap_or("");
        let mut hits: Vec<usize> = names
            .iter()
            .flat_map(|n| pref.get(n).into_iter().flatten().copied())
            .filter(|i| esco[*i].isco08 == isco)
            .collect();
        hits.sort_unstable();
        hits.dedup();
        if hits.len() != 1 {
            if let Some(d) = decided.iter().find(|d| d.key == o.key) {
                let chosen: Vec<usize> = pref
                    .get(&fold(&d.esco_label_nl))
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|i| esco[*i].isco08 == isco)
                    .collect();
                if chosen.len() == 1 {
                    hits = chosen;
                }
            }
        }
        if let [one] = hits.as_slice() {
            out.vocabulary.insert(o.key.clone(), *one);
        } else {
            let mut cands: Vec<String> = hits
                .iter()
                .chain(names.iter().flat_map(|n| alt.get(n).into_iter().flatten()))
                .map(|i| format!("{} ({})", esco[*i].labels[0], esco[*i].isco08))
                .collect();
            cands.sort();
            cands.dedup();
            out.unresolved.push((o.key.clone(), cands));
        }
    }
    let known: Vec<usize> = out.vocabulary.values().copied().collect();
    for c in &data.courses {
        if !technical_or_care(c.sector) {
            continue;
        }
        let Some(eqf) = c.level.eqf.map(|e| e.get()) else {
            continue;
        };
        let name = fold(&c.name);
        // A course already linked by the vocabulary needs no new occupation.
        if !occ.derive(&name, c.level.eqf).is_empty() {
            continue;
        }
        match pref.get(&name).map(Vec::as_slice) {
            Some([one]) if !known.contains(one) => {
                let e = out
                    .from_courses
                    .entry(*one)
                    .or_insert((eqf, eqf, Vec::new()));
                e.0 = e.0.min(eqf);
                e.1 = e.1.max(eqf);
                if !e.2.iter().any(|n| *n == c.name) {
                    e.2.push(c.name.to_string());
                }
            }
            Some(_) => {}
            None => {
                if let Some(a) = alt.get(&name) {
                    let cands = a.iter().map(|i| esco[*i].labels[0].clone()).collect();
                    if !out.course_candidates.iter().any(|(n, _)| *n == c.name) {
                        out.course_candidates.push((c.name.to_string(), cands));
                    }
                }
            }
        }
    }
    out.course_candidates.sort();
    out
}

/// Columns the ESCO step writes in `data/occupations.tsv`, after the others.
pub const LABEL_COLUMNS: [&str; 3] = ["esco_label_nl", "esco_label_en", "esco_label_fr"];

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Rewrites `data/occupations.tsv` text: the ESCO URI and labels of every matched
/// occupation, and one new row per ESCO occupation a course is named after. Comments and
/// the order of rows are kept.
pub fn rewrite_vocabulary(tsv: &str, esco: &[EscoOccupation], m: &EscoMatches) -> String {
    let mut out = String::new();
    let mut header: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for line in tsv.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut cells: Vec<String> = line.split('\t').map(str::to_string).collect();
        if header.is_empty() {
            for c in LABEL_COLUMNS {
                if !cells.iter().any(|h| h == c) {
                    cells.push(c.to_string());
                }
            }
            header = cells.clone();
        } else {
            cells.resize(header.len(), String::new());
            let at = |n: &str| header.iter().position(|h| h == n).unwrap_or(0);
            let key = cells[at("key")].clone();
            if let Some(i) = m.vocabulary.get(&key) {
                let e = &esco[*i];
                cells[at("esco_uri")] = e.uri.clone();
                for (col, label) in LABEL_COLUMNS.iter().zip(&e.labels) {
                    cells[at(col)] = label.clone();
                }
            }
            keys.push(key);
        }
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    let at = |n: &str| header.iter().position(|h| h == n).unwrap_or(0);
    for (i, (lo, hi, courses)) in &m.from_courses {
        let e = &esco[*i];
        let key = slug(&e.labels[0]);
        if keys.contains(&key) || e.labels.iter().any(String::is_empty) {
            continue;
        }
        let mut cells = vec![String::new(); header.len()];
        cells[at("key")] = key;
        cells[at("isco08")] = e.isco08.clone();
        cells[at("esco_uri")] = e.uri.clone();
        for (j, col) in ["label_nl", "label_en", "label_fr"].iter().enumerate() {
            cells[at(col)] = upper_first(&e.labels[j]);
        }
        cells[at("levels")] = format!("{lo}-{hi}");
        let mut terms: Vec<String> = courses.iter().map(|c| fold(c)).collect();
        terms.sort();
        terms.dedup();
        cells[at("course_terms")] = terms.join("|");
        for (col, label) in LABEL_COLUMNS.iter().zip(&e.labels) {
            cells[at(col)] = label.clone();
        }
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// The rows of the ESCO file the step reads: those in the ISCO-08 unit groups of the
/// vocabulary (so that "exactly one in its group" is decided on the same rows), and those
/// whose preferred label names a technical or care course. Kept in the file's order.
pub fn extract(header: &str, esco: &[EscoOccupation], occ: &Occupations, data: &Dataset) -> String {
    let groups: Vec<&str> = occ
        .all()
        .iter()
        .filter_map(|o| o.isco08.as_deref())
        .collect();
    let names: Vec<String> = data
        .courses
        .iter()
        .filter(|c| technical_or_care(c.sector))
        .map(|c| fold(&c.name))
        .collect();
    let mut out = format!("{header}\n");
    for e in esco {
        let label = fold(&e.labels[0]);
        let alt_hit = e.alt_nl.iter().any(|a| names.contains(&fold(a)));
        if groups.contains(&e.isco08.as_str()) || names.contains(&label) || alt_hit {
            out.push_str(&e.line);
            out.push('\n');
        }
    }
    out
}

/// Reads an ESCO file.
pub fn load(path: &Path) -> Result<(String, Vec<EscoOccupation>), PipelineError> {
    parse(&read(path)?, &path.display().to_string())
}
