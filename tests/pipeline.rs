//! The data pipeline: the shipped data is what its sources build, importers on real-format
//! input (the real files in ../shared/data when present), golden output, validation.

use std::path::PathBuf;

use leerkaart::core::gazetteer::Gazetteer;
use leerkaart::core::*;
use leerkaart::pipeline::validate::{validate, Land, Severity};
use leerkaart::pipeline::{self, build, duo, onderwijs_vlaanderen, ooapi};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gazetteer() -> Gazetteer {
    Gazetteer::parse(&std::fs::read_to_string(root().join("data/places.tsv")).unwrap()).unwrap()
}

fn land() -> Land {
    Land::from_geojson(
        &std::fs::read_to_string(root().join("assets/region-outline.geojson")).unwrap(),
    )
    .unwrap()
}

/// The shared reference data, or `None` (with a note) on a clone that lacks it.
fn shared(rel: &str) -> Option<PathBuf> {
    let p = root().join("../shared/data").join(rel);
    if p.is_file() {
        Some(p)
    } else {
        say_skipped(&p);
        None
    }
}

/// Whether a course is part-time (DBSO): the same programme may run full- and part-time.
type LearningForms = bool;

fn load(text: &str) -> LoadReport {
    load_geojson(text, &LoadOptions::default()).unwrap()
}

#[test]
fn shipped_data_is_what_its_sources_build_and_validates() {
    let shipped = std::fs::read_to_string(root().join("data/providers.geojson")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&shipped).unwrap();
    let compiled = v["leerkaart"]["compiled"].as_str().unwrap();
    let manifest = build::manifest(&root().join("data/sources/manifest.tsv")).unwrap();
    let built = build::build(&manifest, &gazetteer()).unwrap();
    let text = pipeline::to_json(&built.collection(
        "Leerkaart Scheldemond",
        v["leerkaart"]["note"].as_str().unwrap(),
        compiled,
    ));
    assert!(text == shipped, "data/providers.geojson is stale: run `cargo run --bin leerkaart-data -- build --compiled {compiled}`");
    let problems = validate(&shipped, Some(&land()));
    assert!(
        problems.iter().all(|p| p.severity == Severity::Warning),
        "{problems:#?}"
    );
    // A programme being phased out takes no new students: no offer for anyone choosing one.
    // The study guides say so in its name; the build says where it left each out.
    let phasing_out: Vec<_> = built
        .skipped
        .iter()
        .filter(|s| s.reason.contains("no longer takes new students"))
        .collect();
    assert!(phasing_out.len() >= 2, "{phasing_out:#?}");
    let dataset = load(&shipped).dataset;
    assert!(
        !dataset
            .courses
            .iter()
            .any(|c| c.name.to_lowercase().contains("niet voor nieuwe studenten")),
        "a shipped course takes no new students"
    );
}

