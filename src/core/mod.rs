//! The pure core: no leptos, no web-sys. Everything here runs and is tested natively.

pub mod borders;
pub mod catalog;
pub mod cluster;
pub mod coverage;
pub mod filter;
pub mod gazetteer;
pub mod geo_util;
pub mod glossary;
pub mod guidance;
pub mod i18n;
pub mod index;
pub mod labels;
pub mod level;
pub mod listing;
pub mod load;
pub mod model;
pub mod occupation;
pub mod ooapi;
pub mod partner;
pub mod problem;
pub mod share;
pub mod shortlist;
pub mod synth;
pub mod text;
pub mod tiles;
pub mod travel;
pub mod url;
pub mod write;

pub use catalog::Catalog;
pub use filter::{Facets, Filter, FilterOutcome, ProviderHit};
pub use geo_util::{BoundsLonLat, LonLat, REGION_BOUNDS, REGION_VIEW};
pub use index::SpatialIndex;
pub use level::{Eqf, NationalLevel, Stage};
pub use load::{
    load_geojson, DatasetMeta, LoadError, LoadOptions, LoadReport, RejectReason, Rejection,
};
pub use model::*;
pub use occupation::{OccupationId, Occupations};
