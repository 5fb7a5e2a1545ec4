//! A partner's own offer in the build: `leerkaart-data import partner FILE --source … --licence …`
//! copies the file under `data/sources/partners/<name>/` with its provenance (`partner.tsv`
//! for the build, `PROVENANCE.md` for people) and a manifest line; the build reads it (a CSV
//! from the template, this map's GeoJSON, or an OOAPI bundle), gives every record the
//! partner's source, and merges it with what the map has: the same institution at the same
//! place gets the partner's courses (which replace "offer not listed").

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::{read, Imported, PipelineError, Skipped};
use crate::core::borders::Borders;
use crate::core::gazetteer::Gazetteer;
use crate::core::partner::{check_csv, PartnerSource};
use crate::core::text::fold;
use crate::core::{load_geojson, LoadOptions, LonLat};

/// The file beside a partner's offer that says where it comes from (`key<TAB>value` lines:
/// `source`, `licence`, `date`).
pub const PARTNER_META: &str = "partner.tsv";

/// A partner location and one the map has are the same site when they are this close (a
/// partner placed at its postcode or town centre lies up to a few km from its campus).
pub const SAME_SITE_KM: f64 = 3.0;

/// Reads `partner.tsv`.
pub fn meta(path: &Path) -> Result<PartnerSource, PipelineError> {
    let text = read(path)?;
    let mut map: HashMap<&str, &str> = HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some((k, v)) = line.split_once('\t') {
            map.insert(k.trim(), v.trim());
        }
    }
    let need = |k: &str| {
        map.get(k)
            .filter(|v| !v.is_empty())
            .map(|v| v.to_string())
            .ok_or_else(|| PipelineError::Csv {
                path: path.display().to_string(),
                message: format!("no `{k}` line"),
            })
    };
    Ok(PartnerSource {
        name: need("source")?,
        licence: need("licence")?,
        date: need("date")?,
    })
}