/// Every input the build reads is a file of the project (the build runs offline), with a
/// provenance note beside it, and, where ../shared is present, an exact copy of the
/// reference file it names.
#[test]
fn every_build_input_is_copied_with_its_provenance() {
    let manifest = build::manifest(&root().join("data/sources/manifest.tsv")).unwrap();
    let shared_of = |name: &str| -> Option<&str> {
        Some(match name {
            "nl_zeeland_schools_duo_2024.csv" => "providers/nl_zeeland_schools_duo_2024.csv",
            "nl_zeeland_hbo_ingeschrevenen_duo_2020_2024.csv" => {
                "courses/nl_zeeland_hbo_ingeschrevenen_duo_2020_2024.csv"
            }
            "nl_zeeland_hbo_wo_programmes_hovi_2025.csv" => {
                "courses/unverified_license/nl_zeeland_hbo_wo_programmes_hovi_2025.csv"
            }
            "nl_zeeland_mbo_locations_kiesmbo_2025.csv" => {
                "providers/unverified_license/nl_zeeland_mbo_locations_kiesmbo_2025.csv"
            }
            "be_vl_secondary_schools_ovl_wvl_sample.json" => {
                "providers/unverified_license/be_vl_secondary_schools_ovl_wvl_sample.json"
            }
            "be_vl_secondary_schools_ovl_wvl_transcribed.json" => {
                "providers/unverified_license/be_vl_secondary_schools_ovl_wvl_transcribed.json"
            }
            "nl_zeeland_vo_examenkandidaten_duo_2019_2024.csv" => {
                "courses/nl_zeeland_vo_examenkandidaten_duo_2019_2024.csv"
            }
            "be_vl_secondary_first_grade_ovl_wvl_transcribed.json" => {
                "providers/unverified_license/be_vl_secondary_first_grade_ovl_wvl_transcribed.json"
            }
            "be_vl_higher_education_programmes_per_campus_2024.csv" => {
                "courses/unverified_license/be_vl_higher_education_programmes_per_campus_2024.csv"
            }
            "be_vl_adult_training_facts_pages.csv" => {
                "providers/unverified_license/be_vl_adult_training_facts_pages.csv"
            }
            "nl_zeeland_mbo_location_facts_pages.csv" => {
                "providers/unverified_license/nl_zeeland_mbo_location_facts_pages.csv"
            }
            "nl_zeeland_vmbo_profiles_facts_pages.csv" => {
                "courses/unverified_license/nl_zeeland_vmbo_profiles_facts_pages.csv"
            }
            "guidance_points_facts_pages.csv" => {
                "guidance/unverified_license/guidance_points_facts_pages.csv"
            }
            "readings.tsv" | "sectors.tsv" => return None,
            "be_vl_campuses_ppdb_team3_2020.csv" => {
                "providers/unverified_license/be_vl_campuses_ppdb_team3_2020.csv"
            }
            _ => return None,
        })
    };
    let mut copies = 0;
    for input in &manifest.inputs {
        for f in &input.files {
            let path = manifest.dir.join(f);
            assert!(path.is_file(), "{} is missing", path.display());
            if input.kind == "csv" {
                continue;
            }
            let note = path.parent().unwrap().join("PROVENANCE.md");
            let note = std::fs::read_to_string(&note)
                .unwrap_or_else(|_| panic!("{} has no PROVENANCE.md beside it", path.display()));
            let name = path.file_name().unwrap().to_str().unwrap();
            assert!(
                note.contains(name),
                "PROVENANCE.md does not describe {name}"
            );
            assert!(
                note.to_lowercase().contains("licence"),
                "{name}: licence not named"
            );
            // The project's own reading of a source (decisions, mappings) has no shared copy.
            let Some(rel) = shared_of(name) else {
                assert!(
                    name.ends_with(".tsv"),
                    "{name}: which shared file is this a copy of?"
                );
                continue;
            };
            if let Some(orig) = shared(rel) {
                assert!(
                    std::fs::read(&orig).unwrap() == std::fs::read(&path).unwrap(),
                    "{} differs from {}",
                    path.display(),
                    orig.display()
                );
                copies += 1;
            }
        }
    }
    eprintln!("{copies} inputs compared with ../shared/data");
}

#[test]
fn validate_finds_every_kind_of_problem() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/mixed_bad.geojson")).unwrap();
    let problems = validate(&text, Some(&land()));
    let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let has = |s: &str| messages.iter().any(|m| m.contains(s));
    assert!(has("duplicate id `ok-1`"), "{messages:#?}");
    assert!(has("outside the region"));
    assert!(has("`website` is not an http(s) URL: javascript:alert(1)"));
    assert!(has("level `be_graduaat` does not exist in NL"));
    assert!(has("missing required field `source`") || has("invalid `properties`"));
    // A point in the North Sea, inside the region's box.
    let sea = text.replacen("[\n     3.88,\n     51.5\n    ]", "[2.9, 51.45]", 1);
    assert_ne!(sea, text, "fixture layout changed");
    assert!(validate(&sea, Some(&land()))
        .iter()
        .any(|p| p.message.contains("in the sea")));
    // Plain http is an error too.
    let http = text.replace(
        "\"Test fixture\"",
        "\"Test fixture\", \"url\": \"http://example.org\"",
    );
    assert!(validate(&http, None)
        .iter()
        .any(|p| p.message.contains("not https")));
    assert_eq!(validate("{", None).len(), 1);
}

