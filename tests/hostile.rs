//! A hostile-data corpus: markup and script in every text field, dangerous URLs, invisible
//! and right-to-left characters, huge strings, impossible coordinates, deep nesting, a 50 MB
//! file, duplicated ids. Each is rejected with a clear message or kept as inert text, and the
//! valid rest always loads. (That the page never runs injected script is checked in
//! tests/e2e.rs.)

use leerkaart::core::load::RejectedPart;
use leerkaart::core::synth::{generate, SynthOptions};
use leerkaart::core::*;
use serde_json::{json, Value};

const XSS: &str = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";

fn provider(id: &str, props: Value) -> Value {
    let mut base = json!({
        "name": "Veilige school", "kind": "mbo_college", "country": "NL", "province": "NL-ZE",
        "municipality": "Goes", "location_precision": "town", "source": { "name": "Hostile corpus" },
        "courses": [{ "name": "Verzorgende-IG", "sector": "health_welfare", "level": "nl_mbo_3", "learning_forms": ["dual"] }]
    });
    for (k, v) in props.as_object().unwrap() {
        base[k] = v.clone();
    }
    json!({ "type": "Feature", "id": id, "geometry": { "type": "Point", "coordinates": [3.88, 51.5] }, "properties": base })
}

fn load(features: Vec<Value>) -> LoadReport {
    let text = json!({ "type": "FeatureCollection", "features": features }).to_string();
    load_geojson(&text, &LoadOptions::default()).unwrap()
}

#[test]
fn markup_in_every_text_field_is_kept_as_inert_text() {
    let report = load(vec![provider(
        "xss",
        json!({
            "name": XSS, "municipality": XSS,
            "address": { "street": XSS, "postcode": XSS, "locality": XSS },
            "source": { "name": XSS },
            "courses": [{ "name": XSS, "sector": "engineering", "level": "nl_mbo_2", "learning_forms": ["full_time"], "duration": XSS, "languages": [XSS] }]
        }),
    )]);
    assert!(report.rejections.is_empty(), "{:?}", report.rejections);
    let p = &report.dataset.providers[0];
    // Stored verbatim: the page renders it as text (never as HTML).
    assert_eq!(p.name, XSS);
    assert_eq!(report.dataset.courses[0].name, XSS);
}

#[test]
fn dangerous_urls_are_removed_and_reported() {
    let bad = [
        "javascript:alert(1)",
        " JAVASCRIPT:alert(1)",
        "data:text/html,<script>1</script>",
        "vbscript:x",
        "//evil.example",
        "file:///etc/passwd",
        "https://ex ample.org",
    ];
    let features: Vec<Value> = bad
        .iter()
        .enumerate()
        .map(|(i, u)| {
            provider(
                &format!("u{i}"),
                json!({ "website": u, "source": { "name": "s", "url": u } }),
            )
        })
        .collect();
    let report = load(features);
    assert_eq!(
        report.dataset.providers.len(),
        bad.len(),
        "the providers stay"
    );
    for p in &report.dataset.providers {
        assert_eq!(p.website, None);
        assert_eq!(p.source.url, None);
    }
    let unsafe_urls = report
        .rejections
        .iter()
        .filter(|r| matches!(r.reason, RejectReason::UnsafeUrl { .. }))
        .count();
    assert_eq!(unsafe_urls, 2 * bad.len());
    assert!(report
        .rejections
        .iter()
        .all(|r| r.part == RejectedPart::Field));
}

#[test]
fn invisible_and_reordering_characters_are_dropped() {
    let report = load(vec![provider(
        "rtl",
        json!({ "name": "Sc\u{200B}al\u{202E}da\u{2066} \u{FEFF}Goes\n\tcampus" }),
    )]);
    assert_eq!(report.dataset.providers[0].name, "Scalda Goes  campus");
}

#[test]
fn huge_strings_are_rejected_with_their_size() {
    let huge = "x".repeat(2_000_000);
    let report = load(vec![
        provider("huge-name", json!({ "name": huge })),
        provider(
            "huge-course",
            json!({ "courses": [{ "name": huge, "sector": "engineering", "level": "nl_mbo_2", "learning_forms": ["full_time"] }] }),
        ),
        provider("fine", json!({})),
    ]);
    let keys: Vec<&str> = report
        .dataset
        .providers
        .iter()
        .map(|p| p.key.as_str())
        .collect();
    assert_eq!(keys, ["huge-course", "fine"]);
    assert_eq!(
        report.dataset.courses_of(0).len(),
        0,
        "the huge course is rejected, its provider kept"
    );
    for r in &report.rejections {
        assert!(
            r.to_string().contains("2000000 characters, at most 1000"),
            "{r}"
        );
    }
}

