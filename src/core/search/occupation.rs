//! The occupations courses lead to, and whether each is a shortage occupation, per country,
//! region and year, with the source that says so.
//!
//! The vocabulary is data (`data/occupations.tsv`, `data/shortage.tsv`), embedded in the app
//! and replaceable: `leerkaart-data import vdab-knelpuntberoepen | uwv-spanning` refreshes the
//! shortage rows from the official lists each year. A course leads to an occupation when its
//! data says so (`occupations` in the course, "stated"), or else when its name contains one of
//! the occupation's course terms at a word start and its EQF level is in the occupation's range
//! ("derived": shown as such in the interface).

use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::core::i18n::Lang;
use crate::core::level::Eqf;
use crate::core::model::{vocabulary, Country, Course};
use crate::core::text::fold;

/// Index of an occupation in [`Occupations`].
pub type OccupationId = u16;

/// The vocabulary shipped with the app.
pub const BUILTIN_OCCUPATIONS_TSV: &str = include_str!("../../../data/occupations.tsv");
/// The shortage statuses shipped with the app.
pub const BUILTIN_SHORTAGE_TSV: &str = include_str!("../../../data/shortage.tsv");

/// Shortest query [`Occupations::search`] answers: one letter matches half the vocabulary.
pub const MIN_QUERY_CHARS: usize = 2;
/// Earliest and latest plausible year of a shortage list (a typo guard, not a policy).
pub const YEARS: std::ops::RangeInclusive<u16> = 1990..=2100;

vocabulary! {
    /// The published list a shortage status comes from.
    ShortageList {
        /// VDAB's yearly list of bottleneck occupations (knelpuntberoepen), Flanders.
        Vdab = "vdab_knelpuntberoepen",
        /// UWV's labour-market tension figures (spanningsindicator, moeilijk vervulbare
        /// vacatures), the Netherlands.
        Uwv = "uwv",
    }
}

vocabulary! {
    /// How the list describes the occupation.
    ShortageLevel {
        /// On the VDAB list of bottleneck occupations.
        Bottleneck = "bottleneck",
        /// UWV: very tight (zeer krap).
        VeryTight = "very_tight",
        /// UWV: tight (krap).
        Tight = "tight",
        /// UWV: hard-to-fill vacancies (moeilijk vervulbaar).
        HardToFill = "hard_to_fill",
    }
}

/// One occupation.
#[derive(Debug, Clone, PartialEq)]
pub struct Occupation {
    /// Stable id, used in data files and URLs.
    pub key: String,
    /// ISCO-08 unit group (four digits), the project's mapping.
    pub isco08: Option<String>,
    /// ESCO concept URI, where checked.
    pub esco_uri: Option<String>,
    /// Labels in Dutch, English and French (indexed like [`Lang::ALL`]).
    pub labels: [String; 3],
    /// EQF levels in which a course name match counts as a derived link.
    pub eqf_range: std::ops::RangeInclusive<u8>,
    /// Folded words that, at a word start in a course name, make a derived link.
    pub course_terms: Vec<String>,
    /// Extra search words, any language.
    pub synonyms: Vec<String>,
    /// ESCO's own preferred labels (Dutch, English, French; French may be empty), where
    /// `esco_uri` is set.
    pub esco_labels: Option<[String; 3]>,
}

impl Occupation {
    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &self.labels[i]
    }
}

/// One published statement that an occupation is short of workers.
#[derive(Debug, Clone, PartialEq)]
pub struct ShortageStatus {
    /// The occupation.
    pub occupation: OccupationId,
    /// Country of the list.
    pub country: Country,
    /// Region the statement is about ("Vlaanderen", "Zeeland", "Nederland").
    pub region: String,
    /// Year of the list.
    pub year: u16,
    /// Which list.
    pub list: ShortageList,
    /// What the list says.
    pub level: ShortageLevel,
    /// Who says so, and where the project read it.
    pub source_name: String,
    /// The publication (https).
    pub source_url: String,
    /// What exactly the publication says, briefly.
    pub note: Option<String>,
}

