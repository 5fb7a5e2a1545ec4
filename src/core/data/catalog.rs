//! A loaded dataset made ready to query: the records, their spatial index and the folded
//! search text, built once after loading.

use crate::core::geo_util::LonLat;
use crate::core::index::{Nearby, SpatialIndex};
use smallvec::{smallvec, SmallVec};
use std::collections::HashMap;
use std::sync::Arc;

use crate::core::model::{CourseId, Dataset, ProviderId, Text};
use crate::core::occupation::{LinkBasis, OccupationId, Occupations};
use crate::core::text::{fold, sort_key};

/// A dataset with its R-tree and search text. Filtering (in `core::search::filter`) is
/// written on it.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// The records.
    pub data: Dataset,
    /// R-tree over provider points.
    pub index: SpatialIndex,
    /// Folded course names, by course id (shared between courses of the same name).
    pub(crate) course_text: Vec<Text>,
    /// Folded "provider name, municipality, locality", by provider id.
    pub(crate) provider_text: Vec<String>,
    /// Each provider's position in the order by folded name, as [`sort_key`] sorts it (the
    /// default result order).
    pub(crate) name_rank: Vec<u32>,
    /// Course ids of each provider in display order (EQF level, then name), concatenated in
    /// provider order: filtering keeps this order, so it never sorts.
    pub(crate) display_order: Vec<CourseId>,
    /// The filtered attributes of every course, packed for a cache-friendly scan.
    pub(crate) packed: Vec<PackedCourse>,
    /// The occupation vocabulary the links refer to.
    pub occupations: Arc<Occupations>,
    /// Course `c` leads to `occ_ids[occ_offsets[c]..occ_offsets[c + 1]]`.
    occ_offsets: Vec<u32>,
    occ_ids: Vec<OccupationId>,
    /// Whether each course's links are stated by its data (else derived).
    occ_stated: Vec<bool>,
    /// Each provider's site: providers at identical coordinates share one, numbered in
    /// provider order. Found once here so that grouping the markers on every click needs
    /// no hashing.
    site_of: Vec<u32>,
    /// The number of distinct sites.
    site_count: usize,
}

/// The attributes filters and facets look at, 4 bytes per course (the scan over a million
/// courses is memory-bound: one more byte would cost a padded 6).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PackedCourse {
    /// Sector index.
    pub sector: u8,
    /// EQF level, 1..=8; 0 when the course leads to no qualification.
    pub eqf: u8,
    /// Bit set of learning-form indices, the stage index in [`STAGE_SHIFT`]..,
    /// and [`SHORTAGE_BIT`].
    bits: u16,
}

/// Where the stage index sits in [`PackedCourse`]'s bits (above the learning forms).
const STAGE_SHIFT: u16 = 8;
/// The stage index's bits once shifted down.
const STAGE_MASK: u16 = 0b111;
const FORMS_MASK: u16 = (1 << STAGE_SHIFT) - 1;
const _: () = assert!(
    crate::core::level::Stage::ALL.len() <= STAGE_MASK as usize + 1,
    "stages must fit in three bits"
);

/// Set in [`PackedCourse`] when the course leads to an occupation some shortage list names.
const SHORTAGE_BIT: u16 = 1 << 15;
const _: () = assert!(
    crate::core::model::LearningForm::ALL.len() <= STAGE_SHIFT as usize,
    "learning forms, stage and the shortage flag share 16 bits"
);

impl PackedCourse {
    /// Bit set of learning-form indices.
    pub fn forms(self) -> u16 {
        self.bits & FORMS_MASK
    }

    /// Index of the stage in [`crate::core::level::Stage::ALL`].
    pub fn stage(self) -> usize {
        usize::from((self.bits >> STAGE_SHIFT) & STAGE_MASK)
    }

    /// Leads to a shortage occupation.
    pub fn shortage(self) -> bool {
        self.bits & SHORTAGE_BIT != 0
    }
}

impl Catalog {
    /// Indexes a dataset, linking courses to the shipped occupations.
    pub fn new(data: Dataset) -> Self {
        Self::with_occupations(data, Occupations::builtin_shared())
    }

