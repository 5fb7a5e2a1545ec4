//! Importer for the Dutch DUO location lists ("adressen van vestigingen", CSV). Accepts DUO's
//! own column names (VESTIGINGSNAAM, POSTCODE, ONDERWIJSSTRUCTUUR, …, `;`-separated) and the
//! geocoded variant with lowercase columns and lat/lon (as in edugis' data-nl-scholen).
//! Secondary schools become providers whose courses are the diplomas their structure offers
//! (VMBO, HAVO, VWO); primary and special schools are skipped (they are not training offers).

use std::path::Path;

use serde_json::{json, Value};

use super::{
    feature, gazetteer_source, provider_properties, read, slug, website, Imported, PipelineError,
    Progress, Skipped,
};
use crate::core::gazetteer::Gazetteer;
use crate::core::{Country, LonLat};

/// Column names, DUO's first, then the geocoded variant's.
const COLUMNS: &[(&str, &[&str])] = &[
    ("name", &["VESTIGINGSNAAM", "name"]),
    ("street", &["STRAATNAAM", "street"]),
    ("number", &["HUISNUMMER-TOEVOEGING", "housenumber"]),
    ("postcode", &["POSTCODE", "postcode"]),
    ("place", &["PLAATSNAAM", "place"]),
    ("municipality", &["GEMEENTENAAM", "municipality"]),
    ("province", &["PROVINCIE", "province"]),
    ("brin", &["BRIN NUMMER", "brin"]),
    ("vestiging", &["VESTIGINGSNUMMER", "vestigingscode"]),
    ("website", &["INTERNETADRES", "website"]),
    ("structure", &["ONDERWIJSSTRUCTUUR", "school_type_nl"]),
    ("sector", &["education_sector"]),
    ("lat", &["lat"]),
    ("lon", &["lon"]),
    ("precision", &["coord_precision"]),
];

const DUO_SOURCE_URL: &str = "https://duo.nl/open_onderwijsdata/";

/// A course a secondary school structure (DUO's `ONDERWIJSSTRUCTUUR`) stands for.
struct Track {
    /// The structure code.
    code: &'static str,
    /// Key suffix of the course id.
    key: &'static str,
    name: &'static str,
    national: &'static str,
    /// NLQF/EQF level; `None` for structures that lead to no diploma.
    eqf: Option<u8>,
    leerweg: &'static str,
}

/// VBO comprises the basis- and the kaderberoepsgerichte leerweg, which NLQF places at
/// different levels (1 and 2), so it gives two courses; MAVO is the gemengde/theoretische
/// leerweg (2); HAVO and VWO are 4; praktijkonderwijs and the brugjaar lead to no diploma.
const TRACKS: &[Track] = &[
    Track {
        code: "VBO",
        key: "vmbo-bb",
        name: "VMBO basisberoepsgerichte leerweg",
        national: "nl_vmbo_bb",
        eqf: Some(1),
        leerweg: "basisberoepsgericht (vbo)",
    },
    Track {
        code: "VBO",
        key: "vmbo-kb",
        name: "VMBO kaderberoepsgerichte leerweg",
        national: "nl_vmbo_kb",
        eqf: Some(2),
        leerweg: "kaderberoepsgericht (vbo)",
    },
    Track {
        code: "MAVO",
        key: "vmbo-gt",
        name: "VMBO gemengde / theoretische leerweg (mavo)",
        national: "nl_vmbo_gt",
        eqf: Some(2),
        leerweg: "gemengd / theoretisch (mavo)",
    },
    Track {
        code: "HAVO",
        key: "havo",
        name: "HAVO",
        national: "nl_havo",
        eqf: Some(4),
        leerweg: "havo",
    },
    Track {
        code: "VWO",
        key: "vwo",
        name: "VWO (atheneum, gymnasium)",
        national: "nl_vwo",
        eqf: Some(4),
        leerweg: "vwo",
    },
    Track {
        code: "PRO",
        key: "pro",
        name: "Praktijkonderwijs",
        national: "nl_praktijkonderwijs",
        eqf: None,
        leerweg: "praktijkonderwijs",
    },
    Track {
        code: "BRUGJAAR",
        key: "brugjaar",
        name: "Brugjaar (onderbouw)",
        national: "nl_onderbouw",
        eqf: None,
        leerweg: "brugjaar",
    },
];

fn province_code(name: &str) -> Option<&'static str> {
    match name.trim().to_ascii_lowercase().as_str() {
        "zeeland" | "nl-ze" => Some("NL-ZE"),
        _ => None,
    }
}

fn titlecase(s: &str) -> String {
    // DUO writes municipalities in capitals ("NOORD-BEVELAND"); "'s-" stays lower-case.
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.trim().chars() {
        if start {
            out.extend(c.to_uppercase())
        } else {
            out.extend(c.to_lowercase())
        }
        start = c == '-' || c == ' ';
    }
    if out.starts_with("'S-") {
        out.replace_range(0..3, "'s-")
    }
    out
}

