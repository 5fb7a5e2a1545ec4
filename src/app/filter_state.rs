//! The filter the controls set, as one value: its signals, and its conversions to the core's
//! [`Filter`] and to and from the address bar's [`UrlState`], each in one place.

use leptos::prelude::*;

use crate::core::url::UrlState;
use crate::core::{
    Country, Eqf, Filter, LearningForm, LonLat, Occupations, Province, Sector, Stage,
};

/// The filter's signals (copied freely: each is a handle).
#[derive(Clone, Copy)]
pub(crate) struct FilterState {
    pub sectors: RwSignal<Vec<Sector>>,
    pub levels: RwSignal<Vec<Eqf>>,
    pub stages: RwSignal<Vec<Stage>>,
    pub countries: RwSignal<Vec<Country>>,
    pub provinces: RwSignal<Vec<Province>>,
    pub forms: RwSignal<Vec<LearningForm>>,
    pub text: RwSignal<String>,
    /// The occupation searched for, by key (kept across datasets and in the URL).
    pub occupation: RwSignal<Option<String>>,
    pub shortage_only: RwSignal<bool>,
    /// The starting point and the name it was chosen by.
    pub origin: RwSignal<Option<(LonLat, String)>>,
    pub radius_km: RwSignal<Option<u32>>,
    /// "Only what is in view".
    pub in_view: RwSignal<bool>,
}

impl FilterState {
    /// Every filter empty.
    pub fn new() -> Self {
        Self {
            sectors: RwSignal::new(Vec::new()),
            levels: RwSignal::new(Vec::new()),
            stages: RwSignal::new(Vec::new()),
            countries: RwSignal::new(Vec::new()),
            provinces: RwSignal::new(Vec::new()),
            forms: RwSignal::new(Vec::new()),
            text: RwSignal::new(String::new()),
            occupation: RwSignal::new(None),
            shortage_only: RwSignal::new(false),
            origin: RwSignal::new(None),
            radius_km: RwSignal::new(None),
            in_view: RwSignal::new(false),
        }
    }

    /// The core's filter (without the view bounds; tracked: a memo built on it follows it).
    pub fn to_filter(self) -> Filter {
        Filter {
            sectors: self.sectors.get(),
            levels: self.levels.get(),
            stages: self.stages.get(),
            countries: self.countries.get(),
            provinces: self.provinces.get(),
            learning_forms: self.forms.get(),
            text: self.text.get(),
            origin: self.origin.get().map(|(o, _)| o),
            radius_km: self.radius_km.get().map(f64::from),
            occupation: self
                .occupation
                .get()
                .and_then(|k| Occupations::builtin().by_key(&k)),
            shortage_only: self.shortage_only.get(),
            ..Filter::default()
        }
    }

    /// Writes the filter into a link's state.
    pub fn to_url(self, s: &mut UrlState) {
        s.text = self.text.get();
        s.sectors = self.sectors.get();
        s.levels = self.levels.get();
        s.stages = self.stages.get();
        s.countries = self.countries.get();
        s.provinces = self.provinces.get();
        s.learning_forms = self.forms.get();
        s.origin = self.origin.get();
        s.radius_km = self.radius_km.get();
        s.in_view = self.in_view.get();
        s.occupation = self.occupation.get();
        s.shortage_only = self.shortage_only.get();
    }

    /// Sets the filter from a link's state (an unknown occupation is dropped like any other
    /// bad parameter).
    pub fn set_from_url(&self, s: &UrlState) {
        self.text.set(s.text.clone());
        self.sectors.set(s.sectors.clone());
        self.levels.set(s.levels.clone());
        self.stages.set(s.stages.clone());
        self.countries.set(s.countries.clone());
        self.provinces.set(s.provinces.clone());
        self.forms.set(s.learning_forms.clone());
        self.origin.set(s.origin.clone());
        self.radius_km.set(s.radius_km);
        self.in_view.set(s.in_view);
        self.occupation.set(
            s.occupation
                .clone()
                .filter(|k| Occupations::builtin().by_key(k).is_some()),
        );
        self.shortage_only.set(s.shortage_only);
    }

    /// Clears the facets, the text and the occupation (the reset button; the place stays).
    pub fn clear(&self) {
        self.sectors.set(Vec::new());
        self.levels.set(Vec::new());
        self.stages.set(Vec::new());
        self.countries.set(Vec::new());
        self.provinces.set(Vec::new());
        self.forms.set(Vec::new());
        self.text.set(String::new());
        self.occupation.set(None);
        self.shortage_only.set(false);
    }
}
