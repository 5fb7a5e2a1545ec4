//! Importer for Flemish higher education per campus (`be_vl_higher_education_programmes_per_campus_2024.csv`):
//! graduaten, professionele and academische bachelors and bachelor-na-bachelors as courses at
//! their campus.
//!
//! A programme goes to a provider of the same institution the map already has in the campus's
//! town (the hand-edited campuses first, then the 2020 campus list's points), else to a new
//! provider at the town's centre (town precision). Rows whose source names no campus, rows
//! about plans, postgraduates (no stage on this map) and partial programmes are reported as
//! skipped, never placed at a guessed campus. The sector comes from a table of the project's
//! own reading (`sectors.tsv`), shipped with its reason.

use std::collections::HashMap;
use std::path::Path;

use serde_json::{json, Value};

use super::{
    csv_table, feature, gazetteer_source, provider_properties, read, slug, website, Imported,
    PipelineError, Skipped,
};
use crate::core::gazetteer::Gazetteer;
use crate::core::text::fold;
use crate::core::{Country, Sector, LICENCE_NOT_STATED};

/// One rule of `sectors.tsv`.
#[derive(Debug, Clone)]
pub struct SectorRule {
    /// `name` (programme name) or `area` (study area / faculty).
    pub on_name: bool,
    /// Folded words, any of which matches.
    pub words: Vec<String>,
    /// The sector.
    pub sector: Sector,
    /// Why, shipped with the course.
    pub reason: String,
}

/// Reads `sectors.tsv` (`rule<TAB>words<TAB>sector<TAB>reason`, `#` comments).
pub fn sector_rules(path: &Path) -> Result<Vec<SectorRule>, PipelineError> {
    let text = read(path)?;
    let mut rules = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let bad = |message: String| PipelineError::Csv {
            path: path.display().to_string(),
            message: format!("line {}: {message}", i + 1),
        };
        let [rule, words, sector, reason] = cells[..] else {
            return Err(bad(format!("{} cells, expected 4", cells.len())));
        };
        let sector = Sector::from_code(sector.trim())
            .ok_or_else(|| bad(format!("unknown sector `{sector}`")))?;
        rules.push(SectorRule {
            on_name: match rule.trim() {
                "name" => true,
                "area" => false,
                other => return Err(bad(format!("unknown rule `{other}`"))),
            },
            words: words
                .split('|')
                .map(fold)
                .filter(|w| !w.trim().is_empty())
                .collect(),
            sector,
            reason: reason.trim().to_string(),
        });
    }
    Ok(rules)
}

/// The sector of a programme and the reason: the first name rule with a word at a word start
/// of the name, else the first study-area rule, else generic.
pub fn sector_of<'r>(rules: &'r [SectorRule], name: &str, area: &str) -> (Sector, &'r str) {
    let padded = |s: &str| format!(" {} ", fold(s).replace(['(', ')', ',', '-', '/'], " "));
    let (name, area) = (padded(name), padded(area));
    let hit = |on_name: bool, text: &str| {
        rules
            .iter()
            .filter(|r| r.on_name == on_name)
            .find(|r| r.words.iter().any(|w| text.contains(&format!(" {w}"))))
    };
    match hit(true, &name).or_else(|| hit(false, &area)) {
        Some(r) => (r.sector, &r.reason),
        None => (
            Sector::Generic,
            "neither the name nor the study area names a field",
        ),
    }
}

/// An institution of the file: how the map names it, its kind, and the id prefixes of the
/// providers that are this institution.
struct Institution {
    starts: &'static str,
    display: &'static str,
    kind: &'static str,
    prefixes: &'static [&'static str],
}

const INSTITUTIONS: &[Institution] = &[
    Institution {
        starts: "universiteit gent",
        display: "Universiteit Gent",
        kind: "university",
        prefixes: &["ugent-", "campus2020-universiteit-gent"],
    },
    Institution {
        starts: "vives",
        display: "VIVES",
        kind: "university_of_applied_sciences",
        prefixes: &["vives-", "campus2020-vives"],
    },
    Institution {
        starts: "hogent",
        display: "HOGENT",
        kind: "university_of_applied_sciences",
        prefixes: &["hogent-", "campus2020-hogent"],
    },
    Institution {
        starts: "arteveldehogeschool",
        display: "Arteveldehogeschool",
        kind: "university_of_applied_sciences",
        prefixes: &["artevelde-", "campus2020-arteveldehogeschool"],
    },
    Institution {
        starts: "ku leuven",
        display: "KU Leuven",
        kind: "university",
        prefixes: &["kulak-", "kuleuven-", "campus2020-ku-leuven"],
    },
    Institution {
        starts: "howest",
        display: "Howest",
        kind: "university_of_applied_sciences",
        prefixes: &["howest-", "campus2020-howest"],
    },
    Institution {
        starts: "odisee",
        display: "Odisee",
        kind: "university_of_applied_sciences",
        prefixes: &["odisee-", "campus2020-odisee"],
    },
    Institution {
        starts: "luca school of arts",
        display: "LUCA School of Arts",
        kind: "university_of_applied_sciences",
        prefixes: &["campus2020-luca-school-of-arts"],
    },
];

