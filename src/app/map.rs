//! The Leaflet map: base layers, provider markers and popups. Driven by effects in the app;
//! it reports back only through the callbacks it is given (view moved, marker clicked).

use std::cell::{Cell, RefCell};

use rustc_hash::FxHashMap;
use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen::prelude::*;
use web_sys::{Document, HtmlElement};

use super::leaflet::{self as l, options};
use crate::core::catalog::MarkerGroup;
use crate::core::cluster::{cluster, Cluster, ClusterOptions};
use crate::core::guidance::GuidancePoint;
use crate::core::i18n::{self, Lang, Msg};
use crate::core::{
    labels, safe_http_url, BoundsLonLat, Catalog, FilterOutcome, LonLat, ProviderHit, ProviderId,
    Sector, REGION_VIEW,
};

/// Zoom used when a result is opened from the list, unless the map is already closer.
const FOCUS_ZOOM: f64 = CLUSTER_MAX_ZOOM;
/// How many matching courses a popup lists per provider before "en N meer".
const POPUP_COURSES: usize = 6;
/// Marker diameter in px; groups of several providers get a larger badge.
const MARKER_PX: f64 = 26.0;
const GROUP_MARKER_PX: f64 = 32.0;
/// Widest popup content.
const POPUP_MAX_PX: f64 = 320.0;
/// Space kept between a popup and the map's edge.
const POPUP_PAD_PX: f64 = 40.0;
/// The same on a phone.
const POPUP_PAD_NARROW_PX: f64 = 10.0;
/// A popup's frame around its content (Leaflet's margins and the close button).
const POPUP_CHROME_PX: f64 = 50.0;
/// Height kept free at the top of a phone's map for the zoom buttons.
const POPUP_CLEAR_CONTROLS_PX: f64 = 90.0;
/// Below this window width popups are fitted to the screen.
const NARROW_SCREEN_PX: f64 = 600.0;
/// A place of advice's marker.
const ADVICE_MARKER_PX: f64 = 22.0;
/// Above the locations whose offer is not listed (often at the same town centre), under
/// those with courses.
const ADVICE_Z_OFFSET: f64 = -500.0;
/// A location whose offer is not listed: smaller, so it never hides a marker with courses.
const UNLISTED_MARKER_PX: f64 = 20.0;
/// Leaflet z-index offset that puts those markers under the others.
const UNLISTED_Z_OFFSET: f64 = -1000.0;
/// z-index offset of the selected marker: above every other.
const HIGHLIGHT_Z_OFFSET: f64 = 1000.0;

/// More marker groups than this are clustered generously when zoomed out (supercluster's
/// radius); fewer only where they would cover each other's numbers (a town's schools at a
/// region's zoom).
const CLUSTER_MIN_MARKERS: usize = 150;
/// Markers closer than this (a location marker's width) are drawn as one cluster.
const OVERLAP_PX: f64 = GROUP_MARKER_PX;
/// From this zoom on, markers are never clustered.
const CLUSTER_MAX_ZOOM: f64 = 13.0;
const CLUSTER_PX_MIN: f64 = 30.0;
const CLUSTER_PX_PER_LOG: f64 = 8.0;
const CLUSTER_PX_MAX: f64 = 60.0;

/// How far the map can be panned: the region and its neighbours, inside the outline's extent.
const MAX_BOUNDS: BoundsLonLat = BoundsLonLat {
    west: 1.6,
    south: 50.1,
    east: 5.4,
    north: 52.3,
};

/// Map settings read from the page.
pub struct MapConfig {
    /// Tile URL template, or `None` to show only the offline outline.
    pub tile_url: Option<String>,
    /// Tile attribution per interface language, in [`Lang::ALL`] order (trusted markup, from
    /// `index.html`).
    pub tile_attribution: [String; 3],
}

/// A Rust callback handed to Leaflet as an event handler.
type Handler = Closure<dyn FnMut(JsValue)>;

/// Makes the popups' elements. Text from the data only ever goes in as text, never as markup.
#[derive(Clone)]
struct Dom(Document);

impl Dom {
    fn el(&self, tag: &str, class: &str, text: Option<&str>) -> HtmlElement {
        let e: HtmlElement = self
            .0
            .create_element(tag)
            .expect("valid tag name")
            .unchecked_into();
        if !class.is_empty() {
            e.set_class_name(class);
        }
        if let Some(t) = text {
            e.set_text_content(Some(t));
        }
        e
    }
}

/// A marker on the map with what it needs to stay there: the handlers Leaflet calls (its
/// click, its popup's content) and the providers it stands for.
struct Shown {
    marker: l::Marker,
    members: Vec<ProviderId>,
    /// The z-index offset it has when not highlighted.
    base_z: f64,
    /// For a cluster, the number of courses its badge shows (a click that changes only that
    /// updates the badge in place).
    cluster_courses: Option<usize>,
    /// For a cluster, the box its click zooms to (a cluster marker is moved to stand for
    /// another cluster rather than replaced).
    cluster_bounds: Option<Rc<Cell<BoundsLonLat>>>,
    _click: Handler,
    _popup: Option<Closure<dyn FnMut(JsValue) -> JsValue>>,
}

/// A view of the map: a centre and zoom (a shared link's), a circle around a starting point,
/// or the whole region.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MapView {
    /// A centre and zoom.
    At(LonLat, f64),
    /// A circle of this many kilometres around a point.
    Around(LonLat, f64),
    /// The whole region.
    Region,
}

