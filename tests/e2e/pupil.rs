//! A pupil: the real offer near home, markers that cluster and zoom in.

use crate::harness::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_markers_cluster_and_zoom_in_on_click() {
    use leerkaart::core::synth::{generate, SynthOptions};
    let Some(session) = session("e2e3").await else {
        return;
    };
    let (c, base, out) = (session.c.clone(), &session.base, &session.out);
    // Synthetic data, written for this test only (never shipped).
    let data = generate(
        11,
        &SynthOptions {
            providers: 3_000,
            courses: 24_000,
            ..Default::default()
        },
    );
    let text = leerkaart::pipeline::export::to_geojson(&data, "synthetic").to_string();
    std::fs::write(out.join("synthetic.geojson"), text).unwrap();

    let tiles = leerkaart::pipeline::tiles::write_tiles(&data, &out.join("tiles"), 0.25).unwrap();
    c.goto(&format!("{base}/?tiles=none&data=output/synthetic.geojson"))
        .await
        .unwrap();
    let t = wait_text(&c, "#match-count", loaded).await;
    assert_eq!(parse_count(&t), (24_000, 3_000));
    let clusters = count(&c, ".mk-cluster").await;
    let markers = count(&c, ".leaflet-marker-icon").await;
    assert!(
        clusters > 0 && markers < 500,
        "{clusters} clusters, {markers} markers for 3000 providers"
    );
    std::fs::write(out.join("clusters.png"), c.screenshot().await.unwrap()).unwrap();
    let zoom_before = js(&c, "return location.search").await;
    js(&c, "document.querySelector('.mk-cluster').dispatchEvent(new MouseEvent('click', {bubbles: true}))").await;
    let start = Instant::now();
    loop {
        let now = js(&c, "return location.search").await;
        if now != zoom_before {
            break;
        }
        assert!(start.elapsed() < WAIT, "clicking a cluster zooms in");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    // A filter change re-clusters what matches. Cluster markers no longer needed are moved
    // to stand for new clusters: each must then look like a new one would (its size from
    // its number of locations, centred on its point, its badge and title in agreement).
    js(
        &c,
        "document.querySelectorAll('.mk-cluster').forEach(e => { e.__before = true; e.__was = e.style.transform; })",
    )
    .await;
    click(&c, "[data-facet=sector] .opt:nth-child(2) input").await;
    let t2 = wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t).0 < 24_000
    })
    .await;
    assert!(parse_count(&t2).0 > 0);
    assert!(count(&c, ".leaflet-marker-icon").await > 0);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let looks = js(
        &c,
        "return [...document.querySelectorAll('.mk-cluster')].map(e => [!!e.__before && e.__was !== e.style.transform, e.title, e.style.width, e.style.marginLeft, e.style.marginTop, e.textContent])",
    )
    .await;
    let looks = looks.as_array().unwrap();
    assert!(
        looks.iter().any(|l| l[0] == json!(true)),
        "markers are reused"
    );
    for l in looks {
        let title = l[1].as_str().unwrap();
        let number = |s: &str| -> usize {
            s.chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap()
        };
        let mut parts = title.split(" — ");
        let providers = number(parts.next().unwrap());
        let courses = number(parts.next().unwrap());
        let size = (30.0 + 8.0 * (providers as f64).log10()).min(60.0);
        let px = |v: &serde_json::Value| -> f64 {
            v.as_str().unwrap().trim_end_matches("px").parse().unwrap()
        };
        assert!((px(&l[2]) - size).abs() < 0.01, "{title}: width {}", l[2]);
        assert!(
            (px(&l[3]) + size / 2.0).abs() < 0.01,
            "{title}: margin {}",
            l[3]
        );
        assert!(
            (px(&l[4]) + size / 2.0).abs() < 0.01,
            "{title}: margin {}",
            l[4]
        );
        let badge = l[5].as_str().unwrap();
        if courses < 1000 {
            assert_eq!(badge, courses.to_string(), "{title}");
        }
    }
    // A moved cluster zooms to its new members.
    let reused = js(&c, "const e = [...document.querySelectorAll('.mk-cluster')].find(e => e.__before && e.__was !== e.style.transform); const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]").await;
    let before = js(&c, "return location.search").await;
    js(&c, "[...document.querySelectorAll('.mk-cluster')].find(e => e.__before && e.__was !== e.style.transform).dispatchEvent(new MouseEvent('click', {bubbles: true}))").await;
    let start = Instant::now();
    while js(&c, "return location.search").await == before {
        assert!(start.elapsed() < WAIT, "clicking a moved cluster zooms in");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(reused[0].as_f64().unwrap() > 0.0);

    // The same data split in tiles: only the tiles of the view are fetched.
    c.goto(&format!(
        "{base}/?tiles=none&data=output/tiles/index.json&map=51.05,3.72,12"
    ))
    .await
    .unwrap();
    let progress = wait_text(&c, "#tile-progress", |t| {
        t.contains(" / ") && !t.contains(" 0 / ")
    })
    .await;
    let loaded: usize = progress
        .rsplit(" / ")
        .nth(1)
        .and_then(|s| s.split_whitespace().last())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(loaded >= 1 && loaded < tiles.len(), "{progress}");
    let t = wait_text(&c, "#match-count", loaded_count).await;
    let shown = parse_count(&t).0;
    let expected: usize = tiles
        .iter()
        .filter(|t| {
            t.bounds.west <= 3.8
                && t.bounds.east >= 3.6
                && t.bounds.south <= 51.1
                && t.bounds.north >= 51.0
        })
        .map(|t| t.courses)
        .sum();
    assert!(shown > 0 && shown < 24_000, "{t}");
    assert!(shown >= expected.min(1), "{shown} vs {expected}");
    c.close().await.unwrap();
}

