//! Small wrappers over browser APIs: fetching, storage, history, downloads, geolocation.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::listing::RowAction;
use crate::core::load::{text_of, FeatureStream};
use crate::core::{LoadOptions, LoadReport, LonLat};

/// The window (the app only runs in a browser).
pub fn window() -> web_sys::Window {
    web_sys::window().expect("running in a browser")
}

/// The element with this id, if there is one.
fn by_id(id: &str) -> Option<web_sys::Element> {
    window().document()?.get_element_by_id(id)
}

/// The first element matching a CSS selector, if there is one (and the selector is valid).
fn first_match(selector: &str) -> Option<web_sys::Element> {
    window().document()?.query_selector(selector).ok().flatten()
}

/// `location.search`, with its `?`.
pub fn query_string() -> String {
    window().location().search().unwrap_or_default()
}

/// The `content` of `<meta name=…>` in `index.html`.
pub fn meta_tag(name: &str) -> Option<String> {
    let doc = window().document()?;
    let el = doc.query_selector(&format!("meta[name='{name}']")).ok()??;
    el.get_attribute("content")
}

/// Fetches a text file (relative paths resolve against the page).
pub async fn fetch_text(path: &str) -> Result<String, String> {
    fetch_text_kept(path).await.map(|(text, _)| text)
}

/// The response header the service worker (`assets/sw.js`) adds when it answers from the copy
/// it kept because the network failed: the date and time that copy was stored.
const KEPT_HEADER: &str = "x-leerkaart-kept";

/// A response older than this (by its `Date` header) came from a cache, not the network.
const CACHED_AFTER_MS: f64 = 10.0 * 60.0 * 1000.0;

/// When the browser's HTTP cache answered instead of the network (the service worker is not
/// in control, or the network is down and the cache still held the file): the time the server
/// sent the copy (its `Date` header), as an ISO date-time; `None` for a fresh answer.
fn cached_since(resp: &reqwest::Response) -> Option<String> {
    let date = resp.headers().get("date")?.to_str().ok()?;
    let sent = js_sys::Date::parse(date);
    if sent.is_nan() || js_sys::Date::now() - sent < CACHED_AFTER_MS {
        return None;
    }
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(sent))
        .to_iso_string()
        .as_string()
}

/// Fetches a text file; also says when the answer is the offline copy, and from when.
pub async fn fetch_text_kept(path: &str) -> Result<(String, Option<String>), String> {
    let (url, resp, kept) = get(path).await?;
    let text = resp.text().await.map_err(|e| format!("{url}: {e}"))?;
    Ok((text, kept))
}

/// Starts a GET of `path` (relative paths resolve against the page): its absolute URL, the
/// response once its headers are in, and the offline copy's date if the answer is one.
async fn get(path: &str) -> Result<(String, reqwest::Response, Option<String>), String> {
    // reqwest in the browser needs an absolute URL.
    let base = window()
        .location()
        .href()
        .map_err(|_| "no page address".to_string())?;
    let url = web_sys::Url::new_with_base(path, &base)
        .map_err(|_| format!("bad address: {path}"))?
        .href();
    let resp = reqwest::get(&url)
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if !resp.status().is_success() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    let kept = resp
        .headers()
        .get(KEPT_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| cached_since(&resp));
    Ok((url, resp, kept))
}

/// What fetching the dataset gave.
pub enum Fetched {
    /// A FeatureCollection, read as it arrived.
    Streamed(LoadReport),
    /// The whole text: a tile index, or a file only the whole-text reader handles (it reports
    /// each problem with its line).
    Text(String),
}

