//! Loading and validating GeoJSON: a FeatureCollection of Point features (RFC 7946), or
//! newline-delimited features (one Feature per line, RFC 8142 record separators allowed).
//!
//! Loading never stops at a bad feature: each one is rejected with its position, id and the
//! reason, and the rest load. Only input that is not GeoJSON at all is an error
//! ([`LoadError`]). The file format is described in `data/SCHEMA.md`.

use std::collections::HashSet;
use std::sync::Arc;

use serde::Deserialize;
use serde_json::{Map, Value};
use thiserror::Error;

use crate::core::geo_util::{BoundsLonLat, LonLat, REGION_BOUNDS};
use crate::core::level::{Eqf, NationalLevel, Stage};
use crate::core::model::*;
pub use crate::core::problem::{JsonKind, JsonProblem, Problem, TopLevelProblem};
pub use stream::{FeatureStream, NotStreamable};

mod stream;

/// Options for [`load_geojson`].
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Points outside this box are rejected. Default: [`REGION_BOUNDS`], the Euregio
    /// Scheldemond with a margin.
    pub region: BoundsLonLat,
    /// The region's borders: a feature without `country` (or `province`) gets them from the
    /// side of the border its point lies on (reported). Default: none, such a feature is
    /// rejected.
    pub borders: Option<std::sync::Arc<crate::core::borders::Borders>>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            region: REGION_BOUNDS,
            borders: None,
        }
    }
}

/// The input as a whole could not be read as GeoJSON.
#[derive(Debug, Error, PartialEq)]
pub enum LoadError {
    /// The text is not JSON.
    #[error("the file is not valid JSON (line {line}, column {column}): {problem}")]
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What is wrong there.
        problem: JsonProblem,
    },
    /// The text is JSON but not a GeoJSON FeatureCollection or Feature.
    #[error("the file is JSON but not a GeoJSON FeatureCollection: {0}")]
    NotGeoJson(TopLevelProblem),
    /// The input is empty.
    #[error("the file is empty")]
    Empty,
}

/// Why a feature, a course or a field was rejected.
#[derive(Debug, Clone, Error, PartialEq)]
pub enum RejectReason {
    /// The line or array element is not valid JSON (line-delimited input only).
    #[error("not valid JSON: {0}")]
    Syntax(JsonProblem),
    /// The element is not a GeoJSON Feature.
    #[error("not a GeoJSON Feature: {0}")]
    NotAFeature(Problem),
    /// The feature has no geometry.
    #[error("missing coordinates (no geometry)")]
    MissingCoordinates,
    /// The geometry is not a Point.
    #[error("geometry is a {0}, expected a Point")]
    NotAPoint(String),
    /// Coordinates are not finite, out of WGS84 range, or fewer than two.
    #[error("invalid coordinates: {0}")]
    InvalidCoordinates(Problem),
    /// The point is outside the region.
    #[error("coordinates [{lon}, {lat}] are outside the region{}", if *swapped { " (they look like latitude and longitude swapped: GeoJSON puts longitude first)" } else { "" })]
    OutsideRegion {
        /// Longitude given.
        lon: f64,
        /// Latitude given.
        lat: f64,
        /// Whether swapping the axes would put the point inside the region.
        swapped: bool,
    },
    /// A required field is missing or empty.
    #[error("missing required field `{0}`")]
    MissingField(&'static str),
    /// A field has the wrong JSON type or shape.
    #[error("invalid `{field}`: {problem}")]
    InvalidField {
        /// Field name.
        field: &'static str,
        /// What is wrong.
        problem: Problem,
    },
    /// A value that is not in the field's vocabulary.
    #[error("unknown {field} `{value}`")]
    UnknownValue {
        /// Field name (sector, level, learning form, ...).
        field: &'static str,
        /// The value found.
        value: String,
    },
    /// The province is not in the provider's country.
    #[error("province {province} is not in country {country}")]
    ProvinceNotInCountry {
        /// Province code.
        province: String,
        /// Country code.
        country: String,
    },
    /// A national level from the other country.
    #[error("level `{level}` does not exist in {country}")]
    LevelNotInCountry {
        /// National level code.
        level: String,
        /// Provider's country.
        country: String,
    },
    /// The EQF level does not match the national level.
    #[error("EQF {eqf} does not match level `{level}` (EQF {lo}–{hi})")]
    EqfMismatch {
        /// EQF given.
        eqf: u8,
        /// National level code.
        level: String,
        /// Lowest EQF of that level.
        lo: u8,
        /// Highest EQF of that level.
        hi: u8,
    },
    /// An EQF level given for a stage that leads to no qualification.
    #[error("level `{level}` leads to no qualification, so it has no EQF level (found EQF {eqf})")]
    EqfWithoutQualification {
        /// EQF given.
        eqf: u8,
        /// National level code.
        level: String,
    },
    /// A common name accepted for a code (a note, the feature is kept).
    #[error("{field} `{from}` read as `{to}`")]
    Alias {
        /// Field name.
        field: &'static str,
        /// The value found (empty when missing).
        from: String,
        /// The code used.
        to: String,
    },
    /// The id was already used by an earlier feature or course.
    #[error("duplicate id `{0}` (the first one is kept)")]
    DuplicateId(String),
    /// A link that is not http(s); it is dropped and the text kept.
    #[error("`{field}` is not an http(s) link and was removed: {url}")]
    UnsafeUrl {
        /// Field name.
        field: &'static str,
        /// The rejected value (shown as text, never as a link).
        url: String,
    },
}

/// What a rejection applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectedPart {
    /// The whole feature (provider) was skipped.
    Feature,
    /// One course (by its index in the feature's `courses`) was skipped.
    Course(usize),
    /// One field was dropped; the feature was kept.
    Field,
}

