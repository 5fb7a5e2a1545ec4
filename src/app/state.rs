//! The page's state: one [`Ui`] value shared with every component through the context, built
//! from the address bar; the helpers every component uses.

use std::collections::HashSet;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use super::browser::{self, query_string};
use super::filter_state::FilterState;
use super::map::MapCtl;
use super::{LIST_PAGE, PHONE_MAX_WIDTH_PX};
use crate::core::coverage::Coverage;
use crate::core::gazetteer::Gazetteer;
use crate::core::guidance::{self, GuidanceData, GuidanceView};
use crate::core::i18n::{self, Lang, Msg};
use crate::core::tiles::TileIndex;
use crate::core::url::{self, UrlState};
use crate::core::{
    shortlist, BoundsLonLat, Catalog, DatasetMeta, Filter, FilterOutcome, LonLat, ProviderId,
    Province,
};

/// Where loading stands.
#[derive(Clone, PartialEq)]
pub(crate) enum Status {
    Loading,
    Ready,
    Failed(String),
}

/// Which pane a phone shows.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Pane {
    List,
    Map,
}

/// Where the map is (it is made when first in sight).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MapState {
    /// Not asked for yet.
    NotMade,
    /// Its script is loading or the map is being made.
    Loading,
    /// Made and shown.
    Ready,
    /// Its script could not be loaded (offline on a first visit); the next showing tries again.
    Failed,
}

/// One load report line: the file it is about (tiles), and the rejection.
pub(crate) type Note = (Option<String>, crate::core::Rejection);

/// A dataset split in tiles: what exists, what was asked for, what arrived.
pub(crate) struct TileState {
    pub(crate) base: String,
    pub(crate) index: TileIndex,
    pub(crate) requested: HashSet<usize>,
    pub(crate) merged: crate::core::Dataset,
    pub(crate) rejections: Vec<Note>,
    pub(crate) rejected: usize,
}

/// Most tiles fetched for one view: beyond that, zoom in (a tile is several MB).
pub(crate) const MAX_TILES_PER_VIEW: usize = 12;

/// All of the page's state, shared with every component through the context.
#[derive(Clone, Copy)]
pub(crate) struct Ui {
    pub lang: RwSignal<Lang>,
    pub catalog: RwSignal<Option<Arc<Catalog>>>,
    pub status: RwSignal<Status>,
    /// What loading reported, worded when shown (so it follows the language).
    pub rejections: RwSignal<Vec<Note>>,
    pub rejected_features: RwSignal<usize>,
    pub meta: RwSignal<DatasetMeta>,
    pub source_label: RwSignal<String>,
    pub gazetteer: RwSignal<Option<Arc<Gazetteer>>>,
    /// The filter the controls set.
    pub filters: FilterState,
    pub view_bounds: RwSignal<Option<BoundsLonLat>>,
    pub view_center: RwSignal<Option<(LonLat, f64)>>,
    pub picking: RwSignal<bool>,
    pub selected: RwSignal<Option<ProviderId>>,
    pub pending_selection: RwSignal<Option<String>>,
    pub pane: RwSignal<Pane>,
    pub shown: RwSignal<usize>,
    pub shortlist: RwSignal<Vec<String>>,
    pub compare_open: RwSignal<bool>,
    pub share_open: RwSignal<bool>,
    /// Embedded on a partner's site (`?embed=1`): the map and the list only.
    pub embed: bool,
    /// In an embed, the filters stay (`&keep=filters`).
    pub embed_filters: bool,
    /// When the data shown is the copy the service worker kept (offline): from when.
    pub kept_copy: RwSignal<Option<String>>,
    /// `?data=` (a dataset other than the default), kept in every link the page makes.
    pub data_param: StoredValue<Option<String>>,
    /// Why the `?data=` asked for is not loaded, when it is not.
    pub data_refused: StoredValue<Option<url::DataRefusal>>,
    pub tiles_failed: RwSignal<bool>,
    /// Loaded / total data tiles, when the data is a tile index.
    pub tile_progress: RwSignal<Option<(usize, usize)>>,
    pub tile_state: StoredValue<Option<TileState>, LocalStorage>,
    /// The filter the controls make (without the view bounds).
    pub filter: Memo<Filter>,
    /// What the loaded data covers, counted once per dataset.
    pub coverage: Memo<Option<Arc<Coverage>>>,
    pub outcome: Memo<Option<Arc<FilterOutcome>>>,
    pub map_outcome: Memo<Option<Arc<FilterOutcome>>>,
    pub map_ctl: StoredValue<Option<Rc<MapCtl>>, LocalStorage>,
    /// The places where learners get advice, once loaded.
    pub guidance: RwSignal<Option<Arc<GuidanceData>>>,
    /// The advice layer asked for (`Some`) or left to the filter (`None`: shown when the
    /// filters point to adults or nothing matches).
    pub advice: RwSignal<Option<bool>>,
    /// The advice points to show now (empty when the layer is off).
    pub advice_view: Memo<GuidanceView>,
    /// The "add your offer" dialog is open.
    pub partner_open: RwSignal<bool>,
    /// On a phone: the filters sheet is open.
    pub filters_open: RwSignal<bool>,
    /// True once the first view has been drawn: what is below the fold or off screen (the
    /// facet lists, the map) is built after it, in tasks of their own.
    pub settled: RwSignal<bool>,
    /// True a task after `settled`: the folded facet lists (forty boxes with their counts)
    /// are built then, in a task of their own.
    pub facets_due: RwSignal<bool>,
    /// The catalog without a partner's preview, while one is shown.
    pub base_catalog: StoredValue<Option<Arc<Catalog>>>,
    /// Where the map is: not made yet (a phone's, until its pane is shown), being made, shown,
    /// or its script could not be loaded.
    pub map_state: RwSignal<MapState>,
    /// A provider opened from the list before the map was made (a phone makes its map when
    /// the map pane is first shown): its popup opens once the map's markers are drawn.
    pub open_on_map: StoredValue<Option<ProviderId>>,
}