/// How a course came to be linked to an occupation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkBasis {
    /// The course's data names the occupation.
    Stated,
    /// Derived from the course name and level.
    Derived,
}

/// A problem in an occupations or shortage file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OccupationError {
    /// A row that cannot be read.
    #[error("{file}, line {line}: {message}")]
    Row {
        /// Which file.
        file: &'static str,
        /// 1-based line.
        line: usize,
        /// Why.
        message: String,
    },
    /// The header lacks a column.
    #[error("{file}: no column `{column}` in the header")]
    MissingColumn {
        /// Which file.
        file: &'static str,
        /// The column.
        column: &'static str,
    },
}

/// The vocabulary of occupations with their shortage statuses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Occupations {
    list: Vec<Occupation>,
    shortage: Vec<ShortageStatus>,
    /// Every searchable name, folded, with its occupation.
    names: Vec<(OccupationId, String)>,
    /// Course terms by their first character, for deriving links in one pass over a name.
    terms: std::collections::HashMap<char, Vec<(String, OccupationId)>>,
}

/// A tab-separated table: header names and data rows with their 1-based line numbers.
struct Table<'a> {
    file: &'static str,
    header: Vec<&'a str>,
    rows: Vec<(usize, Vec<&'a str>)>,
}

impl<'a> Table<'a> {
    fn parse(file: &'static str, text: &'a str) -> Self {
        let mut header = None;
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
            if header.is_none() {
                header = Some(cells);
            } else {
                rows.push((i + 1, cells));
            }
        }
        Self {
            file,
            header: header.unwrap_or_default(),
            rows,
        }
    }

    fn column(&self, name: &'static str) -> Result<usize, OccupationError> {
        self.header
            .iter()
            .position(|h| *h == name)
            .ok_or(OccupationError::MissingColumn {
                file: self.file,
                column: name,
            })
    }

    fn error(&self, line: usize, message: String) -> OccupationError {
        OccupationError::Row {
            file: self.file,
            line,
            message,
        }
    }
}

fn cell<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or("")
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn split_list(s: &str) -> Vec<String> {
    s.split('|')
        .map(|t| fold(t.trim()))
        .filter(|t| !t.is_empty())
        .collect()
}

