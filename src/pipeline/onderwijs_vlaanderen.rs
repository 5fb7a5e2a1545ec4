//! Importer for Flemish secondary-school locations with their study programmes, in the shape
//! of the Onderwijs Vlaanderen API (instellingslocatie + onderwijsaanbod) as flattened by
//! e.g. "Zoek je school": an array of locations, each with `scholen[]`, each with
//! `richtingen[]` (`naam`, `graad`, `onderwijsvorm`, `finaliteit`, `duaal`).
//!
//! Every (location, school) pair becomes a provider. Programmes that lead to a qualification
//! become its courses: BSO second and third grade (EQF 2 and 3), third grade TSO/ASO/KSO
//! (diploma secundair onderwijs, EQF 4), the 7th year (EQF 4; Se-n-Se). First-grade and OKAN
//! rows lead to no qualification and are left out. A programme listed once per school year is
//! one course.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde_json::{json, Value};

use super::{
    feature, gazetteer_source, provider_properties, read, slug, website, Imported, PipelineError,
    Progress, Skipped,
};
use crate::core::gazetteer::Gazetteer;
use crate::core::text::fold;
use crate::core::{Country, LonLat, Sector};

#[derive(Deserialize)]
struct Location {
    id: Option<String>,
    straat: Option<String>,
    huisnummer: Option<String>,
    postcode: Option<String>,
    gemeente: Option<String>,
    provincie: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    #[serde(default)]
    scholen: Vec<School>,
}

#[derive(Deserialize)]
struct School {
    naam: Option<String>,
    schoolnummer: Option<String>,
    website: Option<String>,
    #[serde(rename = "linkFiche")]
    link_fiche: Option<String>,
    #[serde(default)]
    richtingen: Vec<Programme>,
}

#[derive(Deserialize)]
struct Programme {
    naam: Option<String>,
    graad: Option<String>,
    onderwijsvorm: Option<String>,
    finaliteit: Option<String>,
    #[serde(default)]
    duaal: Option<bool>,
}

const OV_SOURCE: &str =
    "Onderwijs Vlaanderen, instellingsgegevens en onderwijsaanbod secundair onderwijs 2026 (via Zoek je school)";
/// The fetch date the source's own `meta.json` gives.
const OV_RETRIEVED: &str = "2026-09-01";

/// One programme of one school, its school years merged.
struct Programme2 {
    name: String,
    level: RowLevel,
    dual: bool,
    part_time: bool,
    finaliteit: Option<String>,
    module: bool,
}

fn province(name: &str) -> Option<&'static str> {
    match fold(name).as_str() {
        "oost-vlaanderen" => Some("BE-VOV"),
        "west-vlaanderen" => Some("BE-VWV"),
        _ => None,
    }
}

/// What a programme row leads to: its national level, EQF (none for the second grade,
/// which leads to no qualification of its own), the graad and the award.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowLevel {
    /// National level code.
    pub national: &'static str,
    /// EQF level, when the row leads to a qualification.
    pub eqf: Option<u8>,
    /// Graad (2 or 3), when the row is in one.
    pub graad: Option<u8>,
    /// The onderwijsvorm as shown (ASO, TSO, BSO, KSO, 7DE, HBO5).
    pub vorm: &'static str,
}

/// The level a programme row leads to, or `None` for rows that are not a choice of
/// programme (first grade, OKAN).
pub fn level_of(onderwijsvorm: &str, graad: &str, naam: &str) -> Option<RowLevel> {
    let vorm = onderwijsvorm.trim().to_ascii_uppercase();
    let graad = fold(graad);
    let third = graad.starts_with("derde");
    let second = graad.starts_with("tweede");
    let row = |national, eqf, graad, vorm| {
        Some(RowLevel {
            national,
            eqf,
            graad,
            vorm,
        })
    };
    let vorm_code: &'static str = match vorm.as_str() {
        "ASO" => "ASO",
        "TSO" => "TSO",
        "BSO" => "BSO",
        "KSO" => "KSO",
        _ => "",
    };
    match vorm.as_str() {
        "BSO" if third => row("be_secundair_beroeps", Some(3), Some(3), "BSO"),
        "TSO" | "ASO" | "KSO" if third => row("be_secundair_diploma", Some(4), Some(3), vorm_code),
        // The second grade is the choice a 14-year-old makes, but it leads to no
        // qualification of its own: a step towards the third grade.
        "BSO" | "TSO" | "ASO" | "KSO" if second => row("be_tweede_graad", None, Some(2), vorm_code),
        "7DE" if fold(naam).contains("se-n-se") => row("be_se_n_se", Some(4), None, "7DE"),
        "7DE" => row("be_secundair_diploma", Some(4), Some(3), "7DE"),
        // HBO5 nursing: vocational higher education at EQF 5, organised by secondary schools.
        "HBO" | "HBO5" => row("be_hbo5", Some(5), None, "HBO5"),
        _ => None,
    }
}

