//! The shipped dataset's build: every input under `data/sources/` (listed in the manifest
//! `data/sources/manifest.tsv`) imported and merged into one FeatureCollection, offline and
//! deterministically. `leerkaart-data build` runs it; CI checks that the committed
//! `data/providers.geojson` is what it gives.
//!
//! Importers here read the lists that have no importer of their own: HOVI programme records
//! joined with DUO's HBO enrolments, SBB's KiesMBO locations and the 2020 Flemish campus list.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::{
    csv_table, feature, gazetteer_source, provider_properties, read, slug, website, Imported,
    PipelineError, Skipped,
};
use crate::core::gazetteer::Gazetteer;
use crate::core::text::fold;
use crate::core::{Country, LonLat, LICENCE_NOT_STATED};

/// One input of the build: which importer reads which file (relative to the manifest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Importer: `csv` (the hand-edited providers.csv + courses.csv pair), `duo-schools`,
    /// `hovi` (with `duo-hbo` enrolments joined), `kiesmbo`, `onderwijs-vlaanderen`,
    /// `campuses-2020`.
    pub kind: String,
    /// Files, relative to the manifest's folder.
    pub files: Vec<PathBuf>,
}

/// The manifest: the inputs in build order, and the compilation date the output carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// Folder the file paths are relative to.
    pub dir: PathBuf,
    /// The inputs.
    pub inputs: Vec<Input>,
}

/// Reads `manifest.tsv`: `kind<TAB>file[<TAB>file…]` per line, `#` comments.
pub fn manifest(path: &Path) -> Result<Manifest, PipelineError> {
    let text = read(path)?;
    let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut inputs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cells = line.split('\t').map(str::trim).filter(|c| !c.is_empty());
        let kind = cells.next().unwrap_or("").to_string();
        let files: Vec<PathBuf> = cells.map(PathBuf::from).collect();
        if files.is_empty() {
            return Err(PipelineError::Csv {
                path: path.display().to_string(),
                message: format!("line {}: `{kind}` names no file", i + 1),
            });
        }
        inputs.push(Input { kind, files });
    }
    Ok(Manifest { dir, inputs })
}

/// Campus points of the 2020 list closer than this to a provider of the same institution
/// are that provider's site: the dataset already has the institution there. The hand-edited
/// providers sit at town centres, and campuses lie up to a few km from them (KU Leuven Kulak
/// is 3.1 km from Kortrijk's centre).
pub const CAMPUS_SAME_SITE_KM: f64 = 4.0;

/// The region outline, relative to the manifest's folder: the side of the border a partner's
/// location lies on.
const OUTLINE_FROM_SOURCES: &str = "../../assets/region-outline.geojson";

/// Builds the whole dataset from the manifest's inputs, merged.
pub fn build(manifest: &Manifest, gazetteer: &Gazetteer) -> Result<Imported, PipelineError> {
    let mut out = Imported::default();
    for input in &manifest.inputs {
        let files: Vec<PathBuf> = input.files.iter().map(|f| manifest.dir.join(f)).collect();
        let part = match (input.kind.as_str(), files.as_slice()) {
            ("csv", [providers, courses]) => super::sources::build(providers, courses, gazetteer)?,
            ("duo-schools", [f]) => super::duo::import(f, gazetteer)?,
            ("duo-schools", [f, exams]) => super::duo::import_with_exams(f, exams, gazetteer)?,
            ("hovi", [programmes, enrolments]) => hovi(programmes, enrolments, gazetteer)?,
            ("kiesmbo", [f]) => kiesmbo(f)?,
            ("onderwijs-vlaanderen", files) => {
                let mut all = Imported::default();
                for f in files {
                    let part = super::onderwijs_vlaanderen::import(f, gazetteer)?;
                    all.features.extend(part.features);
                    all.skipped.extend(part.skipped);
                }
                all
            }
            ("campuses-2020", [f]) => campuses(f, &out.features, gazetteer)?,
            ("he-campus", [f, sectors]) => {
                super::he_campus::import(f, sectors, &mut out.features, gazetteer)?
            }
            ("web-facts", [readings, facts @ ..]) => {
                let facts: Vec<&Path> = facts.iter().map(PathBuf::as_path).collect();
                let part =
                    super::web_facts::import(readings, &facts, &mut out.features, gazetteer)?;
                out.guidance.extend(part.guidance);
                part.imported
            }
            ("partner", [file, meta]) => {
                let source = super::partner::meta(meta)?;
                let borders = std::fs::read_to_string(manifest.dir.join(OUTLINE_FROM_SOURCES))
                    .ok()
                    .and_then(|t| crate::core::borders::Borders::from_outline(&t));
                let part = super::partner::import(file, &source, gazetteer, borders.as_ref())?;
                let added = super::partner::merge(&mut out.features, part.features);
                Imported {
                    features: added,
                    skipped: part.skipped,
                    ..Imported::default()
                }
            }
            ("ov-first-grade", [f]) => {
                super::onderwijs_vlaanderen::add_first_grade(f, &mut out.features)?
            }
            (kind, files) => {
                return Err(PipelineError::Csv {
                    path: manifest.dir.join("manifest.tsv").display().to_string(),
                    message: format!("unknown input `{kind}` with {} file(s)", files.len()),
                })
            }
        };
        out.features.extend(part.features);
        out.skipped.extend(part.skipped);
    }
    let merged = merge(std::mem::take(&mut out.features));
    out.features = merged;
    Ok(out)
}