    /// Indexes a dataset, linking courses to the given occupations.
    pub fn with_occupations(data: Dataset, occupations: Arc<Occupations>) -> Self {
        let index = SpatialIndex::new(
            data.providers
                .iter()
                .enumerate()
                .map(|(i, p)| (p.lon_lat, i as ProviderId)),
        );
        // Names repeat (the loader shares them): fold each distinct name once and share it.
        let mut folded: HashMap<&str, Text> = HashMap::new();
        let course_text: Vec<Text> = data
            .courses
            .iter()
            .map(|c| {
                folded
                    .entry(c.name.as_str())
                    .or_insert_with(|| Text::from(fold(&c.name)))
                    .clone()
            })
            .collect();
        drop(folded);
        let provider_text: Vec<String> = data
            .providers
            .iter()
            .map(|p| {
                let locality = p.address.locality.as_deref().unwrap_or("");
                let mut text = format!("{} {} {}", p.name, p.municipality, locality);
                // A location's named fields are found by text too (after the name, so the
                // name order is unchanged).
                for f in &p.fields {
                    text.push(' ');
                    text.push_str(&f.name);
                }
                fold(&text)
            })
            .collect();
        let mut name_order: Vec<ProviderId> = (0..data.providers.len() as ProviderId).collect();
        crate::core::sort::sort_by(&mut name_order, |a, b| {
            sort_key(&provider_text[*a as usize])
                .cmp(sort_key(&provider_text[*b as usize]))
                .then(a.cmp(b))
        });
        let mut name_rank = vec![0u32; name_order.len()];
        for (r, id) in name_order.iter().enumerate() {
            name_rank[*id as usize] = r as u32;
        }
        let mut display_order = Vec::with_capacity(data.courses.len());
        for p in &data.providers {
            let mut ids: Vec<CourseId> = p.courses.clone().collect();
            crate::core::sort::sort_by(&mut ids, |a, b| {
                let (ca, cb) = (&data.courses[*a as usize], &data.courses[*b as usize]);
                ca.stage
                    .cmp(&cb.stage)
                    .then(ca.level.eqf.cmp(&cb.level.eqf))
                    .then_with(|| course_text[*a as usize].cmp(&course_text[*b as usize]))
            });
            display_order.extend(ids);
        }
        // Derived links depend only on (name, level), which repeat a lot: derive each pair once.
        let mut occ_offsets = Vec::with_capacity(data.courses.len() + 1);
        let mut occ_ids = Vec::new();
        let mut occ_stated = Vec::with_capacity(data.courses.len());
        let mut derived: HashMap<(&str, u8), Vec<OccupationId>> = HashMap::new();
        occ_offsets.push(0u32);
        for (c, text) in data.courses.iter().zip(&course_text) {
            if c.occupations.is_empty() {
                let ids = derived
                    .entry((text.as_str(), c.level.eqf.map_or(0, |e| e.get())))
                    .or_insert_with(|| occupations.derive(text, c.level.eqf));
                occ_ids.extend_from_slice(ids);
                occ_stated.push(false);
            } else {
                let (ids, basis) = occupations.links(c);
                occ_ids.extend(ids);
                occ_stated.push(basis == LinkBasis::Stated);
            }
            occ_offsets.push(occ_ids.len() as u32);
        }
        let shortage_of: Vec<bool> = (0..occupations.len())
            .map(|i| occupations.is_shortage(i as OccupationId))
            .collect();
        let packed = data
            .courses
            .iter()
            .enumerate()
            .map(|(i, c)| PackedCourse {
                sector: c.sector.index() as u8,
                eqf: c.level.eqf.map_or(0, |e| e.get()),
                bits: c.learning_forms.bits()
                    | (c.stage.index() as u16) << STAGE_SHIFT
                    | if occ_ids[occ_offsets[i] as usize..occ_offsets[i + 1] as usize]
                        .iter()
                        .any(|o| shortage_of[usize::from(*o)])
                    {
                        SHORTAGE_BIT
                    } else {
                        0
                    },
            })
            .collect();
        drop(derived);
        let mut sites: std::collections::HashMap<(u64, u64), u32> =
            std::collections::HashMap::new();
        let site_of: Vec<u32> = data
            .providers
            .iter()
            .map(|p| {
                let next = sites.len() as u32;
                *sites
                    .entry((p.lon_lat.lon.to_bits(), p.lon_lat.lat.to_bits()))
                    .or_insert(next)
            })
            .collect();
        let site_count = sites.len();
        Self {
            data,
            index,
            course_text,
            provider_text,
            name_rank,
            display_order,
            packed,
            occupations,
            occ_offsets,
            occ_ids,
            occ_stated,
            site_of,
            site_count,
        }
    }

    /// The occupations a course leads to.
    pub fn course_occupations(&self, course: CourseId) -> &[OccupationId] {
        let c = course as usize;
        match (self.occ_offsets.get(c), self.occ_offsets.get(c + 1)) {
            (Some(&a), Some(&b)) => &self.occ_ids[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Whether a course's occupations are stated by its data or derived from its name.
    pub fn course_link_basis(&self, course: CourseId) -> LinkBasis {
        if self
            .occ_stated
            .get(course as usize)
            .copied()
            .unwrap_or(false)
        {
            LinkBasis::Stated
        } else {
            LinkBasis::Derived
        }
    }

    /// True when a course leads to an occupation some shortage list names.
    pub fn course_leads_to_shortage(&self, course: CourseId) -> bool {
        self.packed
            .get(course as usize)
            .is_some_and(|p| p.shortage())
    }

    /// Looks a provider up by its data id.
    pub fn provider_by_key(&self, key: &str) -> Option<ProviderId> {
        self.data
            .providers
            .iter()
            .position(|p| p.key == key)
            .map(|i| i as ProviderId)
    }

    /// The `k` providers nearest to `origin`.
    pub fn nearest(&self, origin: LonLat, k: usize) -> Vec<Nearby> {
        self.index.nearest_k(origin, k)
    }
}

/// Providers that share one point (several institutions placed at one town centre, or
/// campuses in one building) drawn as one marker.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkerGroup {
    /// The shared point.
    pub lon_lat: LonLat,
    /// The providers there, in the order given (one, inline, at nearly every point).
    pub providers: SmallVec<[ProviderId; 1]>,
}

impl Catalog {
    /// Groups providers by identical coordinates, keeping the order of first appearance.
    pub fn marker_groups(
        &self,
        providers: impl IntoIterator<Item = ProviderId>,
    ) -> Vec<MarkerGroup> {
        let mut groups: Vec<MarkerGroup> = Vec::new();
        // The group of each site seen so far (`u32::MAX`: none yet).
        let mut group_of_site = vec![u32::MAX; self.site_count];
        for id in providers {
            let site = self.site_of[id as usize] as usize;
            match group_of_site[site] {
                u32::MAX => {
                    group_of_site[site] = groups.len() as u32;
                    groups.push(MarkerGroup {
                        lon_lat: self.data.providers[id as usize].lon_lat,
                        providers: smallvec![id],
                    });
                }
                g => groups[g as usize].providers.push(id),
            }
        }
        groups
    }
}
