//! Seeded synthetic datasets, for tests and benchmarks only: never shipped as data. Names say
//! "Synthetic" so a synthetic record can never pass for a real institution.

use crate::core::geo_util::{BoundsLonLat, LonLat, REGION_VIEW};
use crate::core::level::NationalLevel;
use crate::core::model::*;

/// A small, fast, seeded PRNG (SplitMix64): reproducible across platforms.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform index below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Roughly normal (sum of uniforms), mean 0, standard deviation 1.
    pub fn normal(&mut self) -> f64 {
        (0..12).map(|_| self.unit()).sum::<f64>() - 6.0
    }
}

/// Options for [`generate`].
#[derive(Debug, Clone)]
pub struct SynthOptions {
    /// Number of providers (default 500).
    pub providers: usize,
    /// Number of courses, spread over the providers (default 5 000).
    pub courses: usize,
    /// Number of town clusters the providers gather around (default 60).
    pub towns: usize,
    /// Cluster spread in degrees (default 0.03, a few km).
    pub spread_deg: f64,
    /// Area the towns are placed in (default: the region's view).
    pub area: BoundsLonLat,
    /// Real town centres with weights (e.g. population) to cluster around instead of random
    /// ones (default: none).
    pub centres: Vec<(LonLat, f64)>,
}

impl Default for SynthOptions {
    fn default() -> Self {
        Self {
            providers: 500,
            courses: 5_000,
            towns: 60,
            spread_deg: 0.03,
            area: REGION_VIEW,
            centres: Vec::new(),
        }
    }
}

const NL_LEVELS: &[NationalLevel] = &[
    NationalLevel::NlMbo1,
    NationalLevel::NlMbo2,
    NationalLevel::NlMbo3,
    NationalLevel::NlMbo4,
    NationalLevel::NlAssociateDegree,
    NationalLevel::NlHboBachelor,
    NationalLevel::NlMaster,
    NationalLevel::NlVmboKader,
    NationalLevel::NlHavo,
];
const BE_LEVELS: &[NationalLevel] = &[
    NationalLevel::BeTweedeGraad,
    NationalLevel::BeSecundairBeroeps,
    NationalLevel::BeSecundairDiploma,
    NationalLevel::BeSeNSe,
    NationalLevel::BeGraduaat,
    NationalLevel::BeProfessioneleBachelor,
    NationalLevel::BeMaster,
];
const WORDS: &[&str] = &[
    "Verpleegkunde",
    "Elektromechanica",
    "Lassen",
    "Zorgkundige",
    "Procestechniek",
    "Logistiek",
    "Bouw",
    "Installatietechniek",
    "Kinderopvang",
    "ICT",
    "Mechatronica",
    "Welzijn",
];

/// Generates a dataset with providers clustered around random "towns" in `area`.
pub fn generate(seed: u64, options: &SynthOptions) -> Dataset {
    let mut rng = Rng::new(seed);
    let area = options.area;
    let towns: Vec<LonLat> = (0..options.towns.max(1))
        .map(|_| {
            LonLat::new(
                rng.range(area.west, area.east),
                rng.range(area.south, area.north),
            )
        })
        .collect();
    let mut data = Dataset::default();
    let dutch: std::sync::Arc<[Text]> = std::sync::Arc::new([Text::from("nl")]);
    let none: std::sync::Arc<[Text]> = std::sync::Arc::new([]);
    let per_provider = options.courses / options.providers.max(1);
    let mut extra = options.courses % options.providers.max(1);
    for pid in 0..options.providers {
        let town = towns[rng.below(towns.len())];
        let lon_lat = LonLat::new(
            (town.lon + rng.normal() * options.spread_deg).clamp(area.west, area.east),
            (town.lat + rng.normal() * options.spread_deg * 0.6).clamp(area.south, area.north),
        );
        let province = Province::ALL[rng.below(Province::ALL.len())];
        let country = province.country();
        let source = std::sync::Arc::new(Source {
            name: "Synthetic (seeded generator)".into(),
            url: None,
            retrieved: None,
            licence: None,
        });
        let first = data.courses.len() as CourseId;
        let mut n = per_provider;
        if extra > 0 {
            n += 1;
            extra -= 1;
        }
        for _ in 0..n {
            let levels = if country == Country::Nl {
                NL_LEVELS
            } else {
                BE_LEVELS
            };
            let national = levels[rng.below(levels.len())];
            let eqf = national.eqf_range().and_then(|(lo, hi)| {
                crate::core::level::Eqf::new(lo + rng.below((hi - lo + 1) as usize) as u8)
            });
            let mut forms = vec![LearningForm::ALL[rng.below(LearningForm::ALL.len())]];
            if rng.unit() < 0.3 {
                forms.push(LearningForm::ALL[rng.below(LearningForm::ALL.len())]);
                forms.sort();
                forms.dedup();
            }
            data.courses.push(Course {
                key: None,
                provider: pid as ProviderId,
                name: format!("{} {}", WORDS[rng.below(WORDS.len())], rng.below(1000)).into(),
                sector: Sector::ALL[rng.below(Sector::ALL.len())],
                isced_f: None,
                level: CourseLevel { eqf, national },
                learning_forms: forms.into_iter().collect(),
                languages: dutch.clone(),
                target_groups: Set::new(),
                duration: None,
                intake_months: Months::from([9]),
                funding: Set::new(),
                award: None,
                occupations: none.clone(),
                website: None,
                source: source.clone(),
                stage: national.stage(),
                details: None,
            });
        }
        data.providers.push(Provider {
            key: format!("synthetic-{pid}"),
            name: format!("Synthetic provider {pid}"),
            kind: InstitutionKind::ALL[rng.below(InstitutionKind::ALL.len())],
            address: Address::default(),
            country,
            province,
            municipality: format!("Town {}", rng.below(towns.len())),
            website: None,
            lon_lat,
            location_precision: LocationPrecision::Town,
            location_source: None,
            source,
            other_sources: Vec::new(),
            offer_listed: true,
            fields: Vec::new(),
            preview: false,
            courses: first..data.courses.len() as CourseId,
        });
    }
    data
}

