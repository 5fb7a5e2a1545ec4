//! Marker clustering, computed from scratch on every filter change: points are binned on a
//! grid of `radius_px` cells in Web-Mercator pixels at the map's zoom, and each non-empty cell
//! becomes one cluster at the mean position of its points. One pass, O(n) in the matching
//! points, no index to rebuild when the filter changes (unlike supercluster, whose index is
//! built once per point set).

use std::collections::HashMap;

use crate::core::geo_util::{BoundsLonLat, LonLat};
use crate::core::model::ProviderId;

/// Options for [`cluster`].
#[derive(Debug, Clone, Copy)]
pub struct ClusterOptions {
    /// Cell size in screen pixels (default 60, supercluster's default radius is 40–60).
    pub radius_px: f64,
    /// Tile size in pixels (default 256, Leaflet's).
    pub tile_px: f64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        Self {
            radius_px: 60.0,
            tile_px: 256.0,
        }
    }
}

/// A cluster of points.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Mean position of its points.
    pub lon_lat: LonLat,
    /// Its providers.
    pub providers: Vec<ProviderId>,
    /// Box around its points (zoom to it on click).
    pub bounds: BoundsLonLat,
}

/// Web-Mercator x, y in [0, 1).
pub fn mercator(p: LonLat) -> (f64, f64) {
    let x = p.lon / 360.0 + 0.5;
    let sin = p.lat.to_radians().sin().clamp(-0.9999, 0.9999);
    let y = 0.5 - 0.25 * ((1.0 + sin) / (1.0 - sin)).ln() / std::f64::consts::PI;
    (x, y.clamp(0.0, 1.0))
}

