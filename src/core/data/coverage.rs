//! What the loaded data covers, per province and stage of education, so the page can say
//! "the data does not cover this yet" instead of "no courses" where the data is thin.

use std::collections::{BTreeMap, BTreeSet};

use crate::core::catalog::Catalog;
use crate::core::filter::Filter;
use crate::core::level::Eqf;
use crate::core::level::Stage;
use crate::core::model::{Dataset, LearningForm, Province, Sector};

/// One cell of the coverage table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CoverageCell {
    /// Locations with at least one course of this stage.
    pub locations: u32,
    /// Courses of this stage.
    pub courses: u32,
    /// Names of the sources of those courses.
    pub sources: BTreeSet<String>,
    /// The newest `retrieved` date among those sources, when given.
    pub newest: Option<String>,
}

/// The coverage of a dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Cells by (province, stage); absent cells hold nothing.
    pub cells: BTreeMap<(Province, Stage), CoverageCell>,
    /// Locations per province whose offer is not listed.
    pub unlisted: BTreeMap<Province, u32>,
}

impl Coverage {
    /// Counts a dataset.
    pub fn of(data: &Dataset) -> Self {
        let mut cov = Coverage::default();
        for (pid, p) in data.providers.iter().enumerate() {
            if !p.offer_listed || p.courses.is_empty() {
                *cov.unlisted.entry(p.province).or_default() += 1;
                continue;
            }
            let mut stages_here: BTreeSet<Stage> = BTreeSet::new();
            for c in data.courses_of(pid as u32) {
                let cell = cov.cells.entry((p.province, c.stage)).or_default();
                cell.courses += 1;
                if !cell.sources.contains(&c.source.name) {
                    cell.sources.insert(c.source.name.clone());
                }
                if let Some(r) = &c.source.retrieved {
                    if cell.newest.as_ref().is_none_or(|n| r > n) {
                        cell.newest = Some(r.clone());
                    }
                }
                stages_here.insert(c.stage);
            }
            for s in stages_here {
                cov.cells.entry((p.province, s)).or_default().locations += 1;
            }
        }
        cov
    }

    /// Courses of one province and stage.
    pub fn courses(&self, province: Province, stage: Stage) -> u32 {
        self.cells.get(&(province, stage)).map_or(0, |c| c.courses)
    }
}

/// Where a filter asks for something the data does not cover: the (province, stage) pairs
/// in the filter's scope with no course at all. Empty when the scope is covered. The scope
/// is the filter's provinces (else those of its countries, else those with a provider within
/// its radius, else all) and its stages (else all; only pairs of stages that exist in that
/// province's country).
pub fn uncovered(
    catalog: &Catalog,
    coverage: &Coverage,
    filter: &Filter,
) -> Vec<(Province, Stage)> {
    let mut provinces: Vec<Province> = if !filter.provinces.is_empty() {
        filter.provinces.clone()
    } else {
        Province::ALL
            .iter()
            .copied()
            .filter(|p| filter.countries.is_empty() || filter.countries.contains(&p.country()))
            .collect()
    };
    if filter.provinces.is_empty() {
        if let (Some(o), Some(r)) = (filter.origin, filter.radius_km) {
            let near: BTreeSet<Province> = catalog
                .index
                .within_radius_km(o, r)
                .into_iter()
                .map(|h| catalog.data.providers[h.id as usize].province)
                .collect();
            if !near.is_empty() {
                provinces.retain(|p| near.contains(p));
            }
        }
    }
    let stages: Vec<Stage> = if filter.stages.is_empty() {
        Stage::ALL.to_vec()
    } else {
        filter.stages.clone()
    };
    let mut out = Vec::new();
    for p in provinces {
        for s in &stages {
            if exists_in(*s, p) && coverage.courses(p, *s) == 0 {
                out.push((p, *s));
            }
        }
    }
    // Only worth saying when the filter narrowed the stages or places: with everything in
    // scope some stage is always missing somewhere.
    if filter.stages.is_empty() && filter.provinces.is_empty() && filter.countries.is_empty() {
        out.retain(|(p, _)| coverage.cells.keys().all(|(q, _)| q != p));
    }
    out
}

/// A filter value that explains an empty result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetValue {
    /// A sector.
    Sector(Sector),
    /// An EQF level.
    Level(Eqf),
    /// A stage.
    Stage(Stage),
    /// A learning form.
    Form(LearningForm),
    /// Only courses towards shortage occupations.
    Shortage,
}

/// Where a facet value has no course: in the whole data, or in the chosen area (radius,
/// view, country, province) only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapScope {
    /// No course in the whole dataset has it.
    Data,
    /// The data has some, none in the chosen area.
    Area,
}

