//! Where learners and adults get free advice (learning shops, open learning centres, public
//! employment services, technology centres): a layer of its own, never counted as courses.
//!
//! The points come from their own small file (`data/guidance.geojson`), built from the facts
//! of public web pages. A service without an office has no geometry: it is listed for its
//! province, never drawn at a made-up point.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::filter::Filter;
use crate::core::geo_util::LonLat;
use crate::core::level::Stage;
use crate::core::model::{safe_http_url, vocabulary, LearningForm, Province, Source};

/// Longest text kept from the file (names, notes); longer values are cut.
const MAX_TEXT_CHARS: usize = 400;
/// Points listed at most, nearest first.
pub const MAX_LISTED: usize = 8;

vocabulary! {
    /// What a place of advice offers.
    GuidanceKind {
        /// Free advice on learning and training for adults (Leerwinkel, De Stap, Leerwerkloket).
        LearningAdvice = "learning_advice",
        /// An open learning centre: help with digital skills and learning.
        OpenLearningCentre = "open_learning_centre",
        /// The public employment service (VDAB, UWV).
        EmploymentService = "employment_service",
        /// A centre where pupils learn technology together (VMBO–MBO).
        TechnologyCentre = "technology_centre",
        /// Technology sessions for children (techniekacademie).
        TechnologyAcademy = "technology_academy",
    }
}

/// One place (or regional service) where learners get advice.
#[derive(Debug, Clone, PartialEq)]
pub struct GuidancePoint {
    /// Stable id.
    pub key: String,
    /// Name.
    pub name: String,
    /// What it offers.
    pub kind: GuidanceKind,
    /// Province it is in or serves.
    pub province: Province,
    /// Where it is; `None` for a service without an office.
    pub lon_lat: Option<LonLat>,
    /// Town, when located.
    pub place: Option<String>,
    /// Street, when a source names it.
    pub street: Option<String>,
    /// A short note in the project's words (what, for whom).
    pub note: Option<String>,
    /// The date the newest source shows (YYYY, YYYY-MM or YYYY-MM-DD).
    pub date: Option<String>,
    /// Where the facts come from.
    pub source: Source,
}

#[derive(Deserialize)]
struct RawProps {
    name: Option<String>,
    kind: Option<String>,
    province: Option<String>,
    place: Option<String>,
    street: Option<String>,
    note: Option<String>,
    date: Option<String>,
    source: Option<Source>,
}

fn cut(s: Option<String>) -> Option<String> {
    let s = crate::core::load::clean(s?.trim());
    (!s.is_empty()).then(|| s.chars().take(MAX_TEXT_CHARS).collect())
}

/// What reading the file gave: the points, and how many features were left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GuidanceData {
    /// The points, in file order.
    pub points: Vec<GuidancePoint>,
    /// Features that were not a usable point (no name, unknown kind or province, no source).
    pub rejected: usize,
}

/// Reads the FeatureCollection of advice points; a bad feature is left out and counted, a
/// text that is no FeatureCollection is `None`.
pub fn parse(text: &str) -> Option<GuidanceData> {
    let v: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    let features = v.get("features")?.as_array()?;
    let mut out = GuidanceData::default();
    for f in features {
        match point(f) {
            Some(p) => out.points.push(p),
            None => out.rejected += 1,
        }
    }
    Some(out)
}

fn point(f: &Value) -> Option<GuidancePoint> {
    let props: RawProps = serde_json::from_value(f.get("properties")?.clone()).ok()?;
    let lon_lat = match f.get("geometry") {
        None | Some(Value::Null) => None,
        Some(g) => {
            let c = g.get("coordinates")?.as_array()?;
            let (lon, lat) = (c.first()?.as_f64()?, c.get(1)?.as_f64()?);
            let p = LonLat::new(lon, lat);
            if !crate::core::geo_util::REGION_BOUNDS.contains(&p) {
                return None;
            }
            Some(p)
        }
    };
    let mut source = props.source?;
    source.name = cut(Some(source.name))?;
    source.url = source.url.as_deref().and_then(safe_http_url);
    Some(GuidancePoint {
        key: f
            .get("id")
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_default(),
        name: cut(props.name)?,
        kind: GuidanceKind::from_code(props.kind.as_deref()?)?,
        province: Province::from_code(props.province.as_deref()?)?,
        lon_lat,
        place: cut(props.place),
        street: cut(props.street),
        note: cut(props.note),
        date: cut(props.date),
        source,
    })
}

/// True when the filter points to adults (adult education, evening / part-time / modular
/// forms, an occupation search): the advice layer is then shown without being asked for.
pub fn adults_in_focus(filter: &Filter) -> bool {
    filter.stages.contains(&Stage::Adult)
        || filter.occupation.is_some()
        || filter.learning_forms.iter().any(|f| {
            matches!(
                f,
                LearningForm::Evening | LearningForm::PartTime | LearningForm::Modular
            )
        })
}

