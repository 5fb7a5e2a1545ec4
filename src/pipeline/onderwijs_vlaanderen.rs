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
    #[serde(default)]
    duaal: Option<bool>,
}

const OV_SOURCE: &str =
    "Onderwijs Vlaanderen, instellingsgegevens en onderwijsaanbod secundair onderwijs";

fn province(name: &str) -> Option<&'static str> {
    match fold(name).as_str() {
        "oost-vlaanderen" => Some("BE-VOV"),
        "west-vlaanderen" => Some("BE-VWV"),
        _ => None,
    }
}

/// The qualification level a programme row leads to: (national level, EQF), or `None`.
pub fn level_of(onderwijsvorm: &str, graad: &str, naam: &str) -> Option<(&'static str, u8)> {
    let vorm = onderwijsvorm.trim().to_ascii_uppercase();
    let graad = fold(graad);
    let third = graad.starts_with("derde");
    let second = graad.starts_with("tweede");
    match vorm.as_str() {
        "BSO" if third => Some(("be_secundair_beroeps", 3)),
        "BSO" if second => Some(("be_secundair_beroeps", 2)),
        "TSO" | "ASO" | "KSO" if third => Some(("be_secundair_diploma", 4)),
        "7DE" if fold(naam).contains("se-n-se") => Some(("be_se_n_se", 4)),
        "7DE" => Some(("be_secundair_diploma", 4)),
        _ => None,
    }
}

/// The programme's name without the school-year prefix, the form and the domain:
/// "2e leerjaar in de 3e graad Elektrotechnieken TSO (domein STEM)" → "Elektrotechnieken".
pub fn programme_name(naam: &str) -> String {
    let mut name = naam.trim();
    if let Some(i) = name.find(" graad ") {
        if fold(&name[..i]).contains("leerjaar") {
            name = name[i + " graad ".len()..].trim();
        }
    }
    if let Some(i) = name.find(" (domein") {
        name = name[..i].trim();
    }
    for form in [" BSO", " TSO", " ASO", " KSO"] {
        if let Some(stripped) = name.strip_suffix(form) {
            name = stripped.trim();
        }
    }
    name.to_string()
}

/// The sector of a secondary programme, from words in its name. Personal-care trades are
/// checked before care, since "haarzorg" and "schoonheidsverzorging" are services.
pub fn sector_of(naam: &str) -> Sector {
    let n = fold(naam);
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if has(&[
        "haar",
        "schoonheid",
        "hotel",
        "horeca",
        "restaurant",
        "keuken",
        "bakkerij",
        "slagerij",
        "brood",
        "patisserie",
        "toerisme",
        "logistiek",
        "verkoop",
        "sport",
        "veiligheid",
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
    ]) {
        Sector::HealthWelfare
    } else if has(&[
        "informatica",
        "ict",
        "netwerk",
        "programmeer",
        "digitale",
        "software",
    ]) {
        Sector::Ict
    } else if has(&[
        "elektr",
        "mechan",
        "lassen",
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
        "mechatron",
        "machine",
        "energie",
        "maritiem",
        "vliegtuig",
        "chemie",
        "procestechn",
        "drukken",
        "grafisch",
        "textiel",
        "mode",
        "meubel",
    ]) {
        Sector::Engineering
    } else if has(&[
        "landbouw", "tuinbouw", "dier", "natuur", "groen", "bloem", "paard", "bos",
    ]) {
        Sector::Agriculture
    } else if has(&[
        "economie",
        "bedrijf",
        "boekhoud",
        "kantoor",
        "handel",
        "administratie",
        "ondernem",
        "office",
        "recht",
    ]) {
        Sector::BusinessLaw
    } else if has(&["wetenschap", "wiskunde", "biotech", "fysica", "biologie"]) {
        Sector::NaturalSciences
    } else if has(&[
        "kunst",
        "beeld",
        "muziek",
        "dans",
        "woord",
        "architect",
        "audiovis",
        "fotografie",
        "podium",
        "media",
    ]) {
        Sector::ArtsHumanities
    } else if has(&["onderwijs", "pedagog"]) {
        Sector::Education
    } else if has(&["gedrag", "maatschappij", "sociale"]) {
        Sector::SocialSciences
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
            let name = school
                .naam
                .as_deref()
                .unwrap_or("")
                .split('@')
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            if name.is_empty() {
                out.skipped.push(Skipped {
                    at: at.clone(),
                    reason: "a school without a name".into(),
                });
                continue;
            }
            let id = format!("ov-{number}-{loc_key}");
            // One course per programme, whatever the number of school years listed.
            let mut courses: BTreeMap<String, (String, &str, u8, bool)> = BTreeMap::new();
            for r in &school.richtingen {
                let naam = r.naam.as_deref().unwrap_or("");
                let Some((national, eqf)) = level_of(
                    r.onderwijsvorm.as_deref().unwrap_or(""),
                    r.graad.as_deref().unwrap_or(""),
                    naam,
                ) else {
                    continue;
                };
                let pname = programme_name(naam);
                let key = format!("{}-{eqf}", slug(&pname));
                let e = courses.entry(key).or_insert((pname, national, eqf, false));
                e.3 |= r.duaal.unwrap_or(false);
            }
            let fiche = school
                .link_fiche
                .as_deref()
                .and_then(crate::core::safe_http_url);
            let source = match &fiche {
                Some(u) => {
                    json!({ "name": format!("{OV_SOURCE} (schoolnummer {number})"), "url": u })
                }
                None => json!({ "name": format!("{OV_SOURCE} (schoolnummer {number})") }),
            };
            let courses: Vec<Value> = courses
                .into_iter()
                .map(|(key, (pname, national, eqf, dual))| {
                    let forms: Vec<&str> = if dual {
                        vec!["full_time", "dual"]
                    } else {
                        vec!["full_time"]
                    };
                    json!({
                        "id": format!("{id}-{key}"),
                        "name": pname,
                        "sector": sector_of(&pname).code(),
                        "level": { "eqf": eqf, "national": national },
                        "learning_forms": forms,
                        "languages": ["nl"],
                        "target_groups": ["students"],
                        "intake_months": [9],
                    })
                })
                .collect();
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
            out.features.push(feature(&id, point, props));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_names() {
        assert_eq!(
            level_of("BSO", "Derde graad", "x"),
            Some(("be_secundair_beroeps", 3))
        );
        assert_eq!(
            level_of("TSO", "Derde graad", "x"),
            Some(("be_secundair_diploma", 4))
        );
        assert_eq!(level_of("TSO", "Tweede graad", "x"), None);
        assert_eq!(level_of("GSO", "Eerste graad", "x"), None);
        assert_eq!(
            level_of("7DE", "Derde graad", "Se-n-Se Industriële ICT"),
            Some(("be_se_n_se", 4))
        );
        assert_eq!(programme_name("2e leerjaar in de 3e graad Applicatie- en databeheer TSO (domein Economie en organisatie)"), "Applicatie- en databeheer");
        assert_eq!(
            programme_name("1e leerjaar in de 2e graad Hout BSO"),
            "Hout"
        );
        assert_eq!(programme_name("Verzorging"), "Verzorging");
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
        assert_eq!(sector_of("Latijn"), Sector::Generic);
    }
}
