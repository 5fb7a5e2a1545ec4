//! The GeoJSON loader and validator on arbitrary bytes: must never panic, and whatever loads
//! must index and filter. The streaming reader, fed the same bytes in pieces, must either
//! give up or give exactly the whole-text report.
#![no_main]
use leerkaart::core::load::FeatureStream;
use leerkaart::core::{load_geojson, Catalog, Filter, LoadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Cut where the first byte says (1..=256 bytes), so chunk edges land everywhere.
    let chunk = usize::from(data.first().copied().unwrap_or(0)) + 1;
    let options = LoadOptions::default();
    let mut stream = FeatureStream::new(&options);
    let streamed = data
        .chunks(chunk)
        .try_for_each(|c| stream.push(c))
        .ok()
        .and_then(|()| stream.finish().ok());
    let Ok(text) = std::str::from_utf8(data) else {
        assert!(streamed.is_none(), "not UTF-8, yet streamed");
        return;
    };
    if let Some(report) = &streamed {
        assert_eq!(load_geojson(text, &options).ok().as_ref(), Some(report));
    }
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
