//! Partners: their own offer checked in the page, embed, share by QR code, offline, open data.

use crate::harness::*;

/// A partner brings its own offer with only the page: the template, the check of a filled-in
/// file with a message per row and field, the preview on the map (marked as not yet
/// published), the checked file to download.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_checks_its_offer_in_the_page() {
    let Some(session) = session("partner").await else {
        return;
    };
    let (c, base, out) = (session.c.clone(), &session.base, &session.out);
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    let before = wait_text(&c, "#match-count", loaded_count).await;
    click(&c, "#open-partner").await;
    wait_text(&c, "#partner", |t| {
        t.contains("sjabloon") || t.contains("Sjabloon")
    })
    .await;
    // The focus goes into the dialog, on the template.
    assert_eq!(
        js(&c, "return document.activeElement.id").await,
        json!("partner-template")
    );
    let guide = js(&c, "document.querySelector('.partner-columns').open = true; return document.querySelector('#partner-guide').textContent").await;
    assert!(guide.as_str().unwrap().contains("postcode"), "{guide}");
    // A spreadsheet with addresses and no coordinates, one row without a course name.
    let file = root().join("tests/fixtures/partner_offer.csv");
    let input = c.find(Locator::Css("#partner-file")).await.unwrap();
    input.send_keys(file.to_str().unwrap()).await.unwrap();
    let summary = wait_text(&c, "#partner-summary", |t| t.contains("partner_offer.csv")).await;
    assert!(
        summary.contains(": 3 ") && summary.ends_with("2."),
        "{summary}"
    );
    let messages = text(&c, "#partner-messages").await;
    assert!(
        messages.contains("rij 4") && messages.contains("niet gebruikt"),
        "{messages}"
    );
    assert!(
        messages.contains("opleiding") && messages.contains("is leeg"),
        "{messages}"
    );
    assert!(
        messages.contains("postcode 9000"),
        "placed at its postcode: {messages}"
    );
    // In English the same messages follow the language.
    js(&c, "const s = document.querySelector('#lang'); s.value = 'en'; s.dispatchEvent(new Event('change', {bubbles: true}));").await;
    wait_text(&c, "#partner-messages", |t| {
        t.contains("row 4") && t.contains("not used")
    })
    .await;
    js(&c, "const s = document.querySelector('#lang'); s.value = 'nl'; s.dispatchEvent(new Event('change', {bubbles: true}));").await;
    wait_text(&c, "#partner-messages", |t| t.contains("rij 4")).await;
    // The preview: the offer beside the rest, marked as not yet published.
    click(&c, "#partner-preview").await;
    let t = wait_text(&c, "#match-count", |t| loaded(t) && t != before).await;
    assert_eq!(
        parse_count(&t).0,
        parse_count(&before).0 + 2,
        "{before} → {t}"
    );
    js(&c, "const q = document.querySelector('#q'); q.value = 'fixture'; q.dispatchEvent(new Event('input', {bubbles: true}));").await;
    let results = wait_text(&c, "#results", |t| t.contains("Testcentrum")).await;
    assert!(results.contains("nog niet gepubliceerd"), "{results}");
    assert!(
        count(&c, ".leaflet-marker-icon.mk-preview").await >= 1,
        "marked on the map"
    );
    std::fs::write(
        out.join("partner-preview.png"),
        c.screenshot().await.unwrap(),
    )
    .unwrap();
    // Taken off again, the map is as before.
    click(&c, "#partner-preview").await;
    js(&c, "const q = document.querySelector('#q'); q.value = ''; q.dispatchEvent(new Event('input', {bubbles: true}));").await;
    wait_text(&c, "#match-count", |t| t == before).await;
    assert!(
        visible(&c, "#partner-download").await,
        "the checked file can be downloaded"
    );
    // An OOAPI bundle is read too.
    let bundle = root().join("tests/fixtures/ooapi_bundle.json");
    let input = c.find(Locator::Css("#partner-file")).await.unwrap();
    input.send_keys(bundle.to_str().unwrap()).await.unwrap();
    let summary = wait_text(&c, "#partner-summary", |t| t.contains("ooapi_bundle.json")).await;
    let used: usize = summary
        .trim_end_matches('.')
        .rsplit(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(used > 0, "{summary}");
    // Escape closes the dialog and gives the focus back to its button.
    press(&c, "\u{E00C}").await;
    let start = std::time::Instant::now();
    while count(&c, "#partner").await > 0 {
        assert!(start.elapsed() < WAIT, "Escape closes the dialog");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        js(&c, "return document.activeElement.id").await,
        json!("open-partner")
    );
    let serious = axe_serious(&c, "partner").await;
    assert!(serious.is_empty(), "accessibility: {serious:#?}");

    // A partner's file on its own web server is not fetched (the page reads its own site
    // only): the page says why and shows the usual data.
    c.goto(&format!(
        "{base}/?tiles=none&data=https%3A%2F%2Fpartner.example.be%2Foffer.geojson"
    ))
    .await
    .unwrap();
    let refused = wait_text(&c, "#data-refused", |t| !t.is_empty()).await;
    assert!(
        refused.contains("partner.example.be") && refused.contains("andere site"),
        "{refused}"
    );
    assert_eq!(wait_text(&c, "#match-count", loaded_count).await, before);
    c.goto(&format!("{base}/?tiles=none&data=javascript:alert(1)"))
        .await
        .unwrap();
    wait_text(&c, "#data-refused", |t| t.contains("data=")).await;

    // A copy from the browser's HTTP cache (an old `Date`) is said to be one, with its date;
    // a fresh answer is not.
    assert_eq!(
        count(&c, "#offline-copy").await,
        0,
        "a fresh answer is no kept copy"
    );
    c.goto(&format!(
        "{base}/?tiles=none&data=cached/data/providers.geojson"
    ))
    .await
    .unwrap();
    let note = wait_text(&c, "#offline-copy", |t| !t.is_empty()).await;
    assert!(note.contains("kopie") && note.contains("2026"), "{note}");

    // An embed with a starting point and radius opens on that circle, and its link to the
    // full map keeps the view.
    c.goto(&format!(
        "{base}/?tiles=none&embed=1&from=51.5042,3.8889&fromname=Goes&km=15"
    ))
    .await
    .unwrap();
    wait_text(&c, "#match-count", loaded).await;
    let start = std::time::Instant::now();
    loop {
        let zoom = js(&c, "const a = document.querySelector('#open-full-map'); const m = new URL(a.href).searchParams.get('map'); return m ? parseFloat(m.split(',')[2]) : 0").await;
        if zoom.as_f64().unwrap_or(0.0) >= 9.5 {
            break;
        }
        assert!(
            start.elapsed() < WAIT,
            "the embed opens on the 15 km circle (zoom {zoom})"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let href = js(&c, "return document.querySelector('#open-full-map').href").await;
    assert!(href.as_str().unwrap().contains("km=15"), "{href}");
    c.close().await.unwrap();
}

/// Where partners and counsellors are: the share dialog's link and QR code (decoded from a
/// screenshot), the printed poster, the embed snippet pasted into a page of another origin,
/// the open-data downloads, the web manifest, and the page with the network cut after one
/// visit. All of it under a sub-path, from the folder `scripts/deploy.sh` writes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partners_embed_share_by_qr_work_offline_and_download_open_data() {
    let Some(session) = session("partners").await else {
        return;
    };
    let (c, base, out) = (session.c.clone(), &session.base, &session.out);

    // A counsellor's selection: technical courses within 20 km of Goes.
    let selection = "tiles=none&sector=engineering&from=51.50420,3.88870&fromname=Goes&km=20";
    c.goto(&format!("{base}/?{selection}")).await.unwrap();
    let counted = wait_text(&c, "#match-count", loaded_count).await;

    // 1. Share: the link is the page's address, the QR code decodes back to it.
    click(&c, "#open-share").await;
    wait_text(&c, "#share-caption", |t| !t.is_empty()).await;
    // The dialog takes the focus, and Escape gives it back to the button.
    let focused = js(&c, "return document.activeElement.id").await;
    assert_eq!(focused, json!("copy-link"));
    press(&c, "\u{E00C}").await;
    assert_eq!(count(&c, "#share").await, 0, "Escape closes the dialog");
    assert_eq!(
        js(&c, "return document.activeElement.id").await,
        json!("open-share")
    );
    click(&c, "#open-share").await;
    wait_text(&c, "#share-caption", |t| !t.is_empty()).await;
    assert_eq!(
        text(&c, "#share-caption").await,
        "Scan voor alle opleidingen techniek binnen 20 km van Goes"
    );
    let link = prop(&c, "#share-link", "value").await;
    let href = js(&c, "return location.href").await;
    assert_eq!(
        link,
        href.as_str().unwrap(),
        "the link is the page's address"
    );
    assert!(
        link.contains(SUB_PATH) && link.contains("sector=engineering") && !link.contains("embed")
    );
    assert_eq!(
        qr_in(&c, "#share-qr", out, "share-qr.png").await.as_deref(),
        Some(link.as_str()),
        "QR code"
    );
    std::fs::write(out.join("share-dialog.png"), c.screenshot().await.unwrap()).unwrap();
    let serious = axe_serious(&c, "share dialog").await;
    assert!(serious.is_empty(), "accessibility: {serious:#?}");

    // The decision sheet carries the shortlist's link (with the starting point, for its
    // distances) as a QR code, for its printout.
    click(&c, "#close-share").await;
    click(&c, "#results .star").await;
    click(&c, "#open-compare").await;
    let sheet_link = prop(&c, "#shortlist-link", "value").await;
    assert!(
        sheet_link.contains(SUB_PATH)
            && sheet_link.contains("keuze=")
            && sheet_link.contains("fromname=Goes")
            && !sheet_link.contains("sector="),
        "{sheet_link}"
    );
    js(
        &c,
        "document.querySelector('#sheet-qr').scrollIntoView({block: 'center'})",
    )
    .await;
    // The whole window (an element's screenshot misplaces the sheet's scrolled content).
    let shot = c.screenshot().await.unwrap();
    std::fs::write(out.join("sheet-qr.png"), &shot).unwrap();
    assert_eq!(
        decode_qr(&shot).as_deref(),
        Some(sheet_link.as_str()),
        "decision sheet QR"
    );
    click(&c, "#close-compare").await;
    click(&c, "#open-share").await;

    // 2. The poster: printed, it shows the caption and a QR code of the same link, alone.
    js(&c, "document.body.classList.add('print-poster')").await;
    c.issue_cmd(Cdp(
        "Emulation.setEmulatedMedia",
        json!({ "media": "print" }),
    ))
    .await
    .unwrap();
    assert!(visible(&c, "#poster").await, "poster printed");
    assert!(
        !visible(&c, ".topbar").await && !visible(&c, "#map").await,
        "poster alone"
    );
    std::fs::write(out.join("poster.png"), c.screenshot().await.unwrap()).unwrap();
    assert_eq!(
        qr_in(&c, ".poster-qr", out, "poster-qr.png")
            .await
            .as_deref(),
        Some(link.as_str()),
        "poster QR"
    );
    let pdf = c
        .issue_cmd(Cdp(
            "Page.printToPDF",
            json!({ "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": true }),
        ))
        .await
        .unwrap();
    if let Some(data) = pdf["data"].as_str() {
        use base64::Engine;
        if let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(data) {
            std::fs::write(out.join("poster-a4.pdf"), bytes).unwrap();
        }
    }
    c.issue_cmd(Cdp("Emulation.setEmulatedMedia", json!({ "media": "" })))
        .await
        .unwrap();
    js(&c, "document.body.classList.remove('print-poster')").await;

    // 3. Embed: the snippet, pasted into a page on another origin, shows the same selection
    // without the page's header and filters, and links to the full map.
    let snippet = prop(&c, "#embed-snippet", "value").await;
    assert!(
        snippet.starts_with("<iframe src=\"") && snippet.contains("embed=1"),
        "{snippet}"
    );
    assert!(
        snippet.contains(" title=\"") && snippet.contains(" height=\""),
        "{snippet}"
    );
    std::fs::write(
        out.join("partner.html"),
        format!("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Partner</title></head><body><h1>Studiekeuze bij de partner</h1>{snippet}</body></html>"),
    )
    .unwrap();
    let partner_port = crate::testserver::serve(crate::testserver::Routes {
        dirs: vec![("/".into(), out.clone())],
        ..Default::default()
    });
    // Another origin: another host name and port than the map's.
    c.goto(&format!("http://localhost:{partner_port}/partner.html"))
        .await
        .unwrap();
    c.find(Locator::Css("iframe"))
        .await
        .unwrap()
        .enter_frame()
        .await
        .unwrap();
    let embedded = wait_text(&c, "#match-count", loaded_count).await;
    assert_eq!(
        parse_count(&embedded),
        parse_count(&counted),
        "same selection"
    );
    assert_eq!(count(&c, ".topbar").await, 0, "no page header");
    assert_eq!(count(&c, "#q").await, 0, "no filters unless kept");
    assert!(count(&c, "#results > li.result").await > 0);
    assert!(count(&c, ".leaflet-marker-icon").await > 0, "markers");
    let full = prop(&c, "#open-full-map", "href").await;
    assert!(
        full.contains("sector=engineering") && !full.contains("embed"),
        "{full}"
    );
    assert_eq!(
        js(&c, "return window.leerkaartCspViolations").await,
        json!(0)
    );
    c.enter_parent_frame().await.unwrap();
    std::fs::write(out.join("partner-embed.png"), c.screenshot().await.unwrap()).unwrap();

    // 4. The open data: GeoJSON, CSV and OOAPI, each with sources and licences.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    let downloads = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             Promise.all([...document.querySelectorAll('#downloads a')].map(a =>
                fetch(a.href).then(r => r.text().then(t => ({ href: a.getAttribute('href'), status: r.status, download: a.getAttribute('download'), head: t.slice(0, 1000), licences: t.includes('CC0') })))))
             .then(done, e => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    let downloads = downloads.as_array().expect("downloads fetched");
    assert_eq!(downloads.len(), 3, "{downloads:?}");
    for d in downloads {
        assert_eq!(d["status"], 200, "{d}");
        assert_eq!(d["licences"], true, "sources and licences in {d}");
        assert!(d["download"]
            .as_str()
            .is_some_and(|n| n.starts_with("leerkaart-scheldemond")));
    }
    assert!(downloads[0]["head"]
        .as_str()
        .unwrap()
        .contains("FeatureCollection"));
    assert_eq!(count(&c, "#downloads-shipped").await, 0);
    // With another file loaded, the panel says the downloads are the map's own data.
    c.goto(&format!(
        "{base}/?tiles=none&data=fixtures/outdated.geojson"
    ))
    .await
    .unwrap();
    wait_text(&c, "#match-count", |t| !t.is_empty()).await;
    assert_eq!(count(&c, "#downloads-shipped").await, 1);
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    assert!(downloads[1]["head"]
        .as_str()
        .unwrap()
        .contains("source_licence"));
    assert!(downloads[2]["head"]
        .as_str()
        .unwrap()
        .contains("ooapiVersion"));

    // 5. Installable: a manifest with icons, and nothing Chromium holds against installing.
    let manifest = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json()).then(done, e => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(manifest["start_url"], "./");
    assert!(manifest["icons"].as_array().unwrap().len() >= 2);
    let errors = c
        .issue_cmd(Cdp("Page.getInstallabilityErrors", json!({})))
        .await
        .unwrap();
    assert_eq!(
        errors["installabilityErrors"],
        json!([]),
        "Chromium would not install the page: {errors}"
    );

    // 6. Offline: once the service worker has kept the app and its data, cut the network.
    let kept = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const data = new URL('data/providers.geojson', location.href).href;
             const wait = async () => {
               await navigator.serviceWorker.ready;
               for (let i = 0; i < 200; i++) {
                 for (const k of await caches.keys()) {
                   if (await (await caches.open(k)).match(data)) return true;
                 }
                 await new Promise(r => setTimeout(r, 100));
               }
               return false;
             };
             wait().then(done, e => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(kept, json!(true), "the service worker kept the data");
    session.cut.store(true, std::sync::atomic::Ordering::SeqCst);
    c.goto(&format!("{base}/?{selection}")).await.unwrap();
    let offline = wait_text(&c, "#match-count", loaded_count).await;
    assert_eq!(
        parse_count(&offline),
        parse_count(&counted),
        "same answer offline"
    );
    let note = wait_text(&c, "#offline-copy", |t| !t.is_empty()).await;
    assert!(note.contains("kopie") && note.contains("2"), "{note}");
    assert!(
        count(&c, ".leaflet-overlay-pane path").await >= 3,
        "the outline, kept"
    );
    // It filters, and a typed place is found (the gazetteer was kept too).
    tick(&c, "country", "België").await;
    wait_text(&c, "#match-count", |t| loaded(t) && t != offline).await;
    choose_origin(&c, "Brugge").await;
    std::fs::write(out.join("offline.png"), c.screenshot().await.unwrap()).unwrap();
    session
        .cut
        .store(false, std::sync::atomic::Ordering::SeqCst);
}
