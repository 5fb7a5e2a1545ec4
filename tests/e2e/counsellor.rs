//! A counsellor (and every learner): both sides of the border, adult education and advice, the first grade, higher education per campus.

use crate::harness::*;

/// Every learner finds their own side (issue 21): a counsellor in Oostburg sees Dutch and
/// Belgian technical schools; a job seeker in Gent sees adult-education campuses and places
/// for advice, and a message naming what the data lacks; a parent in Brugge sees the first
/// grade's STEM options; the English and French pages show no Dutch duration.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_learner_finds_their_own_side() {
    let Some(session) = session("own-side").await else {
        return;
    };
    let (c, base, out) = (session.c.clone(), &session.base, &session.out);
    let metas = |c: &Client| {
        let c = c.clone();
        async move {
            wait_list_complete(&c).await;
            let v = js(&c, "return [...document.querySelectorAll('#results > li.result .result-meta')].map(e => e.textContent)").await;
            serde_json::from_value::<Vec<String>>(v).unwrap()
        }
    };

    // 1. A counsellor in Oostburg (Zeeuws-Vlaanderen): technical options within 30 km.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    choose_origin(&c, "Oostburg (NL)").await;
    choose_radius(&c, 30).await;
    tick(&c, "sector", "Techniek").await;
    wait_text(&c, "#match-count", |t| loaded(t) && parse_count(t).0 < 2000).await;
    // Every matching location on one page, to see both sides of the border.
    js(&c, "for (let i = 0; i < 20; i++) { const b = document.querySelector('.results .after-rows > .more'); if (!b) break; b.click(); }").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let m = metas(&c).await;
    let nl = m.iter().filter(|t| t.ends_with("· NL")).count();
    let be = m.iter().filter(|t| t.ends_with("· BE")).count();
    assert!(
        nl >= 3 && be >= 3,
        "Dutch {nl} and Belgian {be} schools: {m:?}"
    );
    let results = all_text(&c, "#results").await;
    assert!(
        results.contains("VMBO") && results.contains("— techniek"),
        "Zeeland VMBO techniek by sector"
    );
    assert!(
        results.contains("natuur en techniek (N&T)"),
        "HAVO/VWO profile N&T"
    );
    std::fs::write(
        out.join("counsellor-oostburg.png"),
        c.screenshot().await.unwrap(),
    )
    .unwrap();

    // 2. A job seeker in Gent: adult education within 15 km. No course has that stage in
    //    the data: the page says so, lists the CVO, Syntra and VDAB campuses the sources name,
    //    and shows where to get advice, on the map too.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    choose_origin(&c, "Gent (BE)").await;
    choose_radius(&c, 15).await;
    tick(&c, "stage", "Volwassenenonderwijs").await;
    let gap = wait_text(&c, "#facet-gaps", |t| !t.is_empty()).await;
    assert!(
        gap.contains("Volwassenenonderwijs") && gap.contains("nog geen"),
        "{gap}"
    );
    // No listed course matches, so the locations whose offer is not listed are all there is:
    // they are shown unfolded.
    let unlisted = wait_text(&c, "#unlisted", |t| t.contains("CVO")).await;
    assert_eq!(
        js(&c, "return document.querySelector('#unlisted').open").await,
        true,
        "the unlisted locations are open when nothing else matches"
    );
    assert!(
        unlisted.contains("Syntra") && unlisted.contains("VDAB"),
        "{unlisted}"
    );
    assert!(
        !unlisted.contains("Scalda"),
        "MBO colleges are not adult education in Gent"
    );
    let advice = wait_text(&c, "#advice", |t| t.contains("De Stap")).await;
    assert!(advice.contains("Waar krijg je advies"), "{advice}");
    assert!(
        !advice.contains("Leerwerkloket"),
        "Zeeland's service is not for Gent"
    );
    assert!(
        count(&c, ".leaflet-marker-icon.mk-advice").await >= 1,
        "advice on the map"
    );
    // Never counted as courses.
    let t = text(&c, "#match-count").await;
    assert_eq!(parse_count(&t).0, 0, "{t}");
    std::fs::write(
        out.join("jobseeker-gent.png"),
        c.screenshot().await.unwrap(),
    )
    .unwrap();
    // Modular courses: the data has none at all, and the page names that gap.
    c.goto(&format!(
        "{base}/?tiles=none&from=51.0543,3.7174&fromname=Gent&km=15&form=modular"
    ))
    .await
    .unwrap();
    let gap = wait_text(&c, "#facet-gaps", |t| !t.is_empty()).await;
    assert!(
        gap.contains("Modulair") && gap.contains("nog geen"),
        "{gap}"
    );
    assert!(gap.contains("adviespunt"), "says what to do: {gap}");
    // Evening classes exist (HOGENT's graduaten in Gent) but not around Oostende: the page
    // says the area lacks them, not the data.
    c.goto(&format!(
        "{base}/?tiles=none&from=51.2154,2.927&fromname=Oostende&km=10&form=evening"
    ))
    .await
    .unwrap();
    let gap = wait_text(&c, "#facet-gaps", |t| !t.is_empty()).await;
    assert!(
        gap.contains("Avondonderwijs") && gap.contains("elders wel"),
        "{gap}"
    );
    c.goto(&format!(
        "{base}/?tiles=none&from=51.0543,3.7174&fromname=Gent&km=15&form=evening"
    ))
    .await
    .unwrap();
    let t = wait_text(&c, "#match-count", |t| loaded(t) && parse_count(t).0 > 0).await;
    assert!(
        all_text(&c, "#results").await.contains("Avondonderwijs"),
        "{t}"
    );
    // The advice layer is on by itself for evening classes, and can be switched off.
    wait_text(&c, "#advice", |t| t.contains("Gent")).await;
    click(&c, "#advice-toggle").await;
    let start = std::time::Instant::now();
    while count(&c, "#advice").await > 0 || count(&c, ".leaflet-marker-icon.mk-advice").await > 0 {
        assert!(start.elapsed() < WAIT, "the toggle hides the advice layer");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // 3. A parent in Brugge with a pupil of 12: the first grade's options within 5 km.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    choose_origin(&c, "Brugge (BE)").await;
    choose_radius(&c, 5).await;
    tick(&c, "stage", "Secundair 1e graad").await;
    let t = wait_text(&c, "#match-count", |t| loaded(t) && parse_count(t).0 > 0).await;
    let (courses, providers) = parse_count(&t);
    assert!(courses >= 20 && providers >= 5, "{t}");
    let results = all_text(&c, "#results").await;
    assert!(
        results.contains("STEM-technieken"),
        "basisoptie STEM-technieken"
    );
    assert!(
        results.contains("1ste leerjaar A"),
        "{}",
        &results[..results.len().min(400)]
    );
    tick(&c, "sector", "Techniek").await;
    let t = wait_text(&c, "#match-count", |t| {
        loaded(t) && parse_count(t).0 < courses
    })
    .await;
    assert!(parse_count(&t).0 >= 3, "STEM-technieken is techniek: {t}");
    std::fs::write(out.join("parent-brugge.png"), c.screenshot().await.unwrap()).unwrap();

    // 4. A pupil in Kortrijk after secondary school: technical or care programmes in higher
    //    education nearby, at VIVES, Howest, KU Leuven Kulak and UGent's campus.
    c.goto(&format!("{base}/?tiles=none&from=50.828,3.2649&fromname=Kortrijk&km=5&stage=higher,graduaat&sector=engineering,health_welfare")).await.unwrap();
    let t = wait_text(&c, "#match-count", |t| loaded(t) && parse_count(t).0 > 0).await;
    assert!(parse_count(&t).0 >= 40, "{t}");
    js(&c, "for (let i = 0; i < 5; i++) { const b = document.querySelector('.results .after-rows > .more'); if (!b) break; b.click(); }").await;
    let names = all_text(&c, "#results").await;
    for school in ["VIVES", "Howest", "Kulak", "Universiteit Gent"] {
        assert!(names.contains(school), "{school} in Kortrijk");
    }
    assert!(
        names.contains("verpleegkunde") || names.contains("Verpleegkunde"),
        "care"
    );

    // 5. Durations in the interface language (HZ in Vlissingen: "4 jaar (240 EC)").
    for (lang, word, dutch) in [("en", "years (", " jaar"), ("fr", "ans (", " jaar")] {
        c.goto(&format!("{base}/?tiles=none&lang={lang}&from=51.4425,3.5736&fromname=Vlissingen&km=3&stage=higher")).await.unwrap();
        wait_text(&c, "#match-count", |t| has_count(t) && parse_count(t).0 > 0).await;
        wait_list_complete(&c).await;
        let forms = js(&c, "return [...document.querySelectorAll('#results .course-forms')].map(e => e.textContent).join(' | ')").await;
        let forms = forms.as_str().unwrap();
        assert!(forms.contains(word), "{lang}: {forms}");
        assert!(
            !forms.contains(dutch) && !forms.contains("studiepunten"),
            "{lang}: {forms}"
        );
        // A link's radius that the list of distances lacks (3 km) is shown as chosen, not as
        // "no limit" while the map draws a 3 km circle.
        let chosen = js(&c, "const s = document.querySelector('#radius'); return [s.value, s.selectedOptions[0].textContent]").await;
        assert_eq!(chosen[0], json!("3"), "{chosen}");
        assert!(chosen[1].as_str().unwrap().contains("3 km"), "{chosen}");
    }
    c.close().await.unwrap();
}