/// The chosen facet values that alone give no course: each with whether the whole data lacks
/// it or only the chosen area. Empty when every value has courses there (then the
/// combination is what is empty).
pub fn facet_gaps(catalog: &Catalog, filter: &Filter) -> Vec<(FacetValue, GapScope)> {
    let mut values: Vec<(FacetValue, Filter)> = Vec::new();
    let blank = Filter::default();
    let area = Filter {
        origin: filter.origin,
        radius_km: filter.radius_km,
        bounds: filter.bounds,
        countries: filter.countries.clone(),
        provinces: filter.provinces.clone(),
        ..Filter::default()
    };
    let with = |f: &Filter, v: FacetValue| {
        let mut f = f.clone();
        match v {
            FacetValue::Sector(s) => f.sectors = vec![s],
            FacetValue::Level(e) => f.levels = vec![e],
            FacetValue::Stage(s) => f.stages = vec![s],
            FacetValue::Form(l) => f.learning_forms = vec![l],
            FacetValue::Shortage => f.shortage_only = true,
        }
        f
    };
    let chosen = filter
        .sectors
        .iter()
        .map(|s| FacetValue::Sector(*s))
        .chain(filter.levels.iter().map(|e| FacetValue::Level(*e)))
        .chain(filter.stages.iter().map(|s| FacetValue::Stage(*s)))
        .chain(filter.learning_forms.iter().map(|l| FacetValue::Form(*l)))
        .chain(filter.shortage_only.then_some(FacetValue::Shortage));
    for v in chosen {
        values.push((v, with(&blank, v)));
    }
    let mut out = Vec::new();
    for (v, whole) in values {
        if catalog.apply(&whole).course_count == 0 {
            out.push((v, GapScope::Data));
        } else if catalog.apply(&with(&area, v)).course_count == 0 {
            out.push((v, GapScope::Area));
        }
    }
    out
}

/// Stages each country's system has (Se-n-Se and HBO5 are Flemish, MBO is Dutch).
pub fn exists_in(stage: Stage, province: Province) -> bool {
    use crate::core::model::Country;
    !matches!(
        (stage, province.country()),
        (Stage::SeNSe | Stage::Graduaat, Country::Nl) | (Stage::Vocational, Country::Be)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::synth::{generate, SynthOptions};

    #[test]
    fn counts_add_up_and_gaps_are_found() {
        let data = generate(
            5,
            &SynthOptions {
                providers: 60,
                courses: 400,
                ..Default::default()
            },
        );
        let cov = Coverage::of(&data);
        let total: u32 = cov.cells.values().map(|c| c.courses).sum();
        assert_eq!(total as usize, data.courses.len());
        for ((p, s), cell) in &cov.cells {
            let brute = data
                .courses
                .iter()
                .filter(|c| c.stage == *s && data.providers[c.provider as usize].province == *p)
                .count();
            assert_eq!(cell.courses as usize, brute);
            assert!(cell.locations >= 1 && cell.locations <= cell.courses);
        }
        let cat = Catalog::new(data);
        // Synthetic data has no adult education anywhere: asking for it is a gap everywhere.
        let f = Filter {
            stages: vec![Stage::Adult],
            ..Default::default()
        };
        let gaps = uncovered(&cat, &cov, &f);
        assert_eq!(gaps.len(), 3, "{gaps:?}");
        // Asking for what exists is no gap.
        let f = Filter {
            stages: vec![Stage::UpperSecondary],
            provinces: vec![Province::OostVlaanderen],
            ..Default::default()
        };
        assert!(uncovered(&cat, &cov, &f).is_empty());
    }

    #[test]
    fn facet_gaps_name_what_the_data_lacks_and_where() {
        let mut data = generate(
            9,
            &SynthOptions {
                providers: 80,
                courses: 600,
                ..Default::default()
            },
        );
        // No evening course anywhere; online only in the first provider.
        for c in &mut data.courses {
            c.learning_forms = [LearningForm::FullTime].into();
        }
        let first = data.providers[0].courses.clone();
        for c in &mut data.courses[first.start as usize..first.end as usize] {
            c.learning_forms = [LearningForm::Online].into();
        }
        let far_from_first = data
            .providers
            .iter()
            .map(|p| p.lon_lat)
            .max_by(|a, b| {
                a.distance_km(&data.providers[0].lon_lat)
                    .total_cmp(&b.distance_km(&data.providers[0].lon_lat))
            })
            .unwrap();
        let cat = Catalog::new(data);
        let f = Filter {
            learning_forms: vec![LearningForm::Evening],
            ..Default::default()
        };
        assert_eq!(
            facet_gaps(&cat, &f),
            vec![(FacetValue::Form(LearningForm::Evening), GapScope::Data)]
        );
        let f = Filter {
            learning_forms: vec![LearningForm::Online],
            origin: Some(far_from_first),
            radius_km: Some(1.0),
            ..Default::default()
        };
        assert_eq!(
            facet_gaps(&cat, &f),
            vec![(FacetValue::Form(LearningForm::Online), GapScope::Area)]
        );
        // A value that exists in the area is no gap.
        let f = Filter {
            learning_forms: vec![LearningForm::FullTime],
            ..Default::default()
        };
        assert!(facet_gaps(&cat, &f).is_empty());
        // Brute force: the whole-data verdict agrees with a scan of the courses.
        for form in LearningForm::ALL {
            let any = cat
                .data
                .courses
                .iter()
                .any(|c| c.learning_forms.contains(form));
            let f = Filter {
                learning_forms: vec![*form],
                ..Default::default()
            };
            let gap = facet_gaps(&cat, &f);
            assert_eq!(gap.is_empty(), any, "{form:?}");
        }
    }
}
