//! The Leptos front end: thin components that read signals and call the core. Filter state
//! lives in signals, derived results in memos; effects only talk to the map, the address bar
//! and the browser's storage.

mod browser;
mod leaflet;
mod map;
mod panels;
mod partner;
mod results;
mod share;

use std::collections::HashSet;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::coverage::Coverage;
use crate::core::gazetteer::Gazetteer;
use crate::core::guidance::{self, GuidanceData, GuidanceView};
use crate::core::i18n::{Lang, Msg};
use crate::core::tiles::TileIndex;
use crate::core::url::UrlState;
use crate::core::{
    labels, load_geojson, shortlist, url, BoundsLonLat, Catalog, Country, DatasetMeta, Eqf, Filter,
    FilterOutcome, LearningForm, LoadError, LoadOptions, LoadReport, LonLat, Occupations,
    ProviderId, Province, Sector, Stage,
};
use browser::{fetch_text, query_string};
use map::{MapConfig, MapCtl};

/// The dataset shipped with the app.
pub(crate) const DEFAULT_DATA: &str = "data/providers.geojson";
/// The offline base layer.
pub(crate) const OUTLINE: &str = "region-outline.geojson";
/// The service worker script, beside `index.html` (its scope is the page's folder).
const SERVICE_WORKER: &str = "sw.js";
/// The gazetteer.
const PLACES: &str = "data/places.tsv";
/// Where to get advice: a layer of its own, never counted as courses.
const GUIDANCE: &str = "data/guidance.geojson";
/// Providers shown in the list before "show more".
const LIST_PAGE: usize = 25;
/// Same breakpoint as the phone layout in `assets/style.css`.
const PHONE_MAX_WIDTH_PX: f64 = 760.0;
/// Changes closer together than this replace the last history entry instead of adding one
/// (typing a word is one step back, not one per letter).
const HISTORY_MERGE_MS: f64 = 1_200.0;

/// Mounts the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    browser::watch_csp();
    leptos::mount::mount_to_body(App);
}

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

/// One load report line: the file it is about (tiles), and the rejection.
pub(crate) type Note = (Option<String>, crate::core::Rejection);

/// A dataset split in tiles: what exists, what was asked for, what arrived.
pub(crate) struct TileState {
    base: String,
    index: TileIndex,
    requested: HashSet<usize>,
    merged: crate::core::Dataset,
    rejections: Vec<Note>,
    rejected: usize,
}