/// The crawls of the institutions' study guides, as a provider's source.
const CRAWL_SOURCE: &str =
    "Study guides of the institutions, 2024-25 (crawled by Education4Climate, 2024)";
const CRAWL_URL: &str = "https://github.com/Education4Climate/Education4Climate";

/// Words in a page row's notes that say the programme was only planned when written.
const PLAN_WORDS: &[&str] = &["planned", "in preparation", "announced (komt)"];

/// What a study guide adds to a programme's name when it is being phased out: it no longer
/// takes new students, so it is no offer for anyone choosing a course.
const PHASING_OUT: &str = "niet voor nieuwe studenten";

/// The national level of a programme type, or `None` with the reason it is not placed.
fn level(programme_type: &str) -> Result<(&'static str, u8), &'static str> {
    match programme_type.trim() {
        "graduaat" => Ok(("be_graduaat", 5)),
        "professionele bachelor" => Ok(("be_professionele_bachelor", 6)),
        // A bachelor-na-bachelor is a professional bachelor's degree (EQF 6) after one.
        "banaba" => Ok(("be_professionele_bachelor", 6)),
        "academische bachelor" => Ok(("be_academische_bachelor", 6)),
        "postgraduaat" => Err("a postgraduate programme: no stage or level on this map"),
        t if t.contains("partial") => Err("part of a programme, not a programme"),
        t if t.contains("HBO5") => {
            Err("HBO5 nursing: the nursing schools' offer comes from Onderwijs Vlaanderen's list")
        }
        _ => Err("unknown programme type"),
    }
}

/// Learning forms the name states, or full-time (the form of nearly every such programme;
/// the source states a form only where the name has one).
fn forms(as_stated: &str) -> Vec<&'static str> {
    let f = fold(as_stated);
    let mut out = Vec::new();
    let has = |w: &str| f.contains(w);
    if has("dagonderwijs") || has("contactonderwijs") {
        out.push("full_time");
    }
    if has("deeltijd") || has("flex") || has("werkstudent") || has("weekend") {
        out.push("part_time");
    }
    if has("avond") {
        out.push("evening");
    }
    if has("duaal") {
        out.push("dual");
    }
    if has("afstand") || has("virtuele") {
        out.push("online");
    }
    if out.is_empty() {
        out.push("full_time");
    }
    out
}

/// "Graduaat Accounting Administration (via Flex-traject) (Kortrijk)" → without the town.
fn programme_name(name: &str, town: &str) -> String {
    let n = name.trim();
    let suffix = format!("({town})");
    let n = n.strip_suffix(&suffix).unwrap_or(n).trim();
    let mut out = n.to_string();
    if let Some(first) = out.get(..1) {
        let upper = first.to_uppercase();
        out.replace_range(..1, &upper);
    }
    out
}

