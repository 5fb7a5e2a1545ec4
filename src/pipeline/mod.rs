//! The data pipeline (native only): builds the shipped GeoJSON from human-editable CSV,
//! imports official open-data formats, and validates datasets. Every importer emits features
//! in the format of `data/SCHEMA.md`, so the one loader validates all of them.

pub mod build;
pub mod duo;
pub mod esco;
pub mod export;
pub mod he_campus;
pub mod onderwijs_vlaanderen;
pub mod ooapi;
pub mod partner;
pub mod shortage;
pub mod sources;
pub mod tiles;
pub mod validate;
pub mod web_facts;

use std::io::{IsTerminal, Write};
use std::path::Path;

use serde_json::{json, Value};
use thiserror::Error;

use crate::core::gazetteer::{Gazetteer, Place};

/// A pipeline failure that stops the whole step (bad rows are reported, not fatal).
#[derive(Debug, Error)]
pub enum PipelineError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A CSV file could not be parsed at all.
    #[error("{path}: {message}")]
    Csv {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
    /// A JSON file could not be parsed or has the wrong shape.
    #[error("{path}: {message}")]
    Json {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
    /// The gazetteer is unreadable.
    #[error("gazetteer: {0}")]
    Gazetteer(#[from] crate::core::gazetteer::GazetteerError),
}

/// A row an importer skipped, with where and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// File and row (1-based, header excluded) or record index.
    pub at: String,
    /// Why it was skipped.
    pub reason: String,
}

/// What an importer produced.
#[derive(Debug, Default)]
pub struct Imported {
    /// GeoJSON features in the schema's format.
    pub features: Vec<Value>,
    /// Where to get advice (`data/guidance.geojson`), when the input has such places.
    pub guidance: Vec<Value>,
    /// Rows that could not be turned into a feature.
    pub skipped: Vec<Skipped>,
}

impl Imported {
    /// The FeatureCollection, with a note on where it comes from.
    pub fn collection(&self, name: &str, note: &str, compiled: &str) -> Value {
        json!({
            "type": "FeatureCollection",
            "name": name,
            "leerkaart": { "compiled": compiled, "note": note },
            "features": self.features,
        })
    }
}

/// A CSV file read whole: its header names (trimmed) and its records with the 1-based line
/// each starts on.
pub struct CsvTable {
    /// Header names, trimmed.
    pub headers: Vec<String>,
    /// Records and their lines.
    pub records: Vec<(usize, csv::StringRecord)>,
}

impl CsvTable {
    /// The position of a column the importer cannot do without; the error names the file
    /// and what the file evidently is not (`what`: "the KiesMBO location extract").
    pub fn require(&self, name: &str, path: &str, what: &str) -> Result<usize, PipelineError> {
        self.headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| PipelineError::Csv {
                path: path.to_string(),
                message: format!("no `{name}` column: not {what}"),
            })
    }
}

/// Reads CSV text with the delimiter its header line uses most (`;` from Dutch and Belgian
/// spreadsheets, tab, or `,`); rows may have more or fewer cells than the header.
pub fn csv_table(text: &str, path: &str) -> Result<CsvTable, PipelineError> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let err = |e: csv::Error| PipelineError::Csv {
        path: path.to_string(),
        message: e.to_string(),
    };
    let headers = rdr
        .headers()
        .map_err(err)?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut records = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(err)?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        records.push((line, rec));
    }
    Ok(CsvTable { headers, records })
}

/// Reads a file to a string.
pub fn read(path: &Path) -> Result<String, PipelineError> {
    std::fs::read_to_string(path).map_err(|source| PipelineError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// Loads the gazetteer from a TSV file.
pub fn gazetteer(path: &Path) -> Result<Gazetteer, PipelineError> {
    Ok(Gazetteer::parse(&read(path)?)?)
}

/// Writes `contents` to `path` through a temporary file and a rename, so a failure never
/// leaves a half-written file.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), PipelineError> {
    let err = |source| PipelineError::Io {
        path: path.display().to_string(),
        source,
    };
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
}

/// JSON with one feature per line: a diff shows which providers changed, and the file is
/// about half the size of pretty-printed JSON, which the page parses on every visit. Other
/// members of a FeatureCollection come first, one per line; anything else is pretty-printed.
pub fn to_json(v: &Value) -> String {
    let (Value::Object(obj), Some(Value::Array(features))) = (v, v.get("features")) else {
        let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
        s.push('\n');
        return s;
    };
    let mut s = String::from("{\n");
    for (k, val) in obj.iter().filter(|(k, _)| *k != "features") {
        s.push_str(&format!(
            "{}: {},\n",
            Value::String(k.clone()),
            serde_json::to_string(val).unwrap_or_default()
        ));
    }
    s.push_str("\"features\": [\n");
    let lines: Vec<String> = features
        .iter()
        .map(|f| serde_json::to_string(f).unwrap_or_default())
        .collect();
    s.push_str(&lines.join(",\n"));
    s.push_str("\n]}\n");
    s
}

/// A progress bar on stderr, drawn only when stderr is a terminal and the work is long.
pub struct Progress {
    label: String,
    total: usize,
    done: usize,
    drawn: usize,
    enabled: bool,
}

/// Below this many items a step is "a moment" and gets no bar.
const PROGRESS_MIN_ITEMS: usize = 500;
const PROGRESS_WIDTH: usize = 30;

impl Progress {
    /// A bar for `total` items.
    pub fn new(label: &str, total: usize) -> Self {
        let enabled = total >= PROGRESS_MIN_ITEMS && std::io::stderr().is_terminal();
        Self {
            label: label.to_string(),
            total,
            done: 0,
            drawn: usize::MAX,
            enabled,
        }
    }

    /// One more item done.
    pub fn tick(&mut self) {
        self.done += 1;
        if !self.enabled {
            return;
        }
        let filled = self.done * PROGRESS_WIDTH / self.total.max(1);
        if filled != self.drawn || self.done == self.total {
            self.drawn = filled;
            eprint!(
                "\r{} [{}{}] {}/{}",
                self.label,
                "#".repeat(filled),
                " ".repeat(PROGRESS_WIDTH - filled.min(PROGRESS_WIDTH)),
                self.done,
                self.total
            );
            if self.done == self.total {
                eprintln!();
            }
        }
    }
}

/// Normalises a website as published ("www.school.nl") to an absolute https URL.
pub fn website(raw: &str) -> Option<String> {
    let t = raw.trim();
    if t.is_empty() {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    // Published lists still carry http:// addresses of sites that have long served https;
    // the map links only https, so the scheme is upgraded (the host and path are kept).
    let url = if lower.starts_with("https://") {
        t.to_string()
    } else if lower.starts_with("http://") {
        format!("https://{}", &t["http://".len()..])
    } else {
        format!("https://{t}")
    };
    crate::core::safe_http_url(&url)
}

pub use crate::core::write::{feature, provider_properties, round6};

/// The location source text for a point taken from the gazetteer.
pub fn gazetteer_source(place: &Place) -> String {
    match &place.postcode {
        Some(pc) => format!(
            "Gazetteer: postcode {pc} {} ({}), CC BY 4.0",
            place.name, place.source
        ),
        None => format!(
            "Gazetteer: centre of {} ({}), CC BY 4.0",
            place.name, place.source
        ),
    }
}

/// A lowercase slug for ids: letters and digits, other runs become '-'.
pub fn slug(s: &str) -> String {
    crate::core::text::slug(s)
}
