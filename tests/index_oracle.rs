//! Every spatial query checked against a brute-force scan on seeded random data.

use leerkaart::core::index::{Nearby, SpatialIndex};
use leerkaart::core::synth::Rng;
use leerkaart::core::{BoundsLonLat, LonLat};

const SEEDS: [u64; 4] = [1, 7, 42, 2026];
const POINTS: usize = 3_000;
const QUERIES: usize = 60;

fn points(seed: u64) -> Vec<LonLat> {
    let mut rng = Rng::new(seed);
    // Clustered like towns, plus uniform noise, plus exact duplicates (campuses sharing a point).
    let towns: Vec<LonLat> = (0..25)
        .map(|_| LonLat::new(rng.range(2.5, 4.4), rng.range(50.7, 51.8)))
        .collect();
    let mut pts: Vec<LonLat> = (0..POINTS)
        .map(|i| {
            if i % 5 == 0 {
                LonLat::new(rng.range(2.3, 4.6), rng.range(50.6, 51.9))
            } else {
                let t = towns[rng.below(towns.len())];
                LonLat::new(t.lon + rng.normal() * 0.02, t.lat + rng.normal() * 0.015)
            }
        })
        .collect();
    for i in 0..50 {
        pts[i * 7 + 1] = pts[i * 7];
    }
    pts
}

fn index(pts: &[LonLat]) -> SpatialIndex {
    SpatialIndex::new(pts.iter().enumerate().map(|(i, p)| (*p, i as u32)))
}

fn brute_radius(pts: &[LonLat], c: LonLat, r: f64) -> Vec<Nearby> {
    let mut v: Vec<Nearby> = pts
        .iter()
        .enumerate()
        .map(|(i, p)| Nearby {
            id: i as u32,
            distance_km: c.distance_km(p),
        })
        .filter(|n| n.distance_km <= r)
        .collect();
    v.sort_by(|a, b| {
        a.distance_km
            .total_cmp(&b.distance_km)
            .then(a.id.cmp(&b.id))
    });
    v
}

#[test]
fn bounds_query_matches_brute_force() {
    for seed in SEEDS {
        let pts = points(seed);
        let idx = index(&pts);
        let mut rng = Rng::new(seed ^ 0xB0);
        for _ in 0..QUERIES {
            let a = LonLat::new(rng.range(2.2, 4.7), rng.range(50.5, 52.0));
            let b = LonLat::new(a.lon + rng.range(-0.8, 0.8), a.lat + rng.range(-0.5, 0.5));
            let bounds = BoundsLonLat::from_corners(a, b);
            let mut got = idx.in_bounds(&bounds);
            got.sort_unstable();
            let want: Vec<u32> = (0..pts.len() as u32)
                .filter(|i| bounds.contains(&pts[*i as usize]))
                .collect();
            assert_eq!(got, want, "seed {seed} bounds {bounds:?}");
        }
        // Degenerate boxes: a single point (a duplicate pair) and an empty area.
        let p = pts[0];
        let mut got = idx.in_bounds(&BoundsLonLat::from_corners(p, p));
        got.sort_unstable();
        assert!(got.contains(&0) && got.contains(&1), "seed {seed}");
        assert!(idx
            .in_bounds(&BoundsLonLat::from_corners(
                LonLat::new(10.0, 10.0),
                LonLat::new(11.0, 11.0)
            ))
            .is_empty());
    }
}

#[test]
fn radius_query_matches_brute_force() {
    for seed in SEEDS {
        let pts = points(seed);
        let idx = index(&pts);
        let mut rng = Rng::new(seed ^ 0x4AD);
        for q in 0..QUERIES {
            let c = if q % 3 == 0 {
                pts[rng.below(pts.len())]
            } else {
                LonLat::new(rng.range(2.3, 4.6), rng.range(50.6, 51.9))
            };
            let r = [0.0, 0.5, 2.0, 10.0, 35.0, 120.0, 400.0][q % 7];
            let got = idx.within_radius_km(c, r);
            let want = brute_radius(&pts, c, r);
            assert_eq!(got, want, "seed {seed} center {c:?} r {r}");
        }
    }
}

#[test]
fn k_nearest_matches_brute_force() {
    for seed in SEEDS {
        let pts = points(seed);
        let idx = index(&pts);
        let mut rng = Rng::new(seed ^ 0x77);
        for q in 0..QUERIES {
            let c = LonLat::new(rng.range(2.0, 5.0), rng.range(50.3, 52.2));
            let k = [1, 2, 5, 17, 100, POINTS, POINTS + 10][q % 7];
            let got = idx.nearest_k(c, k);
            let mut want = brute_radius(&pts, c, f64::INFINITY);
            want.truncate(k);
            assert_eq!(got.len(), want.len(), "seed {seed} k {k}");
            assert_eq!(got, want, "seed {seed} center {c:?} k {k}");
        }
    }
}

#[test]
fn empty_index_and_bad_radius() {
    let idx = SpatialIndex::new(std::iter::empty());
    assert!(idx.is_empty());
    assert!(idx.nearest_k(LonLat::new(3.0, 51.0), 3).is_empty());
    let pts = points(3);
    let idx = index(&pts);
    assert!(idx
        .within_radius_km(LonLat::new(3.0, 51.0), f64::NAN)
        .is_empty());
    assert!(idx
        .within_radius_km(LonLat::new(3.0, 51.0), -1.0)
        .is_empty());
}
