//! Loading and validation: every bad feature is reported with where and why, the rest loads.

use leerkaart::core::load::RejectedPart;
use leerkaart::core::*;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The keys of the providers that loaded, in order.
fn keys(report: &LoadReport) -> Vec<&str> {
    report
        .dataset
        .providers
        .iter()
        .map(|p| p.key.as_str())
        .collect()
}

fn reason_of<'a>(report: &'a LoadReport, id: &str) -> Vec<&'a Rejection> {
    report
        .rejections
        .iter()
        .filter(|r| r.feature_id.as_deref() == Some(id))
        .collect()
}

#[test]
fn mixed_file_keeps_the_valid_features_and_reports_the_rest() {
    let report = load_geojson(&fixture("mixed_bad.geojson"), &LoadOptions::default()).unwrap();
    let keys = keys(&report);
    // Valid features, and features of which only a course or a link was bad, are kept.
    assert_eq!(
        keys,
        [
            "ok-1",
            "bad-sector",
            "be-level-in-nl",
            "eqf-mismatch",
            "js-link",
            "unknown-level"
        ]
    );

    let one = |id: &str| {
        let r = reason_of(&report, id);
        assert_eq!(r.len(), 1, "{id}: {r:?}");
        r[0].clone()
    };
    assert_eq!(one("no-geom").reason, RejectReason::MissingCoordinates);
    assert_eq!(one("no-geom").feature_index, 1);
    assert!(matches!(
        one("outside").reason,
        RejectReason::OutsideRegion { swapped: false, .. }
    ));
    assert!(matches!(
        one("swapped").reason,
        RejectReason::OutsideRegion { swapped: true, .. }
    ));
    assert!(one("swapped").to_string().contains("swapped"));
    let bad_sector = one("bad-sector");
    assert_eq!(bad_sector.part, RejectedPart::Course(0));
    assert_eq!(
        bad_sector.reason,
        RejectReason::UnknownValue {
            field: "sector",
            value: "welding".into()
        }
    );
    let dup: Vec<_> = reason_of(&report, "ok-1");
    assert_eq!(dup.len(), 1);
    assert_eq!(dup[0].reason, RejectReason::DuplicateId("ok-1".into()));
    assert_eq!(dup[0].feature_index, 5);
    assert!(matches!(
        one("be-level-in-nl").reason,
        RejectReason::LevelNotInCountry { .. }
    ));
    assert!(matches!(
        one("eqf-mismatch").reason,
        RejectReason::EqfMismatch {
            eqf: 5,
            lo: 4,
            hi: 4,
            ..
        }
    ));
    assert_eq!(
        one("line").reason,
        RejectReason::NotAPoint("LineString".into())
    );
    let js = one("js-link");
    assert_eq!(js.part, RejectedPart::Field);
    assert!(matches!(
        js.reason,
        RejectReason::UnsafeUrl {
            field: "website",
            ..
        }
    ));
    assert!(matches!(
        one("province-mismatch").reason,
        RejectReason::ProvinceNotInCountry { .. }
    ));
    assert!(matches!(
        one("no-source").reason,
        RejectReason::MissingField("source") | RejectReason::InvalidField { .. }
    ));
    assert!(matches!(
        one("unknown-level").reason,
        RejectReason::UnknownValue { field: "level", .. }
    ));
    assert!(matches!(
        one("short-coords").reason,
        RejectReason::InvalidCoordinates(_)
    ));
    let not_obj: Vec<_> = report
        .rejections
        .iter()
        .filter(|r| r.feature_index == 12)
        .collect();
    assert!(matches!(not_obj[0].reason, RejectReason::NotAFeature(_)));

    // The markup in a name is kept as plain text; the unsafe link is gone.
    let js = &report.dataset.providers[4];
    assert_eq!(js.name, "<img src=x onerror=\"window.__pwned=1\">");
    assert_eq!(js.website, None);
    // The one good course of a feature with a bad one is kept, with its level.
    let p = &report.dataset.providers[2];
    let courses = report.dataset.courses_of(2);
    assert_eq!(p.key, "be-level-in-nl");
    assert_eq!(courses.len(), 1);
    assert_eq!(courses[0].level.national, NationalLevel::NlMbo3);
    assert_eq!(courses[0].level.eqf.map(|e| e.get()), Some(3));
    assert_eq!(
        courses[0].learning_forms,
        Set::from([LearningForm::FullTime, LearningForm::Dual])
    );
    // A course with no source of its own carries its provider's.
    assert_eq!(courses[0].source.name, "Test fixture");
    assert_eq!(report.rejected_features(), 9);
}