#[test]
fn ooapi_import_matches_golden_file() {
    let imported = ooapi::import(&root().join("tests/fixtures/ooapi_bundle.json")).unwrap();
    let text = pipeline::to_json(&imported.collection("golden", "OOAPI fixture", "2026-01-01"));
    let golden = root().join("tests/golden/ooapi.geojson");
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        std::fs::write(&golden, &text).unwrap();
    }
    assert_eq!(
        text,
        std::fs::read_to_string(&golden).unwrap(),
        "set UPDATE_GOLDEN=1 to accept a deliberate change"
    );
    let reasons: Vec<&str> = imported.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(reasons
        .iter()
        .any(|r| r.contains("outside the region's provinces")));
    assert!(reasons.iter().any(|r| r.contains("no geolocated address")));
    assert!(reasons.iter().any(|r| r.contains("level `undefined`")));
    assert!(reasons
        .iter()
        .any(|r| r.contains("unknown organization `ghost`")));

    let report = load(&text);
    assert!(report.rejections.is_empty(), "{:?}", report.rejections);
    let d = &report.dataset;
    assert_eq!(d.providers.len(), 1);
    assert_eq!(
        d.providers[0].address.street.as_deref(),
        Some("Edisonweg 4")
    );
    assert_eq!(
        d.providers[0].location_precision,
        LocationPrecision::Address
    );
    let vpk = d
        .courses
        .iter()
        .find(|c| c.name == "Verpleegkunde")
        .unwrap();
    assert_eq!(vpk.level.national, NationalLevel::NlHboBachelor);
    assert_eq!(vpk.sector, Sector::HealthWelfare);
    assert_eq!(
        vpk.learning_forms,
        Set::from([LearningForm::PartTime, LearningForm::Hybrid])
    );
    assert_eq!(vpk.intake_months, Months::from([2, 9]));
    let ad = d
        .courses
        .iter()
        .find(|c| c.name.starts_with("Associate"))
        .unwrap();
    assert_eq!(
        (ad.level.national, ad.level.eqf.map(|e| e.get())),
        (NationalLevel::NlAssociateDegree, Some(5))
    );
    assert_eq!(ad.learning_forms, Set::from([LearningForm::Dual]));
}