/// One rejected feature, course or field, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    /// 0-based position of the feature in the collection (or among the lines).
    pub feature_index: usize,
    /// 1-based line, for line-delimited input.
    pub line: Option<usize>,
    /// The feature's id, if it had one.
    pub feature_id: Option<String>,
    /// What was rejected.
    pub part: RejectedPart,
    /// Why.
    pub reason: RejectReason,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "feature #{}", self.feature_index)?;
        if let Some(line) = self.line {
            write!(f, " (line {line})")?;
        }
        if let Some(id) = &self.feature_id {
            write!(f, " `{id}`")?;
        }
        match self.part {
            RejectedPart::Feature => write!(f, ": {}", self.reason),
            RejectedPart::Course(i) => write!(f, ", course #{i}: {}", self.reason),
            RejectedPart::Field => write!(f, ": {}", self.reason),
        }
    }
}

/// What a dataset says about itself (the FeatureCollection's `leerkaart` member).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct DatasetMeta {
    /// When the dataset was compiled (ISO date).
    pub compiled: Option<String>,
    /// A note on what it holds.
    pub note: Option<String>,
}

/// A dataset older than this many days gets a notice on the page: programmes and start dates
/// change every school year.
pub const STALE_AFTER_DAYS: i64 = 400;

/// Days from 1970-01-01 of an ISO date `YYYY-MM-DD`; `None` when it is not one.
pub fn days_from_iso(date: &str) -> Option<i64> {
    let mut it = date.trim().get(..10)?.split('-');
    let (y, m, d): (i64, i64, i64) = (
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
        it.next()?.parse().ok()?,
    );
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The ISO date `YYYY-MM-DD` of a day counted from 1970-01-01 (the inverse of
/// [`days_from_iso`]).
pub fn iso_from_days(days: i64) -> String {
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

impl DatasetMeta {
    /// True when the dataset says it was compiled more than [`STALE_AFTER_DAYS`] before
    /// `today_days` (days since 1970-01-01), or claims a date in the future.
    pub fn is_stale(&self, today_days: i64) -> bool {
        match self.compiled.as_deref().and_then(days_from_iso) {
            Some(d) => today_days - d > STALE_AFTER_DAYS || d > today_days + 1,
            None => false,
        }
    }
}

/// The result of loading: every valid provider and course, and every rejection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadReport {
    /// What the dataset says about itself, if anything.
    pub meta: DatasetMeta,
    /// What loaded.
    pub dataset: Dataset,
    /// What did not, in input order.
    pub rejections: Vec<Rejection>,
}

impl LoadReport {
    /// Number of whole features skipped.
    pub fn rejected_features(&self) -> usize {
        self.rejections
            .iter()
            .filter(|r| r.part == RejectedPart::Feature)
            .count()
    }
}

/// A file's bytes as text, decoded as a browser's `response.text()` does: UTF-8, a leading
/// byte order mark dropped, each invalid sequence replaced by U+FFFD.
pub fn text_of(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

/// Loads a dataset from GeoJSON text, validating every feature. See the module docs.
pub fn load_geojson(text: &str, options: &LoadOptions) -> Result<LoadReport, LoadError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(LoadError::Empty);
    }
    let mut loader = Loader::new(options);
    // Fast path for a well-formed collection: features stay borrowed slices of the text and
    // are parsed one at a time, so memory peaks at the text plus one feature, not at a JSON
    // tree of the whole file (5–10× the text).
    if let Ok(top) = serde_json::from_str::<TopLevel<'_>>(trimmed) {
        if top.kind.as_deref() == Some("FeatureCollection") {
            if let Some(features) = top.features {
                loader.report.meta = top.leerkaart.unwrap_or_default();
                for (i, raw) in features.iter().enumerate() {
                    if let Err(e) = loader.raw_feature(i, raw.get()) {
                        loader.reject(
                            i,
                            Some(line_of(trimmed, offset_in(trimmed, raw.get()))),
                            None,
                            RejectedPart::Feature,
                            RejectReason::Syntax(JsonProblem::of(&e)),
                        );
                    }
                }
                return Ok(loader.finish());
            }
        }
    }
    match serde_json::from_str::<Value>(trimmed) {
        Ok(Value::Object(mut obj)) => match obj.get("type").and_then(Value::as_str) {
            Some("FeatureCollection") => {
                let Some(Value::Array(features)) = obj.remove("features") else {
                    return Err(LoadError::NotGeoJson(TopLevelProblem::NoFeatures));
                };
                if let Some(m) = obj
                    .get("leerkaart")
                    .and_then(|m| serde_json::from_value(m.clone()).ok())
                {
                    loader.report.meta = m;
                }
                for (i, f) in features.into_iter().enumerate() {
                    loader.feature(i, None, f);
                }
            }
            Some("Feature") => loader.feature(0, None, Value::Object(obj)),
            Some(other) => {
                return Err(LoadError::NotGeoJson(TopLevelProblem::OtherType(
                    other.chars().take(MAX_ECHO_CHARS).collect(),
                )))
            }
            None => return Err(LoadError::NotGeoJson(TopLevelProblem::NoType)),
        },
        Ok(_) => return Err(LoadError::NotGeoJson(TopLevelProblem::NotAnObject)),
        Err(whole) => {
            if let Some(elements) = split_feature_array(trimmed) {
                // A FeatureCollection with a broken feature (bad syntax, a number out of
                // range, nesting too deep): read the features one by one, so only the broken
                // one is lost, reported with its line.
                for (i, (start, end)) in elements.into_iter().enumerate() {
                    let line = line_of(trimmed, start);
                    match serde_json::from_str::<Value>(&trimmed[start..end]) {
                        Ok(v) => loader.feature(i, Some(line), v),
                        Err(e) => loader.reject(
                            i,
                            Some(line),
                            None,
                            RejectedPart::Feature,
                            RejectReason::Syntax(JsonProblem::of(&e)),
                        ),
                    }
                }
                return Ok(loader.finish());
            }
            if !looks_line_delimited(trimmed) {
                return Err(LoadError::Syntax {
                    line: whole.line(),
                    column: whole.column(),
                    problem: JsonProblem::of(&whole),
                });
            }
            let mut index = 0;
            for (n, raw) in trimmed.lines().enumerate() {
                let line = raw.trim().trim_start_matches('\u{1e}').trim();
                if line.is_empty() {
                    continue;
                }
                match serde_json::from_str::<Value>(line) {
                    Ok(v) => loader.feature(index, Some(n + 1), v),
                    Err(e) => loader.reject(
                        index,
                        Some(n + 1),
                        None,
                        RejectedPart::Feature,
                        RejectReason::Syntax(JsonProblem::of(&e)),
                    ),
                }
                index += 1;
            }
        }
    }
    Ok(loader.finish())
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn staleness() {
        assert_eq!(days_from_iso("1970-01-01"), Some(0));
        assert_eq!(days_from_iso("2026-11-23"), Some(20_780));
        assert_eq!(days_from_iso("2026-13-01"), None);
        assert_eq!(days_from_iso("gisteren"), None);
        let meta = |d: &str| DatasetMeta {
            compiled: Some(d.into()),
            note: None,
        };
        let today = days_from_iso("2026-11-23").unwrap();
        assert!(!meta("2026-11-23").is_stale(today));
        assert!(!meta("2025-11-01").is_stale(today));
        assert!(meta("2024-09-01").is_stale(today));
        assert!(
            meta("2030-01-01").is_stale(today),
            "a date in the future is suspect too"
        );
        assert!(!DatasetMeta::default().is_stale(today));
    }

    #[test]
    fn days_and_dates_round_trip() {
        for days in (-1_000..30_000).step_by(7) {
            assert_eq!(days_from_iso(&iso_from_days(days)), Some(days));
        }
        assert_eq!(iso_from_days(0), "1970-01-01");
        assert_eq!(
            iso_from_days(days_from_iso("2028-03-01").unwrap() - 1),
            "2028-02-29"
        );
    }
}

