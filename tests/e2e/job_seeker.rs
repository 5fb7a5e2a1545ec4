//! A job seeker: search by occupation, shortage badges and the shortage filter.

use crate::harness::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_by_occupation_badges_and_the_shortage_filter() {
    use leerkaart::core::{Filter, Occupations};
    let Some(session) = session("e2e4").await else {
        return;
    };
    let (c, base, out) = (session.c.clone(), &session.base, &session.out);
    let occ = Occupations::builtin();
    let nurse = occ.by_key("verpleegkundige").unwrap();

    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    let all = parse_count(&wait_text(&c, "#match-count", loaded_count).await);

    // 1. "nurse" (English, typed in the Dutch interface) finds the Dutch occupation; the
    //    list holds exactly the core's nursing courses, on both sides of the border.
    let input = c.find(Locator::Css("#occupation-input")).await.unwrap();
    input.send_keys("nurse").await.unwrap();
    input.send_keys("\u{E007}").await.unwrap();
    wait_text(&c, "#occupation-title", |t| t == "Verpleegkundige").await;
    let want = core_count(&Filter {
        occupation: Some(nurse),
        ..Default::default()
    });
    let t = wait_text(&c, "#match-count", |t| parse_count(t) == want).await;
    assert!(want.0 >= 5 && want.0 < all.0, "{t}");
    wait_list_complete(&c).await;
    let countries = js(&c, "return [...new Set([...document.querySelectorAll('#results .result-meta')].map(e => e.textContent.trim().slice(-2)))].sort()").await;
    assert_eq!(countries, json!(["BE", "NL"]));
    // The occupation's shortage status, with year, country and a safe source link.
    let status = text(&c, "#occupation-shortage").await;
    assert!(
        status.contains(&newest_be(nurse)) && status.contains("knelpuntberoep"),
        "{status}"
    );
    let hrefs = js(&c, "return [...document.querySelectorAll('#occupation-shortage a')].map(a => a.getAttribute('href'))").await;
    assert!(
        hrefs
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h.as_str().unwrap().starts_with("https://")),
        "{hrefs}"
    );
    // The path: lowest level first.
    let steps = js(&c, "return [...document.querySelectorAll('#occupation-path .path-step h4')].map(e => e.textContent)").await;
    let steps: Vec<String> = steps
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    // From HBO5 nursing (EQF 5, Flanders) up to the master (EQF 7), lowest first.
    let levels: Vec<u8> = steps
        .iter()
        .filter_map(|s| s.strip_prefix("EQF ")?.get(..1)?.parse().ok())
        .collect();
    assert!(
        levels.len() == steps.len()
            && levels.len() >= 3
            && levels.windows(2).all(|w| w[0] < w[1])
            && levels[0] == 5
            && *levels.last().unwrap() == 7,
        "{steps:?}"
    );
    // Every nursing course shown carries the shortage badge (a school shows its first few,
    // the rest on request).
    wait_count_eq(&c, "#results > li.result", want.1.min(LIST_PAGE)).await;
    let shown = count(&c, "#results li.course").await;
    assert!(shown >= 5 && shown <= want.0, "{shown} of {}", want.0);
    assert_eq!(count(&c, "#results li.course .badge.shortage").await, shown);
    let url = js(&c, "return location.search").await;
    assert!(
        url.as_str().unwrap().contains("beroep=verpleegkundige"),
        "{url}"
    );
    // The badge names the country and year of the listing.
    let badge = text(&c, "#results li.course .badge.shortage").await;
    assert!(badge.contains(&newest_be(nurse)), "{badge}");
    std::fs::write(out.join("occupation.png"), c.screenshot().await.unwrap()).unwrap();
    let serious = axe_serious(&c, "occupation").await;
    assert!(serious.is_empty(), "accessibility: {serious:#?}");

    // 2. Reload: the link reproduces the search.
    c.refresh().await.unwrap();
    wait_text(&c, "#occupation-title", |t| t == "Verpleegkundige").await;
    wait_text(&c, "#match-count", |t| parse_count(t) == want).await;

    // 3. Clearing it brings everything back; the shortage filter keeps what the core keeps,
    //    each with its badge, and says so in the URL.
    click(&c, "#occupation-clear").await;
    wait_text(&c, "#match-count", |t| parse_count(t) == all).await;
    assert_eq!(count(&c, "#occupation-card").await, 0);
    let shortage = core_count(&Filter {
        shortage_only: true,
        ..Default::default()
    });
    let label = text(&c, "label[for=shortage-only]").await;
    assert!(
        label.contains(&shortage.0.to_string()),
        "facet count shown: {label}"
    );
    click(&c, "#shortage-only").await;
    wait_text(&c, "#match-count", |t| parse_count(t) == shortage).await;
    // The list shows its first page: every course on it has the badge.
    wait_count_eq(&c, "#results > li.result", shortage.1.min(LIST_PAGE)).await;
    let shown = count(&c, "#results li.course").await;
    assert!(shown > 0 && shown <= shortage.0);
    assert_eq!(count(&c, "#results li.course .badge.shortage").await, shown);
    assert!(js(&c, "return location.search")
        .await
        .as_str()
        .unwrap()
        .contains("knelpunt=1"));
    click(&c, "#shortage-only").await;
    wait_text(&c, "#match-count", |t| parse_count(t) == all).await;
    wait_count_eq(&c, "#results > li.result", all.1.min(LIST_PAGE)).await;

    // 4. From a result to its occupation: "Leidt naar" buttons start the search.
    // Its label, wherever it is in the list (a row out of sight is not drawn yet).
    let first_occ = all_text(&c, "#results .occ-link").await;
    click(&c, "#results .occ-link").await;
    wait_text(&c, "#occupation-title", |t| t == first_occ).await;
    click(&c, "#occupation-clear").await;

    // 5. In French: "soudeur" finds the welder, and the Flemish welding programmes lead
    //    there; in the Netherlands the data has no welding course (MBO programmes are not
    //    listed), which the path says instead of showing nothing; the shortage mention stays.
    c.goto(&format!("{base}/?tiles=none&lang=fr"))
        .await
        .unwrap();
    wait_text(&c, "#match-count", |t| t.contains("formation")).await;
    let input = c.find(Locator::Css("#occupation-input")).await.unwrap();
    input.send_keys("soudeur").await.unwrap();
    input.send_keys("\u{E007}").await.unwrap();
    wait_text(&c, "#occupation-title", |t| t == "Soudeur / soudeuse").await;
    let path = wait_text(&c, "#occupation-path", |t| !t.is_empty()).await;
    assert!(path.contains("Lass"), "{path}");
    c.goto(&format!("{base}/?tiles=none&lang=fr&country=NL"))
        .await
        .unwrap();
    wait_text(&c, "#match-count", |t| t.contains("formation")).await;
    assert!(text(&c, ".occupation legend")
        .await
        .contains("Chercher par métier"));
    let input = c.find(Locator::Css("#occupation-input")).await.unwrap();
    input.send_keys("soudeur").await.unwrap();
    input.send_keys("\u{E007}").await.unwrap();
    wait_text(&c, "#occupation-title", |t| t == "Soudeur / soudeuse").await;
    wait_text(&c, "#path-empty", |t| t.contains("Aucune formation")).await;
    let welder = occ.by_key("lasser").unwrap();
    assert!(text(&c, "#occupation-shortage")
        .await
        .contains(&newest_be(welder)));
    std::fs::write(
        out.join("occupation-empty-fr.png"),
        c.screenshot().await.unwrap(),
    )
    .unwrap();
    // Switching language relabels the chosen occupation.
    c.find(Locator::Css("#lang"))
        .await
        .unwrap()
        .select_by_value("en")
        .await
        .unwrap();
    wait_text(&c, "#occupation-title", |t| t == "Welder").await;

    // 6. An unknown word says so; a hostile `beroep` parameter is dropped.
    c.goto(&format!("{base}/?tiles=none")).await.unwrap();
    wait_text(&c, "#match-count", loaded_count).await;
    let input = c.find(Locator::Css("#occupation-input")).await.unwrap();
    input.send_keys("qqqqzz").await.unwrap();
    input.send_keys("\u{E007}").await.unwrap();
    wait_text(&c, "#occupation-not-found", |t| t.contains("Geen beroep")).await;
    c.goto(&format!(
        "{base}/?tiles=none&beroep=%3Cimg%20src%3Dx%3E&knelpunt=yes"
    ))
    .await
    .unwrap();
    let t = wait_text(&c, "#match-count", loaded_count).await;
    assert_eq!(parse_count(&t), all);
    assert_eq!(count(&c, "#occupation-card").await, 0);

    // 7. Typing a job into the course search offers the occupation search.
    let q = c.find(Locator::Css("#q")).await.unwrap();
    q.send_keys("lasser").await.unwrap();
    wait_text(&c, "#occupation-suggest", |t| t.contains("Lasser?")).await;
    click(&c, "#occupation-suggest button").await;
    wait_text(&c, "#occupation-title", |t| t == "Lasser").await;
    assert_eq!(
        js(&c, "return document.querySelector('#q').value").await,
        json!("")
    );
    assert_eq!(count(&c, "#occupation-suggest").await, 0);

    // 8. Phone size, with an occupation open.
    c.set_window_size(390, 844).await.unwrap();
    c.goto(&format!(
        "{base}/?tiles=none&beroep=technicus-industriele-installaties"
    ))
    .await
    .unwrap();
    wait_text(&c, "#occupation-title", |t| t.contains("industriële")).await;
    std::fs::write(
        out.join("phone-occupation.png"),
        c.screenshot().await.unwrap(),
    )
    .unwrap();
    let serious = axe_serious(&c, "phone occupation").await;
    assert!(serious.is_empty(), "accessibility on a phone: {serious:#?}");
    // Choosing another occupation on a phone brings its card into view.
    // The search is in the filters sheet: open it, search again, show the results.
    click(&c, "#open-filters").await;
    click(&c, "#occupation-clear").await;
    let input = c.find(Locator::Css("#occupation-input")).await.unwrap();
    input.send_keys("nurse").await.unwrap();
    input.send_keys("\u{E007}").await.unwrap();
    wait_text(&c, "#occupation-title", |t| t == "Verpleegkundige").await;
    click(&c, "#show-results").await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let top = js(
        &c,
        "return document.querySelector('#occupation-card').getBoundingClientRect().top",
    )
    .await;
    let height = js(&c, "return window.innerHeight").await;
    let top = top.as_f64().unwrap();
    // Under the header and the filters bar.
    assert!(
        (-1.0..180.0).contains(&top) && top < height.as_f64().unwrap(),
        "card at the top of the screen: top {top}, viewport {height}"
    );
    assert_eq!(
        js(&c, "return window.leerkaartCspViolations").await,
        json!(0)
    );
    c.close().await.unwrap();
}
