//! On a phone, and under load: results first, the filters sheet, no layout shift; a burst of clicks leaves list, counts and markers in agreement.

use crate::harness::*;

/// On a phone the results come first: after a search the first result is on screen without
/// scrolling; the filters are a sheet behind one button, with the chosen ones as chips; the
/// focus goes into the sheet and back to its button. Loading and a filter click shift nothing
/// on screen (layout-shift entries, which do not depend on the machine's speed).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_the_results_come_first_and_nothing_shifts() {
    let Some(session) = session("phone-first").await else {
        return;
    };
    let (c, base, out) = (session.c.clone(), &session.base, &session.out);
    // Layout shifts, recorded from the start of the page.
    let observe = "window.leerkaartShift = 0; window.leerkaartShifts = []; new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) { window.leerkaartShift += e.value; window.leerkaartShifts.push(e.value.toFixed(3) + ' ' + e.sources.map(s => s.node ? (s.node.id || s.node.className || s.node.nodeName) + ' ' + JSON.stringify([s.previousRect.y, s.currentRect.y, s.previousRect.height, s.currentRect.height]) : '?').join(', ')); } }).observe({type: 'layout-shift', buffered: true});";
    // A laptop, a tablet (whose header once grew when the count arrived) and a phone.
    for (w, h) in [(1400, 900), (1024, 768), (390, 844)] {
        c.set_window_size(w, h).await.unwrap();
        c.goto(&format!("{base}/?tiles=none")).await.unwrap();
        js(&c, observe).await;
        let before = wait_text(&c, "#match-count", loaded_count).await;
        if w < 500 {
            first_view_paints_before_the_app(&c).await;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        let shift = js(&c, "return window.leerkaartShift")
            .await
            .as_f64()
            .unwrap();
        let which = js(&c, "return window.leerkaartShifts").await;
        assert!(
            shift <= 0.02,
            "{w}x{h}: loading shifts the layout by {shift}: {which}"
        );
        // A filter click (by script, so it counts as no user input), then the shift again.
        tick(&c, "sector", "Zorg").await;
        wait_text(&c, "#match-count", |t| loaded(t) && t != before).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let shift = js(&c, "return window.leerkaartShift")
            .await
            .as_f64()
            .unwrap();
        assert!(
            shift <= 0.02,
            "{w}x{h}: loading and a filter click shift the layout by {shift}"
        );
    }
    // A pupil scanned a poster's QR code: technical courses around Goes.
    c.goto(&format!(
        "{base}/?tiles=none&sector=engineering&from=51.5042,3.8889&fromname=Goes&km=20"
    ))
    .await
    .unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    let top = js(&c, "const r = document.querySelector('#results > li.result').getBoundingClientRect(); return [r.top, innerHeight, document.scrollingElement.scrollTop, document.querySelector('.sidebar').scrollTop]").await;
    let (first, screen) = (top[0].as_f64().unwrap(), top[1].as_f64().unwrap());
    assert!(
        first >= 0.0 && first + 60.0 < screen,
        "the first result on screen: {top}"
    );
    assert_eq!(
        js(
            &c,
            "return getComputedStyle(document.querySelector('.filters')).display"
        )
        .await,
        json!("none")
    );
    // The header stays one line.
    let header = js(
        &c,
        "return document.querySelector('.topbar').getBoundingClientRect().height",
    )
    .await;
    assert!(header.as_f64().unwrap() <= 64.0, "header height {header}");
    // The chosen filters as chips, the starting point and its radius too; the button says
    // how many.
    let bar = text(&c, ".phone-bar").await;
    assert!(
        bar.contains("Filters (2)")
            && bar.contains("Techniek")
            && bar.contains("Vanaf Goes · 20 km"),
        "{bar}"
    );
    std::fs::write(
        out.join("phone-results-first.png"),
        c.screenshot().await.unwrap(),
    )
    .unwrap();
    // The sheet: focus in, live count, "show" closes it and gives the focus back.
    click(&c, "#open-filters").await;
    wait_text(&c, "#show-results", |t| t.contains("opleiding")).await;
    assert_eq!(
        js(&c, "return document.activeElement.id").await,
        json!("close-filters")
    );
    assert!(visible(&c, "#q").await, "the search is in the sheet");
    std::fs::write(
        out.join("phone-filter-sheet.png"),
        c.screenshot().await.unwrap(),
    )
    .unwrap();
    let serious = axe_serious(&c, "phone sheet").await;
    assert!(
        serious.is_empty(),
        "accessibility of the sheet: {serious:#?}"
    );
    tick(&c, "stage", "Hoger onderwijs").await;
    let shown = wait_text(&c, "#show-results", |t| t.contains("opleiding")).await;
    click(&c, "#show-results").await;
    assert_eq!(
        js(&c, "return document.activeElement.id").await,
        json!("open-filters")
    );
    assert!(!visible(&c, "#q").await);
    // A stage's chip has the short name the courses' badges use.
    let bar = text(&c, ".phone-bar").await;
    assert!(bar.contains("hoger onderwijs"), "{bar}");
    let count_now = parse_count(&text(&c, "#match-count").await).0;
    assert!(
        shown.contains(&count_now.to_string()),
        "{shown} vs {count_now}"
    );
    // Escape closes the sheet too; a chip removes its filter.
    click(&c, "#open-filters").await;
    press(&c, "\u{E00C}").await;
    assert_eq!(
        js(&c, "return document.activeElement.id").await,
        json!("open-filters")
    );
    let chips = count(&c, ".chip").await;
    click(&c, ".chip").await;
    let start = std::time::Instant::now();
    while count(&c, ".chip").await != chips - 1 {
        assert!(start.elapsed() < WAIT, "a chip removes its filter");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let serious = axe_serious(&c, "phone results").await;
    assert!(serious.is_empty(), "accessibility on a phone: {serious:#?}");
    // That chip was the first, the starting point's: it is cleared in the sheet's place field
    // too.
    let bar = text(&c, ".phone-bar").await;
    assert!(
        !bar.contains("Vanaf Goes") && bar.contains("Techniek"),
        "{bar}"
    );
    assert_eq!(
        js(&c, "return document.querySelector('#origin-input').value").await,
        json!("")
    );
    // A job seeker's link to an occupation: the occupation is a chip of its own.
    c.goto(&format!("{base}/?tiles=none&beroep=lasser"))
        .await
        .unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    let bar = wait_text(&c, ".phone-bar", |t| t.contains("Lasser")).await;
    assert!(bar.contains("Filters (1)"), "{bar}");
    click(&c, ".chip").await;
    wait_text(&c, ".phone-bar", |t| !t.contains("Lasser")).await;
    c.close().await.unwrap();
}

/// A counsellor clicking fast: a burst of filter changes, some in one go and some a few
/// milliseconds apart, must leave the count, the facet counts, the list (its order and each
/// row's courses) and the markers exactly as the core computes them for the final state.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_clicks_leaves_list_counts_and_markers_in_agreement() {
    use leerkaart::core::url::UrlState;
    let Some(session) = session("e2e-burst").await else {
        return;
    };
    let (c, base) = (session.c.clone(), &session.base);
    let cat = shipped_catalog();
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    let bursts = [
        "sector:2 sector:3 sector:2 stage:3 sector:4",
        "stage:3 country:3 sector:5 sector:3",
        "sector:4 sector:5 stage:2 country:3 country:2",
    ];
    for (round, burst) in bursts.iter().enumerate() {
        let clicks: Vec<String> = burst
            .split(' ')
            .map(|c| {
                let (facet, nth) = c.split_once(':').unwrap();
                format!("[data-facet={facet}] .opt:nth-child({nth}) input")
            })
            .collect();
        // The first half in one task, the rest 5 ms apart.
        c.execute_async(
            "const [sels, done] = arguments; const half = Math.floor(sels.length / 2);
             sels.slice(0, half).forEach(s => document.querySelector(s).click());
             (async () => { for (const s of sels.slice(half)) { await new Promise(r => setTimeout(r, 5)); document.querySelector(s).click(); } done(); })();",
            vec![json!(clicks)],
        )
        .await
        .unwrap();
        // Settled: the count has not changed for half a second.
        let mut last = String::new();
        let mut since = Instant::now();
        let start = Instant::now();
        while since.elapsed() < Duration::from_millis(500) {
            let t = text(&c, "#match-count").await;
            if t != last {
                last = t;
                since = Instant::now();
            }
            assert!(start.elapsed() < WAIT, "the page never settled");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let query = c
            .current_url()
            .await
            .unwrap()
            .query()
            .unwrap_or("")
            .to_string();
        let state = UrlState::from_query(&query);
        let want = cat.apply(&leerkaart::core::Filter {
            sectors: state.sectors.clone(),
            levels: state.levels.clone(),
            stages: state.stages.clone(),
            countries: state.countries.clone(),
            provinces: state.provinces.clone(),
            learning_forms: state.learning_forms.clone(),
            ..Default::default()
        });
        let ctx = format!("round {round} ({query})");
        assert_eq!(
            parse_count(&last),
            (want.course_count, want.providers.len()),
            "{ctx}: count"
        );
        // The checkboxes show the state the URL holds.
        let ticked = js(&c, "return [...document.querySelectorAll('[data-facet=sector] input')].map(i => i.checked)").await;
        let want_ticked: Vec<bool> = leerkaart::core::Sector::ALL
            .iter()
            .map(|s| state.sectors.contains(s))
            .collect();
        assert_eq!(ticked, json!(want_ticked), "{ctx}: sector boxes");
        let counts = js(&c, "return [...document.querySelectorAll('[data-facet=sector] .opt-count')].map(e => Number(e.textContent))").await;
        assert_eq!(counts, json!(want.facets.sectors), "{ctx}: sector counts");
        // The list: the same providers in the same order, each with its first courses.
        wait_list_complete(&c).await;
        let rows = js(&c, "return [...document.querySelectorAll('#results > li.result')].map(r => [r.id, r.querySelectorAll('.course').length])").await;
        let want_rows: Vec<serde_json::Value> = want
            .providers
            .iter()
            .take(LIST_PAGE)
            .map(|h| json!([format!("result-{}", h.provider), h.courses.len().min(6)]))
            .collect();
        assert_eq!(rows, json!(want_rows), "{ctx}: list");
        // The markers: their course numbers add up to the count (unlisted ones show "?").
        let on_map = js(&c, "return [...document.querySelectorAll('.leaflet-marker-icon:not(.mk-unlisted) span')].map(e => Number(e.textContent.replace(/\\D/g, ''))).reduce((a, b) => a + b, 0)").await;
        assert_eq!(on_map, json!(want.course_count), "{ctx}: markers");
    }
    // A school's other courses on request, and back; a filter change keeps the row in step.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    let all = cat.apply(&leerkaart::core::Filter::default());
    let row = js(&c, "const b = document.querySelector('#results > li.result .more-courses'); return b ? b.closest('li.result').id : null").await;
    let row = row
        .as_str()
        .expect("a school with more than six courses")
        .to_string();
    let pid: u32 = row.trim_start_matches("result-").parse().unwrap();
    let hit = all.providers.iter().find(|h| h.provider == pid).unwrap();
    click(&c, &format!("#{row} .more-courses")).await;
    let courses = format!("return document.querySelectorAll('#{row} .course').length");
    assert_eq!(
        js(&c, &courses).await,
        json!(hit.courses.len()),
        "all courses shown"
    );
    click(&c, &format!("#{row} .more-courses")).await;
    assert_eq!(js(&c, &courses).await, json!(6), "back to the first six");

    // By keyboard: a row's inside is redrawn for "show all", and the focus comes back to
    // its button; a star is the same button before and after, its state announced.
    js(
        &c,
        &format!("document.querySelector('#{row} .more-courses').focus()"),
    )
    .await;
    press(&c, "\u{E007}").await; // Enter
    wait_text(&c, &format!("#{row} .more-courses"), |t| {
        t == leerkaart::core::i18n::Msg::FewerCourses.text(leerkaart::core::i18n::Lang::Nl)
    })
    .await;
    assert_eq!(js(&c, &courses).await, json!(hit.courses.len()));
    assert_eq!(
        js(&c, "const a = document.activeElement; return [a.className, a.getAttribute('aria-expanded'), a.closest('li.result').id]").await,
        json!(["btn-link more-courses", "true", row]),
        "the focus stays on the row's toggle"
    );
    js(
        &c,
        &format!("window.__star = document.querySelector('#{row} .star'); window.__star.focus()"),
    )
    .await;
    press(&c, " ").await;
    wait_text(&c, "#open-compare", |t| t.contains("(1)")).await;
    assert_eq!(
        js(&c, "const s = window.__star; return [document.activeElement === s, s.isConnected, s.getAttribute('aria-pressed'), s.textContent, s.classList.contains('on')]").await,
        json!([true, true, "true", "★", true])
    );
    press(&c, "\u{E007}").await;
    wait_text(&c, "#open-compare", |t| t.contains("(0)")).await;
    assert_eq!(
        js(&c, "const s = window.__star; return [document.activeElement === s, s.getAttribute('aria-pressed'), s.textContent]").await,
        json!([true, "false", "☆"])
    );
    c.close().await.unwrap();
}

/// On a phone the map is made while its pane is hidden (the list comes first), where Leaflet
/// cannot fit a view. A link with a starting point and radius (a poster's QR code) still opens
/// the map on that circle when the map pane is first shown, not on the whole region.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_the_map_opens_on_the_links_circle() {
    let Some(session) = session("phone-map-view").await else {
        return;
    };
    let (c, base) = (session.c.clone(), &session.base);
    // A tall phone: there the region's view at the widest zoom needs Leaflet's pan back into
    // its bounds when the pane is first shown, which once ended after the link's view.
    c.set_window_size(390, 950).await.unwrap();
    c.goto(&format!(
        "{base}/?tiles=none&from=51.0543,3.7174&fromname=Gent&km=15"
    ))
    .await
    .unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    click(&c, "#show-map").await;
    // By keyboard, Tab goes on from the switch into the map it shows (the switch is drawn
    // at the bottom of the screen but comes first in the document).
    wait_count(&c, ".leaflet-container", 1, "the map is made").await;
    js(&c, "document.querySelector('#show-map').focus()").await;
    press(&c, "\u{E004}").await; // Tab
    assert_eq!(
        js(&c, "return !!document.activeElement.closest('.map-pane')").await,
        json!(true),
        "Tab from the Map button reaches the map"
    );
    let map_param = "return new URLSearchParams(location.search).get('map') || ''";
    let read_view = || async {
        js(&c, map_param)
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let view = read_view().await;
        let zoom = view.rsplit(',').next().and_then(|z| z.parse::<f64>().ok());
        if zoom.is_some_and(|z| z >= 10.0) {
            break;
        }
    }
    // And it stays there: once, a pan that Leaflet started to keep the map in its bounds
    // ended after this view and moved it off centre.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let view = read_view().await;
    let parts: Vec<f64> = view.split(',').filter_map(|x| x.parse().ok()).collect();
    assert_eq!(
        parts.len(),
        3,
        "the address bar has the map's view: {view:?}"
    );
    let (lat, lon, zoom) = (parts[0], parts[1], parts[2]);
    assert!(
        zoom >= 10.0 && (lat - 51.0543).abs() < 0.05 && (lon - 3.7174).abs() < 0.05,
        "the map shows the 15 km around Gent, not the region: {view}"
    );

    // A parent in Brugge: a town's first grades at the circle's zoom. Markers that would
    // cover each other's numbers are one cluster; no two badges sit closer than half a
    // marker's width (they once lay on top of each other).
    c.goto(&format!(
        "{base}/?tiles=none&from=51.2093,3.2247&fromname=Brugge&km=10&stage=lower_secondary"
    ))
    .await
    .unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    click(&c, "#show-map").await;
    wait_count(
        &c,
        ".leaflet-marker-icon.mk-cluster",
        1,
        "the town's markers are clustered",
    )
    .await;
    let closest = js(&c, "const r = [...document.querySelectorAll('.leaflet-marker-icon.mk:not(.mk-advice)')].map(e => e.getBoundingClientRect()).map(b => [b.x + b.width / 2, b.y + b.height / 2, Math.min(b.width, b.height)]); let worst = Infinity; for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) worst = Math.min(worst, Math.hypot(r[i][0] - r[j][0], r[i][1] - r[j][1]) / Math.min(r[i][2], r[j][2])); return [r.length, worst];").await;
    let (markers, worst) = (closest[0].as_f64().unwrap(), closest[1].as_f64().unwrap());
    assert!(
        markers >= 2.0 && worst >= 0.5,
        "{markers} markers, closest pair {worst:.2} marker widths apart"
    );
    // Opening a school from the list still shows its own popup (zoomed in, out of its cluster).
    click(&c, "#show-list").await;
    click(&c, "#results > li.result .result-head").await;
    wait_text(&c, ".leaflet-popup-content", |t| !t.is_empty()).await;
}