/// A text is taken as line-delimited when its first non-empty line is a JSON object on its
/// own, so a pretty-printed FeatureCollection with one typo is still reported as a syntax
/// error at its line rather than as hundreds of bad lines.
fn looks_line_delimited(text: &str) -> bool {
    let mut lines = text
        .lines()
        .map(|l| l.trim().trim_start_matches('\u{1e}').trim())
        .filter(|l| !l.is_empty());
    match (lines.next(), lines.next()) {
        (Some(first), Some(_)) => {
            matches!(serde_json::from_str::<Value>(first), Ok(Value::Object(_)))
        }
        _ => false,
    }
}

/// The top level of a FeatureCollection, with its features left unparsed.
#[derive(Deserialize)]
struct TopLevel<'a> {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(borrow)]
    features: Option<Vec<&'a serde_json::value::RawValue>>,
    leerkaart: Option<DatasetMeta>,
}

/// Byte offset of `part` within `whole` (it is a sub-slice of it).
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(whole.as_ptr() as usize)
        .min(whole.len())
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Finds the elements of the top-level `"features"` array of a text that does not parse as
/// a whole, by scanning brackets and strings: byte ranges of each element. `None` when the
/// text does not have that shape (then the syntax error is reported for the whole file).
/// The array must be closed, so a truncated file is still one error.
fn split_feature_array(text: &str) -> Option<Vec<(usize, usize)>> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut string_start = 0;
    let mut last_key: Option<(usize, usize)> = None;
    let mut array_depth = None;
    let mut elements = Vec::new();
    let mut element_start: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                if depth == 1 && array_depth.is_none() {
                    last_key = Some((string_start, i));
                }
            }
            continue;
        }
        let inside_array = array_depth.is_some_and(|d| depth == d);
        match b {
            b'"' => {
                in_string = true;
                string_start = i + 1;
                if inside_array && element_start.is_none() {
                    element_start = Some(i);
                }
            }
            b'{' | b'[' => {
                if inside_array && element_start.is_none() {
                    element_start = Some(i);
                }
                depth += 1;
                if b == b'['
                    && depth == 2
                    && array_depth.is_none()
                    && last_key.is_some_and(|(s, e)| &text[s..e] == "features")
                {
                    array_depth = Some(depth);
                }
            }
            b'}' | b']' => {
                if array_depth == Some(depth) && b == b']' {
                    if let Some(s) = element_start.take() {
                        elements.push((s, i));
                    }
                    return Some(elements);
                }
                depth = depth.checked_sub(1)?;
            }
            b',' if inside_array => {
                if let Some(s) = element_start.take() {
                    elements.push((s, i));
                }
            }
            c if inside_array && !c.is_ascii_whitespace() && element_start.is_none() => {
                element_start = Some(i)
            }
            _ => {}
        }
    }
    None
}

/// How a course's level may be written: `{"eqf": 4, "national": "nl_mbo_4"}` or just the
/// national code when it has one EQF level.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawLevel {
    Code(String),
    Full {
        eqf: Option<u8>,
        national: Option<String>,
    },
}

