//! The GeoJSON loader and validator on arbitrary bytes: must never panic, and whatever loads
//! must index and filter.
#![no_main]
use leerkaart::core::{load_geojson, Catalog, Filter, LoadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(report) = load_geojson(text, &LoadOptions::default()) {
        for r in &report.rejections {
            let _ = r.to_string();
        }
        let catalog = Catalog::new(report.dataset);
        let out = catalog.apply(&Filter { text: text.chars().take(8).collect(), ..Filter::default() });
        assert!(out.course_count <= catalog.data.courses.len());
    }
    let _ = leerkaart::pipeline::validate::validate(text, None);
});
