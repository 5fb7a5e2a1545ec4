//! The pure core: no leptos, no web-sys. Everything here runs and is tested natively.
//!
//! Four shelves: [`data`] (the records and how they are read and written), [`geo`] (places,
//! points, the spatial index), [`search`] (filters, lists, occupations, links), [`words`] (the
//! interface's words in three languages); beside them [`sort`], the program's one sort. Each module is also reachable here by its own name
//! (`core::model`, `core::filter`, …), and the names most code needs are re-exported below.

pub mod data;
pub mod geo;
pub mod search;
pub mod sort;
pub mod words;

pub use data::{
    catalog, coverage, level, load, model, ooapi, partner, problem, synth, vocab, write,
};
pub use geo::{borders, cluster, gazetteer, geo_util, index, tiles, travel};
pub use search::{filter, guidance, listing, occupation, share, shortlist, url};
pub use words::{glossary, i18n, labels, text};

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
