//! Hostile and broken files: every problem reported with where and why, the rest loads, nothing injects markup.

use crate::harness::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn page_in_headless_chromium() {
    let Some(session) = session("e2e").await else {
        return;
    };
    let (c, base, out) = (session.c.clone(), &session.base, &session.out);

    // 1. The map, markers and list render with the default data.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    let all = wait_text(&c, "#match-count", loaded).await;
    let (total_courses, total_providers) = parse_count(&all);
    assert!(total_courses >= 30 && total_providers >= 10, "{all}");
    assert!(count(&c, ".leaflet-marker-icon").await > 3, "markers drawn");
    wait_count_eq(&c, "#results > li.result", total_providers.min(LIST_PAGE)).await;
    assert!(
        count(&c, ".leaflet-overlay-pane path").await >= 3,
        "offline outline drawn"
    );
    std::fs::write(out.join("desktop.png"), c.screenshot().await.unwrap()).unwrap();
    // The page runs under its Content-Security-Policy without a single violation.
    let csp = js(
        &c,
        "return document.querySelector('meta[http-equiv=Content-Security-Policy]').content",
    )
    .await;
    assert!(
        csp.as_str()
            .unwrap()
            .contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
        "{csp}"
    );
    assert_eq!(
        js(&c, "return window.leerkaartCspViolations").await,
        json!(0)
    );
    let serious = axe_serious(&c, "desktop").await;
    assert!(serious.is_empty(), "accessibility: {serious:#?}");

    // 2. Free text narrows the count and the list.
    c.find(Locator::Css("#q"))
        .await
        .unwrap()
        .send_keys("verpleegkunde")
        .await
        .unwrap();
    let t = wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t).0 < total_courses
    })
    .await;
    let (n, providers) = parse_count(&t);
    assert!(n >= 5, "{t}");
    // Each course shown matches by its own name or its provider's ("Instituut voor
    // Verpleegkunde" lists its modules).
    wait_list_complete(&c).await;
    let names = js(
        &c,
        "return [...document.querySelectorAll('#results > li.result')].flatMap(r => [...r.querySelectorAll('.course-name')].map(e => r.querySelector('.result-name').textContent + ' / ' + e.textContent))",
    )
    .await;
    let names: Vec<String> = serde_json::from_value(names).unwrap();
    assert!(!names.is_empty() && names.len() <= n);
    assert!(
        names
            .iter()
            .all(|s| s.to_lowercase().contains("verpleegkunde")),
        "{names:?}"
    );
    wait_count_eq(&c, "#results > li.result", providers.min(LIST_PAGE)).await;
    c.find(Locator::Css("#q"))
        .await
        .unwrap()
        .clear()
        .await
        .unwrap();
    js(&c, "const q = document.querySelector('#q'); q.dispatchEvent(new Event('input', {bubbles: true}));").await;
    wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t).0 == total_courses
    })
    .await;

    // 3. A facet: the count shown next to "Zorg en welzijn" is what a click gives.
    let care_label = "[data-facet=sector] .opt:nth-child(3)";
    let facet_count: usize = text(&c, &format!("{care_label} .opt-count"))
        .await
        .trim()
        .parse()
        .unwrap();
    assert!(text(&c, &format!("{care_label} .opt-label"))
        .await
        .contains("Zorg"));
    click(&c, &format!("{care_label} input")).await;
    let t = wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t).0 != total_courses
    })
    .await;
    assert_eq!(parse_count(&t).0, facet_count);
    click(&c, "#reset").await;
    wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t).0 == total_courses
    })
    .await;

    // 4. "Only what is in view" follows zooming in and out.
    click(&c, "#in-view").await;
    wait_text(&c, "#match-count", |t| t.contains("in beeld")).await;
    for _ in 0..3 {
        click(&c, ".leaflet-control-zoom-in").await;
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    let zoomed = wait_text(&c, "#match-count", |t| {
        t.contains("in beeld") && parse_count(t).1 < total_providers
    })
    .await;
    wait_count_eq(
        &c,
        "#results > li.result",
        parse_count(&zoomed).1.min(LIST_PAGE),
    )
    .await;
    for _ in 0..3 {
        click(&c, ".leaflet-control-zoom-out").await;
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    wait_text(&c, "#match-count", |t| {
        t.contains("in beeld") && parse_count(t).1 == total_providers
    })
    .await;
    click(&c, "#in-view").await;
    wait_text(&c, "#match-count", |t| loaded(t) && !t.contains("in beeld")).await;

    // 5. Clicking a result opens its marker's popup; clicking a marker highlights its result.
    let first = c
        .find(Locator::Css("#results > li.result .result-head"))
        .await
        .unwrap();
    let first_name = first
        .find(Locator::Css(".result-name"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    first.click().await.unwrap();
    let popup = wait_text(&c, ".leaflet-popup-content", |t| !t.is_empty()).await;
    assert!(
        popup.contains(&first_name),
        "popup {popup:?} should name {first_name}"
    );
    assert!(count(&c, "#results > li.result.selected").await >= 1);
    assert_eq!(count(&c, ".mk.mk-selected").await, 1);
    js(
        &c,
        "document.querySelector('.leaflet-popup-close-button').click()",
    )
    .await;
    // Click the last course marker in the DOM (not a cluster, not a location whose offer is
    // not listed) and check the highlighted result moved, even beyond the list's first page.
    js(&c, "const m = [...document.querySelectorAll('.leaflet-marker-icon.mk:not(.mk-cluster):not(.mk-unlisted)')].pop(); m.dispatchEvent(new MouseEvent('click', {bubbles: true}));").await;
    let sel = wait_text(&c, "#results > li.result.selected .result-name", |t| {
        !t.is_empty()
    })
    .await;
    let title = js(
        &c,
        "return [...document.querySelectorAll('.leaflet-marker-icon.mk:not(.mk-cluster):not(.mk-unlisted)')].pop().getAttribute('title')",
    )
    .await;
    assert!(
        title.as_str().unwrap().contains(&sel),
        "marker {title} vs result {sel}"
    );

    // 6. Keyboard alone: focus the search box, tab to the first facet, toggle it with space.
    js(&c, "document.querySelector('#q').focus()").await;
    c.find(Locator::Css("#q"))
        .await
        .unwrap()
        .send_keys("\u{E004}")
        .await
        .unwrap(); // Tab
    let active = js(&c, "return document.activeElement.id").await;
    assert_eq!(
        active,
        json!("occupation-input"),
        "Tab moves from the search box to the occupation search"
    );
    c.find(Locator::Css("#occupation-input"))
        .await
        .unwrap()
        .send_keys("\u{E004}")
        .await
        .unwrap();
    assert_eq!(
        js(&c, "return document.activeElement.id").await,
        json!("shortage-only"),
        "then to the shortage filter"
    );
    js(
        &c,
        "document.querySelector('[data-facet=sector] input').focus()",
    )
    .await;
    c.find(Locator::Css("[data-facet=sector] input"))
        .await
        .unwrap()
        .send_keys(" ")
        .await
        .unwrap();
    wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t).0 != total_courses
    })
    .await;
    let head = c.find(Locator::Css("#results .result-head")).await.unwrap();
    js(
        &c,
        "document.querySelector('#results .result-head').focus()",
    )
    .await;
    head.send_keys("\u{E007}").await.unwrap(); // Enter
    wait_text(&c, ".leaflet-popup-content", |t| !t.is_empty()).await;

    // 7. A starting point typed as a town: results sorted by distance, with km; a radius
    //    narrows them.
    click(&c, "#reset").await;
    wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t).0 == total_courses
    })
    .await;
    let origin = c.find(Locator::Css("#origin-input")).await.unwrap();
    origin.send_keys("Goes").await.unwrap();
    origin.send_keys("\u{E007}").await.unwrap();
    wait_text(&c, "#origin-label", |t| t.contains("Goes")).await;
    js(&c, "document.querySelector('#q').focus()").await; // blur fires `change` as well
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        count(&c, "#origin-not-found").await,
        0,
        "a chosen place is not 'unknown'"
    );
    let nearest = distances(&c).await;
    assert_eq!(
        nearest.len(),
        total_providers.min(LIST_PAGE),
        "every result shows its distance"
    );
    assert!(
        nearest.windows(2).all(|w| w[0] <= w[1]),
        "sorted by distance: {nearest:?}"
    );
    assert!(
        nearest[0] < 3.0,
        "the nearest school is in Goes itself: {nearest:?}"
    );
    js(&c, "const s = document.querySelector('#radius'); s.value = '20'; s.dispatchEvent(new Event('change', {bubbles: true}));").await;
    let t = wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t).1 < total_providers
    })
    .await;
    let within = distances(&c).await;
    assert!(within.iter().all(|d| *d <= 20.0), "{within:?}");
    assert_eq!(within.len(), parse_count(&t).1.min(LIST_PAGE));
    std::fs::write(out.join("origin.png"), c.screenshot().await.unwrap()).unwrap();
    // An unknown place says so and keeps the origin.
    let origin = c.find(Locator::Css("#origin-input")).await.unwrap();
    origin.clear().await.unwrap();
    origin.send_keys("Xyzzyville").await.unwrap();
    origin.send_keys("\u{E007}").await.unwrap();
    wait_text(&c, "#origin-not-found", |t| !t.is_empty()).await;
    assert!(text(&c, "#origin-label").await.contains("Goes"));
    click(&c, "#origin-clear").await;
    wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t).0 == total_courses
    })
    .await;

    // 8. A dataset picked from a file replaces the default one.
    js(&c, "document.querySelector('#about').open = true").await;
    let picker = c.find(Locator::Css("#data-file")).await.unwrap();
    picker
        .send_keys(
            root()
                .join("tests/fixtures/line_delimited.geojsonl")
                .to_str()
                .unwrap(),
        )
        .await
        .unwrap();
    let t = wait_text(&c, "#match-count", |t| loaded(t) && parse_count(t).1 == 2).await;
    assert_eq!(parse_count(&t), (2, 2));
    wait_text(&c, "#load-warnings", |t| t.contains("1 instelling")).await;
    assert!(text(&c, "#about").await.contains("line_delimited.geojsonl"));

    // 9. A file with bad features: the error says how many and why; the valid rest shows;
    //    markup from the data stays text.
    c.goto(&format!(
        "{base}/?tiles=none&data=fixtures/mixed_bad.geojson"
    ))
    .await
    .unwrap();
    let warn = wait_text(&c, "#load-warnings", |t| !t.is_empty()).await;
    assert!(warn.contains("9 instellingen"), "{warn}");
    let t = wait_text(&c, "#match-count", loaded).await;
    assert_eq!(parse_count(&t), (3, 3), "{t}");
    let body = all_text(&c, "#results").await;
    assert!(
        body.contains("<img src=x onerror=\"window.__pwned=1\">"),
        "markup shown as text"
    );
    assert!(body.contains("<script>"), "markup shown as text");
    assert_eq!(
        js(&c, "return typeof window.__pwned").await,
        json!("undefined")
    );
    assert_eq!(count(&c, "#results img, #results script").await, 0);
    assert_eq!(count(&c, "a[href^='javascript:']").await, 0);
    js(
        &c,
        "document.querySelector('#load-warnings details').open = true",
    )
    .await;
    let details = text(&c, "#load-warnings").await;
    assert!(
        details.contains("buiten de regio") && details.contains("verwisseld"),
        "{details}"
    );
    assert!(details.contains("dubbele id `ok-1`"), "{details}");
    // The report follows the language: switched to English, it is worded in English.
    c.find(Locator::Css("#lang"))
        .await
        .unwrap()
        .select_by_value("en")
        .await
        .unwrap();
    let english = wait_text(&c, "#load-warnings", |t| t.contains("duplicate id")).await;
    assert!(!english.contains("dubbele id"), "{english}");
    c.find(Locator::Css("#lang"))
        .await
        .unwrap()
        .select_by_value("nl")
        .await
        .unwrap();

    // 10. Not GeoJSON at all, and a missing file: one clear error, the map stays.
    c.goto(&format!(
        "{base}/?tiles=none&data=fixtures/not_geojson.json"
    ))
    .await
    .unwrap();
    let err = wait_text(&c, "#load-error", |t| !t.is_empty()).await;
    assert!(err.contains("GeoJSON"), "{err}");
    assert!(count(&c, "#map.leaflet-container").await == 1);
    c.goto(&format!(
        "{base}/?tiles=none&data=fixtures/does-not-exist.geojson"
    ))
    .await
    .unwrap();
    let err = wait_text(&c, "#load-error", |t| !t.is_empty()).await;
    assert!(err.contains("404"), "{err}");
    // A hostile data URL is ignored: the default data loads.
    c.goto(&format!("{base}/?tiles=none&data=javascript:alert(1)"))
        .await
        .unwrap();
    wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t).0 == total_courses
    })
    .await;

    // A slow network: the loading indicator shows, then the data.
    c.goto(&format!(
        "{base}/?tiles=none&data=slow/data/providers.geojson"
    ))
    .await
    .unwrap();
    wait_text(&c, "#loading", |t| !t.is_empty()).await;
    assert!(text(&c, "#match-count").await.contains("laden"));
    wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t).0 == total_courses
    })
    .await;
    assert_eq!(count(&c, "#loading").await, 0);
    // A feature with broken JSON among good ones: only it is lost, reported with its line.
    c.goto(&format!(
        "{base}/?tiles=none&data=fixtures/one_bad_among_good.geojson"
    ))
    .await
    .unwrap();
    wait_text(&c, "#load-warnings", |t| t.contains("3 instellingen")).await;
    let t = wait_text(&c, "#match-count", loaded).await;
    assert_eq!(parse_count(&t), (2, 2));
    js(
        &c,
        "document.querySelector('#load-warnings details').open = true",
    )
    .await;
    assert!(text(&c, "#load-warnings").await.contains("(regel "));
    // The streaming reader refused the broken file and the page read it whole from the bytes
    // already in: fetched once.
    let fetches = js(
        &c,
        "return performance.getEntriesByType('resource').filter(e => e.name.includes('one_bad_among_good')).length",
    )
    .await;
    assert_eq!(
        fetches.as_u64(),
        Some(1),
        "the broken file was fetched again"
    );
    // An outdated file: it loads, and the page says how old it is.
    c.goto(&format!(
        "{base}/?tiles=none&data=fixtures/outdated.geojson"
    ))
    .await
    .unwrap();
    wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t) == (1, 1)
    })
    .await;
    assert!(wait_text(&c, "#stale-data", |t| !t.is_empty())
        .await
        .contains("2019-09-01"));
    // A truncated file: one clear error with the line.
    c.goto(&format!(
        "{base}/?tiles=none&data=fixtures/truncated.geojson"
    ))
    .await
    .unwrap();
    let err = wait_text(&c, "#load-error", |t| !t.is_empty()).await;
    assert!(err.contains("regel "), "{err}");
    // No tile server (this machine has no network): the page says so and stays usable.
    c.goto(&format!("{base}/")).await.unwrap();
    wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t).0 == total_courses
    })
    .await;
    wait_text(&c, "#tiles-failed", |t| t.contains("achtergrondkaart")).await;
    // The notice sits above the map: a popup opened from the list is never under it.
    click(&c, "#results > li.result .result-head").await;
    wait_text(&c, ".leaflet-popup-content", |t| !t.is_empty()).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let clear = js(&c, "const n = document.querySelector('#tiles-failed').getBoundingClientRect(); const p = document.querySelector('.leaflet-popup').getBoundingClientRect(); const m = document.querySelector('#map').getBoundingClientRect(); return n.bottom <= m.top + 1 && p.top >= n.bottom").await;
    assert_eq!(
        clear,
        json!(true),
        "the tile notice covers neither the map nor the popup"
    );
    js(
        &c,
        "document.querySelector('.leaflet-popup-close-button').click()",
    )
    .await;
    assert!(count(&c, ".leaflet-marker-icon").await > 3);
    assert!(
        count(&c, ".leaflet-overlay-pane path").await >= 3,
        "outline drawn without tiles"
    );

    // 11. Phone size: list and map toggle.
    c.set_window_size(390, 844).await.unwrap();
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded).await;
    assert!(visible(&c, "#show-map").await);
    assert!(!visible(&c, "#map").await);
    std::fs::write(out.join("phone-list.png"), c.screenshot().await.unwrap()).unwrap();
    // The filter block is laid out whole, not squeezed into a scroll box of its own.
    let squeezed = js(
        &c,
        "const f = document.querySelector('.filters'); return f.scrollHeight - f.clientHeight",
    )
    .await;
    assert!(
        squeezed.as_f64().unwrap() <= 1.0,
        "filters squeezed on a phone: {squeezed}"
    );
    let serious = axe_serious(&c, "phone").await;
    assert!(serious.is_empty(), "accessibility on a phone: {serious:#?}");
    // Behind the list the map is not made yet, nor Leaflet loaded: that is most of a phone's
    // work at start, for a map out of sight.
    assert_eq!(
        js(
            &c,
            "return [typeof L, document.querySelectorAll('.leaflet-container, script[src*=leaflet]').length]"
        )
        .await,
        json!(["undefined", 0]),
        "a phone's hidden map is made only when it is first shown"
    );
    // Its place says it is coming, until it is drawn.
    assert_eq!(
        js(&c, "return document.querySelector('#map-wait').textContent").await,
        json!("De kaart wordt geladen…")
    );
    // A result tapped in the list (the map is made now) opens its popup on the map at full
    // width, not squeezed.
    click(&c, "#results > li.result .result-head").await;
    wait_text(&c, ".leaflet-popup-content", |t| !t.is_empty()).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let width = js(
        &c,
        "return document.querySelector('.leaflet-popup-content').getBoundingClientRect().width",
    )
    .await;
    assert!(
        width.as_f64().unwrap() >= 150.0,
        "popup width on a phone: {width}"
    );
    let inside = js(&c, "const r = document.querySelector('.leaflet-popup').getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth").await;
    assert_eq!(
        inside,
        json!(true),
        "the popup lies inside the phone's screen"
    );
    let clear = js(&c, "const p = document.querySelector('.leaflet-popup').getBoundingClientRect(); const z = document.querySelector('.leaflet-control-zoom').getBoundingClientRect(); return p.top >= z.bottom || p.left >= z.right").await;
    assert_eq!(
        clear,
        json!(true),
        "the zoom buttons do not cover the popup's header"
    );
    std::fs::write(out.join("phone-popup.png"), c.screenshot().await.unwrap()).unwrap();
    assert_eq!(
        count(&c, "#map-wait").await,
        0,
        "the note goes once the map is drawn"
    );
    js(
        &c,
        "document.querySelector('.leaflet-popup-close-button').click()",
    )
    .await;
    click(&c, "#show-list").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    click(&c, "#show-map").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(visible(&c, "#map").await);
    assert!(!visible(&c, "#results").await);
    std::fs::write(out.join("phone-map.png"), c.screenshot().await.unwrap()).unwrap();
    // A phone turned into a wide window shows the map pane: a map not made yet is made then.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded).await;
    assert_eq!(count(&c, ".leaflet-container").await, 0);
    c.set_window_size(1200, 800).await.unwrap();
    wait_count(
        &c,
        ".leaflet-marker-icon",
        3,
        "the map is made and drawn once it is in sight",
    )
    .await;
    // Leaflet's script cannot be fetched (offline on a first visit, past the service
    // worker): the map's place says so, the list keeps working, the next showing tries again.
    c.set_window_size(390, 844).await.unwrap();
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded).await;
    for (cmd, params) in [
        ("Network.enable", json!({})),
        ("Network.setBypassServiceWorker", json!({ "bypass": true })),
        (
            "Network.setBlockedURLs",
            json!({ "urls": ["*leaflet/leaflet.js*"] }),
        ),
    ] {
        c.issue_cmd(Cdp(cmd, params)).await.unwrap();
    }
    click(&c, "#show-map").await;
    wait_text(&c, "#map-wait", |t| t.contains("niet worden geladen")).await;
    assert_eq!(count(&c, ".leaflet-container").await, 0);
    click(&c, "#show-list").await;
    assert!(
        visible(&c, "#results > li.result").await,
        "the list still works"
    );
    c.issue_cmd(Cdp("Network.setBlockedURLs", json!({ "urls": [] })))
        .await
        .unwrap();
    click(&c, "#show-map").await;
    wait_count(
        &c,
        ".leaflet-marker-icon",
        3,
        "the next showing makes the map",
    )
    .await;
    assert_eq!(count(&c, "#map-wait").await, 0);
    c.issue_cmd(Cdp("Network.disable", json!({})))
        .await
        .unwrap();

    assert_eq!(
        js(&c, "return window.leerkaartCspViolations").await,
        json!(0),
        "no CSP violation all along"
    );
    c.close().await.unwrap();
}
