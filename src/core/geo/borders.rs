//! Which side of the border a point lies on: the country and, in Belgium, the province, from
//! the region outline's polygons (`assets/region-outline.geojson`: the two countries clipped to
//! the region and the two Flemish provinces). A partner's file that leaves out `country` gets
//! it from here.

use geo::{Contains, MultiPolygon, Point};
use serde_json::Value;

use crate::core::geo_util::LonLat;
use crate::core::model::{Country, Province};

/// The outline's country and province polygons.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Borders {
    countries: Vec<(Country, MultiPolygon<f64>)>,
    provinces: Vec<(Province, MultiPolygon<f64>)>,
}

/// A GeoJSON geometry as polygons, when it is a Polygon or MultiPolygon.
fn polygons(g: &Value) -> Option<MultiPolygon<f64>> {
    let geometry: geojson::Geometry = serde_json::from_value(g.clone()).ok()?;
    match geo::Geometry::<f64>::try_from(&geometry.value).ok()? {
        geo::Geometry::Polygon(p) => Some(MultiPolygon(vec![p])),
        geo::Geometry::MultiPolygon(mp) => Some(mp),
        _ => None,
    }
}

impl Borders {
    /// Reads the outline: features with `kind` `country` (`code` NL or BE) or `province`
    /// (`code` an ISO 3166-2 code of the region). `None` when it holds no country.
    pub fn from_outline(text: &str) -> Option<Self> {
        let v: Value = serde_json::from_str(text).ok()?;
        let mut b = Borders::default();
        for f in v.get("features")?.as_array()? {
            let props = f.get("properties")?;
            let code = props.get("code").and_then(Value::as_str).unwrap_or("");
            let Some(shape) = f.get("geometry").and_then(polygons) else {
                continue;
            };
            match props.get("kind").and_then(Value::as_str) {
                Some("country") => {
                    if let Some(c) = Country::from_code(code) {
                        b.countries.push((c, shape));
                    }
                }
                Some("province") => {
                    if let Some(p) = Province::from_code(code) {
                        b.provinces.push((p, shape));
                    }
                }
                _ => {}
            }
        }
        (!b.countries.is_empty()).then_some(b)
    }

    /// The country whose outline holds the point, if one does.
    pub fn country_at(&self, at: LonLat) -> Option<Country> {
        let p = Point::new(at.lon, at.lat);
        self.countries
            .iter()
            .find(|(_, shape)| shape.contains(&p))
            .map(|(c, _)| *c)
    }

    /// The province of the region the point lies in: a Flemish province's outline, or
    /// Zeeland for a point in the Dutch part of the outline (the region's only Dutch province).
    pub fn province_at(&self, at: LonLat) -> Option<Province> {
        let p = Point::new(at.lon, at.lat);
        if let Some((prov, _)) = self.provinces.iter().find(|(_, s)| s.contains(&p)) {
            return Some(*prov);
        }
        match self.country_at(at)? {
            Country::Nl => Some(Province::Zeeland),
            Country::Be => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline() -> Borders {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/region-outline.geojson"),
        )
        .unwrap();
        Borders::from_outline(&text).unwrap()
    }

    #[test]
    fn known_places_on_either_side() {
        let b = outline();
        // Sluis (NL) and Knokke (BE), 8 km apart across the border.
        let sluis = LonLat::new(3.3869, 51.3090);
        let knokke = LonLat::new(3.2850, 51.3500);
        assert_eq!(b.country_at(sluis), Some(Country::Nl));
        assert_eq!(b.province_at(sluis), Some(Province::Zeeland));
        assert_eq!(b.country_at(knokke), Some(Country::Be));
        assert_eq!(b.province_at(knokke), Some(Province::WestVlaanderen));
        let gent = LonLat::new(3.7174, 51.0543);
        assert_eq!(b.province_at(gent), Some(Province::OostVlaanderen));
        // The North Sea is neither.
        assert_eq!(b.country_at(LonLat::new(2.9, 51.6)), None);
        assert!(Borders::from_outline("{}").is_none());
        assert!(Borders::from_outline("not json").is_none());
    }
}