/// A provider's properties; `C` is how its courses are held: parsed `Value`s on the careful
/// path, unparsed slices of the text on the fast one.
#[derive(Deserialize)]
#[serde(bound(deserialize = "C: Deserialize<'de>"))]
struct RawProvider<C> {
    id: Option<Value>,
    name: Option<String>,
    kind: Option<String>,
    #[serde(default)]
    address: Address,
    country: Option<String>,
    province: Option<String>,
    municipality: Option<String>,
    website: Option<String>,
    location_precision: Option<String>,
    location_source: Option<String>,
    source: Option<Source>,
    #[serde(default)]
    sources: Vec<Source>,
    offer: Option<String>,
    #[serde(default = "Vec::new")]
    courses: Vec<C>,
    #[serde(default)]
    fields: Vec<RawField>,
}

/// A field a provider teaches, as written in the data.
#[derive(Deserialize)]
struct RawField {
    name: Option<String>,
    sector: Option<String>,
}

/// A feature as the fast path reads it in one pass: properties and courses stay slices of
/// the text until their own typed parse.
#[derive(Deserialize)]
struct FastFeature<'a> {
    #[serde(rename = "type")]
    kind: Option<Value>,
    id: Option<Value>,
    geometry: Option<Value>,
    properties: Option<RawProvider<RawCourse>>,
    /// Ties the lifetime to the text (strings are still copied out of it).
    #[serde(skip)]
    _text: std::marker::PhantomData<&'a str>,
}

/// A feature read by the fast path, ready for the checks; `None` from [`fast_parse`] sends
/// the feature down the careful path, whose messages say exactly what is wrong.
struct Parsed {
    id: Option<String>,
    geometry: Option<Value>,
    provider: RawProvider<RawCourse>,
}

/// Reads a well-formed feature in one typed pass (no JSON tree of it): about twice as fast as
/// the careful path on a large file. Anything unusual (a wrong type anywhere, a duplicate
/// key, no name) returns `None` and the careful path reads it instead.
fn fast_parse(raw: &str) -> Option<Parsed> {
    let f: FastFeature<'_> = serde_json::from_str(raw).ok()?;
    if f.kind.as_ref().and_then(Value::as_str) != Some("Feature") {
        return None;
    }
    // Without a name the feature is rejected anyway (empty properties too): the careful
    // path says exactly why.
    let provider = f.properties.filter(|p| p.name.is_some())?;
    let id =
        f.id.as_ref()
            .and_then(id_string)
            .or_else(|| provider.id.as_ref().and_then(id_string));
    Some(Parsed {
        id,
        geometry: f.geometry,
        provider,
    })
}

/// True for a school year written "2019-2020" (consecutive years).
fn is_school_year(y: &str) -> bool {
    match y.split_once('-') {
        Some((a, b)) => match (a.parse::<u16>(), b.parse::<u16>()) {
            (Ok(a), Ok(b)) => (1900..=2100).contains(&a) && b == a + 1,
            _ => false,
        },
        None => false,
    }
}

#[derive(Deserialize)]
struct RawCourse {
    id: Option<Value>,
    name: Option<String>,
    sector: Option<String>,
    isced_f: Option<String>,
    level: Option<RawLevel>,
    #[serde(default)]
    learning_forms: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    target_groups: Vec<String>,
    duration: Option<String>,
    #[serde(default)]
    intake_months: Vec<u8>,
    #[serde(default)]
    funding: Vec<String>,
    website: Option<String>,
    source: Option<Source>,
    award: Option<String>,
    #[serde(default)]
    occupations: Vec<String>,
    stage: Option<String>,
    graad: Option<u8>,
    onderwijsvorm: Option<String>,
    finaliteit: Option<String>,
    leerweg: Option<String>,
    croho: Option<String>,
    enrolment: Option<Enrolment>,
    credits_ects: Option<u16>,
    #[serde(default)]
    numerus_fixus: bool,
    #[serde(default)]
    start_dates: Vec<String>,
    #[serde(default)]
    exam_years: Vec<String>,
}

struct Loader<'a> {
    options: &'a LoadOptions,
    report: LoadReport,
    provider_keys: HashSet<String>,
    course_keys: HashSet<String>,
    /// Each distinct source once: records share it.
    sources: HashSet<Arc<Source>>,
    /// Each distinct repeated text (names, durations, codes) once.
    texts: HashSet<Text>,
    /// Each distinct list of texts (languages, occupations) once.
    lists: HashSet<Arc<[Text]>>,
}

/// Where the feature being read is, for rejections.
struct At<'a> {
    index: usize,
    line: Option<usize>,
    id: Option<&'a str>,
}

fn id_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Longest text accepted in a field, in characters: longer is not a name but an attack or an
/// accident, and would wreck the layout.
pub const MAX_TEXT_CHARS: usize = 1_000;
/// How much of a value from the file a message repeats (a `type` found, for instance).
pub const MAX_ECHO_CHARS: usize = 60;

/// The kind of a JSON value, for "expected a list, found text".
fn kind_of(v: &Value) -> JsonKind {
    match v {
        Value::Null => JsonKind::Null,
        Value::Bool(_) => JsonKind::Bool,
        Value::Number(_) => JsonKind::Number,
        Value::String(_) => JsonKind::Text,
        Value::Array(_) => JsonKind::List,
        Value::Object(_) => JsonKind::Object,
    }
}

