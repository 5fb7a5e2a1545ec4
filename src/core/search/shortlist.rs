//! The shortlist of starred courses, as kept in the browser's storage, and CSV export.

use crate::core::catalog::Catalog;
use crate::core::i18n::Lang;
use crate::core::labels;
use crate::core::model::CourseId;

/// The storage key.
pub const STORAGE_KEY: &str = "leerkaart.shortlist.v1";
/// Most courses a shortlist keeps (a guard against a storage filled by something else).
pub const MAX_ITEMS: usize = 200;
const MAX_KEY_LEN: usize = 200;

/// Reads a stored shortlist: a JSON array of course keys. Anything else (corrupted storage,
/// another app's data, wrong types) gives the valid part, or an empty list; never an error.
pub fn parse(stored: &str) -> Vec<String> {
    let Ok(serde_json::Value::Array(items)) = serde_json::from_str::<serde_json::Value>(stored)
    else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if let serde_json::Value::String(s) = item {
            if !s.is_empty() && s.len() <= MAX_KEY_LEN && !out.contains(&s) {
                out.push(s);
            }
        }
        if out.len() == MAX_ITEMS {
            break;
        }
    }
    out
}

/// Serialises a shortlist for storage.
pub fn serialize(keys: &[String]) -> String {
    serde_json::to_string(keys).unwrap_or_else(|_| "[]".into())
}

/// A course's stable key: its data id, else provider id and position.
pub fn course_key(catalog: &Catalog, course: CourseId) -> String {
    let c = &catalog.data.courses[course as usize];
    match &c.key {
        Some(k) => k.to_string(),
        None => {
            let p = &catalog.data.providers[c.provider as usize];
            format!("{}#{}", p.key, course - p.courses.start)
        }
    }
}

/// The course with a key, if it is in the catalog.
pub fn find(catalog: &Catalog, key: &str) -> Option<CourseId> {
    (0..catalog.data.courses.len() as CourseId).find(|c| course_key(catalog, *c) == key)
}

