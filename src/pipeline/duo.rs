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
    import_text(&read(path)?, path, gazetteer, &Exams::default())
}

/// Imports a DUO location CSV with DUO's exam-candidate file: a location with exam rows
/// offers the leerweg × sector and profile programmes those rows name, instead of one generic
/// course per school type.
pub fn import_with_exams(
    path: &Path,
    exams_path: &Path,
    gazetteer: &Gazetteer,
) -> Result<Imported, PipelineError> {
    let exams = exams(exams_path)?;
    let mut out = import_text(&read(path)?, path, gazetteer, &exams)?;
    let extra = exam_only_locations(&exams, gazetteer, &mut out);
    out.features.extend(extra);
    Ok(out)
}

/// Imports DUO CSV text (`path` names it in messages).
pub fn import_text(
    text: &str,
    path: &Path,
    gazetteer: &Gazetteer,
    exams: &Exams,
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
        let exam = exams.by_location.get(&vestiging.to_ascii_uppercase());
        let mut courses: Vec<Value> = tracks
            .iter()
            .filter(|t| !exam.is_some_and(|e| e.covers(t.code)))
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
        let mut sources = Vec::new();
        if let Some(e) = exam {
            courses.extend(e.courses(&id));
            sources.push(exams_source(vestiging));
        }
        let street = format!("{} {}", get("street"), get("number"))
            .trim()
            .to_string();
        let mut props = provider_properties(
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
        if !sources.is_empty() {
            props.insert("sources".into(), Value::Array(sources));
        }
        out.features.push(feature(&id, point, props));
        if let Some(e) = exam {
            e.used.set(true);
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// DUO exam candidates: what each location teaches

const EXAMS_SOURCE: &str = "DUO open onderwijsdata, examenkandidaten en geslaagden vo 2019-2024";
const EXAMS_URL: &str = "https://duo.nl/open_onderwijsdata/voortgezet-onderwijs/";

/// A VMBO leerweg as DUO's exam file writes it ("VMBO B"), with the course it stands for.
struct ExamLeerweg {
    code: &'static str,
    key: &'static str,
    name: &'static str,
    national: &'static str,
    eqf: u8,
    leerweg: &'static str,
    /// The DUO school type (`Track::code`) whose generic course this replaces.
    track: &'static str,
    forms: &'static [&'static str],
}

/// NLQF: basisberoepsgericht 1, the other leerwegen 2. The leerwerktraject is a route within
/// the basisberoepsgerichte leerweg that leads to its diploma, learning partly at a workplace
/// (hence `dual`).
const EXAM_LEERWEGEN: &[ExamLeerweg] = &[
    ExamLeerweg {
        code: "VMBO B",
        key: "vmbo-bb",
        name: "VMBO basisberoepsgerichte leerweg",
        national: "nl_vmbo_bb",
        eqf: 1,
        leerweg: "basisberoepsgericht",
        track: "VBO",
        forms: &["full_time"],
    },
    ExamLeerweg {
        code: "VMBO K",
        key: "vmbo-kb",
        name: "VMBO kaderberoepsgerichte leerweg",
        national: "nl_vmbo_kb",
        eqf: 2,
        leerweg: "kaderberoepsgericht",
        track: "VBO",
        forms: &["full_time"],
    },
    ExamLeerweg {
        code: "VMBO G",
        key: "vmbo-gl",
        name: "VMBO gemengde leerweg",
        national: "nl_vmbo_gt",
        eqf: 2,
        leerweg: "gemengd",
        track: "MAVO",
        forms: &["full_time"],
    },
    ExamLeerweg {
        code: "VMBO T",
        key: "vmbo-tl",
        name: "VMBO theoretische leerweg",
        national: "nl_vmbo_gt",
        eqf: 2,
        leerweg: "theoretisch",
        track: "MAVO",
        forms: &["full_time"],
    },
    ExamLeerweg {
        code: "VMBO LWT",
        key: "vmbo-lwt",
        name: "VMBO leerwerktraject",
        national: "nl_vmbo_bb",
        eqf: 1,
        leerweg: "leerwerktraject (basisberoepsgericht)",
        track: "VBO",
        forms: &["full_time", "dual"],
    },
];

/// DUO's four VMBO sectors and the map's sector for each.
const EXAM_SECTORS: &[(&str, &str, &str)] = &[
    ("techniek", "techniek", "engineering"),
    ("zorg en welzijn", "zorg en welzijn", "health_welfare"),
    ("zorg & welzijn", "zorg en welzijn", "health_welfare"),
    ("economie", "economie", "business_law"),
    ("landbouw", "landbouw", "agriculture"),
];

/// A HAVO/VWO profile, the map's sector for it and why (shipped as data with the course).
pub const PROFILES: &[(&str, &str, &str, &str)] = &[
    ("N&T", "natuur en techniek", "engineering", "natuur en techniek prepares for technical higher education (physics, chemistry, mathematics B): techniek"),
    ("N&G", "natuur en gezondheid", "health_welfare", "natuur en gezondheid (biology, chemistry) is the profile that gives access to medical, nursing and paramedical studies: zorg"),
    ("E&M", "economie en maatschappij", "business_law", "economie en maatschappij prepares for economics, business and law"),
    ("C&M", "cultuur en maatschappij", "arts_humanities", "cultuur en maatschappij (languages, history, arts) prepares for arts and humanities"),
];

/// One programme seen in the exam file at one location.
struct ExamCourse {
    key: String,
    /// The DUO school type whose generic course it replaces (VBO, MAVO, HAVO, VWO).
    track: &'static str,
    name: String,
    national: &'static str,
    eqf: u8,
    sector: &'static str,
    leerweg: String,
    forms: &'static [&'static str],
    sector_reason: Option<&'static str>,
    years: std::collections::BTreeSet<String>,
}

/// The exam rows of one location.
#[derive(Default)]
pub struct LocationExams {
    name: String,
    gemeente: String,
    courses: std::collections::BTreeMap<String, ExamCourse>,
    tracks: std::collections::BTreeSet<&'static str>,
    used: std::cell::Cell<bool>,
}

impl LocationExams {
    /// True when the exam rows say what the school type `track` (VBO, MAVO, HAVO, VWO)
    /// offers here: its generic course gives way. Any VMBO row speaks for both VMBO types.
    fn covers(&self, track: &str) -> bool {
        match track {
            "VBO" | "MAVO" => self.tracks.contains("VBO") || self.tracks.contains("MAVO"),
            t => self.tracks.contains(t),
        }
    }

    fn courses(&self, provider_id: &str) -> Vec<Value> {
        self.courses
            .values()
            .map(|c| {
                let mut v = json!({
                    "id": format!("{provider_id}-{}", c.key),
                    "name": c.name,
                    "sector": c.sector,
                    "level": { "national": c.national, "eqf": c.eqf },
                    "learning_forms": c.forms,
                    "languages": ["nl"],
                    "target_groups": ["students"],
                    "intake_months": [8],
                    "leerweg": c.leerweg,
                    "award": "diploma",
                    "exam_years": c.years.iter().collect::<Vec<_>>(),
                    "source": { "name": EXAMS_SOURCE, "url": EXAMS_URL, "licence": "CC0" },
                });
                if let Some(r) = c.sector_reason {
                    v["sector_reason"] = r.into();
                }
                v
            })
            .collect()
    }
}

/// DUO's exam-candidate rows by location code.
#[derive(Default)]
pub struct Exams {
    by_location: std::collections::BTreeMap<String, LocationExams>,
    skipped: Vec<Skipped>,
}

fn exams_source(vestiging: &str) -> Value {
    json!({
        "name": format!("{EXAMS_SOURCE} (vestiging {vestiging})"),
        "url": EXAMS_URL,
        "licence": "CC0",
    })
}

/// Reads DUO's "examenkandidaten en geslaagden vo" file: per location, the programmes that
/// had exam candidates and in which school years.
pub fn exams(path: &Path) -> Result<Exams, PipelineError> {
    let file = path.display().to_string();
    let table = super::csv_table(&read(path)?, &file)?;
    let what = "DUO's examenkandidaten file";
    let (vest, naam, gemeente, opleiding) = (
        table.require("VESTIGINGSCODE", &file, what)?,
        table.require("INSTELLINGSNAAM VESTIGING", &file, what)?,
        table.require("GEMEENTENAAM", &file, what)?,
        table.require("OPLEIDINGSNAAM", &file, what)?,
    );
    // "EXAMENKANDIDATEN SCHOOLJAAR 2019-2020 - TOTAAL" → ("2019-2020", column).
    let years: Vec<(String, usize)> = table
        .headers
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let y = h
                .strip_prefix("EXAMENKANDIDATEN SCHOOLJAAR ")?
                .strip_suffix(" - TOTAAL")?;
            Some((y.trim().to_string(), i))
        })
        .collect();
    if years.is_empty() {
        return Err(PipelineError::Csv {
            path: file,
            message: format!("no `EXAMENKANDIDATEN SCHOOLJAAR … - TOTAAL` column: not {what}"),
        });
    }
    let mut out = Exams::default();
    for (line, rec) in &table.records {
        let get = |i: usize| rec.get(i).unwrap_or("").trim();
        let at = format!("{file} line {line}");
        let seen: Vec<String> = years
            .iter()
            .filter(|(_, i)| {
                let v = get(*i);
                v.starts_with('<') || v.parse::<u32>().is_ok_and(|n| n > 0)
            })
            .map(|(y, _)| y.clone())
            .collect();
        let programme = get(opleiding);
        if seen.is_empty() {
            out.skipped.push(Skipped {
                at,
                reason: format!("`{programme}` had no exam candidates in any year"),
            });
            continue;
        }
        let (head, tail) = programme.split_once(" - ").unwrap_or((programme, ""));
        let mut found: Vec<ExamCourse> = Vec::new();
        if let Some(lw) = EXAM_LEERWEGEN.iter().find(|l| l.code == head.trim()) {
            let Some((_, sector_name, sector)) = EXAM_SECTORS
                .iter()
                .find(|(s, _, _)| *s == tail.trim().to_lowercase())
            else {
                out.skipped.push(Skipped {
                    at,
                    reason: format!("`{programme}`: unknown VMBO sector `{tail}`"),
                });
                continue;
            };
            found.push(ExamCourse {
                key: format!("{}-{}", lw.key, slug(sector_name)),
                track: lw.track,
                name: format!("{} — {sector_name}", lw.name),
                national: lw.national,
                eqf: lw.eqf,
                sector,
                leerweg: lw.leerweg.to_string(),
                forms: lw.forms,
                sector_reason: None,
                years: Default::default(),
            });
        } else if let Some((track, national, label)) = match head.trim() {
            "HAVO" => Some(("HAVO", "nl_havo", "HAVO")),
            "VWO" => Some(("VWO", "nl_vwo", "VWO")),
            _ => None,
        } {
            // "N&T / N&G": pupils with a double profile; the school teaches both.
            for part in tail.split('/').map(str::trim) {
                let Some((code, pname, sector, reason)) =
                    PROFILES.iter().find(|(c, ..)| *c == part)
                else {
                    out.skipped.push(Skipped {
                        at: at.clone(),
                        reason: format!("`{programme}`: unknown profile `{part}`"),
                    });
                    continue;
                };
                found.push(ExamCourse {
                    key: format!("{}-{}", track.to_lowercase(), slug(code)),
                    track,
                    name: format!("{label} — {pname} ({code})"),
                    national,
                    eqf: 4,
                    sector,
                    leerweg: track.to_lowercase(),
                    forms: &["full_time"],
                    sector_reason: Some(reason),
                    years: Default::default(),
                });
            }
        } else {
            out.skipped.push(Skipped {
                at,
                reason: format!("`{programme}` is not a programme this map lists"),
            });
            continue;
        }
        let loc = out
            .by_location
            .entry(get(vest).to_ascii_uppercase())
            .or_default();
        loc.name = get(naam).to_string();
        loc.gemeente = get(gemeente).to_string();
        for c in found {
            loc.tracks.insert(c.track);
            let e = loc.courses.entry(c.key.clone()).or_insert(c);
            e.years.extend(seen.iter().cloned());
        }
    }
    Ok(out)
}

/// Locations of the exam file that are not in the location list (a private school): placed
/// at their municipality's centre, at town precision.
fn exam_only_locations(exams: &Exams, gazetteer: &Gazetteer, out: &mut Imported) -> Vec<Value> {
    out.skipped.extend(exams.skipped.iter().cloned());
    let mut features = Vec::new();
    for (code, loc) in &exams.by_location {
        if loc.used.get() {
            continue;
        }
        let municipality = titlecase(&loc.gemeente);
        let Some(place) =
            gazetteer.geocode(Country::Nl, None, Some(&municipality), Some(&municipality))
        else {
            out.skipped.push(Skipped {
                at: format!("exam file, vestiging {code}"),
                reason: format!("`{municipality}` is not in the gazetteer"),
            });
            continue;
        };
        let id = format!("duo-{}", code.to_lowercase());
        let props = provider_properties(
            &loc.name,
            "secondary_school",
            Country::Nl,
            "NL-ZE",
            &municipality,
            ("", "", &municipality),
            None,
            "town",
            Some(gazetteer_source(place)),
            exams_source(code),
            loc.courses(&id),
        );
        features.push(feature(&id, place.lon_lat, props));
    }
    features
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
