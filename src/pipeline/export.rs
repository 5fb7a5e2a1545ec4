//! Writes a dataset back to the GeoJSON format of `data/SCHEMA.md`.

use serde_json::{json, Map, Value};

use crate::core::{Course, Dataset, DatasetMeta, LearningForm, NationalLevel, Set, Source};

fn source(s: &Source) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), s.name.clone().into());
    if let Some(u) = &s.url {
        m.insert("url".into(), u.clone().into());
    }
    if let Some(r) = &s.retrieved {
        m.insert("retrieved".into(), r.clone().into());
    }
    if let Some(l) = &s.licence {
        m.insert("licence".into(), l.clone().into());
    }
    Value::Object(m)
}

fn course(c: &Course) -> Value {
    let mut v = json!({
        "name": c.name,
        "sector": c.sector.code(),
        "level": match c.level.eqf {
            Some(e) => json!({ "eqf": e.get(), "national": c.level.national.code() }),
            None => json!({ "national": c.level.national.code() }),
        },
        "learning_forms": c.learning_forms.iter().map(|f| f.code()).collect::<Vec<_>>(),
        "languages": c.languages,
        "target_groups": c.target_groups.iter().map(|t| t.code()).collect::<Vec<_>>(),
        "intake_months": c.intake_months,
        "funding": c.funding.iter().map(|f| f.code()).collect::<Vec<_>>(),
        "source": source(&c.source),
    });
    for (k, val) in [
        ("id", &c.key),
        ("isced_f", &c.isced_f),
        ("duration", &c.duration),
        ("website", &c.website),
    ] {
        if let Some(x) = val {
            v[k] = x.clone().into();
        }
    }
    if let Some(a) = c.award {
        v["award"] = a.code().into();
    }
    if !c.occupations.is_empty() {
        v["occupations"] = json!(c.occupations);
    }
    if c.stage != c.level.national.stage() {
        v["stage"] = c.stage.code().into();
    }
    if let Some(d) = &c.details {
        if let (Value::Object(obj), Ok(Value::Object(extra))) =
            (&mut v, serde_json::to_value(d.as_ref()))
        {
            obj.extend(extra);
        }
    }
    v
}

/// A provider's GeoJSON properties (its courses included), as `data/SCHEMA.md` gives them.
fn provider_properties(data: &Dataset, i: usize) -> Map<String, Value> {
    let p = &data.providers[i];
    let mut props = Map::new();
    props.insert("name".into(), p.name.clone().into());
    props.insert("kind".into(), p.kind.code().into());
    props.insert("country".into(), p.country.code().into());
    props.insert("province".into(), p.province.code().into());
    props.insert("municipality".into(), p.municipality.clone().into());
    props.insert(
        "location_precision".into(),
        p.location_precision.code().into(),
    );
    props.insert("source".into(), source(&p.source));
    props.insert(
        "courses".into(),
        data.courses_of(i as u32)
            .iter()
            .map(course)
            .collect::<Vec<_>>()
            .into(),
    );
    if let Some(w) = &p.website {
        props.insert("website".into(), w.clone().into());
    }
    if let Some(l) = &p.location_source {
        props.insert("location_source".into(), l.clone().into());
    }
    if p.address != crate::core::Address::default() {
        props.insert(
            "address".into(),
            serde_json::to_value(&p.address).unwrap_or(Value::Null),
        );
    }
    if !p.other_sources.is_empty() {
        props.insert(
            "sources".into(),
            p.other_sources.iter().map(|s| source(s)).collect(),
        );
    }
    if !p.offer_listed {
        props.insert("offer".into(), "not_listed".into());
    }
    if !p.fields.is_empty() {
        props.insert(
            "fields".into(),
            serde_json::to_value(&p.fields).unwrap_or(Value::Null),
        );
    }
    props
}

/// The dataset as a FeatureCollection.
pub fn to_geojson(data: &Dataset, name: &str) -> Value {
    let features: Vec<Value> = (0..data.providers.len())
        .map(|i| {
            let p = &data.providers[i];
            json!({ "type": "Feature", "id": p.key, "geometry": { "type": "Point", "coordinates": [p.lon_lat.lon, p.lon_lat.lat] }, "properties": provider_properties(data, i) })
        })
        .collect();
    json!({ "type": "FeatureCollection", "name": name, "features": features })
}

/// The `consumerKey` of the OOAPI extension that carries each record whole, so that an export
/// read back by [`super::ooapi`] loses nothing OOAPI's own fields cannot say (the national
/// level code, stage, sector, location precision, sources and licences).
pub const OOAPI_CONSUMER_KEY: &str = "leerkaart";

