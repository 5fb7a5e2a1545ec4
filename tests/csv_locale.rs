//! The open-data CSV as a Dutch or Belgian spreadsheet reads it: `;` between cells, the comma
//! as decimal mark. Read back with the `csv` crate (not this project's importer) and checked
//! cell by cell against the dataset.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use leerkaart::core::shortlist::formula_unsafe;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What a spreadsheet with a Dutch locale makes of a cell: a number when it is digits with
/// at most one decimal comma (dots are thousands separators there), else text.
fn as_dutch_number(cell: &str) -> Option<f64> {
    let t = cell.trim();
    let plain = t.strip_prefix('-').unwrap_or(t);
    if plain.is_empty()
        || !plain
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    if plain.matches(',').count() > 1 {
        return None;
    }
    t.replace('.', "").replace(',', ".").parse().ok()
}

#[test]
fn the_csv_reads_right_in_a_dutch_spreadsheet() {
    let text = std::fs::read_to_string(root().join("data/providers.geojson")).unwrap();
    let report = leerkaart::core::load_geojson(&text, &Default::default()).unwrap();
    let data = &report.dataset;
    let csv_text = leerkaart::pipeline::export::to_csv(data);
    let body = csv_text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for UTF-8");
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(body.as_bytes());
    let headers: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(headers, leerkaart::pipeline::export::CSV_COLUMNS);
    let col = |n: &str| headers.iter().position(|h| h == n).unwrap();
    let by_key: HashMap<&str, &leerkaart::core::Provider> =
        data.providers.iter().map(|p| (p.key.as_str(), p)).collect();
    let mut seen = HashSet::new();
    let (mut rows, mut unlisted_rows, mut apostrophes) = (0, 0, 0);
    for rec in rdr.records() {
        let rec = rec.unwrap();
        rows += 1;
        let get = |n: &str| rec.get(col(n)).unwrap();
        let key = formula_unsafe(get("provider_id"));
        let p = by_key
            .get(key)
            .unwrap_or_else(|| panic!("unknown provider {key}"));
        seen.insert(key.to_string());
        // Coordinates are numbers, exactly the point (not a thousand times too large).
        assert_eq!(
            as_dutch_number(get("latitude")),
            Some(p.lon_lat.lat),
            "{key}"
        );
        assert_eq!(
            as_dutch_number(get("longitude")),
            Some(p.lon_lat.lon),
            "{key}"
        );
        // Lists never become numbers: "2 | 9" stays text where "2,9" would be 2.9.
        for list in ["intake_months", "learning_forms", "languages"] {
            let cell = get(list);
            if cell.contains(" | ") {
                assert_eq!(as_dutch_number(cell), None, "{key} {list}: {cell}");
            }
            assert!(!cell.contains(','), "{key} {list}: {cell}");
        }
        let eqf = get("eqf");
        assert!(eqf.is_empty() || (1..=8).contains(&(as_dutch_number(eqf).unwrap() as u8)));
        // Names come back exactly; a real apostrophe at the start is kept.
        assert_eq!(formula_unsafe(get("provider")), p.name, "{key}");
        if p.name.starts_with('\'') {
            assert_eq!(get("provider"), p.name, "a real name is not altered");
            apostrophes += 1;
        }
        if get("offer") == "not_listed" {
            unlisted_rows += 1;
            assert!(!p.offer_listed && get("course").is_empty());
        }
    }
    assert_eq!(
        seen.len(),
        data.providers.len(),
        "every location is in the CSV"
    );
    let unlisted = data.providers.iter().filter(|p| !p.offer_listed).count();
    assert_eq!(
        unlisted_rows, unlisted,
        "each location whose offer is not listed, once"
    );
    assert_eq!(rows, data.courses.len() + unlisted);
    assert!(apostrophes > 0, "the shipped data has names like 't Saam");
    eprintln!("{rows} rows, {} locations ({unlisted} offer not listed), {apostrophes} names with a leading apostrophe kept", seen.len());
}
