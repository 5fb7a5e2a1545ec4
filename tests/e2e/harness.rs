//! What every journey shares: the site served on 127.0.0.1 under a sub-path, headless
//! Chromium through chromedriver, and the helpers that read and drive the page.

#![allow(dead_code)]

pub(crate) use std::net::TcpListener;
pub(crate) use std::path::{Path, PathBuf};
pub(crate) use std::process::{Child, Command, Stdio};
pub(crate) use std::time::{Duration, Instant};

pub(crate) use fantoccini::{Client, Locator};
pub(crate) use serde_json::json;

pub(crate) use crate::chromium::CHROMIUM;

pub(crate) const WAIT: Duration = Duration::from_secs(20);

pub(crate) const SLOW_RESPONSE: Duration = Duration::from_millis(2_500);

/// Results the list shows before "Show more" (the app's `LIST_PAGE`).
pub(crate) const LIST_PAGE: usize = 25;

pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where the page is served: not at the root, as on many partners' hosts.
pub(crate) const SUB_PATH: &str = "/partner/leerkaart/";

/// The built site: `$LEERKAART_SITE` (the deploy script's folder) or `dist/`.
pub(crate) fn site() -> PathBuf {
    std::env::var_os("LEERKAART_SITE")
        .map(|p| root().join(p))
        .unwrap_or_else(|| root().join("dist"))
}

/// Serves the site under [`SUB_PATH`], `tests/fixtures/` at `/fixtures/` and beside the page,
/// `tests/output/` at `/output/`. Setting `cut` cuts the network.
pub(crate) fn serve_with(cut: std::sync::Arc<std::sync::atomic::AtomicBool>) -> u16 {
    crate::testserver::serve(crate::testserver::Routes {
        dirs: vec![
            (
                format!("{SUB_PATH}fixtures/"),
                root().join("tests/fixtures"),
            ),
            (format!("{SUB_PATH}output/"), root().join("tests/output")),
            ("/fixtures/".into(), root().join("tests/fixtures")),
            ("/output/".into(), root().join("tests/output")),
            (SUB_PATH.into(), site()),
        ],
        slow: SLOW_RESPONSE,
        cut,
    })
}

pub(crate) struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// True when the browser tests can run. Missing pieces fail the test under
/// `LEERKAART_E2E` (as `scripts/test.sh` and CI set it) and skip it with a note otherwise.
pub(crate) fn prerequisites_present() -> bool {
    let missing = missing_prerequisites();
    if missing.is_empty() {
        return true;
    }
    if std::env::var("LEERKAART_E2E").is_ok() {
        panic!("browser test prerequisites missing: {}", missing.join(", "));
    }
    eprintln!(
        "SKIPPED browser test: missing {} (scripts/test.sh installs them)",
        missing.join(", ")
    );
    false
}

pub(crate) fn missing_prerequisites() -> Vec<String> {
    let mut missing = Vec::new();
    if !site().join("index.html").is_file() {
        missing.push(format!(
            "{} (run `scripts/deploy.sh target/site` or `trunk build --release`)",
            site().display()
        ));
    }
    if !Path::new(CHROMIUM).is_file() {
        missing.push(CHROMIUM.to_string());
    }
    if Command::new("chromedriver")
        .arg("--version")
        .output()
        .is_err()
    {
        missing.push("chromedriver".to_string());
    }
    missing
}

pub(crate) async fn browser(user_data: &Path) -> (Driver, Client) {
    let port = free_port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let driver = Driver(child);
    let c = crate::chromium::connect(port, user_data, &[], WAIT).await;
    (driver, c)
}

/// The static server, headless Chromium on a fresh profile, and the folder screenshots go to;
/// the profile is removed when the session ends.
pub(crate) struct Session {
    pub(crate) base: String,
    /// Set it to cut the network (the server closes every connection unanswered).
    pub(crate) cut: std::sync::Arc<std::sync::atomic::AtomicBool>,
    pub(crate) c: Client,
    pub(crate) out: PathBuf,
    pub(crate) profile: PathBuf,
    pub(crate) _driver: Driver,
}

