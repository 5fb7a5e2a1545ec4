//! Occupations: links from courses, search on known cases, the shortage filter and the
//! learning path, on the shipped data, on a fixture with stated links and awards, and on the
//! real Flemish secondary-school sample (../shared, present in CI).

use std::collections::BTreeSet;
use std::path::PathBuf;

use leerkaart::core::occupation::LinkBasis;
use leerkaart::core::*;
use leerkaart::pipeline::{self, onderwijs_vlaanderen, validate::validate, validate::Severity};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shipped() -> Catalog {
    let text = std::fs::read_to_string(root().join("data/providers.geojson")).unwrap();
    Catalog::new(
        load_geojson(&text, &LoadOptions::default())
            .unwrap()
            .dataset,
    )
}

fn occ(key: &str) -> OccupationId {
    Occupations::builtin()
        .by_key(key)
        .unwrap_or_else(|| panic!("{key} in the vocabulary"))
}

/// The id of the course with this name.
fn course_id(cat: &Catalog, name: &str) -> u32 {
    let i = cat.data.courses.iter().position(|c| c.name == name);
    i.unwrap_or_else(|| panic!("course {name}")) as u32
}

/// The names of a result's courses, in result order.
fn course_names<'a>(cat: &'a Catalog, out: &FilterOutcome) -> Vec<&'a str> {
    out.providers
        .iter()
        .flat_map(|h| h.courses.iter())
        .map(|c| cat.data.courses[*c as usize].name.as_str())
        .collect()
}

fn countries(cat: &Catalog, out: &FilterOutcome) -> BTreeSet<Country> {
    out.providers
        .iter()
        .map(|h| cat.data.providers[h.provider as usize].country)
        .collect()
}

#[test]
fn searching_nurse_in_any_language_finds_nursing_on_both_sides() {
    let cat = shipped();
    for q in ["verpleegkundige", "nurse", "infirmier"] {
        let hits = cat.occupations.search(q, 5);
        assert_eq!(hits.first().copied(), Some(occ("verpleegkundige")), "{q}");
        let out = cat.apply(&Filter {
            occupation: Some(hits[0]),
            ..Default::default()
        });
        assert_eq!(countries(&cat, &out).len(), 2, "{q}: NL and BE");
        for h in &out.providers {
            for c in &h.courses {
                let name = &cat.data.courses[*c as usize].name;
                assert!(
                    name.to_lowercase().contains("verpleegkunde"),
                    "{q}: {name} is not a nursing course"
                );
                assert_eq!(cat.course_link_basis(*c), LinkBasis::Derived);
                assert!(
                    cat.course_leads_to_shortage(*c),
                    "nursing is a VDAB bottleneck"
                );
            }
        }
        // HBO5 nursing (Flanders, EQF 5), the bachelors (HZ Vlissingen, EQF 6) and the UGent
        // master (EQF 7) are on the path, lowest level first.
        let path = cat.learning_path(&out);
        let levels: Vec<u8> = path.iter().map(|s| s.eqf.get()).collect();
        assert!(levels.windows(2).all(|w| w[0] < w[1]), "{levels:?}");
        assert_eq!(levels, [5, 6, 7]);
    }
}

#[test]
fn the_shortage_filter_keeps_exactly_the_courses_with_a_shortage_occupation() {
    let cat = shipped();
    let all = cat.apply(&Filter::default());
    let only = cat.apply(&Filter {
        shortage_only: true,
        ..Default::default()
    });
    assert_eq!(only.course_count as u32, all.facets.shortage);
    assert!(only.course_count > 0 && only.course_count < all.course_count);
    let names = course_names(&cat, &only);
    assert!(
        names.iter().any(|n| n.contains("elektromechanica")),
        "{names:?}"
    );
    assert!(names.iter().any(|n| n.contains("informatica")), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("Liberal Arts")));
    assert!(
        !names.iter().any(|n| n.contains("logopedie")),
        "no status for speech therapists"
    );
    // Every kept course names at least one occupation with a source for its status.
    for h in &only.providers {
        for c in &h.courses {
            assert!(cat
                .course_occupations(*c)
                .iter()
                .any(|o| !cat.occupations.latest(*o).is_empty()));
        }
    }
    // Both countries' courses lead to shortage occupations (cross-border view).
    assert_eq!(countries(&cat, &only).len(), 2);
}