/// The page's first view is in its HTML (the title and what the map is for), so a phone on a
/// slow network shows it before the app's script has arrived: the largest paint (what
/// Lighthouse's LCP measures) comes before the app starts, and once the data is in, the first
/// view has left the page.
async fn first_view_paints_before_the_app(c: &Client) {
    let html = std::fs::read_to_string(site().join("index.html")).unwrap();
    let intro = leerkaart::core::i18n::Msg::Intro.text(leerkaart::core::i18n::Lang::Nl);
    assert!(
        html.contains(r#"<div id="boot""#),
        "index.html has a first view"
    );
    assert!(html.contains("<h1>Leerkaart Scheldemond</h1>"));
    assert!(
        html.contains(intro),
        "index.html says what the map is for, as the app does"
    );
    let times = js(
        c,
        "const lcp = []; const what = []; new PerformanceObserver(l => l.getEntries().forEach(e => { lcp.push(e.startTime); what.push(e.size + ' ' + (e.element ? e.element.nodeName + '#' + e.element.id + '.' + e.element.className : e.id)); })).observe({type: 'largest-contentful-paint', buffered: true}); \
         const mounted = performance.getEntriesByName('leerkaart:mounted')[0]; \
         return new Promise(r => setTimeout(() => r([lcp, mounted ? mounted.startTime : null, what]), 100));",
    )
    .await;
    // A paint's time is when its frame was shown, which can come a few milliseconds after the
    // app's start (it waits for the first view's paint, not for its display); the app's own
    // content exists only once it has mounted, so a paint shown by then is the first view's.
    let (lcp, mounted) = (times[0].as_array().unwrap(), times[1].as_f64().unwrap());
    let largest = lcp.last().and_then(|t| t.as_f64()).unwrap();
    assert!(
        largest <= mounted,
        "the largest paint ({largest} ms) comes before the app has mounted ({mounted} ms): {times}"
    );
    assert_eq!(
        count(c, "#boot").await,
        0,
        "the first view is gone once the data is in"
    );
}
