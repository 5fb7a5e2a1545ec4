//! `validate`: every problem of a dataset, with the feature and the reason. Errors make the
//! command fail; warnings are printed.

use geo::{Contains, MultiPolygon, Point};
use serde_json::Value;

use crate::core::load::{RejectReason, RejectedPart};
use crate::core::{load_geojson, Dataset, LoadOptions, LoadReport, LocationPrecision, Occupations};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look; does not fail validation.
    Warning,
    /// Fails validation.
    Error,
}

/// One problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Which feature (index and id).
    pub at: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{s}: {}: {}", self.at, self.message)
    }
}

/// Two school years, in days: older records are flagged.
pub const TWO_SCHOOL_YEARS_DAYS: i64 = 730;

/// Land polygons, to tell a point in the sea.
pub struct Land(Vec<MultiPolygon<f64>>);

/// How far off the (simplified) coastline a point may be before it counts as "in the sea":
/// about 700 m, more than the outline's simplification.
const COAST_TOLERANCE_DEG: f64 = 0.01;

impl Land {
    /// Reads the country polygons of a GeoJSON outline (features with `kind: country`, or all
    /// polygon features when none is marked).
    pub fn from_geojson(text: &str) -> Option<Self> {
        let gj: geojson::GeoJson = text.parse().ok()?;
        let geojson::GeoJson::FeatureCollection(fc) = gj else {
            return None;
        };
        let mut polys = Vec::new();
        for f in &fc.features {
            let marked = f.property("kind").and_then(Value::as_str);
            if marked.is_some_and(|k| k != "country") {
                continue;
            }
            let Some(g) = &f.geometry else { continue };
            match geo::Geometry::<f64>::try_from(&g.value) {
                Ok(geo::Geometry::Polygon(p)) => polys.push(MultiPolygon(vec![p])),
                Ok(geo::Geometry::MultiPolygon(mp)) => polys.push(mp),
                _ => {}
            }
        }
        (!polys.is_empty()).then_some(Self(polys))
    }

    /// True when the point, or a point within the tolerance of it, is on land.
    pub fn near_land(&self, lon: f64, lat: f64) -> bool {
        let d = COAST_TOLERANCE_DEG;
        let probes = [
            (0.0, 0.0),
            (d, 0.0),
            (-d, 0.0),
            (0.0, d),
            (0.0, -d),
            (d, d),
            (-d, -d),
            (d, -d),
            (-d, d),
        ];
        probes.iter().any(|(dx, dy)| {
            let p = Point::new(lon + dx, lat + dy);
            self.0.iter().any(|mp| mp.contains(&p))
        })
    }
}

/// Validates a dataset's text against the shipped occupations. A whole-file error is one
/// problem.
pub fn validate(text: &str, land: Option<&Land>) -> Vec<Problem> {
    validate_with(text, land, Occupations::builtin())
}

/// Validates a dataset's text; stated occupation links must name an occupation of `occ`.
pub fn validate_with(text: &str, land: Option<&Land>, occ: &Occupations) -> Vec<Problem> {
    match load_geojson(text, &LoadOptions::default()) {
        Ok(report) => validate_report(&report, land, occ),
        Err(e) => vec![Problem {
            severity: Severity::Error,
            at: "file".into(),
            message: e.to_string(),
        }],
    }
}