#[test]
fn duo_import_of_the_real_zeeland_file() {
    let Some(path) = shared("providers/nl_zeeland_schools_duo_2024.csv") else {
        return;
    };
    let imported = duo::import(&path, &gazetteer()).unwrap();
    // 257 rows: 191 primary, 7 special primary and 20 special schools skipped; all 39
    // secondary locations imported, praktijkonderwijs and brugjaar ones included.
    assert_eq!(imported.features.len() + imported.skipped.len(), 257);
    assert_eq!(imported.features.len(), 39);
    let text = pipeline::to_json(&imported.collection("duo", "test", "2026-01-01"));
    let report = load(&text);
    assert!(report.rejections.is_empty(), "{:?}", report.rejections);
    let d = &report.dataset;
    assert!(d
        .providers
        .iter()
        .all(|p| p.province == Province::Zeeland
            && p.location_precision == LocationPrecision::Address));
    assert!(d.providers.iter().all(|p| p
        .website
        .as_deref()
        .is_none_or(|w| w.starts_with("https://"))));
    // Every imported point is the row's own BAG point and lies on land.
    let land = land();
    assert!(d
        .providers
        .iter()
        .all(|p| land.near_land(p.lon_lat.lon, p.lon_lat.lat)));
    // NLQF: vmbo basisberoepsgericht 1, kader and gemengd/theoretisch 2, HAVO and VWO 4;
    // praktijkonderwijs and the brugjaar lead to no diploma, so no EQF level.
    let havo = d
        .courses
        .iter()
        .filter(|c| c.level.national == NationalLevel::NlHavo)
        .count();
    assert_eq!(havo, 13);
    let eqf = |c: &Course| c.level.eqf.map(|e| e.get());
    assert!(d.courses.iter().all(|c| match c.level.national {
        NationalLevel::NlHavo | NationalLevel::NlVwo => eqf(c) == Some(4),
        NationalLevel::NlVmboBasis => eqf(c) == Some(1),
        NationalLevel::NlVmboKader | NationalLevel::NlVmboGemengdTheoretisch => eqf(c) == Some(2),
        NationalLevel::NlPraktijkonderwijs | NationalLevel::NlOnderbouw => eqf(c).is_none(),
        _ => false,
    }));
    let pro = d
        .courses
        .iter()
        .filter(|c| c.level.national == NationalLevel::NlPraktijkonderwijs)
        .count();
    assert_eq!(pro, 7, "every PRO location");
    assert!(d
        .courses
        .iter()
        .all(|c| c.details.as_ref().is_some_and(|x| x.leerweg.is_some())));
    let lodewijk: Vec<_> = d
        .providers
        .iter()
        .filter(|p| p.name.starts_with("Lodewijk College"))
        .collect();
    assert_eq!(lodewijk.len(), 3, "three Lodewijk College locations");
    assert!(lodewijk.iter().all(|p| p.municipality == "Terneuzen"));
    assert_eq!(
        validate(&text, Some(&land))
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count(),
        0
    );
}

#[test]
fn onderwijs_vlaanderen_import_of_the_real_sample() {
    let Some(path) =
        shared("providers/unverified_license/be_vl_secondary_schools_ovl_wvl_sample.json")
    else {
        return;
    };
    let imported = onderwijs_vlaanderen::import(&path, &gazetteer()).unwrap();
    // 39 locations, 56 (location, school) entries: all become providers (two Bredene
    // locations, with three schools, have no coordinates and are placed by postcode).
    assert_eq!(imported.features.len(), 56, "{:?}", imported.skipped);
    let text = pipeline::to_json(&imported.collection("ov", "test", "2026-01-01"));
    let report = load(&text);
    assert!(report.rejections.is_empty(), "{:?}", report.rejections);
    let d = &report.dataset;
    let by_province = |p: Province| d.providers.iter().filter(|x| x.province == p).count();
    assert_eq!(
        by_province(Province::OostVlaanderen) + by_province(Province::WestVlaanderen),
        56
    );
    assert_eq!(
        d.providers
            .iter()
            .filter(|p| p.location_precision == LocationPrecision::Town)
            .count(),
        3
    );
    assert!(
        d.courses
            .iter()
            .any(|c| c.learning_forms.contains(&LearningForm::Dual)),
        "dual programmes kept"
    );
    // First and second grade: no EQF (no qualification yet); third grade and 7th year: 3 or 4.
    assert!(d.courses.iter().all(|c| match c.level.eqf {
        None => matches!(
            c.level.national,
            NationalLevel::BeEersteGraad | NationalLevel::BeTweedeGraad
        ),
        Some(e) => (3..=4).contains(&e.get()),
    }));
    let second = d
        .courses
        .iter()
        .filter(|c| c.details.as_ref().and_then(|x| x.graad) == Some(2))
        .count();
    assert!(second >= 100, "second-grade programmes imported: {second}");
    // Schools listing only first-grade rows (or nothing) are there, marked as such.
    assert!(d
        .providers
        .iter()
        .any(|p| !p.offer_listed && p.courses.is_empty()));
    let tech = d
        .courses
        .iter()
        .filter(|c| c.sector == Sector::Engineering)
        .count();
    let care = d
        .courses
        .iter()
        .filter(|c| c.sector == Sector::HealthWelfare)
        .count();
    assert!(tech >= 20 && care >= 10, "tech {tech}, care {care}");
    // No school-year duplicates: one course per programme and level at each provider.
    for (i, _) in d.providers.iter().enumerate() {
        let mut names: Vec<(String, Option<Eqf>, Option<u8>, LearningForms)> = d
            .courses_of(i as u32)
            .iter()
            .map(|c| {
                (
                    c.name.to_string(),
                    c.level.eqf,
                    c.details.as_ref().and_then(|x| x.graad),
                    c.learning_forms.contains(&LearningForm::PartTime),
                )
            })
            .collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n);
    }
    let emmaus = d
        .providers
        .iter()
        .find(|p| p.name == "Emmaüsinstituut")
        .expect("Emmaüsinstituut, Aalter");
    assert_eq!(emmaus.municipality, "Aalter");
    assert!(emmaus
        .source
        .url
        .as_deref()
        .is_some_and(|u| u.contains("sn=127969")));
}

