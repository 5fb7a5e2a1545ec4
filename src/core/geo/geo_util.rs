//! Coordinates, bounds and great-circle distance. Axis order is always longitude, latitude
//! (as in GeoJSON), and every distance is in kilometres.

use geo::{Distance, Haversine, Point};
use serde::{Deserialize, Serialize};

/// Mean Earth radius (GRS80) in km, the same sphere as [`geo::Haversine`].
pub const EARTH_RADIUS_KM: f64 = 6_371.008_8;

/// Kilometres in one degree of latitude on that sphere.
pub const KM_PER_DEGREE_LAT: f64 = EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;

const METRES_PER_KM: f64 = 1_000.0;

/// Padding of candidate boxes, in degrees (about 0.1 mm): absorbs floating-point rounding.
const BOX_PAD_DEG: f64 = 1e-9;

/// A WGS84 position in decimal degrees, longitude first.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LonLat {
    /// Longitude in degrees east, -180..=180.
    pub lon: f64,
    /// Latitude in degrees north, -90..=90.
    pub lat: f64,
}

impl LonLat {
    /// A position from longitude and latitude in degrees.
    pub const fn new(lon: f64, lat: f64) -> Self {
        Self { lon, lat }
    }

    /// True when both axes are finite and within the WGS84 ranges.
    pub fn is_valid(&self) -> bool {
        self.lon.is_finite()
            && self.lat.is_finite()
            && (-180.0..=180.0).contains(&self.lon)
            && (-90.0..=90.0).contains(&self.lat)
    }

    /// Great-circle (haversine) distance to `other`, in km.
    pub fn distance_km(&self, other: &LonLat) -> f64 {
        Haversine.distance(
            Point::new(self.lon, self.lat),
            Point::new(other.lon, other.lat),
        ) / METRES_PER_KM
    }
}

/// An axis-aligned box in degrees: `west <= lon <= east`, `south <= lat <= north`.
/// Boxes crossing the antimeridian are not supported (the map never needs them).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BoundsLonLat {
    /// Minimum longitude.
    pub west: f64,
    /// Minimum latitude.
    pub south: f64,
    /// Maximum longitude.
    pub east: f64,
    /// Maximum latitude.
    pub north: f64,
}

impl BoundsLonLat {
    /// A box from its corners; the corners may come in any order.
    pub fn from_corners(a: LonLat, b: LonLat) -> Self {
        Self {
            west: a.lon.min(b.lon),
            south: a.lat.min(b.lat),
            east: a.lon.max(b.lon),
            north: a.lat.max(b.lat),
        }
    }

    /// True when `p` lies inside or on the edge of the box.
    pub fn contains(&self, p: &LonLat) -> bool {
        (self.west..=self.east).contains(&p.lon) && (self.south..=self.north).contains(&p.lat)
    }

    /// The centre of the box.
    pub fn center(&self) -> LonLat {
        LonLat::new(
            (self.west + self.east) / 2.0,
            (self.south + self.north) / 2.0,
        )
    }

    /// A box that contains every point within `radius_km` of `center` (great-circle), used to
    /// pre-select candidates before the exact distance test. Near a pole, or for a radius
    /// wider than the longitude span allows, it widens to all longitudes.
    pub fn around(center: LonLat, radius_km: f64) -> Self {
        use std::f64::consts::FRAC_PI_2;
        // Angular radius of the spherical cap; the longitude half-width of a cap that does not
        // contain a pole is asin(sin d / cos lat) (Matuschek, "Finding points within a distance
        // of a latitude/longitude using bounding coordinates").
        let d = radius_km.max(0.0) / EARTH_RADIUS_KM;
        let lat = center.lat.to_radians();
        let south = lat - d;
        let north = lat + d;
        let full = |s: f64, n: f64| Self {
            west: -180.0,
            south: s.max(-FRAC_PI_2).to_degrees(),
            east: 180.0,
            north: n.min(FRAC_PI_2).to_degrees(),
        };
        if north >= FRAC_PI_2 || south <= -FRAC_PI_2 {
            return full(south, north);
        }
        let dlon = (d.sin() / lat.cos()).min(1.0).asin().to_degrees();
        let (west, east) = (center.lon - dlon, center.lon + dlon);
        if west < -180.0 || east > 180.0 {
            // Crosses the antimeridian: widen rather than split the box.
            return full(south, north);
        }
        // Pad by a hair so rounding in the degree/radian conversions never drops a point that
        // sits exactly on the circle (or, for radius 0, on the centre).
        Self {
            west: west - BOX_PAD_DEG,
            south: center.lat - d.to_degrees() - BOX_PAD_DEG,
            east: east + BOX_PAD_DEG,
            north: center.lat + d.to_degrees() + BOX_PAD_DEG,
        }
    }
}

/// The Euregio Scheldemond with a margin: Zeeland, Oost- and West-Vlaanderen and the strip
/// of neighbouring land a provider just across a provincial border may sit on. Features
/// outside this box are rejected as "outside the region".
pub const REGION_BOUNDS: BoundsLonLat = BoundsLonLat {
    west: 2.30,
    south: 50.55,
    east: 4.65,
    north: 51.90,
};

/// Where the map opens when no view is given: the whole region.
pub const REGION_VIEW: BoundsLonLat = BoundsLonLat {
    west: 2.54,
    south: 50.70,
    east: 4.35,
    north: 51.75,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_between_known_towns() {
        // Gent (Korenmarkt) to Brugge (Markt): about 38.5 km as the crow flies.
        let gent = LonLat::new(3.7219, 51.0546);
        let brugge = LonLat::new(3.2247, 51.2089);
        let d = gent.distance_km(&brugge);
        assert!((d - 38.5).abs() < 1.5, "got {d}");
        assert_eq!(gent.distance_km(&gent), 0.0);
    }

    #[test]
    fn around_box_contains_the_circle() {
        let c = LonLat::new(3.7, 51.1);
        for r in [0.5, 5.0, 50.0, 500.0, 5_000.0] {
            let b = BoundsLonLat::around(c, r);
            for i in 0..360 {
                // Walk the circle and make sure every point of it is inside the box.
                let bearing = (i as f64).to_radians();
                let d = r / EARTH_RADIUS_KM;
                let lat1 = c.lat.to_radians();
                let lon1 = c.lon.to_radians();
                let lat2 = (lat1.sin() * d.cos() + lat1.cos() * d.sin() * bearing.cos()).asin();
                let lon2 = lon1
                    + (bearing.sin() * d.sin() * lat1.cos())
                        .atan2(d.cos() - lat1.sin() * lat2.sin());
                let p = LonLat::new(lon2.to_degrees(), lat2.to_degrees());
                assert!(
                    b.contains(&p) || b.west == -180.0,
                    "r={r} bearing={i} {p:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn validity() {
        assert!(LonLat::new(3.0, 51.0).is_valid());
        assert!(!LonLat::new(f64::NAN, 51.0).is_valid());
        assert!(!LonLat::new(3.0, 91.0).is_valid());
        assert!(!LonLat::new(f64::INFINITY, 0.0).is_valid());
    }
}
