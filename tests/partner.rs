//! A partner's offer going in end to end, on a copy of the project's data tree: `import
//! partner` copies the file with its provenance, adds it to the manifest and rebuilds; the same
//! institution at the same place gets the partner's courses; `build --check` rebuilds it byte
//! for byte; `validate` flags records older than two school years.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

fn tool(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_leerkaart-data"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    // validate prints its findings on standard output, the rest on standard error.
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), log)
}

#[test]
fn a_partner_file_goes_in_end_to_end() {
    let tmp = std::env::temp_dir().join(format!("leerkaart-partner-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    copy_dir(&root().join("data"), &tmp.join("data"));
    std::fs::create_dir_all(tmp.join("assets")).unwrap();
    std::fs::copy(
        root().join("assets/region-outline.geojson"),
        tmp.join("assets/region-outline.geojson"),
    )
    .unwrap();
    let offer = root().join("tests/fixtures/partner_offer.csv");
    let (ok, log) = tool(
        &tmp,
        &[
            "import",
            "partner",
            offer.to_str().unwrap(),
            "--source",
            "Test partner",
            "--licence",
            "CC0",
            "--date",
            "2023-01-15",
            "--compiled",
            "2026-12-06",
        ],
    );
    assert!(ok, "{log}");
    // The file, its provenance and a manifest line.
    let dir = tmp.join("data/sources/partners/test-partner");
    assert!(dir.join("partner_offer.csv").is_file());
    assert!(std::fs::read_to_string(dir.join("PROVENANCE.md"))
        .unwrap()
        .contains("CC0"));
    assert!(std::fs::read_to_string(dir.join("partner.tsv"))
        .unwrap()
        .contains("date\t2023-01-15"));
    let manifest = std::fs::read_to_string(tmp.join("data/sources/manifest.tsv")).unwrap();
    assert!(manifest.contains(
        "partner\tpartners/test-partner/partner_offer.csv\tpartners/test-partner/partner.tsv"
    ));
    // The row without a course name is reported, not dropped silently.
    assert!(log.contains("line 4") && log.contains("is empty"), "{log}");

    let text = std::fs::read_to_string(tmp.join("data/providers.geojson")).unwrap();
    let report = leerkaart::core::load_geojson(&text, &Default::default()).unwrap();
    let data = &report.dataset;
    // Scalda's Stationspark location had no listed offer: it now has the partner's course.
    let (i, scalda) = data
        .providers
        .iter()
        .enumerate()
        .find(|(_, p)| p.name == "Scalda, Stationspark (Goes)")
        .unwrap();
    assert!(scalda.offer_listed);
    let courses = data.courses_of(i as u32);
    assert!(courses
        .iter()
        .any(|c| c.name == "Testopleiding dierverzorging (fixture)"
            && c.learning_forms
                .contains(&leerkaart::core::LearningForm::Dual)));
    assert!(scalda
        .other_sources
        .iter()
        .any(|s| s.name.contains("Test partner") && s.name.contains("2023-01-15")));
    // A new location, placed at its postcode, its country from the border.
    let gent = data
        .providers
        .iter()
        .find(|p| p.name == "Testcentrum (fixture)")
        .unwrap();
    assert_eq!(gent.country, leerkaart::core::Country::Be);
    assert_eq!(gent.source.licence.as_deref(), Some("CC0"));

    // The build rebuilds it byte for byte from the copied sources.
    let (ok, log) = tool(&tmp, &["build", "--check"]);
    assert!(ok, "{log}");
    // Records older than two school years are flagged.
    let (_, log) = tool(&tmp, &["validate", "data/providers.geojson"]);
    assert!(log.contains("more than two school years ago"), "{log}");
    let _ = std::fs::remove_dir_all(&tmp);
}