#[test]
fn gazetteer_agrees_with_the_shared_reference_tables() {
    let g = gazetteer();
    assert!(g.len() > 1_000);
    for (name, country) in [
        ("Vlissingen", Country::Nl),
        ("Terneuzen", Country::Nl),
        ("Oostende", Country::Be),
        ("Sint-Niklaas", Country::Be),
    ] {
        assert!(g.find_place(name, Some(country)).is_some(), "{name}");
    }
    // Belgian postcodes: the municipality must be Statbel's.
    if let Some(path) = shared("postcodes/be_postcode_to_municipality_2025_statbel.csv") {
        let text = std::fs::read_to_string(path).unwrap();
        let mut checked = 0;
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            if let Some(p) = g.find_postcode(f[0]) {
                assert!(
                    f.contains(&p.name.as_str()),
                    "{} → {} but Statbel says {line}",
                    f[0],
                    p.name
                );
                checked += 1;
            }
        }
        assert!(checked >= 150, "{checked}");
    }
    // Zeeland towns: within 5 km of the nearest GeoNames PC4 centroid of the same name (a
    // town's PC4 areas reach out to its villages, so the nearest one is the fair comparison).
    if let Some(path) = shared("postcodes/nl_pc4_places_geonames.csv") {
        let text = std::fs::read_to_string(path).unwrap();
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        let headers = rdr.headers().unwrap().clone();
        let col = |n: &str| headers.iter().position(|h| h == n).unwrap();
        let (place, lat, lon, province) = (col("place"), col("lat"), col("lon"), col("province"));
        let mut nearest: std::collections::HashMap<String, f64> = std::collections::HashMap::new();
        for rec in rdr
            .records()
            .flatten()
            .filter(|r| &r[province] == "Zeeland")
        {
            if let Some(p) = g
                .find_place(&rec[place], Some(Country::Nl))
                .filter(|p| p.province == "NL-ZE")
            {
                let r = LonLat::new(rec[lon].parse().unwrap(), rec[lat].parse().unwrap());
                let d = nearest.entry(p.name.clone()).or_insert(f64::INFINITY);
                *d = d.min(p.lon_lat.distance_km(&r));
            }
        }
        for (name, d) in &nearest {
            assert!(*d < 5.0, "{name} is {d} km off");
        }
        let checked = nearest.len();
        assert!(checked >= 30, "{checked}");
    }
}

/// A reference file: the one in ../shared/data when present (CI), else the project's copy of
/// it (checked byte for byte against the reference by `every_build_input_is_copied…`).
fn real(shared_rel: &str, copy_rel: &str) -> PathBuf {
    shared(shared_rel).unwrap_or_else(|| root().join("data/sources").join(copy_rel))
}

fn imported(i: pipeline::Imported) -> Dataset {
    let text = pipeline::to_json(&i.collection("t", "test", "2026-01-01"));
    let report = load(&text);
    assert!(report.rejections.is_empty(), "{:?}", report.rejections);
    report.dataset
}

