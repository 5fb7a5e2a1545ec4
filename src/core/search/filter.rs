//! Filtering and facet counts.
//!
//! A course matches when it passes every filter: the faceted ones (sector, EQF level,
//! country, province, learning form: several values within one facet mean "any of them"),
//! the free text (every word in the course name or in its provider's name and place), the
//! radius around the origin and, when set, the map bounds. The facet count of a value is the
//! number of courses that would match if that facet were set to that value alone, with every
//! other filter kept, so the counts say what a click will give.

use crate::core::catalog::Catalog;
use crate::core::geo_util::{BoundsLonLat, LonLat};
use crate::core::level::{Eqf, Stage, EQF_MAX};
use crate::core::model::*;
use crate::core::occupation::OccupationId;
use crate::core::text::{matches_all, query_terms};
use crate::core::travel;

/// The user's filter. Empty lists mean "no restriction".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Sectors (any of).
    pub sectors: Vec<Sector>,
    /// EQF levels (any of). Courses that lead to no qualification have none, so any level
    /// filter leaves them out.
    pub levels: Vec<Eqf>,
    /// Stages of education (any of).
    pub stages: Vec<Stage>,
    /// Countries (any of).
    pub countries: Vec<Country>,
    /// Provinces (any of).
    pub provinces: Vec<Province>,
    /// Learning forms: a course matches if it offers any of them.
    pub learning_forms: Vec<LearningForm>,
    /// Free text, accent- and case-insensitive.
    pub text: String,
    /// Where the user starts from: sorts by distance and enables the radius.
    pub origin: Option<LonLat>,
    /// Only providers within this many km of the origin (ignored without an origin).
    pub radius_km: Option<f64>,
    /// Only providers inside these bounds (the map view, when "only what is in view" is on).
    pub bounds: Option<BoundsLonLat>,
    /// Only courses leading to this occupation.
    pub occupation: Option<OccupationId>,
    /// Only courses leading to an occupation some shortage list names.
    pub shortage_only: bool,
}

/// Facet counts, indexed by each vocabulary's `index()` (EQF levels by level - 1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Courses per sector.
    pub sectors: Vec<u32>,
    /// Courses per EQF level (index 0 is EQF 1).
    pub levels: Vec<u32>,
    /// Courses per stage.
    pub stages: Vec<u32>,
    /// Courses per country.
    pub countries: Vec<u32>,
    /// Courses per province.
    pub provinces: Vec<u32>,
    /// Courses per learning form.
    pub learning_forms: Vec<u32>,
    /// Courses leading to a shortage occupation.
    pub shortage: u32,
}

impl Facets {
    fn zero() -> Self {
        Self {
            sectors: vec![0; Sector::ALL.len()],
            levels: vec![0; EQF_MAX as usize],
            stages: vec![0; Stage::ALL.len()],
            countries: vec![0; Country::ALL.len()],
            provinces: vec![0; Province::ALL.len()],
            learning_forms: vec![0; LearningForm::ALL.len()],
            shortage: 0,
        }
    }

    /// Count for one EQF level.
    pub fn level(&self, eqf: Eqf) -> u32 {
        self.levels[eqf.get() as usize - 1]
    }
}

/// A provider with its matching courses.
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderHit {
    /// The provider.
    pub provider: ProviderId,
    /// Estimated travel distance from the origin in km (the straight line, or the way round
    /// the Westerschelde when the line crosses it), when an origin is set.
    pub distance_km: Option<f64>,
    /// Straight-line distance from the origin in km, when an origin is set.
    pub straight_km: Option<f64>,
    /// The Westerschelde crossing the estimate assumes, if any.
    pub via: Option<&'static str>,
    /// Its matching courses, by EQF level then name.
    pub courses: Vec<CourseId>,
}

/// What a filter gives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilterOutcome {
    /// Matching providers: nearest first (by estimated travel distance) when an origin is
    /// set, else by name. The radius applies to the straight-line distance.
    pub providers: Vec<ProviderHit>,
    /// Providers known to be here whose offer this dataset does not list, that pass the
    /// filters a provider can be judged on (place, country, province, text on its name):
    /// shown apart, since no course filter can say whether they match. Same order as
    /// `providers`; `courses` is empty.
    pub unlisted: Vec<ProviderHit>,
    /// Total matching courses.
    pub course_count: usize,
    /// Facet counts.
    pub facets: Facets,
}

// Bits of the faceted dimensions, for counting "passes all but one".
const SECTOR: u8 = 1 << 0;
const LEVEL: u8 = 1 << 1;
const COUNTRY: u8 = 1 << 2;
const PROVINCE: u8 = 1 << 3;
const FORM: u8 = 1 << 4;
const SHORTAGE: u8 = 1 << 5;
const STAGE: u8 = 1 << 6;

