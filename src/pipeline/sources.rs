//! Builds a dataset from two human-editable CSV files (a partner can keep them in a
//! spreadsheet): `providers.csv`, one row per provider location, and `courses.csv`, one row
//! per course, pointing at its provider by id. Lists inside a cell are separated by `;`.
//! Providers without coordinates are geocoded with the gazetteer (postcode, else town).

use std::collections::HashMap;
use std::path::Path;

use serde_json::{Map, Value};

use super::{
    feature, gazetteer_source, provider_properties, read, Imported, PipelineError, Progress,
    Skipped,
};
use crate::core::gazetteer::Gazetteer;
use crate::core::{Country, LonLat};

type Row = HashMap<String, String>;

fn rows(path: &Path) -> Result<Vec<(usize, Row)>, PipelineError> {
    let table = super::csv_table(&read(path)?, &path.display().to_string())?;
    Ok(table
        .records
        .iter()
        .enumerate()
        .map(|(i, (_, rec))| {
            let row = table
                .headers
                .iter()
                .cloned()
                .zip(rec.iter().map(|v| v.trim().to_string()))
                .collect();
            (i + 1, row)
        })
        .collect())
}

fn cell<'a>(row: &'a Row, col: &str) -> &'a str {
    row.get(col).map(String::as_str).unwrap_or("")
}

fn list(row: &Row, col: &str) -> Vec<Value> {
    cell(row, col)
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(Value::from)
        .collect()
}

fn source(row: &Row) -> Option<Value> {
    let name = cell(row, "source_name");
    if name.is_empty() {
        return None;
    }
    let mut s = Map::new();
    s.insert("name".into(), name.into());
    for (k, col) in [("url", "source_url"), ("retrieved", "source_retrieved")] {
        if !cell(row, col).is_empty() {
            s.insert(k.into(), cell(row, col).into());
        }
    }
    Some(Value::Object(s))
}

fn course(row: &Row) -> Result<Value, String> {
    let mut c = Map::new();
    for col in [
        "id", "name", "sector", "isced_f", "duration", "website", "award",
    ] {
        if !cell(row, col).is_empty() {
            c.insert(col.into(), cell(row, col).into());
        }
    }
    let mut level = Map::new();
    if !cell(row, "eqf").is_empty() {
        let eqf: u8 = cell(row, "eqf")
            .parse()
            .map_err(|_| format!("eqf `{}` is not a number", cell(row, "eqf")))?;
        level.insert("eqf".into(), eqf.into());
    }
    level.insert("national".into(), cell(row, "national_level").into());
    c.insert("level".into(), Value::Object(level));
    for col in ["learning_forms", "languages", "target_groups", "funding"] {
        c.insert(col.into(), Value::Array(list(row, col)));
    }
    let occupations = list(row, "occupations");
    if !occupations.is_empty() {
        c.insert("occupations".into(), Value::Array(occupations));
    }
    let months = list(row, "intake_months")
        .into_iter()
        .map(|m| {
            m.as_str()
                .unwrap_or("")
                .parse::<u8>()
                .map(Value::from)
                .map_err(|_| format!("intake month `{m}` is not a number"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    c.insert("intake_months".into(), Value::Array(months));
    if let Some(s) = source(row) {
        c.insert("source".into(), s);
    }
    Ok(Value::Object(c))
}

/// Builds features from `providers.csv` and `courses.csv`.
pub fn build(
    providers: &Path,
    courses: &Path,
    gazetteer: &Gazetteer,
) -> Result<Imported, PipelineError> {
    let provider_rows = rows(providers)?;
    let course_rows = rows(courses)?;
    let mut out = Imported::default();
    let pname = providers.display().to_string();
    let cname = courses.display().to_string();

    let mut by_provider: HashMap<String, Vec<Value>> = HashMap::new();
    for (line, row) in &course_rows {
        match course(row) {
            Ok(c) => by_provider
                .entry(cell(row, "provider_id").to_string())
                .or_default()
                .push(c),
            Err(reason) => out.skipped.push(Skipped {
                at: format!("{cname} row {line}"),
                reason,
            }),
        }
    }
    let mut progress = Progress::new("providers", provider_rows.len());
    for (line, row) in &provider_rows {
        progress.tick();
        let at = format!("{pname} row {line}");
        let id = cell(row, "id");
        let Some(country) = Country::from_code(cell(row, "country")) else {
            out.skipped.push(Skipped {
                at,
                reason: format!("unknown country `{}`", cell(row, "country")),
            });
            continue;
        };
        let (lon, lat) = (cell(row, "lon"), cell(row, "lat"));
        let (point, precision, location_source) = if !lon.is_empty() && !lat.is_empty() {
            match (lon.parse::<f64>(), lat.parse::<f64>()) {
                (Ok(x), Ok(y)) => (
                    LonLat::new(x, y),
                    cell(row, "location_precision").to_string(),
                    None,
                ),
                _ => {
                    out.skipped.push(Skipped {
                        at,
                        reason: "lon/lat are not numbers".into(),
                    });
                    continue;
                }
            }
        } else {
            let found = gazetteer.geocode(
                country,
                Some(cell(row, "postcode")).filter(|s| !s.is_empty()),
                Some(cell(row, "locality")).filter(|s| !s.is_empty()),
                Some(cell(row, "municipality")).filter(|s| !s.is_empty()),
            );
            match found {
                Some(p) => (p.lon_lat, "town".to_string(), Some(gazetteer_source(p))),
                None => {
                    out.skipped.push(Skipped {
                        at,
                        reason: format!(
                            "`{id}` has no coordinates and its place is not in the gazetteer"
                        ),
                    });
                    continue;
                }
            }
        };
        let courses = by_provider.remove(id).unwrap_or_default();
        let props = provider_properties(
            cell(row, "name"),
            cell(row, "kind"),
            country,
            cell(row, "province"),
            cell(row, "municipality"),
            (
                cell(row, "street"),
                cell(row, "postcode"),
                cell(row, "locality"),
            ),
            Some(cell(row, "website").to_string()).filter(|s| !s.is_empty()),
            &precision,
            location_source,
            source(row).unwrap_or(Value::Null),
            courses,
        );
        out.features.push(feature(id, point, props));
    }
    let mut orphans: Vec<_> = by_provider.into_keys().collect();
    orphans.sort();
    for id in orphans {
        out.skipped.push(Skipped {
            at: cname.clone(),
            reason: format!("courses point at unknown provider `{id}`"),
        });
    }
    Ok(out)
}