/// Features of the same institution at the same point (same folded name, coordinates equal
/// to ~1 m) become one provider: courses concatenated (duplicates by id dropped), every
/// source kept in `sources`.
pub fn merge(features: Vec<Value>) -> Vec<Value> {
    let mut order: Vec<String> = Vec::new();
    let mut by_key: HashMap<String, Value> = HashMap::new();
    for f in features {
        let name = fold(f["properties"]["name"].as_str().unwrap_or(""));
        let c = &f["geometry"]["coordinates"];
        let key = format!(
            "{name}|{:.5}|{:.5}",
            c[0].as_f64().unwrap_or(0.0),
            c[1].as_f64().unwrap_or(0.0)
        );
        match by_key.get_mut(&key) {
            None => {
                order.push(key.clone());
                by_key.insert(key, f);
            }
            Some(first) => merge_into(first, f),
        }
    }
    order
        .into_iter()
        .filter_map(|k| by_key.remove(&k))
        .collect()
}

fn merge_into(first: &mut Value, other: Value) {
    let Value::Object(mut other_props) = other["properties"].clone() else {
        return;
    };
    let Some(props) = first["properties"].as_object_mut() else {
        return;
    };
    let mut sources: Vec<Value> = props
        .get("sources")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for s in std::iter::once(other_props.remove("source").unwrap_or(Value::Null)).chain(
        other_props
            .remove("sources")
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default(),
    ) {
        if !s.is_null() && Some(&s) != props.get("source") && !sources.contains(&s) {
            sources.push(s);
        }
    }
    if !sources.is_empty() {
        props.insert("sources".into(), Value::Array(sources));
    }
    let mut courses = props
        .get("courses")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for c in other_props
        .remove("courses")
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
    {
        if !courses
            .iter()
            .any(|x| x.get("id").is_some() && x["id"] == c["id"])
        {
            courses.push(c);
        }
    }
    // Listed by either source: the merged provider's offer is listed.
    if !courses.is_empty() {
        props.remove("offer");
    }
    props.insert("courses".into(), Value::Array(courses));
}

// ---------------------------------------------------------------------------------------
// HOVI programmes + DUO HBO enrolments

const HOVI_SOURCE: &str = "HOVI (Hoger Onderwijs Voorlichtingsinformatie), programme records, February 2025 (via navigator-data-generator)";
const HOVI_URL: &str = "https://www.studiekeuze123.nl/";
const DUO_HBO_SOURCE: &str =
    "DUO open onderwijsdata, ingeschrevenen hbo per opleiding, 1 oktober 2020–2024";
const DUO_HBO_URL: &str = "https://duo.nl/open_onderwijsdata/hoger-onderwijs/";
/// The year whose 1 October enrolment is shipped.
pub const ENROLMENT_YEAR: u16 = 2024;
/// ECTS credits per study year.
const ECTS_PER_YEAR: u32 = 60;

