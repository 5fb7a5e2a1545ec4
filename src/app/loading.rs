//! Loading the data: the dataset (streamed, or a tile index and its tiles), the places to get
//! advice, the gazetteer; what loading reported.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{self, fetch_text};
use super::state::{Status, TileState, Ui, MAX_TILES_PER_VIEW};
use super::{DEFAULT_DATA, GUIDANCE, PLACES, SERVICE_WORKER};
use crate::core::gazetteer::Gazetteer;
use crate::core::guidance;
use crate::core::i18n::Msg;
use crate::core::tiles::TileIndex;
use crate::core::url;
use crate::core::{
    labels, load_geojson, BoundsLonLat, Catalog, LoadError, LoadOptions, LoadReport,
};

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
                let catalog = self.index(report);
                self.show(catalog, start);
            }
        }
    }

    /// Shows a loaded dataset as [`apply_loaded`](Self::apply_loaded) does, in steps with a
    /// pause for the browser between them (index, then show), so that a phone never waits on
    /// one long task.
    pub async fn apply_report_in_steps(&self, report: LoadReport, start: f64) {
        browser::yield_to_browser().await;
        let catalog = self.index(report);
        browser::yield_to_browser().await;
        self.show(catalog, start);
    }

    /// Takes a report's messages and builds the catalog of its records.
    fn index(&self, report: LoadReport) -> Arc<Catalog> {
        self.rejected_features.set(report.rejected_features());
        self.rejections.set(
            report
                .rejections
                .iter()
                .map(|r| (None, r.clone()))
                .collect(),
        );
        self.meta.set(report.meta);
        browser::mark("leerkaart:parsed");
        let catalog = Arc::new(Catalog::new(report.dataset));
        browser::mark("leerkaart:indexed");
        catalog
    }

    /// Shows a built catalog: the list, the counts and (just after) the map's markers.
    fn show(&self, catalog: Arc<Catalog>, start: f64) {
        if let Some(key) = self.pending_selection.get_untracked() {
            self.pending_selection.set(None);
            self.selected.set(catalog.provider_by_key(&key));
        }
        let courses = catalog.data.courses.len();
        self.catalog.set(Some(catalog));
        self.status.set(Status::Ready);
        browser::mark("leerkaart:rendered");
        // Parse, validate, index, first filter and first render of the list.
        browser::publish_timing("load_ms", browser::now_ms() - start);
        browser::publish_timing("courses", courses as f64);
        browser::publish_timing("wasm_memory_mb", browser::wasm_memory_mb());
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
}

/// Starts loading what the page shows, once the context is provided.
pub(crate) fn start(ui: Ui) {
    // The app, its data, the gazetteer and the outline keep working offline after one visit.
    // Registered once the first view is drawn (it starts the worker's own downloads).
    spawn_local(async {
        browser::after_next_paint().await;
        browser::register_service_worker(SERVICE_WORKER);
    });

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
                ui.apply_report_in_steps(report, response_at).await
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
        // Not needed for the first view: asked for once it is drawn.
        browser::after_next_paint().await;
        // Without it only the advice layer is missing; the rest of the page works.
        if let Ok(text) = fetch_text(GUIDANCE).await {
            if let Some(g) = guidance::parse(&text) {
                ui.guidance.set(Some(Arc::new(g)));
            }
        }
    });
    spawn_local(async move {
        browser::after_next_paint().await;
        // Without the gazetteer only typing a place fails; the rest of the page works.
        if let Ok(text) = fetch_text(PLACES).await {
            if let Ok(g) = Gazetteer::parse(&text) {
                ui.gazetteer.set(Some(Arc::new(g)));
            }
        }
    });
}