/// The live map and its markers.
pub struct MapCtl {
    map: l::Map,
    markers: l::LayerGroup,
    /// Each provider's marker with that marker's own z-index offset.
    by_provider: RefCell<FxHashMap<ProviderId, (l::Marker, f64)>>,
    highlighted: RefCell<Vec<(l::Marker, f64)>>,
    dom: Dom,
    // Closures handed to Leaflet must live as long as what they are bound to: the map's for
    // the page's lifetime, the markers' until the markers are replaced.
    _keep: RefCell<Vec<Handler>>,
    /// The markers drawn now, by what they show: a filter change keeps the ones whose
    /// look, members and popup are unchanged and only adds and removes the others.
    shown: RefCell<FxHashMap<u64, Shown>>,
    origin_layers: RefCell<Vec<l::Layer>>,
    group_count: std::cell::Cell<usize>,
    /// The zoom the markers were last drawn at.
    drawn_zoom: std::cell::Cell<f64>,
    pending_popup: std::cell::Cell<Option<ProviderId>>,
    /// A view asked for while the map had no size (see [`MapCtl::show`]).
    pending_view: std::cell::Cell<Option<MapView>>,
    /// The tile credit per language; `None` without tiles.
    attributions: Option<[String; 3]>,
    /// The credit Leaflet shows now, to remove it when the language changes.
    shown_attribution: RefCell<Option<String>>,
    /// The interface language, for what Leaflet labels itself (a popup's close button).
    lang: std::cell::Cell<Lang>,
    /// Where to get advice: its own layer, drawn apart from the courses.
    guidance: l::LayerGroup,
    /// What the advice layer shows now (points and language), to redraw only on a change.
    guidance_shown: RefCell<(Vec<usize>, Lang)>,
}

fn label_popup_close(lang: Lang) {
    super::browser::set_title_attr(".leaflet-popup-close-button", Msg::ClosePopup.text(lang));
}

fn bounds_of(map: &l::Map) -> BoundsLonLat {
    let b = map.get_bounds();
    BoundsLonLat {
        west: b.get_west(),
        south: b.get_south(),
        east: b.get_east(),
        north: b.get_north(),
    }
}

