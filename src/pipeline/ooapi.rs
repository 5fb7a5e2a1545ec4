//! Importer for the Open Education API (OOAPI v5): reads a bundle with [`crate::core::ooapi`]
//! (which the page uses too) and reports what it left out.

use std::path::Path;

pub use crate::core::ooapi::{national_level, sector_of_isced, OOAPI_CONSUMER_KEY};

use super::{read, Imported, PipelineError, Skipped};

/// Imports an OOAPI bundle.
pub fn import(path: &Path) -> Result<Imported, PipelineError> {
    import_text(&read(path)?, path)
}

/// Imports OOAPI bundle text (`path` names it in messages).
pub fn import_text(text: &str, path: &Path) -> Result<Imported, PipelineError> {
    let read = crate::core::ooapi::read_bundle(text).map_err(|message| PipelineError::Json {
        path: path.display().to_string(),
        message,
    })?;
    Ok(Imported {
        features: read.features,
        skipped: read
            .skipped
            .into_iter()
            .map(|s| Skipped {
                at: s.at,
                reason: s.reason,
            })
            .collect(),
        ..Imported::default()
    })
}
