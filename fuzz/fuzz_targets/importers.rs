//! The DUO CSV, Onderwijs Vlaanderen JSON and OOAPI importers, the VDAB / UWV shortage-list
//! importers and the gazetteer and occupation parsers on arbitrary input: errors are fine,
//! panics are not, and every importer's output must load again.
#![no_main]
use std::path::Path;

use leerkaart::core::gazetteer::Gazetteer;
use leerkaart::core::{load_geojson, LoadOptions};
use leerkaart::core::occupation::{Occupations, ShortageList};
use leerkaart::pipeline::shortage::{import_uwv_text, import_vdab_text, ShortageImport};
use leerkaart::pipeline::{duo, onderwijs_vlaanderen, ooapi, to_json, Imported};
use libfuzzer_sys::fuzz_target;

const PLACES: &str = "kind\tname\tcountry\tprovince\tmunicipality\tpostcode\tlat\tlon\tpopulation\tsource\n\
    place\tGoes\tNL\tNL-ZE\t\t\t51.50417\t3.88889\t36931\tGeoNames 2755476\n\
    postcode\tBrugge\tBE\tBE-VWV\tBrugge\t8000\t51.20892\t3.22424\t0\tStatbel\n";

fn check(imported: Imported) {
    let text = to_json(&imported.collection("fuzz", "fuzz", "2026-01-01"));
    load_geojson(&text, &LoadOptions::default()).expect("importer output is GeoJSON");
}

fn check_shortage(result: ShortageImport, list: ShortageList) {
    let mut occ = Occupations::builtin().clone();
    occ.replace_statuses(list, 2025, result.statuses);
    occ.parse_shortage(&occ.shortage_tsv())
        .expect("imported statuses are written as a readable shortage.tsv");
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the importer; the rest is its input.
    let Some((which, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let _ = Gazetteer::parse(text);
    let gaz = Gazetteer::parse(PLACES).expect("fixed gazetteer");
    let path = Path::new("fuzz");
    let occ = Occupations::builtin();
    match which % 6 {
        3 => {
            if let Ok(r) = import_vdab_text(text, "fuzz", occ, 2025, "https://example.org") {
                check_shortage(r, ShortageList::Vdab)
            }
        }
        4 => {
            if let Ok(r) = import_uwv_text(text, "fuzz", occ, 2025, "https://example.org") {
                check_shortage(r, ShortageList::Uwv)
            }
        }
        5 => {
            let (a, b) = text.split_once('\u{0}').unwrap_or((text, ""));
            if let Ok(o) = Occupations::parse(a, b) {
                let _ = o.search(b, 5);
            }
        }
        0 => {
            if let Ok(i) = duo::import_text(text, path, &gaz, &duo::Exams::default()) {
                check(i)
            }
        }
        1 => {
            if let Ok(i) = onderwijs_vlaanderen::import_text(text, path, &gaz) {
                check(i)
            }
        }
        _ => {
            if let Ok(i) = ooapi::import_text(text, path) {
                check(i)
            }
        }
    }
});