#[test]
fn every_importer_on_the_real_files_counts_and_known_records() {
    let gaz = gazetteer();
    // KiesMBO: Scalda's 10 Zeeland locations, Hoornbeeck Goes and VIBO Bruinisse, offer not listed.
    let d = imported(
        build::kiesmbo(&real(
            "providers/unverified_license/nl_zeeland_mbo_locations_kiesmbo_2025.csv",
            "kiesmbo/nl_zeeland_mbo_locations_kiesmbo_2025.csv",
        ))
        .unwrap(),
    );
    assert_eq!(d.providers.len(), 12);
    let scalda = d
        .providers
        .iter()
        .filter(|p| p.name.starts_with("Scalda"))
        .count();
    assert_eq!(scalda, 10);
    assert!(d.providers.iter().all(|p| !p.offer_listed
        && p.courses.is_empty()
        && p.kind == InstitutionKind::MboCollege
        && p.location_precision == LocationPrecision::Geocoded
        && p.source.licence.as_deref() == Some(LICENCE_NOT_STATED)));
    assert!(d
        .providers
        .iter()
        .any(|p| p.name.contains("Vlietstraat") && p.municipality == "Terneuzen"));

    // HOVI + DUO: HZ's programmes at its two addresses, forms and enrolment from DUO.
    let d = imported(
        build::hovi(
            &real(
                "courses/unverified_license/nl_zeeland_hbo_wo_programmes_hovi_2025.csv",
                "hovi/nl_zeeland_hbo_wo_programmes_hovi_2025.csv",
            ),
            &real(
                "courses/nl_zeeland_hbo_ingeschrevenen_duo_2020_2024.csv",
                "duo/nl_zeeland_hbo_ingeschrevenen_duo_2020_2024.csv",
            ),
            &gaz,
        )
        .unwrap(),
    );
    let hz: Vec<&Provider> = d
        .providers
        .iter()
        .filter(|p| p.name.starts_with("HZ"))
        .collect();
    assert_eq!(hz.len(), 2, "Vlissingen and Middelburg");
    let courses_of = |p: &Provider| {
        let i = d.providers.iter().position(|x| x.key == p.key).unwrap();
        d.courses_of(i as u32).to_vec()
    };
    let hz_courses: Vec<Course> = hz.iter().flat_map(|p| courses_of(p)).collect();
    // HOVI's 34 HZ CROHO programmes (Technische Bedrijfskunde and Energietransitie Engineer at
    // both addresses) and the one DUO code HOVI lacks (River Delta Development, 49504).
    assert_eq!(
        hz_courses.len(),
        35,
        "{:?}",
        hz_courses.iter().map(|c| &c.name).collect::<Vec<_>>()
    );
    assert!(hz
        .iter()
        .all(|p| p.other_sources.iter().any(|s| s.name.starts_with("DUO"))));
    let nursing = hz_courses
        .iter()
        .find(|c| c.details.as_ref().and_then(|d| d.croho.as_deref()) == Some("34560"))
        .expect("HZ nursing, CROHO 34560");
    assert_eq!(nursing.sector, Sector::HealthWelfare);
    assert_eq!(nursing.level.eqf.map(|e| e.get()), Some(6));
    let e = nursing.details.as_ref().unwrap().enrolment.unwrap();
    assert!(e.year == 2024 && e.count > 100, "{e:?}");
    let ict = hz_courses.iter().find(|c| c.name == "HBO-ICT").unwrap();
    // DUO: 253 + 56 full-time students on 1 October 2024, and part-time ones.
    assert!(ict.details.as_ref().unwrap().enrolment.unwrap().count >= 309);
    assert!(ict.learning_forms.contains(&LearningForm::PartTime));
    let ucr = d
        .providers
        .iter()
        .find(|p| p.name.contains("Roosevelt"))
        .unwrap();
    let las = &courses_of(ucr)[0];
    assert_eq!(las.level.national, NationalLevel::NlWoBachelor);
    let det = las.details.as_ref().unwrap();
    assert!(det.numerus_fixus && det.credits_ects == Some(180));

    // The whole Flemish sample, second file included: 470 locations, 1,027 school entries.
    let mut flemish = 0;
    let mut second_grade = 0;
    let mut hbo5 = 0;
    for (s, c) in [
        (
            "providers/unverified_license/be_vl_secondary_schools_ovl_wvl_sample.json",
            "onderwijs-vlaanderen/be_vl_secondary_schools_ovl_wvl_sample.json",
        ),
        (
            "providers/unverified_license/be_vl_secondary_schools_ovl_wvl_transcribed.json",
            "onderwijs-vlaanderen/be_vl_secondary_schools_ovl_wvl_transcribed.json",
        ),
    ] {
        let d = imported(onderwijs_vlaanderen::import(&real(s, c), &gaz).unwrap());
        flemish += d.providers.len();
        second_grade += d
            .courses
            .iter()
            .filter(|c| c.level.national == NationalLevel::BeTweedeGraad)
            .count();
        hbo5 += d
            .courses
            .iter()
            .filter(|c| c.stage == Stage::Graduaat)
            .count();
    }
    assert_eq!(flemish, 1_027);
    assert!(second_grade >= 2_000, "{second_grade}");
    assert_eq!(hbo5, 155, "every HBO5 nursing row");

    // The 2020 campus list adds what the rest lacks: nursing schools, arts schools.
    let manifest = build::manifest(&root().join("data/sources/manifest.tsv")).unwrap();
    let all = build::build(&manifest, &gaz).unwrap();
    let d = imported(all);
    assert!(d
        .providers
        .iter()
        .any(|p| p.name.contains("ZoWe verpleegkunde")));
    assert!(d.providers.iter().any(|p| p.name.contains("Guislain")));
    assert!(
        !d.providers
            .iter()
            .any(|p| p.key.starts_with("campus2020-ku-leuven-campus-kulak")),
        "Kulak is already on the map"
    );
    // Known records of the merged dataset.
    let eeklo = d
        .providers
        .iter()
        .position(|p| p.name.contains("Verpleegkunde Sint-Vincentius") && p.municipality == "Eeklo")
        .expect("HBO5 nursing school in Eeklo");
    assert!(d
        .courses_of(eeklo as u32)
        .iter()
        .any(|c| c.name == "Basisverpleegkunde"
            && c.level.eqf.map(|e| e.get()) == Some(5)
            && c.stage == Stage::Graduaat));
    let lodewijk = d
        .providers
        .iter()
        .position(|p| p.name.starts_with("Lodewijk College") && p.municipality == "Terneuzen")
        .unwrap();
    assert!(d
        .courses_of(lodewijk as u32)
        .iter()
        .any(|c| c.level.national == NationalLevel::NlVmboKader
            && c.level.eqf.map(|e| e.get()) == Some(2)));
    assert!(d.providers.iter().all(|p| !p.source.name.is_empty()));
}