impl MapCtl {
    /// Creates the map in `el`, fitted to the region; `on_move` gets the view after every
    /// pan or zoom (and once at start).
    pub fn new(
        el: &HtmlElement,
        config: &MapConfig,
        on_move: impl Fn(BoundsLonLat, LonLat, f64) + 'static,
        on_tile_error: impl Fn() + 'static,
    ) -> Rc<Self> {
        let map = l::new_map(
            el,
            &options(&[
                ("zoomSnap", 0.5.into()),
                ("minZoom", 8.into()),
                (
                    "maxBounds",
                    l::bounds(
                        MAX_BOUNDS.south,
                        MAX_BOUNDS.west,
                        MAX_BOUNDS.north,
                        MAX_BOUNDS.east,
                    ),
                ),
                ("maxZoom", 18.into()),
                ("keyboard", true.into()),
            ]),
        );
        // A view from the start (Leaflet has no bounds without one); `show` then picks the
        // view the page opens on.
        map.fit_bounds(&region_bounds());
        let mut keep: Vec<Handler> = Vec::new();
        if let Some(url) = &config.tile_url {
            let tiles = l::tile_layer(
                url,
                // The credit is added per language by `label_controls`.
                &options(&[("maxZoom", 19.into())]),
            )
            .add_to(&map);
            let failed = Closure::<dyn FnMut(JsValue)>::new(move |_| on_tile_error());
            tiles.on("tileerror", failed.as_ref().unchecked_ref());
            keep.push(failed);
        }
        let markers = l::layer_group();
        markers.add_to(&map);
        let guidance = l::layer_group();
        guidance.add_to(&map);
        let document = web_sys::window()
            .and_then(|w| w.document())
            .expect("a page has a document");
        let ctl = Rc::new(Self {
            map,
            markers,
            by_provider: RefCell::new(FxHashMap::default()),
            highlighted: RefCell::new(Vec::new()),
            dom: Dom(document),
            _keep: RefCell::new(keep),
            shown: RefCell::new(FxHashMap::default()),
            origin_layers: RefCell::new(Vec::new()),
            group_count: std::cell::Cell::new(0),
            drawn_zoom: std::cell::Cell::new(0.0),
            pending_popup: std::cell::Cell::new(None),
            pending_view: std::cell::Cell::new(None),
            attributions: config
                .tile_url
                .is_some()
                .then(|| config.tile_attribution.clone()),
            shown_attribution: RefCell::new(None),
            lang: std::cell::Cell::new(Lang::default()),
            guidance,
            guidance_shown: RefCell::new((Vec::new(), Lang::default())),
        });
        let weak = Rc::downgrade(&ctl);
        let moved = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if let Some(ctl) = weak.upgrade() {
                let b = bounds_of(&ctl.map);
                on_move(b, b.center(), ctl.map.get_zoom());
            }
        });
        ctl.map.on("moveend", moved.as_ref().unchecked_ref());
        ctl._keep.borrow_mut().push(moved);
        // Leaflet names a popup's close button in English only.
        let weak = Rc::downgrade(&ctl);
        let opened = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if let Some(ctl) = weak.upgrade() {
                label_popup_close(ctl.lang.get());
            }
        });
        ctl.map.on("popupopen", opened.as_ref().unchecked_ref());
        ctl._keep.borrow_mut().push(opened);
        ctl
    }

    /// Calls `f` with the position of every click on the map (not on a marker).
    pub fn on_click(&self, f: impl Fn(LonLat) + 'static) {
        let clicked = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
            let ll = js_sys::Reflect::get(&ev, &"latlng".into()).unwrap_or(JsValue::NULL);
            let get = |k: &str| {
                js_sys::Reflect::get(&ll, &k.into())
                    .ok()
                    .and_then(|v| v.as_f64())
            };
            if let (Some(lat), Some(lng)) = (get("lat"), get("lng")) {
                f(LonLat::new(lng, lat));
            }
        });
        self.map.on("click", clicked.as_ref().unchecked_ref());
        self._keep.borrow_mut().push(clicked);
    }

    /// Shows where the user starts from and the radius around it.
    pub fn set_origin(&self, origin: Option<LonLat>, radius_km: Option<f64>) {
        for layer in self.origin_layers.borrow_mut().drain(..) {
            self.map.remove_layer(&layer);
        }
        let Some(o) = origin else { return };
        let at = l::lat_lng(o.lat, o.lon);
        let mut layers = self.origin_layers.borrow_mut();
        if let Some(r) = radius_km {
            let c = l::circle(
                &at,
                &options(&[
                    ("radius", (r * 1000.0).into()),
                    ("color", "#0f5c8c".into()),
                    ("weight", 1.5.into()),
                    ("fillOpacity", 0.06.into()),
                    ("interactive", false.into()),
                ]),
            );
            c.add_to(&self.map);
            layers.push(c);
        }
        let dot = l::circle_marker(
            &at,
            &options(&[
                ("radius", 8.into()),
                ("color", "#ffffff".into()),
                ("weight", 3.into()),
                ("fillColor", "#d9480f".into()),
                ("fillOpacity", 1.into()),
                ("interactive", false.into()),
            ]),
        );
        dot.add_to(&self.map);
        layers.push(dot);
    }

    /// Shows a view; out of sight (a phone's list pane, where the map has no size and
    /// Leaflet cannot fit one) it is shown when the map is next measured with a size.
    pub fn show(&self, view: MapView) {
        if self.has_size() {
            self.pending_view.set(None);
            match view {
                MapView::At(center, zoom) => self.map.set_view(
                    &l::lat_lng(center.lat, center.lon),
                    zoom,
                    &options(&[("animate", false.into())]),
                ),
                // Not animated: a view the page chooses is there at once, so a result opened
                // meanwhile (at its own zoom) is not undone when an animation ends.
                MapView::Around(origin, radius_km) => {
                    let b = BoundsLonLat::around(origin, radius_km);
                    self.map.fit_bounds_with(
                        &l::bounds(b.south, b.west, b.north, b.east),
                        &options(&[("animate", false.into())]),
                    );
                }
                MapView::Region => self
                    .map
                    .fit_bounds_with(&region_bounds(), &options(&[("animate", false.into())])),
            }
        } else {
            self.pending_view.set(Some(view));
        }
    }

    /// Fits the map to a circle around the origin.
    pub fn show_around(&self, origin: LonLat, radius_km: f64) {
        self.show(MapView::Around(origin, radius_km));
    }

    /// The current view.
    pub fn bounds(&self) -> BoundsLonLat {
        bounds_of(&self.map)
    }

    /// Moves the map to a centre and zoom (a shared link's view).
    pub fn set_view(&self, center: LonLat, zoom: f64) {
        self.show(MapView::At(center, zoom));
    }

    /// True when the map's container is laid out with a size (not in a hidden pane).
    pub fn has_size(&self) -> bool {
        let el = self.map.get_container();
        el.client_width() > 0 && el.client_height() > 0
    }

    /// Tells Leaflet its container changed size (the phone's list/map toggle), and shows a
    /// view asked for while the map was out of sight.
    pub fn invalidate_size(&self) {
        // Its `moveend` a little later: on it Leaflet pans the view back inside the map's
        // bounds, with an animation that, started at once, ended after the view shown below
        // and moved it off centre (a tall phone's first look at the map).
        self.map
            .invalidate_size(&options(&[("debounceMoveend", true.into())]));
        if self.has_size() {
            if let Some(view) = self.pending_view.take() {
                self.show(view);
            }
        }
    }

    /// Draws the region outline under the markers (works with no tile server).
    pub fn set_outline(&self, geojson: &JsValue) {
        // A Rust closure, not `new Function(...)`: the page's CSP allows no eval.
        let style = Closure::<dyn Fn(JsValue) -> JsValue>::new(|f: JsValue| {
            let props = js_sys::Reflect::get(&f, &"properties".into()).unwrap_or_default();
            let kind = js_sys::Reflect::get(&props, &"kind".into())
                .ok()
                .and_then(|k| k.as_string());
            if kind.as_deref() == Some("country") {
                options(&[
                    ("color", "#7a8796".into()),
                    ("weight", 1.5.into()),
                    ("fillColor", "#eef2f5".into()),
                    ("fillOpacity", 0.55.into()),
                ])
            } else {
                options(&[
                    ("color", "#3d6e8f".into()),
                    ("weight", 1.2.into()),
                    ("dashArray", "4 3".into()),
                    ("fill", false.into()),
                ])
            }
        });
        l::geo_json(
            geojson,
            &options(&[
                ("style", style.as_ref().clone()),
                ("interactive", false.into()),
            ]),
        )
        .add_to(&self.map);
        // Leaflet calls the style function again on restyle: it lives as long as the page.
        style.forget();
    }

    /// Shows one marker per group of matching providers. Markers that look and behave the
    /// same as before stay as they are; only the changed ones are removed and added.
    pub fn set_markers(
        &self,
        catalog: &Arc<Catalog>,
        outcome: &FilterOutcome,
        lang: Lang,
        on_click: Rc<dyn Fn(ProviderId)>,
    ) {
        let started = super::browser::now_ms();
        // Highlighting is re-applied by the caller; reused markers must not keep it.
        self.unhighlight();
        let courses_of = CoursesOf::new(&outcome.providers, catalog.data.providers.len());
        // Locations whose offer is not listed get a marker of their own kind, never none.
        let groups = catalog.marker_groups(
            outcome
                .providers
                .iter()
                .chain(&outcome.unlisted)
                .map(|h| h.provider),
        );
        let zoom = self.map.get_zoom();
        self.group_count.set(groups.len());
        self.drawn_zoom.set(zoom);
        // Zoomed out, markers are clustered: many generously, a few only where they overlap
        // (a region's worth of providers reads fine as single markers, but a town's schools
        // at a region's zoom hide each other's numbers).
        let clusters = if zoom < CLUSTER_MAX_ZOOM {
            let options = if groups.len() > CLUSTER_MIN_MARKERS {
                ClusterOptions::default()
            } else {
                ClusterOptions {
                    radius_px: OVERLAP_PX,
                    ..ClusterOptions::default()
                }
            };
            cluster(
                groups
                    .iter()
                    .enumerate()
                    .map(|(i, g)| (g.lon_lat, i as ProviderId)),
                zoom,
                &options,
            )
        } else {
            groups
                .iter()
                .enumerate()
                .map(|(i, g)| Cluster {
                    lon_lat: g.lon_lat,
                    providers: vec![i as ProviderId],
                    bounds: BoundsLonLat::from_corners(g.lon_lat, g.lon_lat),
                })
                .collect()
        };
        let narrow = self.narrow_screen();
        // The benchmark's parts: grouping and clustering (Rust) against drawing (Leaflet, DOM).
        let grouped = super::browser::now_ms();
        super::browser::publish_timing("marker_groups_ms", grouped - started);
        let mut old = std::mem::take(&mut *self.shown.borrow_mut());
        let mut now: FxHashMap<u64, Shown> =
            FxHashMap::with_capacity_and_hasher(clusters.len(), Default::default());
        // First the markers that stay; the clusters left over then take over the cluster
        // markers no longer needed (moved and relabelled: no new element for Leaflet to make),
        // and only what is still missing is created.
        let mut missing = Vec::new();
        for c in clusters {
            let single = (c.providers.len() == 1).then(|| &groups[c.providers[0] as usize]);
            let members: Vec<ProviderId> = match single {
                Some(g) => g.providers.to_vec(),
                None => c
                    .providers
                    .iter()
                    .flat_map(|g| groups[*g as usize].providers.iter().copied())
                    .collect(),
            };
            // Everything the marker shows or does follows from these: the dataset, where it
            // is, who it stands for and their matching courses, the language and the screen.
            let key = {
                use std::hash::{Hash, Hasher};
                // Fx, not SipHash: at 1M courses this hashes 125k providers per click, and the
                // key only tells a kept marker from a changed one.
                let mut h = rustc_hash::FxHasher::default();
                (Arc::as_ptr(catalog) as usize).hash(&mut h);
                single.is_some().hash(&mut h);
                c.lon_lat.lon.to_bits().hash(&mut h);
                c.lon_lat.lat.to_bits().hash(&mut h);
                [c.bounds.west, c.bounds.south, c.bounds.east, c.bounds.north]
                    .map(f64::to_bits)
                    .hash(&mut h);
                for p in &members {
                    p.hash(&mut h);
                    // A single marker's colour and popup follow its courses; a cluster shows
                    // only their number, updated in place below.
                    if single.is_some() {
                        courses_of.get(p).unwrap_or(&[]).hash(&mut h);
                    }
                }
                lang.code().hash(&mut h);
                narrow.hash(&mut h);
                h.finish()
            };
            // A cluster shows its members' matching courses as a number.
            let n_courses = single.is_none().then(|| {
                members
                    .iter()
                    .map(|p| courses_of.get(p).map_or(0, |c| c.len()))
                    .sum::<usize>()
            });
            if let Some(mut kept) = old.remove(&key) {
                if let (Some(before), Some(n_courses)) = (kept.cluster_courses, n_courses) {
                    if n_courses != before {
                        relabel_cluster(&kept.marker, members.len(), n_courses, lang);
                        kept.cluster_courses = Some(n_courses);
                    }
                }
                now.insert(key, kept);
            } else {
                missing.push((c, single, members, key, n_courses));
            }
        }
        let (mut spare, gone): (Vec<Shown>, Vec<Shown>) = old
            .into_values()
            .partition(|s| s.cluster_bounds.is_some() && s.marker.get_element().is_some());
        for s in gone {
            self.markers.remove_layer(&s.marker);
        }
        for (c, single, members, key, n_courses) in missing {
            let shown = match single {
                Some(group) => {
                    let (marker, base_z, popup) =
                        self.group_marker(catalog, group, &courses_of, lang, narrow);
                    let first = group.providers[0];
                    let cb = on_click.clone();
                    let click = Closure::<dyn FnMut(JsValue)>::new(move |_| cb(first));
                    marker.on("click", click.as_ref().unchecked_ref());
                    self.markers.add_layer(&marker);
                    Shown {
                        marker,
                        members,
                        base_z,
                        cluster_courses: None,
                        cluster_bounds: None,
                        _click: click,
                        _popup: Some(popup),
                    }
                }
                None => {
                    let n_courses = n_courses.unwrap_or_default();
                    match spare.pop() {
                        Some(mut s) => {
                            s.marker
                                .set_lat_lng(&l::lat_lng(c.lon_lat.lat, c.lon_lat.lon));
                            if let Some(el) = s.marker.get_element() {
                                size_cluster(&el, members.len());
                            }
                            relabel_cluster(&s.marker, members.len(), n_courses, lang);
                            if let Some(b) = &s.cluster_bounds {
                                b.set(c.bounds);
                            }
                            s.members = members;
                            s.cluster_courses = Some(n_courses);
                            s
                        }
                        None => {
                            let marker = self.cluster_marker(&c, members.len(), n_courses, lang);
                            let map = self.map.clone();
                            let bounds = Rc::new(Cell::new(c.bounds));
                            let click = Closure::<dyn FnMut(JsValue)>::new({
                                let bounds = bounds.clone();
                                move |_| {
                                    let b = bounds.get();
                                    map.fit_bounds(&l::bounds(b.south, b.west, b.north, b.east));
                                }
                            });
                            marker.on("click", click.as_ref().unchecked_ref());
                            self.markers.add_layer(&marker);
                            Shown {
                                marker,
                                members,
                                base_z: 0.0,
                                cluster_courses: Some(n_courses),
                                cluster_bounds: Some(bounds),
                                _click: click,
                                _popup: None,
                            }
                        }
                    }
                }
            };
            now.insert(key, shown);
        }
        for s in spare {
            self.markers.remove_layer(&s.marker);
        }
        let mut by_provider = self.by_provider.borrow_mut();
        by_provider.clear();
        for s in now.values() {
            for p in &s.members {
                by_provider.insert(*p, (s.marker.clone(), s.base_z));
            }
        }
        drop(by_provider);
        *self.shown.borrow_mut() = now;
        super::browser::publish_timing("marker_draw_ms", super::browser::now_ms() - grouped);
        if let Some(p) = self.pending_popup.take() {
            self.open_popup_of(p);
        }
    }

    /// Whether the window is phone-sized (popups are sized for it).
    fn narrow_screen(&self) -> bool {
        super::browser::window_width_px() < NARROW_SCREEN_PX
    }

    fn cluster_marker(
        &self,
        c: &Cluster,
        providers: usize,
        courses: usize,
        lang: Lang,
    ) -> l::Marker {
        let size = cluster_px(providers);
        let (class, badge, title) = cluster_look(providers, courses, lang);
        let icon = l::div_icon(&options(&[
            ("className", class.into()),
            ("html", format!("<span>{badge}</span>").into()),
            (
                "iconSize",
                js_sys::Array::of2(&size.into(), &size.into()).into(),
            ),
        ]));
        l::marker(
            &l::lat_lng(c.lon_lat.lat, c.lon_lat.lon),
            &options(&[
                ("icon", icon),
                ("title", title.as_str().into()),
                ("alt", title.as_str().into()),
                ("keyboard", true.into()),
            ]),
        )
    }

    /// True when the map's zoom, changed since the markers were drawn, can change them: two or
    /// more markers, clustered before or after (from the focus zoom on nothing clusters).
    pub fn zoom_matters(&self) -> bool {
        self.group_count.get() > 1
            && (self.drawn_zoom.get() < CLUSTER_MAX_ZOOM || self.map.get_zoom() < CLUSTER_MAX_ZOOM)
    }

    fn open_popup_of(&self, provider: ProviderId) {
        if let Some((m, _)) = self.by_provider.borrow().get(&provider) {
            m.open_popup();
        }
    }

    /// A group's marker, its z-index offset and its popup's content function, which Leaflet
    /// calls when the popup opens: popups are built when opened, not for every marker.
    fn group_marker(
        &self,
        catalog: &Arc<Catalog>,
        group: &MarkerGroup,
        courses_of: &CoursesOf,
        lang: Lang,
        narrow: bool,
    ) -> (l::Marker, f64, Closure<dyn FnMut(JsValue) -> JsValue>) {
        let data = &catalog.data;
        let n_courses: usize = group
            .providers
            .iter()
            .map(|p| courses_of.get(p).map_or(0, |c| c.len()))
            .sum();
        let sectors: Vec<Sector> = group
            .providers
            .iter()
            .flat_map(|p| {
                courses_of
                    .get(p)
                    .unwrap_or(&[])
                    .iter()
                    .map(|c| data.courses[*c as usize].sector)
            })
            .collect();
        let tech = sectors.iter().filter(|s| s.is_stem()).count();
        let care = sectors
            .iter()
            .filter(|s| **s == Sector::HealthWelfare)
            .count();
        let unlisted = n_courses == 0;
        let class = match (tech > 0, care > 0) {
            _ if unlisted => "mk mk-unlisted",
            (true, true) => "mk mk-mixed",
            (true, false) => "mk mk-tech",
            (false, true) => "mk mk-care",
            (false, false) => "mk mk-other",
        };
        // A partner's offer not yet published is outlined as such.
        let preview = group
            .providers
            .iter()
            .any(|p| data.providers[*p as usize].preview);
        let class = if preview {
            match class {
                "mk mk-unlisted" => "mk mk-unlisted mk-preview",
                "mk mk-mixed" => "mk mk-mixed mk-preview",
                "mk mk-tech" => "mk mk-tech mk-preview",
                "mk mk-care" => "mk mk-care mk-preview",
                _ => "mk mk-other mk-preview",
            }
        } else {
            class
        };
        let size = if unlisted {
            UNLISTED_MARKER_PX
        } else if group.providers.len() > 1 {
            GROUP_MARKER_PX
        } else {
            MARKER_PX
        };
        let names: Vec<&str> = group
            .providers
            .iter()
            .map(|p| data.providers[*p as usize].name.as_str())
            .collect();
        // The icon's HTML is built here from numbers only; names go in as text properties.
        let icon = l::div_icon(&options(&[
            ("className", class.into()),
            (
                "html",
                if unlisted {
                    // No number: nothing is known of its courses, not zero of them.
                    "<span>?</span>".to_string()
                } else {
                    format!("<span>{}</span>", compact(n_courses))
                }
                .into(),
            ),
            (
                "iconSize",
                js_sys::Array::of2(&size.into(), &size.into()).into(),
            ),
        ]));
        let title = if unlisted {
            format!("{} — {}", names.join(", "), Msg::OfferNotListed.text(lang))
        } else {
            format!("{} — {}", names.join(", "), i18n::courses(lang, n_courses))
        };
        // Locations whose offer is not listed lie under the ones with courses.
        let base_z = if unlisted { UNLISTED_Z_OFFSET } else { 0.0 };
        let marker = l::marker(
            &l::lat_lng(group.lon_lat.lat, group.lon_lat.lon),
            &options(&[
                ("icon", icon),
                ("title", title.as_str().into()),
                ("alt", title.as_str().into()),
                ("keyboard", true.into()),
                ("riseOnHover", true.into()),
                ("zIndexOffset", base_z.into()),
            ]),
        );
        // On a phone the popup and its padding must fit the screen, or Leaflet cannot pan it
        // into view (the map may still be hidden here, so the window is what is measured).
        let screen = super::browser::window_width_px();
        let (max_width, pad) = if narrow {
            (
                (screen - POPUP_CHROME_PX - 2.0 * POPUP_PAD_NARROW_PX).min(POPUP_MAX_PX),
                POPUP_PAD_NARROW_PX,
            )
        } else {
            (POPUP_MAX_PX, POPUP_PAD_PX)
        };
        // Keep the popup's header clear of the zoom buttons in the top-left corner.
        let top_left = if narrow {
            js_sys::Array::of2(&pad.into(), &POPUP_CLEAR_CONTROLS_PX.into())
        } else {
            js_sys::Array::of2(&pad.into(), &pad.into())
        };
        let content = {
            let (dom, catalog, group) = (self.dom.clone(), catalog.clone(), group.clone());
            let courses: Vec<(ProviderId, Vec<u32>)> = group
                .providers
                .iter()
                .map(|p| (*p, courses_of.get(p).unwrap_or(&[]).to_vec()))
                .collect();
            Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |_| {
                let courses_of: FxHashMap<ProviderId, &[u32]> =
                    courses.iter().map(|(p, c)| (*p, c.as_slice())).collect();
                popup(&dom, &catalog, &group, &courses_of, lang).into()
            })
        };
        marker.bind_popup_with(
            content.as_ref().unchecked_ref(),
            &options(&[
                ("maxWidth", max_width.into()),
                (
                    "autoPanPadding",
                    js_sys::Array::of2(&pad.into(), &pad.into()).into(),
                ),
                ("autoPanPaddingTopLeft", top_left.into()),
            ]),
        );
        (marker, base_z, content)
    }

    /// Draws the places of advice `shown` (indexes into `points`) on their own layer, with
    /// their own marker; an empty list clears it.
    pub fn set_guidance(
        &self,
        points: &[GuidancePoint],
        shown: &[(usize, Option<f64>)],
        lang: Lang,
    ) {
        let ids: Vec<usize> = shown.iter().map(|(i, _)| *i).collect();
        {
            let last = self.guidance_shown.borrow();
            if last.0 == ids && last.1 == lang {
                return;
            }
        }
        self.guidance.clear_layers();
        for &i in &ids {
            let g = &points[i];
            let Some(at) = g.lon_lat else { continue };
            let title = format!("{} — {}", g.name, Msg::AdviceTitle.text(lang));
            let icon = l::div_icon(&options(&[
                ("className", "mk mk-advice".into()),
                ("html", "<span>i</span>".into()),
                (
                    "iconSize",
                    js_sys::Array::of2(&ADVICE_MARKER_PX.into(), &ADVICE_MARKER_PX.into()).into(),
                ),
            ]));
            let marker = l::marker(
                &l::lat_lng(at.lat, at.lon),
                &options(&[
                    ("icon", icon),
                    ("title", title.as_str().into()),
                    ("alt", title.as_str().into()),
                    ("keyboard", true.into()),
                    ("zIndexOffset", ADVICE_Z_OFFSET.into()),
                ]),
            );
            marker.bind_popup(
                &advice_popup(&self.dom, g, lang),
                &options(&[("maxWidth", POPUP_MAX_PX.into())]),
            );
            self.guidance.add_layer(&marker);
        }
        *self.guidance_shown.borrow_mut() = (ids, lang);
    }

    /// Names Leaflet's zoom buttons, and credits the tiles, in the interface language.
    pub fn label_controls(&self, lang: Lang) {
        if let (Some(all), Some(control)) = (&self.attributions, self.map.attribution_control()) {
            let text = Lang::ALL
                .iter()
                .position(|&l| l == lang)
                .and_then(|i| all.get(i))
                .cloned()
                .unwrap_or_default();
            let mut shown = self.shown_attribution.borrow_mut();
            if let Some(old) = shown.take() {
                control.remove_attribution(&old);
            }
            control.add_attribution(&text);
            *shown = Some(text);
        }
        super::browser::set_title_attr(".leaflet-control-zoom-in", Msg::ZoomInButton.text(lang));
        super::browser::set_title_attr(".leaflet-control-zoom-out", Msg::ZoomOutButton.text(lang));
        self.lang.set(lang);
        label_popup_close(lang);
    }

    /// Closes the open popup, if any.
    pub fn close_popup(&self) {
        self.map.close_popup();
    }

    /// Marks the selected provider's marker.
    pub fn highlight(&self, provider: Option<ProviderId>) {
        self.unhighlight();
        // Back to its own z-index afterwards (under the others for an unlisted location).
        let Some((m, base_z)) = provider.and_then(|p| self.by_provider.borrow().get(&p).cloned())
        else {
            return;
        };
        if let Some(e) = m.get_element() {
            let _ = e.class_list().add_1("mk-selected");
        }
        m.set_z_index_offset(HIGHLIGHT_Z_OFFSET);
        self.highlighted.borrow_mut().push((m, base_z));
    }

    fn unhighlight(&self) {
        for (m, base_z) in self.highlighted.borrow_mut().drain(..) {
            if let Some(e) = m.get_element() {
                let _ = e.class_list().remove_1("mk-selected");
            }
            m.set_z_index_offset(base_z);
        }
    }

    /// Centres the map on a provider and opens its popup once the markers are next drawn (a
    /// map just made has none yet).
    pub fn open_when_drawn(&self, provider: ProviderId, lat: f64, lon: f64) {
        self.center_for_popup(lat, lon);
        self.pending_popup.set(Some(provider));
    }

    /// Centres the map on a provider and opens its popup.
    pub fn open(&self, provider: ProviderId, lat: f64, lon: f64) {
        if self.center_for_popup(lat, lon) && self.zoom_matters() {
            // The new zoom re-clusters and rebuilds the markers: open the popup then.
            self.pending_popup.set(Some(provider));
        } else {
            self.open_popup_of(provider);
        }
    }

    /// Centres the map on a point at least at the focus zoom, where no marker is clustered so
    /// a provider has a popup of its own; true when that changed the zoom.
    fn center_for_popup(&self, lat: f64, lon: f64) -> bool {
        // Its own view replaces one still waiting for the map to be shown.
        self.pending_view.set(None);
        let current = self.map.get_zoom();
        let zoom = current.max(FOCUS_ZOOM);
        self.map.set_view(
            &l::lat_lng(lat, lon),
            zoom,
            &options(&[("animate", false.into())]),
        );
        zoom != current
    }
}

