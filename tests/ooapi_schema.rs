//! The OOAPI export checked with the specification's own schemas (OOAPI v5.0, `ooapi.json`,
//! in `tests/fixtures/ooapi-v5.0/`), by a JSON-Schema validator this project did not write:
//! every organization, program and offering of the shipped data, and each endpoint's page.

use std::path::PathBuf;

use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The specification with a root `$ref` to `pointer` (its `#/components/...` references then
/// resolve inside the same document). Draft 2019-09, whose formats include `uuid` and `date`
/// (OpenAPI 3.0 schema objects read the same there).
fn validator(spec: &Value, pointer: &str) -> jsonschema::Validator {
    let mut schema = spec.clone();
    schema["$ref"] = json!(pointer);
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft201909)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{pointer}: {e}"))
}

/// The errors of each item, as "id: path: message", at most `limit` of them.
fn errors(
    v: &jsonschema::Validator,
    items: &[Value],
    id: &str,
    limit: usize,
) -> (usize, Vec<String>) {
    let mut bad = 0;
    let mut shown = Vec::new();
    for item in items {
        let errs: Vec<String> = v
            .iter_errors(item)
            .map(|e| format!("{}: {}: {e}", item[id], e.instance_path))
            .collect();
        if !errs.is_empty() {
            bad += 1;
            if shown.len() < limit {
                shown.extend(errs.into_iter().take(3));
            }
        }
    }
    (bad, shown)
}

#[test]
fn the_ooapi_export_validates_against_the_specification() {
    let spec: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/ooapi-v5.0/ooapi.json")).unwrap(),
    )
    .unwrap();
    let text = std::fs::read_to_string(root().join("data/providers.geojson")).unwrap();
    let report = leerkaart::core::load_geojson(&text, &Default::default()).unwrap();
    let bundle = leerkaart::pipeline::export::to_ooapi(&report.dataset, &report.meta);

    let cases = [
        (
            "organizations",
            "#/components/schemas/Organization",
            "organizationId",
            "/organizations",
        ),
        (
            "programs",
            "#/components/schemas/Program",
            "programId",
            "/programs",
        ),
        (
            "offerings",
            "#/components/schemas/ProgramOffering",
            "offeringId",
            "/programs/{programId}/offerings",
        ),
    ];
    let mut counts = Vec::new();
    for (part, pointer, id, path) in cases {
        let page = &bundle[part];
        let items = page["items"]
            .as_array()
            .unwrap_or_else(|| panic!("{part} is no page"));
        assert!(!items.is_empty() || part == "offerings", "{part}: none");
        let (bad, shown) = errors(&validator(&spec, pointer), items, id, 10);
        assert_eq!(
            bad,
            0,
            "{bad} of {} {part} do not validate:\n{}",
            items.len(),
            shown.join("\n")
        );
        // The page as the endpoint returns it (the response schema of the path).
        let escaped = path
            .replace('~', "~0")
            .replace('/', "~1")
            .replace('{', "%7B")
            .replace('}', "%7D");
        let response =
            format!("#/paths/{escaped}/get/responses/200/content/application~1json/schema");
        let (bad, shown) = errors(
            &validator(&spec, &response),
            std::slice::from_ref(page),
            "pageSize",
            10,
        );
        assert_eq!(
            bad,
            0,
            "the {part} page is not what GET {path} returns:\n{}",
            shown.join("\n")
        );
        counts.push(format!("{} {part}", items.len()));
    }
    eprintln!("validated against OOAPI v5.0: {}", counts.join(", "));

    // The validator does reject what the old export wrote: a made-up organization type, no
    // short name, a slug for an id, a start date that is not a date.
    let mut old = bundle["organizations"]["items"][0].clone();
    old["organizationType"] = json!("institution");
    old.as_object_mut().unwrap().remove("shortName");
    old["organizationId"] = json!("ugent-gent");
    let v = validator(&spec, "#/components/schemas/Organization");
    let n = v.iter_errors(&old).count();
    assert!(n >= 3, "the schema check is not biting: {n} errors");
    if let Some(o) = bundle["offerings"]["items"].get(0) {
        let mut bad = o.clone();
        bad["startDate"] = json!("2026-13-01");
        let v = validator(&spec, "#/components/schemas/ProgramOffering");
        assert!(v.iter_errors(&bad).count() >= 1, "dates are checked");
    }

    // Ids are stable UUIDs, unique per kind; references point at exported records.
    let ids = |part: &str, id: &str| -> std::collections::HashSet<String> {
        bundle[part]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x[id].as_str().unwrap().to_string())
            .collect()
    };
    let orgs = ids("organizations", "organizationId");
    let progs = ids("programs", "programId");
    assert_eq!(orgs.len(), report.dataset.providers.len());
    assert_eq!(progs.len(), report.dataset.courses.len());
    for p in bundle["programs"]["items"].as_array().unwrap() {
        assert!(orgs.contains(p["organization"].as_str().unwrap()));
    }
    for o in bundle["offerings"]["items"].as_array().unwrap() {
        assert!(progs.contains(o["program"].as_str().unwrap()));
    }
    let again = leerkaart::pipeline::export::to_ooapi(&report.dataset, &report.meta);
    assert_eq!(
        again["organizations"]["items"][0]["organizationId"],
        bundle["organizations"]["items"][0]["organizationId"]
    );
}

/// What the export says beyond the schema: dates only where the source has them, dual kept,
/// the language of each side of the border.
#[test]
fn the_ooapi_export_says_what_the_sources_say() {
    let text = std::fs::read_to_string(root().join("data/providers.geojson")).unwrap();
    let report = leerkaart::core::load_geojson(&text, &Default::default()).unwrap();
    let bundle = leerkaart::pipeline::export::to_ooapi(&report.dataset, &report.meta);
    let offerings = bundle["offerings"]["items"].as_array().unwrap();
    let dated: usize = report
        .dataset
        .courses
        .iter()
        .filter(|c| {
            c.details
                .as_ref()
                .is_some_and(|d| !d.start_dates.is_empty())
        })
        .count();
    assert!(dated > 0 && !offerings.is_empty());
    // Every offering's start date is one the source published.
    let published: std::collections::HashSet<&str> = report
        .dataset
        .courses
        .iter()
        .filter_map(|c| c.details.as_ref())
        .flat_map(|d| d.start_dates.iter().map(String::as_str))
        .collect();
    for o in offerings {
        let start = o["startDate"].as_str().unwrap();
        assert!(published.contains(start), "invented start date {start}");
        assert!(o["endDate"].as_str().unwrap() > start);
    }
    let programs = bundle["programs"]["items"].as_array().unwrap();
    let dual = report
        .dataset
        .courses
        .iter()
        .filter(|c| {
            c.learning_forms
                .contains(&leerkaart::core::LearningForm::Dual)
        })
        .count();
    let dual_out = programs
        .iter()
        .filter(|p| p["modeOfStudy"] == "dual training")
        .count();
    assert_eq!(dual, dual_out, "dual learning kept");
    let tags: std::collections::BTreeSet<&str> = programs
        .iter()
        .map(|p| p["name"][0]["language"].as_str().unwrap())
        .collect();
    assert!(
        tags.contains("nl-BE") && tags.contains("nl-NL") && tags.contains("en"),
        "{tags:?}"
    );
    for o in bundle["organizations"]["items"].as_array().unwrap() {
        let country = o["addresses"][0]["countryCode"].as_str().unwrap();
        let tag = o["name"][0]["language"].as_str().unwrap();
        assert_eq!(tag, if country == "BE" { "nl-BE" } else { "nl-NL" });
    }
}