#[test]
fn merge_joins_one_institution_at_one_point_and_keeps_every_source() {
    let f = |src: &str, course: &str| {
        serde_json::json!({"type": "Feature", "id": src, "geometry": {"type": "Point", "coordinates": [3.5, 51.4]},
            "properties": {"name": "HZ", "source": {"name": src}, "courses": [{"id": course}]}})
    };
    let other = serde_json::json!({"type": "Feature", "id": "x", "geometry": {"type": "Point", "coordinates": [3.6, 51.4]},
        "properties": {"name": "HZ", "source": {"name": "c"}, "courses": []}});
    let merged = build::merge(vec![f("a", "1"), f("b", "2"), f("b", "1"), other]);
    assert_eq!(merged.len(), 2, "a different point is another provider");
    let p = &merged[0]["properties"];
    assert_eq!(p["source"]["name"], "a");
    assert_eq!(p["sources"], serde_json::json!([{"name": "b"}]));
    assert_eq!(p["courses"].as_array().unwrap().len(), 2, "course 1 once");
}

/// Says that a test skips, in `cargo test`'s normal output: a write to the stderr handle is not
/// captured the way `eprintln!` is.
fn say_skipped(path: &std::path::Path) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: {} is not here (../shared exists in CI, not in a user's clone)",
        path.display()
    );
}