#[test]
fn line_delimited_input_reports_the_bad_line_and_loads_the_rest() {
    let report =
        load_geojson(&fixture("line_delimited.geojsonl"), &LoadOptions::default()).unwrap();
    let keys = keys(&report);
    assert_eq!(keys, ["l1", "l3"]);
    assert_eq!(report.rejections.len(), 1);
    let r = &report.rejections[0];
    assert_eq!(r.line, Some(2));
    assert_eq!(r.feature_index, 1);
    assert!(matches!(r.reason, RejectReason::Syntax(_)));
    assert!(
        r.to_string()
            .starts_with("feature #1 (line 2): not valid JSON"),
        "{r}"
    );
    let be = &report.dataset.courses_of(1)[0];
    assert_eq!(be.level.national, NationalLevel::BeSecundairBeroeps);
}

#[test]
fn whole_file_errors_are_one_clear_error() {
    let opts = LoadOptions::default();
    assert!(matches!(
        load_geojson(&fixture("not_geojson.json"), &opts),
        Err(LoadError::NotGeoJson(_))
    ));
    match load_geojson(&fixture("truncated.geojson"), &opts) {
        Err(LoadError::Syntax { line, .. }) => assert!(line > 20, "{line}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(load_geojson("  \n", &opts), Err(LoadError::Empty));
    assert!(matches!(
        load_geojson("[1,2]", &opts),
        Err(LoadError::NotGeoJson(_))
    ));
    assert!(matches!(
        load_geojson("<html>", &opts),
        Err(LoadError::Syntax { .. })
    ));
    assert!(matches!(
        load_geojson(r#"{"type":"FeatureCollection"}"#, &opts),
        Err(LoadError::NotGeoJson(_))
    ));
    let e = load_geojson("<html>", &opts).unwrap_err().to_string();
    assert!(e.contains("line 1"), "{e}");
}

#[test]
fn shipped_dataset_loads_without_rejections() {
    let text = std::fs::read_to_string(format!(
        "{}/data/providers.geojson",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let report = load_geojson(&text, &LoadOptions::default()).unwrap();
    assert!(report.rejections.is_empty(), "{:#?}", report.rejections);
    let data = &report.dataset;
    assert!(data.providers.len() >= 10);
    for p in &data.providers {
        assert!(!p.source.name.is_empty(), "{}", p.key);
        assert!(
            p.website
                .as_deref()
                .is_none_or(|w| w.starts_with("https://")),
            "{}",
            p.key
        );
        assert!(
            p.offer_listed || p.courses.is_empty(),
            "{}: a provider whose offer is not listed lists none",
            p.key
        );
        assert!(
            !p.name.starts_with("Synthetic"),
            "synthetic data must never ship: {}",
            p.key
        );
    }
    // Both sides of the border and both priority sectors are there.
    for country in Country::ALL {
        assert!(data.providers.iter().any(|p| p.country == *country));
    }
    for sector in [Sector::Engineering, Sector::HealthWelfare] {
        assert!(data.courses.iter().any(|c| c.sector == sector));
    }
    for name in [
        "HZ University of Applied Sciences",
        "Universiteit Gent",
        "HOGENT",
    ] {
        assert!(
            data.providers.iter().any(|p| p.name == name),
            "{name} missing"
        );
    }
}

#[test]
fn a_broken_feature_in_a_collection_loses_only_itself() {
    let report = load_geojson(
        &fixture("one_bad_among_good.geojson"),
        &LoadOptions::default(),
    )
    .unwrap();
    let keys = keys(&report);
    assert_eq!(keys, ["a", "c"]);
    assert_eq!(report.rejections.len(), 3, "{:#?}", report.rejections);
    for r in &report.rejections {
        assert!(matches!(r.reason, RejectReason::Syntax(_)), "{r}");
        assert!(r.line.is_some_and(|l| l > 1), "{r}");
    }
    let text = report
        .rejections
        .iter()
        .map(|r| r.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.contains("out of range"), "{text}");
    assert!(text.contains("nested too deeply"), "{text}");
    // The pretty-printed syntax error of the original fixture: one feature, at its line.
    let report = load_geojson(&fixture("broken_syntax.geojson"), &LoadOptions::default()).unwrap();
    assert_eq!(report.rejections.len(), 1);
    assert_eq!(report.rejections[0].line, Some(4));
}

/// Partner files: common names of countries and provinces (NL/FR/EN, ISO codes) and a missing
/// `kind` are accepted with a note per feature; an unknown province still rejects its feature.
#[test]
fn common_names_are_accepted_with_a_note_and_nonsense_is_not() {
    let feature = |id: &str, country: &str, province: &str, kind: Option<&str>| {
        let mut props = serde_json::json!({
            "name": "School", "country": country, "province": province, "municipality": "Gent",
            "location_precision": "town", "source": {"name": "partner"}, "courses": []
        });
        if let Some(k) = kind {
            props["kind"] = k.into();
        }
        serde_json::json!({"type": "Feature", "id": id,
            "geometry": {"type": "Point", "coordinates": [3.72, 51.05]}, "properties": props})
    };
    let text = serde_json::json!({"type": "FeatureCollection", "features": [
        feature("a", "België", "Oost-Vlaanderen", Some("secondary_school")),
        feature("b", "Belgium", "Flandre-Orientale", None),
        feature("c", "BEL", "East Flanders", Some("other")),
        feature("d", "BE", "Brabant", Some("other")),
    ]})
    .to_string();
    let report = load_geojson(&text, &LoadOptions::default()).unwrap();
    let keys = keys(&report);
    assert_eq!(keys, ["a", "b", "c"]);
    assert!(report
        .dataset
        .providers
        .iter()
        .all(|p| p.province == Province::OostVlaanderen && p.country == Country::Be));
    assert_eq!(report.dataset.providers[1].kind, InstitutionKind::Other);
    let notes: Vec<String> = report.rejections.iter().map(|r| r.to_string()).collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("`Oost-Vlaanderen` read as `BE-VOV`")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("`kind` is missing") || n.contains("kind ``")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("`d`") && n.contains("Brabant")),
        "{notes:?}"
    );
    assert_eq!(
        report.rejected_features(),
        1,
        "only the unknown province loses its feature"
    );
}

/// A file that is JSON but no FeatureCollection gets one message saying what it is and what
/// the map reads, in the interface language, with no parser prose in another language.
#[test]
fn a_wrong_top_level_gets_one_clear_message_in_each_language() {
    use leerkaart::core::i18n::Lang;
    use leerkaart::core::labels::load_error;
    use leerkaart::core::load::{LoadError, TopLevelProblem};
    let cases = [
        (fixture("not_geojson.json"), TopLevelProblem::NoType),
        ("[1, 2]".to_string(), TopLevelProblem::NotAnObject),
        (
            r#"{"type": "Topology", "objects": {}}"#.to_string(),
            TopLevelProblem::OtherType("Topology".into()),
        ),
        (
            r#"{"type": "FeatureCollection"}"#.to_string(),
            TopLevelProblem::NoFeatures,
        ),
    ];
    for (text, want) in cases {
        let err = load_geojson(&text, &LoadOptions::default()).unwrap_err();
        assert_eq!(err, LoadError::NotGeoJson(want.clone()));
        let fr = load_error(Lang::Fr, &err);
        assert!(
            fr.starts_with("ce n'est pas une FeatureCollection GeoJSON"),
            "{fr}"
        );
        assert!(fr.contains("data/SCHEMA.md"), "{fr}");
        for english in ["the top", "expected", "has no", " is not "] {
            assert!(!fr.contains(english), "English in French: {fr}");
        }
        let nl = load_error(Lang::Nl, &err);
        assert!(
            nl.starts_with("dit is geen GeoJSON-FeatureCollection"),
            "{nl}"
        );
    }
    // A syntax error says where and what, in words of the language.
    let err = load_geojson(
        "{\"type\": \"FeatureCollection\", \"features\": [",
        &LoadOptions::default(),
    )
    .unwrap_err();
    let fr = load_error(Lang::Fr, &err);
    assert!(fr.contains("tronqué") && fr.contains("ligne 1"), "{fr}");
}

/// The same features as one line each: the loader then reads every feature through its
/// careful path (a JSON tree per feature), never the fast one.
fn as_lines(collection: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Features<'a> {
        #[serde(borrow)]
        features: Vec<&'a serde_json::value::RawValue>,
    }
    let f: Features<'_> = serde_json::from_str(collection).unwrap();
    f.features
        .iter()
        .map(|f| f.get().replace('\n', " "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A syntactically valid collection whose features are wrong in every way the loader checks
/// (so the fast path must hand each to the careful one), among good ones.
fn hostile_collection() -> String {
    let course = r#"{"name":"Verpleegkunde","sector":"health_welfare","level":{"eqf":4,"national":"nl_mbo_4"},"learning_forms":["full_time"]}"#;
    let props = |extra: &str| {
        format!(
            r#"{{"name":"School","kind":"secondary_school","country":"NL","province":"NL-ZE","municipality":"Goes","location_precision":"town","source":{{"name":"Test"}}{extra},"courses":[{course}]}}"#
        )
    };
    let point = r#"{"type":"Point","coordinates":[3.89,51.5]}"#;
    let features = [
        format!(
            r#"{{"type":"Feature","id":"good","geometry":{point},"properties":{}}}"#,
            props("")
        ),
        format!(
            r#"{{"type":"Feature","id":"dup-key","geometry":{point},"properties":{}}}"#,
            props(r#","name":"Again""#)
        ),
        format!(r#"{{"type":"Feature","id":"empty","geometry":{point},"properties":{{}}}}"#),
        format!(r#"{{"type":"Feature","id":"not-object","geometry":{point},"properties":[1,2]}}"#),
        format!(
            r#"{{"type":"Feature","id":"no-name","geometry":{point},"properties":{{"country":"NL"}}}}"#
        ),
        format!(
            r#"{{"type":"Feeture","id":"type","geometry":{point},"properties":{}}}"#,
            props("")
        ),
        format!(
            r#"{{"type":"Feature","id":"line","geometry":{{"type":"LineString","coordinates":[[3,51],[4,51]]}},"properties":{}}}"#,
            props("")
        ),
        format!(
            r#"{{"type":"Feature","id":"no-geometry","properties":{}}}"#,
            props("")
        ),
        format!(
            r#"{{"type":"Feature","id":"name-number","geometry":{point},"properties":{}}}"#,
            props("").replacen(r#""name":"School""#, r#""name":42"#, 1)
        ),
        format!(
            r#"{{"type":"Feature","id":"bad-course","geometry":{point},"properties":{}}}"#,
            props("").replace(
                r#""learning_forms":["full_time"]"#,
                r#""learning_forms":"full_time""#
            )
        ),
        format!(
            r#"{{"type":"Feature","id":"invisible","geometry":{point},"properties":{}}}"#,
            props("").replace("School", r"Sch\u200bool\u0007 ")
        ),
        format!(
            r#"{{"type":"Feature","id":"script","geometry":{point},"properties":{}}}"#,
            props(r#","website":"javascript:alert(1)""#)
        ),
        format!(
            r#"{{"type":"Feature","id":7,"geometry":{point},"properties":{}}}"#,
            props("").replace("Goes", "Middelburg")
        ),
        format!(
            r#"{{"type":"Feature","id":"good","geometry":{point},"properties":{}}}"#,
            props("")
        ),
    ];
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

/// The fast path (a well-formed collection, read in one typed pass per feature) and the
/// careful path give the same dataset and the same reports, on clean and on hostile data.
#[test]
fn fast_and_careful_paths_agree() {
    let shipped = std::fs::read_to_string(format!(
        "{}/data/providers.geojson",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    for (name, text) in [("shipped", shipped), ("hostile", hostile_collection())] {
        let fast = load_geojson(&text, &LoadOptions::default()).unwrap();
        let careful = load_geojson(&as_lines(&text), &LoadOptions::default()).unwrap();
        assert_eq!(fast.dataset.providers, careful.dataset.providers, "{name}");
        assert_eq!(fast.dataset.courses, careful.dataset.courses, "{name}");
        let what = |r: &LoadReport| {
            r.rejections
                .iter()
                .map(|x| {
                    (
                        x.feature_index,
                        x.feature_id.clone(),
                        format!("{:?} {:?}", x.part, x.reason),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(what(&fast), what(&careful), "{name}");
        if name == "hostile" {
            // good, dup-key (the last name wins), bad-course (without its course), invisible
            // (cleaned), script (without its link) and 7 load; the others are reported.
            assert_eq!(fast.dataset.providers.len(), 6, "{:?}", what(&fast));
            assert!(fast.rejections.len() >= 9, "{:?}", what(&fast));
        }
    }
}

/// Reads `text` through [`load::FeatureStream`] in chunks of `chunk` bytes (cut anywhere,
/// even inside a character).
fn streamed(text: &str, chunk: usize) -> Result<LoadReport, load::NotStreamable> {
    let options = LoadOptions::default();
    let mut stream = load::FeatureStream::new(&options);
    for part in text.as_bytes().chunks(chunk.max(1)) {
        stream.push(part)?;
    }
    stream.finish()
}

/// The stream's one promise: when it gives a report, it is the report of the whole text.
fn assert_stream_agrees(name: &str, text: &str, chunk: usize) -> bool {
    match streamed(text, chunk) {
        Ok(report) => {
            let whole = load_geojson(text, &LoadOptions::default());
            assert_eq!(
                whole.as_ref().ok(),
                Some(&report),
                "{name}, chunks of {chunk}"
            );
            true
        }
        Err(_) => false,
    }
}

const CHUNKS: [usize; 6] = [1, 2, 7, 64, 4096, usize::MAX];

/// Well-formed collections (the shipped data, hostile features, synthetic data, metadata
/// before or after the features, a byte order mark, pretty-printed) stream to exactly the
/// whole text's report, however the bytes are cut.
#[test]
fn a_well_formed_collection_streams_to_the_same_report() {
    let shipped = std::fs::read_to_string(format!(
        "{}/data/providers.geojson",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let synthetic = leerkaart::pipeline::export::to_geojson(
        &leerkaart::core::synth::generate(7, &Default::default()),
        "synthetic",
    )
    .to_string();
    let hostile = hostile_collection();
    let meta_first = hostile.replacen(
        r#"{"type":"FeatureCollection","#,
        r#"{"leerkaart":{"compiled":"2026-11-01","note":"a \"features\": [ note ]"},"type":"FeatureCollection","#,
        1,
    );
    let meta_last = format!(
        "{}, \"leerkaart\": {{\"compiled\": \"2026-11-02\"}}, \"bbox\": [1, 2, 3, 4]}}\n\n",
        hostile.trim_end_matches('}')
    );
    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(&shipped).unwrap())
            .unwrap();
    let bom = format!("\u{feff}{hostile}");
    let empty = r#"{"type":"FeatureCollection","features":[]}"#.to_string();
    for (name, text) in [
        ("shipped", &shipped),
        ("synthetic", &synthetic),
        ("hostile", &hostile),
        ("meta first", &meta_first),
        ("meta last", &meta_last),
        ("pretty", &pretty),
        ("bom", &bom),
        ("empty", &empty),
    ] {
        let chunks: &[usize] = if text.len() > 100_000 {
            &[64, 4096, 65_536]
        } else {
            &CHUNKS
        };
        for &chunk in chunks {
            assert!(
                assert_stream_agrees(name, text, chunk),
                "{name} should stream (chunks of {chunk})"
            );
        }
    }
    let r = streamed(&meta_first, 5).unwrap();
    assert_eq!(r.meta.compiled.as_deref(), Some("2026-11-01"));
    assert_eq!(
        streamed(&meta_last, 3).unwrap().meta.compiled.as_deref(),
        Some("2026-11-02")
    );
}

/// What the stream cannot read as the whole-text fast path would, it leaves to the whole
/// text: syntax errors, line-delimited features, other top levels, duplicate or escaped
/// `features` keys, trailing text, elements that are not objects, bytes that are not UTF-8.
#[test]
fn anything_else_is_left_to_the_whole_text_reader() {
    let good = hostile_collection();
    let mut cases: Vec<(String, String)> = [
        "broken_syntax.geojson",
        "line_delimited.geojsonl",
        "not_geojson.json",
        "truncated.geojson",
        "one_bad_among_good.geojson",
    ]
    .iter()
    .map(|f| (f.to_string(), fixture(f)))
    .collect();
    let feature = r#"{"type":"Feature","properties":{}}"#;
    for (name, text) in [
        ("one feature", feature.to_string()),
        ("no features", r#"{"type":"FeatureCollection"}"#.to_string()),
        (
            "features null",
            r#"{"type":"FeatureCollection","features":null}"#.into(),
        ),
        (
            "not a collection",
            good.replacen("FeatureCollection", "Collection", 1),
        ),
        (
            "twice",
            good.replacen(r#""features":["#, r#""features":[],"features":["#, 1),
        ),
        (
            "twice after",
            format!("{},\"features\":[]}}", good.trim_end_matches('}')),
        ),
        (
            "escaped key",
            good.replacen(r#""features""#, r#""featur\u0065s""#, 1),
        ),
        ("trailing", format!("{good} x")),
        ("two tops", format!("{good}{good}")),
        (
            "numbers",
            r#"{"type":"FeatureCollection","features":[1,2]}"#.into(),
        ),
        ("trailing comma", good.replacen("]}", ",]}", 1)),
        (
            "leading comma",
            good.replacen(r#""features":["#, r#""features":[,"#, 1),
        ),
        ("space then bom", format!(" \u{feff}{good}")),
        ("array", format!("[{good}]")),
        (
            "deep",
            format!(
                r#"{{"type":"FeatureCollection","features":[{{"a":{}1{}}}]}}"#,
                "[".repeat(120),
                "]".repeat(120)
            ),
        ),
        ("huge number", good.replacen("3.89", "3e999", 1)),
    ] {
        cases.push((name.to_string(), text));
    }
    for (name, text) in &cases {
        for chunk in CHUNKS {
            assert!(
                !assert_stream_agrees(name, text, chunk),
                "{name} must be left to the whole-text reader (chunks of {chunk})"
            );
        }
    }
    // Not UTF-8 inside a feature.
    let mut bytes = good.clone().into_bytes();
    let at = good.find("Goes").unwrap();
    bytes[at] = 0xFF;
    let options = LoadOptions::default();
    let mut stream = load::FeatureStream::new(&options);
    let pushed = stream.push(&bytes);
    assert!(pushed.is_err() || stream.finish().is_err());
}

/// Random damage to a collection (bytes deleted, inserted, repeated), cut at random: the
/// stream either gives up or gives exactly the whole text's report.
#[test]
fn damaged_collections_stream_to_the_same_report_or_not_at_all() {
    let good = format!(
        "{}, \"leerkaart\": {{\"compiled\": \"2026-11-02\"}}}}",
        hostile_collection().trim_end_matches('}')
    );
    let mut rng = leerkaart::core::synth::Rng::new(20_261_129);
    let inserts = b"{}[],:\"\\ x0\n";
    let (mut streamed_ok, mut refused) = (0, 0);
    for _ in 0..400 {
        let mut bytes = good.clone().into_bytes();
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(bytes.len());
            match rng.below(3) {
                0 => {
                    bytes.remove(at);
                }
                1 => bytes.insert(at, inserts[rng.below(inserts.len())]),
                _ => {
                    let end = (at + 1 + rng.below(40)).min(bytes.len());
                    let copy = bytes[at..end].to_vec();
                    bytes.splice(at..at, copy);
                }
            }
        }
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let chunk = 1 + rng.below(300);
        if assert_stream_agrees("damaged", &text, chunk) {
            streamed_ok += 1;
        } else {
            refused += 1;
        }
    }
    // Damage inside a string value leaves a well-formed collection: both kinds occur.
    assert!(
        streamed_ok > 20 && refused > 20,
        "{streamed_ok} streamed, {refused} refused"
    );
}

/// Repeated values are held once: courses with the same name, language list or source
/// share one copy (what keeps a million courses in a couple of hundred megabytes).
#[test]
fn repeated_values_are_shared() {
    let text = std::fs::read_to_string(format!(
        "{}/data/providers.geojson",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let data = load_geojson(&text, &LoadOptions::default())
        .unwrap()
        .dataset;
    let mut first_by_name: std::collections::HashMap<&str, &Course> = Default::default();
    let (mut repeats, mut lists) = (0, 0);
    for c in &data.courses {
        match first_by_name.get(c.name.as_str()) {
            Some(first) => {
                assert!(c.name.is_shared_with(&first.name), "{}", c.name);
                repeats += 1;
                if c.languages == first.languages {
                    assert!(std::sync::Arc::ptr_eq(&c.languages, &first.languages));
                    lists += 1;
                }
                if c.source == first.source {
                    assert!(std::sync::Arc::ptr_eq(&c.source, &first.source));
                }
            }
            None => {
                first_by_name.insert(c.name.as_str(), c);
            }
        }
    }
    assert!(
        repeats > 1_000 && lists > 1_000,
        "{repeats} repeated names, {lists} lists"
    );
    // Distinct values stay distinct.
    let distinct: std::collections::HashSet<&str> =
        data.courses.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(distinct.len(), first_by_name.len());
}

/// Told the file's size, the stream sizes its record vectors from the first megabyte: no
/// doubling later (wasm memory keeps its peak), and not much more than the file needs.
#[test]
fn a_size_hint_sizes_the_records_once() {
    let data = leerkaart::core::synth::generate(
        3,
        &leerkaart::core::synth::SynthOptions {
            // 20,000 courses: a vector grown by doubling would hold 32,768.
            providers: 2_500,
            courses: 20_000,
            ..Default::default()
        },
    );
    let text = leerkaart::pipeline::export::to_geojson(&data, "synthetic").to_string();
    assert!(text.len() > 3 << 20, "several megabytes: {}", text.len());
    let options = LoadOptions::default();
    let mut stream = load::FeatureStream::new(&options).with_size_hint(Some(text.len() as u64));
    for part in text.as_bytes().chunks(64 * 1024) {
        stream.push(part).unwrap();
    }
    let report = stream.finish().unwrap();
    assert_eq!(report, load_geojson(&text, &options).unwrap());
    let courses = &report.dataset.courses;
    assert!(
        courses.capacity() >= courses.len() && courses.capacity() <= courses.len() * 112 / 100,
        "{} courses in a vector for {}",
        courses.len(),
        courses.capacity()
    );
    // No hint, or a wrong one: still the same report, and an absurd one is not believed.
    for hint in [None, Some(10), Some(u64::MAX), Some(3 << 30)] {
        let mut stream = load::FeatureStream::new(&options).with_size_hint(hint);
        for part in text.as_bytes().chunks(100_000) {
            stream.push(part).unwrap();
        }
        let again = stream.finish().unwrap();
        assert_eq!(again, report, "{hint:?}");
        assert!(
            again.dataset.courses.capacity() < 1 << 20,
            "{hint:?}: {} reserved",
            again.dataset.courses.capacity()
        );
    }
}

/// Bytes read whole (a file the stream refused) decode as the browser's `text()` would.
#[test]
fn bytes_decode_as_the_browser_reads_text() {
    assert_eq!(load::text_of(b"\xEF\xBB\xBF{}"), "{}");
    assert_eq!(load::text_of(b"\xEF\xBB\xBF\xEF\xBB\xBF{}"), "\u{feff}{}");
    assert_eq!(
        load::text_of("Zeeuws-Vlaanderen é".as_bytes()),
        "Zeeuws-Vlaanderen é"
    );
    assert_eq!(load::text_of(b"a\xFFb\xC3"), "a\u{fffd}b\u{fffd}");
    let whole = fixture("truncated.geojson");
    assert_eq!(
        load_geojson(&load::text_of(whole.as_bytes()), &LoadOptions::default()),
        load_geojson(&whole, &LoadOptions::default())
    );
}