/// OOAPI's `level` for a national level; `undefined` where OOAPI has no word (secondary school).
fn ooapi_level(national: NationalLevel) -> &'static str {
    use NationalLevel as N;
    match national {
        N::NlMbo1 => "secondary vocational education 1",
        N::NlMbo2 => "secondary vocational education 2",
        N::NlMbo3 => "secondary vocational education 3",
        N::NlMbo4 => "secondary vocational education 4",
        N::NlAssociateDegree | N::BeGraduaat | N::BeHbo5 => "associate degree",
        N::NlHboBachelor
        | N::NlWoBachelor
        | N::BeProfessioneleBachelor
        | N::BeAcademischeBachelor => "bachelor",
        N::NlMaster | N::BeMaster => "master",
        N::NlDoctorate | N::BeDoctoraat => "doctoral",
        N::NlNonFormal | N::BeBeroepskwalificatie => "nondegree",
        _ => "undefined",
    }
}

/// OOAPI's `modeOfStudy` for a course's learning forms (the first that OOAPI can say).
fn ooapi_mode_of_study(forms: &Set<LearningForm>) -> &'static str {
    for f in forms.iter() {
        match f {
            LearningForm::FullTime => return "full-time",
            LearningForm::PartTime | LearningForm::Evening => return "part-time",
            LearningForm::Dual => return "dual training",
            LearningForm::Online => return "self-paced",
            _ => {}
        }
    }
    "full-time"
}

fn lang_string(value: &str) -> Value {
    json!([{ "language": "nl-NL", "value": value }])
}

/// ISO 639-2 for OOAPI's `teachingLanguage`.
fn iso639_2(lang: &str) -> &str {
    match lang {
        "nl" => "nld",
        "en" => "eng",
        "fr" => "fra",
        "de" => "deu",
        other => other,
    }
}

/// The dataset as one OOAPI v5 bundle: the bodies of `GET /organizations`, `GET /programs` and
/// `GET /offerings` side by side (each location an organization with its visit address and
/// geolocation; each course a program; each intake month an offering), plus the dataset's
/// note and the sources with their licences. Every record also carries itself whole in a
/// `consumers` entry keyed [`OOAPI_CONSUMER_KEY`].
pub fn to_ooapi(data: &Dataset, meta: &DatasetMeta) -> Value {
    let mut organizations = Vec::new();
    let mut programs = Vec::new();
    let mut offerings = Vec::new();
    for (i, p) in data.providers.iter().enumerate() {
        let mut props = provider_properties(data, i);
        props.remove("courses");
        let mut address = json!({
            "addressType": "visit",
            "countryCode": p.country.code(),
            "geolocation": { "latitude": p.lon_lat.lat, "longitude": p.lon_lat.lon },
        });
        for (k, v) in [
            ("street", &p.address.street),
            ("postalCode", &p.address.postcode),
            ("city", &p.address.locality),
        ] {
            if let Some(v) = v {
                address[k] = v.clone().into();
            }
        }
        if address.get("city").is_none() {
            address["city"] = p.municipality.clone().into();
        }
        let mut org = json!({
            "organizationId": p.key,
            "primaryCode": { "codeType": "identifier", "code": p.key },
            "organizationType": "institution",
            "name": lang_string(&p.name),
            "addresses": [address],
            "consumers": [{ "consumerKey": OOAPI_CONSUMER_KEY, "id": p.key, "properties": props }],
        });
        if let Some(w) = &p.website {
            org["link"] = w.clone().into();
        }
        organizations.push(org);
        for (j, c) in data.courses_of(i as u32).iter().enumerate() {
            let program_id = match &c.key {
                Some(k) => format!("{}/{k}", p.key),
                None => format!("{}/{j}", p.key),
            };
            let mut prog = json!({
                "programId": program_id,
                "primaryCode": { "codeType": "identifier", "code": program_id },
                "programType": "program",
                "name": lang_string(&c.name),
                "level": ooapi_level(c.level.national),
                "modeOfStudy": ooapi_mode_of_study(&c.learning_forms),
                "organization": p.key,
                "consumers": [{ "consumerKey": OOAPI_CONSUMER_KEY, "course": course(c) }],
            });
            if let Some(e) = c.level.eqf {
                prog["levelOfQualification"] = e.get().to_string().into();
            }
            if let Some(f) = &c.isced_f {
                prog["fieldsOfStudy"] = f.clone().into();
            }
            if let Some(l) = c.languages.first() {
                prog["teachingLanguage"] = iso639_2(l).into();
            }
            if let Some(w) = c.website.as_deref().or(p.website.as_deref()) {
                prog["link"] = w.into();
            }
            let delivery: Vec<&str> = if c.learning_forms.contains(&LearningForm::Online) {
                vec!["online"]
            } else if c.learning_forms.contains(&LearningForm::Hybrid) {
                vec!["hybrid"]
            } else {
                vec!["situated"]
            };
            for m in c.intake_months.iter() {
                offerings.push(json!({
                    "offeringId": format!("{program_id}/{m:02}"),
                    "offeringType": "program",
                    "program": program_id,
                    "organization": p.key,
                    "name": lang_string(&c.name),
                    "modeOfDelivery": delivery,
                    // The month only: the data names when courses start, not the year.
                    "startDate": format!("{}-{m:02}-01", meta_year(meta)),
                    "addresses": [{ "addressType": "visit", "countryCode": p.country.code(), "city": p.municipality, "geolocation": { "latitude": p.lon_lat.lat, "longitude": p.lon_lat.lon } }],
                }));
            }
            programs.push(prog);
        }
    }
    json!({
        "ooapiVersion": "5",
        "leerkaart": {
            "compiled": meta.compiled,
            "note": meta.note,
            "sources": sources_with_licences(data),
        },
        "organizations": organizations,
        "programs": programs,
        "offerings": offerings,
    })
}

