//! Importer for facts from public web pages (`*_facts_pages.csv`): adult-education campuses
//! (CVO, Syntra, VDAB), the fields taught at Zeeland's MBO locations, VMBO profiles named by
//! school guides, and the places where learners get free advice.
//!
//! Which place each fact gives the map is the project's own reading, `readings.tsv`, row by
//! row with the fact ids it rests on (mergers resolved to today's name there). The facts'
//! pages are the records' sources, with the date they show and "licence not stated"; the
//! quoted sentences in the fact files are evidence only and are never shipped.

use std::collections::HashMap;
use std::path::Path;

use serde_json::{json, Value};

use super::{
    csv_table, feature, gazetteer_source, provider_properties, read, slug, website, Imported,
    PipelineError, Skipped,
};
use crate::core::gazetteer::Gazetteer;
use crate::core::guidance::GuidanceKind;
use crate::core::{Country, Province, Sector, LICENCE_NOT_STATED};

/// What every record from these facts names as its source, before the page and date.
pub const FACTS_SOURCE: &str = "Facts from public web pages";

/// One fact: its page.
struct Fact {
    url: Option<String>,
}

/// Reads every fact file's `fact_id` / `point_id` and `source_url`.
fn facts(paths: &[&Path]) -> Result<HashMap<String, Fact>, PipelineError> {
    let mut out = HashMap::new();
    for path in paths {
        let file = path.display().to_string();
        let table = csv_table(&read(path)?, &file)?;
        let id = table
            .headers
            .iter()
            .position(|h| h == "fact_id" || h == "point_id")
            .ok_or_else(|| PipelineError::Csv {
                path: file.clone(),
                message: "no `fact_id` / `point_id` column: not a facts file".into(),
            })?;
        let url = table.require("source_url", &file, "a facts file")?;
        for (_, rec) in &table.records {
            out.insert(
                rec.get(id).unwrap_or("").trim().to_string(),
                Fact {
                    url: website(rec.get(url).unwrap_or("")),
                },
            );
        }
    }
    Ok(out)
}

/// The host of a page, for a source's name: "https://www.hln.be/…" → "hln.be".
fn host(url: &str) -> &str {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let h = rest.split('/').next().unwrap_or(rest);
    h.strip_prefix("www.").unwrap_or(h)
}

/// The sources of a reading: its facts' pages, the first dated with the reading's date.
fn sources(
    fact_ids: &str,
    date: &str,
    facts: &HashMap<String, Fact>,
) -> Result<Vec<Value>, String> {
    let mut out: Vec<Value> = Vec::new();
    for (i, id) in fact_ids.split(';').map(str::trim).enumerate() {
        let fact = facts
            .get(id)
            .ok_or_else(|| format!("fact `{id}` is in no facts file"))?;
        let Some(url) = &fact.url else {
            return Err(format!("fact `{id}` has no usable page address"));
        };
        let when = match (i, date.is_empty()) {
            (0, false) => format!(", dated {date}"),
            (0, true) => ", date not shown".to_string(),
            _ => String::new(),
        };
        let s = json!({
            // One name before the parenthesis, so the about panel lists them as one source.
            "name": format!("{FACTS_SOURCE} ({}{when}; fact {id})", host(url)),
            "url": url,
            "licence": LICENCE_NOT_STATED,
        });
        if !out.iter().any(|o| o["url"] == s["url"]) {
            out.push(s);
        }
    }
    if out.is_empty() {
        return Err("names no fact".into());
    }
    Ok(out)
}

/// `sector:label|sector:label` → field objects.
fn fields(cell: &str) -> Result<Vec<Value>, String> {
    cell.split('|')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(|f| {
            let (sector, name) = f
                .split_once(':')
                .ok_or_else(|| format!("field `{f}` has no `sector:`"))?;
            let sector = Sector::from_code(sector.trim())
                .ok_or_else(|| format!("unknown sector `{sector}`"))?;
            Ok(json!({ "name": name.trim(), "sector": sector.code() }))
        })
        .collect()
}

/// What the facts import gives: providers (in `features`), the advice points apart.
#[derive(Debug, Default)]
pub struct FactsImported {
    /// Adult-education providers (added to the dataset).
    pub imported: Imported,
    /// Where to get advice: a FeatureCollection's features of their own (`data/guidance.geojson`).
    pub guidance: Vec<Value>,
}