/// Imports the programme × campus rows into `features`: appended to the institution's
/// provider in the campus's town, or to new town-precision providers (returned).
pub fn import(
    path: &Path,
    sectors_path: &Path,
    features: &mut [Value],
    gazetteer: &Gazetteer,
) -> Result<Imported, PipelineError> {
    let file = path.display().to_string();
    let rules = sector_rules(sectors_path)?;
    let table = csv_table(&read(path)?, &file)?;
    let what = "the higher-education programmes per campus file";
    let cols: HashMap<&str, usize> = [
        "row_id",
        "institution",
        "campus_as_stated",
        "town_helper",
        "programme_name_as_stated",
        "programme_type_helper",
        "study_area_as_stated",
        "learning_form_as_stated",
        "academic_year",
        "campus_status",
        "source_kind",
        "original_url",
        "date_shown",
        "notes",
    ]
    .into_iter()
    .map(|n| table.require(n, &file, what).map(|i| (n, i)))
    .collect::<Result<_, _>>()?;
    let mut out = Imported::default();
    // New providers by id, in first-seen order.
    let mut new: Vec<(String, Value)> = Vec::new();
    for (line, rec) in &table.records {
        let get = |n: &str| rec.get(cols[n]).unwrap_or("").trim();
        let at = format!("{file} line {line} ({})", get("row_id"));
        let skip = |out: &mut Imported, reason: String| {
            out.skipped.push(Skipped {
                at: at.clone(),
                reason,
            })
        };
        let town = get("town_helper");
        if get("campus_status") != "stated" || town.is_empty() {
            skip(
                &mut out,
                "the source names no campus: not placed at a guessed one".into(),
            );
            continue;
        }
        let notes = fold(get("notes"));
        if PLAN_WORDS.iter().any(|w| notes.contains(w)) {
            skip(
                &mut out,
                format!("a plan when the page was written: {}", get("notes")),
            );
            continue;
        }
        if fold(get("programme_name_as_stated")).contains(PHASING_OUT) {
            skip(
                &mut out,
                format!(
                    "`{}`: no longer takes new students",
                    get("programme_name_as_stated")
                ),
            );
            continue;
        }
        if fold(get("programme_name_as_stated")).contains("doctoral school") {
            skip(
                &mut out,
                format!(
                    "`{}`: courses of doctoral schools, not a programme",
                    get("programme_name_as_stated")
                ),
            );
            continue;
        }
        let (national, eqf) = match level(get("programme_type_helper")) {
            Ok(l) => l,
            Err(reason) => {
                skip(
                    &mut out,
                    format!("`{}`: {reason}", get("programme_name_as_stated")),
                );
                continue;
            }
        };
        let inst_name = fold(get("institution"));
        let Some(inst) = INSTITUTIONS
            .iter()
            .find(|i| inst_name.starts_with(i.starts))
        else {
            skip(
                &mut out,
                format!(
                    "institution `{}` is not one this importer knows",
                    get("institution")
                ),
            );
            continue;
        };
        let name = programme_name(get("programme_name_as_stated"), town);
        let (sector, reason) = sector_of(&rules, &name, get("study_area_as_stated"));
        let from_pages = get("source_kind").starts_with("pages");
        let source = if from_pages {
            json!({
                "name": format!("{} ({}, dated {})", super::web_facts::FACTS_SOURCE, inst.display, get("date_shown")),
                "url": website(get("original_url")),
                "licence": LICENCE_NOT_STATED,
            })
        } else {
            json!({
                "name": format!("Study guides of the institutions, {} (crawled by Education4Climate; {})", get("academic_year").split(' ').next().unwrap_or(""), inst.display),
                "url": website(get("original_url")),
                "licence": LICENCE_NOT_STATED,
            })
        };
        let provider_key = fold(town);
        let mut course = json!({
            "id": format!("he-{}", slug(get("row_id"))),
            "name": name,
            "sector": sector.code(),
            "sector_reason": reason,
            "level": { "national": national, "eqf": eqf },
            "learning_forms": forms(get("learning_form_as_stated")),
            "languages": ["nl"],
            "target_groups": ["students", "adults"],
            "intake_months": [9],
            "award": "diploma",
            "source": source,
        });
        if let Some(u) = website(get("original_url")) {
            course["website"] = u.into();
        }
        let folded_name = fold(&name);
        if folded_name.contains("nederlands/engels") {
            course["languages"] = json!(["nl", "en"]);
        } else if folded_name.contains("english") || folded_name.contains("engelstalig") {
            course["languages"] = json!(["en"]);
        }
        // The institution's provider in this town: the one whose name shares a word with the
        // campus as stated ("Technologiecampus"), else the hand-edited one, else the 2020 list's.
        let campus_words: Vec<String> = fold(get("campus_as_stated"))
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 5 && *w != "campus" && *w != provider_key.as_str())
            .map(str::to_string)
            .collect();
        let candidates: Vec<usize> = inst
            .prefixes
            .iter()
            .flat_map(|prefix| {
                let provider_key = &provider_key;
                features.iter().enumerate().filter(move |(_, f)| {
                    f["id"].as_str().is_some_and(|id| id.starts_with(prefix))
                        && fold(f["properties"]["municipality"].as_str().unwrap_or(""))
                            == *provider_key
                })
            })
            .map(|(i, _)| i)
            .collect();
        let target = candidates
            .iter()
            .copied()
            .find(|&i| {
                let n = fold(features[i]["properties"]["name"].as_str().unwrap_or(""));
                campus_words.iter().any(|w| n.contains(w.as_str()))
            })
            .or(candidates.first().copied());
        let slot: &mut Value = match target {
            Some(i) => &mut features[i],
            None => {
                let id = format!("he-{}-{}", slug(inst.display), slug(town));
                match new.iter().position(|(k, _)| *k == id) {
                    Some(i) => &mut new[i].1,
                    None => {
                        let Some(place) = gazetteer.geocode(Country::Be, None, Some(town), None)
                        else {
                            skip(&mut out, format!("`{town}` is not in the gazetteer"));
                            continue;
                        };
                        let Some(province) = Some(place.province.as_str())
                            .filter(|p| *p == "BE-VOV" || *p == "BE-VWV")
                        else {
                            skip(&mut out, format!("`{town}` is outside the two provinces"));
                            continue;
                        };
                        let props = provider_properties(
                            &format!("{}, {}", inst.display, town),
                            inst.kind,
                            Country::Be,
                            province,
                            &place.name,
                            ("", "", town),
                            None,
                            "town",
                            Some(gazetteer_source(place)),
                            json!({ "name": CRAWL_SOURCE, "url": CRAWL_URL, "licence": LICENCE_NOT_STATED }),
                            Vec::new(),
                        );
                        new.push((id.clone(), feature(&id, place.lon_lat, props)));
                        let last = new.len() - 1;
                        &mut new[last].1
                    }
                }
            }
        };
        let props = &mut slot["properties"];
        let list = props["courses"].as_array_mut();
        let Some(list) = list else {
            continue;
        };
        let folded = fold(course["name"].as_str().unwrap_or(""));
        if list.iter().any(|c| {
            fold(c["name"].as_str().unwrap_or("")) == folded && c["level"]["national"] == national
        }) {
            skip(
                &mut out,
                format!("`{name}` is already listed at this campus"),
            );
            continue;
        }
        let crawl = !from_pages;
        list.push(course);
        if let Some(map) = props.as_object_mut() {
            map.remove("offer");
            // The provider names the list its new courses come from (the about panel's sources).
            let provider_source = if crawl {
                json!({ "name": CRAWL_SOURCE, "url": CRAWL_URL, "licence": LICENCE_NOT_STATED })
            } else {
                json!({ "name": super::web_facts::FACTS_SOURCE, "licence": LICENCE_NOT_STATED })
            };
            if map.get("source") != Some(&provider_source) {
                let sources = map
                    .entry("sources")
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Some(a) = sources.as_array_mut() {
                    if !a.contains(&provider_source) {
                        a.push(provider_source);
                    }
                }
            }
        }
    }
    out.features = new.into_iter().map(|(_, f)| f).collect();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_forms_and_levels() {
        assert_eq!(
            programme_name(
                "Graduaat Accounting Administration (via Flex-traject) (Kortrijk)",
                "Kortrijk"
            ),
            "Graduaat Accounting Administration (via Flex-traject)"
        );
        assert_eq!(forms(""), vec!["full_time"]);
        assert_eq!(
            forms("afstandsonderwijs; avondonderwijs"),
            vec!["evening", "online"]
        );
        assert_eq!(forms("duaal; verkort traject"), vec!["dual"]);
        assert_eq!(level("banaba"), Ok(("be_professionele_bachelor", 6)));
        assert!(level("postgraduaat").is_err());
    }

    #[test]
    fn the_shipped_sector_table_reads_and_decides() {
        let rules = sector_rules(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sources/he-campus/sectors.tsv"),
        )
        .unwrap();
        let s = |n: &str, a: &str| sector_of(&rules, n, a).0;
        assert_eq!(s("Bachelor in de verpleegkunde", ""), Sector::HealthWelfare);
        assert_eq!(
            s("Graduaat Elektromechanische systemen", ""),
            Sector::Engineering
        );
        assert_eq!(s("Bachelor Landbouwtechnologie", ""), Sector::Agriculture);
        assert_eq!(s("Graduaat Programmeren", ""), Sector::Ict);
        assert_eq!(
            s(
                "Bachelor of Science in de biologie",
                "Faculteit Wetenschappen"
            ),
            Sector::NaturalSciences
        );
        assert_eq!(
            s("Xyz", "Faculteit Geneeskunde en Gezondheidswetenschappen"),
            Sector::HealthWelfare
        );
        assert_eq!(s("Xyz", ""), Sector::Generic);
    }
}