impl Drop for Session {
    fn drop(&mut self) {
        // The browser, which chromedriver leaves running when it is killed (the WebDriver
        // session cannot be closed from here: that is async): every one of its processes
        // names this session's own profile. Without this, each browser test left a headless
        // Chromium (about ten processes) behind on the machine that ran it.
        let _ = Command::new("pkill")
            .args(["-f", "--"])
            .arg(format!("--user-data-dir={}", self.profile.display()))
            .status();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A session, or `None` when the prerequisites are missing outside CI (see
/// [`prerequisites_present`]).
pub(crate) async fn session(tag: &str) -> Option<Session> {
    if !prerequisites_present() {
        return None;
    }
    let out = root().join("tests/output");
    std::fs::create_dir_all(&out).unwrap();
    let cut = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let port = serve_with(cut.clone());
    let profile = std::env::temp_dir().join(format!("leerkaart-{tag}-{}", std::process::id()));
    let (driver, c) = browser(&profile).await;
    Some(Session {
        base: format!("http://127.0.0.1:{port}{}", SUB_PATH.trim_end_matches('/')),
        cut,
        c,
        out,
        profile,
        _driver: driver,
    })
}

pub(crate) async fn text(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .text()
        .await
        .unwrap()
}

/// Polls until the text of `css` satisfies `ok`; returns it.
pub(crate) async fn wait_text(c: &Client, css: &str, ok: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        if let Ok(e) = c.find(Locator::Css(css)).await {
            if let Ok(t) = e.text().await {
                if ok(&t) {
                    return t;
                }
                if start.elapsed() > WAIT {
                    panic!("{css}: text stayed {t:?}");
                }
            }
        } else if start.elapsed() > WAIT {
            panic!("{css}: never appeared");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks the first element matching `css` as a user would: scrolled into view first. A
/// result row out of sight is not drawn (`content-visibility`), and WebDriver does not count
/// what is in it as shown until it is.
pub(crate) async fn click(c: &Client, css: &str) {
    let e = c
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    c.execute(
        "arguments[0].scrollIntoView({block: 'nearest'})",
        vec![serde_json::to_value(&e).unwrap()],
    )
    .await
    .unwrap();
    let start = Instant::now();
    while !e.is_displayed().await.unwrap_or(true) && start.elapsed() < SHOWN_AFTER_SCROLL {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    e.click().await.unwrap();
}

/// How long [`click`] waits for an element scrolled into view to be drawn.
const SHOWN_AFTER_SCROLL: Duration = Duration::from_secs(2);

/// The text of every element under `css`, one text node per line, also of result rows out of
/// sight, which are not drawn (`content-visibility`) and so have no visible text for
/// WebDriver: what the list holds, not what is on screen.
pub(crate) async fn all_text(c: &Client, css: &str) -> String {
    let v = c
        .execute(
            "const root = document.querySelector(arguments[0]); if (!root) return null;
             const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); const out = [];
             while (w.nextNode()) { const t = w.currentNode.nodeValue.trim(); if (t) out.push(t); }
             return out.join('\\n');",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
    v.as_str()
        .unwrap_or_else(|| panic!("{css}: no such element"))
        .to_string()
}

pub(crate) async fn visible(c: &Client, css: &str) -> bool {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .is_displayed()
        .await
        .unwrap()
}

pub(crate) async fn count(c: &Client, css: &str) -> usize {
    c.find_all(Locator::Css(css)).await.unwrap().len()
}

/// Polls until the number of elements matching `css` satisfies `ok`; panics with `what` and
/// the last count after [`WAIT`].
async fn wait_for_count(c: &Client, css: &str, ok: impl Fn(usize) -> bool, what: &str) {
    let start = Instant::now();
    loop {
        let now = count(c, css).await;
        if ok(now) {
            return;
        }
        assert!(start.elapsed() < WAIT, "{what} ({css}: {now} elements)");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Polls until at least `n` elements match `css` (what a later frame or task draws); panics
/// with `what` after [`WAIT`].
pub(crate) async fn wait_count(c: &Client, css: &str, n: usize, what: &str) {
    wait_for_count(c, css, |now| now >= n, what).await;
}

/// Waits until exactly `n` elements match (the list draws a new result set's rows a few per
/// frame); panics with the last count.
pub(crate) async fn wait_count_eq(c: &Client, css: &str, n: usize) {
    wait_for_count(c, css, |now| now == n, &format!("expected {n}")).await;
}

/// Waits until the list's page of rows is complete (its rows are drawn a few per frame; what
/// follows them is hidden until then). Call it once the count shows the new result.
pub(crate) async fn wait_list_complete(c: &Client) {
    wait_count(
        c,
        ".after-rows:not(.pending)",
        1,
        "the list's page was never complete",
    )
    .await;
}

/// Sends a key (a WebDriver key code such as "\u{E004}" for Tab) to the focused element.
pub(crate) async fn press(c: &Client, key: &str) {
    c.active_element()
        .await
        .unwrap()
        .send_keys(key)
        .await
        .unwrap();
}

/// A DOM property of the first element matching `css` (an input's `value`, a link's `href`).
pub(crate) async fn prop(c: &Client, css: &str, name: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .prop(name)
        .await
        .unwrap()
        .unwrap_or_default()
}

pub(crate) async fn js(c: &Client, script: &str) -> serde_json::Value {
    c.execute(script, vec![]).await.unwrap()
}

/// Runs axe-core (from npm) on the page; returns the serious and critical violations, and
/// prints every violation found.
pub(crate) async fn axe_serious(c: &Client, context: &str) -> Vec<String> {
    let source = std::fs::read_to_string(root().join("node_modules/axe-core/axe.min.js"))
        .expect("npm ci installs axe-core");
    c.execute(&source, vec![]).await.unwrap();
    let result = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))))
                .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));",
            vec![],
        )
        .await
        .unwrap();
    let mut serious = Vec::new();
    for v in result.as_array().unwrap() {
        let line = format!(
            "{context}: {} ({}) {} at {}",
            v["id"], v["impact"], v["help"], v["nodes"]
        );
        eprintln!("axe: {line}");
        if matches!(v["impact"].as_str(), Some("serious" | "critical")) {
            serious.push(line);
        }
    }
    serious
}

/// "38 opleidingen bij 17 locaties" → (38, 17).
pub(crate) fn parse_count(t: &str) -> (usize, usize) {
    let nums: Vec<usize> = t
        .split(|ch: char| !ch.is_ascii_digit())
        .filter_map(|s| s.parse().ok())
        .collect();
    (nums[0], nums[1])
}

pub(crate) fn loaded_count(t: &str) -> bool {
    loaded(t) && parse_count(t).0 > 0
}

pub(crate) fn loaded(t: &str) -> bool {
    t.contains("opleiding") && t.contains(" bij ")
}

pub(crate) fn shipped_catalog() -> leerkaart::core::Catalog {
    let text = std::fs::read_to_string(root().join("data/providers.geojson")).unwrap();
    let report = leerkaart::core::load_geojson(&text, &Default::default()).unwrap();
    leerkaart::core::Catalog::new(report.dataset)
}

/// "BE <year>" of an occupation's newest Flemish listing, as the card shows it.
pub(crate) fn newest_be(id: leerkaart::core::OccupationId) -> String {
    let occ = leerkaart::core::Occupations::builtin();
    let s = occ
        .latest(id)
        .into_iter()
        .find(|s| s.country == leerkaart::core::Country::Be)
        .expect("a Flemish listing");
    format!("BE {}", s.year)
}

/// Counts the core gives for a filter on the shipped data: (courses, providers).
pub(crate) fn core_count(f: &leerkaart::core::Filter) -> (usize, usize) {
    let out = shipped_catalog().apply(f);
    (out.course_count, out.providers.len())
}

/// Picks a starting point the way a user does: types the place and presses Enter.
pub(crate) async fn choose_origin(c: &Client, place: &str) {
    let origin = c.find(Locator::Css("#origin-input")).await.unwrap();
    origin.clear().await.unwrap();
    origin.send_keys(place).await.unwrap();
    origin.send_keys("\u{E007}").await.unwrap();
    wait_text(c, "#origin-label", |t| t.contains(place)).await;
}

pub(crate) async fn choose_radius(c: &Client, km: u32) {
    js(c, &format!("const s = document.querySelector('#radius'); s.value = '{km}'; s.dispatchEvent(new Event('change', {{bubbles: true}}));")).await;
}

/// Ticks the checkbox of one value of a facet, by its visible label.
pub(crate) async fn tick(c: &Client, facet: &str, label: &str) {
    let done = js(
        c,
        &format!(
            "const o = [...document.querySelectorAll('[data-facet={facet}] .opt')].find(o => o.querySelector('.opt-label').textContent.startsWith({label:?})); if (!o) return false; o.querySelector('input').click(); return true;"
        ),
    )
    .await;
    assert_eq!(done, json!(true), "{facet}: no option {label}");
}

/// The listed results' distances, once the list's page is complete.
pub(crate) async fn distances(c: &Client) -> Vec<f64> {
    wait_list_complete(c).await;
    serde_json::from_value(js(c, "return [...document.querySelectorAll('#results > li.result .distance')].map(e => parseFloat(e.textContent.replace(',', '.')))").await).unwrap()
}

/// The shortest catalogue string the languages check looks for: shorter ones ("bij", "van")
/// occur inside words of every language.
pub(crate) const MIN_FOREIGN_CHARS: usize = 5;

/// For a page in `lang`: every catalogue string of the other languages that is no part of
/// any of `lang`'s own strings (so "Hybride", the same in Dutch and French, is never flagged).
pub(crate) fn foreign_strings(
    lang: leerkaart::core::i18n::Lang,
) -> Vec<(&'static str, &'static str)> {
    use leerkaart::core::{i18n::Lang, labels::catalogue};
    let own = catalogue(lang);
    let mut out = Vec::new();
    for other in Lang::ALL.into_iter().filter(|&l| l != lang) {
        for s in catalogue(other) {
            let s = s.trim();
            if s.chars().count() >= MIN_FOREIGN_CHARS && !own.iter().any(|o| o.contains(s)) {
                out.push((s, other.code()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Every piece of interface text on the page, visible or not (closed panels, options,
/// tooltips, labels for screen readers), except what the data says (`translate="no"`).
pub(crate) async fn interface_texts(c: &Client) -> Vec<String> {
    let v = js(
        c,
        "const out = [document.title];
         const data = el => el.closest('[translate=no]');
         const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
         while (w.nextNode()) {
             const p = w.currentNode.parentElement;
             if (!p || data(p) || p.closest('script, style')) continue;
             const t = w.currentNode.textContent.trim();
             if (t) out.push(t);
         }
         for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
             if (data(el)) continue;
             for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
                 const t = el.getAttribute(a);
                 if (t) out.push(t);
             }
         }
         return out;",
    )
    .await;
    v.as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t.as_str().map(str::to_string))
        .collect()
}

/// What the data says, in whatever language it was written: names, places, sources, the
/// dataset's note, the shortage lists' sources, the glossary's terms and the languages' own
/// names. The page may show them in any language; tooltips mix them with interface text, so
/// the check removes them before looking for another language's words. Longest first, so
/// "Onderwijs Vlaanderen, …" goes before "Onderwijs".
pub(crate) fn data_strings() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("data/providers.geojson")).unwrap();
    let report = leerkaart::core::load_geojson(&text, &Default::default()).unwrap();
    let note = report.meta.note.clone();
    let cat = leerkaart::core::Catalog::new(report.dataset);
    let mut out: Vec<String> = Vec::new();
    for p in &cat.data.providers {
        out.extend([
            p.name.clone(),
            p.municipality.clone(),
            p.source.name.clone(),
        ]);
        out.extend(p.other_sources.iter().map(|s| s.name.clone()));
        out.extend(p.location_source.clone());
        out.extend(p.website.clone());
    }
    for c in &cat.data.courses {
        out.extend([
            c.name.to_string(),
            c.source.name.clone(),
            leerkaart::core::labels::course_level(&c.level),
        ]);
        out.extend(c.website.as_deref().map(str::to_string));
    }
    for s in cat.occupations.shortage() {
        out.push(s.source_name.clone());
        out.extend(s.note.clone());
    }
    out.extend(
        leerkaart::core::glossary::GLOSSARY
            .iter()
            .map(|t| t.term.to_string()),
    );
    out.extend(
        leerkaart::core::i18n::Lang::ALL
            .iter()
            .map(|l| l.name().to_string()),
    );
    out.extend(note);
    // The places where to get advice: their own file, data like the rest.
    let guidance = std::fs::read_to_string(root().join("data/guidance.geojson")).unwrap();
    for g in leerkaart::core::guidance::parse(&guidance).unwrap().points {
        out.extend([g.name, g.source.name]);
        out.extend(g.place);
        out.extend(g.street);
    }
    out.retain(|s| s.chars().count() >= MIN_FOREIGN_CHARS);
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out.dedup();
    out
}

/// Texts on the page in another language than `lang`, as "screen: text (contains "x", fr)".
pub(crate) async fn other_language_texts(
    c: &Client,
    lang: leerkaart::core::i18n::Lang,
    screen: &str,
    data: &[String],
) -> Vec<String> {
    let foreign = foreign_strings(lang);
    let mut found = Vec::new();
    for t in interface_texts(c).await {
        // Most texts hold no foreign string at all: only those that do are cleaned of data.
        if !foreign.iter().any(|(s, _)| t.contains(s)) {
            continue;
        }
        let mut rest = t.clone();
        for d in data {
            if rest.contains(d.as_str()) {
                rest = rest.replace(d.as_str(), " ");
            }
        }
        if let Some((s, code)) = foreign.iter().find(|(s, _)| rest.contains(s)) {
            let shown: String = t.chars().take(160).collect();
            found.push(format!("{screen}: {shown:?} (contains {s:?}, {code})"));
        }
    }
    found
}

pub(crate) fn has_count(t: &str) -> bool {
    t.chars().any(|ch| ch.is_ascii_digit())
}

/// Chromium's DevTools protocol through chromedriver (`goog/cdp/execute`).
#[derive(Debug)]
pub(crate) struct Cdp(pub(crate) &'static str, pub(crate) serde_json::Value);

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or("")
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "cmd": self.0, "params": self.1 }).to_string()),
        )
    }
}

/// Screenshots the element `css` into `out/file` and decodes the QR code in it.
pub(crate) async fn qr_in(c: &Client, css: &str, out: &Path, file: &str) -> Option<String> {
    let png = c
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .screenshot()
        .await
        .unwrap();
    std::fs::write(out.join(file), &png).unwrap();
    decode_qr(&png)
}

/// Decodes the QR code in a PNG screenshot; `None` when no code is found.
pub(crate) fn decode_qr(png_bytes: &[u8]) -> Option<String> {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().ok()?;
    let mut buf = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buf).ok()?;
    let channels = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        let i = (y * w + x) * channels;
        // Luma of the first three channels (or the one grey channel).
        if channels >= 3 {
            ((u32::from(buf[i]) + u32::from(buf[i + 1]) + u32::from(buf[i + 2])) / 3) as u8
        } else {
            buf[i]
        }
    });
    let grids = img.detect_grids();
    let (_, content) = grids.first()?.decode().ok()?;
    Some(content)
}
