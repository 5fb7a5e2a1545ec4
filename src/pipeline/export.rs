//! Writes a dataset back to the GeoJSON format of `data/SCHEMA.md`.

use serde_json::{json, Value};

use crate::core::i18n::Lang;
use crate::core::{
    labels, Country, Dataset, DatasetMeta, InstitutionKind, LearningForm, NationalLevel, Set,
    Source,
};

pub use crate::core::write::to_geojson;
use crate::core::write::{course, properties_of, source};

pub use crate::core::ooapi::OOAPI_CONSUMER_KEY;

/// OOAPI's `level` for a national level; `undefined` where OOAPI has no word (secondary
/// school, non-formal courses).
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
        // OOAPI has no level for non-formal courses, nor for general secondary education.
        _ => "undefined",
    }
}

/// OOAPI's `modeOfStudy` for a course's learning forms: dual training first (BBL, duaal
/// leren), then part-time (evening classes are part-time), full-time, self-paced (online).
fn ooapi_mode_of_study(forms: &Set<LearningForm>) -> &'static str {
    if forms.contains(&LearningForm::Dual) {
        "dual training"
    } else if forms.contains(&LearningForm::PartTime) || forms.contains(&LearningForm::Evening) {
        "part-time"
    } else if forms.contains(&LearningForm::FullTime) {
        "full-time"
    } else if forms.contains(&LearningForm::Online) {
        "self-paced"
    } else {
        "full-time"
    }
}

/// The language tag of a text written in `lang` (ISO 639-1) by a provider in `country`:
/// Dutch is `nl-NL` or `nl-BE` by the side of the border, French `fr-BE`, other languages
/// plain (`en`).
fn language_tag(lang: &str, country: Country) -> String {
    match (lang, country) {
        ("nl", Country::Nl) => "nl-NL".into(),
        ("nl", Country::Be) => "nl-BE".into(),
        ("fr", Country::Be) => "fr-BE".into(),
        (l, _) if (2..=4).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()) => {
            l.into()
        }
        _ => "und".into(),
    }
}

fn lang_string(value: &str, tag: &str) -> Value {
    json!([{ "language": tag, "value": value }])
}

/// ISO 639-2 for OOAPI's `teachingLanguage`.
fn iso639_2(lang: &str) -> &str {
    match lang {
        "nl" => "nld",
        "en" => "eng",
        "fr" => "fra",
        "de" => "deu",
        _ => "und",
    }
}

/// The namespace of the export's version-5 UUIDs: one per kind of record and id, the same in
/// every export of the same data.
fn ooapi_uuid(kind: &str, id: &str) -> String {
    let namespace = uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_URL,
        b"urn:leerkaart-scheldemond:ooapi",
    );
    uuid::Uuid::new_v5(&namespace, format!("{kind}:{id}").as_bytes()).to_string()
}

/// An OOAPI page holding every item at once (`GET /organizations` and the like).
fn page(items: Vec<Value>) -> Value {
    json!({
        "pageSize": items.len(),
        "pageNumber": 1,
        "hasPreviousPage": false,
        "hasNextPage": false,
        "totalPages": 1,
        "items": items,
    })
}

/// A published start date plus a programme's nominal length in ECTS credits (60 a year): the
/// day before the same date that many years later. `None` without both.
fn end_date(start: &str, credits: Option<u16>) -> Option<String> {
    let years = u32::from(credits?) / ECTS_PER_YEAR;
    if years == 0 {
        return None;
    }
    let y: u32 = start.get(..4)?.parse().ok()?;
    let end = format!("{:04}{}", y + years, start.get(4..)?);
    let days = crate::core::load::days_from_iso(&end)?;
    Some(crate::core::load::iso_from_days(days - 1))
}

/// ECTS credits in a study year.
const ECTS_PER_YEAR: u32 = 60;

