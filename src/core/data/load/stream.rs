//! Reading a FeatureCollection as its bytes arrive, so a large file is never held whole in
//! memory: each feature is parsed as soon as its closing brace comes in and its bytes are
//! dropped, and only the top level around the `features` array is kept.
//!
//! Only a well-formed collection is read this way, with exactly the result
//! [`load_geojson`](super::load_geojson) gives for its whole text (its fast path). Anything
//! else (line-delimited features, a syntax error anywhere, a top level that is not a
//! FeatureCollection, text that is not UTF-8) makes the stream give up with
//! [`NotStreamable`]: the caller then reads the whole text with `load_geojson`, whose
//! careful paths report each problem with its line.

use super::{LoadOptions, LoadReport, Loader, TopLevel};

/// The stream met something only the whole-text reader handles (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a well-formed FeatureCollection: read the whole text instead")]
pub struct NotStreamable;

/// Nesting deeper than this inside one feature gives up: serde_json limits the depth of
/// the whole document (128), and a feature sits two levels down in it.
const MAX_FEATURE_DEPTH: u32 = 100;

/// How much of a file with a size hint is read before the record vectors are sized for the
/// whole file: enough features for a steady bytes-per-record estimate.
const SAMPLE_BYTES: usize = 1 << 20;

/// Headroom on that estimate, in percent: features further on may be a little larger.
const ESTIMATE_HEADROOM_PERCENT: usize = 5;

/// A size hint above this is not believed: no page could load such a file in wasm32's 4 GiB,
/// and sizing vectors for it would only grow memory that never shrinks.
const MAX_HINT_BYTES: u64 = 1 << 30;

/// The UTF-8 byte order mark, which the whole-text reader skips.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where the scanner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before the top-level object: a byte order mark (first, as the whole-text reader only
    /// skips it there), then whitespace.
    Start { bom_bytes: usize, spaced: bool },
    /// In the top-level object, outside the features array (before it, or after it when
    /// `after_features`). Its bytes are kept in the skeleton.
    Top(TopScan),
    /// In the features array, between elements.
    Between(Gap),
    /// Inside a feature.
    Feature {
        depth: u32,
        in_string: bool,
        escaped: bool,
    },
    /// Gave up.
    Failed,
}

/// What may come next between the features array's elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Just after `[`: a feature or `]`.
    Open,
    /// After `,`: a feature.
    Comma,
    /// After a feature: `,` or `]`.
    Value,
}

/// The scan of the top level's own members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TopScan {
    /// Nesting depth; 1 is the top-level object itself.
    depth: u32,
    in_string: bool,
    escaped: bool,
    /// Where the string being read started in the skeleton (after its quote).
    string_start: usize,
    /// The last string closed at depth 1, as a range of the skeleton: a key if `:` follows.
    last_string: Option<(usize, usize)>,
    /// True between a `"features"` key's `:` and its value.
    features_next: bool,
    /// True once the features array has been read: a second one is left to the top level's
    /// own parse, which rejects the duplicate.
    after_features: bool,
}

impl TopScan {
    /// Just inside the top-level object, before or after the features array.
    fn inside(after_features: bool) -> Self {
        Self {
            depth: 1,
            in_string: false,
            escaped: false,
            string_start: 0,
            last_string: None,
            features_next: false,
            after_features,
        }
    }
}

/// A FeatureCollection read chunk by chunk: [`push`](Self::push) each chunk as it arrives,
/// then [`finish`](Self::finish).
pub struct FeatureStream<'a> {
    loader: Loader<'a>,
    state: State,
    /// The text outside the features array, with `[]` in its place.
    skeleton: Vec<u8>,
    /// The start of a feature that began in an earlier chunk.
    partial: Vec<u8>,
    /// The index of the next feature in the array.
    index: usize,
    /// The file's size in bytes, when known (the response's `Content-Length`).
    size_hint: Option<usize>,
    /// Bytes read so far.
    bytes_read: usize,
}

fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl<'a> FeatureStream<'a> {
    /// A stream with nothing read yet.
    pub fn new(options: &'a LoadOptions) -> Self {
        Self {
            loader: Loader::new(options),
            state: State::Start {
                bom_bytes: 0,
                spaced: false,
            },
            skeleton: Vec::new(),
            partial: Vec::new(),
            index: 0,
            size_hint: None,
            bytes_read: 0,
        }
    }

    /// Says how many bytes the whole file has. After the first megabyte the record vectors
    /// are sized for the whole file from what that megabyte held, so they are not doubled
    /// (and copied) as they grow: wasm memory only grows, and the last doubling of a million
    /// courses held both the old and the new vector, a third more than the records.
    pub fn with_size_hint(mut self, bytes: Option<u64>) -> Self {
        self.size_hint = bytes
            .filter(|b| *b <= MAX_HINT_BYTES)
            .and_then(|b| usize::try_from(b).ok());
        self
    }

    /// Reads the next bytes of the file (a chunk may end anywhere, even inside a character).
    /// Once it has failed, it stays failed.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), NotStreamable> {
        self.read(chunk)?;
        let before = self.bytes_read;
        self.bytes_read += chunk.len();
        if let Some(total) = self.size_hint {
            if before < SAMPLE_BYTES && self.bytes_read >= SAMPLE_BYTES {
                self.reserve_for(total);
            }
        }
        Ok(())
    }

    /// Sizes the record vectors for `total` bytes from the records read so far.
    fn reserve_for(&mut self, total: usize) {
        let data = &mut self.loader.report.dataset;
        let read = self.bytes_read.max(1) as u128;
        let scale = |n: usize| {
            let estimate = n as u128 * total as u128 * (100 + ESTIMATE_HEADROOM_PERCENT) as u128
                / (read * 100);
            usize::try_from(estimate).unwrap_or(usize::MAX)
        };
        let (courses, providers) = (scale(data.courses.len()), scale(data.providers.len()));
        // A hint too large to reserve is ignored: the vectors then grow as they would have.
        let _ = data
            .courses
            .try_reserve_exact(courses.saturating_sub(data.courses.len()));
        let _ = data
            .providers
            .try_reserve_exact(providers.saturating_sub(data.providers.len()));
    }

    fn read(&mut self, chunk: &[u8]) -> Result<(), NotStreamable> {
        let mut i = 0;
        // Where the feature being read starts in this chunk (it may have started before).
        let mut feature_start = 0;
        while i < chunk.len() {
            let b = chunk[i];
            match &mut self.state {
                State::Failed => return Err(NotStreamable),
                State::Start { bom_bytes, spaced } => {
                    if !*spaced && *bom_bytes < BOM.len() && b == BOM[*bom_bytes] {
                        *bom_bytes += 1;
                    } else if *bom_bytes % BOM.len() != 0 {
                        return self.fail();
                    } else if is_json_space(b) {
                        *spaced = true;
                    } else if b == b'{' {
                        self.skeleton.push(b);
                        self.state = State::Top(TopScan::inside(false));
                    } else {
                        return self.fail();
                    }
                }
                State::Top(scan) => {
                    if scan.features_next && !is_json_space(b) {
                        if b != b'[' {
                            return self.fail();
                        }
                        scan.features_next = false;
                        scan.after_features = true;
                        self.skeleton.extend_from_slice(b"[]");
                        self.state = State::Between(Gap::Open);
                        i += 1;
                        continue;
                    }
                    self.skeleton.push(b);
                    if scan.in_string {
                        if scan.escaped {
                            scan.escaped = false;
                        } else if b == b'\\' {
                            scan.escaped = true;
                        } else if b == b'"' {
                            scan.in_string = false;
                            if scan.depth == 1 {
                                scan.last_string =
                                    Some((scan.string_start, self.skeleton.len() - 1));
                            }
                        }
                    } else {
                        match b {
                            b'"' => {
                                scan.in_string = true;
                                scan.string_start = self.skeleton.len();
                            }
                            b'{' | b'[' => scan.depth += 1,
                            b'}' | b']' => scan.depth = scan.depth.saturating_sub(1),
                            b':' if scan.depth == 1 && !scan.after_features => {
                                if let Some((s, e)) = scan.last_string {
                                    let key = &self.skeleton[s..e];
                                    // An escaped key could spell "features": left to the
                                    // whole-text reader.
                                    if key.contains(&b'\\') {
                                        return self.fail();
                                    }
                                    scan.features_next = key == b"features";
                                }
                            }
                            _ => {}
                        }
                        if !is_json_space(b) && b != b'"' && b != b':' {
                            scan.last_string = None;
                        }
                    }
                }
                State::Between(gap) => {
                    if is_json_space(b) {
                    } else if b == b'{' && matches!(gap, Gap::Open | Gap::Comma) {
                        feature_start = i;
                        self.state = State::Feature {
                            depth: 1,
                            in_string: false,
                            escaped: false,
                        };
                    } else if b == b',' && *gap == Gap::Value {
                        *gap = Gap::Comma;
                    } else if b == b']' && matches!(gap, Gap::Open | Gap::Value) {
                        // Back in the top level, after the array (its `[]` is in the
                        // skeleton already).
                        self.state = State::Top(TopScan::inside(true));
                    } else {
                        return self.fail();
                    }
                }
                State::Feature {
                    depth,
                    in_string,
                    escaped,
                } => {
                    // Most bytes are inside features: scanned in a tight loop over the
                    // chunk with the state in locals, strings skipped to their next quote or
                    // backslash.
                    let (mut d, mut in_str, mut esc) = (*depth, *in_string, *escaped);
                    let mut j = i;
                    let mut closed = false;
                    while j < chunk.len() {
                        if in_str {
                            if esc {
                                esc = false;
                                j += 1;
                                continue;
                            }
                            match chunk[j..].iter().position(|&c| c == b'"' || c == b'\\') {
                                Some(k) => {
                                    j += k;
                                    if chunk[j] == b'"' {
                                        in_str = false;
                                    } else {
                                        esc = true;
                                    }
                                    j += 1;
                                }
                                None => j = chunk.len(),
                            }
                            continue;
                        }
                        match chunk[j] {
                            b'"' => in_str = true,
                            b'{' | b'[' => {
                                d += 1;
                                if d > MAX_FEATURE_DEPTH {
                                    return self.fail();
                                }
                            }
                            b'}' | b']' => {
                                d -= 1;
                                if d == 0 {
                                    closed = true;
                                    break;
                                }
                            }
                            _ => {}
                        }
                        j += 1;
                    }
                    (*depth, *in_string, *escaped) = (d, in_str, esc);
                    if !closed {
                        i = chunk.len();
                        continue;
                    }
                    i = j;
                    let ok = if self.partial.is_empty() {
                        self.feature(&chunk[feature_start..=i])
                    } else {
                        let mut whole = std::mem::take(&mut self.partial);
                        whole.extend_from_slice(&chunk[..=i]);
                        let ok = self.feature(&whole);
                        // Keep the buffer's capacity for the next long feature.
                        whole.clear();
                        self.partial = whole;
                        ok
                    };
                    if !ok {
                        return self.fail();
                    }
                    self.state = State::Between(Gap::Value);
                }
            }
            i += 1;
        }
        match self.state {
            State::Feature { .. } => self.partial.extend_from_slice(&chunk[feature_start..]),
            State::Failed => return Err(NotStreamable),
            _ => {}
        }
        Ok(())
    }

    /// The result once every chunk is in: the same report
    /// [`load_geojson`](super::load_geojson) gives for the whole text.
    pub fn finish(mut self) -> Result<LoadReport, NotStreamable> {
        let done = match self.state {
            State::Top(scan) => scan.after_features && scan.depth == 0,
            _ => false,
        };
        if !done {
            return Err(NotStreamable);
        }
        let text = std::str::from_utf8(&self.skeleton).map_err(|_| NotStreamable)?;
        let top: TopLevel<'_> = serde_json::from_str(text.trim()).map_err(|_| NotStreamable)?;
        if top.kind.as_deref() != Some("FeatureCollection")
            || top.features.as_ref().map(Vec::len) != Some(0)
        {
            return Err(NotStreamable);
        }
        self.loader.report.meta = top.leerkaart.unwrap_or_default();
        Ok(self.loader.finish())
    }

    /// Reads one whole feature as the whole-text reader's fast path does; false when the
    /// whole text would not have taken that path.
    fn feature(&mut self, bytes: &[u8]) -> bool {
        let Ok(raw) = std::str::from_utf8(bytes) else {
            return false;
        };
        if self.loader.raw_feature(self.index, raw).is_err() {
            return false;
        }
        self.index += 1;
        true
    }

    fn fail(&mut self) -> Result<(), NotStreamable> {
        self.state = State::Failed;
        // Nothing read so far will be used.
        self.partial = Vec::new();
        self.skeleton = Vec::new();
        Err(NotStreamable)
    }
}
