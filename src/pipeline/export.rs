//! Writes a dataset back to the GeoJSON format of `data/SCHEMA.md`.

use serde_json::{json, Map, Value};

use crate::core::{Course, Dataset, Source};

fn source(s: &Source) -> Value {
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

fn course(c: &Course) -> Value {
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
        v["occupations"] = c.occupations.clone().into();
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

/// The dataset as a FeatureCollection.
pub fn to_geojson(data: &Dataset, name: &str) -> Value {
    let features: Vec<Value> = data
        .providers
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut props = json!({
                "name": p.name,
                "kind": p.kind.code(),
                "country": p.country.code(),
                "province": p.province.code(),
                "municipality": p.municipality,
                "location_precision": p.location_precision.code(),
                "source": source(&p.source),
                "courses": data.courses_of(i as u32).iter().map(course).collect::<Vec<_>>(),
            });
            if let Some(w) = &p.website {
                props["website"] = w.clone().into();
            }
            if let Some(l) = &p.location_source {
                props["location_source"] = l.clone().into();
            }
            if p.address != crate::core::Address::default() {
                props["address"] = serde_json::to_value(&p.address).unwrap_or(Value::Null);
            }
            if !p.other_sources.is_empty() {
                props["sources"] = p.other_sources.iter().map(source).collect();
            }
            if !p.offer_listed {
                props["offer"] = "not_listed".into();
            }
            json!({ "type": "Feature", "id": p.key, "geometry": { "type": "Point", "coordinates": [p.lon_lat.lon, p.lon_lat.lat] }, "properties": props })
        })
        .collect();
    json!({ "type": "FeatureCollection", "name": name, "features": features })
}

#[cfg(test)]
mod tests {
    use crate::core::synth::{generate, SynthOptions};
    use crate::core::{load_geojson, LoadOptions};

    #[test]
    fn export_then_load_gives_the_same_dataset() {
        let data = generate(
            3,
            &SynthOptions {
                providers: 50,
                courses: 400,
                ..Default::default()
            },
        );
        let text = super::to_geojson(&data, "t").to_string();
        let report = load_geojson(&text, &LoadOptions::default()).unwrap();
        assert!(report.rejections.is_empty(), "{:?}", report.rejections);
        assert_eq!(report.dataset.providers.len(), data.providers.len());
        for (a, b) in report.dataset.providers.iter().zip(&data.providers) {
            assert_eq!(a, b);
        }
        for (a, b) in report.dataset.courses.iter().zip(&data.courses) {
            assert_eq!(a, b);
        }
    }
}