/// Words after a programme's name that say how it is organised, not what it is.
const ORGANISATION_SUFFIXES: &[&str] = &[" DBSO", " CDO", " DL", " duaal", " (STEM)"];

/// A school's name as the list shows it: what precedes an `@` (a campus note), trimmed, and
/// with the municipality parted from a name it was glued to in the transcription
/// ("GO! middenschool CourtmanslaanMaldegem" in Maldegem → "… Courtmanslaan Maldegem").
pub fn school_name(naam: &str, municipality: &str) -> String {
    let name = naam.split('@').next().unwrap_or("").trim();
    if let Some(head) = name.strip_suffix(municipality) {
        if !municipality.is_empty() && head.ends_with(|c: char| c.is_lowercase()) {
            return format!("{head} {municipality}");
        }
    }
    name.to_string()
}

/// The programme's name without the school-year prefix, the form, the domain and the
/// organisation words: "2e leerjaar in de 3e graad Elektrotechnieken TSO (domein STEM)" →
/// "Elektrotechnieken", "7e leerjaar Kapper-stylist duaal CDO" → "Kapper-stylist".
pub fn programme_name(naam: &str) -> String {
    let mut name = naam.trim();
    if let Some(i) = name.find(" graad ") {
        if fold(&name[..i]).contains("leerjaar") {
            name = name[i + " graad ".len()..].trim();
        }
    }
    if let Some(rest) = name.strip_prefix("7e leerjaar ") {
        name = rest.trim();
    }
    if let Some(i) = name.find(" (domein") {
        name = name[..i].trim();
    }
    for form in [" BSO", " TSO", " ASO", " KSO"] {
        if let Some(stripped) = name.strip_suffix(form) {
            name = stripped.trim();
        }
    }
    loop {
        let before = name;
        for suffix in ORGANISATION_SUFFIXES {
            if let Some(stripped) = name.strip_suffix(suffix) {
                name = stripped.trim();
            }
        }
        if name == before {
            break;
        }
    }
    let mut out = name.to_string();
    if let Some(first) = out.get(..1) {
        // "onderhoudsmedewerker" is written in lower case once.
        let upper = first.to_uppercase();
        out.replace_range(..1, &upper);
    }
    out
}

/// True when the row is organised as part-time vocational secondary education (DBSO, in a
/// centre for part-time education): learning and working, part-time at school.
fn is_part_time(naam: &str) -> bool {
    naam.contains(" DBSO") || naam.ends_with(" CDO")
}

