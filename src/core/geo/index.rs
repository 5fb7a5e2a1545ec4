//! The spatial index: an rstar R-tree over provider points. It holds `(point, id)` pairs and
//! every query returns ids; distances are great-circle, in km.

use rstar::primitives::GeomWithData;
use rstar::{RTree, AABB};

use crate::core::geo_util::{BoundsLonLat, LonLat};
use crate::core::model::ProviderId;

/// A point in tree coordinates with its id and exact longitude (unscaling would round).
type Entry = GeomWithData<[f64; 2], (ProviderId, f64)>;

/// Longitudes are stored multiplied by the cosine of the region's mid latitude (51.2°N), so
/// that planar distances in the tree are close to distances on the ground here. Bounding boxes
/// stay exact (the scaling is monotone); k-nearest gets a much tighter first estimate.
const LON_SCALE: f64 = 0.626_604_7;

fn key(p: LonLat) -> [f64; 2] {
    [p.lon * LON_SCALE, p.lat]
}

fn lon_lat(e: &Entry) -> LonLat {
    LonLat::new(e.data.1, e.geom()[1])
}

/// An R-tree of provider points (longitude, latitude in degrees).
#[derive(Debug, Clone, Default)]
pub struct SpatialIndex {
    tree: RTree<Entry>,
}

/// A query hit with its distance from the query point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nearby {
    /// The provider.
    pub id: ProviderId,
    /// Great-circle distance from the query point, km.
    pub distance_km: f64,
}

impl SpatialIndex {
    /// Bulk-loads the index from `(position, id)` pairs.
    pub fn new(points: impl IntoIterator<Item = (LonLat, ProviderId)>) -> Self {
        let entries = points
            .into_iter()
            .map(|(p, id)| GeomWithData::new(key(p), (id, p.lon)))
            .collect();
        Self {
            tree: RTree::bulk_load(entries),
        }
    }

    /// Number of points.
    pub fn len(&self) -> usize {
        self.tree.size()
    }

    /// True when the index holds no point.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Ids of the points inside `bounds` (edges included), in no particular order.
    pub fn in_bounds(&self, bounds: &BoundsLonLat) -> Vec<ProviderId> {
        let env = AABB::from_corners(
            key(LonLat::new(bounds.west, bounds.south)),
            key(LonLat::new(bounds.east, bounds.north)),
        );
        self.tree
            .locate_in_envelope(&env)
            .map(|e| e.data.0)
            .collect()
    }

    /// Points within `radius_km` of `center` (great-circle), nearest first; ties by id.
    pub fn within_radius_km(&self, center: LonLat, radius_km: f64) -> Vec<Nearby> {
        if radius_km.is_nan() || radius_km < 0.0 {
            return Vec::new();
        }
        let b = BoundsLonLat::around(center, radius_km);
        let env = AABB::from_corners(
            key(LonLat::new(b.west, b.south)),
            key(LonLat::new(b.east, b.north)),
        );
        let mut hits: Vec<Nearby> = self
            .tree
            .locate_in_envelope(&env)
            .filter_map(|e| {
                let d = center.distance_km(&lon_lat(e));
                (d <= radius_km).then_some(Nearby {
                    id: e.data.0,
                    distance_km: d,
                })
            })
            .collect();
        sort_nearby(&mut hits);
        hits
    }

    /// The `k` points nearest to `center` by great-circle distance, nearest first; ties by id.
    pub fn nearest_k(&self, center: LonLat, k: usize) -> Vec<Nearby> {
        if k == 0 || self.is_empty() {
            return Vec::new();
        }
        // The R-tree ranks by planar distance in degrees, which is not great-circle order. But
        // the k planar-nearest points are k points within their farthest great-circle
        // distance `r`, so the true k nearest all lie within `r`: one exact radius query
        // finishes the job.
        let r = self
            .tree
            .nearest_neighbor_iter(&key(center))
            .take(k)
            .map(|e| center.distance_km(&lon_lat(e)))
            .fold(0.0_f64, f64::max);
        let mut hits = self.within_radius_km(center, r * (1.0 + 1e-12) + 1e-9);
        hits.truncate(k);
        hits
    }
}

fn sort_nearby(hits: &mut [Nearby]) {
    crate::core::sort::sort_by(hits, |a, b| {
        a.distance_km
            .total_cmp(&b.distance_km)
            .then(a.id.cmp(&b.id))
    });
}