/// The page's state.
pub(crate) fn ui() -> Ui {
    expect_context::<Ui>()
}

/// True when the advice layer is shown: as asked for, else when the filters point to adults or
/// nothing matches.
pub(crate) fn advice_on(
    advice: RwSignal<Option<bool>>,
    filter: &Filter,
    outcome: Memo<Option<Arc<FilterOutcome>>>,
) -> bool {
    advice.get().unwrap_or_else(|| {
        guidance::adults_in_focus(filter)
            || outcome.with(|o| o.as_ref().is_some_and(|o| o.providers.is_empty()))
    })
}

/// A message in the current language (reactive when called inside a closure).
pub(crate) fn tr(m: Msg) -> &'static str {
    m.text(ui().lang.get())
}

impl Ui {
    /// The page's state, from the address bar's query (`initial` is put in by
    /// [`Ui::set_url_state`] once the context is provided).
    pub(crate) fn new() -> (Self, UrlState) {
        let filters = FilterState::new();
        let in_view = filters.in_view;
        let view_bounds: RwSignal<Option<BoundsLonLat>> = RwSignal::new(None);
        let catalog: RwSignal<Option<Arc<Catalog>>> = RwSignal::new(None);
        // The address first: a shared link reproduces its view.
        let initial = UrlState::from_query(&query_string());
        // Data from another site is not loaded (the page's security policy reads its own site
        // only): the default data is shown, and the page says why.
        let data_refused = url::data_refusal(&query_string(), &browser::page_origin());
        let data_param = url::data_param(&query_string()).filter(|_| data_refused.is_none());

        let base_filter = Memo::new(move |_| filters.to_filter());
        // Markers show every match; the list and counts follow the view when "in view" is on.
        let map_outcome = Memo::new(move |_| {
            let start = browser::now_ms();
            let out = catalog.get().map(|c| Arc::new(c.apply(&base_filter.get())));
            browser::publish_timing("filter_ms", browser::now_ms() - start);
            out
        });
        // Without "in view" the list shows what the markers show: share it, don't filter twice.
        let outcome = Memo::new(move |_| {
            if !in_view.get() {
                return map_outcome.get();
            }
            let c = catalog.get()?;
            let f = Filter {
                bounds: view_bounds.get(),
                ..base_filter.get()
            };
            Some(Arc::new(c.apply(&f)))
        });

        let guidance_data: RwSignal<Option<Arc<GuidanceData>>> = RwSignal::new(None);
        let advice: RwSignal<Option<bool>> = RwSignal::new(None);
        let gazetteer: RwSignal<Option<Arc<Gazetteer>>> = RwSignal::new(None);
        let advice_view = Memo::new(move |_| {
            let Some(g) = guidance_data.get() else {
                return GuidanceView::default();
            };
            let f = base_filter.get();
            if !advice_on(advice, &f, outcome) {
                return GuidanceView::default();
            }
            let f = Filter {
                bounds: if in_view.get() {
                    view_bounds.get()
                } else {
                    None
                },
                ..f
            };
            // The starting point's province: that of the nearest place in the gazetteer.
            let origin_province = f.origin.and_then(|o| {
                gazetteer.with(|g| {
                    g.as_ref()?
                        .places()
                        .iter()
                        .filter(|p| p.postcode.is_none())
                        .min_by(|a, b| {
                            a.lon_lat
                                .distance_km(&o)
                                .total_cmp(&b.lon_lat.distance_km(&o))
                        })
                        .and_then(|p| Province::from_code(&p.province))
                })
            });
            guidance::select(&g.points, &f, origin_province)
        });
        let ui = Ui {
            lang: RwSignal::new(Lang::Nl),
            catalog,
            status: RwSignal::new(Status::Loading),
            rejections: RwSignal::new(Vec::new()),
            rejected_features: RwSignal::new(0),
            meta: RwSignal::new(DatasetMeta::default()),
            source_label: RwSignal::new(String::new()),
            gazetteer,
            filters,
            view_bounds,
            view_center: RwSignal::new(None),
            picking: RwSignal::new(false),
            selected: RwSignal::new(None),
            pending_selection: RwSignal::new(None),
            pane: RwSignal::new(Pane::List),
            shown: RwSignal::new(LIST_PAGE),
            shortlist: RwSignal::new(shortlist::parse(
                &browser::storage_get(shortlist::STORAGE_KEY).unwrap_or_default(),
            )),
            compare_open: RwSignal::new(false),
            share_open: RwSignal::new(false),
            embed: initial.embed,
            embed_filters: initial.embed_filters,
            kept_copy: RwSignal::new(None),
            data_param: StoredValue::new(data_param),
            data_refused: StoredValue::new(data_refused.clone()),
            tiles_failed: RwSignal::new(false),
            tile_progress: RwSignal::new(None),
            tile_state: StoredValue::new_local(None),
            filter: base_filter,
            coverage: Memo::new(move |_| {
                catalog.with(|c| c.as_ref().map(|c| Arc::new(Coverage::of(&c.data))))
            }),
            outcome,
            map_outcome,
            map_ctl: StoredValue::new_local(None),
            guidance: guidance_data,
            advice,
            advice_view,
            partner_open: RwSignal::new(false),
            filters_open: RwSignal::new(false),
            settled: RwSignal::new(false),
            facets_due: RwSignal::new(false),
            base_catalog: StoredValue::new(None),
            open_on_map: StoredValue::new(None),
            map_state: RwSignal::new(MapState::NotMade),
        };
        (ui, initial)
    }
}

