//! Writes a dataset back to the GeoJSON format of `data/SCHEMA.md` (the open-data download,
//! a partner's checked file).

use serde_json::{json, Map, Value};

use crate::core::{Country, Course, Dataset, LonLat, Source};

pub(crate) fn source(s: &Source) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), s.name.clone().into());
    if let Some(u) = &s.url {
        m.insert("url".into(), u.clone().into());
    }
    if let Some(r) = &s.retrieved {
        m.insert("retrieved".into(), r.clone().into());
    }
    if let Some(l) = &s.licence {
        m.insert("licence".into(), l.clone().into());
    }
    Value::Object(m)
}

pub(crate) fn course(c: &Course) -> Value {
    let mut v = json!({
        "name": c.name,
        "sector": c.sector.code(),
        "level": match c.level.eqf {
            Some(e) => json!({ "eqf": e.get(), "national": c.level.national.code() }),
            None => json!({ "national": c.level.national.code() }),
        },
        "learning_forms": c.learning_forms.iter().map(|f| f.code()).collect::<Vec<_>>(),
        "languages": c.languages,
        "target_groups": c.target_groups.iter().map(|t| t.code()).collect::<Vec<_>>(),
        "intake_months": c.intake_months,
        "funding": c.funding.iter().map(|f| f.code()).collect::<Vec<_>>(),
        "source": source(&c.source),
    });
    for (k, val) in [
        ("id", &c.key),
        ("isced_f", &c.isced_f),
        ("duration", &c.duration),
        ("website", &c.website),
    ] {
        if let Some(x) = val {
            v[k] = x.clone().into();
        }
    }
    if let Some(a) = c.award {
        v["award"] = a.code().into();
    }
    if !c.occupations.is_empty() {
        v["occupations"] = json!(c.occupations);
    }
    if c.stage != c.level.national.stage() {
        v["stage"] = c.stage.code().into();
    }
    if let Some(d) = &c.details {
        if let (Value::Object(obj), Ok(Value::Object(extra))) =
            (&mut v, serde_json::to_value(d.as_ref()))
        {
            obj.extend(extra);
        }
    }
    v
}

/// A provider's GeoJSON properties (its courses included), as `data/SCHEMA.md` gives them.
pub(crate) fn properties_of(data: &Dataset, i: usize) -> Map<String, Value> {
    let p = &data.providers[i];
    let mut props = Map::new();
    props.insert("name".into(), p.name.clone().into());
    props.insert("kind".into(), p.kind.code().into());
    props.insert("country".into(), p.country.code().into());
    props.insert("province".into(), p.province.code().into());
    props.insert("municipality".into(), p.municipality.clone().into());
    props.insert(
        "location_precision".into(),
        p.location_precision.code().into(),
    );
    props.insert("source".into(), source(&p.source));
    props.insert(
        "courses".into(),
        data.courses_of(i as u32)
            .iter()
            .map(course)
            .collect::<Vec<_>>()
            .into(),
    );
    if let Some(w) = &p.website {
        props.insert("website".into(), w.clone().into());
    }
    if let Some(l) = &p.location_source {
        props.insert("location_source".into(), l.clone().into());
    }
    if p.address != crate::core::Address::default() {
        props.insert(
            "address".into(),
            serde_json::to_value(&p.address).unwrap_or(Value::Null),
        );
    }
    if !p.other_sources.is_empty() {
        props.insert(
            "sources".into(),
            p.other_sources.iter().map(|s| source(s)).collect(),
        );
    }
    if !p.offer_listed {
        props.insert("offer".into(), "not_listed".into());
    }
    if !p.fields.is_empty() {
        props.insert(
            "fields".into(),
            serde_json::to_value(&p.fields).unwrap_or(Value::Null),
        );
    }
    props
}

/// The dataset as a FeatureCollection.
pub fn to_geojson(data: &Dataset, name: &str) -> Value {
    let features: Vec<Value> = (0..data.providers.len())
        .map(|i| {
            let p = &data.providers[i];
            json!({ "type": "Feature", "id": p.key, "geometry": { "type": "Point", "coordinates": [p.lon_lat.lon, p.lon_lat.lat] }, "properties": properties_of(data, i) })
        })
        .collect();
    json!({ "type": "FeatureCollection", "name": name, "features": features })
}

/// Builds the properties object of a provider feature, leaving out empty fields.
#[allow(clippy::too_many_arguments)]
pub fn provider_properties(
    name: &str,
    kind: &str,
    country: Country,
    province: &str,
    municipality: &str,
    address: (&str, &str, &str),
    website: Option<String>,
    precision: &str,
    location_source: Option<String>,
    source: Value,
    courses: Vec<Value>,
) -> Map<String, Value> {
    let mut addr = Map::new();
    for (k, v) in [
        ("street", address.0),
        ("postcode", address.1),
        ("locality", address.2),
    ] {
        if !v.trim().is_empty() {
            addr.insert(k.into(), v.trim().into());
        }
    }
    let mut p = Map::new();
    p.insert("name".into(), name.trim().into());
    p.insert("kind".into(), kind.into());
    p.insert("country".into(), country.code().into());
    p.insert("province".into(), province.into());
    p.insert("municipality".into(), municipality.trim().into());
    if !addr.is_empty() {
        p.insert("address".into(), Value::Object(addr));
    }
    if let Some(w) = website {
        p.insert("website".into(), w.into());
    }
    p.insert("location_precision".into(), precision.into());
    if let Some(s) = location_source {
        p.insert("location_source".into(), s.into());
    }
    p.insert("source".into(), source);
    p.insert("courses".into(), Value::Array(courses));
    p
}

/// A Point feature.
pub fn feature(id: &str, at: LonLat, properties: Map<String, Value>) -> Value {
    json!({
        "type": "Feature",
        "id": id,
        "geometry": { "type": "Point", "coordinates": [round6(at.lon), round6(at.lat)] },
        "properties": properties,
    })
}

/// A coordinate to 6 decimals (~0.1 m), as every importer writes them.
pub fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