/// The region's bounds, as Leaflet takes them.
fn region_bounds() -> JsValue {
    l::bounds(
        REGION_VIEW.south,
        REGION_VIEW.west,
        REGION_VIEW.north,
        REGION_VIEW.east,
    )
}

/// 1234 → "1234", 12345 → "12k": cluster badges stay small.
fn compact(n: usize) -> String {
    if n >= 10_000 {
        format!("{}k", n / 1_000)
    } else {
        n.to_string()
    }
}

/// Each listed provider's matching courses, looked up by id through a dense index: a hash
/// map of every listed provider, built per change, was a good part of the markers' time at
/// 1M courses (125k providers).
struct CoursesOf<'a> {
    /// Position in `hits` by provider id (`u32::MAX`: not listed).
    at: Vec<u32>,
    hits: &'a [ProviderHit],
}

impl<'a> CoursesOf<'a> {
    fn new(hits: &'a [ProviderHit], providers: usize) -> Self {
        let mut at = vec![u32::MAX; providers];
        for (i, h) in hits.iter().enumerate() {
            if let Some(slot) = at.get_mut(h.provider as usize) {
                *slot = i as u32;
            }
        }
        Self { at, hits }
    }

    /// The provider's matching courses; `None` if it is not listed.
    fn get(&self, p: &ProviderId) -> Option<&'a [u32]> {
        let i = *self.at.get(*p as usize)?;
        self.hits.get(i as usize).map(|h| h.courses.as_slice())
    }
}