/// Characters that are invisible or reorder text (zero-width, bidi overrides and isolates,
/// byte-order marks): dropped, so a name cannot hide or disguise what it says.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// Trims, turns control characters into spaces and drops invisible ones.
pub(crate) fn clean(s: &str) -> String {
    // Nearly every value is clean already: one scan, one copy.
    if !s.chars().any(|c| invisible(c) || c.is_control()) {
        return s.trim().to_string();
    }
    s.chars()
        .filter(|c| !invisible(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| {
        // An already clean value is kept as it is, without a copy.
        if s.len() == s.trim().len() && !s.chars().any(|c| invisible(c) || c.is_control()) {
            s
        } else {
            clean(&s)
        }
    })
    .filter(|s| !s.is_empty())
}

/// A required text field: present, cleaned, not absurdly long.
fn required_text(s: Option<String>, field: &'static str) -> Result<String, RejectReason> {
    let t = non_empty(s).ok_or(RejectReason::MissingField(field))?;
    check_len(&t, field)?;
    Ok(t)
}

fn check_len(t: &str, field: &'static str) -> Result<(), RejectReason> {
    let n = t.chars().count();
    if n > MAX_TEXT_CHARS {
        return Err(RejectReason::InvalidField {
            field,
            problem: Problem::TooLong {
                chars: n,
                max: MAX_TEXT_CHARS,
            },
        });
    }
    Ok(())
}

fn clean_address(a: Address) -> Result<Address, RejectReason> {
    let a = Address {
        street: non_empty(a.street),
        postcode: non_empty(a.postcode),
        locality: non_empty(a.locality),
    };
    for (v, f) in [
        (&a.street, "address.street"),
        (&a.postcode, "address.postcode"),
        (&a.locality, "address.locality"),
    ] {
        if let Some(v) = v {
            check_len(v, f)?;
        }
    }
    Ok(a)
}

impl<'a> Loader<'a> {
    fn new(options: &'a LoadOptions) -> Self {
        Self {
            options,
            report: LoadReport::default(),
            provider_keys: HashSet::new(),
            course_keys: HashSet::new(),
            sources: HashSet::new(),
            texts: HashSet::new(),
            lists: HashSet::new(),
        }
    }

    fn finish(self) -> LoadReport {
        self.report
    }

    /// The shared copy of a text.
    fn text(&mut self, s: String) -> Text {
        if let Some(t) = self.texts.get(s.as_str()) {
            return t.clone();
        }
        let t = Text::from(s);
        self.texts.insert(t.clone());
        t
    }

    /// The shared copy of a list of texts.
    fn list(&mut self, items: Vec<Text>) -> Arc<[Text]> {
        if let Some(l) = self.lists.get(items.as_slice()) {
            return l.clone();
        }
        let l: Arc<[Text]> = items.into();
        self.lists.insert(l.clone());
        l
    }

    fn reject(
        &mut self,
        index: usize,
        line: Option<usize>,
        id: Option<&str>,
        part: RejectedPart,
        reason: RejectReason,
    ) {
        self.report.rejections.push(Rejection {
            feature_index: index,
            line,
            feature_id: id.map(str::to_string),
            part,
            reason,
        });
    }

    /// Takes the feature by value: its properties move into the typed records, never copied.
    fn feature(&mut self, index: usize, line: Option<usize>, value: Value) {
        let Value::Object(mut obj) = value else {
            return self.reject(
                index,
                line,
                None,
                RejectedPart::Feature,
                RejectReason::NotAFeature(Problem::NotAnObject),
            );
        };
        let props = match obj.remove("properties") {
            Some(Value::Object(p)) => p,
            _ => Map::new(),
        };
        let id = obj
            .get("id")
            .and_then(id_string)
            .or_else(|| props.get("id").and_then(id_string));
        let at = At {
            index,
            line,
            id: id.as_deref(),
        };
        if let Err(reason) = self.provider(&at, &obj, props) {
            self.reject(index, line, id.as_deref(), RejectedPart::Feature, reason);
        }
    }

    /// One feature's text, read in one typed pass when it is well-formed (see
    /// [`fast_parse`]), else through a JSON tree; the JSON error when it is not JSON.
    fn raw_feature(&mut self, index: usize, raw: &str) -> Result<(), serde_json::Error> {
        match fast_parse(raw) {
            Some(parsed) => self.parsed(index, None, parsed),
            None => self.feature(index, None, serde_json::from_str::<Value>(raw)?),
        }
        Ok(())
    }

    /// A feature the fast path read (see [`fast_parse`]).
    fn parsed(&mut self, index: usize, line: Option<usize>, parsed: Parsed) {
        let at = At {
            index,
            line,
            id: parsed.id.as_deref(),
        };
        let result = self
            .point(parsed.geometry.as_ref())
            .and_then(|lon_lat| self.checked_provider(&at, lon_lat, parsed.provider, Ok));
        if let Err(reason) = result {
            self.reject(
                index,
                line,
                parsed.id.as_deref(),
                RejectedPart::Feature,
                reason,
            );
        }
    }

    fn provider(
        &mut self,
        at: &At<'_>,
        obj: &Map<String, Value>,
        props: Map<String, Value>,
    ) -> Result<(), RejectReason> {
        let kind = obj.get("type").and_then(Value::as_str);
        if kind != Some("Feature") {
            return Err(RejectReason::NotAFeature(Problem::TypeIs {
                expected: "Feature",
                found: kind.map(|k| k.chars().take(MAX_ECHO_CHARS).collect()),
            }));
        }
        let lon_lat = self.point(obj.get("geometry"))?;
        if props.is_empty() {
            return Err(RejectReason::MissingField("properties"));
        }
        let raw: RawProvider<Value> =
            serde_json::from_value(Value::Object(props)).map_err(|e| {
                RejectReason::InvalidField {
                    field: "properties",
                    problem: Problem::of(&e),
                }
            })?;
        // A bad course loses only itself, with the reason its JSON gives.
        self.checked_provider(at, lon_lat, raw, |v: Value| {
            RawCourse::deserialize(&v).map_err(|e| RejectReason::InvalidField {
                field: "course",
                problem: Problem::of(&e),
            })
        })
    }

    /// Checks a provider's properties and adds it with its courses; `read_course` turns a
    /// course as held into a [`RawCourse`] (or the reason it cannot be one).
    fn checked_provider<C>(
        &mut self,
        at: &At<'_>,
        lon_lat: LonLat,
        raw: RawProvider<C>,
        read_course: impl Fn(C) -> Result<RawCourse, RejectReason>,
    ) -> Result<(), RejectReason> {
        let key = at
            .id
            .map(str::to_string)
            .or_else(|| raw.id.as_ref().and_then(id_string))
            .unwrap_or_else(|| format!("feature-{}", at.index));
        let name = required_text(raw.name, "name")?;
        // Partner files write places and kinds as people do: accept the common names (with a
        // note per feature, so the file can be corrected), reject the rest.
        let mut raw_country = self.alias(raw.country, "country", country_alias, at);
        let mut raw_province = self.alias(raw.province, "province", province_alias, at);
        // A partner's file may leave out the country or province: the side of the border the
        // point lies on gives them (each noted, so the file can be completed).
        if let Some(borders) = self.options.borders.clone() {
            if non_empty(raw_province.clone()).is_none() {
                if let Some(p) = borders.province_at(lon_lat) {
                    self.note_alias(at, "province", String::new(), p.code());
                    raw_province = Some(p.code().to_string());
                }
            }
            if non_empty(raw_country.clone()).is_none() {
                let c = raw_province
                    .as_deref()
                    .and_then(Province::from_code)
                    .map(Province::country)
                    .or_else(|| borders.country_at(lon_lat));
                if let Some(c) = c {
                    self.note_alias(at, "country", String::new(), c.code());
                    raw_country = Some(c.code().to_string());
                }
            }
        }
        let country = vocab(raw_country, "country", Country::from_code)?;
        let province = vocab(raw_province, "province", Province::from_code)?;
        if province.country() != country {
            return Err(RejectReason::ProvinceNotInCountry {
                province: province.code().into(),
                country: country.code().into(),
            });
        }
        let kind = match non_empty(raw.kind) {
            Some(k) => vocab(Some(k), "kind", InstitutionKind::from_code)?,
            None => {
                self.note_alias(at, "kind", String::new(), InstitutionKind::Other.code());
                InstitutionKind::Other
            }
        };
        // Without it the point is still shown, said to be of unknown precision.
        let location_precision = match non_empty(raw.location_precision) {
            None => {
                self.note_alias(
                    at,
                    "location_precision",
                    String::new(),
                    LocationPrecision::NotStated.code(),
                );
                LocationPrecision::NotStated
            }
            some => vocab(some, "location_precision", LocationPrecision::from_code)?,
        };
        let source = self.source(raw.source, at, RejectedPart::Field)?;
        let municipality = required_text(raw.municipality, "municipality")?;
        let address = clean_address(raw.address)?;
        if self.provider_keys.contains(&key) {
            return Err(RejectReason::DuplicateId(key));
        }
        let website = self.url(raw.website, "website", at, RejectedPart::Field);
        let offer_listed = match non_empty(raw.offer).as_deref() {
            None | Some("listed") => true,
            Some("not_listed") => false,
            Some(other) => {
                return Err(RejectReason::UnknownValue {
                    field: "offer",
                    value: other.to_string(),
                })
            }
        };
        let mut other_sources = Vec::with_capacity(raw.sources.len());
        for s in raw.sources {
            // A bad extra source loses only itself (reported); the main one is required.
            if let Ok(s) = self.source(Some(s), at, RejectedPart::Field) {
                if s != source && !other_sources.contains(&s) {
                    other_sources.push(s);
                }
            }
        }

        let mut fields = Vec::with_capacity(raw.fields.len());
        for f in raw.fields {
            // A bad field loses only itself, reported.
            let field = required_text(f.name, "fields.name").and_then(|name| {
                check_len(&name, "fields.name")?;
                Ok(ProviderField {
                    name,
                    sector: vocab(f.sector, "fields.sector", Sector::from_code)?,
                })
            });
            match field {
                Ok(f) => fields.push(f),
                Err(reason) => self.reject(at.index, at.line, at.id, RejectedPart::Field, reason),
            }
        }

        let provider_id = self.report.dataset.providers.len() as ProviderId;
        let first_course = self.report.dataset.courses.len() as CourseId;
        for (ci, course) in raw.courses.into_iter().enumerate() {
            let course = read_course(course)
                .and_then(|c| self.course(at, ci, provider_id, country, &source, c));
            match course {
                Ok(c) => self.report.dataset.courses.push(c),
                Err(reason) => {
                    self.reject(at.index, at.line, at.id, RejectedPart::Course(ci), reason)
                }
            }
        }
        let last_course = self.report.dataset.courses.len() as CourseId;
        self.provider_keys.insert(key.clone());
        self.report.dataset.providers.push(Provider {
            key,
            name,
            kind,
            address,
            country,
            province,
            municipality,
            website,
            lon_lat,
            location_precision,
            location_source: non_empty(raw.location_source),
            source,
            other_sources,
            offer_listed,
            courses: first_course..last_course,
            fields,
            preview: false,
        });
        Ok(())
    }

    fn point(&self, geometry: Option<&Value>) -> Result<LonLat, RejectReason> {
        let geometry = match geometry {
            None | Some(Value::Null) => return Err(RejectReason::MissingCoordinates),
            Some(g) => g,
        };
        let kind = geometry
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("geometry without type");
        if kind != "Point" {
            return Err(RejectReason::NotAPoint(kind.to_string()));
        }
        let coords = match geometry.get("coordinates") {
            None | Some(Value::Null) => return Err(RejectReason::MissingCoordinates),
            Some(Value::Array(a)) => a,
            Some(_) => {
                return Err(RejectReason::InvalidCoordinates(Problem::WrongKind {
                    expected: JsonKind::List,
                    found: kind_of(&geometry["coordinates"]),
                }))
            }
        };
        // Parsed through the geojson crate so its notion of a Point is the one we accept.
        let parsed: geojson::Geometry = serde_json::from_value(geometry.clone())
            .map_err(|e| RejectReason::InvalidCoordinates(Problem::of(&e)))?;
        let geojson::GeometryValue::Point { coordinates } = parsed.value else {
            return Err(RejectReason::NotAPoint(kind.to_string()));
        };
        let axes = coordinates.as_slice();
        if axes.len() < 2 || coords.len() < 2 {
            return Err(RejectReason::InvalidCoordinates(Problem::TooFewNumbers(
                axes.len(),
            )));
        }
        let p = LonLat::new(axes[0], axes[1]);
        if !p.is_valid() {
            return Err(RejectReason::InvalidCoordinates(Problem::NotWgs84 {
                lon: axes[0],
                lat: axes[1],
            }));
        }
        let region = &self.options.region;
        if !region.contains(&p) {
            let swapped = region.contains(&LonLat::new(p.lat, p.lon));
            return Err(RejectReason::OutsideRegion {
                lon: p.lon,
                lat: p.lat,
                swapped,
            });
        }
        Ok(p)
    }

    fn source(
        &mut self,
        raw: Option<Source>,
        at: &At<'_>,
        part: RejectedPart,
    ) -> Result<Arc<Source>, RejectReason> {
        let mut s = raw.ok_or(RejectReason::MissingField("source"))?;
        s.name = clean(&s.name);
        check_len(&s.name, "source.name")?;
        if s.name.is_empty() {
            return Err(RejectReason::MissingField("source.name"));
        }
        s.url = self.url(s.url.take(), "source.url", at, part);
        Ok(match self.sources.get(&s) {
            Some(shared) => shared.clone(),
            None => {
                let shared = Arc::new(s);
                self.sources.insert(shared.clone());
                shared
            }
        })
    }

    /// Reports that a field's value was read as `to` (`from` empty: the field was missing).
    fn note_alias(&mut self, at: &At<'_>, field: &'static str, from: String, to: &str) {
        self.reject(
            at.index,
            at.line,
            at.id,
            RejectedPart::Field,
            RejectReason::Alias {
                field,
                from,
                to: to.into(),
            },
        );
    }

    /// Replaces a common name of a value by its code (reported), or keeps the value.
    fn alias(
        &mut self,
        raw: Option<String>,
        field: &'static str,
        lookup: fn(&str) -> Option<&'static str>,
        at: &At<'_>,
    ) -> Option<String> {
        let v = non_empty(raw)?;
        match lookup(&v) {
            Some(code) if code != v => {
                self.note_alias(at, field, v, code);
                Some(code.to_string())
            }
            _ => Some(v),
        }
    }

    /// Keeps a link only if it is http(s); otherwise reports it and drops it.
    fn url(
        &mut self,
        raw: Option<String>,
        field: &'static str,
        at: &At<'_>,
        part: RejectedPart,
    ) -> Option<String> {
        let raw = non_empty(raw)?;
        match safe_http_url(&raw) {
            Some(u) => Some(u),
            None => {
                let part = if part == RejectedPart::Feature {
                    RejectedPart::Field
                } else {
                    part
                };
                self.reject(
                    at.index,
                    at.line,
                    at.id,
                    part,
                    RejectReason::UnsafeUrl { field, url: raw },
                );
                None
            }
        }
    }

    fn course(
        &mut self,
        at: &At<'_>,
        course_index: usize,
        provider: ProviderId,
        country: Country,
        provider_source: &Arc<Source>,
        raw: RawCourse,
    ) -> Result<Course, RejectReason> {
        let name = required_text(raw.name, "name")?;
        let sector = vocab(raw.sector, "sector", Sector::from_code)?;
        if let Some(d) = &raw.duration {
            check_len(d, "duration")?;
        }
        let level = level(raw.level, country)?;
        let learning_forms =
            vocab_list(raw.learning_forms, "learning form", LearningForm::from_code)?;
        if learning_forms.is_empty() {
            return Err(RejectReason::MissingField("learning_forms"));
        }
        let target_groups = vocab_list(raw.target_groups, "target group", TargetGroup::from_code)?;
        let funding = vocab_list(raw.funding, "funding", Funding::from_code)?;
        if let Some(m) = raw.intake_months.iter().find(|m| !(1..=12).contains(*m)) {
            return Err(RejectReason::InvalidField {
                field: "intake_months",
                problem: Problem::NotAMonth(i64::from(*m)),
            });
        }
        let key = raw.id.as_ref().and_then(id_string);
        if let Some(k) = &key {
            if self.course_keys.contains(k) {
                return Err(RejectReason::DuplicateId(k.clone()));
            }
        }
        let part = RejectedPart::Course(course_index);
        let source = match raw.source {
            Some(s) => self.source(Some(s), at, part)?,
            None => provider_source.clone(),
        };
        let website = self.url(raw.website, "website", at, part);
        let award = match non_empty(raw.award) {
            Some(a) => Some(Award::from_code(&a).ok_or(RejectReason::UnknownValue {
                field: "award",
                value: a,
            })?),
            None => None,
        };
        let mut occupations = Vec::with_capacity(raw.occupations.len());
        for o in raw.occupations {
            let o = o.trim().to_string();
            if crate::core::occupation::valid_reference(&o) {
                if !occupations.contains(&o) {
                    occupations.push(o);
                }
            } else {
                // One bad occupation key loses only itself.
                self.reject(
                    at.index,
                    at.line,
                    at.id,
                    RejectedPart::Field,
                    RejectReason::UnknownValue {
                        field: "occupations",
                        value: o,
                    },
                );
            }
        }
        if let Some(k) = &key {
            self.course_keys.insert(k.clone());
        }
        // Checked to be months above.
        let intake_months: Months = raw.intake_months.into_iter().collect();
        let stage = match non_empty(raw.stage) {
            Some(code) => Stage::from_code(&code).ok_or(RejectReason::UnknownValue {
                field: "stage",
                value: code,
            })?,
            None => level.national.stage(),
        };
        let short =
            |v: Option<String>, field: &'static str| -> Result<Option<String>, RejectReason> {
                let v = non_empty(v.map(|t| clean(&t)));
                if let Some(t) = &v {
                    check_len(t, field)?;
                }
                Ok(v)
            };
        let details = CourseDetails {
            graad: raw.graad.filter(|g| (1..=3).contains(g)),
            onderwijsvorm: short(raw.onderwijsvorm, "onderwijsvorm")?,
            finaliteit: short(raw.finaliteit, "finaliteit")?,
            leerweg: short(raw.leerweg, "leerweg")?,
            croho: short(raw.croho, "croho")?,
            enrolment: raw.enrolment,
            credits_ects: raw.credits_ects,
            numerus_fixus: raw.numerus_fixus,
            start_dates: raw
                .start_dates
                .into_iter()
                .filter(|d| days_from_iso(d).is_some())
                .collect(),
            exam_years: raw
                .exam_years
                .into_iter()
                .filter(|y| is_school_year(y))
                .collect(),
        };
        let details = (details != CourseDetails::default()).then(|| Box::new(details));
        let languages = raw
            .languages
            .into_iter()
            .map(|l| self.text(l.trim().to_ascii_lowercase()))
            .collect();
        let languages = self.list(languages);
        let occupations = occupations.into_iter().map(|o| self.text(o)).collect();
        let occupations = self.list(occupations);
        let name = self.text(name);
        let isced_f = non_empty(raw.isced_f).map(|t| self.text(t));
        let duration = non_empty(raw.duration).map(|t| self.text(t));
        let website = website.map(|t| self.text(t));
        Ok(Course {
            key: key.map(Text::from),
            provider,
            name,
            sector,
            isced_f,
            level,
            learning_forms,
            languages,
            target_groups,
            duration,
            intake_months,
            funding,
            website,
            source,
            award,
            occupations,
            stage,
            details,
        })
    }
}