/// The sector of a secondary programme, from words in its name (a keyword list, checked in
/// this order: the first group with a match wins). Personal-care trades come before care,
/// since "haarzorg" and "schoonheidsverzorging" are services; "natuurwetenschappen" before
/// agriculture's "natuur".
pub fn sector_of(naam: &str) -> Sector {
    let n = fold(naam);
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if has(&["steiner", "freinet"]) {
        Sector::Generic
    } else if n == "mode" || has(&["creatie en mode"]) {
        Sector::ArtsHumanities
    } else if has(&[
        "textiel",
        "moderealisatie",
        "prototypes mode",
        "kleding",
        "confectie",
        "natuursteen",
    ]) {
        Sector::Engineering
    } else if has(&[
        "agro",
        "dier",
        "plant",
        "groen",
        "tuinaanleg",
        "paard",
        "florist",
        "bloem",
        "zeevisserij",
    ]) && !has(&["machine"])
    {
        Sector::Agriculture
    } else if has(&["dentaal", "orthopedie", "farmaceut"]) {
        Sector::HealthWelfare
    } else if has(&[
        "haar",
        "kapper",
        "schoonheid",
        "wellness",
        "hotel",
        "horeca",
        "restaurant",
        "keuken",
        "kok",
        "bakkerij",
        "bakker",
        "slagerij",
        "brood",
        "patisserie",
        "chocolatier",
        "barman",
        "sommelier",
        "fastfood",
        "catering",
        "toerisme",
        "onthaal en recreatie",
        "animator",
        "host",
        "logistiek",
        "sport",
        "veiligheid",
        "beveiliging",
        "defensie",
        "chauffeur",
        "slager",
        "culinair",
        "kelner",
        "kamerdienst",
        "fitness",
        "magazijn",
        "goederenvervoer",
        "zeevaart",
        "matroos",
        "stuurman",
    ]) {
        Sector::Services
    } else if has(&[
        "zorg",
        "verpleeg",
        "welzijn",
        "gezondheid",
        "verzorg",
        "jeugd",
        "opvoed",
        "kinder",
        "persoonsbegeleid",
    ]) {
        Sector::HealthWelfare
    } else if has(&[
        "informatica",
        "ict",
        "netwerk",
        "datacommunicatie",
        "programmeer",
        "digitale",
        "software",
        "applicatie",
        "databeheer",
    ]) {
        Sector::Ict
    } else if has(&[
        "natuurwetenschap",
        "stem-wetenschap",
        "wiskunde",
        "fysica",
        "biologie",
    ]) && !has(&["economie", "technolog"])
    {
        Sector::NaturalSciences
    } else if has(&[
        "elektr",
        "mechan",
        "mecanicien",
        "lassen",
        "lasser",
        "bouw",
        "hout",
        "techn",
        "auto",
        "koel",
        "install",
        "industr",
        "constructie",
        "metaal",
        "schilder",
        "dak",
        "onderhoud",
        "sanitair",
        "verwarming",
        "machine",
        "energie",
        "maritiem",
        "vliegtuig",
        "chemie",
        "drukken",
        "grafisch",
        "meubel",
        "schrijnwerk",
        "timmerman",
        "tegelzetter",
        "vloerder",
        "carrosserie",
        "koetswerk",
        "banden",
        "fiets",
        "brom",
        "verspaning",
        "monteerder",
        "fitter",
        "operator",
        "productie",
        "engineering",
        "interieurbouw",
        "fijnschilder",
        "mechatron",
        "metsel",
        "drukker",
    ]) {
        Sector::Engineering
    } else if has(&[
        "landbouw",
        "tuinbouw",
        "tuinaanleg",
        "dier",
        "natuur",
        "groen",
        "bloem",
        "paard",
        "bos",
        "plant",
        "agro",
    ]) {
        Sector::Agriculture
    } else if has(&[
        "economie",
        "economische",
        "bedrijf",
        "boekhoud",
        "kantoor",
        "handel",
        "commerc",
        "sales",
        "winkel",
        "klantcontact",
        "klantcontact",
        "organisatie",
        "administratie",
        "ondernem",
        "office",
        "recht",
    ]) {
        Sector::BusinessLaw
    } else if has(&["wetenschap", "biotech"]) && !has(&["humane", "taal", "communicatiewet"]) {
        Sector::NaturalSciences
    } else if has(&[
        "kunst",
        "beeld",
        "muziek",
        "muzikale",
        "dans",
        "woord",
        "drama",
        "architect",
        "audiovis",
        "fotografie",
        "podium",
        "media",
        "decor",
        "etalage",
        "vormgeving",
        "vorming",
    ]) {
        Sector::ArtsHumanities
    } else if has(&["onderwijs", "pedagog"]) {
        Sector::Education
    } else if has(&["humane", "gedrag", "maatschappij", "sociale"]) {
        Sector::SocialSciences
    } else if has(&["latijn", "grieks", "talen", "taal"]) {
        Sector::ArtsHumanities
    } else {
        Sector::Generic
    }
}

/// Imports the JSON array of locations.
pub fn import(path: &Path, gazetteer: &Gazetteer) -> Result<Imported, PipelineError> {
    import_text(&read(path)?, path, gazetteer)
}