/// The year offerings are dated in: the compilation year (the data names months only).
fn meta_year(meta: &DatasetMeta) -> String {
    meta.compiled
        .as_deref()
        .and_then(|d| d.get(..4))
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or("2026")
        .to_string()
}

/// Every source the dataset cites, once, with its licence and link, and how many records
/// cite it.
pub fn sources_with_licences(data: &Dataset) -> Vec<Value> {
    let mut by_name: std::collections::BTreeMap<&str, (&Source, usize)> = Default::default();
    let cited = data
        .providers
        .iter()
        .flat_map(|p| std::iter::once(&p.source).chain(&p.other_sources))
        .chain(data.courses.iter().map(|c| &c.source));
    for s in cited {
        by_name.entry(s.name.as_str()).or_insert((s, 0)).1 += 1;
    }
    by_name
        .values()
        .map(|(s, n)| {
            let mut v = source(s);
            v["records"] = (*n).into();
            v
        })
        .collect()
}

/// Columns of the open-data CSV: machine-readable codes (as in `data/SCHEMA.md`), one row per
/// course, each with its provider, location, source and licence.
pub const CSV_COLUMNS: [&str; 26] = [
    "provider_id",
    "provider",
    "kind",
    "street",
    "postcode",
    "locality",
    "municipality",
    "province",
    "country",
    "latitude",
    "longitude",
    "location_precision",
    "course_id",
    "course",
    "sector",
    "stage",
    "eqf",
    "national_level",
    "learning_forms",
    "languages",
    "duration",
    "intake_months",
    "website",
    "source",
    "source_licence",
    "source_url",
];

/// The dataset as a spreadsheet-ready CSV (UTF-8 with a byte-order mark, `;`-separated, as
/// spreadsheets in the Netherlands and Belgium open it), one row per course; cells that a
/// spreadsheet would run as a formula are quoted with a leading `'`.
pub fn to_csv(data: &Dataset) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = w.write_record(CSV_COLUMNS);
    for c in &data.courses {
        let p = &data.providers[c.provider as usize];
        let s = &c.source;
        let row = [
            p.key.clone(),
            p.name.clone(),
            p.kind.code().to_string(),
            p.address.street.clone().unwrap_or_default(),
            p.address.postcode.clone().unwrap_or_default(),
            p.address.locality.clone().unwrap_or_default(),
            p.municipality.clone(),
            p.province.code().to_string(),
            p.country.code().to_string(),
            format!("{}", p.lon_lat.lat),
            format!("{}", p.lon_lat.lon),
            p.location_precision.code().to_string(),
            c.key.as_deref().unwrap_or_default().to_string(),
            c.name.to_string(),
            c.sector.code().to_string(),
            c.stage.code().to_string(),
            c.level.eqf.map(|e| e.get().to_string()).unwrap_or_default(),
            c.level.national.code().to_string(),
            c.learning_forms
                .iter()
                .map(|f| f.code())
                .collect::<Vec<_>>()
                .join(","),
            c.languages.join(","),
            c.duration.as_deref().unwrap_or_default().to_string(),
            c.intake_months
                .iter()
                .map(|m| m.to_string())
                .collect::<Vec<_>>()
                .join(","),
            c.website
                .as_deref()
                .or(p.website.as_deref())
                .unwrap_or_default()
                .to_string(),
            s.name.clone(),
            s.licence.clone().unwrap_or_default(),
            s.url.clone().unwrap_or_default(),
        ];
        let _ = w.write_record(row.iter().map(|cell| formula_safe(cell)));
    }
    let body = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&body))
}