/// The real offer as three users meet it: a pupil in Brugge choosing a technical second
/// grade, a counsellor in Terneuzen looking for VMBO schools nearby, a job seeker in Goes
/// looking for MBO care, whose colleges' offer is not in the data and who is told so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn real_offer_for_a_pupil_a_counsellor_and_a_job_seeker() {
    let Some(session) = session("real-offer").await else {
        return;
    };
    let (c, base, out) = (session.c.clone(), &session.base, &session.out);

    // 1. A pupil in Brugge: second-grade technical programmes within 10 km.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    choose_origin(&c, "8000 Brugge (BE)").await;
    choose_radius(&c, 10).await;
    tick(&c, "stage", "Secundair 2e en 3e graad").await;
    tick(&c, "sector", "Techniek").await;
    let t = wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t).0 > 0 && parse_count(t).0 < 1000
    })
    .await;
    let (courses, providers) = parse_count(&t);
    assert!(courses >= 20 && providers >= 5, "{t}");
    let d = distances(&c).await;
    assert!(
        d.iter().all(|x| *x <= 10.0) && d.windows(2).all(|w| w[0] <= w[1]),
        "{d:?}"
    );
    wait_list_complete(&c).await;
    let second_grade = js(&c, "return [...document.querySelectorAll('#results li.course')].filter(li => li.querySelector('.course-details')?.textContent.startsWith('2e graad')).map(li => li.querySelector('.course-name').textContent)").await;
    let second_grade: Vec<String> = serde_json::from_value(second_grade).unwrap();
    assert!(
        second_grade.len() >= 5,
        "second-grade programmes near Brugge: {second_grade:?}"
    );
    assert!(
        second_grade
            .iter()
            .any(|n| n.contains("Elektr") || n.contains("Mechan")),
        "{second_grade:?}"
    );
    // They lead to no qualification yet, and the page says so instead of an EQF level.
    assert!(count(&c, "#results .badge.level.no-eqf").await >= 5);
    let places = all_text(&c, "#results").await;
    assert!(places.contains("Brugge"), "schools in Brugge itself");
    let url = js(&c, "return location.search").await;
    assert!(
        url.as_str().unwrap().contains("stage=upper_secondary"),
        "{url}"
    );
    std::fs::write(out.join("pupil-brugge.png"), c.screenshot().await.unwrap()).unwrap();

    // 2. A counsellor in Terneuzen: VMBO schools within 15 km, each with its leerwegen.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    // As picked from the suggestions: the label itself, "Terneuzen (NL)".
    choose_origin(&c, "Terneuzen (NL)").await;
    assert_eq!(count(&c, "#origin-not-found").await, 0);
    choose_radius(&c, 15).await;
    tick(&c, "stage", "Secundair 1e graad, vmbo").await;
    let t = wait_text(&c, "#match-count", |t| loaded(t) && parse_count(t).1 < 50).await;
    let (courses, providers) = parse_count(&t);
    assert!(providers >= 3 && courses >= providers, "{t}");
    let d = distances(&c).await;
    assert!(d.iter().all(|x| *x <= 15.0), "{d:?}");
    let names = all_text(&c, "#results").await;
    assert!(names.contains("Lodewijk College"), "{names}");
    assert!(
        names.contains("VMBO kaderberoepsgerichte leerweg"),
        "{names}"
    );
    assert!(
        names.contains("EQF 1") && names.contains("EQF 2"),
        "NLQF levels shown"
    );
    std::fs::write(
        out.join("counsellor-terneuzen.png"),
        c.screenshot().await.unwrap(),
    )
    .unwrap();

    // 3. A job seeker in Goes: MBO in care. The data holds Scalda's locations but not its
    //    programmes: the page says so, lists the locations apart and marks them on the map.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    choose_origin(&c, "Goes (NL)").await;
    choose_radius(&c, 20).await;
    tick(&c, "stage", "Mbo").await;
    tick(&c, "sector", "Zorg").await;
    // No MBO course at all in the data: the page names that gap (and what to do).
    let gap = wait_text(&c, "#facet-gaps", |t| !t.is_empty()).await;
    assert!(gap.contains("Mbo") && gap.contains("nog geen"), "{gap}");
    js(&c, "document.querySelector('#unlisted').open = true").await;
    let unlisted = wait_text(&c, "#unlisted", |t| t.contains("Scalda")).await;
    assert!(unlisted.contains("Aanbod staat hier niet"), "{unlisted}");
    assert!(count(&c, ".leaflet-marker-icon.mk-unlisted").await >= 1);
    // Opening one from the list shows its popup with the same note, never "0 courses".
    click(&c, "#unlisted .unlisted-item .result-head").await;
    let popup = wait_text(&c, ".leaflet-popup-content", |t| !t.is_empty()).await;
    assert!(popup.contains("Aanbod staat hier niet"), "{popup}");
    std::fs::write(
        out.join("jobseeker-goes.png"),
        c.screenshot().await.unwrap(),
    )
    .unwrap();

    // 4. Keyboard: the first Tab stop skips to the results; Escape closes the popup a result
    //    opened and gives the focus back to that result.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    js(
        &c,
        "document.activeElement && document.activeElement.blur(); document.body.focus();",
    )
    .await;
    press(&c, "\u{E004}").await; // Tab
    assert_eq!(
        js(&c, "return document.activeElement.className").await,
        json!("skip-link"),
        "the first Tab stop is the skip link"
    );
    press(&c, "\u{E007}").await; // Enter
    let focused = js(&c, "return document.activeElement.closest('#results > li.result') ? document.activeElement.className : null").await;
    assert_eq!(
        focused,
        json!("result-head"),
        "Enter on it lands on the first result"
    );
    eprintln!("Tab presses from the top of the page to the first result: 1 (then Enter)");
    press(&c, "\u{E007}").await; // Enter: open it
    wait_text(&c, ".leaflet-popup-content", |t| !t.is_empty()).await;
    press(&c, "\u{E00C}").await; // Escape
    let start = std::time::Instant::now();
    while count(&c, ".leaflet-popup").await > 0 {
        assert!(start.elapsed() < WAIT, "Escape closes the popup");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        js(&c, "return document.activeElement.className").await,
        json!("result-head"),
        "the focus returns to the result"
    );

    // Each filter group is one Tab stop; the arrow keys move inside it and Space ticks.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    let before = wait_text(&c, "#match-count", loaded_count).await;
    js(
        &c,
        "document.querySelector('[data-facet=sector] input').focus()",
    )
    .await;
    press(&c, "\u{E015}").await; // Arrow down
    assert_eq!(
        js(&c, "return document.activeElement.id").await,
        json!("f-sector-1"),
        "the arrow key moves to the next option"
    );
    press(&c, " ").await; // Space
    wait_text(&c, "#match-count", |t| loaded(t) && t != before).await;
    assert_eq!(
        js(&c, "return document.querySelector('#f-sector-1').checked").await,
        json!(true),
        "Space ticks the option"
    );
    press(&c, "\u{E004}").await; // Tab
    assert_eq!(
        js(&c, "return document.activeElement.closest('[data-facet]')?.dataset.facet ?? document.activeElement.id").await,
        json!("level"),
        "Tab leaves the group for the next one"
    );
    // Tabbing through every control, without the skip link, from the top to the first result.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    js(
        &c,
        "document.activeElement && document.activeElement.blur();",
    )
    .await;
    let mut presses = 0;
    loop {
        press(&c, "\u{E004}").await; // Tab
        presses += 1;
        let there = js(
            &c,
            "return !!document.activeElement.closest('#results > li.result')",
        )
        .await;
        if there == json!(true) {
            break;
        }
        assert!(presses < 60, "the first result is never reached by Tab");
    }
    eprintln!("Tab presses from the top to the first result without the skip link: {presses} (the issue counted 47 with every checkbox a stop)");
    assert!(presses <= 30, "{presses} Tab presses to the first result");

    // 5. The about panel shows the coverage table and every source with its licence.
    assert_eq!(
        count(&c, "#coverage, #data-sources li").await,
        0,
        "the about panel's tables wait until it is opened"
    );
    js(&c, "document.querySelector('#about').open = true").await;
    // Built when the panel is first opened.
    let cov = wait_text(&c, "#coverage", |t| !t.is_empty()).await;
    assert!(
        cov.contains("Zeeland") && cov.contains("West-Vlaanderen"),
        "{cov}"
    );
    let sources = wait_text(&c, "#data-sources", |t| !t.is_empty()).await;
    assert!(
        sources.contains("DUO") && sources.contains("licentie niet vermeld"),
        "{sources}"
    );
    // The count of sources is the count the list shows, not one per school number.
    let listed = count(&c, "#data-sources li").await;
    let stats = text(&c, "#about-stats").await;
    assert!(
        stats.contains(&format!("uit {listed} bronnen")),
        "{stats} vs {listed} listed"
    );
    let serious = axe_serious(&c, "real offer").await;
    assert!(serious.is_empty(), "accessibility: {serious:#?}");

    // 6. In French, higher education from Terneuzen (HZ and UCR lie across the Westerschelde):
    //    the detour, its straight-line distance, the shortage region, Leaflet's zoom buttons
    //    and the tab title are French too.
    c.goto(&format!(
        "{base}/?tiles=none&lang=fr&from=51.3358,3.8286&fromname=Terneuzen&km=30&stage=higher"
    ))
    .await
    .unwrap();
    wait_text(&c, "#match-count", |t| t.contains("formation")).await;
    let detour = wait_text(&c, ".detour", |t| !t.is_empty()).await;
    assert!(
        detour.contains("vol d'oiseau")
            && !detour.contains("veerpont")
            && !detour.contains("geschat"),
        "{detour}"
    );
    let zoom = js(
        &c,
        "return document.querySelector('.leaflet-control-zoom-in').getAttribute('title')",
    )
    .await;
    assert_eq!(zoom, json!("Zoom avant"));
    let title = js(&c, "return document.title").await;
    assert!(title.as_str().unwrap().contains("Formations"), "{title}");
    let tips = js(&c, "return [...document.querySelectorAll('.badge.shortage')].map(b => b.getAttribute('title')).join(' ')").await;
    assert!(!tips.as_str().unwrap().contains("Vlaanderen"), "{tips}");
    c.close().await.unwrap();
}