/// True when `needle` occurs in `hay` where a word starts (both folded).
pub fn at_word_start(hay: &str, needle: &str) -> bool {
    !needle.is_empty()
        && hay.match_indices(needle).any(|(i, _)| {
            hay[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
}

fn parse_range(s: &str) -> Option<std::ops::RangeInclusive<u8>> {
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let (a, b): (u8, u8) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    let valid = |x: u8| Eqf::new(x).is_some();
    (valid(a) && valid(b) && a <= b).then_some(a..=b)
}

/// How every ESCO occupation URI begins.
pub const ESCO_OCCUPATION_PREFIX: &str = "http://data.europa.eu/esco/occupation/";

/// True for an ESCO occupation URI: the prefix and a UUID.
pub fn is_esco_uri(s: &str) -> bool {
    s.strip_prefix(ESCO_OCCUPATION_PREFIX)
        .is_some_and(|id| id.len() == 36 && id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-'))
}

/// True for what a course may name an occupation by: a key of the vocabulary or an ESCO
/// occupation URI.
pub fn valid_reference(s: &str) -> bool {
    valid_key(s) || is_esco_uri(s)
}

/// True for an occupation key: lower-case ASCII letters, digits and dashes.
pub fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 80
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Occupations {
    /// Reads the two tab-separated files (formats in `data/SCHEMA.md`).
    pub fn parse(occupations_tsv: &str, shortage_tsv: &str) -> Result<Self, OccupationError> {
        let t = Table::parse("occupations", occupations_tsv);
        let cols = [
            "key",
            "isco08",
            "esco_uri",
            "label_nl",
            "label_en",
            "label_fr",
            "levels",
            "course_terms",
            "synonyms",
        ];
        let mut at = [0usize; 9];
        for (slot, name) in at.iter_mut().zip(cols) {
            *slot = t.column(name)?;
        }
        // Written by `leerkaart-data import esco`; absent from older files.
        let esco_cols: Vec<Option<usize>> = ["esco_label_nl", "esco_label_en", "esco_label_fr"]
            .iter()
            .map(|n| t.column(n).ok())
            .collect();
        let mut list: Vec<Occupation> = Vec::new();
        for (line, row) in &t.rows {
            let get = |k: usize| cell(row, at[k]);
            let key = get(0);
            if !valid_key(key) {
                return Err(t.error(*line, format!("`{key}` is not a key (a-z, 0-9, -)")));
            }
            if list.iter().any(|o| o.key == key) {
                return Err(t.error(*line, format!("duplicate key `{key}`")));
            }
            let isco = get(1);
            let four_digits = isco.len() == 4 && isco.bytes().all(|b| b.is_ascii_digit());
            if !isco.is_empty() && !four_digits {
                return Err(t.error(*line, format!("ISCO-08 `{isco}` is not four digits")));
            }
            let esco = get(2);
            if !esco.is_empty() && !is_esco_uri(esco) {
                return Err(t.error(*line, format!("`{esco}` is not an ESCO occupation URI")));
            }
            let labels = [get(3), get(4), get(5)].map(str::to_string);
            if let Some(i) = labels.iter().position(String::is_empty) {
                return Err(t.error(*line, format!("no {} label", Lang::ALL[i].code())));
            }
            let eqf_range = parse_range(get(6)).ok_or_else(|| {
                t.error(
                    *line,
                    format!("levels `{}` is not an EQF range like 3-5", get(6)),
                )
            })?;
            let esco_labels = [0, 1, 2].map(|i| {
                esco_cols[i]
                    .map(|c| cell(row, c).to_string())
                    .unwrap_or_default()
            });
            let esco_labels =
                (!esco.is_empty() && !esco_labels[0].is_empty()).then_some(esco_labels);
            list.push(Occupation {
                key: key.to_string(),
                isco08: non_empty(isco),
                esco_uri: non_empty(esco),
                labels,
                eqf_range,
                course_terms: split_list(get(7)),
                synonyms: split_list(get(8)),
                esco_labels,
            });
        }
        if list.len() > usize::from(OccupationId::MAX) {
            return Err(t.error(0, "too many occupations".into()));
        }
        let mut out = Self {
            list,
            shortage: Vec::new(),
            names: Vec::new(),
            terms: Default::default(),
        };
        out.shortage = out.parse_shortage(shortage_tsv)?;
        out.index_names();
        Ok(out)
    }

    /// Reads shortage rows against this vocabulary.
    pub fn parse_shortage(
        &self,
        shortage_tsv: &str,
    ) -> Result<Vec<ShortageStatus>, OccupationError> {
        let t = Table::parse("shortage", shortage_tsv);
        if t.header.is_empty() {
            return Ok(Vec::new());
        }
        let cols = [
            "occupation",
            "country",
            "region",
            "year",
            "list",
            "level",
            "source_name",
            "source_url",
            "note",
        ];
        let mut at = [0usize; 9];
        for (slot, name) in at.iter_mut().zip(cols) {
            *slot = t.column(name)?;
        }
        let mut out = Vec::new();
        for (line, row) in &t.rows {
            let get = |k: usize| cell(row, at[k]);
            let occupation = self
                .by_key(get(0))
                .ok_or_else(|| t.error(*line, format!("unknown occupation `{}`", get(0))))?;
            let country = Country::from_code(get(1))
                .ok_or_else(|| t.error(*line, format!("unknown country `{}`", get(1))))?;
            let year: u16 = get(3)
                .parse()
                .ok()
                .filter(|y| YEARS.contains(y))
                .ok_or_else(|| t.error(*line, format!("`{}` is not a year", get(3))))?;
            let list = ShortageList::from_code(get(4))
                .ok_or_else(|| t.error(*line, format!("unknown list `{}`", get(4))))?;
            let level = ShortageLevel::from_code(get(5))
                .ok_or_else(|| t.error(*line, format!("unknown level `{}`", get(5))))?;
            if get(6).is_empty() {
                return Err(t.error(*line, "no source_name".into()));
            }
            let url = get(7);
            if !url.starts_with("https://") || url.chars().any(char::is_whitespace) {
                return Err(t.error(*line, format!("source_url `{url}` is not an https address")));
            }
            out.push(ShortageStatus {
                occupation,
                country,
                region: get(2).to_string(),
                year,
                list,
                level,
                source_name: get(6).to_string(),
                source_url: url.to_string(),
                note: non_empty(get(8)),
            });
        }
        Ok(out)
    }

    fn index_names(&mut self) {
        self.terms.clear();
        for (i, o) in self.list.iter().enumerate() {
            for t in &o.course_terms {
                if let Some(first) = t.chars().next() {
                    self.terms
                        .entry(first)
                        .or_default()
                        .push((t.clone(), i as OccupationId));
                }
            }
        }
        self.names.clear();
        for (i, o) in self.list.iter().enumerate() {
            let id = i as OccupationId;
            let mut push = |name: String| {
                if !name.is_empty() && !self.names.iter().any(|(j, n)| *j == id && *n == name) {
                    self.names.push((id, name));
                }
            };
            for label in &o.labels {
                // "Zorgkundige / verzorgende-IG": each alternative is a name of its own.
                for part in label.split(" / ") {
                    push(fold(part.trim()));
                }
                push(fold(label));
            }
            // ESCO's official labels are names people search by too.
            for label in o.esco_labels.iter().flatten() {
                push(fold(label));
            }
            for s in &o.synonyms {
                push(s.clone());
            }
            push(o.key.replace('-', " "));
        }
    }

    /// The vocabulary and statuses shipped with the app (`data/*.tsv`, checked by tests).
    pub fn builtin() -> &'static Occupations {
        Self::shipped()
    }

    /// The shipped vocabulary as a shared pointer: every catalog (one per loaded tile set)
    /// points to the same copy.
    pub fn builtin_shared() -> Arc<Occupations> {
        Self::shipped().clone()
    }

    fn shipped() -> &'static Arc<Occupations> {
        static SHIPPED: OnceLock<Arc<Occupations>> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            Arc::new(
                Occupations::parse(BUILTIN_OCCUPATIONS_TSV, BUILTIN_SHORTAGE_TSV)
                    .unwrap_or_else(|e| panic!("shipped occupation data is invalid: {e}")),
            )
        })
    }

    /// Number of occupations.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// All occupations, by id.
    pub fn all(&self) -> &[Occupation] {
        &self.list
    }

    /// One occupation.
    pub fn get(&self, id: OccupationId) -> Option<&Occupation> {
        self.list.get(usize::from(id))
    }

    /// The occupation with this key.
    pub fn by_key(&self, key: &str) -> Option<OccupationId> {
        self.list
            .iter()
            .position(|o| o.key == key)
            .map(|i| i as OccupationId)
    }

    /// The occupation a course's data names, by key or by ESCO URI.
    pub fn resolve(&self, reference: &str) -> Option<OccupationId> {
        if is_esco_uri(reference) {
            self.list
                .iter()
                .position(|o| o.esco_uri.as_deref() == Some(reference))
                .map(|i| i as OccupationId)
        } else {
            self.by_key(reference)
        }
    }

    /// Every shortage status.
    pub fn shortage(&self) -> &[ShortageStatus] {
        &self.shortage
    }

    /// The most recent status per country (and list) for an occupation, newest first.
    pub fn latest(&self, id: OccupationId) -> Vec<&ShortageStatus> {
        let mut best: Vec<&ShortageStatus> = Vec::new();
        for s in self.shortage.iter().filter(|s| s.occupation == id) {
            match best
                .iter_mut()
                .find(|b| b.country == s.country && b.list == s.list)
            {
                Some(b) if b.year < s.year => *b = s,
                Some(_) => {}
                None => best.push(s),
            }
        }
        crate::core::sort::sort_by(&mut best, |a, b| {
            b.year.cmp(&a.year).then(a.country.cmp(&b.country))
        });
        best
    }

    /// Over several occupations, the year of the newest listing in each country, by country.
    pub fn newest_listing_by_country(&self, ids: &[OccupationId]) -> Vec<(Country, u16)> {
        let mut newest: Vec<(Country, u16)> = Vec::new();
        for s in self.shortage.iter().filter(|s| ids.contains(&s.occupation)) {
            match newest.iter_mut().find(|(c, _)| *c == s.country) {
                Some((_, y)) => *y = (*y).max(s.year),
                None => newest.push((s.country, s.year)),
            }
        }
        crate::core::sort::sort(&mut newest);
        newest
    }

    /// True when some list names the occupation as short of workers.
    pub fn is_shortage(&self, id: OccupationId) -> bool {
        self.shortage.iter().any(|s| s.occupation == id)
    }

    /// Replaces the statuses of one list and year (an importer's refresh), keeping the rest.
    pub fn replace_statuses(&mut self, list: ShortageList, year: u16, new: Vec<ShortageStatus>) {
        self.shortage
            .retain(|s| !(s.list == list && s.year == year));
        self.shortage.extend(new);
        crate::core::sort::sort_by(&mut self.shortage, |a, b| {
            (a.country, b.year, a.occupation).cmp(&(b.country, a.year, b.occupation))
        });
    }

    /// The statuses as `data/shortage.tsv` text (header included, comments not).
    pub fn shortage_tsv(&self) -> String {
        let mut out = String::from(
            "occupation\tcountry\tregion\tyear\tlist\tlevel\tsource_name\tsource_url\tnote\n",
        );
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        for s in &self.shortage {
            let key = self.get(s.occupation).map_or("", |o| o.key.as_str());
            out.push_str(&format!(
                "{key}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                s.country.code(),
                clean(&s.region),
                s.year,
                s.list.code(),
                s.level.code(),
                clean(&s.source_name),
                clean(&s.source_url),
                clean(s.note.as_deref().unwrap_or("")),
            ));
        }
        out
    }

    /// The occupation one of whose names (a label, one part of a label, a synonym) is exactly
    /// `name`, case and accents ignored; where two share it, the first by Dutch label, as
    /// [`Self::search`] ranks them.
    pub fn by_name(&self, name: &str) -> Option<OccupationId> {
        let name = fold(name.trim());
        self.names
            .iter()
            .filter(|(_, n)| *n == name)
            .map(|(id, _)| *id)
            .min_by_key(|id| (fold(&self.list[usize::from(*id)].labels[0]), *id))
    }

    /// Occupations whose name (in any language, or a synonym) matches `query`, best first:
    /// an exact name, then a name starting with the query, then the query at a word start,
    /// then anywhere; ties by Dutch label. At most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<OccupationId> {
        let q = fold(query.trim());
        if q.chars().count() < MIN_QUERY_CHARS {
            return Vec::new();
        }
        let mut best: Vec<(u8, OccupationId)> = Vec::new();
        for (id, name) in &self.names {
            let rank = if *name == q {
                0
            } else if name.starts_with(&q) {
                1
            } else if at_word_start(name, &q) {
                2
            } else if name.contains(&q) {
                3
            } else {
                continue;
            };
            match best.iter_mut().find(|(_, i)| i == id) {
                Some(b) => b.0 = b.0.min(rank),
                None => best.push((rank, *id)),
            }
        }
        crate::core::sort::sort_by(&mut best, |a, b| {
            a.0.cmp(&b.0).then_with(|| {
                fold(&self.list[a.1 as usize].labels[0])
                    .cmp(&fold(&self.list[b.1 as usize].labels[0]))
            })
        });
        best.into_iter().take(limit).map(|(_, id)| id).collect()
    }

    /// Occupations a (folded) course name at an EQF level leads to by the course terms: a
    /// term must start where a word starts. One pass over the name's word starts, looking
    /// only at the terms that begin with that letter.
    pub fn derive(&self, course_name_folded: &str, eqf: Option<Eqf>) -> Vec<OccupationId> {
        let mut out: Vec<OccupationId> = Vec::new();
        // A stage with no qualification of its own leads to no occupation yet.
        let Some(eqf) = eqf else {
            return out;
        };
        let mut prev_alnum = false;
        for (i, ch) in course_name_folded.char_indices() {
            let word_start = !prev_alnum;
            prev_alnum = ch.is_alphanumeric();
            if !word_start {
                continue;
            }
            let Some(terms) = self.terms.get(&ch) else {
                continue;
            };
            for (term, id) in terms {
                if !out.contains(id)
                    && self.list[usize::from(*id)].eqf_range.contains(&eqf.get())
                    && course_name_folded[i..].starts_with(term.as_str())
                {
                    out.push(*id);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The occupations a course leads to: those its data states (unknown keys skipped; the
    /// validator reports them), else those derived from its name and level.
    pub fn links(&self, course: &Course) -> (Vec<OccupationId>, LinkBasis) {
        if !course.occupations.is_empty() {
            let stated = course
                .occupations
                .iter()
                .filter_map(|k| self.resolve(k))
                .collect();
            return (stated, LinkBasis::Stated);
        }
        (
            self.derive(&fold(&course.name), course.level.eqf),
            LinkBasis::Derived,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> &'static Occupations {
        Occupations::builtin()
    }

    fn key(id: OccupationId) -> &'static str {
        &builtin().all()[id as usize].key
    }

    #[test]
    fn builtin_data_parses_and_every_status_has_a_source() {
        let o = builtin();
        assert!(o.len() >= 20);
        assert!(!o.shortage().is_empty());
        for s in o.shortage() {
            assert!(s.source_url.starts_with("https://"));
            assert!(!s.source_name.is_empty());
        }
    }

    #[test]
    fn search_finds_the_known_cases_first_in_every_language() {
        for (q, want) in [
            ("verpleegkundige", "verpleegkundige"),
            ("Verpleegkundige", "verpleegkundige"),
            ("nurse", "verpleegkundige"),
            ("infirmier", "verpleegkundige"),
            ("infirmière", "verpleegkundige"),
            ("lasser", "lasser"),
            ("welder", "lasser"),
            ("soudeur", "lasser"),
            ("elektromechanicien", "elektromechanicien"),
            ("électromécanicien", "elektromechanicien"),
            ("zorgkundige", "zorgkundige"),
            ("verzorgende-ig", "zorgkundige"),
            ("aide-soignant", "zorgkundige"),
        ] {
            let hits = builtin().search(q, 5);
            assert!(!hits.is_empty(), "{q}: nothing");
            assert_eq!(
                key(hits[0]),
                want,
                "{q}: {:?}",
                hits.iter().map(|h| key(*h)).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn search_ranks_prefix_before_substring_and_ignores_one_letter() {
        assert!(builtin().search("v", 10).is_empty());
        let hits = builtin().search("elektr", 10);
        let keys: Vec<_> = hits.iter().map(|h| key(*h)).collect();
        assert!(
            keys.contains(&"elektricien") && keys.contains(&"elektromechanicien"),
            "{keys:?}"
        );
        // "technicus" is a word inside several names but starts none of the Dutch labels of
        // lasser: lasser must not appear.
        assert!(!builtin()
            .search("technicus", 20)
            .iter()
            .any(|h| key(*h) == "lasser"));
        assert!(builtin().search("qqqq", 10).is_empty());
    }

    #[test]
    fn derived_links_respect_word_starts_and_levels() {
        let o = builtin();
        let eqf = |n| Eqf::new(n).unwrap();
        let keys = |name: &str, n: u8| -> Vec<&str> {
            o.derive(&fold(name), Some(eqf(n)))
                .into_iter()
                .map(key)
                .collect()
        };
        assert_eq!(keys("Bachelor in de verpleegkunde", 6), ["verpleegkundige"]);
        let ugent = keys("Master of Science in de verpleegkunde en de vroedkunde", 7);
        assert!(ugent.contains(&"verpleegkundige") && ugent.contains(&"vroedvrouw"));
        // HBO electrical engineering leads to engineers, not to installers.
        assert_eq!(keys("Elektrotechniek", 6), ["ingenieur"]);
        assert!(keys("Elektrotechniek", 4).contains(&"elektricien"));
        // "bouw" inside "Werktuigbouwkunde" is not a word start.
        assert!(!keys("Werktuigbouwkunde", 6).contains(&"werfleider"));
        assert_eq!(keys("Lassen-constructie", 3), ["lasser"]);
        assert!(keys("Liberal Arts and Sciences", 6).is_empty());
    }

    #[test]
    fn one_pass_derivation_agrees_with_the_definition() {
        let o = builtin();
        let slow = |name: &str, eqf: Eqf| -> Vec<OccupationId> {
            o.all()
                .iter()
                .enumerate()
                .filter(|(_, x)| x.eqf_range.contains(&eqf.get()))
                .filter(|(_, x)| x.course_terms.iter().any(|t| at_word_start(name, t)))
                .map(|(i, _)| i as OccupationId)
                .collect()
        };
        let mut rng = crate::core::synth::Rng::new(5);
        let words = [
            "verpleegkunde",
            "lassen",
            "bouw",
            "werktuigbouwkunde",
            "elektromechanica",
            "x",
            "mechanica-elektriciteit",
            "de",
            "in",
            "zorgkundige",
            "(",
            "-",
            "informatica",
            "chemie",
            "ict",
            "éé",
            "kinderopvang",
        ];
        for _ in 0..5_000 {
            let n = 1 + rng.below(5);
            let name: Vec<&str> = (0..n).map(|_| words[rng.below(words.len())]).collect();
            let sep = [" ", "-", "", "/"][rng.below(4)];
            let name = fold(&name.join(sep));
            let eqf = Eqf::new(1 + rng.below(8) as u8).unwrap();
            assert_eq!(
                o.derive(&name, Some(eqf)),
                slow(&name, eqf),
                "{name} {eqf:?}"
            );
        }
    }

    #[test]
    fn newest_listing_by_country_spans_several_occupations() {
        let o = builtin();
        let ids = [
            o.by_key("elektricien").unwrap(),
            o.by_key("logopedist").unwrap(),
        ];
        assert_eq!(
            o.newest_listing_by_country(&ids),
            [(Country::Nl, 2022), (Country::Be, 2026)]
        );
        assert!(o.newest_listing_by_country(&ids[1..]).is_empty());
    }

    #[test]
    fn latest_keeps_the_newest_per_country_and_list() {
        let o = builtin();
        let id = o.by_key("elektricien").unwrap();
        let latest = o.latest(id);
        assert_eq!(latest.len(), 2);
        assert!(latest
            .iter()
            .any(|s| s.country == Country::Be && s.year == 2026));
        assert!(latest
            .iter()
            .any(|s| s.country == Country::Nl && s.year == 2022));
        assert!(o.is_shortage(id));
        assert!(!o.is_shortage(o.by_key("logopedist").unwrap()));
    }

    #[test]
    fn bad_rows_are_reported_with_their_line() {
        let head =
            "key\tisco08\tesco_uri\tlabel_nl\tlabel_en\tlabel_fr\tlevels\tcourse_terms\tsynonyms\n";
        let ok = format!("{head}a\t1234\t\tA\tA\tA\t2-4\ta\t\n");
        assert!(Occupations::parse(&ok, "").is_ok());
        for (row, why) in [
            ("A B\t\t\tA\tA\tA\t2-4\t\t", "not a key"),
            ("a\t12\t\tA\tA\tA\t2-4\t\t", "four digits"),
            ("a\t\tjavascript:x\tA\tA\tA\t2-4\t\t", "ESCO"),
            ("a\t\t\tA\t\tA\t2-4\t\t", "no en label"),
            ("a\t\t\tA\tA\tA\t5-2\t\t", "EQF range"),
            ("a\t\t\tA\tA\tA\t0-9\t\t", "EQF range"),
        ] {
            let err = Occupations::parse(&format!("{head}{row}\n"), "").unwrap_err();
            let text = err.to_string();
            assert!(
                text.contains("line 2") && text.contains(why),
                "{row}: {text}"
            );
        }
        let sh = "occupation\tcountry\tregion\tyear\tlist\tlevel\tsource_name\tsource_url\tnote\n";
        for (row, why) in [
            (
                "b\tBE\tX\t2024\tuwv\ttight\tS\thttps://x\t",
                "unknown occupation",
            ),
            (
                "a\tDE\tX\t2024\tuwv\ttight\tS\thttps://x\t",
                "unknown country",
            ),
            ("a\tBE\tX\t24\tuwv\ttight\tS\thttps://x\t", "not a year"),
            (
                "a\tBE\tX\t2024\tforem\ttight\tS\thttps://x\t",
                "unknown list",
            ),
            (
                "a\tBE\tX\t2024\tuwv\tsevere\tS\thttps://x\t",
                "unknown level",
            ),
            (
                "a\tBE\tX\t2024\tuwv\ttight\t\thttps://x\t",
                "no source_name",
            ),
            (
                "a\tBE\tX\t2024\tuwv\ttight\tS\tjavascript:alert(1)\t",
                "https",
            ),
        ] {
            let err = Occupations::parse(&ok, &format!("{sh}{row}\n")).unwrap_err();
            assert!(err.to_string().contains(why), "{row}: {err}");
        }
        assert!(matches!(
            Occupations::parse("key\n", ""),
            Err(OccupationError::MissingColumn { .. })
        ));
    }

    #[test]
    fn courses_may_name_an_occupation_by_esco_uri() {
        let uri = "http://data.europa.eu/esco/occupation/0123abcd-0000-4000-8000-0123456789ab";
        let head =
            "key\tisco08\tesco_uri\tlabel_nl\tlabel_en\tlabel_fr\tlevels\tcourse_terms\tsynonyms\n";
        let o = Occupations::parse(
            &format!("{head}lasser\t7212\t{uri}\tLasser\tWelder\tSoudeur\t2-5\tlassen\t\n"),
            "",
        )
        .unwrap();
        assert_eq!(o.resolve(uri), Some(0));
        assert_eq!(o.resolve("lasser"), Some(0));
        assert_eq!(
            o.resolve("http://data.europa.eu/esco/occupation/ffffffff-0000-4000-8000-0123456789ab"),
            None
        );
        assert!(valid_reference(uri) && valid_reference("lasser"));
        assert!(!valid_reference(
            "http://data.europa.eu/esco/occupation/x<script>"
        ));
        assert!(!valid_reference("javascript:alert(1)"));
    }

    #[test]
    fn shortage_tsv_round_trips() {
        let o = builtin();
        let again = o.parse_shortage(&o.shortage_tsv()).unwrap();
        assert_eq!(again.len(), o.shortage().len());
        for s in o.shortage() {
            assert!(again.contains(s));
        }
    }
}
