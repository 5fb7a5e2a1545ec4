//! The Leptos front end: thin components that read signals and call the core. The filter is
//! one value of signals (`filter_state`), the page's state one context (`state`), derived
//! results memos; data comes in through `loading`, and only `effects` talk to the map, the
//! address bar and the browser's storage. `shell` lays the page out.

mod browser;
mod effects;
mod filter_state;
mod leaflet;
mod loading;
mod map;
mod panels;
mod partner;
mod results;
mod share;
mod shell;
mod state;

/// The dataset shipped with the app.
pub(crate) const DEFAULT_DATA: &str = "data/providers.geojson";
/// Leaflet (vendored in `assets/vendor/leaflet`), loaded when the map is first made.
pub(crate) const LEAFLET_JS: &str = "leaflet/leaflet.js";
/// The offline base layer.
pub(crate) const OUTLINE: &str = "region-outline.geojson";
/// The service worker script, beside `index.html` (its scope is the page's folder).
pub(crate) const SERVICE_WORKER: &str = "sw.js";
/// The gazetteer.
pub(crate) const PLACES: &str = "data/places.tsv";
/// Where to get advice: a layer of its own, never counted as courses.
pub(crate) const GUIDANCE: &str = "data/guidance.geojson";
/// The id of the static first view in `index.html`.
pub(crate) const BOOT_VIEW: &str = "boot";
/// Providers shown in the list before "show more".
pub(crate) const LIST_PAGE: usize = 25;
/// Rows drawn per frame of new results (the first data, a change of the search), starting
/// with the frame that shows them: more than a phone or a laptop screen shows (a row is a
/// location with its courses).
pub(crate) const FIRST_ROWS: usize = 4;
/// Same breakpoint as the phone layout in `assets/style.css`.
pub(crate) const PHONE_MAX_WIDTH_PX: f64 = 760.0;
/// Changes closer together than this replace the last history entry instead of adding one
/// (typing a word is one step back, not one per letter).
pub(crate) const HISTORY_MERGE_MS: f64 = 1_200.0;

/// Mounts the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    browser::watch_csp();
    // Not in the task that instantiated the wasm module: two shorter tasks, not one long one.
    // And not before the page's first view has been painted: where the app is ready sooner (a
    // fast computer, the wasm in the cache) that costs at most a frame, and the page's largest
    // paint stays that first view's rather than whatever the app draws later. (Leptos' own
    // executor is set up by mounting, hence wasm-bindgen's here.)
    wasm_bindgen_futures::spawn_local(async {
        browser::after_next_paint().await;
        browser::mark("leerkaart:start");
        // The page's static first view (index.html) stays over the app until the app's panes
        // are built, a task after this one (`shell::App`).
        leptos::mount::mount_to_body(shell::App);
        browser::mark("leerkaart:mounted");
        // Effects run just after mounting, in the same task.
        leptos::task::spawn_local(async { browser::mark("leerkaart:effects") });
    });
}

pub(crate) use state::{advice_on, open_provider, tr, ui, wide_screen, Status, Ui};