/// Imports `readings.tsv` with the fact files beside it; providers named by id in the
/// readings (`mbo_fields`, `vmbo_profiles`) are changed in `features`.
pub fn import(
    readings: &Path,
    fact_files: &[&Path],
    features: &mut [Value],
    gazetteer: &Gazetteer,
) -> Result<FactsImported, PipelineError> {
    let facts = facts(fact_files)?;
    let file = readings.display().to_string();
    let text = read(readings)?;
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let table = csv_table(&body, &file)?;
    let what = "the readings of the web-page facts";
    let col: HashMap<&str, usize> = [
        "what", "id", "name", "kind", "place", "street", "fields", "levels", "facts", "date",
        "note",
    ]
    .into_iter()
    .map(|n| table.require(n, &file, what).map(|i| (n, i)))
    .collect::<Result<_, _>>()?;
    let mut out = FactsImported::default();
    let by_id: HashMap<String, usize> = features
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f["id"].as_str().map(|id| (id.to_string(), i)))
        .collect();
    for (line, rec) in &table.records {
        let get = |n: &str| rec.get(col[n]).unwrap_or("").trim();
        let at = format!("{file} line {line} ({})", get("id"));
        let skip = |out: &mut FactsImported, reason: String| {
            out.imported.skipped.push(Skipped {
                at: at.clone(),
                reason,
            })
        };
        let srcs = match sources(get("facts"), get("date"), &facts) {
            Ok(s) => s,
            Err(e) => {
                skip(&mut out, e);
                continue;
            }
        };
        let flds = match fields(get("fields")) {
            Ok(f) => f,
            Err(e) => {
                skip(&mut out, e);
                continue;
            }
        };
        match get("what") {
            "adult" | "guidance" => {
                let place_cell = get("place");
                let region = place_cell.strip_prefix("region:");
                let located = match region {
                    Some(_) => None,
                    None => match gazetteer
                        .geocode(Country::Be, None, Some(place_cell), None)
                        .or_else(|| gazetteer.geocode(Country::Nl, None, Some(place_cell), None))
                    {
                        Some(p) => Some(p),
                        None => {
                            skip(&mut out, format!("`{place_cell}` is not in the gazetteer"));
                            continue;
                        }
                    },
                };
                let province = match (region, located) {
                    (Some(code), _) => Province::from_code(code),
                    (None, Some(p)) => Province::from_code(&p.province),
                    _ => None,
                };
                let Some(province) = province else {
                    skip(&mut out, format!("`{place_cell}` is outside the region"));
                    continue;
                };
                let mut s = srcs.into_iter();
                let source = s.next().unwrap_or(Value::Null);
                let others: Vec<Value> = s.collect();
                if get("what") == "guidance" {
                    let Some(kind) = GuidanceKind::from_code(get("kind")) else {
                        skip(&mut out, format!("unknown guidance kind `{}`", get("kind")));
                        continue;
                    };
                    let mut props = json!({
                        "name": get("name"),
                        "kind": kind.code(),
                        "country": province.country().code(),
                        "province": province.code(),
                        "source": source,
                    });
                    if !others.is_empty() {
                        props["sources"] = others.into();
                    }
                    for (k, v) in [
                        ("street", get("street")),
                        ("note", get("note")),
                        ("date", get("date")),
                    ] {
                        if !v.is_empty() {
                            props[k] = v.into();
                        }
                    }
                    let geometry = match located {
                        Some(p) => {
                            props["place"] = p.name.clone().into();
                            props["location_precision"] = "town".into();
                            props["location_source"] = gazetteer_source(p).into();
                            json!({ "type": "Point", "coordinates": [crate::core::write::round6(p.lon_lat.lon), crate::core::write::round6(p.lon_lat.lat)] })
                        }
                        // A service without an office: listed for its region, not drawn.
                        None => Value::Null,
                    };
                    out.guidance.push(json!({
                        "type": "Feature",
                        "id": format!("guidance-{}", slug(get("id"))),
                        "geometry": geometry,
                        "properties": props,
                    }));
                    continue;
                }
                let Some(p) = located else {
                    skip(&mut out, "an adult-education provider needs a place".into());
                    continue;
                };
                let mut props = provider_properties(
                    get("name"),
                    get("kind"),
                    province.country(),
                    province.code(),
                    &p.name,
                    (get("street"), "", place_cell),
                    None,
                    "town",
                    Some(gazetteer_source(p)),
                    source,
                    Vec::new(),
                );
                props.insert("offer".into(), "not_listed".into());
                if !others.is_empty() {
                    props.insert("sources".into(), others.into());
                }
                if !flds.is_empty() {
                    props.insert("fields".into(), flds.into());
                }
                out.imported.features.push(feature(
                    &format!("facts-{}", get("id")),
                    p.lon_lat,
                    props,
                ));
            }
            "mbo_fields" | "vmbo_profiles" => {
                let Some(&i) = by_id.get(get("id")) else {
                    skip(&mut out, format!("no provider `{}` to add to", get("id")));
                    continue;
                };
                let first_source = srcs[0].clone();
                let props = &mut features[i]["properties"];
                let mut extra: Vec<Value> =
                    props["sources"].as_array().cloned().unwrap_or_default();
                for s in srcs {
                    if !extra.contains(&s) {
                        extra.push(s);
                    }
                }
                props["sources"] = extra.into();
                if get("what") == "mbo_fields" {
                    props["fields"] = flds.into();
                    continue;
                }
                let id = get("id");
                let Some(list) = props["courses"].as_array_mut() else {
                    continue;
                };
                for f in &flds {
                    for lw in get("levels").split('|').map(str::trim) {
                        let Some((national, eqf, label)) = (match lw {
                            "bb" => Some(("nl_vmbo_bb", 1, "basisberoepsgerichte leerweg")),
                            "kb" => Some(("nl_vmbo_kb", 2, "kaderberoepsgerichte leerweg")),
                            "gl" => Some(("nl_vmbo_gt", 2, "gemengde leerweg")),
                            _ => None,
                        }) else {
                            continue;
                        };
                        let name = f["name"].as_str().unwrap_or("");
                        list.push(json!({
                            "id": format!("{id}-profiel-{lw}-{}", slug(name)),
                            "name": format!("VMBO {label} — profiel {name}"),
                            "sector": f["sector"],
                            "level": { "national": national, "eqf": eqf },
                            "learning_forms": ["full_time"],
                            "languages": ["nl"],
                            "target_groups": ["students"],
                            "intake_months": [8],
                            "leerweg": label,
                            "award": "diploma",
                            "source": first_source.clone(),
                        }));
                    }
                }
            }
            other => skip(&mut out, format!("unknown reading `{other}`")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_fields() {
        assert_eq!(host("https://www.hln.be/in-de-buurt/x"), "hln.be");
        assert_eq!(host("https://kw.be/nieuws"), "kw.be");
        let f = fields("services:maritiem|engineering:bouw").unwrap();
        assert_eq!(f[0]["sector"], "services");
        assert_eq!(f[1]["name"], "bouw");
        assert!(fields("zorg").is_err());
        assert!(fields("care:zorg").is_err());
    }
}