/// Clusters points for display at `zoom`. Cluster order follows first appearance.
pub fn cluster(
    points: impl IntoIterator<Item = (LonLat, ProviderId)>,
    zoom: f64,
    options: &ClusterOptions,
) -> Vec<Cluster> {
    let world_px = options.tile_px * 2f64.powf(zoom);
    let cell = options.radius_px / world_px;
    struct Acc {
        lon: f64,
        lat: f64,
        providers: Vec<ProviderId>,
        bounds: BoundsLonLat,
    }
    let mut cells: HashMap<(i64, i64), usize> = HashMap::new();
    let mut accs: Vec<Acc> = Vec::new();
    for (p, id) in points {
        let (x, y) = mercator(p);
        let key = ((x / cell).floor() as i64, (y / cell).floor() as i64);
        let i = *cells.entry(key).or_insert_with(|| {
            accs.push(Acc {
                lon: 0.0,
                lat: 0.0,
                providers: Vec::new(),
                bounds: BoundsLonLat::from_corners(p, p),
            });
            accs.len() - 1
        });
        let a = &mut accs[i];
        a.lon += p.lon;
        a.lat += p.lat;
        a.providers.push(id);
        a.bounds = BoundsLonLat {
            west: a.bounds.west.min(p.lon),
            south: a.bounds.south.min(p.lat),
            east: a.bounds.east.max(p.lon),
            north: a.bounds.north.max(p.lat),
        };
    }
    // Merge pass: grid cells cut clusters apart at arbitrary lines, leaving badges that
    // overlap. Biggest first, each cluster absorbs the clusters of its 3×3 neighbourhood whose
    // centre lies within `radius_px` of its own (supercluster's rule, on the grid).
    let centre = |a: &Acc| {
        let n = a.providers.len() as f64;
        mercator(LonLat::new(a.lon / n, a.lat / n))
    };
    let keys: Vec<(i64, i64)> = {
        let mut k = vec![(0, 0); accs.len()];
        for (key, i) in &cells {
            k[*i] = *key;
        }
        k
    };
    let mut order: Vec<usize> = (0..accs.len()).collect();
    crate::core::sort::sort_by_key(&mut order, |i| {
        (std::cmp::Reverse(accs[*i].providers.len()), *i)
    });
    let mut merged_into: Vec<Option<usize>> = vec![None; accs.len()];
    for &i in &order {
        if merged_into[i].is_some() {
            continue;
        }
        let (cx, cy) = centre(&accs[i]);
        let (kx, ky) = keys[i];
        for dx in -1..=1 {
            for dy in -1..=1 {
                let Some(&j) = cells.get(&(kx + dx, ky + dy)) else {
                    continue;
                };
                if j == i || merged_into[j].is_some() || merged_into[i].is_some() {
                    continue;
                }
                let (jx, jy) = centre(&accs[j]);
                if ((jx - cx).powi(2) + (jy - cy).powi(2)).sqrt() <= cell {
                    merged_into[j] = Some(i);
                }
            }
        }
    }
    let mut out: Vec<Option<Acc>> = accs.into_iter().map(Some).collect();
    for j in 0..out.len() {
        if let Some(i) = merged_into[j] {
            if let Some(b) = out[j].take() {
                if let Some(a) = out[i].as_mut() {
                    a.lon += b.lon;
                    a.lat += b.lat;
                    a.providers.extend(b.providers);
                    a.bounds = BoundsLonLat {
                        west: a.bounds.west.min(b.bounds.west),
                        south: a.bounds.south.min(b.bounds.south),
                        east: a.bounds.east.max(b.bounds.east),
                        north: a.bounds.north.max(b.bounds.north),
                    };
                }
            }
        }
    }
    out.into_iter()
        .flatten()
        .map(|a| {
            let n = a.providers.len() as f64;
            Cluster {
                lon_lat: LonLat::new(a.lon / n, a.lat / n),
                providers: a.providers,
                bounds: a.bounds,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::synth::Rng;

    #[test]
    fn every_point_in_exactly_one_cluster_of_bounded_size() {
        let mut rng = Rng::new(9);
        let pts: Vec<(LonLat, ProviderId)> = (0..5_000)
            .map(|i| (LonLat::new(rng.range(2.5, 4.4), rng.range(50.7, 51.8)), i))
            .collect();
        for zoom in [6.0, 9.0, 12.0, 16.0] {
            let opts = ClusterOptions::default();
            let cs = cluster(pts.iter().copied(), zoom, &opts);
            let mut seen: Vec<ProviderId> = cs
                .iter()
                .flat_map(|c| c.providers.iter().copied())
                .collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..5_000).collect::<Vec<_>>(), "zoom {zoom}");
            let world = opts.tile_px * 2f64.powf(zoom);
            for c in &cs {
                // All points of a cluster lie within a 3×3 block of cells.
                let (x0, y0) = mercator(LonLat::new(c.bounds.west, c.bounds.north));
                let (x1, y1) = mercator(LonLat::new(c.bounds.east, c.bounds.south));
                assert!(
                    (x1 - x0) * world <= 3.0 * opts.radius_px + 1e-6
                        && (y1 - y0) * world <= 3.0 * opts.radius_px + 1e-6
                );
                assert!(c.bounds.contains(&c.lon_lat));
            }
        }
        // Zooming in never merges: more clusters at higher zoom.
        let n = |z| cluster(pts.iter().copied(), z, &ClusterOptions::default()).len();
        assert!(n(6.0) < n(9.0) && n(9.0) < n(12.0));
        // After merging, no two cluster centres are closer than half a radius.
        let cs = cluster(pts.iter().copied(), 9.0, &ClusterOptions::default());
        let world = 256.0 * 2f64.powf(9.0);
        for (i, a) in cs.iter().enumerate() {
            for b in &cs[i + 1..] {
                let (ax, ay) = mercator(a.lon_lat);
                let (bx, by) = mercator(b.lon_lat);
                let d = ((ax - bx).powi(2) + (ay - by).powi(2)).sqrt() * world;
                assert!(
                    d > 30.0 - 1e-9 || a.providers.len() + b.providers.len() < 2,
                    "{d}"
                );
            }
        }
    }
}