/// One CSV cell: quoted when needed, and defused when it would start a spreadsheet formula.
fn cell(s: &str) -> String {
    let s = formula_safe(s);
    // `;` separates cells; a comma is the decimal mark and needs no quotes.
    if s.contains([CSV_SEPARATOR, '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Characters that make a spreadsheet read a cell as a formula when they come first.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a
/// leading `'`; so does a cell that already starts with `'` and one of those or another `'`,
/// so that [`formula_unsafe`] gives every cell back exactly. Names that merely start with an
/// apostrophe ("'t Saam") are left as they are.
pub fn formula_safe(s: &str) -> String {
    let mut chars = s.chars();
    let defuse = match chars.next() {
        Some(c) if FORMULA_STARTS.contains(&c) => true,
        Some('\'') => chars
            .next()
            .is_some_and(|c| c == '\'' || FORMULA_STARTS.contains(&c)),
        _ => false,
    };
    if defuse {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The inverse of [`formula_safe`], for a program reading the CSV: a leading `'` before a
/// formula character or another `'` is taken off; any other cell is as written.
pub fn formula_unsafe(s: &str) -> &str {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some('\''), Some(c)) if c == '\'' || FORMULA_STARTS.contains(&c) => &s[1..],
        _ => s,
    }
}

/// The byte-order mark that makes spreadsheets read the file as UTF-8 ("industriële").
const UTF8_BOM: &str = "\u{feff}";
/// The separator Dutch and Belgian spreadsheets expect (the comma is their decimal mark).
pub const CSV_SEPARATOR: char = ';';

/// Column titles of the export, per language.
fn headers(lang: Lang) -> [&'static str; 15] {
    match lang {
        Lang::Nl => [
            "Instelling",
            "Gemeente",
            "Land",
            "Opleiding",
            "Sector",
            "Onderwijsfase",
            "EQF-niveau",
            "Niveau",
            "Leervormen",
            "Duur",
            "Afstand (km)",
            "Website",
            "Bron",
            "Leidt naar",
            "Knelpuntberoep",
        ],
        Lang::En => [
            "Provider",
            "Municipality",
            "Country",
            "Course",
            "Field",
            "Stage",
            "EQF level",
            "Level",
            "Learning forms",
            "Duration",
            "Distance (km)",
            "Website",
            "Source",
            "Leads to",
            "Shortage occupation",
        ],
        Lang::Fr => [
            "Établissement",
            "Commune",
            "Pays",
            "Formation",
            "Secteur",
            "Étape",
            "Niveau CEC",
            "Niveau",
            "Formes d'apprentissage",
            "Durée",
            "Distance (km)",
            "Site web",
            "Source",
            "Mène à",
            "Métier en pénurie",
        ],
    }
}

/// Spreadsheet-ready CSV of courses (with their provider and distance), one row each: UTF-8
/// with a byte-order mark, `;`-separated, the interface language's words instead of codes,
/// numbers as numbers (decimal comma in Dutch and French), formula-safe cells.
pub fn to_csv(catalog: &Catalog, rows: &[(CourseId, Option<f64>)], lang: Lang) -> String {
    let sep = CSV_SEPARATOR.to_string();
    let mut out = String::from(UTF8_BOM);
    out.push_str(&headers(lang).map(cell).join(&sep));
    out.push('\n');
    for (c, distance) in rows {
        let course = &catalog.data.courses[*c as usize];
        let p = &catalog.data.providers[course.provider as usize];
        let occupations = catalog.course_occupations(*c);
        let fields = [
            p.name.clone(),
            p.municipality.clone(),
            labels::country(lang, p.country).to_string(),
            course.name.to_string(),
            labels::sector(lang, course.sector).to_string(),
            labels::stage(lang, course.stage).to_string(),
            course
                .level
                .eqf
                .map(|e| e.get().to_string())
                .unwrap_or_default(),
            course.level.national.name().to_string(),
            course
                .learning_forms
                .iter()
                .map(|f| labels::learning_form(lang, f))
                .collect::<Vec<_>>()
                .join(", "),
            course.duration.as_deref().unwrap_or_default().to_string(),
            distance.map(|d| lang.decimal(d, 1)).unwrap_or_default(),
            course
                .website
                .as_deref()
                .or(p.website.as_deref())
                .unwrap_or_default()
                .to_string(),
            course.source.name.clone(),
            occupations
                .iter()
                .filter_map(|o| catalog.occupations.get(*o))
                .map(|o| o.label(lang).to_string())
                .collect::<Vec<_>>()
                .join(", "),
            occupations
                .iter()
                .flat_map(|o| catalog.occupations.latest(*o))
                .map(|st| {
                    let name = catalog
                        .occupations
                        .get(st.occupation)
                        .map_or("", |o| o.label(lang));
                    format!("{name}: {}", labels::shortage_status(lang, st))
                })
                .collect::<Vec<_>>()
                .join("; "),
        ];
        out.push_str(
            &fields
                .iter()
                .map(|f| cell(f))
                .collect::<Vec<_>>()
                .join(&sep),
        );
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrupted_storage_gives_the_valid_part() {
        assert_eq!(parse(r#"["a","b","a"]"#), ["a", "b"]);
        for junk in [
            "",
            "null",
            "{",
            "{\"a\":1}",
            "42",
            "\"x\"",
            "[1,2,3]",
            "\u{0}\u{1}",
            "[[\"a\"]]",
        ] {
            assert!(parse(junk).is_empty(), "{junk}");
        }
        assert_eq!(parse(r#"[1,"ok",null,{"x":"y"},""]"#), ["ok"]);
        let huge = serialize(&(0..1000).map(|i| i.to_string()).collect::<Vec<_>>());
        assert_eq!(parse(&huge).len(), MAX_ITEMS);
        assert_eq!(
            parse(&serialize(&["x".into(), "y\"z".into()])),
            ["x", "y\"z"]
        );
    }

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a; b"), "\"a; b\"");
        assert_eq!(cell("3,1"), "3,1");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-2"), "'-2");
        // Real names with an apostrophe stay as they are.
        assert_eq!(cell("'t Saam"), "'t Saam");
        assert_eq!(cell("'=x"), "''=x");
    }

    #[test]
    fn formula_defusing_gives_every_cell_back() {
        let mut rng = crate::core::synth::Rng::new(3);
        let alphabet = ['\'', '=', '+', '-', '@', '\t', 't', ' ', 'a', '1'];
        for _ in 0..5_000 {
            let s: String = (0..rng.below(5))
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            let safe = formula_safe(&s);
            assert!(!safe.starts_with(FORMULA_STARTS), "{s:?} → {safe:?}");
            assert_eq!(formula_unsafe(&safe), s, "{s:?} → {safe:?}");
        }
    }
}