/// The partner file's records in this map's format, each citing the partner's source.
pub fn import(
    file: &Path,
    source: &PartnerSource,
    gazetteer: &Gazetteer,
    borders: Option<&Borders>,
) -> Result<Imported, PipelineError> {
    let text = read(file)?;
    let name = file.display().to_string();
    let json_source = json!({
        "name": format!("{} (partner file, {})", source.name, source.date),
        "retrieved": source.date,
        "licence": source.licence,
    });
    let mut out = Imported::default();
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let features: Vec<Value> = if trimmed.starts_with('{') && text.contains("\"organizations\"") {
        super::ooapi::import_text(&text, file)?.features
    } else if trimmed.starts_with(['{', '[']) {
        let options = LoadOptions {
            borders: borders.cloned().map(std::sync::Arc::new),
            ..LoadOptions::default()
        };
        let report = load_geojson(&text, &options).map_err(|e| PipelineError::Json {
            path: name.clone(),
            message: e.to_string(),
        })?;
        for r in &report.rejections {
            out.skipped.push(Skipped {
                at: name.clone(),
                reason: r.to_string(),
            });
        }
        crate::core::write::to_geojson(&report.dataset, "partner")["features"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    } else {
        let check = check_csv(&text, gazetteer, borders, source);
        for m in &check.messages {
            out.skipped.push(Skipped {
                at: format!("{name} line {}", m.line),
                reason: m.issue.text(crate::core::i18n::Lang::En),
            });
        }
        check.features
    };
    for mut f in features {
        if let Some(props) = f["properties"].as_object_mut() {
            props.insert("source".into(), json_source.clone());
            props.remove("sources");
            if let Some(courses) = props.get_mut("courses").and_then(Value::as_array_mut) {
                for c in courses {
                    c["source"] = json_source.clone();
                }
            }
        }
        out.features.push(f);
    }
    Ok(out)
}

fn point_of(f: &Value) -> LonLat {
    let c = &f["geometry"]["coordinates"];
    LonLat::new(c[0].as_f64().unwrap_or(0.0), c[1].as_f64().unwrap_or(0.0))
}

/// True when two locations are the same institution at the same place: the same town, names
/// that are equal or one the start of the other ("Scalda, Stationspark" and "Scalda,
/// Stationspark (Goes)"), points within [`SAME_SITE_KM`].
fn same_site(a: &Value, b: &Value) -> bool {
    let name = |f: &Value| fold(f["properties"]["name"].as_str().unwrap_or(""));
    let town = |f: &Value| fold(f["properties"]["municipality"].as_str().unwrap_or(""));
    let (na, nb) = (name(a), name(b));
    town(a) == town(b)
        && !na.is_empty()
        && (na == nb || na.starts_with(&nb) || nb.starts_with(&na))
        && point_of(a).distance_km(&point_of(b)) <= SAME_SITE_KM
}

/// Merges a partner's features into the map's: a location the map has gets the partner's
/// courses (duplicates by name and level left out) and its source, and loses "offer not
/// listed"; the others are returned, to be added.
pub fn merge(existing: &mut [Value], partner: Vec<Value>) -> Vec<Value> {
    let mut added = Vec::new();
    for f in partner {
        let Some(target) = existing.iter_mut().find(|e| same_site(e, &f)) else {
            added.push(f);
            continue;
        };
        let props = &mut target["properties"];
        let source = f["properties"]["source"].clone();
        let list = props
            .as_object_mut()
            .map(|m| m.entry("courses").or_insert_with(|| json!([])));
        if let Some(Value::Array(list)) = list {
            for c in f["properties"]["courses"]
                .as_array()
                .cloned()
                .unwrap_or_default()
            {
                let key = |c: &Value| {
                    (
                        fold(c["name"].as_str().unwrap_or("")),
                        c["level"]["national"].clone(),
                    )
                };
                if !list.iter().any(|x| key(x) == key(&c)) {
                    list.push(c);
                }
            }
        }
        if let Some(map) = props.as_object_mut() {
            map.remove("offer");
            let sources = map
                .entry("sources")
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Some(a) = sources.as_array_mut() {
                if !a.contains(&source) {
                    a.push(source);
                }
            }
        }
    }
    added
}

/// What `import partner` does: copies `file` to `<sources>/partners/<name>/`, writes its
/// `partner.tsv` and `PROVENANCE.md`, and adds a manifest line (once). Returns the copy.
pub fn add_to_sources(
    manifest: &Path,
    file: &Path,
    name: &str,
    source: &PartnerSource,
) -> Result<PathBuf, PipelineError> {
    let sources = manifest.parent().unwrap_or(Path::new("."));
    let slug = super::slug(name);
    let dir = sources.join("partners").join(&slug);
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| PipelineError::Io { path, source }
    };
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let file_name = file
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "offer.csv".into());
    let copy = dir.join(&file_name);
    std::fs::copy(file, &copy).map_err(io(&copy))?;
    let meta = format!(
        "# Where {file_name} comes from (read by `leerkaart-data build`).\nsource\t{}\nlicence\t{}\ndate\t{}\n",
        source.name, source.licence, source.date
    );
    super::write_atomically(&dir.join(PARTNER_META), meta.as_bytes())?;
    let provenance = format!(
        "# {} — a partner's own offer\n\n## {file_name}\n- Publisher: {} (the partner itself), handed to the map's maintainer.\n- Date: {} (records older than two school years are flagged by `leerkaart-data validate`).\n- Licence: {}\n- Used for: its courses at its locations, merged with the same institution at the same place\n  (its courses replace \"offer not listed\"); read by the `partner` importer with `{PARTNER_META}`.\n",
        source.name, source.name, source.date, source.licence
    );
    super::write_atomically(&dir.join("PROVENANCE.md"), provenance.as_bytes())?;
    let rel = format!("partners/{slug}/{file_name}");
    let line = format!("partner\t{rel}\tpartners/{slug}/{PARTNER_META}\n");
    let current = read(manifest)?;
    if !current.lines().any(|l| l.trim_end() == line.trim_end()) {
        let mut text = current;
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&line);
        super::write_atomically(manifest, text.as_bytes())?;
    }
    Ok(copy)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feature(name: &str, town: &str, lon: f64, lat: f64, courses: Value) -> Value {
        json!({ "type": "Feature", "id": name, "geometry": { "type": "Point", "coordinates": [lon, lat] },
            "properties": { "name": name, "municipality": town, "courses": courses, "offer": "not_listed", "source": { "name": "list" } } })
    }

    #[test]
    fn the_same_institution_at_the_same_place_gets_the_courses() {
        let mut existing = vec![
            feature(
                "Scalda, Stationspark (Goes)",
                "Goes",
                3.89,
                51.50,
                json!([]),
            ),
            feature("Scalda, Omnium (Goes)", "Goes", 3.88, 51.49, json!([])),
        ];
        let c = json!([{ "name": "Dierverzorging", "level": { "national": "nl_mbo_3" } }]);
        let partner = vec![
            feature("Scalda, Stationspark", "Goes", 3.8901, 51.5012, c.clone()),
            feature("Scalda, Stationspark", "Terneuzen", 3.83, 51.33, c.clone()),
        ];
        let added = merge(&mut existing, partner.clone());
        assert_eq!(added.len(), 1, "another town is another site");
        let p = &existing[0]["properties"];
        assert_eq!(p["courses"].as_array().unwrap().len(), 1);
        assert!(p.get("offer").is_none(), "offer now listed");
        assert_eq!(p["sources"].as_array().unwrap().len(), 1);
        assert!(existing[1]["properties"]["courses"]
            .as_array()
            .unwrap()
            .is_empty());
        // Merging again adds nothing twice.
        merge(&mut existing, partner);
        assert_eq!(
            existing[0]["properties"]["courses"]
                .as_array()
                .unwrap()
                .len(),
            1
        );
    }
}