#[test]
fn impossible_coordinates_are_rejected_and_the_rest_loads() {
    let coords = [
        json!([200.0, 51.5]),
        json!([3.88, 95.0]),
        json!([3.88]),
        json!(["3.88", "51.5"]),
        json!(null),
        json!([[3.88, 51.5]]),
        json!({}),
    ];
    let mut features: Vec<Value> = coords
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut f = provider(&format!("c{i}"), json!({}));
            f["geometry"]["coordinates"] = c.clone();
            f
        })
        .collect();
    features.push(provider("fine", json!({})));
    let report = load(features);
    assert_eq!(report.dataset.providers.len(), 1);
    assert_eq!(report.rejected_features(), coords.len());
    // NaN, Infinity and overflowing numbers are not JSON: in a collection only that feature
    // is lost.
    let text = format!(
        "{{\"type\":\"FeatureCollection\",\"features\":[{},\n{{\"type\":\"Feature\",\"id\":\"nan\",\"geometry\":{{\"type\":\"Point\",\"coordinates\":[NaN,Infinity]}}}},\n{{\"type\":\"Feature\",\"id\":\"big\",\"geometry\":{{\"type\":\"Point\",\"coordinates\":[1e400,-1e400]}}}}]}}",
        provider("ok", json!({}))
    );
    let report = load_geojson(&text, &LoadOptions::default()).unwrap();
    assert_eq!(report.dataset.providers.len(), 1);
    assert_eq!(report.rejections.len(), 2);
}

#[test]
fn deep_nesting_loses_only_its_feature() {
    for depth in [200, 100_000] {
        let deep = format!(
            "{{\"type\":\"Feature\",\"properties\":{{\"x\":{}{}}}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let text = format!(
            "{{\"type\":\"FeatureCollection\",\"features\":[{deep},{}]}}",
            provider("ok", json!({}))
        );
        let report = load_geojson(&text, &LoadOptions::default()).unwrap();
        assert_eq!(report.dataset.providers.len(), 1, "depth {depth}");
        assert_eq!(report.rejected_features(), 1);
    }
    // Nesting outside any feature is one clear error, not a crash.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(load_geojson(&deep, &LoadOptions::default()).is_err());
}

#[test]
fn duplicated_ids_keep_the_first() {
    let report = load(vec![
        provider("same", json!({ "name": "Eerste" })),
        provider("same", json!({ "name": "Tweede" })),
    ]);
    assert_eq!(report.dataset.providers.len(), 1);
    assert_eq!(report.dataset.providers[0].name, "Eerste");
    assert_eq!(
        report.rejections[0].reason,
        RejectReason::DuplicateId("same".into())
    );
}

#[test]
fn a_fifty_megabyte_file_loads() {
    let data = generate(
        5,
        &SynthOptions {
            providers: 30_000,
            courses: 240_000,
            ..Default::default()
        },
    );
    let features: Vec<Value> = data
        .providers
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let courses: Vec<Value> = data
                .courses_of(i as u32)
                .iter()
                .map(|c| json!({ "name": c.name, "sector": c.sector.code(), "level": { "eqf": c.level.eqf.map(|e| e.get()), "national": c.level.national.code() }, "learning_forms": c.learning_forms.iter().map(|f| f.code()).collect::<Vec<_>>(), "duration": "2 jaar, voltijds of deeltijds" }))
                .collect();
            json!({ "type": "Feature", "id": p.key, "geometry": { "type": "Point", "coordinates": [p.lon_lat.lon, p.lon_lat.lat] },
                "properties": { "name": p.name, "kind": p.kind.code(), "country": p.country.code(), "province": p.province.code(), "municipality": p.municipality, "location_precision": "town", "source": { "name": "Synthetic" }, "courses": courses } })
        })
        .collect();
    let text = json!({ "type": "FeatureCollection", "features": features }).to_string();
    assert!(text.len() > 48_000_000, "{} bytes", text.len());
    let report = load_geojson(&text, &LoadOptions::default()).unwrap();
    assert!(report.rejections.is_empty());
    assert_eq!(report.dataset.courses.len(), 240_000);
}