/// Fetches the dataset and reads it as its bytes arrive ([`FeatureStream`]): a large file is
/// never held whole in wasm memory (which only grows), and parsing overlaps the download.
/// Anything the stream leaves to the whole-text reader is fetched again as text (from the
/// browser's cache when it keeps it). Also says when the answer is the offline copy, and
/// when the response began (`performance.now()`, also published as `data_fetched_at_ms`).
pub async fn fetch_dataset(
    path: &str,
    options: &LoadOptions,
) -> Result<(Fetched, Option<String>, f64), String> {
    use futures_util::StreamExt;
    let (url, resp, kept) = get(path).await?;
    let response_at = now_ms();
    publish_timing("data_fetched_at_ms", response_at);
    let size = resp.content_length();
    let mut body = resp.bytes_stream();
    let mut stream = FeatureStream::new(options).with_size_hint(size);
    // The first bytes are kept, so that a small file the stream refuses (a tile index, a
    // broken file) is read whole without fetching it again.
    let mut head = Some(Vec::new());
    let mut streamable = true;
    let mut slice_start = now_ms();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|e| format!("{url}: {e}"))?;
        head = head.filter(|h| h.len() + chunk.len() <= KEEP_BYTES);
        if let Some(h) = head.as_mut() {
            h.extend_from_slice(&chunk);
        }
        // A fast connection hands over megabytes at once: read in slices and let the
        // browser paint and answer taps between them, so no task blocks a phone for long.
        let mut failed = false;
        for slice in chunk.chunks(PARSE_SLICE_BYTES) {
            if stream.push(slice).is_err() {
                failed = true;
                break;
            }
            if now_ms() - slice_start > SLICE_BUDGET_MS {
                yield_to_browser().await;
                slice_start = now_ms();
            }
        }
        if failed {
            streamable = false;
            break;
        }
    }
    if streamable {
        drop(body);
        publish_timing("data_complete_at_ms", now_ms());
        if let Ok(report) = stream.finish() {
            return Ok((Fetched::Streamed(report), kept, response_at));
        }
    } else if let Some(h) = head.as_mut() {
        while let Some(chunk) = body.next().await {
            h.extend_from_slice(&chunk.map_err(|e| format!("{url}: {e}"))?);
        }
        publish_timing("data_complete_at_ms", now_ms());
    }
    match head {
        Some(bytes) => Ok((Fetched::Text(text_of(&bytes)), kept, response_at)),
        None => {
            let (text, kept) = fetch_text_kept(path).await?;
            Ok((Fetched::Text(text), kept, response_at))
        }
    }
}

/// The bytes read between two looks at the clock: about a millisecond of parsing.
const PARSE_SLICE_BYTES: usize = 16 << 10;

/// How long the page's script may run before it lets the browser paint and answer input.
/// Well under the 50 ms that count as a long task, also on a phone four times slower than
/// the machine this was tuned on.
pub const SLICE_BUDGET_MS: f64 = 4.0;

/// Lets the browser run what waits (input, paint) and resumes soon after: `scheduler.yield()`
/// where the browser has it (it keeps this task ahead of other scripts' tasks), else a
/// zero-delay timeout.
pub async fn yield_to_browser() {
    let global = js_sys::global();
    let promise = js_sys::Reflect::get(&global, &"scheduler".into())
        .ok()
        .filter(|s| s.is_object())
        .and_then(|s| {
            let f = js_sys::Reflect::get(&s, &"yield".into()).ok()?;
            f.dyn_ref::<js_sys::Function>()?.call0(&s).ok()
        })
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .unwrap_or_else(|| {
            js_sys::Promise::new(&mut |resolve, _| {
                let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            })
        });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once the browser has drawn the next frame; in a hidden tab, which draws none,
/// after [`NO_FRAME_FALLBACK_MS`] (the browser may stretch that to a second).
pub async fn after_next_paint() {
    frame(true).await;
}

/// Resolves in the next frame, before it is painted (what is changed then is in that frame);
/// in a hidden tab after [`NO_FRAME_FALLBACK_MS`].
pub async fn next_frame() {
    frame(false).await;
}

async fn frame(after_paint: bool) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let w = window();
        let fallback = resolve.clone();
        // A frame callback runs just before the paint; the timeout queued from it, after.
        let callback = Closure::once_into_js(move || {
            if after_paint {
                let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
                    resolve.unchecked_ref(),
                    0,
                );
            } else {
                let _ = resolve.call0(&JsValue::NULL);
            }
        });
        let _ = w.request_animation_frame(callback.unchecked_ref());
        // Resolving twice does nothing: whichever comes first wins.
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            fallback.unchecked_ref(),
            NO_FRAME_FALLBACK_MS,
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// How long [`after_next_paint`] waits for a frame that may never come.
const NO_FRAME_FALLBACK_MS: i32 = 250;

/// Adds a class to the element with this id, if there is one.
pub fn add_class(id: &str, class: &str) {
    if let Some(el) = by_id(id) {
        let _ = el.class_list().add_1(class);
    }
}

/// Removes the element with this id, if there is one.
pub fn remove_element(id: &str) {
    if let Some(el) = by_id(id) {
        el.remove();
    }
}

/// A named point on the page's performance timeline (shown in DevTools and read by the
/// benchmarks).
pub fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// How much of a dataset is kept while it streams, to read it whole if the stream refuses
/// it: a tile index or a small hand-made file. Larger refused files are fetched again (from
/// the HTTP cache when it keeps them) rather than held twice in wasm memory, which only grows.
const KEEP_BYTES: usize = 256 << 10;