/// What DUO says of one programme (CROHO code) in one municipality.
#[derive(Debug, Default, Clone)]
struct DuoProgramme {
    name: String,
    kind: String,
    faculty: String,
    forms: Vec<&'static str>,
    enrolled: u32,
    suppressed: bool,
}

fn duo_hbo(path: &Path) -> Result<BTreeMap<(String, String), DuoProgramme>, PipelineError> {
    let table = csv_table(&read(path)?, &path.display().to_string())?;
    let file = path.display().to_string();
    let need = |name: &str| table.require(name, &file, "DUO's ingeschrevenen-hbo file");
    let (code, name, form, gemeente, kind, faculty) = (
        need("OPLEIDINGSCODE ACTUEEL")?,
        need("OPLEIDINGSNAAM ACTUEEL")?,
        need("OPLEIDINGSVORM")?,
        need("GEMEENTENAAM")?,
        need("TYPE HOGER ONDERWIJS")?,
        need("ONDERDEEL")?,
    );
    let year = need(&ENROLMENT_YEAR.to_string())?;
    let mut out: BTreeMap<(String, String), DuoProgramme> = BTreeMap::new();
    for (_, rec) in &table.records {
        let get = |i: usize| rec.get(i).unwrap_or("").trim();
        let e = out
            .entry((get(code).to_string(), fold(get(gemeente))))
            .or_default();
        e.name = get(name).to_string();
        e.kind = get(kind).to_string();
        e.faculty = get(faculty).to_string();
        let f = match fold(get(form)).split(' ').next().unwrap_or("") {
            "voltijd" => Some("full_time"),
            "deeltijd" => Some("part_time"),
            "duaal" => Some("dual"),
            _ => None,
        };
        if let Some(f) = f {
            if !e.forms.contains(&f) {
                e.forms.push(f);
            }
        }
        match get(year).parse::<u32>() {
            Ok(n) => e.enrolled += n,
            Err(_) if get(year).starts_with('<') => e.suppressed = true,
            Err(_) => {}
        }
    }
    for p in out.values_mut() {
        p.forms.sort_by_key(|f| {
            ["full_time", "part_time", "dual"]
                .iter()
                .position(|x| x == f)
        });
    }
    Ok(out)
}

/// Sector of a Dutch higher-education programme: DUO's / HOVI's CROHO sector, refined by
/// the name where the CROHO sector is broader than ISCED-F (ICT in techniek, social work in
/// gedrag en maatschappij).
fn hbo_sector(croho_sector: &str, name: &str) -> &'static str {
    let n = fold(name);
    let has = |w: &[&str]| w.iter().any(|x| n.contains(x));
    if has(&["ict"]) {
        "ict"
    } else if has(&["social work", "sociaal werk", "verpleeg"]) {
        "health_welfare"
    } else if has(&["pedagog", "leraar"]) {
        "education"
    } else if has(&["sport", "tourism", "toerisme", "maritiem officier", "loods"]) {
        "services"
    } else {
        match fold(croho_sector).replace(['_', ' '], "").as_str() {
            "techniek" => "engineering",
            "economie" => "business_law",
            "gezondheidszorg" => "health_welfare",
            "onderwijs" => "education",
            "gedragenmaatschappij" => "social_sciences",
            "landbouwennatuurlijkeomgeving" => "agriculture",
            "taalencultuur" => "arts_humanities",
            "natuur" => "natural_sciences",
            _ => "generic",
        }
    }
}

fn hbo_level(kind: &str, university: bool) -> Option<&'static str> {
    match fold(kind).as_str() {
        "bachelor" if university => Some("nl_wo_bachelor"),
        "bachelor" => Some("nl_hbo_bachelor"),
        "master" => Some("nl_master"),
        "associate" | "associate degree" => Some("nl_associate_degree"),
        _ => None,
    }
}

fn hovi_source() -> Value {
    json!({ "name": HOVI_SOURCE, "url": HOVI_URL, "licence": LICENCE_NOT_STATED })
}

fn duo_hbo_source() -> Value {
    json!({ "name": DUO_HBO_SOURCE, "url": DUO_HBO_URL, "licence": "CC0" })
}