/// Imports a DUO location CSV.
pub fn import(path: &Path, gazetteer: &Gazetteer) -> Result<Imported, PipelineError> {
    import_text(&read(path)?, path, gazetteer)
}

/// Imports DUO CSV text (`path` names it in messages).
pub fn import_text(
    text: &str,
    path: &Path,
    gazetteer: &Gazetteer,
) -> Result<Imported, PipelineError> {
    let table = super::csv_table(text, &path.display().to_string())?;
    let headers = &table.headers;
    let index = |field: &str| -> Option<usize> {
        let names = COLUMNS.iter().find(|(f, _)| *f == field)?.1;
        names
            .iter()
            .find_map(|n| headers.iter().position(|h| h.eq_ignore_ascii_case(n)))
    };
    let Some(name_col) = index("name") else {
        return Err(PipelineError::Csv {
            path: path.display().to_string(),
            message: "no VESTIGINGSNAAM / name column: not a DUO location list".into(),
        });
    };
    let mut out = Imported::default();
    let mut progress = Progress::new("DUO locations", table.records.len());
    for (i, (_, rec)) in table.records.iter().enumerate() {
        progress.tick();
        let get = |field: &str| index(field).and_then(|c| rec.get(c)).unwrap_or("").trim();
        let at = format!("{} row {}", path.display(), i + 1);
        let name = rec.get(name_col).unwrap_or("").trim();
        let sector = get("sector");
        if !sector.is_empty() && sector != "secondary" {
            out.skipped.push(Skipped {
                at,
                reason: format!("{sector} school, not a training offer"),
            });
            continue;
        }
        let structure = get("structure").to_ascii_uppercase();
        let tracks: Vec<&Track> = TRACKS
            .iter()
            .filter(|t| structure.split('/').any(|s| s.trim() == t.code))
            .collect();
        if tracks.is_empty() {
            out.skipped.push(Skipped {
                at,
                reason: format!(
                    "`{name}`: structure `{}` leads to no diploma this map lists",
                    get("structure")
                ),
            });
            continue;
        }
        let Some(province) = province_code(get("province")).or(if get("province").is_empty() {
            Some("NL-ZE")
        } else {
            None
        }) else {
            out.skipped.push(Skipped {
                at,
                reason: format!("`{name}` is in {}, outside the region", get("province")),
            });
            continue;
        };
        let municipality = titlecase(get("municipality"));
        let place = get("place");
        let (point, precision, location_source) =
            match (get("lon").parse::<f64>(), get("lat").parse::<f64>()) {
                (Ok(lon), Ok(lat)) => {
                    let exact = get("precision").to_ascii_lowercase().contains("address");
                    (
                        LonLat::new(lon, lat),
                        if exact { "address" } else { "town" },
                        Some("DUO address geocoded on the BAG address register (CC0)".to_string())
                            .filter(|_| exact),
                    )
                }
                _ => match gazetteer.geocode(Country::Nl, None, Some(place), Some(&municipality)) {
                    Some(p) => (p.lon_lat, "town", Some(gazetteer_source(p))),
                    None => {
                        out.skipped.push(Skipped {
                            at,
                            reason: format!(
                                "`{name}`: no coordinates and `{place}` is not in the gazetteer"
                            ),
                        });
                        continue;
                    }
                },
            };
        let brin = get("brin");
        let vestiging = get("vestiging");
        let id = if vestiging.is_empty() {
            format!("duo-{}-{}", brin.to_lowercase(), slug(name))
        } else {
            format!("duo-{}", vestiging.to_lowercase())
        };
        let source = json!({
            "name": format!("DUO open onderwijsdata, adressen vestigingen 2024 (BRIN {brin}, vestiging {vestiging}; onderwijsstructuur {})", get("structure")),
            "url": DUO_SOURCE_URL,
            "licence": "CC0",
        });
        let courses: Vec<Value> = tracks
            .iter()
            .map(|t| {
                let mut level = json!({ "national": t.national });
                if let Some(e) = t.eqf {
                    level["eqf"] = e.into();
                }
                json!({
                    "id": format!("{id}-{}", t.key),
                    "name": t.name,
                    "sector": "generic",
                    "level": level,
                    "learning_forms": ["full_time"],
                    "languages": ["nl"],
                    "target_groups": ["students"],
                    "intake_months": [8],
                    "leerweg": t.leerweg,
                })
            })
            .collect();
        let street = format!("{} {}", get("street"), get("number"))
            .trim()
            .to_string();
        let props = provider_properties(
            name,
            "secondary_school",
            Country::Nl,
            province,
            &municipality,
            (&street, get("postcode"), place),
            website(get("website")),
            precision,
            location_source,
            source,
            courses,
        );
        out.features.push(feature(&id, point, props));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::titlecase;

    #[test]
    fn municipality_names() {
        assert_eq!(titlecase("SLUIS"), "Sluis");
        assert_eq!(titlecase("NOORD-BEVELAND"), "Noord-Beveland");
        assert_eq!(titlecase("'S-GRAVENPOLDER"), "'s-Gravenpolder");
    }
}