/// A cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`.
fn formula_safe(cell: &str) -> String {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

pub use crate::core::share::{OPEN_DATA_CSV, OPEN_DATA_DIR, OPEN_DATA_OOAPI};

/// The open-data downloads of a GeoJSON dataset's text: `(file name, contents)` for the CSV
/// and the OOAPI bundle.
pub fn open_data(geojson: &str) -> Result<Vec<(&'static str, String)>, crate::core::LoadError> {
    let report = crate::core::load_geojson(geojson, &crate::core::LoadOptions::default())?;
    let ooapi = to_ooapi(&report.dataset, &report.meta);
    Ok(vec![
        (OPEN_DATA_CSV, to_csv(&report.dataset)),
        (OPEN_DATA_OOAPI, to_lines(&ooapi)),
    ])
}

/// The top-level members of an OOAPI bundle, in the order a reader expects them.
const OOAPI_ORDER: [&str; 5] = [
    "ooapiVersion",
    "leerkaart",
    "organizations",
    "programs",
    "offerings",
];

/// JSON with one array item per line (diffs of a rebuilt file stay readable), top-level
/// members in [`OOAPI_ORDER`] first.
fn to_lines(v: &Value) -> String {
    let Value::Object(obj) = v else {
        return v.to_string();
    };
    let mut members: Vec<(&String, &Value)> = obj.iter().collect();
    members.sort_by_key(|(k, _)| {
        OOAPI_ORDER
            .iter()
            .position(|o| o == k)
            .unwrap_or(OOAPI_ORDER.len())
    });
    let mut s = String::from("{\n");
    for (n, (k, val)) in members.into_iter().enumerate() {
        s.push_str(&Value::String(k.clone()).to_string());
        s.push_str(": ");
        match val {
            Value::Array(items) if !items.is_empty() => {
                s.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    s.push_str(&item.to_string());
                    s.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                s.push(']');
            }
            other => s.push_str(&other.to_string()),
        }
        s.push_str(if n + 1 < obj.len() { ",\n" } else { "\n" });
    }
    s.push_str("}\n");
    s
}

#[cfg(test)]
mod tests {
    use crate::core::synth::{generate, SynthOptions};
    use crate::core::{load_geojson, Dataset, LoadOptions};

    fn synth(seed: u64, providers: usize, courses: usize) -> Dataset {
        generate(
            seed,
            &SynthOptions {
                providers,
                courses,
                ..Default::default()
            },
        )
    }

    #[test]
    fn export_then_load_gives_the_same_dataset() {
        let data = synth(3, 50, 400);
        let text = super::to_geojson(&data, "t").to_string();
        let report = load_geojson(&text, &LoadOptions::default()).unwrap();
        assert!(report.rejections.is_empty(), "{:?}", report.rejections);
        assert_eq!(report.dataset.providers.len(), data.providers.len());
        for (a, b) in report.dataset.providers.iter().zip(&data.providers) {
            assert_eq!(a, b);
        }
        for (a, b) in report.dataset.courses.iter().zip(&data.courses) {
            assert_eq!(a, b);
        }
    }

    #[test]
    fn ooapi_export_read_back_gives_the_same_dataset() {
        let mut data = synth(5, 60, 500);
        // Datasets keep coordinates to 6 decimals (~0.1 m), as the importers write them.
        let round6 = crate::pipeline::round6;
        for p in &mut data.providers {
            p.lon_lat = crate::core::LonLat::new(round6(p.lon_lat.lon), round6(p.lon_lat.lat));
        }
        let bundle = super::to_ooapi(&data, &Default::default());
        let back = crate::pipeline::ooapi::import_text(
            &super::to_lines(&bundle),
            std::path::Path::new("t.json"),
        )
        .unwrap();
        assert!(back.skipped.is_empty(), "{:?}", back.skipped);
        let text = back.collection("t", "t", "2026-01-01").to_string();
        let report = load_geojson(&text, &LoadOptions::default()).unwrap();
        assert_eq!(report.dataset.providers, data.providers);
        assert_eq!(report.dataset.courses, data.courses);
    }

    #[test]
    fn csv_has_a_row_per_course_and_defuses_formulas() {
        let mut data = synth(8, 5, 20);
        data.courses[0].name = "=HYPERLINK(\"x\")".into();
        let text = super::to_csv(&data);
        assert!(text.starts_with('\u{feff}'));
        let mut r = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let headers = r.headers().unwrap().clone();
        assert_eq!(headers.iter().collect::<Vec<_>>(), super::CSV_COLUMNS);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), data.courses.len());
        let course = headers.iter().position(|h| h == "course").unwrap();
        assert!(rows.iter().any(|row| &row[course] == "'=HYPERLINK(\"x\")"));
    }
}