/// Most tiles fetched for one view: beyond that, zoom in (a tile is several MB).
const MAX_TILES_PER_VIEW: usize = 12;

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
    pub in_view: RwSignal<bool>,
    pub view_bounds: RwSignal<Option<BoundsLonLat>>,
    pub view_center: RwSignal<Option<(LonLat, f64)>>,
    pub origin: RwSignal<Option<(LonLat, String)>>,
    pub radius_km: RwSignal<Option<u32>>,
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
    /// The catalog without a partner's preview, while one is shown.
    pub base_catalog: StoredValue<Option<Arc<Catalog>>>,
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
    /// Loads GeoJSON text into the page, replacing what was there.
    pub fn apply_data(&self, body: String) {
        let start = browser::now_ms();
        let loaded = load_geojson(&body, &LoadOptions::default());
        // The text is not needed once parsed: freed before the catalog and its indexes are
        // built, so they reuse its memory (wasm memory only grows; this lowers the peak).
        drop(body);
        self.apply_loaded(loaded, start);
    }

    /// Shows a loaded dataset (or why it could not load); `start` is when reading it began.
    pub fn apply_loaded(&self, loaded: Result<LoadReport, LoadError>, start: f64) {
        match loaded {
            Err(e) => {
                self.catalog.set(None);
                self.rejections.set(Vec::new());
                let lang = self.lang.get_untracked();
                self.status.set(Status::Failed(format!(
                    "{}: {}.",
                    Msg::FileUnreadable.text(lang),
                    labels::load_error(lang, &e)
                )));
            }
            Ok(report) => {
                self.rejected_features.set(report.rejected_features());
                self.rejections.set(
                    report
                        .rejections
                        .iter()
                        .map(|r| (None, r.clone()))
                        .collect(),
                );
                self.meta.set(report.meta);
                let catalog = Arc::new(Catalog::new(report.dataset));
                if let Some(key) = self.pending_selection.get_untracked() {
                    self.pending_selection.set(None);
                    self.selected.set(catalog.provider_by_key(&key));
                }
                let courses = catalog.data.courses.len();
                self.catalog.set(Some(catalog));
                self.status.set(Status::Ready);
                // Parse, validate, index, first filter and first render of the list.
                browser::publish_timing("load_ms", browser::now_ms() - start);
                browser::publish_timing("courses", courses as f64);
                browser::publish_timing("wasm_memory_mb", browser::wasm_memory_mb());
            }
        }
    }

    /// Starts a tiled dataset: tiles are fetched as the view needs them.
    fn start_tiles(&self, base: String, index: TileIndex) {
        let total = index.tiles.len();
        self.tile_state.set_value(Some(TileState {
            base,
            index,
            requested: HashSet::new(),
            merged: crate::core::Dataset::default(),
            rejections: Vec::new(),
            rejected: 0,
        }));
        self.tile_progress.set(Some((0, total)));
        self.catalog.set(Some(Arc::new(
            Catalog::new(crate::core::Dataset::default()),
        )));
        self.status.set(Status::Ready);
    }

    /// Fetches the tiles the current view needs that were not asked for yet.
    fn fetch_tiles(&self, view: BoundsLonLat) {
        let ui = *self;
        let wanted: Vec<(usize, String)> = self
            .tile_state
            .try_update_value(|st| {
                let Some(st) = st else { return Vec::new() };
                let new: Vec<usize> = st
                    .index
                    .needed(&view)
                    .into_iter()
                    .filter(|i| !st.requested.contains(i))
                    .take(MAX_TILES_PER_VIEW)
                    .collect();
                st.requested.extend(new.iter().copied());
                new.into_iter()
                    .map(|i| (i, format!("{}{}", st.base, st.index.tiles[i].file)))
                    .collect()
            })
            .unwrap_or_default();
        for (_, url) in wanted {
            spawn_local(async move {
                let Ok(text) = fetch_text(&url).await else {
                    return;
                };
                let Ok(report) = load_geojson(&text, &LoadOptions::default()) else {
                    return;
                };
                let merged = ui
                    .tile_state
                    .try_update_value(|st| {
                        let st = st.as_mut()?;
                        st.rejected += report.rejected_features();
                        st.rejections.extend(
                            report
                                .rejections
                                .iter()
                                .map(|r| (Some(url.clone()), r.clone())),
                        );
                        st.merged.append(report.dataset);
                        Some((st.merged.clone(), st.rejections.clone(), st.rejected))
                    })
                    .flatten();
                if let Some((data, rejections, rejected)) = merged {
                    ui.tile_progress.update(|p| {
                        if let Some((n, _)) = p {
                            *n += 1
                        }
                    });
                    ui.rejected_features.set(rejected);
                    ui.rejections.set(rejections);
                    ui.catalog.set(Some(Arc::new(Catalog::new(data))));
                    browser::publish_timing("wasm_memory_mb", browser::wasm_memory_mb());
                }
            });
        }
    }

    /// The state a shared link carries.
    fn url_state(&self) -> UrlState {
        let selected = self.selected.get().and_then(|p| {
            self.catalog
                .with(|c| c.as_ref().map(|c| c.data.providers[p as usize].key.clone()))
        });
        UrlState {
            text: self.text.get(),
            sectors: self.sectors.get(),
            levels: self.levels.get(),
            stages: self.stages.get(),
            countries: self.countries.get(),
            provinces: self.provinces.get(),
            learning_forms: self.forms.get(),
            origin: self.origin.get(),
            radius_km: self.radius_km.get(),
            view: self.view_center.get(),
            selected: selected.or_else(|| self.pending_selection.get()),
            in_view: self.in_view.get(),
            lang: Some(self.lang.get())
                .filter(|l| *l != Lang::Nl)
                .map(|l| l.code().to_string()),
            occupation: self.occupation.get(),
            shortage_only: self.shortage_only.get(),
            embed: self.embed,
            embed_filters: self.embed_filters,
        }
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
    fn set_url_state(&self, s: UrlState) {
        self.text.set(s.text);
        self.sectors.set(s.sectors);
        self.levels.set(s.levels);
        self.stages.set(s.stages);
        self.countries.set(s.countries);
        self.provinces.set(s.provinces);
        self.forms.set(s.learning_forms);
        self.origin.set(s.origin);
        self.radius_km.set(s.radius_km);
        self.in_view.set(s.in_view);
        // An unknown occupation in a link is dropped like any other bad parameter.
        self.occupation.set(
            s.occupation
                .filter(|k| Occupations::builtin().by_key(k).is_some()),
        );
        self.shortage_only.set(s.shortage_only);
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
    }
}