/// The dataset as one OOAPI v5 bundle: the bodies of `GET /organizations`, `GET /programs` and
/// the programs' offerings (`GET /programs/{programId}/offerings`), each an OOAPI page, side
/// by side; plus the dataset's note and the sources with their licences. Each location is an
/// organization with its visit address and geolocation, each course a program; an offering
/// only where the source publishes a start date (none is invented). Ids are version-5 UUIDs
/// of the records' own ids, which each record also carries whole in a `consumers` entry keyed
/// [`OOAPI_CONSUMER_KEY`]. Texts are tagged with the provider's side of the border (`nl-BE`,
/// `nl-NL`) or their own language (`en`).
pub fn to_ooapi(data: &Dataset, meta: &DatasetMeta) -> Value {
    let mut organizations = Vec::new();
    let mut programs = Vec::new();
    let mut offerings = Vec::new();
    for (i, p) in data.providers.iter().enumerate() {
        let mut props = properties_of(data, i);
        props.remove("courses");
        let tag = language_tag("nl", p.country);
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
        let org_id = ooapi_uuid("organization", &p.key);
        let description = format!(
            "{} in {}, {}",
            labels::institution_kind(Lang::Nl, p.kind),
            p.municipality,
            p.province.name()
        );
        let mut org = json!({
            "organizationId": org_id,
            "primaryCode": { "codeType": "x-leerkaart", "code": p.key },
            "organizationType": if p.kind == InstitutionKind::SecondarySchool { "school" } else { "branch" },
            "name": lang_string(&p.name, &tag),
            "shortName": p.name.chars().take(OOAPI_SHORT_NAME_CHARS).collect::<String>(),
            "description": lang_string(&description, &tag),
            "addresses": [address.clone()],
            "consumers": [{ "consumerKey": OOAPI_CONSUMER_KEY, "id": p.key, "properties": props }],
        });
        if let Some(w) = &p.website {
            org["link"] = w.clone().into();
        }
        organizations.push(org);
        for (j, c) in data.courses_of(i as u32).iter().enumerate() {
            let key = match &c.key {
                Some(k) => format!("{}/{k}", p.key),
                None => format!("{}/{j}", p.key),
            };
            let program_id = ooapi_uuid("program", &key);
            let language = c.languages.first().map_or("nl", |l| l.as_str());
            let tag = language_tag(language, p.country);
            let national = c.level.national;
            let description = format!(
                "{} · {} · {}",
                labels::stage(Lang::Nl, c.stage),
                national.name(),
                c.learning_forms
                    .iter()
                    .map(|f| labels::learning_form(Lang::Nl, f))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let desc_tag = language_tag("nl", p.country);
            let mut prog = json!({
                "programId": program_id,
                "primaryCode": { "codeType": "x-leerkaart", "code": key },
                "programType": "program",
                "name": lang_string(&c.name, &tag),
                "abbreviation": c.name.chars().take(OOAPI_SHORT_NAME_CHARS).collect::<String>(),
                "description": lang_string(&description, &desc_tag),
                "teachingLanguage": iso639_2(language),
                "level": ooapi_level(national),
                "modeOfStudy": ooapi_mode_of_study(&c.learning_forms),
                "organization": org_id,
                "consumers": [{ "consumerKey": OOAPI_CONSUMER_KEY, "course": course(c) }],
            });
            let details = c.details.as_deref();
            if let Some(croho) = details.and_then(|d| d.croho.as_deref()) {
                prog["otherCodes"] = json!([{ "codeType": "crohoCreboCode", "code": croho }]);
            }
            if let Some(e) = c.level.eqf {
                prog["levelOfQualification"] = e.get().to_string().into();
            }
            if let Some(f) = c.isced_f.as_deref().filter(|f| f.len() <= 4) {
                prog["fieldsOfStudy"] = f.into();
            }
            if let Some(cr) = details.and_then(|d| d.credits_ects) {
                prog["studyLoad"] = json!({ "studyLoadUnit": "ects", "value": cr });
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
            prog["modeOfDelivery"] = json!(delivery);
            // Offerings only where the source publishes a start date, ended by the
            // programme's nominal length; intake months alone name no date.
            for start in details.map_or(&[][..], |d| d.start_dates.as_slice()) {
                let Some(end) = end_date(start, details.and_then(|d| d.credits_ects)) else {
                    continue;
                };
                let offering_key = format!("{key}/{start}");
                offerings.push(json!({
                    "offeringId": ooapi_uuid("offering", &offering_key),
                    "primaryCode": { "codeType": "x-leerkaart", "code": offering_key },
                    "offeringType": "program",
                    "name": lang_string(&c.name, &tag),
                    "description": lang_string(&description, &desc_tag),
                    "teachingLanguage": iso639_2(language),
                    "modeOfDelivery": delivery,
                    "resultExpected": c.award == Some(crate::core::Award::Diploma),
                    "startDate": start,
                    "endDate": end,
                    "program": program_id,
                    "organization": org_id,
                    "addresses": [address.clone()],
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
        "organizations": page(organizations),
        "programs": page(programs),
        "offerings": page(offerings),
    })
}

/// OOAPI's longest `shortName` and `abbreviation`.
const OOAPI_SHORT_NAME_CHARS: usize = 256;

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
/// course, each with its provider, location, source and licence; a location whose offer is
/// not listed is one row with the course columns empty and `offer` = `not_listed`.
pub const CSV_COLUMNS: [&str; 27] = [
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
    "offer",
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

/// Separates the values of a multi-valued cell: never read as a number ("2 | 9", where "2,9"
/// would be 2.9 in a Dutch spreadsheet).
pub const CSV_LIST_SEPARATOR: &str = " | ";

/// A coordinate with the decimal comma, as Dutch and Belgian spreadsheets read numbers ("2.927"
/// would be read as 2927 there).
fn decimal_comma(x: f64) -> String {
    format!("{x}").replace('.', ",")
}

/// The dataset as a spreadsheet-ready CSV for a Dutch or Belgian spreadsheet: UTF-8 with a
/// byte-order mark, `;`-separated, numbers with the decimal comma, lists joined with
/// [`CSV_LIST_SEPARATOR`], every location (a row per course; one row for a location whose offer
/// is not listed), and formula-safe cells ([`crate::core::shortlist::formula_safe`], which a
/// reader undoes with `formula_unsafe`; names that start with an apostrophe stay as written).
pub fn to_csv(data: &Dataset) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = w.write_record(CSV_COLUMNS);
    for (i, p) in data.providers.iter().enumerate() {
        let location = [
            p.key.clone(),
            p.name.clone(),
            p.kind.code().to_string(),
            p.address.street.clone().unwrap_or_default(),
            p.address.postcode.clone().unwrap_or_default(),
            p.address.locality.clone().unwrap_or_default(),
            p.municipality.clone(),
            p.province.code().to_string(),
            p.country.code().to_string(),
            decimal_comma(p.lon_lat.lat),
            decimal_comma(p.lon_lat.lon),
            p.location_precision.code().to_string(),
            if p.offer_listed {
                "listed"
            } else {
                "not_listed"
            }
            .to_string(),
        ];
        let courses = data.courses_of(i as u32);
        if courses.is_empty() {
            let s = &p.source;
            let mut row: Vec<String> = location.to_vec();
            row.extend(std::iter::repeat_n(String::new(), 10));
            row.push(p.website.clone().unwrap_or_default());
            row.extend([
                s.name.clone(),
                s.licence.clone().unwrap_or_default(),
                s.url.clone().unwrap_or_default(),
            ]);
            let _ = w.write_record(row.iter().map(|cell| formula_safe(cell)));
            continue;
        }
        for c in courses {
            let s = &c.source;
            let mut row: Vec<String> = location.to_vec();
            row.extend([
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
                    .join(CSV_LIST_SEPARATOR),
                c.languages.join(CSV_LIST_SEPARATOR),
                c.duration.as_deref().unwrap_or_default().to_string(),
                c.intake_months
                    .iter()
                    .map(|m| m.to_string())
                    .collect::<Vec<_>>()
                    .join(CSV_LIST_SEPARATOR),
                c.website
                    .as_deref()
                    .or(p.website.as_deref())
                    .unwrap_or_default()
                    .to_string(),
                s.name.clone(),
                s.licence.clone().unwrap_or_default(),
                s.url.clone().unwrap_or_default(),
            ]);
            let _ = w.write_record(row.iter().map(|cell| formula_safe(cell)));
        }
    }
    let body = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&body))
}

use crate::core::shortlist::formula_safe;

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
