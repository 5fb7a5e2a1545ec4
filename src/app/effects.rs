//! What talks to the outside: the map (created once its element exists, then its markers,
//! origin and advice layer), the address bar and history, the browser's storage, the tab's
//! title and language, the Escape key.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{self, fetch_text, query_string};
use super::map::{MapConfig, MapCtl, MapView};
use super::state::{wide_screen, MapState, Pane, Ui};
use super::{FIRST_ROWS, HISTORY_MERGE_MS, LEAFLET_JS, LIST_PAGE, OUTLINE};
use crate::core::i18n::{Lang, Msg};
use crate::core::url::{self, UrlState};
use crate::core::{shortlist, LonLat, ProviderId};

/// Frames in which a selected entry is looked for in the list before giving up: the list
/// draws a new result set's page a few rows per frame.
const SCROLL_FRAMES: usize = LIST_PAGE / FIRST_ROWS + 2;

/// Sets up the map and the effects that talk to it; `map_el` is the map's element.
pub(crate) fn install_map(ui: Ui, map_el: NodeRef<leptos::html::Div>) {
    let select_from_map: Rc<dyn Fn(ProviderId)> = Rc::new(move |p| ui.selected.set(Some(p)));
    // The map is made after the first frame, and the data may be in before it (the offline
    // copy, a fast network): what the map shows is drawn again once it exists.
    let map_made = Memo::new(move |_| ui.map_state.get() == MapState::Ready);

    // The map is made once its element exists and the first view is drawn, and on a phone only
    // when its pane is first shown: Leaflet's script, its setup and the first markers are most
    // of a phone's work at start, for a map that is out of sight behind the list. A tiled
    // dataset needs the map's view to know which tiles to fetch, so it makes the map at once.
    if wide_screen() {
        // In sight from the start: Leaflet's script runs while the data is on its way.
        spawn_local(async {
            let _ = browser::load_script(LEAFLET_JS).await;
        });
    }
    // A phone turned into a wide window shows the map pane without a switch.
    let resized = RwSignal::new(0u32);
    browser::on_resize(move || {
        if ui.map_ctl.with_value(Option::is_none) {
            resized.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        let Some(el) = map_el.get() else { return };
        let _ = resized.get();
        let wanted =
            ui.pane.get() == Pane::Map || wide_screen() || ui.tile_progress.with(Option::is_some);
        let under_way = matches!(
            ui.map_state.get_untracked(),
            MapState::Loading | MapState::Ready
        );
        if !wanted || !ui.settled.get() || under_way {
            return;
        }
        ui.map_state.set(MapState::Loading);
        spawn_local(async move {
            browser::mark("leerkaart:map-start");
            if let Err(e) = browser::load_script(LEAFLET_JS).await {
                // Offline on a first visit: the list works; the next pane switch tries again.
                web_sys::console::warn_2(&"Leaflet did not load".into(), &e);
                ui.map_state.set(MapState::Failed);
                return;
            }
            // Leaflet's script ran in a task of its own; the map is made in the next.
            browser::yield_to_browser().await;
            create_map(ui, &el);
            ui.map_state.set(MapState::Ready);
            browser::mark("leerkaart:map");
        });
    });

    // Effects below only talk to the map, the address bar and storage.
    Effect::new(move |_| {
        let view = ui.advice_view.get();
        let lang = ui.lang.get();
        let _ = map_made.get();
        let (Some(ctl), Some(g)) = (ui.map_ctl.get_value(), ui.guidance.get()) else {
            return;
        };
        ctl.set_guidance(&g.points, &view.located, lang);
    });
    let on_marker = select_from_map.clone();
    // Only a zoom change re-clusters; panning keeps the markers.
    let zoom = Memo::new(move |_| ui.view_center.get().map(|(_, z)| z));
    let outcome_version = RwSignal::new(0u64);
    // The catalog the markers were last drawn for (compared by address, never dereferenced).
    let drawn_catalog = StoredValue::new(None::<usize>);
    Effect::new(move |_| {
        ui.map_outcome.with(|_| ());
        outcome_version.update(|v| *v += 1);
    });
    // Returns what it drew for (None: nothing yet, so the map's arrival after the data, as
    // from the offline copy, still draws).
    Effect::new(move |prev: Option<Option<(u64, Lang)>>| {
        let key = (outcome_version.get(), ui.lang.get());
        let _ = zoom.get();
        let _ = map_made.get();
        let c = ui.catalog.get_untracked()?;
        let ctl = ui.map_ctl.get_value()?;
        // A zoom change alone matters only when there are markers to cluster.
        if prev.flatten() == Some(key) && !ctl.zoom_matters() {
            return Some(key);
        }
        let draw = {
            let on_marker = on_marker.clone();
            move || {
                // The latest catalog and outcome: a deferred draw shows what is current then.
                let Some(c) = ui.catalog.get_untracked() else {
                    return;
                };
                let start = browser::now_ms();
                ui.map_outcome.with_untracked(|o| {
                    if let Some(o) = o {
                        ctl.set_markers(&c, o, ui.lang.get_untracked(), on_marker.clone());
                    }
                });
                let end = browser::now_ms();
                browser::publish_timing("markers_ms", end - start);
                browser::publish_timing("markers_done_at_ms", end);
                // performance.now() counts from the navigation start: opening the page → first
                // markers.
                if !browser::has_timing("first_markers_at_ms") {
                    browser::publish_timing("first_markers_at_ms", end);
                }
                ctl.highlight(ui.selected.get_untracked());
            }
        };
        // New data: the list shows first and the markers follow in a task of their own (a
        // phone would otherwise wait for both). A filter change draws at once, in step with
        // the list.
        let address = Arc::as_ptr(&c) as usize;
        let new_data = drawn_catalog.with_value(|d| *d != Some(address));
        drawn_catalog.set_value(Some(address));
        if new_data {
            leptos::task::spawn_local(async move {
                browser::yield_to_browser().await;
                draw();
            });
        } else {
            draw();
        }
        Some(key)
    });
    Effect::new(move |_| {
        let sel = ui.selected.get();
        let _ = map_made.get();
        if let Some(ctl) = ui.map_ctl.get_value() {
            ctl.highlight(sel);
        }
    });
    Effect::new(move |_| {
        if let Some(p) = ui.selected.get() {
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
            // Once the list has the entry: before the next paint, or, while a new result
            // set's rows are still being drawn a few per frame, once it is there; and once
            // more after that frame, since rows out of sight stand in with an estimated height
            // (`content-visibility`) until those around the entry are drawn.
            spawn_local(async move {
                browser::next_frame().await;
                let mut scrolled = false;
                for _ in 0..SCROLL_FRAMES {
                    if browser::scroll_into_view(&id) {
                        if scrolled {
                            break;
                        }
                        scrolled = true;
                    }
                    browser::after_next_paint().await;
                }
            });
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
        let now = ui
            .filters
            .origin
            .get()
            .map(|(o, _)| (o, ui.filters.radius_km.get()));
        let _ = map_made.get();
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
}

/// Sets up the effects that talk to the page around the app: the list's length, storage,
/// the tab's title and language, the address bar and history, the Escape key.
pub(crate) fn install_page(ui: Ui) {
    // A new search starts at the top of the list.
    Effect::new(move |_| {
        let _ = ui.filter.get();
        let _ = ui.filters.in_view.get();
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
    // map view replaced in place so back/forward step through searches, not pans. It is
    // written after the change has been painted: `history.replaceState` costs ~2.5 ms in
    // Chromium, a sixth of a click's frame, and nobody reads the address in that frame.
    let last_push = StoredValue::new(0.0_f64);
    let last_state: StoredValue<Option<UrlState>> = StoredValue::new(None);
    // The query waiting for that paint, and whether it makes a new history entry.
    let pending: StoredValue<Option<(String, bool)>> = StoredValue::new(None);
    Effect::new(move |_| {
        let state = ui.url_state();
        let query = ui.page_query(&state);
        let shown = pending
            .with_value(|p| p.as_ref().map(|(q, _)| q.clone()))
            .unwrap_or_else(|| query_string().trim_start_matches('?').to_string());
        if shown == query {
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
        last_state.set_value(Some(state));
        // Changes before that paint merge into one write, a new entry if any of them was one.
        let queued = pending.with_value(|p| p.as_ref().map(|(_, push)| *push));
        pending.set_value(Some((query, push || queued == Some(true))));
        if queued.is_none() {
            spawn_local(async move {
                browser::after_next_paint().await;
                if let Some((query, push)) = pending.try_update_value(Option::take).flatten() {
                    browser::set_query(&query, push);
                }
            });
        }
    });
    browser::on_popstate(move || {
        // Back or forward wins over a write still waiting for its paint.
        pending.set_value(None);
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
}

/// Creates the Leaflet map in its element and connects it to the page's state.
fn create_map(ui: Ui, el: &web_sys::HtmlDivElement) {
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
        el,
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
    let first = match (
        ui.view_center.get_untracked(),
        ui.filters.origin.get_untracked(),
        ui.filters.radius_km.get_untracked(),
    ) {
        (Some((c, z)), _, _) => MapView::At(c, z),
        // A link with a starting point and radius but no view (an embed's `from` and
        // `km`): open on that circle, not the whole region.
        (None, Some((o, _)), Some(r)) => MapView::Around(o, f64::from(r)),
        _ => MapView::Region,
    };
    // Out of sight (a phone's list pane) it is shown when the map pane first opens.
    ctl.show(first);
    ui.view_bounds.set(Some(ctl.bounds()));
    ctl.on_click(move |p| {
        if ui.picking.get_untracked() {
            ui.picking.set(false);
            ui.filters.origin.set(Some((
                p,
                Msg::PointOnMap.text(ui.lang.get_untracked()).to_string(),
            )));
        }
    });
    ui.map_ctl.set_value(Some(ctl.clone()));
    ctl.label_controls(ui.lang.get_untracked());
    // A result opened from the list before the map was made.
    if let (Some(p), Some(c)) = (ui.open_on_map.get_value(), ui.catalog.get_untracked()) {
        ui.open_on_map.set_value(None);
        let ll = c.data.providers[p as usize].lon_lat;
        ctl.open_when_drawn(p, ll.lat, ll.lon);
    }
    spawn_local(async move {
        // The outline is decoration: without it the map still works, so a failure is quiet.
        if let Ok(text) = fetch_text(OUTLINE).await {
            if let Ok(json) = js_sys::JSON::parse(&text) {
                ctl.set_outline(&json);
            }
        }
    });
}