impl Ui {
    /// The state a shared link carries.
    pub(crate) fn url_state(&self) -> UrlState {
        let selected = self.selected.get().and_then(|p| {
            self.catalog
                .with(|c| c.as_ref().map(|c| c.data.providers[p as usize].key.clone()))
        });
        let mut s = UrlState {
            view: self.view_center.get(),
            selected: selected.or_else(|| self.pending_selection.get()),
            lang: Some(self.lang.get())
                .filter(|l| *l != Lang::Nl)
                .map(|l| l.code().to_string()),
            embed: self.embed,
            embed_filters: self.embed_filters,
            ..UrlState::default()
        };
        self.filters.to_url(&mut s);
        s
    }

    /// The query string of a state: its own parameters plus `data=` and `tiles=`, which
    /// belong to the page rather than the selection.
    pub fn page_query(&self, state: &UrlState) -> String {
        let mut query = state.to_query();
        let page_params = [
            ("data", self.data_param.get_value()),
            ("tiles", url::param(&query_string(), "tiles")),
        ];
        for (name, value) in page_params {
            let Some(v) = value else { continue };
            let enc = js_sys::encode_uri_component(&v)
                .as_string()
                .unwrap_or_default();
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(&format!("{name}={enc}"));
        }
        query
    }

    /// The full address of a state (reactive: it follows the filters).
    pub fn page_url(&self, state: &UrlState) -> String {
        let query = self.page_query(state);
        if query.is_empty() {
            browser::page_base()
        } else {
            format!("{}?{query}", browser::page_base())
        }
    }

