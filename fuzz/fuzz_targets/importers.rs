//! The DUO CSV, Onderwijs Vlaanderen JSON and OOAPI importers and the gazetteer parser on
//! arbitrary input: errors are fine, panics are not, and every importer's output must load.
#![no_main]
use std::path::Path;

use leerkaart::core::gazetteer::Gazetteer;
use leerkaart::core::{load_geojson, LoadOptions};
use leerkaart::pipeline::{duo, onderwijs_vlaanderen, ooapi, to_json, Imported};
use libfuzzer_sys::fuzz_target;

const PLACES: &str = "kind\tname\tcountry\tprovince\tmunicipality\tpostcode\tlat\tlon\tpopulation\tsource\n\
    place\tGoes\tNL\tNL-ZE\t\t\t51.50417\t3.88889\t36931\tGeoNames 2755476\n\
    postcode\tBrugge\tBE\tBE-VWV\tBrugge\t8000\t51.20892\t3.22424\t0\tStatbel\n";

fn check(imported: Imported) {
    let text = to_json(&imported.collection("fuzz", "fuzz", "2026-01-01"));
    load_geojson(&text, &LoadOptions::default()).expect("importer output is GeoJSON");
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the importer; the rest is its input.
    let Some((which, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let _ = Gazetteer::parse(text);
    let gaz = Gazetteer::parse(PLACES).expect("fixed gazetteer");
    let path = Path::new("fuzz");
    match which % 3 {
        0 => {
            if let Ok(i) = duo::import_text(text, path, &gaz) {
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