/// Country names in Dutch, French and English and ISO alpha-3 codes → the ISO alpha-2 code.
fn country_alias(v: &str) -> Option<&'static str> {
    match crate::core::text::fold(v).as_str() {
        "nl" | "nld" | "nederland" | "netherlands" | "the netherlands" | "pays-bas" => Some("NL"),
        "be" | "bel" | "belgie" | "belgium" | "belgique" => Some("BE"),
        _ => None,
    }
}

/// Province names in Dutch, French and English, with or without the country prefix.
fn province_alias(v: &str) -> Option<&'static str> {
    match crate::core::text::fold(v).as_str() {
        "nl-ze" | "ze" | "zeeland" | "zelande" => Some("NL-ZE"),
        "be-vov" | "vov" | "oost-vlaanderen" | "oost vlaanderen" | "flandre-orientale"
        | "flandre orientale" | "east flanders" => Some("BE-VOV"),
        "be-vwv"
        | "vwv"
        | "west-vlaanderen"
        | "west vlaanderen"
        | "flandre-occidentale"
        | "flandre occidentale"
        | "west flanders" => Some("BE-VWV"),
        _ => None,
    }
}

fn vocab<T>(
    raw: Option<String>,
    field: &'static str,
    parse: fn(&str) -> Option<T>,
) -> Result<T, RejectReason> {
    let raw = non_empty(raw).ok_or(RejectReason::MissingField(field))?;
    parse(&raw).ok_or(RejectReason::UnknownValue { field, value: raw })
}

