//! Languages and keyboard: shared links, history and the shortlist; every screen in three languages with no word of another.

use crate::harness::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shared_links_history_shortlist_and_languages() {
    use leerkaart::core::url::UrlState;
    let Some(session) = session("e2e2").await else {
        return;
    };
    let (c, base) = (session.c.clone(), &session.base);

    // 1. A shared link reproduces filters, starting point, radius, selection and language;
    //    the count is the core's count for the same state.
    let link = "sector=health_welfare&eqf=6&from=51.50420,3.88890&fromname=Goes&km=80&sel=hogent-gent&lang=en";
    c.goto(&format!("{base}/?tiles=none&{link}")).await.unwrap();
    let t = wait_text(&c, "#match-count", |t| t.contains("course")).await;
    let state = UrlState::from_query(link);
    let cat = shipped_catalog();
    let want = cat.apply(&leerkaart::core::Filter {
        sectors: state.sectors.clone(),
        levels: state.levels.clone(),
        origin: state.origin.as_ref().map(|o| o.0),
        radius_km: state.radius_km.map(f64::from),
        ..Default::default()
    });
    assert_eq!(
        parse_count(&t),
        (want.course_count, want.providers.len()),
        "{t}"
    );
    assert_eq!(
        js(&c, "return document.querySelector('#lang').value").await,
        json!("en")
    );
    assert_eq!(
        js(&c, "return document.documentElement.lang").await,
        json!("en")
    );
    assert!(text(&c, "#origin-label").await.contains("From: Goes"));
    assert_eq!(
        js(&c, "return document.querySelector('#radius').value").await,
        json!("80")
    );
    wait_text(&c, "#results > li.result.selected .result-name", |t| {
        !t.is_empty()
    })
    .await;
    let selected = js(&c, "return [...document.querySelectorAll('#results > li.result.selected .result-name')].map(e => e.textContent)").await;
    assert!(
        selected.as_array().unwrap().iter().any(|n| n == "HOGENT"),
        "{selected}"
    );
    assert!(
        c.find(Locator::Css("[data-facet=sector] .opt:nth-child(3) input"))
            .await
            .unwrap()
            .prop("checked")
            .await
            .unwrap()
            .as_deref()
            == Some("true")
    );
    // Results from Goes into Flanders cross the Westerschelde and say so.
    assert!(count(&c, ".detour").await >= 1);
    let first = text(&c, "#results > li.result .result-name").await;
    assert_eq!(
        first,
        cat.data.providers[want.providers[0].provider as usize].name
    );
    let route = js(
        &c,
        "return document.querySelector('#results .route-transit').href",
    )
    .await;
    assert!(
        route.as_str().unwrap().contains("origin=51.50420,3.88890"),
        "{route}"
    );

    // 2. Malformed parameters are ignored one by one; the rest is kept.
    c.goto(&format!("{base}/?tiles=none&eqf=99&sector=nope,engineering&km=abc&map=foo&from=x&q=bachelor&lang=xx")).await.unwrap();
    let t = wait_text(&c, "#match-count", loaded).await;
    assert_eq!(
        js(&c, "return document.querySelector('#q').value").await,
        json!("bachelor")
    );
    let eng = cat.apply(&leerkaart::core::Filter {
        sectors: vec![leerkaart::core::Sector::Engineering],
        text: "bachelor".into(),
        ..Default::default()
    });
    assert_eq!(parse_count(&t).0, eng.course_count);

    // 3. Back and forward step through changes.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    let all = wait_text(&c, "#match-count", loaded).await;
    c.find(Locator::Css("#q"))
        .await
        .unwrap()
        .send_keys("verpleeg")
        .await
        .unwrap();
    let typed = wait_text(&c, "#match-count", |t| loaded(t) && t != all).await;
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    click(&c, "[data-facet=country] .opt:nth-child(3) input").await;
    let both = wait_text(&c, "#match-count", |t| loaded(t) && t != typed).await;
    assert!(c
        .current_url()
        .await
        .unwrap()
        .query()
        .unwrap_or("")
        .contains("country=BE"));
    c.back().await.unwrap();
    wait_text(&c, "#match-count", |t| t == typed).await;
    assert_eq!(
        js(&c, "return document.querySelector('#q').value").await,
        json!("verpleeg")
    );
    c.forward().await.unwrap();
    wait_text(&c, "#match-count", |t| t == both).await;

    // 4. Star two courses, reload, compare them side by side.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded).await;
    js(&c, "localStorage.clear()").await;
    let stars = c.find_all(Locator::Css("#results .star")).await.unwrap();
    stars[0].click().await.unwrap();
    stars[3].click().await.unwrap();
    wait_text(&c, "#open-compare", |t| t.contains("(2)")).await;
    c.refresh().await.unwrap();
    wait_text(&c, "#match-count", loaded).await;
    wait_text(&c, "#open-compare", |t| t.contains("(2)")).await;
    assert_eq!(count(&c, "#results .star.on").await, 2);
    click(&c, "#open-compare").await;
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css("#compare-table"))
        .await
        .unwrap();
    assert_eq!(
        count(&c, "#compare-table thead th").await,
        3,
        "two courses side by side"
    );
    // The focus went into the sheet, to its title.
    let start = Instant::now();
    while js(&c, "return document.activeElement.id").await != json!("compare-title") {
        assert!(start.elapsed() < WAIT, "the focus moves into the sheet");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let table = text(&c, "#compare-table").await;
    assert!(
        table.contains("Niveau") && table.contains("Instelling"),
        "{table}"
    );
    std::fs::write(
        root().join("tests/output/compare.png"),
        c.screenshot().await.unwrap(),
    )
    .unwrap();

    // 4b. The shortlist travels by link and by the sheet's QR code: another browser (empty
    // storage) opening it has the same two courses side by side, and its address bar drops
    // the list again (it is now in that browser's own storage).
    let link = prop(&c, "#shortlist-link", "value").await;
    assert!(
        link.contains("keuze=") && link.contains("tiles=none"),
        "{link}"
    );
    // Copying says so (on the clipboard, or where the browser refuses, selected for Ctrl+C).
    click(&c, "#copy-shortlist-link").await;
    wait_text(&c, ".shortlist-share .copied", |t| t.contains("Gekopieerd")).await;
    js(
        &c,
        "document.querySelector('#sheet-qr').scrollIntoView({block: 'center'})",
    )
    .await;
    // The whole window (an element's screenshot misplaces the sheet's scrolled content).
    let shot = c.screenshot().await.unwrap();
    std::fs::write(root().join("tests/output/shortlist-sheet.png"), &shot).unwrap();
    let scanned = decode_qr(&shot);
    assert_eq!(
        scanned.as_deref(),
        Some(link.as_str()),
        "the sheet's QR code"
    );
    let names = text(&c, "#compare-table thead").await;
    click(&c, "#close-compare").await;
    js(&c, "localStorage.clear()").await;
    c.goto(&link).await.unwrap();
    wait_text(&c, "#match-count", loaded).await;
    wait_text(&c, "#open-compare", |t| t.contains("(2)")).await;
    let shared = wait_text(&c, "#compare-table thead", |t| !t.is_empty()).await;
    assert_eq!(shared, names, "the shared shortlist");
    // Its close button gives the focus back to the button that opens it.
    click(&c, "#close-compare").await;
    assert_eq!(
        js(&c, "return document.activeElement.id").await,
        json!("open-compare")
    );
    click(&c, "#open-compare").await;
    let start = Instant::now();
    while c.current_url().await.unwrap().as_str().contains("keuze=") {
        assert!(
            start.elapsed() < WAIT,
            "the address bar keeps the shared list"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        js(&c, "return localStorage.getItem('leerkaart.shortlist.v1')")
            .await
            .as_str()
            .is_some_and(|s| s.matches(',').count() == 1)
    );
    click(&c, "#close-compare").await;

    // 5. Corrupted storage: the page works and the shortlist starts empty.
    js(
        &c,
        "localStorage.setItem('leerkaart.shortlist.v1', '{not json')",
    )
    .await;
    c.refresh().await.unwrap();
    wait_text(&c, "#match-count", loaded).await;
    wait_text(&c, "#open-compare", |t| t.contains("(0)")).await;

    // 6. Switch language: the interface follows and the URL keeps it.
    js(&c, "const s = document.querySelector('#lang'); s.value = 'fr'; s.dispatchEvent(new Event('change', {bubbles: true}));").await;
    wait_text(&c, "#match-count", |t| t.contains("formations")).await;
    assert!(
        text(&c, "[data-facet=sector] legend")
            .await
            .contains("SECTEUR")
            || text(&c, "[data-facet=sector] legend")
                .await
                .contains("Secteur")
    );
    assert!(c
        .current_url()
        .await
        .unwrap()
        .query()
        .unwrap_or("")
        .contains("lang=fr"));
    assert_eq!(
        js(&c, "return document.documentElement.lang").await,
        json!("fr")
    );
    c.refresh().await.unwrap();
    wait_text(&c, "#match-count", |t| t.contains("formations")).await;

    c.close().await.unwrap();
}

/// Every screen the other tests reach, in each language at desktop and phone size: each is
/// screenshot to `tests/output/screens/` and must show no text from another language's
/// catalogue (data text, marked `translate="no"`, is left out).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_in_three_languages() {
    use leerkaart::core::i18n::Lang;
    let Some(session) = session("e2e-lang").await else {
        return;
    };
    let (c, base) = (session.c.clone(), &session.base);
    let shots = session.out.join("screens");
    std::fs::create_dir_all(&shots).unwrap();
    let goes = "from=51.50420,3.88890&fromname=Goes";
    let data = data_strings();
    let mut problems = Vec::new();
    for (size, (w, h)) in [("desktop", (1400, 900)), ("phone", (390, 844))] {
        c.set_window_size(w, h).await.unwrap();
        let phone = size == "phone";
        for lang in Lang::ALL {
            let l = lang.code();
            let screen = |name: &str| format!("{size}-{l}-{name}");
            let shoot = async |c: &Client, name: String, problems: &mut Vec<String>| {
                eprintln!("screen {name}");
                tokio::time::sleep(Duration::from_millis(250)).await;
                std::fs::write(
                    shots.join(format!("{name}.png")),
                    c.screenshot().await.unwrap(),
                )
                .unwrap();
                problems.extend(other_language_texts(c, lang, &name, &data).await);
            };
            // The first view, with the background map unreachable (no network here).
            c.goto(&format!("{base}/?lang={l}")).await.unwrap();
            wait_text(&c, "#match-count", has_count).await;
            js(&c, "localStorage.clear()").await;
            shoot(&c, screen("start"), &mut problems).await;
            if phone {
                // Tiles load, and fail, once the map is shown.
                click(&c, "#show-map").await;
            }
            wait_text(&c, "#tiles-failed", |t| !t.is_empty()).await;
            let credit = text(&c, ".leaflet-control-attribution").await;
            let want = match lang {
                Lang::Nl => "OpenStreetMap-bijdragers",
                Lang::En => "OpenStreetMap contributors",
                Lang::Fr => "contributeurs d'OpenStreetMap",
            };
            assert!(credit.contains(want), "{l}: map credit {credit:?}");
            let overlap = js(&c, "const a = document.querySelector('.legend').getBoundingClientRect(); const b = document.querySelector('.leaflet-control-attribution').getBoundingClientRect(); return Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)) * Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left))").await;
            assert_eq!(
                overlap.as_f64(),
                Some(0.0),
                "{size} {l}: the legend overlaps the map credit"
            );
            shoot(&c, screen("tiles-failed"), &mut problems).await;

            // Filters, results with the Westerschelde detour, every panel opened.
            c.goto(&format!("{base}/?lang={l}&tiles=none&{goes}&km=50&sector=engineering&stage=upper_secondary,higher")).await.unwrap();
            wait_text(&c, "#match-count", has_count).await;
            // The list's page is drawn a few rows per frame after the count: wait for it.
            wait_count(&c, ".detour", 1, &format!("{l}: a detour shown")).await;
            if phone {
                // On a phone the filters are a sheet behind one button.
                click(&c, "#open-filters").await;
            }
            // Every distance option is readable in full in its dropdown.
            let fit = js(&c, "const s = document.querySelector('#radius'); const cs = getComputedStyle(s);
                const span = document.createElement('span'); span.style.font = cs.font; span.style.whiteSpace = 'pre';
                span.style.position = 'absolute'; document.body.append(span); let widest = 0;
                for (const o of s.options) { span.textContent = o.text; widest = Math.max(widest, span.getBoundingClientRect().width); }
                span.remove();
                const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
                return [widest, room]").await;
            let (widest, room) = (fit[0].as_f64().unwrap(), fit[1].as_f64().unwrap());
            assert!(
                widest <= room,
                "{size} {l}: a distance option is cut off ({widest:.0} px in {room:.0} px)"
            );
            js(
                &c,
                "document.querySelectorAll('details').forEach(d => d.open = true)",
            )
            .await;
            if phone {
                shoot(&c, screen("filters"), &mut problems).await;
                click(&c, "#show-results").await;
            }
            shoot(&c, screen("results"), &mut problems).await;

            // A popup opened from the list.
            click(&c, "#results > li.result .result-head").await;
            wait_text(&c, ".leaflet-popup-content", |t| !t.is_empty()).await;
            shoot(&c, screen("popup"), &mut problems).await;
            js(
                &c,
                "document.querySelector('.leaflet-popup-close-button').click()",
            )
            .await;
            if phone {
                click(&c, "#show-list").await;
            }

            // Two courses starred and compared.
            let stars = c.find_all(Locator::Css("#results .star")).await.unwrap();
            stars[0].click().await.unwrap();
            stars[1].click().await.unwrap();
            wait_text(&c, "#open-compare", |t| t.contains("(2)")).await;
            click(&c, "#open-compare").await;
            c.wait()
                .at_most(WAIT)
                .for_element(Locator::Css("#compare-table"))
                .await
                .unwrap();
            shoot(&c, screen("compare"), &mut problems).await;
            click(&c, "#close-compare").await;

            // The share dialog (link, QR code, embed code), then the embedded map itself.
            click(&c, "#open-share").await;
            wait_text(&c, "#share-caption", |t| !t.is_empty()).await;
            shoot(&c, screen("share"), &mut problems).await;
            let spill = js(&c, "const r = document.querySelector('#share').getBoundingClientRect(); return Math.max(0, r.right - innerWidth) + Math.max(0, -r.left)").await;
            assert_eq!(
                spill.as_f64(),
                Some(0.0),
                "{size} {l}: the share dialog spills sideways"
            );
            click(&c, "#close-share").await;
            c.goto(&format!(
                "{base}/?lang={l}&tiles=none&sector=engineering&embed=1&keep=filters"
            ))
            .await
            .unwrap();
            wait_text(&c, "#match-count", has_count).await;
            shoot(&c, screen("embed"), &mut problems).await;

            // The occupation card with its shortage status and learning path.
            c.goto(&format!(
                "{base}/?lang={l}&tiles=none&beroep=verpleegkundige"
            ))
            .await
            .unwrap();
            wait_text(&c, "#occupation-title", |t| !t.is_empty()).await;
            shoot(&c, screen("occupation"), &mut problems).await;

            // Where the data is thin: the "not covered" message and the unlisted locations.
            c.goto(&format!(
                "{base}/?lang={l}&tiles=none&{goes}&km=20&stage=vocational&sector=health_welfare"
            ))
            .await
            .unwrap();
            wait_text(&c, "#facet-gaps", |t| !t.is_empty()).await;
            // Nothing matches, so where to get advice is listed too.
            wait_text(&c, "#advice", |t| !t.is_empty()).await;
            js(&c, "document.querySelector('#unlisted').open = true").await;
            click(&c, "#unlisted .unlisted-item .result-head").await;
            wait_text(&c, ".leaflet-popup-content", |t| !t.is_empty()).await;
            shoot(&c, screen("not-covered"), &mut problems).await;

            // The about panel with coverage and licences.
            c.goto(&format!("{base}/?lang={l}&tiles=none"))
                .await
                .unwrap();
            wait_text(&c, "#match-count", has_count).await;
            js(
                &c,
                "const a = document.querySelector('#about'); a.open = true; a.scrollIntoView()",
            )
            .await;
            // Its tables are built when it is first opened.
            wait_text(&c, "#coverage", |t| !t.is_empty()).await;
            shoot(&c, screen("about"), &mut problems).await;
            // The coverage table is read whole, not scrolled sideways.
            let spill = js(&c, "const w = document.querySelector('#coverage').parentElement; return w.scrollWidth - w.clientWidth").await;
            assert!(
                spill.as_f64().unwrap_or(f64::MAX) <= 1.0,
                "{size} {l}: the coverage table is cut off by {spill} px"
            );

            // Load reports: a file with bad features, and a file that is no GeoJSON at all.
            for (name, file) in [
                ("load-report", "mixed_bad.geojson"),
                ("wrong-file", "not_geojson.json"),
            ] {
                c.goto(&format!(
                    "{base}/?lang={l}&tiles=none&data=/fixtures/{file}"
                ))
                .await
                .unwrap();
                let report = wait_text(&c, "#load-error, #load-warnings", |t| !t.is_empty()).await;
                if name == "wrong-file" {
                    // One clear message in the page's language, no parser prose.
                    let want = match lang {
                        Lang::Nl => "dit is geen GeoJSON-FeatureCollection",
                        Lang::En => "this is not a GeoJSON FeatureCollection",
                        Lang::Fr => "ce n'est pas une FeatureCollection GeoJSON",
                    };
                    assert!(report.contains(want), "{l}: {report}");
                    if lang != Lang::En {
                        assert!(
                            !report.contains("the top") && !report.contains("expected"),
                            "{l}: {report}"
                        );
                    }
                }
                js(
                    &c,
                    "document.querySelectorAll('details').forEach(d => d.open = true)",
                )
                .await;
                shoot(&c, screen(name), &mut problems).await;
            }
        }
    }
    eprintln!(
        "screens of every state in nl/en/fr at desktop and phone size: {}",
        shots.display()
    );
    assert!(
        problems.is_empty(),
        "text in another language:\n{}",
        problems.join("\n")
    );
    c.close().await.unwrap();
}