/// Runs `leerkaart-data` with `args`; panics with its output when it fails.
fn data_tool(args: &[&str]) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_leerkaart-data"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "leerkaart-data {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_shipped_data_as_ooapi_reads_back_the_same_with_import_ooapi() {
    let dir = std::env::temp_dir().join(format!("leerkaart-ooapi-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let shipped = root().join("data/providers.geojson");
    data_tool(&[
        "export",
        shipped.to_str().unwrap(),
        "--out",
        dir.to_str().unwrap(),
    ]);
    let bundle_path = dir.join(pipeline::export::OPEN_DATA_OOAPI);
    let back_path = dir.join("back.geojson");
    data_tool(&[
        "import",
        "ooapi",
        bundle_path.to_str().unwrap(),
        "-o",
        back_path.to_str().unwrap(),
    ]);
    let original = load(&std::fs::read_to_string(&shipped).unwrap()).dataset;
    let back = load(&std::fs::read_to_string(&back_path).unwrap());
    assert!(back.rejections.is_empty(), "{:?}", back.rejections);
    assert_eq!(back.dataset.providers.len(), original.providers.len());
    assert_eq!(back.dataset.providers, original.providers);
    assert_eq!(back.dataset.courses, original.courses);

    // OOAPI's own fields say the same for any other consumer: names, places, levels.
    let bundle: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&bundle_path).unwrap()).unwrap();
    // Each part is an OOAPI page, as its endpoint returns it.
    let orgs = bundle["organizations"]["items"].as_array().unwrap();
    let programs = bundle["programs"]["items"].as_array().unwrap();
    assert_eq!(orgs.len(), original.providers.len());
    assert_eq!(programs.len(), original.courses.len());
    assert!(!bundle["offerings"]["items"].as_array().unwrap().is_empty());
    for (o, p) in orgs.iter().zip(&original.providers) {
        assert_eq!(o["name"][0]["value"], p.name.as_str());
        let g = &o["addresses"][0]["geolocation"];
        assert_eq!(g["latitude"].as_f64(), Some(p.lon_lat.lat));
        assert_eq!(g["longitude"].as_f64(), Some(p.lon_lat.lon));
    }
    const LEVELS: &[&str] = &[
        "undefined",
        "bachelor",
        "master",
        "associate degree",
        "doctoral",
        "secondary vocational education 1",
        "secondary vocational education 2",
        "secondary vocational education 3",
        "secondary vocational education 4",
    ];
    for (prog, c) in programs.iter().zip(&original.courses) {
        assert_eq!(prog["name"][0]["value"], c.name.as_str());
        assert!(LEVELS.contains(&prog["level"].as_str().unwrap()), "{prog}");
        if let Some(e) = c.level.eqf {
            assert_eq!(prog["levelOfQualification"], e.get().to_string().as_str());
        }
    }
    // Sources and licences travel with the bundle.
    let sources = bundle["leerkaart"]["sources"].as_array().unwrap();
    assert!(sources.iter().any(|s| s["licence"] == "CC0"), "{sources:?}");

    // The CSV: a row per course, sources and licences in each.
    let csv_text = std::fs::read_to_string(dir.join(pipeline::export::OPEN_DATA_CSV)).unwrap();
    let rows = csv_text.lines().count() - 1;
    assert!(rows >= original.courses.len(), "{rows} rows");
    assert!(csv_text.contains("source_licence"));
    let _ = std::fs::remove_dir_all(&dir);
}