/// Validates what loading a dataset gave: its rejections and every kept record.
pub fn validate_report(
    report: &LoadReport,
    land: Option<&Land>,
    occ: &Occupations,
) -> Vec<Problem> {
    let mut problems: Vec<Problem> = report
        .rejections
        .iter()
        .map(|r| {
            let mut at = format!("feature #{}", r.feature_index);
            if let Some(id) = &r.feature_id {
                at.push_str(&format!(" `{id}`"));
            }
            if let RejectedPart::Course(i) = r.part {
                at.push_str(&format!(" course #{i}"));
            }
            let message = match &r.reason {
                RejectReason::UnsafeUrl { field, url } => {
                    format!("`{field}` is not an http(s) URL: {url}")
                }
                other => other.to_string(),
            };
            Problem {
                severity: Severity::Error,
                at,
                message,
            }
        })
        .collect();
    let data = &report.dataset;
    // Partners' offers change every school year: a record whose source was read more than two
    // school years before the dataset was compiled is flagged for the yearly round.
    let compiled = report
        .meta
        .compiled
        .as_deref()
        .and_then(crate::core::load::days_from_iso);
    for (i, p) in data.providers.iter().enumerate() {
        let at = format!("provider `{}`", p.key);
        if let Some(today) = compiled {
            let old = std::iter::once(&p.source)
                .chain(&p.other_sources)
                .chain(data.courses_of(i as u32).iter().map(|c| &c.source))
                .filter_map(|s| {
                    Some((
                        s,
                        crate::core::load::days_from_iso(s.retrieved.as_deref()?)?,
                    ))
                })
                .find(|(_, d)| today - d > TWO_SCHOOL_YEARS_DAYS);
            if let Some((s, _)) = old {
                problems.push(Problem {
                    severity: Severity::Warning,
                    at: at.clone(),
                    message: format!(
                        "`{}` was read on {}, more than two school years ago: ask for an update",
                        s.name,
                        s.retrieved.as_deref().unwrap_or("")
                    ),
                });
            }
        }
        let mut urls: Vec<(&str, &str)> = Vec::new();
        if let Some(w) = &p.website {
            urls.push(("website", w));
        }
        if let Some(u) = &p.source.url {
            urls.push(("source.url", u));
        }
        for c in data.courses_of(i as u32) {
            for key in c.occupations.iter() {
                if occ.resolve(key).is_none() {
                    problems.push(Problem {
                        severity: Severity::Error,
                        at: format!("{at} course `{}`", c.name),
                        message: format!(
                            "occupation `{key}` is not in the occupation list (data/occupations.tsv)"
                        ),
                    });
                }
            }
            if let Some(w) = &c.website {
                urls.push(("course website", w));
            }
            if let Some(u) = &c.source.url {
                urls.push(("course source.url", u));
            }
        }
        for (field, url) in urls {
            if !url.to_ascii_lowercase().starts_with("https://") {
                problems.push(Problem {
                    severity: Severity::Error,
                    at: at.clone(),
                    message: format!("{field} is not https: {url}"),
                });
            }
        }
        if let Some(land) = land {
            if !land.near_land(p.lon_lat.lon, p.lon_lat.lat) {
                problems.push(Problem {
                    severity: Severity::Error,
                    at: at.clone(),
                    message: format!(
                        "coordinates [{}, {}] are in the sea",
                        p.lon_lat.lon, p.lon_lat.lat
                    ),
                });
            }
        }
        if p.courses.is_empty() && p.offer_listed {
            problems.push(Problem {
                severity: Severity::Warning,
                at: at.clone(),
                message: "no courses and no `\"offer\": \"not_listed\"`: it shows as a location whose offer is not listed".into(),
            });
        }
        if p.location_precision == LocationPrecision::Address && p.address.street.is_none() {
            problems.push(Problem {
                severity: Severity::Warning,
                at,
                message: "precision `address` but no street given".into(),
            });
        }
    }
    problems
}

/// Checks the occupation vocabulary's shortage statuses and links: a status older than
/// [`STALE_STATUS_YEARS`] before `this_year` is a warning (refresh it from the list), as is
/// an occupation no course in `data` leads to.
pub fn validate_occupations(
    occ: &Occupations,
    this_year: u16,
    data: Option<&Dataset>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for s in occ.shortage() {
        if this_year.saturating_sub(s.year) > STALE_STATUS_YEARS {
            let key = occ.get(s.occupation).map_or("", |o| o.key.as_str());
            problems.push(Problem {
                severity: Severity::Warning,
                at: format!("shortage `{key}` {} {}", s.country, s.year),
                message: format!(
                    "older than {STALE_STATUS_YEARS} years: refresh from the current {} list",
                    s.list
                ),
            });
        }
    }
    if let Some(data) = data {
        let mut used = vec![false; occ.len()];
        for c in &data.courses {
            for o in occ.links(c).0 {
                used[usize::from(o)] = true;
            }
        }
        for (o, used) in occ.all().iter().zip(used) {
            if !used {
                problems.push(Problem {
                    severity: Severity::Warning,
                    at: format!("occupation `{}`", o.key),
                    message: "no course in this dataset leads here".into(),
                });
            }
        }
    }
    problems
}

/// Age in years after which a shortage status is reported as due for a refresh.
pub const STALE_STATUS_YEARS: u16 = 3;
