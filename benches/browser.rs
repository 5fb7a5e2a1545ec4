//! Browser benchmark (not a test): the release page in headless Chromium with seeded
//! synthetic datasets of 10k and 100k courses (1M with LEERKAART_BENCH_1M=1: a ~300 MB file,
//! which is what tiling is for). Prints, per size: data fetched → interactive (parse,
//! validate, index, first filter and render, in wasm), the time of a filter change from the
//! click to the next painted frame, the core's filter time in wasm, marker/cluster time and
//! the wasm memory. Needs `dist/` and chromedriver (scripts/bench.sh provides them).
//!
//!   cargo bench --bench browser

#[path = "../tests/support/chromium.rs"]
mod chromium;
#[path = "../tests/support/testserver.rs"]
mod testserver;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::Locator;
use leerkaart::core::gazetteer::Gazetteer;
use leerkaart::core::synth::realistic;
use serde_json::json;

const SEED: u64 = 20_261_123;
const CLICKS: usize = 15;
/// Page script: `afterFrame(f)` calls `f` once the next frame has been rendered — a message
/// posted from the frame callback runs after that frame's style, layout and paint. Chromium
/// runs with vsync off (`--disable-gpu-vsync --disable-frame-rate-limit`), so a frame is not
/// held back to a 60 Hz tick: on a plain page this is under a millisecond, and what it shows
/// for a click is the click's own work (script, style, layout, paint).
const AFTER_FRAME_JS: &str = "const afterFrame = (f) => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => f(); ch.port2.postMessage(0); });";
/// The same toggle on a plain HTML page (four checkboxes, no script), measured in the same run.
const PLAIN_PAGE: &str = "<!doctype html><html lang=en><meta charset=utf-8><meta name=viewport content=\"width=device-width\"><title>plain</title><fieldset data-facet=sector><legend>Sector</legend><label class=opt><input type=checkbox> Techniek</label><label class=opt><input type=checkbox> Zorg</label><label class=opt><input type=checkbox> Economie</label><label class=opt><input type=checkbox> Onderwijs</label></fieldset></html>";
/// Starting points chosen per size (four towns in turn).
const ORIGIN_CHANGES: usize = 8;
/// Zoom steps (in and out in turn) whose re-clustering is timed.
const ZOOMS: usize = 8;
/// Fresh page loads timed with the shipped dataset.
const SHIPPED_LOADS: usize = 7;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Min and median; NaN for no samples.
fn stats(mut v: Vec<f64>) -> (f64, f64) {
    if v.is_empty() {
        return (f64::NAN, f64::NAN);
    }
    v.sort_by(f64::total_cmp);
    (v[0], v[v.len() / 2])
}