/// Imports the JSON text (`path` names it in messages).
pub fn import_text(
    text: &str,
    path: &Path,
    gazetteer: &Gazetteer,
) -> Result<Imported, PipelineError> {
    let locations: Vec<Value> = serde_json::from_str(text).map_err(|e| PipelineError::Json {
        path: path.display().to_string(),
        message: format!("expected a JSON array of school locations: {e}"),
    })?;
    let mut out = Imported::default();
    let mut progress = Progress::new("school locations", locations.len());
    for (i, raw) in locations.into_iter().enumerate() {
        progress.tick();
        let at = format!("{} location #{i}", path.display());
        let loc: Location = match serde_json::from_value(raw) {
            Ok(l) => l,
            Err(e) => {
                out.skipped.push(Skipped {
                    at,
                    reason: format!("not a school location: {e}"),
                });
                continue;
            }
        };
        let Some(prov) = loc.provincie.as_deref().and_then(province) else {
            out.skipped.push(Skipped {
                at,
                reason: format!(
                    "province {:?} is outside the region",
                    loc.provincie.unwrap_or_default()
                ),
            });
            continue;
        };
        let postcode = loc.postcode.clone().unwrap_or_default();
        let gemeente = loc.gemeente.clone().unwrap_or_default();
        let (point, precision, location_source) = match (loc.lon, loc.lat) {
            (Some(lon), Some(lat)) => (
                LonLat::new(lon, lat),
                "address",
                Some("Onderwijs Vlaanderen location point".to_string()),
            ),
            _ => match gazetteer.geocode(Country::Be, Some(&postcode), Some(&gemeente), None) {
                Some(p) => (p.lon_lat, "town", Some(gazetteer_source(p))),
                None => {
                    out.skipped.push(Skipped {
                        at,
                        reason: format!(
                            "no coordinates and postcode {postcode} is not in the gazetteer"
                        ),
                    });
                    continue;
                }
            },
        };
        let street = format!(
            "{} {}",
            loc.straat.as_deref().unwrap_or(""),
            loc.huisnummer.as_deref().unwrap_or("")
        )
        .trim()
        .to_string();
        let loc_key = loc
            .id
            .as_deref()
            .map(slug)
            .unwrap_or_else(|| format!("loc{i}"));
        for school in loc.scholen {
            let number = school.schoolnummer.clone().unwrap_or_default();
            let name = school_name(school.naam.as_deref().unwrap_or(""), &gemeente);
            if name.is_empty() {
                out.skipped.push(Skipped {
                    at: at.clone(),
                    reason: "a school without a name".into(),
                });
                continue;
            }
            let id = format!("ov-{number}-{loc_key}");
            // One course per programme, whatever the number of school years listed.
            let mut courses: BTreeMap<String, Programme2> = BTreeMap::new();
            let first_grade: Vec<&str> = school
                .richtingen
                .iter()
                .filter(|r| r.onderwijsvorm.as_deref().map(str::trim) == Some("GSO"))
                .filter_map(|r| r.naam.as_deref())
                .collect();
            for r in &school.richtingen {
                let naam = r.naam.as_deref().unwrap_or("");
                let Some(level) = level_of(
                    r.onderwijsvorm.as_deref().unwrap_or(""),
                    r.graad.as_deref().unwrap_or(""),
                    naam,
                ) else {
                    continue;
                };
                let pname = programme_name(naam);
                let part_time = is_part_time(naam);
                let key = format!(
                    "{}-{}{}{}",
                    slug(&pname),
                    level.vorm.to_ascii_lowercase(),
                    level.graad.map_or(String::new(), |g| format!("-g{g}")),
                    if part_time { "-dbso" } else { "" }
                );
                let e = courses.entry(key).or_insert_with(|| Programme2 {
                    name: pname.clone(),
                    level,
                    dual: false,
                    part_time,
                    finaliteit: r.finaliteit.as_deref().map(fold).filter(|f| !f.is_empty()),
                    module: fold(&pname).starts_with("module "),
                });
                e.dual |= r.duaal.unwrap_or(false) || fold(naam).contains("duaal");
            }
            let fiche = school
                .link_fiche
                .as_deref()
                .and_then(crate::core::safe_http_url);
            let mut source = json!({
                "name": format!("{OV_SOURCE} (schoolnummer {number})"),
                "retrieved": OV_RETRIEVED,
                "licence": crate::core::LICENCE_NOT_STATED,
            });
            if let Some(u) = &fiche {
                source["url"] = u.clone().into();
            }
            let first_grade = first_grade_courses(&id, &first_grade);
            let offer_listed = !courses.is_empty() || !first_grade.is_empty();
            let mut courses: Vec<Value> = courses
                .into_iter()
                .map(|(key, p)| {
                    let mut forms: Vec<&str> = Vec::new();
                    if p.part_time {
                        forms.push("part_time");
                    } else {
                        forms.push("full_time");
                    }
                    if p.dual {
                        forms.push("dual");
                    }
                    let mut level = json!({ "national": p.level.national });
                    if let Some(e) = p.level.eqf {
                        level["eqf"] = e.into();
                    }
                    let mut c = json!({
                        "id": format!("{id}-{key}"),
                        "name": p.name,
                        "sector": sector_of(&p.name).code(),
                        "level": level,
                        "learning_forms": forms,
                        "languages": ["nl"],
                        "target_groups": if p.level.vorm == "HBO5" { json!(["students", "adults"]) } else { json!(["students"]) },
                        "intake_months": [9],
                        "onderwijsvorm": p.level.vorm,
                    });
                    if let Some(g) = p.level.graad {
                        c["graad"] = g.into();
                    }
                    if let Some(f) = p.finaliteit {
                        c["finaliteit"] = f.into();
                    }
                    if p.module {
                        c["award"] = "partial_certificate".into();
                    } else if p.level.eqf.is_some() {
                        c["award"] = "diploma".into();
                    }
                    c
                })
                .collect();
            courses.splice(0..0, first_grade);
            let props = provider_properties(
                &name,
                "secondary_school",
                Country::Be,
                prov,
                &gemeente,
                (&street, &postcode, &gemeente),
                school.website.as_deref().and_then(website),
                precision,
                location_source.clone(),
                source,
                courses,
            );
            let mut props = props;
            if !offer_listed {
                props.insert("offer".into(), "not_listed".into());
            }
            out.features.push(feature(&id, point, props));
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// The first grade (eerste graad): 1A, 1B and the second-year basisopties

/// The basisopties of the second year and the map's sector for each, with the reason.
pub const BASISOPTIES: &[(&str, Sector, &str)] = &[
    (
        "stem-technieken",
        Sector::Engineering,
        "STEM-technieken: the applied technical option, towards techniek",
    ),
    (
        "stem-wetenschappen",
        Sector::NaturalSciences,
        "STEM-wetenschappen: the conceptual science option",
    ),
    (
        "maatschappij en welzijn",
        Sector::HealthWelfare,
        "Maatschappij en welzijn: the option towards zorg en welzijn",
    ),
    (
        "economie en organisatie",
        Sector::BusinessLaw,
        "Economie en organisatie: economics and office work",
    ),
    (
        "klassieke talen",
        Sector::ArtsHumanities,
        "Klassieke talen: Latin and Greek",
    ),
    (
        "kunst en creatie",
        Sector::ArtsHumanities,
        "Kunst en creatie: arts",
    ),
    (
        "moderne talen en wetenschappen",
        Sector::Generic,
        "Moderne talen en wetenschappen: languages and sciences, no single field",
    ),
    (
        "voeding en horeca",
        Sector::Services,
        "Voeding en horeca: food and hospitality",
    ),
    ("topsport", Sector::Services, "Topsport: sport"),
    ("sport", Sector::Services, "Sport"),
    (
        "freinetpedagogie",
        Sector::Generic,
        "a pedagogy, not a field",
    ),
    (
        "rudolf steinerpedagogie",
        Sector::Generic,
        "a pedagogy, not a field",
    ),
    (
        "opstroomoptie",
        Sector::Generic,
        "a route towards the A-stream, not a field",
    ),
];

/// The sector of a basisoptie and why, or `None` for a name that is not one.
pub fn basisoptie_sector(option: &str) -> Option<(Sector, &'static str)> {
    let f = fold(option);
    BASISOPTIES
        .iter()
        .find(|(name, ..)| f.starts_with(name))
        .map(|(_, s, why)| (*s, *why))
}

/// "Stem-technieken (toepassingsgericht)" → "STEM-technieken (toepassingsgericht)".
fn option_name(option: &str) -> String {
    match option.strip_prefix("Stem-") {
        Some(rest) => format!("STEM-{rest}"),
        None => option.to_string(),
    }
}

/// First-grade courses of one school entry from its GSO row names: "1ste leerjaar A" and
/// "1ste leerjaar B" as they are, and one course per basisoptie of the second year ("2e
/// leerjaar B Economie en organisatie - Stem-technieken" is two). No EQF level: the first
/// grade leads to no qualification.
pub fn first_grade_courses(provider_id: &str, names: &[&str]) -> Vec<Value> {
    let mut courses: BTreeMap<String, Value> = BTreeMap::new();
    for naam in names {
        let naam = naam.trim();
        let mut add = |key: String, name: String, sector: Sector, reason: Option<&str>| {
            let mut c = json!({
                "id": format!("{provider_id}-{key}"),
                "name": name,
                "sector": sector.code(),
                "level": { "national": "be_eerste_graad" },
                "learning_forms": ["full_time"],
                "languages": ["nl"],
                "target_groups": ["students"],
                "intake_months": [9],
                "graad": 1,
                "onderwijsvorm": "GSO",
            });
            if let Some(r) = reason {
                c["sector_reason"] = r.into();
            }
            courses.entry(key).or_insert(c);
        };
        let f = fold(naam);
        if f.starts_with("1ste leerjaar a") || f.starts_with("1e leerjaar a") {
            add(
                "g1-1a".into(),
                "1ste leerjaar A".into(),
                Sector::Generic,
                None,
            );
        } else if f.starts_with("1ste leerjaar b") || f.starts_with("1e leerjaar b") {
            add(
                "g1-1b".into(),
                "1ste leerjaar B".into(),
                Sector::Generic,
                None,
            );
        } else if let Some((stream, rest)) = naam
            .strip_prefix("2e leerjaar A ")
            .map(|r| ("A", r))
            .or_else(|| naam.strip_prefix("2e leerjaar B ").map(|r| ("B", r)))
        {
            for option in rest.split(" - ").map(str::trim).filter(|o| !o.is_empty()) {
                let (sector, reason) = basisoptie_sector(option)
                    .unwrap_or((Sector::Generic, "not a known basisoptie"));
                add(
                    format!("g1-2{}-{}", stream.to_lowercase(), slug(option)),
                    format!("2e leerjaar {stream} — {}", option_name(option)),
                    sector,
                    Some(reason),
                );
            }
        }
    }
    courses.into_values().collect()
}

/// One school entry of the first-grade file, joined on the location id and school number.
#[derive(Deserialize)]
struct FirstGradeEntry {
    id: String,
    schoolnummer: String,
    #[serde(default)]
    richtingen: Vec<Programme>,
}

/// Adds the first-grade rows of `path` (the transcribed first-grade file) to the school
/// entries already built, then leaves out the entries that still list nothing when their
/// school number lists its programmes at another location: an administrative or shared
/// site, not a place where a pupil chooses (kept out of the map and its counts, reported).
pub fn add_first_grade(path: &Path, features: &mut Vec<Value>) -> Result<Imported, PipelineError> {
    let entries: Vec<FirstGradeEntry> =
        serde_json::from_str(&read(path)?).map_err(|e| PipelineError::Json {
            path: path.display().to_string(),
            message: format!("expected a JSON array of first-grade school entries: {e}"),
        })?;
    let mut out = Imported::default();
    let mut by_id: std::collections::HashMap<String, usize> = features
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f["id"].as_str().map(|id| (id.to_string(), i)))
        .collect();
    for (i, e) in entries.iter().enumerate() {
        let id = format!("ov-{}-{}", e.schoolnummer, slug(&e.id));
        let Some(&at) = by_id.get(&id) else {
            out.skipped.push(Skipped {
                at: format!("{} entry #{i}", path.display()),
                reason: format!(
                    "school {} at `{}` is not among the school entries",
                    e.schoolnummer, e.id
                ),
            });
            continue;
        };
        let names: Vec<&str> = e
            .richtingen
            .iter()
            .filter(|r| r.onderwijsvorm.as_deref().map(str::trim) == Some("GSO"))
            .filter_map(|r| r.naam.as_deref())
            .collect();
        let added = first_grade_courses(&id, &names);
        if added.is_empty() {
            continue;
        }
        let props = &mut features[at]["properties"];
        if let Some(list) = props["courses"].as_array_mut() {
            list.splice(0..0, added);
        }
        if let Some(map) = props.as_object_mut() {
            map.remove("offer");
        }
    }
    // School numbers with programmes somewhere, and where.
    let mut listed_at: std::collections::HashMap<String, String> = Default::default();
    for f in features.iter() {
        let id = f["id"].as_str().unwrap_or("");
        let has_courses = f["properties"]["courses"]
            .as_array()
            .is_some_and(|c| !c.is_empty());
        if let (Some(number), true) = (school_number(id), has_courses) {
            listed_at.entry(number.to_string()).or_insert_with(|| {
                f["properties"]["municipality"]
                    .as_str()
                    .unwrap_or("")
                    .to_string()
            });
        }
    }
    features.retain(|f| {
        let id = f["id"].as_str().unwrap_or("");
        let unlisted = f["properties"]["offer"] == "not_listed";
        match (school_number(id), unlisted) {
            (Some(number), true) => match listed_at.get(number) {
                Some(place) => {
                    out.skipped.push(Skipped {
                        at: id.to_string(),
                        reason: format!(
                            "lists no programme here; school {number} lists its programmes at another location ({place})"
                        ),
                    });
                    false
                }
                None => true,
            },
            _ => true,
        }
    });
    by_id.clear();
    Ok(out)
}

/// The school number in a school entry's id (`ov-<number>-<location>`).
fn school_number(id: &str) -> Option<&str> {
    id.strip_prefix("ov-")?.split('-').next()
}

#[cfg(test)]
mod tests {
    use super::school_name;

    #[test]
    fn a_municipality_glued_to_a_name_is_parted() {
        assert_eq!(
            school_name("GO! middenschool CourtmanslaanMaldegem", "Maldegem"),
            "GO! middenschool Courtmanslaan Maldegem"
        );
        assert_eq!(
            school_name("GO! middenschool Campus KompasWetteren", "Wetteren"),
            "GO! middenschool Campus Kompas Wetteren"
        );
        // Spaced already, a capital before it, or another place: kept as it is.
        assert_eq!(
            school_name("GO! atheneum Maldegem", "Maldegem"),
            "GO! atheneum Maldegem"
        );
        assert_eq!(school_name("KTA Maldegem", "Maldegem"), "KTA Maldegem");
        assert_eq!(
            school_name("BenedictusPoort campus De Deyne", "Gent"),
            "BenedictusPoort campus De Deyne"
        );
        assert_eq!(
            school_name(" Sint-Jozef @ campus 2 ", "Brugge"),
            "Sint-Jozef"
        );
    }

    use super::*;

    /// Prints every programme name of the shipped Flemish sources with its sector, for a
    /// person to read (`cargo test --lib dump_sectors -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn dump_sectors() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/sources/onderwijs-vlaanderen/"
        );
        let mut names = std::collections::BTreeSet::new();
        for f in [
            "be_vl_secondary_schools_ovl_wvl_sample.json",
            "be_vl_secondary_schools_ovl_wvl_transcribed.json",
        ] {
            let v: Vec<Value> =
                serde_json::from_str(&std::fs::read_to_string(format!("{dir}{f}")).unwrap())
                    .unwrap();
            for l in v {
                for s in l["scholen"].as_array().unwrap() {
                    for r in s["richtingen"].as_array().unwrap() {
                        names.insert(programme_name(r["naam"].as_str().unwrap()));
                    }
                }
            }
        }
        for n in names {
            println!("{:?}\t{n}", sector_of(&n));
        }
    }

    #[test]
    fn levels_and_names() {
        let l = |v, g, n| level_of(v, g, n).map(|r| (r.national, r.eqf, r.graad));
        assert_eq!(
            l("BSO", "Derde graad", "x"),
            Some(("be_secundair_beroeps", Some(3), Some(3)))
        );
        assert_eq!(
            l("TSO", "Derde graad", "x"),
            Some(("be_secundair_diploma", Some(4), Some(3)))
        );
        // The second grade is imported, with no EQF level: it leads to no qualification.
        assert_eq!(
            l("TSO", "Tweede graad", "x"),
            Some(("be_tweede_graad", None, Some(2)))
        );
        assert_eq!(l("GSO", "Eerste graad", "x"), None);
        assert_eq!(l("OKAN", "Onthaalklas anderstalige nieuwkomers", "x"), None);
        assert_eq!(
            l("7DE", "Derde graad", "Se-n-Se Industriële ICT"),
            Some(("be_se_n_se", Some(4), None))
        );
        assert_eq!(
            l("HBO", "Hoger beroepsonderwijs", "Basisverpleegkunde"),
            Some(("be_hbo5", Some(5), None))
        );
        assert_eq!(programme_name("2e leerjaar in de 3e graad Applicatie- en databeheer TSO (domein Economie en organisatie)"), "Applicatie- en databeheer");
        assert_eq!(
            programme_name("1e leerjaar in de 2e graad Hout BSO"),
            "Hout"
        );
        assert_eq!(programme_name("Verzorging"), "Verzorging");
        assert_eq!(
            programme_name("7e leerjaar Kapper-stylist duaal CDO"),
            "Kapper-stylist"
        );
        assert_eq!(
            programme_name("Aanloop Sanitaire en verwarmingsinstallaties DL DBSO"),
            "Aanloop Sanitaire en verwarmingsinstallaties"
        );
        assert_eq!(
            programme_name("onderhoudsmedewerker duaal DBSO"),
            "Onderhoudsmedewerker"
        );
        assert!(is_part_time("Koetswerk duaal DBSO"));
        assert!(!is_part_time("Koetswerk"));
    }

    #[test]
    fn sectors() {
        assert_eq!(
            sector_of("Elektromechanische technieken"),
            Sector::Engineering
        );
        assert_eq!(sector_of("Verzorging"), Sector::HealthWelfare);
        assert_eq!(sector_of("Haarzorg"), Sector::Services);
        assert_eq!(sector_of("Schoonheidsverzorging"), Sector::Services);
        assert_eq!(
            sector_of("Informatica- en communicatiewetenschappen"),
            Sector::Ict
        );
        assert_eq!(sector_of("Latijn"), Sector::ArtsHumanities);
        assert_eq!(sector_of("Natuurwetenschappen"), Sector::NaturalSciences);
        assert_eq!(sector_of("Economie-Wiskunde"), Sector::BusinessLaw);
        assert_eq!(sector_of("Humane wetenschappen"), Sector::SocialSciences);
        assert_eq!(sector_of("Lassen-constructie"), Sector::Engineering);
        assert_eq!(sector_of("Plant, dier en milieu"), Sector::Agriculture);
        assert_eq!(sector_of("Kinderbegeleider"), Sector::HealthWelfare);
        assert_eq!(sector_of("Basisverpleegkunde"), Sector::HealthWelfare);
        assert_eq!(
            sector_of("Moderealisatie en textielverzorging"),
            Sector::Engineering
        );
        assert_eq!(
            sector_of("Technologische wetenschappen en engineering"),
            Sector::Engineering
        );
        assert_eq!(
            sector_of("Datacommunicatie- en netwerkinstallaties"),
            Sector::Ict
        );
        assert_eq!(sector_of("Freinetpedagogie"), Sector::Generic);
        // "mode" is a word start of "moderne": only fashion programmes are textiles.
        assert_eq!(sector_of("Moderne talen"), Sector::ArtsHumanities);
        assert_eq!(sector_of("Economie-Moderne talen"), Sector::BusinessLaw);
        assert_eq!(sector_of("Mechatronica"), Sector::Engineering);
        assert_eq!(sector_of("Applicatie- en databeheer"), Sector::Ict);
        assert_eq!(sector_of("Dierenzorg"), Sector::Agriculture);
        assert_eq!(
            sector_of("Mecanicien tuin-, park- en bosmachines"),
            Sector::Engineering
        );
        assert_eq!(sector_of("Natuursteenbewerker"), Sector::Engineering);
        assert_eq!(sector_of("Dentaaltechnicus"), Sector::HealthWelfare);
    }
}