/// Towns the realistic generator clusters around, with its spread: 400 towns drawn by
/// weight, providers within about a kilometre of them.
const REALISTIC_TOWNS: usize = 400;
const REALISTIC_SPREAD_DEG: f64 = 0.01;

/// The benchmarks' dataset: `courses` courses over `providers` providers placed around real
/// town centres weighted by population (e.g. [`crate::core::gazetteer::Gazetteer::town_weights`]).
pub fn realistic(
    seed: u64,
    courses: usize,
    providers: usize,
    centres: Vec<(LonLat, f64)>,
) -> Dataset {
    generate(
        seed,
        &SynthOptions {
            providers,
            courses,
            towns: REALISTIC_TOWNS,
            spread_deg: REALISTIC_SPREAD_DEG,
            centres,
            ..Default::default()
        },
    )
}

/// The benchmarks' queries, the same natively, in wasm and for the JavaScript libraries.
#[derive(Debug, Clone)]
pub struct Workload {
    /// Boxes of roughly a phone screen at zoom 12 (0.15° × 0.08°) around random providers.
    pub boxes: Vec<BoundsLonLat>,
    /// Query points spread over the region, for radius and k-nearest queries.
    pub points: Vec<LonLat>,
}

/// Draws `n` boxes and `n` query points for a dataset.
pub fn workload(data: &Dataset, seed: u64, n: usize) -> Workload {
    let mut rng = Rng::new(seed);
    let boxes = (0..n)
        .map(|_| {
            let c = data.providers[rng.below(data.providers.len().max(1))].lon_lat;
            BoundsLonLat::from_corners(
                LonLat::new(c.lon - 0.075, c.lat - 0.04),
                LonLat::new(c.lon + 0.075, c.lat + 0.04),
            )
        })
        .collect();
    let points = (0..n)
        .map(|_| LonLat::new(rng.range(2.6, 4.3), rng.range(50.75, 51.7)))
        .collect();
    Workload { boxes, points }
}

/// The filter the benchmarks' "filter change" applies: techniek and zorg at EQF 4.
pub fn bench_filter() -> crate::core::Filter {
    crate::core::Filter {
        sectors: vec![Sector::Engineering, Sector::HealthWelfare],
        levels: crate::core::Eqf::new(4).into_iter().collect(),
        ..Default::default()
    }
}

/// What the page does on one filter click: filter and facets for all matches, again for the
/// list of what is in `view`, then marker groups and their clusters at `zoom`. Returns the
/// matching courses, those in view and the number of clusters.
pub fn filter_change(
    catalog: &crate::core::Catalog,
    filter: &crate::core::Filter,
    view: BoundsLonLat,
    zoom: f64,
) -> (usize, usize, usize) {
    let all = catalog.apply(filter);
    let in_view = catalog.apply(&crate::core::Filter {
        bounds: Some(view),
        ..filter.clone()
    });
    let groups = catalog.marker_groups(all.providers.iter().map(|h| h.provider));
    let clusters = crate::core::cluster::cluster(
        groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.lon_lat, i as u32)),
        zoom,
        &crate::core::cluster::ClusterOptions::default(),
    );
    (all.course_count, in_view.course_count, clusters.len())
}

/// Searching an occupation (by key) with the shortage filter on, and its learning path:
/// returns the number of path steps.
pub fn occupation_search(catalog: &crate::core::Catalog, key: &str) -> usize {
    let out = catalog.apply(&crate::core::Filter {
        occupation: catalog.occupations.by_key(key),
        shortage_only: true,
        ..Default::default()
    });
    catalog.learning_path(&out).len()
}