/// The bit of an EQF level in a level mask; none for "no qualification" (0).
fn level_bit(eqf: u8) -> u32 {
    if eqf == 0 {
        0
    } else {
        1 << (eqf - 1)
    }
}

fn add_forms(counts: &mut [u32], forms: u16) {
    let mut bits = forms;
    while bits != 0 {
        counts[bits.trailing_zeros() as usize] += 1;
        bits &= bits - 1;
    }
}

fn mask<T: Copy>(values: &[T], index: impl Fn(T) -> usize) -> u32 {
    values.iter().fold(0u32, |m, v| m | 1 << index(*v))
}

impl Catalog {
    /// Applies a filter: matching providers and courses, and facet counts.
    pub fn apply(&self, filter: &Filter) -> FilterOutcome {
        let providers = &self.data.providers;
        let n = providers.len();

        // Spatial constraints are per provider: decide them once, through the index.
        let mut spatial_ok = vec![true; n];
        let mut distance: Vec<Option<f64>> = vec![None; n];
        if let Some(origin) = filter.origin {
            match filter.radius_km.filter(|r| r.is_finite() && *r >= 0.0) {
                Some(r) => {
                    spatial_ok.iter_mut().for_each(|ok| *ok = false);
                    for hit in self.index.within_radius_km(origin, r) {
                        spatial_ok[hit.id as usize] = true;
                        distance[hit.id as usize] = Some(hit.distance_km);
                    }
                }
                None => {
                    for (d, p) in distance.iter_mut().zip(providers) {
                        *d = Some(origin.distance_km(&p.lon_lat));
                    }
                }
            }
        }
        if let Some(b) = &filter.bounds {
            let mut inside = vec![false; n];
            for id in self.index.in_bounds(b) {
                inside[id as usize] = true;
            }
            for (ok, i) in spatial_ok.iter_mut().zip(inside) {
                *ok &= i;
            }
        }

        let terms = query_terms(&filter.text);
        let sectors = mask(&filter.sectors, Sector::index);
        let levels = mask(&filter.levels, |e: Eqf| e.get() as usize - 1);
        let stages = mask(&filter.stages, Stage::index);
        let countries = mask(&filter.countries, Country::index);
        let provinces = mask(&filter.provinces, Province::index);
        let forms = mask(&filter.learning_forms, LearningForm::index);
        let pass = |m: u32, bit: u32| m == 0 || m & bit != 0;

        let mut facets = Facets::zero();
        // A result with its distances from the origin (and the crossing they assume).
        let hit = |pid: usize, courses: Vec<CourseId>| {
            let travel = filter
                .origin
                .map(|o| travel::estimate(o, providers[pid].lon_lat));
            ProviderHit {
                provider: pid as ProviderId,
                distance_km: travel.map(|t| t.estimate_km),
                straight_km: distance[pid],
                via: travel.and_then(|t| t.via),
                courses,
            }
        };
        let mut hits = Vec::new();
        let mut unlisted = Vec::new();
        let mut course_count = 0;
        for (pid, p) in providers.iter().enumerate() {
            if !spatial_ok[pid] {
                continue;
            }
            let provider_text = &self.provider_text[pid];
            let mut fails_p = 0u8;
            if !pass(countries, 1 << p.country.index()) {
                fails_p |= COUNTRY;
            }
            if !pass(provinces, 1 << p.province.index()) {
                fails_p |= PROVINCE;
            }
            if fails_p.count_ones() > 1 {
                continue;
            }
            if !p.offer_listed || p.courses.is_empty() {
                // A location whose offer is not listed stays when it can fit: its kind
                // teaches at a chosen stage, and a field it is known for is in a chosen sector.
                let kind_stages = p.kind.stages();
                let stage_fits = stages == 0
                    || kind_stages.is_empty()
                    || kind_stages.iter().any(|s| stages & (1 << s.index()) != 0);
                let sector_fits = sectors == 0
                    || p.fields.is_empty()
                    || p.fields
                        .iter()
                        .any(|f| sectors & (1 << f.sector.index()) != 0);
                if fails_p == 0
                    && stage_fits
                    && sector_fits
                    && terms.iter().all(|t| provider_text.contains(t.as_str()))
                {
                    unlisted.push(hit(pid, Vec::new()));
                }
                continue;
            }
            let mut matched = Vec::new();
            let range = p.courses.start as usize..p.courses.end as usize;
            for &cid in &self.display_order[range] {
                if !terms.is_empty() {
                    let course_text = &self.course_text[cid as usize];
                    if !terms.iter().all(|t| {
                        course_text.contains(t.as_str()) || provider_text.contains(t.as_str())
                    }) {
                        continue;
                    }
                }
                if let Some(o) = filter.occupation {
                    if !self.course_occupations(cid).contains(&o) {
                        continue;
                    }
                }
                let c = self.packed[cid as usize];
                let mut fails = fails_p;
                if filter.shortage_only && !c.shortage() {
                    fails |= SHORTAGE;
                }
                if !pass(sectors, 1 << c.sector) {
                    fails |= SECTOR;
                }
                if !pass(levels, level_bit(c.eqf)) {
                    fails |= LEVEL;
                }
                if !pass(stages, 1 << c.stage()) {
                    fails |= STAGE;
                }
                if forms != 0 && u32::from(c.forms()) & forms == 0 {
                    fails |= FORM;
                }
                if fails == 0 {
                    facets.sectors[c.sector as usize] += 1;
                    if c.eqf > 0 {
                        facets.levels[c.eqf as usize - 1] += 1;
                    }
                    facets.stages[c.stage()] += 1;
                    facets.countries[p.country.index()] += 1;
                    facets.provinces[p.province.index()] += 1;
                    add_forms(&mut facets.learning_forms, c.forms());
                    facets.shortage += u32::from(c.shortage());
                    matched.push(cid);
                    continue;
                }
                match fails {
                    SECTOR => facets.sectors[c.sector as usize] += 1,
                    LEVEL if c.eqf > 0 => facets.levels[c.eqf as usize - 1] += 1,
                    STAGE => facets.stages[c.stage()] += 1,
                    COUNTRY => facets.countries[p.country.index()] += 1,
                    PROVINCE => facets.provinces[p.province.index()] += 1,
                    FORM => add_forms(&mut facets.learning_forms, c.forms()),
                    _ => {}
                }
            }
            if !matched.is_empty() {
                course_count += matched.len();
                hits.push(hit(pid, matched));
            }
        }

        for list in [&mut hits, &mut unlisted] {
            if filter.origin.is_some() {
                crate::core::sort::sort_by(list, |a, b| {
                    a.distance_km
                        .unwrap_or(f64::INFINITY)
                        .total_cmp(&b.distance_km.unwrap_or(f64::INFINITY))
                        .then(a.provider.cmp(&b.provider))
                });
            } else {
                crate::core::sort::sort_by_key(list, |h| self.name_rank[h.provider as usize]);
            }
        }
        FilterOutcome {
            providers: hits,
            unlisted,
            course_count,
            facets,
        }
    }

