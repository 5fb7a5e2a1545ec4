//! Places and points: coordinates and distances, the R-tree, marker clustering, tiles, the
//! crossings of the Westerschelde, the gazetteer and the borders.

pub mod borders;
pub mod cluster;
pub mod gazetteer;
pub mod geo_util;
pub mod index;
pub mod tiles;
pub mod travel;

pub use geo_util::{BoundsLonLat, LonLat};
pub use index::SpatialIndex;