/// The points to show for a filter: located ones (within the radius or the view, nearest
/// first when there is a starting point), and the regional services of the provinces in play.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GuidanceView {
    /// Located points and their distance from the starting point (km), nearest first.
    pub located: Vec<(usize, Option<f64>)>,
    /// Services without an office whose province is in play.
    pub regional: Vec<usize>,
}

/// Selects the points for `filter` (its country, province, radius and bounds);
/// `origin_province` is the province of the starting point, when known: then only that
/// province's regional services are listed.
pub fn select(
    points: &[GuidancePoint],
    filter: &Filter,
    origin_province: Option<Province>,
) -> GuidanceView {
    let province_ok = |p: Province| {
        (filter.provinces.is_empty() || filter.provinces.contains(&p))
            && (filter.countries.is_empty() || filter.countries.contains(&p.country()))
    };
    let mut view = GuidanceView::default();
    for (i, g) in points.iter().enumerate() {
        if !province_ok(g.province) {
            continue;
        }
        match g.lon_lat {
            None => {
                if origin_province.is_none_or(|o| o == g.province) {
                    view.regional.push(i);
                }
            }
            Some(at) => {
                let distance = filter.origin.map(|o| o.distance_km(&at));
                if let (Some(d), Some(r)) = (distance, filter.radius_km) {
                    if d > r {
                        continue;
                    }
                }
                if let Some(b) = &filter.bounds {
                    if !b.contains(&at) {
                        continue;
                    }
                }
                view.located.push((i, distance));
            }
        }
    }
    crate::core::sort::sort_by(&mut view.located, |a, b| match (a.1, b.1) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        _ => points[a.0].name.cmp(&points[b.0].name),
    });
    view
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[3.2247,51.2093]},
       "properties":{"name":"Leerwinkel, Brugge","kind":"learning_advice","province":"BE-VWV","place":"Brugge",
        "source":{"name":"page","url":"javascript:alert(1)"}}},
      {"type":"Feature","id":"b","geometry":{"type":"Point","coordinates":[3.7174,51.0543]},
       "properties":{"name":"De Stap, Gent","kind":"learning_advice","province":"BE-VOV","source":{"name":"page","url":"https://x.be/"}}},
      {"type":"Feature","id":"c","geometry":null,
       "properties":{"name":"Leerwerkloket Zeeland","kind":"learning_advice","province":"NL-ZE","source":{"name":"page"}}},
      {"type":"Feature","id":"d","geometry":null,"properties":{"name":"x","kind":"nonsense","province":"NL-ZE","source":{"name":"p"}}},
      {"type":"Feature","id":"e","geometry":{"type":"Point","coordinates":[120,10]},
       "properties":{"name":"far","kind":"learning_advice","province":"NL-ZE","source":{"name":"p"}}},
      {"type":"Feature","id":"f","properties":{"name":"no source","kind":"learning_advice","province":"NL-ZE"}}
    ]}"#;

    #[test]
    fn reads_points_and_counts_the_bad_ones() {
        let d = parse(FILE).unwrap();
        assert_eq!(d.points.len(), 3);
        assert_eq!(d.rejected, 3, "unknown kind, outside the region, no source");
        assert_eq!(d.points[0].source.url, None, "no javascript: link");
        assert_eq!(d.points[2].lon_lat, None, "a service without an office");
        assert!(parse("not json").is_none());
        assert!(parse("[1,2]").is_none());
    }

    #[test]
    fn selection_follows_radius_province_and_origin() {
        let d = parse(FILE).unwrap();
        let gent = LonLat::new(3.7174, 51.0543);
        let f = Filter {
            origin: Some(gent),
            radius_km: Some(20.0),
            ..Filter::default()
        };
        let v = select(&d.points, &f, Some(Province::OostVlaanderen));
        assert_eq!(v.located.len(), 1, "Brugge is 40 km away");
        assert_eq!(d.points[v.located[0].0].name, "De Stap, Gent");
        assert!(v.regional.is_empty(), "Zeeland's service is not for Gent");
        let v = select(&d.points, &Filter::default(), None);
        assert_eq!(v.located.len(), 2);
        assert_eq!(v.regional, vec![2]);
        let f = Filter {
            provinces: vec![Province::Zeeland],
            ..Filter::default()
        };
        let v = select(&d.points, &f, None);
        assert!(v.located.is_empty());
        assert_eq!(v.regional, vec![2]);
    }

    #[test]
    fn adults_in_focus_follows_stage_form_and_occupation() {
        assert!(!adults_in_focus(&Filter::default()));
        assert!(adults_in_focus(&Filter {
            stages: vec![Stage::Adult],
            ..Filter::default()
        }));
        assert!(adults_in_focus(&Filter {
            learning_forms: vec![LearningForm::Evening],
            ..Filter::default()
        }));
        assert!(!adults_in_focus(&Filter {
            learning_forms: vec![LearningForm::FullTime],
            ..Filter::default()
        }));
    }
}