/// Opens the page and waits until it has loaded `n` courses; what it published then.
async fn open_loaded(c: &fantoccini::Client, url: &str, n: usize) -> serde_json::Value {
    c.goto(url).await.unwrap();
    let start = Instant::now();
    loop {
        let p = c.execute("return window.leerkaartPerf && window.leerkaartPerf.courses === arguments[0] ? window.leerkaartPerf : null", vec![json!(n)]).await.unwrap();
        if !p.is_null() {
            return p;
        }
        assert!(
            start.elapsed() < Duration::from_secs(600),
            "{n} courses never loaded"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A headless Chromium session through chromedriver, with its own profile and extra flags.
async fn session(
    driver_port: u16,
    profile: &std::path::Path,
    extra: &[&str],
) -> fantoccini::Client {
    chromium::connect(driver_port, profile, extra, Duration::from_secs(20)).await
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    if !root().join("dist/index.html").is_file()
        || Command::new("chromedriver")
            .arg("--version")
            .output()
            .is_err()
    {
        eprintln!("browser benchmark skipped: needs dist/ and chromedriver (run scripts/bench.sh)");
        return;
    }
    let dir = root().join("target/bench/web");
    std::fs::create_dir_all(&dir).unwrap();
    let gaz = Gazetteer::parse(&std::fs::read_to_string(root().join("data/places.tsv")).unwrap())
        .unwrap();
    let centres = gaz.town_weights();
    let mut sizes = if std::env::var("LEERKAART_BENCH_SHIPPED_ONLY").is_ok() {
        Vec::new()
    } else {
        vec![10_000usize, 100_000]
    };
    if std::env::var("LEERKAART_BENCH_1M").is_ok() {
        sizes.push(1_000_000);
    }
    std::fs::write(dir.join("plain.html"), PLAIN_PAGE).unwrap();
    for &n in &sizes {
        let data = realistic(SEED, n, n / 8, centres.clone());
        let text = leerkaart::pipeline::export::to_geojson(&data, "synthetic").to_string();
        std::fs::write(dir.join(format!("synthetic-{n}.geojson")), text).unwrap();
    }
    let port = testserver::serve(testserver::Routes {
        dirs: vec![
            ("/bench/".into(), dir.clone()),
            ("/".into(), root().join("dist")),
        ],
        slow: Duration::ZERO,
        ..Default::default()
    });
    let driver_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut driver = Command::new("chromedriver")
        .arg(format!("--port={driver_port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let profile = std::env::temp_dir().join(format!("leerkaart-bench-{}", std::process::id()));
    // Loads are timed in a browser drawing at its usual rate: with vsync off it draws a frame
    // between every slice of the streamed parse, which makes loading 3–4× slower than any
    // real screen would. Clicks, starting points and zooms are timed with vsync off (below).
    let c = session(driver_port, &profile.join("loads"), &[]).await;
    let cv = session(
        driver_port,
        &profile.join("frames"),
        &["--disable-gpu-vsync", "--disable-frame-rate-limit"],
    )
    .await;
    // The shipped dataset as a visitor meets it: opening the page → first markers drawn
    // (fetch, parse, validate, index, filter, markers), over fresh loads.
    let shipped = std::fs::read(root().join("dist/data/providers.geojson")).unwrap_or_default();
    // What a static host serving it compressed sends (gzip -9).
    let gz = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(root().join("dist/data/providers.geojson"))
        .output()
        .map_or(0, |o| o.stdout.len());
    let mut first = Vec::new();
    let mut load = Vec::new();
    let mut fetched = Vec::new();
    let mut courses = 0.0;
    for _ in 0..SHIPPED_LOADS {
        c.goto(&format!("http://127.0.0.1:{port}/?tiles=none"))
            .await
            .unwrap();
        // Checked every frame from the navigation on: the first marker element in the DOM.
        let at = c
            .execute_async(
                "const done = arguments[0]; const t = () => document.querySelector('.leaflet-marker-icon') ? done(performance.now()) : requestAnimationFrame(t); t();",
                vec![],
            )
            .await
            .unwrap();
        let p = c
            .execute("return window.leerkaartPerf || {}", vec![])
            .await
            .unwrap();
        courses = p["courses"].as_f64().unwrap_or(f64::NAN);
        load.push(p["load_ms"].as_f64().unwrap_or(f64::NAN));
        fetched.push(p["data_fetched_at_ms"].as_f64().unwrap_or(f64::NAN));
        first.push(at.as_f64().unwrap_or(f64::NAN));
    }
    let (fmin, fmed) = stats(first);
    let (_, lmed) = stats(load);
    let (_, dmed) = stats(fetched);
    println!(
        "shipped data: {courses:.0} courses, {} KB, {} KB gzipped; opening the page → first markers: min {fmin:.0} ms, median {fmed:.0} ms (data fetched at {dmed:.0} ms, then parsed, indexed, filtered and listed in {lmed:.0} ms; {SHIPPED_LOADS} loads)\n",
        shipped.len() / 1024,
        gz / 1024
    );
    // The same toggle on a plain page, in the same browser: what the method shows for no work.
    cv.goto(&format!("http://127.0.0.1:{port}/bench/plain.html"))
        .await
        .unwrap();
    let mut plain = Vec::new();
    for i in 0..CLICKS {
        let ms = cv
            .execute_async(
                &format!("{AFTER_FRAME_JS} const [sel, done] = arguments; const t0 = performance.now();
                 document.querySelector(sel).click(); afterFrame(() => done(performance.now() - t0));"),
                vec![json!(format!("[data-facet=sector] .opt:nth-child({}) input", 2 + i % 3))],
            )
            .await
            .unwrap();
        plain.push(ms.as_f64().unwrap_or(f64::NAN));
        tokio::time::sleep(Duration::from_millis(37)).await;
    }
    let (pmin, pmed) = stats(plain);
    println!("a plain HTML page, the same checkbox toggled: click → painted {pmin:.1} / {pmed:.1} ms (min / median of {CLICKS}; vsync off)\n");
    println!("| courses | data fetched → interactive ms | data fetched → first markers ms (from the first byte / the last) | filter change, click → painted ms (min / median; the list's whole page, median) | of which script ms (median) | nothing changed, next frame ms (median) | core filter in wasm ms | markers: grouping + clustering ms + drawing ms | starting point chosen → painted ms (median) | zoom: view changed → re-clustered and painted ms (median; of which markers) | wasm memory MiB |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    // The shipped dataset first (its course count as the size), then the synthetic sizes.
    let runs: Vec<(usize, String)> = std::iter::once((courses as usize, String::new()))
        .chain(
            sizes
                .iter()
                .map(|n| (*n, format!("&data=bench/synthetic-{n}.geojson"))),
        )
        .collect();
    for (n, data) in &runs {
        let n = *n;
        let url = format!("http://127.0.0.1:{port}/?tiles=none{data}");
        let perf = open_loaded(&c, &url, n).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let loaded = c
            .execute("return window.leerkaartPerf", vec![])
            .await
            .unwrap();
        open_loaded(&cv, &url, n).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        // The metric's floor: the next frame with nothing changed.
        let mut floors = Vec::new();
        for _ in 0..CLICKS {
            let ms = cv
                .execute_async(
                    &format!(
                        "{AFTER_FRAME_JS} const done = arguments[0]; const t0 = performance.now();
                     afterFrame(() => done(performance.now() - t0));"
                    ),
                    vec![],
                )
                .await
                .unwrap();
            floors.push(ms.as_f64().unwrap_or(f64::NAN));
            tokio::time::sleep(Duration::from_millis(37)).await;
        }
        let mut clicks = Vec::new();
        // To the whole page of rows painted: after the first rows, the rest follow a few per
        // frame.
        let mut whole = Vec::new();
        let mut filters = Vec::new();
        let mut markers = Vec::new();
        let mut scripts = Vec::new();
        let mut groups = Vec::new();
        for i in 0..CLICKS {
            let nth = 2 + i % 3;
            // Script: the click until the next frame's callbacks (Leptos runs its effects in
            // microtasks, before that frame); the rest, to the end of that frame, is style,
            // layout and paint.
            let ms = cv
                .execute_async(
                    &format!("{AFTER_FRAME_JS} const [sel, done] = arguments; const t0 = performance.now(); let script = NaN;
                     const count = () => document.querySelector('#match-count').textContent;
                     const before = count();
                     document.querySelector(sel).click();
                     requestAnimationFrame(() => {{ script = performance.now() - t0; }});
                     const pages = () => performance.getEntriesByName('leerkaart:rendered-page').length; const pages0 = pages();
                     afterFrame(() => {{ const painted = performance.now() - t0; const changed = count() !== before;
                       const whole = () => pages() > pages0 ? afterFrame(() => done([painted, script, changed, performance.now() - t0])) : requestAnimationFrame(whole); whole(); }});"),
                    vec![json!(format!("[data-facet=sector] .opt:nth-child({nth}) input"))],
                )
                .await
                .unwrap();
            // The frame measured must be the one showing the new result.
            assert_eq!(
                ms[2].as_bool(),
                Some(true),
                "the count had not changed in the frame after the click"
            );
            clicks.push(ms[0].as_f64().unwrap());
            whole.push(ms[3].as_f64().unwrap_or(f64::NAN));
            scripts.push(ms[1].as_f64().unwrap_or(f64::NAN));
            let p = cv
                .execute("return window.leerkaartPerf", vec![])
                .await
                .unwrap();
            filters.push(p["filter_ms"].as_f64().unwrap_or(f64::NAN));
            markers.push(p["markers_ms"].as_f64().unwrap_or(f64::NAN));
            groups.push(p["marker_groups_ms"].as_f64().unwrap_or(f64::NAN));
            // A pause between clicks, as between a person's (and as between the floor's frames).
            tokio::time::sleep(Duration::from_millis(37)).await;
        }
        // Choosing a starting point: every result gets a distance and the list is re-sorted.
        let mut origins = Vec::new();
        for i in 0..ORIGIN_CHANGES {
            let place = ["Gent", "Brugge", "Goes", "Terneuzen"][i % 4];
            let ms = cv
                .execute_async(
                    &format!("{AFTER_FRAME_JS} const [place, done] = arguments; const i = document.querySelector('#origin-input');
                     const t0 = performance.now();
                     i.value = place; i.dispatchEvent(new Event('input', {{bubbles: true}}));
                     i.dispatchEvent(new Event('change', {{bubbles: true}}));
                     afterFrame(() => done(performance.now() - t0));"),
                    vec![json!(place)],
                )
                .await
                .unwrap();
            origins.push(ms.as_f64().unwrap_or(f64::NAN));
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // A zoom step: from Leaflet's moveend (after its 250 ms zoom animation, which is by
        // design) to the re-clustered markers painted.
        let mut zooms = Vec::new();
        let mut zoom_markers = Vec::new();
        for i in 0..ZOOMS {
            let button = if i % 2 == 0 {
                ".leaflet-control-zoom-in"
            } else {
                ".leaflet-control-zoom-out"
            };
            let ms = cv
                .execute_async(
                    &format!("{AFTER_FRAME_JS} const [sel, done] = arguments; const t0 = performance.now();
                     document.querySelector(sel).click();
                     const wait = () => {{
                       const p = window.leerkaartPerf || {{}};
                       if (p.markers_done_at_ms > t0 && p.view_changed_at_ms > t0) {{
                         const from = p.view_changed_at_ms;
                         afterFrame(() => done(performance.now() - from));
                       }} else if (performance.now() - t0 > 5000) {{ done(null); }} else {{ requestAnimationFrame(wait); }}
                     }};
                     wait();"),
                    vec![json!(button)],
                )
                .await
                .unwrap();
            if let Some(ms) = ms.as_f64() {
                zooms.push(ms);
                let p = cv
                    .execute("return window.leerkaartPerf", vec![])
                    .await
                    .unwrap();
                zoom_markers.push(p["markers_ms"].as_f64().unwrap_or(f64::NAN));
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        let (_, zmed) = stats(zooms);
        let (_, zmmed) = stats(zoom_markers);
        let p = &loaded;
        let first_markers_at = p["first_markers_at_ms"].as_f64().unwrap_or(f64::NAN);
        // The data is read as it arrives: from its first byte, and from its last (when the
        // whole text was in before streaming).
        let first_markers = format!(
            "{:.0} / {:.0}",
            first_markers_at - p["data_fetched_at_ms"].as_f64().unwrap_or(f64::NAN),
            first_markers_at - p["data_complete_at_ms"].as_f64().unwrap_or(f64::NAN)
        );
        let (_, omed) = stats(origins);
        let (cmin, cmed) = stats(clicks);
        let (_, wmed) = stats(whole);
        let (_, fmed) = stats(filters);
        let (_, mmed) = stats(markers);
        let (_, smed) = stats(scripts);
        let (_, floor) = stats(floors);
        let (_, gmed) = stats(groups);
        let label = if data.is_empty() {
            format!("{n} (shipped)")
        } else {
            n.to_string()
        };
        println!(
            "| {label} | {:.0} | {first_markers} | {cmin:.1} / {cmed:.1} ({wmed:.1}) | {smed:.1} | {floor:.1} | {fmed:.1} | {gmed:.1} + {:.1} | {omed:.1} | {zmed:.1} ({zmmed:.1}) | {:.0} |",
            perf["load_ms"].as_f64().unwrap_or(f64::NAN),
            mmed - gmed,
            perf["wasm_memory_mb"].as_f64().unwrap_or(f64::NAN)
        );
    }
    if sizes.contains(&1_000_000) {
        // The 1M set split into 0.25° tiles, opened on a city-level view of Gent.
        let data = realistic(SEED, 1_000_000, 125_000, centres.clone());
        let tiles = leerkaart::pipeline::tiles::write_tiles(
            &data,
            &dir.join("tiles-1m"),
            leerkaart::pipeline::tiles::DEFAULT_CELL_DEG,
        )
        .unwrap();
        drop(data);
        c.goto(&format!(
            "http://127.0.0.1:{port}/?tiles=none&data=bench/tiles-1m/index.json&map=51.05,3.72,12"
        ))
        .await
        .unwrap();
        let start = Instant::now();
        let mut first = None;
        let mut last_text = String::new();
        let mut stable_since = Instant::now();
        loop {
            let t = c.find(Locator::Css("#tile-progress")).await.ok();
            let text = match t {
                Some(e) => e.text().await.unwrap_or_default(),
                None => String::new(),
            };
            if first.is_none() && !text.is_empty() && !text.contains(" 0 /") {
                first = Some(start.elapsed());
            }
            if text != last_text {
                last_text = text;
                stable_since = Instant::now();
            } else if first.is_some() && stable_since.elapsed() > Duration::from_secs(2) {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(300),
                "tiles never settled"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let settled = start.elapsed() - Duration::from_secs(2);
        let mem = c
            .execute(
                "return window.leerkaartPerf ? window.leerkaartPerf.wasm_memory_mb : null",
                vec![],
            )
            .await
            .unwrap();
        println!();
        println!(
            "1M courses in {} tiles of 0.25°, city view of Gent (zoom 12): first tile shown after {:.0} ms, all needed tiles after {:.0} ms ({last_text}); wasm memory {} MiB",
            tiles.len(),
            first.unwrap_or_default().as_secs_f64() * 1e3,
            settled.as_secs_f64() * 1e3,
            mem.as_f64().map_or("n/a".to_string(), |m| format!("{m:.0}")),
        );
    }
    let _ = c.find(Locator::Css("body")).await;
    c.close().await.unwrap();
    cv.close().await.unwrap();
    let _ = driver.kill();
    let _ = driver.wait();
    let _ = std::fs::remove_dir_all(&profile);
}