/// A group's popup: each provider with its matching courses (the first few), its website and
/// the precision of its location.
fn popup(
    dom: &Dom,
    catalog: &Catalog,
    group: &MarkerGroup,
    courses_of: &FxHashMap<ProviderId, &[u32]>,
    lang: Lang,
) -> HtmlElement {
    let data = &catalog.data;
    let root = dom.el("div", "popup", None);
    for pid in &group.providers {
        let p = &data.providers[*pid as usize];
        let block = dom.el("section", "pp", None);
        let name = dom.el("h3", "pp-name", Some(&p.name));
        // Names stay as in the data: not for the browser to translate.
        let _ = name.set_attribute("translate", "no");
        let _ = block.append_child(&name);
        let meta = format!(
            "{} · {}, {}",
            labels::institution_kind(lang, p.kind),
            p.municipality,
            labels::province(lang, p.province)
        );
        let _ = block.append_child(&dom.el("p", "pp-meta", Some(&meta)));
        if p.preview {
            let _ = block.append_child(&dom.el(
                "p",
                "badge preview-badge",
                Some(Msg::PreviewBadge.text(lang)),
            ));
        }
        let courses = courses_of.get(pid).copied().unwrap_or(&[]);
        if !p.offer_listed || p.courses.is_empty() {
            let note = dom.el("p", "pp-unlisted", None);
            let _ = note.append_child(&dom.el("strong", "", Some(Msg::OfferNotListed.text(lang))));
            let _ = note.append_child(&dom.el(
                "span",
                "",
                Some(&format!(" {}", Msg::OfferNotListedLong.text(lang))),
            ));
            let _ = block.append_child(&note);
            if !p.fields.is_empty() {
                let fields = dom.el("p", "pp-fields", None);
                let _ = fields.append_child(&dom.el(
                    "strong",
                    "",
                    Some(&format!("{}: ", Msg::KnownFields.text(lang))),
                ));
                let names = p
                    .fields
                    .iter()
                    .map(|f| f.name.as_str())
                    .collect::<Vec<_>>()
                    .join("; ");
                let span = dom.el("span", "", Some(&names));
                let _ = span.set_attribute("translate", "no");
                let _ = fields.append_child(&span);
                let _ = fields.append_child(&dom.el(
                    "span",
                    "pp-fields-note",
                    Some(&format!(" ({})", Msg::KnownFieldsNote.text(lang))),
                ));
                let _ = block.append_child(&fields);
            }
        }
        let list = dom.el("ul", "pp-courses", None);
        for cid in courses.iter().take(POPUP_COURSES) {
            let c = &data.courses[*cid as usize];
            let li = dom.el("li", "", None);
            let name = dom.el("span", "", Some(&c.name));
            let _ = name.set_attribute("translate", "no");
            let _ = li.append_child(&name);
            let level = match c.level.eqf {
                Some(e) => format!(" · EQF {}", e.get()),
                None => format!(" · {}", labels::stage_short(lang, c.stage)),
            };
            let _ = li.append_child(&dom.el("span", "pp-level", Some(&level)));
            if catalog.course_leads_to_shortage(*cid) {
                let _ = li.append_child(&dom.el(
                    "span",
                    "pp-shortage",
                    Some(&format!(" · {}", Msg::ShortageBadge.text(lang))),
                ));
            }
            let _ = list.append_child(&li);
        }
        if courses.len() > POPUP_COURSES {
            let _ = list.append_child(&dom.el(
                "li",
                "pp-more",
                Some(&format!(
                    "{} {} {}",
                    Msg::AndMore.text(lang),
                    courses.len() - POPUP_COURSES,
                    Msg::More.text(lang)
                )),
            ));
        }
        let _ = block.append_child(&list);
        if let Some(url) = p.website.as_deref().and_then(safe_http_url) {
            let a = dom.el("a", "pp-link", Some(Msg::InstitutionWebsite.text(lang)));
            let _ = a.set_attribute("href", &url);
            let _ = a.set_attribute("target", "_blank");
            let _ = a.set_attribute("rel", "noopener noreferrer");
            let _ = block.append_child(&a);
        }
        let _ = block.append_child(&dom.el("p", "pp-precision", Some(&labels::precision(lang, p))));
        let _ = root.append_child(&block);
    }
    root
}

