//! The shortlist of starred courses, as kept in the browser's storage, and CSV export.

use super::catalog::Catalog;
use super::model::CourseId;

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
        Some(k) => k.clone(),
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
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// CSV of courses (with their provider and distance), one row each.
pub fn to_csv(catalog: &Catalog, rows: &[(CourseId, Option<f64>)]) -> String {
    let mut out = String::from("provider,municipality,country,course,sector,eqf,national_level,learning_forms,duration,distance_km,website,source,leads_to,shortage\n");
    for (c, distance) in rows {
        let course = &catalog.data.courses[*c as usize];
        let p = &catalog.data.providers[course.provider as usize];
        let forms = course
            .learning_forms
            .iter()
            .map(|f| f.code())
            .collect::<Vec<_>>()
            .join(" ");
        let fields = [
            p.name.clone(),
            p.municipality.clone(),
            p.country.code().to_string(),
            course.name.clone(),
            course.sector.code().to_string(),
            course
                .level
                .eqf
                .map(|e| e.get().to_string())
                .unwrap_or_default(),
            course.level.national.name().to_string(),
            forms,
            course.duration.clone().unwrap_or_default(),
            distance.map(|d| format!("{d:.1}")).unwrap_or_default(),
            course
                .website
                .clone()
                .or_else(|| p.website.clone())
                .unwrap_or_default(),
            course.source.name.clone(),
            catalog
                .course_occupations(*c)
                .iter()
                .filter_map(|o| catalog.occupations.get(*o))
                .map(|o| o.key.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            catalog
                .course_occupations(*c)
                .iter()
                .flat_map(|o| catalog.occupations.latest(*o))
                .map(|st| {
                    let key = catalog
                        .occupations
                        .get(st.occupation)
                        .map_or("", |o| o.key.as_str());
                    format!(
                        "{key} {} {} {}",
                        st.country.code(),
                        st.year,
                        st.level.code()
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
        ];
        out.push_str(&fields.iter().map(|f| cell(f)).collect::<Vec<_>>().join(","));
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
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-2"), "'-2");
    }
}
