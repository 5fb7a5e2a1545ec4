//! Distances that respect the Westerschelde. Between Zeeuws-Vlaanderen (and Flanders) and
//! the rest of Zeeland a straight line crosses the estuary, which no road or cycle path does.
//! Such trips cross at the Westerscheldetunnel (Ellewoutsdijk–Terneuzen, cars and buses), the
//! Vlissingen–Breskens foot and cycle ferry, or go round by Antwerp. The estimate is the
//! shortest of: straight line to a crossing, the crossing, straight line onwards. It is a
//! lower bound on the real route and far better than the straight line; the page says
//! "estimate" and links to a journey planner for the real thing.

use crate::core::geo_util::LonLat;

/// The Westerschelde as a polyline from the sea to the Belgian border at Bath/Zandvliet,
/// following the middle of the estuary (OpenStreetMap, read off by the maintainers).
pub const WESTERSCHELDE: [LonLat; 8] = [
    LonLat::new(3.40, 51.43),
    LonLat::new(3.565, 51.423),
    LonLat::new(3.70, 51.40),
    LonLat::new(3.82, 51.358),
    LonLat::new(3.95, 51.385),
    LonLat::new(4.06, 51.37),
    LonLat::new(4.19, 51.385),
    LonLat::new(4.255, 51.36),
];

/// A place to cross the estuary: its north and south ends.
#[derive(Debug, Clone, Copy)]
pub struct Crossing {
    /// Name, for the page.
    pub name: &'static str,
    /// North bank end.
    pub north: LonLat,
    /// South bank end.
    pub south: LonLat,
}

/// The crossings: the tunnel, the ferry, and the way round by Antwerp (Kennedytunnel).
pub const CROSSINGS: [Crossing; 3] = [
    Crossing {
        name: "Westerscheldetunnel",
        north: LonLat::new(3.825, 51.392),
        south: LonLat::new(3.806, 51.318),
    },
    Crossing {
        name: "veerpont Vlissingen–Breskens",
        north: LonLat::new(3.573, 51.443),
        south: LonLat::new(3.557, 51.398),
    },
    Crossing {
        name: "via Antwerpen",
        north: LonLat::new(4.29, 51.40),
        south: LonLat::new(4.37, 51.21),
    },
];

/// A travel distance estimate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TravelEstimate {
    /// Straight-line distance, km.
    pub straight_km: f64,
    /// Estimated distance over land, km (equal to `straight_km` when nothing is in the way).
    pub estimate_km: f64,
    /// The crossing used, when the straight line crosses the Westerschelde.
    pub via: Option<&'static str>,
}

fn cross(o: LonLat, a: LonLat, b: LonLat) -> f64 {
    (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon)
}

fn segments_intersect(p1: LonLat, p2: LonLat, q1: LonLat, q2: LonLat) -> bool {
    let d1 = cross(q1, q2, p1);
    let d2 = cross(q1, q2, p2);
    let d3 = cross(p1, p2, q1);
    let d4 = cross(p1, p2, q2);
    (d1 > 0.0) != (d2 > 0.0) && (d3 > 0.0) != (d4 > 0.0)
}

/// True when the straight line from `a` to `b` crosses the Westerschelde.
pub fn crosses_westerschelde(a: LonLat, b: LonLat) -> bool {
    WESTERSCHELDE
        .windows(2)
        .filter(|w| segments_intersect(a, b, w[0], w[1]))
        .count()
        % 2
        == 1
}

/// Is `p` north of the estuary (Walcheren, Zuid-Beveland) rather than south?
fn north_of_estuary(p: LonLat) -> bool {
    // Cast a ray due north to far beyond the region and count estuary crossings.
    let far = LonLat::new(p.lon, 60.0);
    !crosses_westerschelde(p, far)
}

/// Distance from `a` to `b` with the Westerschelde taken into account.
pub fn estimate(a: LonLat, b: LonLat) -> TravelEstimate {
    let straight_km = a.distance_km(&b);
    if !crosses_westerschelde(a, b) {
        return TravelEstimate {
            straight_km,
            estimate_km: straight_km,
            via: None,
        };
    }
    let a_north = north_of_estuary(a);
    let best = CROSSINGS
        .iter()
        .map(|c| {
            let (first, second) = if a_north {
                (c.north, c.south)
            } else {
                (c.south, c.north)
            };
            (
                a.distance_km(&first) + first.distance_km(&second) + second.distance_km(&b),
                c.name,
            )
        })
        .min_by(|x, y| x.0.total_cmp(&y.0));
    match best {
        Some((km, via)) => TravelEstimate {
            straight_km,
            estimate_km: km.max(straight_km),
            via: Some(via),
        },
        None => TravelEstimate {
            straight_km,
            estimate_km: straight_km,
            via: None,
        },
    }
}