/// DUO's programme name without its type prefix: "B HBO-ICT" → "HBO-ICT".
fn duo_programme_name(name: &str) -> &str {
    for prefix in ["B ", "M ", "Ad ", "AD "] {
        if let Some(rest) = name.strip_prefix(prefix) {
            return rest.trim();
        }
    }
    name.trim()
}

/// One HBO/WO location of the HOVI file.
struct HoviLocation {
    id: String,
    name: String,
    brin: String,
    university: bool,
    street: String,
    postcode: String,
    place: String,
    municipality: String,
    website: Option<String>,
    courses: Vec<Value>,
    crohos: Vec<String>,
    uses_duo: bool,
}

/// Imports HOVI's programme records (CROHO programmes at a location) and joins DUO's HBO
/// enrolments by CROHO code and municipality: forms (voltijd / deeltijd / duaal) and the
/// enrolment size. DUO programmes HOVI lacks are added at the institution's location in that
/// municipality.
pub fn hovi(
    hovi_path: &Path,
    duo_path: &Path,
    gazetteer: &Gazetteer,
) -> Result<Imported, PipelineError> {
    let name = hovi_path.display().to_string();
    let table = csv_table(&read(hovi_path)?, &name)?;
    let mut duo = duo_hbo(duo_path)?;
    let need = |n: &str| table.require(n, &name, "the HOVI programme extract");
    let cols: HashMap<&str, usize> = [
        "institution_name",
        "brin",
        "institution_type",
        "product_title",
        "product_type",
        "product_level",
        "croho",
        "croho_sector",
        "credits_ects",
        "numerus_fixus",
        "starting_dates",
        "product_url",
        "hovi_location_id",
        "street_and_number",
        "postcode",
        "place",
        "municipality",
    ]
    .into_iter()
    .map(|n| need(n).map(|i| (n, i)))
    .collect::<Result<_, _>>()?;
    let mut out = Imported::default();
    let mut locations: BTreeMap<String, HoviLocation> = BTreeMap::new();
    for (line, rec) in &table.records {
        let get = |n: &str| rec.get(cols[n]).unwrap_or("").trim();
        let at = format!("{name} line {line}");
        if get("product_type") != "croho_program" {
            out.skipped.push(Skipped {
                at,
                reason: format!(
                    "`{}` is a {}, part of a programme listed on its own",
                    get("product_title"),
                    get("product_type")
                ),
            });
            continue;
        }
        let university = get("institution_type") == "universiteit";
        let Some(national) = hbo_level(get("product_level"), university) else {
            out.skipped.push(Skipped {
                at,
                reason: format!("unknown level `{}`", get("product_level")),
            });
            continue;
        };
        let brin = get("brin").to_string();
        let loc_id = format!(
            "hovi-{}-{}",
            brin.to_lowercase(),
            slug(get("hovi_location_id"))
        );
        let municipality = get("municipality").to_string();
        let loc = locations
            .entry(loc_id.clone())
            .or_insert_with(|| HoviLocation {
                id: loc_id.clone(),
                name: institution_name(get("institution_name"), &brin),
                brin: brin.clone(),
                university,
                street: get("street_and_number").to_string(),
                postcode: get("postcode").to_string(),
                place: titlecase_place(get("place")),
                municipality: municipality.clone(),
                website: None,
                courses: Vec::new(),
                crohos: Vec::new(),
                uses_duo: false,
            });
        let croho = get("croho").to_string();
        let title = get("product_title");
        let course_id = format!("{loc_id}-{croho}");
        if loc.crohos.contains(&croho) {
            continue;
        }
        loc.crohos.push(croho.clone());
        let urls: Vec<&str> = get("product_url").split('|').collect();
        if loc.website.is_none() {
            loc.website = urls.first().and_then(|u| website(u)).map(|u| {
                // The institution's home page, not one programme's.
                let host_end = u.find("://").map(|i| i + 3).unwrap_or(0);
                let end = u[host_end..].find('/').map_or(u.len(), |i| host_end + i);
                u[..end].to_string()
            });
        }
        let start_dates: Vec<String> = get("starting_dates")
            .split('|')
            .map(str::trim)
            .filter(|d| crate::core::load::days_from_iso(d).is_some())
            .map(str::to_string)
            .collect();
        let mut months: Vec<u8> = start_dates
            .iter()
            .filter_map(|d| d.get(5..7).and_then(|m| m.parse().ok()))
            .collect();
        months.sort_unstable();
        months.dedup();
        let credits: Option<u32> = get("credits_ects").parse().ok();
        let duo_row = duo.remove(&(croho.clone(), fold(&municipality)));
        let mut c = json!({
            "id": course_id,
            "name": title,
            "sector": hbo_sector(get("croho_sector"), title),
            "level": national,
            "learning_forms": ["full_time"],
            "languages": [],
            "target_groups": ["students"],
            "intake_months": months,
            "croho": croho,
            "award": "diploma",
        });
        if let Some(w) = urls.first().and_then(|u| website(u)) {
            c["website"] = w.into();
        }
        if let Some(cr) = credits {
            c["credits_ects"] = cr.into();
            c["duration"] = format!("{} jaar ({cr} EC)", cr / ECTS_PER_YEAR).into();
        }
        if get("numerus_fixus") == "true" {
            c["numerus_fixus"] = true.into();
        }
        if !start_dates.is_empty() {
            c["start_dates"] = start_dates.into();
        }
        if let Some(d) = duo_row {
            apply_duo(&mut c, &d);
            loc.uses_duo = true;
        }
        c["source"] = hovi_source();
        loc.courses.push(c);
    }
    // DUO programmes HOVI does not list: at the same institution's HOVI location in that
    // municipality (HZ is the only institution in DUO's file).
    for ((croho, gemeente), d) in duo {
        let Some(loc) = locations
            .values_mut()
            .find(|l| l.brin == "21MI" && fold(&l.municipality) == gemeente)
        else {
            out.skipped.push(Skipped {
                at: duo_path.display().to_string(),
                reason: format!("CROHO {croho} in {gemeente}: no HZ location there"),
            });
            continue;
        };
        let Some(national) = hbo_level(
            if d.kind == "associate degree" {
                "associate"
            } else {
                &d.kind
            },
            false,
        ) else {
            continue;
        };
        let title = duo_programme_name(&d.name).to_string();
        let mut c = json!({
            "id": format!("{}-{croho}", loc.id),
            "name": title,
            "sector": hbo_sector(&d.faculty, &title),
            "level": national,
            "learning_forms": ["full_time"],
            "languages": [],
            "target_groups": ["students"],
            "croho": croho,
            "award": "diploma",
            "source": duo_hbo_source(),
        });
        apply_duo(&mut c, &d);
        loc.uses_duo = true;
        loc.courses.push(c);
    }
    for loc in locations.into_values() {
        let (point, location_source) =
            match gazetteer.geocode(Country::Nl, None, Some(&loc.place), Some(&loc.municipality)) {
                Some(p) => (p.lon_lat, gazetteer_source(p)),
                None => {
                    out.skipped.push(Skipped {
                        at: format!("{name} location {}", loc.id),
                        reason: format!("`{}` is not in the gazetteer", loc.place),
                    });
                    continue;
                }
            };
        let mut courses = loc.courses;
        for c in &mut courses {
            if c["languages"].as_array().is_some_and(Vec::is_empty) {
                c["languages"] = json!(["nl"]);
            }
        }
        let mut props = provider_properties(
            &loc.name,
            if loc.university {
                "university"
            } else {
                "university_of_applied_sciences"
            },
            Country::Nl,
            "NL-ZE",
            &loc.municipality,
            (&loc.street, &loc.postcode, &loc.place),
            loc.website,
            "town",
            Some(location_source),
            hovi_source(),
            courses,
        );
        if loc.uses_duo {
            props.insert("sources".into(), json!([duo_hbo_source()]));
        }
        out.features.push(feature(&loc.id, point, props));
    }
    Ok(out)
}