    /// True when a course's text matches a free-text query (used by tests and the list).
    pub fn course_matches_text(&self, course: CourseId, query: &str) -> bool {
        let c = &self.data.courses[course as usize];
        let terms = query_terms(query);
        let hay = format!(
            "{} {}",
            self.course_text[course as usize], self.provider_text[c.provider as usize]
        );
        matches_all(&hay, &terms)
    }
}

/// One step of an occupation's learning path: the matching courses at one EQF level.
#[derive(Debug, Clone, PartialEq)]
pub struct PathStep {
    /// The level.
    pub eqf: Eqf,
    /// Its courses: short courses first, then partial certificates, then full diplomas
    /// (unknown last), each group in the result order (nearest first with an origin).
    pub courses: Vec<CourseId>,
}

impl Catalog {
    /// The courses of a filter outcome as a learning path: from the lowest EQF level to the
    /// highest, and within a level from the shortest award to the full diploma.
    pub fn learning_path(&self, outcome: &FilterOutcome) -> Vec<PathStep> {
        let mut ranked: Vec<(Eqf, usize, usize, CourseId)> =
            Vec::with_capacity(outcome.course_count);
        for (order, hit) in outcome.providers.iter().enumerate() {
            for &cid in &hit.courses {
                let c = &self.data.courses[cid as usize];
                // A stage with no qualification has no place on a path of levels.
                let Some(eqf) = c.level.eqf else {
                    continue;
                };
                let award = c.award.map_or(Award::ALL.len(), Award::index);
                ranked.push((eqf, award, order, cid));
            }
        }
        ranked.sort_unstable();
        let mut steps: Vec<PathStep> = Vec::new();
        for (eqf, _, _, cid) in ranked {
            match steps.last_mut() {
                Some(s) if s.eqf == eqf => s.courses.push(cid),
                _ => steps.push(PathStep {
                    eqf,
                    courses: vec![cid],
                }),
            }
        }
        steps
    }
}