/// A place of advice's popup: name, what it offers, where, its source and date.
fn advice_popup(dom: &Dom, g: &GuidancePoint, lang: Lang) -> HtmlElement {
    let root = dom.el("div", "popup pp-advice", None);
    let name = dom.el("h3", "pp-name", Some(&g.name));
    let _ = name.set_attribute("translate", "no");
    let _ = root.append_child(&name);
    let _ = root.append_child(&dom.el(
        "p",
        "pp-meta",
        Some(&format!(
            "{} · {}",
            Msg::AdviceTitle.text(lang),
            labels::guidance_kind(lang, g.kind)
        )),
    ));
    let place = [g.street.as_deref(), g.place.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    if !place.is_empty() {
        let p = dom.el("p", "pp-place", Some(&place));
        let _ = p.set_attribute("translate", "no");
        let _ = root.append_child(&p);
    }
    let when = match &g.date {
        Some(d) => format!("{} {d}", Msg::DatedAsOf.text(lang)),
        None => Msg::DateNotShown.text(lang).to_string(),
    };
    let foot = dom.el("p", "pp-precision", None);
    match g.source.url.as_deref().and_then(safe_http_url) {
        Some(url) => {
            let a = dom.el(
                "a",
                "",
                Some(&format!("{}: {}", Msg::Source.text(lang), g.source.name)),
            );
            let _ = a.set_attribute("href", &url);
            let _ = a.set_attribute("target", "_blank");
            let _ = a.set_attribute("rel", "noopener noreferrer");
            let _ = foot.append_child(&a);
        }
        None => {
            let s = dom.el("span", "", Some(&g.source.name));
            let _ = s.set_attribute("translate", "no");
            let _ = foot.append_child(&s);
        }
    }
    let _ = foot.append_child(&dom.el("span", "", Some(&format!(" ({when})"))));
    let _ = root.append_child(&foot);
    root
}

/// A cluster marker's classes, badge and title. A cluster of locations whose offer is not
/// listed has no course count to show.
fn cluster_look(providers: usize, courses: usize, lang: Lang) -> (&'static str, String, String) {
    let (class, badge) = if courses == 0 {
        ("mk mk-cluster mk-unlisted", "?".to_string())
    } else {
        ("mk mk-cluster", compact(courses))
    };
    let title = format!(
        "{} — {} — {}",
        i18n::providers(lang, providers),
        if courses == 0 {
            Msg::OfferNotListed.text(lang).to_string()
        } else {
            i18n::courses(lang, courses)
        },
        Msg::ZoomIn.text(lang)
    );
    (class, badge, title)
}

/// A cluster badge's size in px: it grows with the log of the count, so big clusters stand
/// out without covering the map.
fn cluster_px(providers: usize) -> f64 {
    (CLUSTER_PX_MIN + CLUSTER_PX_PER_LOG * (providers as f64).log10()).min(CLUSTER_PX_MAX)
}

/// Gives a moved cluster marker's element the size of its new count, as Leaflet's div icon
/// does (size, and margins that centre it on its point).
fn size_cluster(el: &HtmlElement, providers: usize) {
    let size = cluster_px(providers);
    let style = el.style();
    let px = format!("{size}px");
    let margin = format!("{}px", -size / 2.0);
    let _ = style.set_property("width", &px);
    let _ = style.set_property("height", &px);
    let _ = style.set_property("margin-left", &margin);
    let _ = style.set_property("margin-top", &margin);
}

/// Shows a kept cluster's new course count: badge, title and the unlisted look, without
/// replacing the marker.
fn relabel_cluster(marker: &l::Marker, providers: usize, courses: usize, lang: Lang) {
    let Some(el) = marker.get_element() else {
        return;
    };
    let (class, badge, title) = cluster_look(providers, courses, lang);
    if let Ok(Some(span)) = el.query_selector("span") {
        span.set_text_content(Some(&badge));
    }
    let _ = el
        .class_list()
        .toggle_with_force("mk-unlisted", class.contains("mk-unlisted"));
    // Leaflet gives a div icon its title (its accessible name) and no alt.
    let _ = el.set_attribute("title", &title);
}