fn apply_duo(c: &mut Value, d: &DuoProgramme) {
    if !d.forms.is_empty() {
        c["learning_forms"] = json!(d.forms);
    }
    if d.enrolled > 0 || d.suppressed {
        let mut e = json!({ "year": ENROLMENT_YEAR, "count": d.enrolled });
        if d.suppressed {
            e["at_least"] = true.into();
        }
        c["enrolment"] = e;
    }
}

/// The institution as people know it: UCR is Utrecht University's college in Middelburg.
fn institution_name(name: &str, brin: &str) -> String {
    match brin {
        "21PD" => "University College Roosevelt (Universiteit Utrecht)".into(),
        _ => name.trim().to_string(),
    }
}

/// "VLISSINGEN" → "Vlissingen".
fn titlecase_place(s: &str) -> String {
    let lower = s.trim().to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut start = true;
    for c in lower.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = c == '-' || c == ' ';
    }
    out
}

// ---------------------------------------------------------------------------------------
// KiesMBO locations

const KIESMBO_SOURCE: &str =
    "SBB KiesMBO, mbo-locaties (API export, February 2025, via navigator-data-generator)";
const KIESMBO_URL: &str = "https://www.kiesmbo.nl/";

/// Imports KiesMBO's MBO locations: providers whose programmes this dataset does not list.
pub fn kiesmbo(path: &Path) -> Result<Imported, PipelineError> {
    let name = path.display().to_string();
    let table = csv_table(&read(path)?, &name)?;
    let col = |n: &str| table.require(n, &name, "the KiesMBO location extract");
    let c: HashMap<&str, usize> = [
        "id",
        "province",
        "institution_name",
        "location_name",
        "street_and_number",
        "postcode",
        "place",
        "municipality",
        "website",
        "lat",
        "lon",
        "coord_source",
    ]
    .into_iter()
    .map(|n| col(n).map(|i| (n, i)))
    .collect::<Result<_, _>>()?;
    let mut out = Imported::default();
    for (line, rec) in &table.records {
        let get = |n: &str| rec.get(c[n]).unwrap_or("").trim();
        let at = format!("{name} line {line}");
        if fold(get("province")) != "zeeland" {
            out.skipped.push(Skipped {
                at,
                reason: format!("province `{}` is outside the region", get("province")),
            });
            continue;
        }
        let (Ok(lat), Ok(lon)) = (get("lat").parse::<f64>(), get("lon").parse::<f64>()) else {
            out.skipped.push(Skipped {
                at,
                reason: "lat/lon are not numbers".into(),
            });
            continue;
        };
        let institution = get("institution_name").trim_end_matches(" B.V.").trim();
        let location = get("location_name");
        let display = if location.is_empty() || fold(location) == "hoofdlocatie" {
            format!("{institution}, {}", get("place"))
        } else if fold(location) == fold(get("place")) {
            institution.to_string() + ", " + location
        } else {
            format!("{institution}, {location} ({})", get("place"))
        };
        let mut props = provider_properties(
            &display,
            "mbo_college",
            Country::Nl,
            "NL-ZE",
            get("municipality"),
            (get("street_and_number"), get("postcode"), get("place")),
            website(get("website")),
            "geocoded",
            Some(format!(
                "{} (not checked against the BAG address register)",
                get("coord_source")
            )),
            json!({ "name": KIESMBO_SOURCE, "url": KIESMBO_URL, "licence": LICENCE_NOT_STATED }),
            Vec::new(),
        );
        props.insert("offer".into(), "not_listed".into());
        let id = format!("kiesmbo-{}", slug(get("id")));
        out.features
            .push(feature(&id, LonLat::new(lon, lat), props));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// The 2020 Flemish campus list

const CAMPUS_SOURCE: &str =
    "Flemish higher- and adult-education campuses, 2020 student project (EvaNote / PPDB-team3)";

/// Which ids of the hand-edited providers belong to a campus list institution.
const CAMPUS_INSTITUTIONS: &[(&str, &[&str])] = &[
    ("universiteit gent", &["ugent-"]),
    ("ghent university", &["ugent-"]),
    ("hogent", &["hogent-"]),
    ("arteveldehogeschool", &["artevelde-"]),
    ("odisee", &["odisee-"]),
    ("vives", &["vives-"]),
    ("howest", &["howest-"]),
    ("ku leuven", &["kuleuven-", "kulak-"]),
];

fn campus_kind(name: &str, category: &str) -> &'static str {
    let n = fold(name);
    if n.contains("volwassenenonderwijs") {
        "adult_education"
    } else if n.contains("verpleegkunde") {
        "other"
    } else if fold(category) == "university" {
        "university"
    } else {
        "university_of_applied_sciences"
    }
}

/// Imports the campuses of the 2020 list that `existing` lacks: a campus is skipped when a
/// provider of the same institution lies within [`CAMPUS_SAME_SITE_KM`]. Added campuses have
/// precision `geocoded` and no listed offer.
pub fn campuses(
    path: &Path,
    existing: &[Value],
    gazetteer: &Gazetteer,
) -> Result<Imported, PipelineError> {
    let name = path.display().to_string();
    let table = csv_table(&read(path)?, &name)?;
    let col = |n: &str| {
        table
            .headers
            .iter()
            .position(|h| h == n)
            .unwrap_or(usize::MAX)
    };
    let (cn, ci, cc, cp, clat, clon) = (
        col("name"),
        col("institution"),
        col("category"),
        col("province"),
        col("lat"),
        col("lon"),
    );
    let point_of = |f: &Value| {
        let c = &f["geometry"]["coordinates"];
        LonLat::new(c[0].as_f64().unwrap_or(0.0), c[1].as_f64().unwrap_or(0.0))
    };
    let mut out = Imported::default();
    let mut seen: Vec<String> = Vec::new();
    for (line, rec) in &table.records {
        let get = |i: usize| rec.get(i).unwrap_or("").trim();
        let at = format!("{name} line {line}");
        let campus = get(cn);
        let institution = fold(get(ci));
        let province = match fold(get(cp)).as_str() {
            "oost-vlaanderen" => "BE-VOV",
            "west-vlaanderen" => "BE-VWV",
            other => {
                out.skipped.push(Skipped {
                    at,
                    reason: format!("province `{other}` is outside the region"),
                });
                continue;
            }
        };
        let (Ok(lat), Ok(lon)) = (get(clat).parse::<f64>(), get(clon).parse::<f64>()) else {
            out.skipped.push(Skipped {
                at,
                reason: "lat/lon are not numbers".into(),
            });
            continue;
        };
        let at_point = LonLat::new(lon, lat);
        let prefixes: Vec<&str> = CAMPUS_INSTITUTIONS
            .iter()
            .filter(|(inst, _)| {
                institution
                    .split('/')
                    .any(|part| part.trim().ends_with(inst))
            })
            .flat_map(|(_, p)| p.iter().copied())
            .collect();
        let covered = existing.iter().any(|f| {
            let id = f["id"].as_str().unwrap_or("");
            prefixes.iter().any(|p| id.starts_with(p))
                && point_of(f).distance_km(&at_point) <= CAMPUS_SAME_SITE_KM
        });
        if covered {
            out.skipped.push(Skipped {
                at,
                reason: format!("`{campus}`: the institution is already on the map within {CAMPUS_SAME_SITE_KM} km"),
            });
            continue;
        }
        let nearest = gazetteer
            .places()
            .iter()
            .filter(|p| p.country == Country::Be && p.postcode.is_none())
            .min_by(|a, b| {
                a.lon_lat
                    .distance_km(&at_point)
                    .total_cmp(&b.lon_lat.distance_km(&at_point))
            });
        let Some(town) = nearest else {
            continue;
        };
        let mut id = format!("campus2020-{}", slug(campus));
        let mut display = campus.to_string();
        if seen.contains(&id) {
            // Two campuses of one name (ZoWe verpleegkunde): told apart by their place.
            id = format!("{id}-{}", slug(&town.name));
            display = format!("{campus} ({})", town.name);
        }
        seen.push(id.clone());
        let mut props = provider_properties(
            &display,
            campus_kind(campus, get(cc)),
            Country::Be,
            province,
            &town.name,
            ("", "", &town.name),
            None,
            "geocoded",
            Some(format!(
                "Campus point of the 2020 list, geocoded by a method it does not state; place: nearest gazetteer town ({})",
                town.source
            )),
            json!({ "name": CAMPUS_SOURCE, "retrieved": "2020", "licence": LICENCE_NOT_STATED }),
            Vec::new(),
        );
        props.insert("offer".into(), "not_listed".into());
        out.features.push(feature(&id, at_point, props));
    }
    Ok(out)
}