/// `navigator[name]` when the browser has it (service workers, clipboard).
fn navigator_part(name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(&window().navigator(), &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Calls `target.method(arg)`; `None` when there is no such method.
fn call_method(target: &JsValue, method: &str, arg: &JsValue) -> Option<JsValue> {
    let f = js_sys::Reflect::get(target, &method.into()).ok()?;
    f.dyn_ref::<js_sys::Function>()?.call1(target, arg).ok()
}

/// Registers the service worker that keeps the app and its data for offline use. Browsers
/// without service workers, and pages not served over http(s), go on without it.
pub fn register_service_worker(script: &str) {
    if let Some(sw) = navigator_part("serviceWorker") {
        let _ = call_method(&sw, "register", &script.into());
    }
}

/// Puts `text` on the clipboard; where the browser refuses (the API needs a secure context
/// and a user gesture), selects the input or textarea `field` that shows it, for Ctrl+C.
pub async fn copy_or_select(text: &str, field: &str) {
    if !copy_to_clipboard(text).await {
        if let Some(el) = first_match(field) {
            let _ = call_method(&el, "select", &JsValue::UNDEFINED);
        }
    }
}

/// Puts `text` on the clipboard; resolves to whether it worked.
async fn copy_to_clipboard(text: &str) -> bool {
    let Some(clip) = navigator_part("clipboard") else {
        return false;
    };
    let Some(promise) = call_method(&clip, "writeText", &text.into())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Prints with `class` set on `<body>` (the print style sheet then shows only that layout).
pub fn print_with_body_class(class: &str) {
    let Some(body) = window().document().and_then(|d| d.body()) else {
        return;
    };
    let _ = body.class_list().add_1(class);
    let _ = window().print();
    let _ = body.class_list().remove_1(class);
}

/// An ISO timestamp as the interface language writes a date and time, in local time ("29
/// november 2026 om 17:45"); the text itself when the browser cannot read it.
pub fn local_date_time(iso: &str, lang_code: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let opts =
        super::leaflet::options(&[("dateStyle", "long".into()), ("timeStyle", "short".into())]);
    date.to_locale_string(lang_code, &opts)
        .as_string()
        .unwrap_or_else(|| iso.to_string())
}

/// The page's address without its query: where shared links point.
/// The page's origin (`https://kaart.example.org`).
pub fn page_origin() -> String {
    window().location().origin().unwrap_or_default()
}

pub fn page_base() -> String {
    let loc = window().location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_else(|_| "/".into())
    )
}

/// Reads `localStorage[key]`; `None` when storage is unavailable (private mode, disabled).
pub fn storage_get(key: &str) -> Option<String> {
    window().local_storage().ok()??.get_item(key).ok()?
}

/// Writes `localStorage[key]`, silently doing nothing when storage is unavailable or full.
pub fn storage_set(key: &str, value: &str) {
    if let Ok(Some(s)) = window().local_storage() {
        let _ = s.set_item(key, value);
    }
}

/// Puts a new query string in the address bar: a new history entry (`push`) or in place.
pub fn set_query(query: &str, push: bool) {
    let loc = window().location();
    let path = loc.pathname().unwrap_or_else(|_| "/".into());
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    if let Ok(h) = window().history() {
        let _ = if push {
            h.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// Loads a classic script of the page's own (once per page: a second call for the same file,
/// before or after it has run, waits for the same load). Fails if it cannot be fetched.
pub async fn load_script(src: &str) -> Result<(), JsValue> {
    let doc = window().document().ok_or("no document")?;
    let id = format!("script-{}", src.replace(['/', '.'], "-"));
    let script: web_sys::HtmlScriptElement = match doc.get_element_by_id(&id) {
        Some(s) => s.dyn_into()?,
        None => {
            let s: web_sys::HtmlScriptElement = doc.create_element("script")?.dyn_into()?;
            s.set_id(&id);
            s.set_src(src);
            doc.head().ok_or("no head")?.append_child(&s)?;
            s
        }
    };
    if script.get_attribute("data-loaded").is_some() {
        return Ok(());
    }
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &reject);
    });
    if let Err(e) = wasm_bindgen_futures::JsFuture::from(done).await {
        // Gone, so that a later call tries again (offline now, online then).
        script.remove();
        return Err(e);
    }
    script.set_attribute("data-loaded", "")?;
    Ok(())
}

/// Calls `f` after every change of the window's size.
pub fn on_resize(f: impl Fn() + 'static) {
    let cb = Closure::<dyn FnMut(JsValue)>::new(move |_| f());
    let _ = window().add_event_listener_with_callback("resize", cb.as_ref().unchecked_ref());
    cb.forget(); // lives as long as the page
}

thread_local! {
    /// The window's width in CSS pixels as of the last `resize` (None until first asked).
    static WINDOW_WIDTH_PX: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
}

/// The window's width in CSS pixels (`innerWidth`), read once and then kept up to date by a
/// `resize` listener: reading `innerWidth` makes Chromium lay out the page first, which in
/// the middle of drawing markers (a read per marker made) or a click's script is a forced
/// layout each time.
pub fn window_width_px() -> f64 {
    fn read() -> f64 {
        window()
            .inner_width()
            .ok()
            .and_then(|w| w.as_f64())
            .unwrap_or(f64::MAX)
    }
    if let Some(w) = WINDOW_WIDTH_PX.get() {
        return w;
    }
    let w = read();
    WINDOW_WIDTH_PX.set(Some(w));
    on_resize(|| WINDOW_WIDTH_PX.set(Some(read())));
    w
}

/// Calls `f` on every back / forward step.
pub fn on_popstate(f: impl Fn() + 'static) {
    let cb = Closure::<dyn FnMut(JsValue)>::new(move |_| f());
    let _ = window().add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
    cb.forget(); // lives as long as the page
}

/// Calls `f` with the key of every keydown on the page.
pub fn on_keydown(f: impl Fn(String) + 'static) {
    let cb =
        Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |ev: web_sys::KeyboardEvent| {
            f(ev.key())
        });
    let _ = window().add_event_listener_with_callback("keydown", cb.as_ref().unchecked_ref());
    cb.forget(); // lives as long as the page
}

/// True when an element matches `selector` (a popup is open, a dialog is shown).
pub fn exists(selector: &str) -> bool {
    first_match(selector).is_some()
}

/// Sets the title and aria-label of every element matching `selector`.
pub fn set_title_attr(selector: &str, text: &str) {
    let Some(list) = window()
        .document()
        .and_then(|d| d.query_selector_all(selector).ok())
    else {
        return;
    };
    for i in 0..list.length() {
        if let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.set_attribute("title", text);
            let _ = el.set_attribute("aria-label", text);
        }
    }
}