const FIXTURE: &str = r#"{"type":"FeatureCollection","features":[
 {"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[3.72,51.05]},
  "properties":{"name":"Centrum A","kind":"adult_education","country":"BE","province":"BE-VOV","municipality":"Gent","location_precision":"town","source":{"name":"test"},
  "courses":[
   {"name":"Lasser TIG","sector":"engineering","level":{"eqf":3,"national":"be_beroepskwalificatie"},"learning_forms":["evening"],"award":"diploma","occupations":["lasser"]},
   {"name":"Module MIG-lassen","sector":"engineering","level":{"eqf":2,"national":"be_beroepskwalificatie"},"learning_forms":["modular"],"award":"partial_certificate","occupations":["lasser","Not A Key","javascript:alert(1)","<img src=x onerror=alert(1)>"]},
   {"name":"Kennismaking lassen","sector":"engineering","level":{"eqf":2,"national":"be_beroepskwalificatie"},"learning_forms":["part_time"],"award":"short_course"},
   {"name":"Onbekend beroep","sector":"engineering","level":{"eqf":2,"national":"be_beroepskwalificatie"},"learning_forms":["part_time"],"occupations":["astronaut"]}
  ]}},
 {"type":"Feature","id":"b","geometry":{"type":"Point","coordinates":[3.83,51.33]},
  "properties":{"name":"Opleider B","kind":"mbo_college","country":"NL","province":"NL-ZE","municipality":"Terneuzen","location_precision":"town","source":{"name":"test"},
  "courses":[
   {"name":"Lastechniek","sector":"engineering","level":{"eqf":4,"national":"nl_mbo_4"},"learning_forms":["dual"],"award":"diploma"},
   {"name":"Bad award","sector":"engineering","level":{"eqf":4,"national":"nl_mbo_4"},"learning_forms":["dual"],"award":"medal"}
  ]}}
]}"#;