    /// Puts a shared link's state into the page.
    pub(crate) fn set_url_state(&self, s: UrlState) {
        self.filters.set_from_url(&s);
        self.lang.set(
            s.lang
                .as_deref()
                .and_then(Lang::from_code)
                .unwrap_or_default(),
        );
        match (s.selected, self.catalog.get_untracked()) {
            (Some(key), Some(c)) => self.selected.set(c.provider_by_key(&key)),
            (Some(key), None) => self.pending_selection.set(Some(key)),
            (None, _) => self.selected.set(None),
        }
        if let (Some((c, z)), Some(ctl)) = (s.view, self.map_ctl.get_value()) {
            ctl.set_view(c, z);
        }
        self.view_center.set(s.view);
        // A shared shortlist joins the visitor's own and opens as the decision sheet.
        if !s.shortlist.is_empty() {
            self.shortlist.update(|own| {
                for key in s.shortlist {
                    if !own.contains(&key) && own.len() < shortlist::MAX_ITEMS {
                        own.push(key);
                    }
                }
            });
            self.compare_open.set(true);
        }
    }
}
/// Phones start with the filters folded, so the results are the first thing they see.
///
/// Asked of the style sheet's own breakpoint (`matchMedia`), not `innerWidth`: reading
/// `innerWidth` makes Chromium lay out the page first, and at start, called while the app is
/// being built, that was a whole layout of the page inside the app's own task each time.
pub(crate) fn wide_screen() -> bool {
    let query = format!("(max-width: {PHONE_MAX_WIDTH_PX}px)");
    browser::window()
        .match_media(&query)
        .ok()
        .flatten()
        .is_none_or(|m| !m.matches())
}

/// Opens a provider from the list: selects it, shows the map (phones) and its popup.
pub(crate) fn open_provider(p: ProviderId) {
    let ui = ui();
    ui.selected.set(Some(p));
    ui.pane.set(Pane::Map);
    let Some(c) = ui.catalog.get_untracked() else {
        return;
    };
    let ll = c.data.providers[p as usize].lon_lat;
    let Some(ctl) = ui.map_ctl.get_value() else {
        // The pane switch makes the map; it opens the popup.
        ui.open_on_map.set_value(Some(p));
        return;
    };
    // On a phone the map was hidden until the pane switch above is drawn: measure it and
    // open the popup after that, or Leaflet lays the popup out in a zero-width map.
    request_animation_frame(move || {
        ctl.invalidate_size();
        ctl.open(p, ll.lat, ll.lon);
    });
}

/// "38 opleidingen bij 17 locaties (in beeld)".
pub(crate) fn count_text() -> String {
    let ui = ui();
    let lang = ui.lang.get();
    match (ui.status.get(), ui.outcome.get()) {
        (Status::Loading, _) => Msg::LoadingShort.text(lang).to_string(),
        (Status::Failed(_), _) => Msg::NoData.text(lang).to_string(),
        (Status::Ready, Some(o)) => format!(
            "{} {} {}{}",
            i18n::courses(lang, o.course_count),
            Msg::At.text(lang),
            i18n::providers(lang, o.providers.len()),
            if ui.filters.in_view.get() {
                format!(" {}", Msg::InView.text(lang))
            } else {
                String::new()
            }
        ),
        (Status::Ready, None) => String::new(),
    }
}