fn vocab_list<T: Vocabulary>(
    raw: Vec<String>,
    field: &'static str,
    parse: fn(&str) -> Option<T>,
) -> Result<Set<T>, RejectReason> {
    raw.into_iter()
        .map(|v| parse(v.trim()).ok_or(RejectReason::UnknownValue { field, value: v }))
        .collect()
}

fn level(raw: Option<RawLevel>, country: Country) -> Result<CourseLevel, RejectReason> {
    let (eqf, national) = match raw.ok_or(RejectReason::MissingField("level"))? {
        RawLevel::Code(code) => (None, code),
        RawLevel::Full { eqf, national } => (
            eqf,
            national.ok_or(RejectReason::MissingField("level.national"))?,
        ),
    };
    let level = NationalLevel::from_code(national.trim()).ok_or(RejectReason::UnknownValue {
        field: "level",
        value: national.clone(),
    })?;
    if level.country() != country {
        return Err(RejectReason::LevelNotInCountry {
            level: national,
            country: country.code().into(),
        });
    }
    let eqf = match (eqf, level.eqf_range()) {
        (Some(n), None) => {
            return Err(RejectReason::EqfWithoutQualification {
                eqf: n,
                level: national,
            })
        }
        (None, None) => None,
        (Some(n), Some((lo, hi))) => {
            let e = Eqf::new(n).ok_or(RejectReason::UnknownValue {
                field: "EQF level",
                value: n.to_string(),
            })?;
            if !level.allows(e) {
                return Err(RejectReason::EqfMismatch {
                    eqf: n,
                    level: national,
                    lo,
                    hi,
                });
            }
            Some(e)
        }
        (None, Some(_)) => Some(
            level
                .fixed_eqf()
                .ok_or(RejectReason::MissingField("level.eqf"))?,
        ),
    };
    Ok(CourseLevel {
        eqf,
        national: level,
    })
}