/// A journey-planner link for cycling or public transport from `from` (if known) to `to`.
/// Google Maps' directions URLs work for both countries and need no key.
pub fn route_url(from: Option<LonLat>, to: LonLat, mode: TravelMode) -> String {
    let mode = match mode {
        TravelMode::Bicycle => "bicycling",
        TravelMode::PublicTransport => "transit",
    };
    let dest = format!("{:.5},{:.5}", to.lat, to.lon);
    match from {
        Some(f) => format!("https://www.google.com/maps/dir/?api=1&origin={:.5},{:.5}&destination={dest}&travelmode={mode}", f.lat, f.lon),
        None => format!("https://www.google.com/maps/dir/?api=1&destination={dest}&travelmode={mode}"),
    }
}

/// How to travel, for [`route_url`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TravelMode {
    /// By bike.
    Bicycle,
    /// By bus and train.
    PublicTransport,
}

#[cfg(test)]
mod tests {
    use super::*;

    const VLISSINGEN: LonLat = LonLat::new(3.5736, 51.4425);
    const MIDDELBURG: LonLat = LonLat::new(3.6139, 51.5);
    const GOES: LonLat = LonLat::new(3.8889, 51.5042);
    const BRESKENS: LonLat = LonLat::new(3.5508, 51.3958);
    const TERNEUZEN: LonLat = LonLat::new(3.8278, 51.3358);
    const HULST: LonLat = LonLat::new(4.0528, 51.28);
    const GENT: LonLat = LonLat::new(3.7167, 51.05);
    const BRUGGE: LonLat = LonLat::new(3.2242, 51.2089);
    const OOSTBURG: LonLat = LonLat::new(3.4889, 51.3258);

    #[test]
    fn same_bank_trips_are_straight() {
        for (a, b) in [
            (VLISSINGEN, MIDDELBURG),
            (MIDDELBURG, GOES),
            (TERNEUZEN, GENT),
            (BRUGGE, GENT),
            (HULST, TERNEUZEN),
            (OOSTBURG, BRUGGE),
        ] {
            let e = estimate(a, b);
            assert_eq!(e.via, None, "{a:?} {b:?}");
            assert_eq!(e.estimate_km, e.straight_km);
        }
    }

    #[test]
    fn cross_estuary_trips_take_the_nearest_crossing() {
        // Vlissingen–Breskens: the ferry, barely longer than the 5 km straight line.
        let e = estimate(VLISSINGEN, BRESKENS);
        assert_eq!(e.via, Some("veerpont Vlissingen–Breskens"));
        assert!(e.estimate_km < e.straight_km + 1.5, "{e:?}");
        // Goes–Terneuzen: through the tunnel.
        let e = estimate(GOES, TERNEUZEN);
        assert_eq!(e.via, Some("Westerscheldetunnel"));
        assert!(e.estimate_km > e.straight_km + 2.0, "{e:?}");
        // Middelburg–Gent crosses too, and both directions agree.
        let there = estimate(MIDDELBURG, GENT);
        let back = estimate(GENT, MIDDELBURG);
        assert!(there.via.is_some());
        assert!((there.estimate_km - back.estimate_km).abs() < 1e-9);
        assert!(there.estimate_km >= there.straight_km);
        // Goes–Hulst: the tunnel beats going round by Antwerp.
        assert_eq!(estimate(GOES, HULST).via, Some("Westerscheldetunnel"));
    }

    #[test]
    fn route_links() {
        let u = route_url(Some(GOES), GENT, TravelMode::PublicTransport);
        assert!(u.starts_with("https://www.google.com/maps/dir/?api=1&origin=51.50420,3.88890&destination=51.05000,3.71670&travelmode=transit"), "{u}");
        assert!(route_url(None, GENT, TravelMode::Bicycle).ends_with("travelmode=bicycling"));
    }
}
