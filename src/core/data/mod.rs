//! The records and how they are read and written: the data model and its vocabularies, the
//! levels across the border, the GeoJSON loader, the catalog built on it, importers' readers.

pub mod catalog;
pub mod coverage;
pub mod level;
pub mod load;
pub mod model;
pub mod ooapi;
pub mod partner;
pub mod problem;
pub mod synth;
pub mod vocab;
pub mod write;

pub use catalog::Catalog;
pub use level::{Eqf, NationalLevel, Stage};
pub use load::{load_geojson, LoadError, LoadOptions, LoadReport};
pub use model::*;