#[component]
fn App() -> impl IntoView {
    let sectors = RwSignal::new(Vec::new());
    let levels = RwSignal::new(Vec::new());
    let stages = RwSignal::new(Vec::new());
    let countries = RwSignal::new(Vec::new());
    let provinces = RwSignal::new(Vec::new());
    let forms = RwSignal::new(Vec::new());
    let text = RwSignal::new(String::new());
    let occupation: RwSignal<Option<String>> = RwSignal::new(None);
    let shortage_only = RwSignal::new(false);
    let origin: RwSignal<Option<(LonLat, String)>> = RwSignal::new(None);
    let radius_km = RwSignal::new(None);
    let in_view = RwSignal::new(false);
    let view_bounds: RwSignal<Option<BoundsLonLat>> = RwSignal::new(None);
    let catalog: RwSignal<Option<Arc<Catalog>>> = RwSignal::new(None);
    // The address first: a shared link reproduces its view.
    let initial = UrlState::from_query(&query_string());
    // Data from another site is not loaded (the page's security policy reads its own site
    // only): the default data is shown, and the page says why.
    let data_refused = url::data_refusal(&query_string(), &browser::page_origin());
    let data_param = url::data_param(&query_string()).filter(|_| data_refused.is_none());

    let base_filter = Memo::new(move |_| Filter {
        sectors: sectors.get(),
        levels: levels.get(),
        stages: stages.get(),
        countries: countries.get(),
        provinces: provinces.get(),
        learning_forms: forms.get(),
        text: text.get(),
        origin: origin.get().map(|(o, _)| o),
        radius_km: radius_km.get().map(f64::from),
        occupation: occupation
            .get()
            .and_then(|k| Occupations::builtin().by_key(&k)),
        shortage_only: shortage_only.get(),
        ..Filter::default()
    });
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
        sectors,
        levels,
        stages,
        countries,
        provinces,
        forms,
        text,
        occupation,
        shortage_only,
        in_view,
        view_bounds,
        view_center: RwSignal::new(None),
        origin,
        radius_km,
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
        base_catalog: StoredValue::new(None),
    };
    provide_context(ui);
    ui.set_url_state(initial);
    // The app, its data, the gazetteer and the outline keep working offline after one visit.
    browser::register_service_worker(SERVICE_WORKER);

    // Load the data (the default, or `?data=`), the gazetteer and the outline.
    let data_param = ui.data_param.get_value();
    let data_path = data_param
        .clone()
        .or_else(|| {
            browser::meta_tag("leerkaart-data")
                .filter(|d| url::data_param(&format!("data={d}")).is_some())
        })
        .unwrap_or_else(|| DEFAULT_DATA.to_string());
    ui.source_label.set(data_path.clone());
    spawn_local(async move {
        let options = LoadOptions::default();
        let fetched = browser::fetch_dataset(&data_path, &options).await;
        let fetched = fetched.map(|(body, kept, response_at)| {
            ui.kept_copy.set(kept);
            (body, response_at)
        });
        match fetched {
            Err(e) => ui.status.set(Status::Failed(format!(
                "{} ({e}).",
                Msg::FetchFailed.text(ui.lang.get_untracked())
            ))),
            Ok((browser::Fetched::Streamed(report), response_at)) => {
                ui.apply_loaded(Ok(report), response_at)
            }
            Ok((browser::Fetched::Text(body), _)) => match TileIndex::parse(&body) {
                // A split dataset: the tiles live next to the index.
                Some(index) => {
                    let base = data_path
                        .rsplit_once('/')
                        .map(|(d, _)| format!("{d}/"))
                        .unwrap_or_default();
                    ui.start_tiles(base, index);
                }
                None => ui.apply_data(body),
            },
        }
    });
    Effect::new(move |_| {
        let _ = ui.tile_progress.with(Option::is_some);
        if let Some(view) = ui.view_bounds.get() {
            ui.fetch_tiles(view);
        }
    });
    spawn_local(async move {
        // Without it only the advice layer is missing; the rest of the page works.
        if let Ok(text) = fetch_text(GUIDANCE).await {
            if let Some(g) = guidance::parse(&text) {
                ui.guidance.set(Some(Arc::new(g)));
            }
        }
    });
    spawn_local(async move {
        // Without the gazetteer only typing a place fails; the rest of the page works.
        if let Ok(text) = fetch_text(PLACES).await {
            if let Ok(g) = Gazetteer::parse(&text) {
                ui.gazetteer.set(Some(Arc::new(g)));
            }
        }
    });

    let map_el = NodeRef::<leptos::html::Div>::new();
    let select_from_map: Rc<dyn Fn(ProviderId)> = Rc::new(move |p| ui.selected.set(Some(p)));

    // Create the map once its element exists.
    Effect::new(move |_| {
        let Some(el) = map_el.get() else { return };
        if ui.map_ctl.with_value(|m| m.is_some()) {
            return;
        }
        let tiles = match url::param(&query_string(), "tiles").as_deref() {
            Some("none") => None,
            _ => browser::meta_tag("leerkaart-tiles"),
        };
        let config = MapConfig {
            tile_url: tiles,
            // One credit per language; a deployment that sets only the plain tag gets it in all.
            tile_attribution: Lang::ALL.map(|l| {
                browser::meta_tag(&format!("leerkaart-tiles-attribution-{}", l.code()))
                    .or_else(|| browser::meta_tag("leerkaart-tiles-attribution"))
                    .unwrap_or_default()
            }),
        };
        let ctl = MapCtl::new(
            &el,
            &config,
            move |b, center, zoom| {
                browser::publish_timing("view_changed_at_ms", browser::now_ms());
                ui.view_bounds.set(Some(b));
                ui.view_center.set(Some((center, zoom)));
            },
            move || {
                if !ui.tiles_failed.get_untracked() {
                    ui.tiles_failed.set(true);
                }
            },
        );
        match (
            ui.view_center.get_untracked(),
            ui.origin.get_untracked(),
            ui.radius_km.get_untracked(),
        ) {
            (Some((c, z)), _, _) => ctl.set_view(c, z),
            // A link with a starting point and radius but no view (an embed's `from` and
            // `km`): open on that circle, not the whole region.
            (None, Some((o, _)), Some(r)) => ctl.show_around(o, f64::from(r)),
            _ => {}
        }
        ui.view_bounds.set(Some(ctl.bounds()));
        ctl.on_click(move |p| {
            if ui.picking.get_untracked() {
                ui.picking.set(false);
                ui.origin.set(Some((
                    p,
                    Msg::PointOnMap.text(ui.lang.get_untracked()).to_string(),
                )));
            }
        });
        ui.map_ctl.set_value(Some(ctl.clone()));
        ctl.label_controls(ui.lang.get_untracked());
        spawn_local(async move {
            // The outline is decoration: without it the map still works, so a failure is quiet.
            if let Ok(text) = fetch_text(OUTLINE).await {
                if let Ok(json) = js_sys::JSON::parse(&text) {
                    ctl.set_outline(&json);
                }
            }
        });
    });

    // Effects below only talk to the map, the address bar and storage.
    let map_ready = Memo::new(move |_| ui.view_center.with(|v| v.is_some()));
    Effect::new(move |_| {
        let view = ui.advice_view.get();
        let lang = ui.lang.get();
        let _ = map_ready.get();
        let (Some(ctl), Some(g)) = (ui.map_ctl.get_value(), ui.guidance.get()) else {
            return;
        };
        ctl.set_guidance(&g.points, &view.located, lang);
    });
    let on_marker = select_from_map.clone();
    // Only a zoom change re-clusters; panning keeps the markers.
    let zoom = Memo::new(move |_| ui.view_center.get().map(|(_, z)| z));
    let outcome_version = RwSignal::new(0u64);
    Effect::new(move |_| {
        ui.map_outcome.with(|_| ());
        outcome_version.update(|v| *v += 1);
    });
    Effect::new(move |prev: Option<(u64, Lang)>| {
        let key = (outcome_version.get(), ui.lang.get());
        let _ = zoom.get();
        let Some(c) = ui.catalog.get_untracked() else {
            return key;
        };
        let Some(ctl) = ui.map_ctl.get_value() else {
            return key;
        };
        // A zoom change alone matters only when there are enough markers to cluster.
        if prev == Some(key) && !ctl.zoom_matters() {
            return key;
        }
        let start = browser::now_ms();
        ui.map_outcome.with_untracked(|o| {
            if let Some(o) = o {
                ctl.set_markers(&c, o, key.1, on_marker.clone());
            }
        });
        let end = browser::now_ms();
        browser::publish_timing("markers_ms", end - start);
        browser::publish_timing("markers_done_at_ms", end);
        // performance.now() counts from the navigation start: opening the page → first markers.
        if !browser::has_timing("first_markers_at_ms") {
            browser::publish_timing("first_markers_at_ms", end);
        }
        ctl.highlight(ui.selected.get_untracked());
        key
    });
    Effect::new(move |_| {
        let sel = ui.selected.get();
        if let Some(ctl) = ui.map_ctl.get_value() {
            ctl.highlight(sel);
        }
        if let Some(p) = sel {
            // A provider picked on the map may sit beyond the list's first page, or among
            // the locations whose offer is not listed: bring its entry into the list first.
            let place = ui.outcome.with_untracked(|o| {
                o.as_ref().map(|o| {
                    (
                        o.providers.iter().position(|h| h.provider == p),
                        o.unlisted.iter().position(|h| h.provider == p),
                    )
                })
            });
            let id = match place {
                Some((Some(i), _)) => {
                    if i >= ui.shown.get_untracked() {
                        ui.shown.set((i / LIST_PAGE + 1) * LIST_PAGE);
                    }
                    format!("result-{p}")
                }
                Some((None, Some(_))) => {
                    browser::open_details("unlisted");
                    format!("unlisted-{p}")
                }
                _ => format!("result-{p}"),
            };
            // After the list has rendered the entry.
            request_animation_frame(move || browser::scroll_into_view(&id));
        }
    });
    Effect::new(move |_| {
        // Leaflet must re-measure when the phone layout shows the map again, and when a
        // notice above the map takes some of its height.
        let _ = ui.pane.get();
        let _ = ui.tiles_failed.get();
        let _ = ui.tile_progress.with(Option::is_some);
        if let Some(ctl) = ui.map_ctl.get_value() {
            // After the layout change is drawn.
            request_animation_frame(move || ctl.invalidate_size());
        }
    });
    Effect::new(move |prev: Option<Option<(LonLat, Option<u32>)>>| {
        let now = ui.origin.get().map(|(o, _)| (o, ui.radius_km.get()));
        if let Some(ctl) = ui.map_ctl.get_value() {
            ctl.set_origin(now.map(|n| n.0), now.and_then(|n| n.1).map(f64::from));
            // Zoom to the radius when the user changes it, not when a shared view is restored.
            if let (Some((o, Some(r))), Some(p)) = (now, prev) {
                if p != now {
                    ctl.show_around(o, f64::from(r));
                }
            }
        }
        now
    });
    // A new search starts at the top of the list.
    Effect::new(move |_| {
        let _ = base_filter.get();
        let _ = ui.in_view.get();
        ui.shown.set(LIST_PAGE);
    });
    Effect::new(move |_| {
        let list = ui.shortlist.get();
        browser::storage_set(shortlist::STORAGE_KEY, &shortlist::serialize(&list));
    });
    Effect::new(move |_| browser::set_document_lang(ui.lang.get().code()));
    // The tab title and Leaflet's own zoom buttons speak the interface language too.
    Effect::new(move |_| {
        let lang = ui.lang.get();
        browser::set_document_title(&format!(
            "{} — {}",
            Msg::Title.text(lang),
            Msg::Tagline.text(lang)
        ));
        if let Some(ctl) = ui.map_ctl.get_value() {
            ctl.label_controls(lang);
        }
    });
    // The address bar follows the state: a new entry per change (merged while typing), the
    // map view replaced in place so back/forward step through searches, not pans.
    let last_push = StoredValue::new(0.0_f64);
    let last_state: StoredValue<Option<UrlState>> = StoredValue::new(None);
    Effect::new(move |_| {
        let state = ui.url_state();
        let query = ui.page_query(&state);
        let current = query_string();
        if current.trim_start_matches('?') == query {
            last_state.set_value(Some(state));
            return;
        }
        let only_view = last_state.with_value(|prev| {
            prev.as_ref().is_some_and(|p| {
                UrlState {
                    view: state.view,
                    ..p.clone()
                } == state
            })
        });
        let now = js_sys::Date::now();
        let push = !only_view
            && last_state.with_value(Option::is_some)
            && now - last_push.get_value() > HISTORY_MERGE_MS;
        if push {
            last_push.set_value(now);
        }
        browser::set_query(&query, push);
        last_state.set_value(Some(state));
    });
    browser::on_popstate(move || {
        ui.set_url_state(UrlState::from_query(&query_string()));
    });
    // Escape closes what is open on top (the comparison, else a map popup) and returns the
    // focus to the result it came from.
    browser::on_keydown(move |key| {
        if key != "Escape" {
            return;
        }
        if ui.share_open.get_untracked() {
            ui.share_open.set(false);
            browser::focus("#open-share");
            return;
        }
        if ui.partner_open.get_untracked() {
            ui.partner_open.set(false);
            browser::focus("#open-partner");
            return;
        }
        if ui.filters_open.get_untracked() {
            ui.filters_open.set(false);
            browser::focus("#open-filters");
            return;
        }
        if ui.compare_open.get_untracked() {
            ui.compare_open.set(false);
            browser::focus("#open-compare");
            return;
        }
        if browser::exists(".leaflet-popup") {
            if let Some(ctl) = ui.map_ctl.get_value() {
                ctl.close_popup();
            }
            if let Some(p) = ui.selected.get_untracked() {
                browser::focus(&format!(
                    "#result-{p} .result-head, #unlisted-{p} .result-head"
                ));
            }
        }
    });

    // The glossary and about panel appear once the first data is in (and then stay, open or
    // closed, through any later loading).
    let loaded_once = Memo::new(move |prev: Option<&bool>| {
        prev.copied().unwrap_or(false) || ui.status.get() != Status::Loading
    });
    view! {
        <div class="app" class:embedded=ui.embed class:pane-map=move || ui.pane.get() == Pane::Map class:pane-list=move || ui.pane.get() == Pane::List class:comparing=move || ui.compare_open.get() class:filters-open=move || ui.filters_open.get()>
            <a class="skip-link" href="#results" on:click=move |ev| {
                ev.prevent_default();
                browser::focus("#results .result-head, #no-results, #unlisted summary");
            }>{move || tr(Msg::SkipToResults)}</a>
            {(!ui.embed).then(|| view! {
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true"></span>
                    <div>
                        <h1>{move || tr(Msg::Title)}</h1>
                        <p class="tagline">{move || tr(Msg::Tagline)}</p>
                    </div>
                </div>
                <div class="topbar-right">
                    <p class="count" id="match-count" role="status" aria-live="polite">{results::count_text}</p>
                    <button type="button" class="btn-secondary" id="open-share" aria-expanded=move || ui.share_open.get().to_string() on:click=move |_| {
                        ui.share_open.update(|o| *o = !*o);
                        ui.partner_open.set(false);
                        // Into the dialog, for keyboard and screen-reader users (Escape returns).
                        if ui.share_open.get_untracked() {
                            request_animation_frame(|| browser::focus("#copy-link"));
                        }
                    }>{move || tr(Msg::Share)}</button>
                    <button type="button" class="btn-secondary" id="open-partner" aria-expanded=move || ui.partner_open.get().to_string() on:click=move |_| {
                        ui.partner_open.update(|o| *o = !*o);
                        ui.share_open.set(false);
                        if ui.partner_open.get_untracked() {
                            request_animation_frame(|| browser::focus("#partner-template"));
                        }
                    }>{move || tr(Msg::PartnerOpen)}</button>
                    <label class="lang">
                        <span class="sr-only">{move || tr(Msg::Language)}</span>
                        <select id="lang" on:change=move |ev| {
                            if let Some(l) = Lang::from_code(&event_target_value(&ev)) { ui.lang.set(l) }
                        }>
                            {Lang::ALL.into_iter().map(|l| view! {
                                <option value=l.code() lang=l.code() translate="no" selected=move || ui.lang.get() == l>{l.name()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                </div>
            </header>
            })}
            {ui.embed.then(|| view! { <share::EmbedBar /> })}
            {move || ui.kept_copy.get().map(|when| view! {
                <p class="banner offline" id="offline-copy" role="status">{move || format!("{} {}.", tr(Msg::OfflineCopy), browser::local_date_time(&when, ui.lang.get().code()))}</p>
            })}
            {ui.data_refused.get_value().map(|r| view! {
                <p class="banner" id="data-refused" role="status">{move || match &r {
                    url::DataRefusal::Malformed => tr(Msg::DataRefusedMalformed).to_string(),
                    url::DataRefusal::OtherSite(host) => format!("{} ({host}).", tr(Msg::DataRefusedOtherSite)),
                }}</p>
            })}
            <panels::StatusBanner />
            <main class="layout">
                <aside class="sidebar" aria-label=move || tr(Msg::SearchAndResults)>
                    {(!ui.embed || ui.embed_filters).then(|| view! { <panels::Filters /> })}
                    <div class="results-col">
                        {(!ui.embed || ui.embed_filters).then(|| view! { <panels::PhoneFilterBar /> })}
                        <results::OccupationCard />
                        <results::ResultList />
                        // Below the results once they are in: shown earlier they would be
                        // pushed down by the list's arrival (a layout shift).
                        {(!ui.embed).then(|| view! {
                            <Show when=move || loaded_once.get()>
                                <panels::Glossary />
                                <panels::About />
                            </Show>
                        })}
                    </div>
                </aside>
                <section class="map-pane" aria-label=move || tr(Msg::Map)>
                    <div id="map" node_ref=map_el></div>
                    {move || ui.tile_progress.get().map(|(n, total)| view! {
                        <p class="map-note tiles-note" id="tile-progress" role="status">
                            {format!("{} {n} / {total}", tr(Msg::TilesLoaded))}
                        </p>
                    })}
                    <Show when=move || ui.tiles_failed.get()>
                        <p class="map-note" id="tiles-failed" role="status">{move || tr(Msg::TilesUnavailable)}</p>
                    </Show>
                    <div class="legend" aria-hidden="true">
                        <span><i class="dot mk-tech"></i>{move || tr(Msg::LegendTech)}</span>
                        <span><i class="dot mk-care"></i>{move || tr(Msg::LegendCare)}</span>
                        <span><i class="dot mk-mixed"></i>{move || tr(Msg::LegendBoth)}</span>
                        <span><i class="dot mk-other"></i>{move || tr(Msg::LegendOther)}</span>
                        <span><i class="dot mk-unlisted"></i>{move || tr(Msg::OfferNotListed)}</span>
                        <Show when=move || ui.advice_view.with(|v| !v.located.is_empty())>
                            <span><i class="mk-advice-swatch">"i"</i>{move || tr(Msg::AdviceTitle)}</span>
                        </Show>
                        <span class="legend-note">{move || tr(Msg::LegendNumber)}</span>
                    </div>
                </section>
            </main>
            <results::Compare />
            <share::ShareDialog />
            <partner::PartnerDialog />
            <nav class="pane-toggle" aria-label=move || tr(Msg::ViewToggle)>
                <button type="button" id="show-list" aria-pressed=move || (ui.pane.get() == Pane::List).to_string() on:click=move |_| ui.pane.set(Pane::List)>{move || tr(Msg::List)}</button>
                <button type="button" id="show-map" aria-pressed=move || (ui.pane.get() == Pane::Map).to_string() on:click=move |_| ui.pane.set(Pane::Map)>{move || tr(Msg::Map)}</button>
            </nav>
        </div>
    }
}

/// Phones start with the filters folded, so the results are the first thing they see.
pub(crate) fn wide_screen() -> bool {
    browser::window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w > PHONE_MAX_WIDTH_PX)
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
    if let Some(ctl) = ui.map_ctl.get_value() {
        // On a phone the map was hidden until the pane switch above is drawn: measure it and
        // open the popup after that, or Leaflet lays the popup out in a zero-width map.
        request_animation_frame(move || {
            ctl.invalidate_size();
            ctl.open(p, ll.lat, ll.lon);
        });
    }
}