/// Sets the browser tab's title.
pub fn set_document_title(text: &str) {
    if let Some(d) = window().document() {
        d.set_title(text);
    }
}

/// Focuses the first element matching `selector`.
pub fn focus(selector: &str) {
    if let Some(el) = first_match(selector).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// A click inside a result row: the action of the nearest element carrying `data-act`, its
/// `data-key` (empty without one) and whether that element had the keyboard focus.
pub fn row_action(ev: &web_sys::MouseEvent) -> Option<(RowAction, String, bool)> {
    let el = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-act]")
        .ok()??;
    let act = RowAction::parse(&el.get_attribute("data-act")?)?;
    let key = el.get_attribute("data-key").unwrap_or_default();
    let focused = window()
        .document()
        .and_then(|d| d.active_element())
        .is_some_and(|a| a == el);
    Some((act, key, focused))
}

/// The elements of element `#container_id` with `data-act="act"` (none if it is gone).
fn actions_in(container_id: &str, act: &str) -> Vec<web_sys::HtmlElement> {
    let Some(list) =
        by_id(container_id).and_then(|c| c.query_selector_all(&format!("[data-act={act}]")).ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Focuses the element of element `#container_id` whose `data-act` is `act` and whose
/// `data-key` is `key` (compared as text: keys may hold any character).
pub fn focus_action(container_id: &str, act: &str, key: &str) {
    if let Some(el) = actions_in(container_id, act)
        .into_iter()
        .find(|el| el.get_attribute("data-key").unwrap_or_default() == key)
    {
        let _ = el.focus();
    }
}

/// Sets the star buttons of element `#container_id` (`data-act="star"`) on or off by their
/// `data-key`: class `on`, `aria-pressed` and the symbol, as `listing::result_row_html`
/// writes them.
pub fn sync_stars(container_id: &str, starred: impl Fn(&str) -> bool) {
    for el in actions_in(container_id, RowAction::Star.code()) {
        let on = starred(&el.get_attribute("data-key").unwrap_or_default());
        if el.get_attribute("aria-pressed").as_deref() != Some(if on { "true" } else { "false" }) {
            let _ = el.set_attribute("aria-pressed", &on.to_string());
            let _ = el.class_list().toggle_with_force("on", on);
            el.set_text_content(Some(if on { "★" } else { "☆" }));
        }
    }
}

/// The file a file input's `change` event picked, if any.
pub fn picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    ev.target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()?
        .get(0)
}

/// Offers `text` as a file download.
pub fn download(filename: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(doc) = window().document() {
        if let Ok(a) = doc.create_element("a") {
            let _ = a.set_attribute("href", &url);
            let _ = a.set_attribute("download", filename);
            if let Some(body) = doc.body() {
                let _ = body.append_child(&a);
                if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
                    a.click();
                }
                let _ = body.remove_child(&a);
            }
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Asks the browser for the user's position (only ever called from a click).
pub fn locate(on_found: impl FnOnce(LonLat) + 'static) {
    let Ok(geo) = window().navigator().geolocation() else {
        return;
    };
    let ok = Closure::once_into_js(move |pos: JsValue| {
        let coords = js_sys::Reflect::get(&pos, &"coords".into()).unwrap_or_default();
        let get = |k: &str| {
            js_sys::Reflect::get(&coords, &k.into())
                .ok()
                .and_then(|v| v.as_f64())
        };
        if let (Some(lat), Some(lon)) = (get("latitude"), get("longitude")) {
            on_found(LonLat::new(lon, lat));
        }
    });
    let _ = geo.get_current_position(ok.unchecked_ref());
}

/// Opens a `<details>` element by id (no-op when it is not there).
pub fn open_details(id: &str) {
    if let Some(el) = by_id(id) {
        let _ = el.set_attribute("open", "");
    }
}

/// Scrolls an element into view if it is off screen; false if there is no such element.
pub fn scroll_into_view(id: &str) -> bool {
    scroll_to(id, "nearest")
}

/// Scrolls so that an element starts at the top of its scrolling area.
pub fn scroll_to_top(id: &str) {
    scroll_to(id, "start");
}

fn scroll_to(id: &str, block: &str) -> bool {
    let Some(el) = by_id(id) else {
        return false;
    };
    let opts = super::leaflet::options(&[("block", block.into())]);
    if let Ok(f) = js_sys::Reflect::get(&el, &"scrollIntoView".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call1(&el, &opts);
        }
    }
    true
}

/// Sets `<html lang>` so screen readers pronounce the interface right.
pub fn set_document_lang(code: &str) {
    if let Some(el) = window().document().and_then(|d| d.document_element()) {
        let _ = el.set_attribute("lang", code);
    }
}

/// Counts Content-Security-Policy violations in `window.leerkaartCspViolations` (and logs
/// them), so a test or a developer can see that the policy and the page agree.
pub fn watch_csp() {
    let w = window();
    let _ = js_sys::Reflect::set(&w, &"leerkaartCspViolations".into(), &JsValue::from(0));
    let cb = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
        let w = window();
        let n = js_sys::Reflect::get(&w, &"leerkaartCspViolations".into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        let _ = js_sys::Reflect::set(
            &w,
            &"leerkaartCspViolations".into(),
            &JsValue::from(n + 1.0),
        );
        let what = js_sys::Reflect::get(&ev, &"violatedDirective".into()).unwrap_or_default();
        let uri = js_sys::Reflect::get(&ev, &"blockedURI".into()).unwrap_or_default();
        web_sys::console::warn_3(&"CSP violation".into(), &what, &uri);
    });
    let _ =
        w.add_event_listener_with_callback("securitypolicyviolation", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// A high-resolution timestamp in milliseconds.
pub fn now_ms() -> f64 {
    window()
        .performance()
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Publishes a timing in `window.leerkaartPerf[name]` (milliseconds), for benchmarks and for
/// anyone curious in the browser console.
pub fn publish_timing(name: &str, ms: f64) {
    let w = window();
    let perf = js_sys::Reflect::get(&w, &"leerkaartPerf".into())
        .ok()
        .filter(|v| v.is_object())
        .unwrap_or_else(|| {
            let o: JsValue = js_sys::Object::new().into();
            let _ = js_sys::Reflect::set(&w, &"leerkaartPerf".into(), &o);
            o
        });
    let _ = js_sys::Reflect::set(&perf, &name.into(), &JsValue::from(ms));
}

/// True when a timing has been published already.
pub fn has_timing(name: &str) -> bool {
    js_sys::Reflect::get(&window(), &"leerkaartPerf".into())
        .ok()
        .filter(|v| v.is_object())
        .and_then(|p| js_sys::Reflect::get(&p, &name.into()).ok())
        .is_some_and(|v| !v.is_undefined())
}

/// Size of the wasm linear memory in MiB (what the dataset and its index occupy).
pub fn wasm_memory_mb() -> f64 {
    let mem = wasm_bindgen::memory();
    let buf = js_sys::Reflect::get(&mem, &"buffer".into()).unwrap_or_default();
    let bytes = js_sys::Reflect::get(&buf, &"byteLength".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    bytes / (1024.0 * 1024.0)
}