#[test]
fn stated_links_awards_and_the_path_from_short_course_to_diploma() {
    let report = load_geojson(FIXTURE, &LoadOptions::default()).unwrap();
    // The bad occupation key loses only itself; the unknown award loses only its course.
    assert_eq!(report.dataset.courses.len(), 5);
    assert!(report
        .rejections
        .iter()
        .any(|r| r.reason.to_string().contains("Not A Key")));
    assert!(report
        .rejections
        .iter()
        .any(|r| r.reason.to_string().contains("medal")));
    let cat = Catalog::new(report.dataset);
    let lasser = occ("lasser");
    let out = cat.apply(&Filter {
        occupation: Some(lasser),
        ..Default::default()
    });
    let path = cat.learning_path(&out);
    let steps: Vec<(u8, Vec<&str>)> = path
        .iter()
        .map(|s| {
            (
                s.eqf.get(),
                s.courses
                    .iter()
                    .map(|c| cat.data.courses[*c as usize].name.as_str())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            (2, vec!["Kennismaking lassen", "Module MIG-lassen"]),
            (3, vec!["Lasser TIG"]),
            (4, vec!["Lastechniek"]),
        ],
        "short course, partial certificate, then diplomas, level by level, both countries"
    );
    let tig = course_id(&cat, "Lasser TIG");
    assert_eq!(cat.course_link_basis(tig), LinkBasis::Stated);
    let unknown = course_id(&cat, "Onbekend beroep");
    assert!(cat.course_occupations(unknown).is_empty());

    // The validator names the unknown occupation; exporting keeps awards and links.
    let problems = validate(FIXTURE, None);
    assert!(problems
        .iter()
        .any(|p| p.severity == Severity::Error && p.message.contains("`astronaut`")));
    let again = pipeline::export::to_geojson(&cat.data, "t").to_string();
    let back = load_geojson(&again, &LoadOptions::default())
        .unwrap()
        .dataset;
    assert_eq!(back.courses, cat.data.courses);
}

#[test]
fn the_real_flemish_sample_gives_paths_for_welders_electromechanics_and_carers() {
    let path = root().join(
        "../shared/data/providers/unverified_license/be_vl_secondary_schools_ovl_wvl_sample.json",
    );
    if !path.is_file() {
        say_skipped(&path);
        return;
    }
    let places = std::fs::read_to_string(root().join("data/places.tsv")).unwrap();
    let gaz = leerkaart::core::gazetteer::Gazetteer::parse(&places).unwrap();
    let imported = onderwijs_vlaanderen::import(&path, &gaz).unwrap();
    let text = pipeline::to_json(&imported.collection("ov", "test", "2026-01-01"));
    let cat = Catalog::new(
        load_geojson(&text, &LoadOptions::default())
            .unwrap()
            .dataset,
    );
    for (query, want, expect_in_name) in [
        ("lasser", "lasser", "lassen"),
        (
            "elektromechanicien",
            "elektromechanicien",
            "elektromechanische",
        ),
        ("zorgkundige", "zorgkundige", "zorgkundige"),
        ("kinderbegeleider", "kinderbegeleider", "kinderbegeleider"),
    ] {
        let hit = cat.occupations.search(query, 1)[0];
        assert_eq!(hit, occ(want));
        let out = cat.apply(&Filter {
            occupation: Some(hit),
            ..Default::default()
        });
        assert!(out.course_count > 0, "{query}: no course");
        let names: Vec<String> = course_names(&cat, &out)
            .iter()
            .map(|n| n.to_lowercase())
            .collect();
        assert!(
            names.iter().any(|n| n.contains(expect_in_name)),
            "{query}: {names:?}"
        );
    }
    // Care runs through more than one level: BSO third grade, then the seventh year.
    let out = cat.apply(&Filter {
        occupation: Some(occ("zorgkundige")),
        ..Default::default()
    });
    assert!(cat.learning_path(&out).len() >= 2);
}

#[test]
fn the_csv_export_names_each_course_occupations_and_shortage_listing() {
    let cat = shipped();
    let out = cat.apply(&Filter {
        occupation: Some(occ("verpleegkundige")),
        ..Default::default()
    });
    let rows: Vec<(u32, Option<f64>)> = out
        .providers
        .iter()
        .flat_map(|h| h.courses.iter().map(|c| (*c, None)))
        .collect();
    let csv = leerkaart::core::shortlist::to_csv(&cat, &rows, leerkaart::core::i18n::Lang::Nl);
    let newest = cat.occupations.latest(occ("verpleegkundige"))[0].year;
    assert!(newest >= 2024);
    // Read back as a Dutch spreadsheet would: UTF-8 with a byte-order mark, `;`-separated.
    let body = csv.strip_prefix('\u{feff}').expect("byte-order mark");
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(body.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    assert_eq!(&headers[0], "Instelling");
    assert_eq!(headers.len(), 15);
    let mut n = 0;
    for rec in rdr.records() {
        let rec = rec.unwrap();
        assert_eq!(rec.len(), 15, "{rec:?}");
        assert!(rec[13].contains("Verpleegkundige"), "{rec:?}");
        assert!(
            rec[14].contains(&format!("BE {newest} · knelpuntberoep")),
            "{rec:?}"
        );
        assert!(
            rec[6].is_empty() || rec[6].parse::<u8>().is_ok(),
            "EQF as a number"
        );
        assert_eq!(&rec[4], "Zorg en welzijn");
        n += 1;
    }
    assert_eq!(n, rows.len());
    // Words of the data with accents come through intact; distances use the decimal comma.
    let c = rows[0].0;
    let with_distance = leerkaart::core::shortlist::to_csv(
        &cat,
        &[(c, Some(3.06))],
        leerkaart::core::i18n::Lang::Fr,
    );
    assert!(
        with_distance.lines().nth(1).unwrap().contains(";3,1;"),
        "{with_distance}"
    );
    assert!(with_distance.contains("Établissement"));
}

#[test]
fn the_command_line_refreshes_one_year_of_one_list_and_keeps_the_rest() {
    let dir = std::env::temp_dir().join(format!("leerkaart-shortage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let shortage = dir.join("shortage.tsv");
    std::fs::copy(root().join("data/shortage.tsv"), &shortage).unwrap();
    let list = dir.join("knelpuntberoepen.csv");
    std::fs::write(
        &list,
        "Beroep;Kwantitatief;Kwalitatief;Arbeidsomstandigheden\nLasser;x;x;\nZorgkundige;x;;x\nVrachtwagenchauffeur;x;;\n",
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_leerkaart-data");
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .current_dir(root())
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&[
        "import",
        "vdab-knelpuntberoepen",
        list.to_str().unwrap(),
        "--year",
        "2026",
        "--shortage",
        shortage.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("`Vrachtwagenchauffeur`"),
        "unmatched rows are listed: {stderr}"
    );
    let text = std::fs::read_to_string(&shortage).unwrap();
    assert!(text.starts_with("# "), "the explanatory comment is kept");
    let occ = Occupations::parse(
        &std::fs::read_to_string(root().join("data/occupations.tsv")).unwrap(),
        &text,
    )
    .unwrap();
    // The shipped 2026 VDAB rows are replaced by the two imported ones; all others stay.
    let shipped = Occupations::builtin().shortage();
    let replaced = shipped
        .iter()
        .filter(|s| s.year == 2026 && s.list == leerkaart::core::occupation::ShortageList::Vdab)
        .count();
    assert_eq!(
        occ.shortage().len(),
        shipped.len() - replaced + 2,
        "that year's rows replaced, none other lost"
    );
    for s in shipped.iter().filter(|s| s.year != 2026) {
        assert!(occ.shortage().contains(s), "kept: {s:?}");
    }
    let welder = occ.latest(occ.by_key("lasser").unwrap());
    assert_eq!((welder[0].country, welder[0].year), (Country::Be, 2026));
    // Importing the same year again replaces it instead of adding.
    assert!(run(&[
        "import",
        "vdab-knelpuntberoepen",
        list.to_str().unwrap(),
        "--year",
        "2026",
        "--shortage",
        shortage.to_str().unwrap()
    ])
    .status
    .success());
    let again = std::fs::read_to_string(&shortage).unwrap();
    assert_eq!(again.lines().count(), text.lines().count());
    // Without a year, or with a bad source address, nothing is written.
    assert_eq!(
        run(&[
            "import",
            "uwv-spanning",
            list.to_str().unwrap(),
            "--shortage",
            shortage.to_str().unwrap()
        ])
        .status
        .code(),
        Some(2)
    );
    assert!(!run(&[
        "import",
        "uwv-spanning",
        list.to_str().unwrap(),
        "--year",
        "2026",
        "--source-url",
        "http://x",
        "--shortage",
        shortage.to_str().unwrap()
    ])
    .status
    .success());
    assert_eq!(std::fs::read_to_string(&shortage).unwrap(), again);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The 2015 Dutch MBO qualification list (../shared, in CI): the real names of the courses a
/// Zeeland import would bring. Known names link to the right occupation, unrelated ones to
/// none, and the share of care and technical qualifications with a link is reported.
#[test]
fn real_mbo_qualification_names_link_to_their_occupations() {
    let path = root().join("../shared/data/courses/nl_mbo_kwalificaties_2015.csv");
    if !path.is_file() {
        say_skipped(&path);
        return;
    }
    let occ = Occupations::builtin();
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let mut rows: Vec<(String, u8, String)> = Vec::new();
    for r in reader.records() {
        let r = r.unwrap();
        // MBO level n is EQF n (NLQF referencing).
        rows.push((r[1].to_string(), r[2].parse().unwrap(), r[7].to_string()));
    }
    assert_eq!(rows.len(), 470);
    let keys = |name: &str, level: u8| -> Vec<&str> {
        occ.derive(&leerkaart::core::text::fold(name), Eqf::new(level))
            .into_iter()
            .map(|id| occ.all()[usize::from(id)].key.as_str())
            .collect()
    };
    let level_of = |name: &str| {
        rows.iter()
            .find(|r| r.0 == name)
            .unwrap_or_else(|| panic!("{name} in the list"))
            .1
    };
    for (name, want) in [
        ("Mbo-Verpleegkundige", "verpleegkundige"),
        ("Verzorgende IG", "zorgkundige"),
        ("Basislasser", "lasser"),
        ("Allround lasser", "lasser"),
        (
            "Eerste monteur elektrotechnische installaties woning en utiliteit",
            "elektricien",
        ),
        ("Eerste monteur mechatronica", "elektromechanicien"),
        ("Procesoperator B", "procesoperator"),
        ("Verspaner", "verspaner"),
        ("Pedagogisch medewerker kinderopvang", "kinderbegeleider"),
        ("Allround laborant", "laborant"),
        ("Applicatie- en mediaontwikkelaar", "ict-ontwikkelaar"),
        (
            "Eerste monteur koude- en klimaatsystemen",
            "technicus-koeltechniek",
        ),
        ("Monteur werktuigkundige installaties", "installatiemonteur"),
    ] {
        let got = keys(name, level_of(name));
        assert!(got.contains(&want), "{name}: {got:?}");
    }
    for name in [
        "Acteur",
        "Danser",
        "Musicalperformer",
        "Goudsmid",
        "Glazenwasser",
    ] {
        assert!(keys(name, level_of(name)).is_empty(), "{name}");
    }
    for domain in ["Zorg en welzijn", "Techniek en procesindustrie"] {
        let in_domain: Vec<_> = rows.iter().filter(|r| r.2 == domain).collect();
        let linked = in_domain
            .iter()
            .filter(|r| !keys(&r.0, r.1).is_empty())
            .count();
        eprintln!(
            "{domain}: {linked} of {} qualifications link to an occupation",
            in_domain.len()
        );
        // Care includes performing arts, sport and facility services, which lead nowhere here.
        let floor = if domain == "Zorg en welzijn" {
            0.6
        } else {
            0.75
        };
        assert!(
            linked as f64 >= floor * in_domain.len() as f64,
            "{domain}: only {linked}"
        );
    }
}

/// The shipped 2026 VDAB statuses are exactly what the copied list gives through the
/// importer: every title matched by name or synonym, the rest listed, none guessed.
#[test]
fn the_vdab_2026_statuses_are_what_the_copied_list_gives() {
    use leerkaart::core::occupation::ShortageList;
    let path = root().join("data/sources/vdab/be_vl_knelpuntberoepen_vdab_2026.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let occ = Occupations::builtin();
    let got = pipeline::shortage::import_vdab_text(
        &text,
        "vdab-2026.csv",
        occ,
        2026,
        pipeline::shortage::VDAB_LIST_URL,
    )
    .unwrap();
    // 228 rows: one ("Diamantbewerker") is only in the decree, not on VDAB's list.
    assert_eq!(got.skipped.len(), 1, "{:?}", got.skipped);
    assert_eq!(
        got.statuses.len() + got.unmatched.len(),
        227 - duplicates(&got)
    );
    assert!(got.statuses.len() >= 15, "{}", got.statuses.len());
    for key in [
        "verpleegkundige",
        "zorgkundige",
        "lasser",
        "elektromechanicien",
        "elektricien",
    ] {
        assert!(
            got.statuses
                .iter()
                .any(|s| s.occupation == occ.by_key(key).unwrap()),
            "{key} is on the 2026 list"
        );
    }
    let shipped: Vec<_> = occ
        .shortage()
        .iter()
        .filter(|s| s.list == ShortageList::Vdab && s.year == 2026)
        .map(|s| s.occupation)
        .collect();
    let mut want: Vec<_> = got.statuses.iter().map(|s| s.occupation).collect();
    let mut have = shipped.clone();
    want.sort_unstable();
    have.sort_unstable();
    assert_eq!(
        have, want,
        "data/shortage.tsv's 2026 VDAB rows are the import's"
    );
}

/// Titles that map to an occupation already matched by an earlier title are counted once.
fn duplicates(r: &pipeline::shortage::ShortageImport) -> usize {
    r.duplicates
}

/// The vocabulary's ESCO URIs and labels are what the ESCO step gives on the copied extract
/// (re-running it changes nothing), and the extract is the one the full ESCO file gives.
#[test]
fn the_esco_links_are_what_the_copied_extract_gives() {
    use pipeline::esco;
    let occ_text = std::fs::read_to_string(root().join("data/occupations.tsv")).unwrap();
    let occ = Occupations::builtin();
    let data = shipped().data;
    let decided = esco::decisions(
        &std::fs::read_to_string(root().join("data/sources/esco/decisions.tsv")).unwrap(),
    );
    let (header, rows) =
        esco::load(&root().join("data/sources/esco/esco_v1_2_occupations_extract.csv")).unwrap();
    let m = esco::match_all(occ, &rows, &data, &decided);
    assert_eq!(
        esco::rewrite_vocabulary(&occ_text, &rows, &m),
        occ_text,
        "data/occupations.tsv is not what `leerkaart-data import esco` gives"
    );
    let with_uri = occ.all().iter().filter(|o| o.esco_uri.is_some()).count();
    assert!(with_uri >= 25, "{with_uri} occupations with an ESCO URI");
    let nurse = occ.get(occ.by_key("verpleegkundige").unwrap()).unwrap();
    assert_eq!(
        nurse.esco_uri.as_deref(),
        Some("http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50")
    );
    assert_eq!(
        nurse.esco_labels.as_ref().unwrap()[1],
        "nurse responsible for general care"
    );
    // ESCO's labels are searchable: its English name finds the occupation.
    assert_eq!(
        occ.search("nurse responsible for general care", 1).first(),
        occ.by_key("verpleegkundige").as_ref()
    );
    // Occupations added from course names are linked to those courses.
    let stage_tech = occ
        .by_key("podiumtechnicus")
        .expect("from the course Podiumtechnicus");
    let cat = shipped();
    let out = cat.apply(&Filter {
        occupation: Some(stage_tech),
        ..Default::default()
    });
    assert!(out.course_count >= 1);
    // Where ../shared is present, the committed extract is the one the full file gives.
    let full = root().join("../shared/data/occupations/esco_v1_2_occupations_nl_en_fr.csv");
    if full.is_file() {
        let (h, all) = esco::load(&full).unwrap();
        let want = esco::extract(&h, &all, occ, &data);
        let have = std::fs::read_to_string(
            root().join("data/sources/esco/esco_v1_2_occupations_extract.csv"),
        )
        .unwrap();
        assert!(want == have, "the ESCO extract is stale");
        assert_eq!(header, h);
    } else {
        eprintln!("SKIPPED: {} is not here (CI has it)", full.display());
    }
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
