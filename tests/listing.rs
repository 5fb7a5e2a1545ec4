//! The result row as HTML text (`core::listing`): what it shows for the shipped data's kind
//! of records, its stars and "show all" state, and that nothing from the data becomes markup.

use leerkaart::core::i18n::Lang;
use leerkaart::core::listing::{result_row_html, RowAction, RowState, COURSES_PER_RESULT};
use leerkaart::core::synth::{generate, SynthOptions};
use leerkaart::core::*;
use leerkaart::core::{i18n, listing, shortlist};
use serde_json::{json, Value};

const XSS: &str = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">' \"";

/// Tags and attributes a row may contain; anything else came from the data.
const TAGS: &[&str] = &["li", "div", "span", "button", "ul", "p", "a"];
const ATTRS: &[&str] = &[
    "class",
    "translate",
    "type",
    "aria-pressed",
    "aria-expanded",
    "aria-describedby",
    "aria-label",
    "title",
    "data-act",
    "data-key",
    "id",
    "href",
    "target",
    "rel",
];

/// The tags of `html` with their attributes, read by a small scanner that trusts only
/// double-quoted values (the renderer escapes `"` inside them). Panics on anything else.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('/') {
            let end = r.find('>').expect("closing tag ends");
            assert!(TAGS.contains(&&r[..end]), "closing tag {:?}", &r[..end]);
            rest = &r[end + 1..];
            continue;
        }
        let name_end = rest.find([' ', '>']).expect("tag name ends");
        let name = rest[..name_end].to_string();
        rest = &rest[name_end..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start_matches(' ');
            if let Some(r) = rest.strip_prefix('>') {
                rest = r;
                break;
            }
            let eq = rest.find("=\"").expect("attribute has a quoted value");
            let attr = rest[..eq].to_string();
            let r = &rest[eq + 2..];
            let close = r.find('"').expect("value ends");
            attrs.push((attr, r[..close].to_string()));
            rest = &r[close + 1..];
        }
        out.push((name, attrs));
    }
    out
}

fn assert_inert(html: &str) {
    for (name, attrs) in tags(html) {
        assert!(TAGS.contains(&name.as_str()), "tag <{name}> in {html}");
        for (a, v) in attrs {
            assert!(ATTRS.contains(&a.as_str()), "attribute {a} on <{name}>");
            assert!(!v.contains('<') && !v.contains('"'), "{a}={v:?}");
            if a == "href" {
                assert!(
                    v.starts_with("https://") || v.starts_with("http://") || v == "#glossary",
                    "href {v}"
                );
            }
        }
    }
}

fn hostile_catalog() -> Catalog {
    let course = |name: &str| {
        json!({ "name": name, "sector": "engineering", "level": "nl_mbo_2", "learning_forms": ["full_time"],
                "duration": XSS, "website": "javascript:alert(1)" })
    };
    let feature: Value = json!({ "type": "Feature", "id": "xss", "geometry": { "type": "Point", "coordinates": [3.88, 51.5] },
        "properties": { "name": XSS, "kind": "mbo_college", "country": "NL", "province": "NL-ZE", "municipality": XSS,
            "location_precision": "address", "address": { "street": XSS, "postcode": XSS, "locality": XSS },
            "website": "javascript:alert(1)", "source": { "name": XSS },
            "courses": [course(XSS), course("Installatietechniek"), course("Elektrotechniek")] } });
    let text = json!({ "type": "FeatureCollection", "features": [feature] }).to_string();
    Catalog::new(
        load_geojson(&text, &LoadOptions::default())
            .unwrap()
            .dataset,
    )
}

fn hit(cat: &Catalog, provider: ProviderId, origin: Option<LonLat>) -> ProviderHit {
    let out = cat.apply(&Filter {
        origin,
        ..Filter::default()
    });
    out.providers
        .into_iter()
        .find(|h| h.provider == provider)
        .expect("the provider is listed")
}

fn state<'a>(lang: Lang, expanded: bool, starred: &'a dyn Fn(&str) -> bool) -> RowState<'a> {
    RowState {
        lang,
        origin: None,
        expanded,
        starred,
    }
}

#[test]
fn markup_and_script_from_the_data_stay_text() {
    let cat = hostile_catalog();
    let h = hit(&cat, 0, Some(LonLat::new(3.6, 51.3)));
    for lang in Lang::ALL {
        for expanded in [false, true] {
            let html = result_row_html(&cat, &h, &state(lang, expanded, &|_| true));
            assert_inert(&html);
            assert!(!html.contains("javascript:"), "{html}");
            assert!(html.contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;"));
        }
    }
}

#[test]
fn a_row_shows_the_first_courses_then_all_on_request() {
    let data = generate(
        7,
        &SynthOptions {
            providers: 40,
            courses: 600,
            ..Default::default()
        },
    );
    let cat = Catalog::new(data);
    let out = cat.apply(&Filter::default());
    let big = out
        .providers
        .iter()
        .find(|h| h.courses.len() > COURSES_PER_RESULT + 1)
        .expect("a provider with many courses");
    let none = |_: &str| false;
    let html = result_row_html(&cat, big, &state(Lang::Nl, false, &none));
    assert_inert(&html);
    let t = tags(&html);
    let count = |class: &str| {
        t.iter()
            .filter(|(_, a)| {
                a.iter()
                    .any(|(k, v)| k == "class" && v.split(' ').any(|c| c == class))
            })
            .count()
    };
    assert_eq!(count("course"), COURSES_PER_RESULT);
    assert_eq!(count("star"), COURSES_PER_RESULT);
    assert_eq!(count("more-courses"), 1);
    let rest = big.courses.len() - COURSES_PER_RESULT;
    assert!(html.contains(&format!("(+{rest})")), "{html}");
    assert!(html.contains("aria-expanded=\"false\""));
    // Every course's name, in order.
    let mut at = 0;
    for cid in &big.courses[..COURSES_PER_RESULT] {
        let name = listing::escape_html(&cat.data.courses[*cid as usize].name);
        at += html[at..].find(&name).expect("course name in order");
    }

    let all = result_row_html(&cat, big, &state(Lang::En, true, &none));
    let t = tags(&all);
    assert_eq!(
        t.iter()
            .filter(|(_, a)| a.iter().any(|(k, v)| k == "class" && v == "course"))
            .count(),
        big.courses.len()
    );
    assert!(all.contains("aria-expanded=\"true\""));
    assert!(all.contains(i18n::Msg::FewerCourses.text(Lang::En)));
}

#[test]
fn stars_follow_the_shortlist_and_buttons_name_their_action() {
    let cat = hostile_catalog();
    let h = hit(&cat, 0, None);
    let first = shortlist::course_key(&cat, h.courses[0]);
    let starred = |k: &str| k == first;
    let html = result_row_html(&cat, &h, &state(Lang::Fr, false, &starred));
    let stars: Vec<_> = tags(&html)
        .into_iter()
        .filter(|(_, a)| {
            a.iter()
                .any(|(k, v)| k == "data-act" && v == RowAction::Star.code())
        })
        .map(|(_, a)| a)
        .collect();
    assert_eq!(stars.len(), h.courses.len());
    let attr = |a: &[(String, String)], name: &str| {
        a.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    for (s, cid) in stars.iter().zip(&h.courses) {
        let on = attr(s, "data-key") == listing::escape_html(&first);
        assert_eq!(attr(s, "aria-pressed"), on.to_string());
        assert_eq!(attr(s, "class"), if on { "star on" } else { "star" });
        // Each star is named with its course (the hostile names stay escaped text).
        let name = listing::escape_html(&cat.data.courses[*cid as usize].name);
        assert_eq!(
            attr(s, "aria-label"),
            format!("{}: {name}", i18n::Msg::Star.text(Lang::Fr))
        );
    }
    assert_eq!(
        stars
            .iter()
            .filter(|s| attr(s, "aria-pressed") == "true")
            .count(),
        1
    );
    // Every data-act names an action the page handles.
    for (_, a) in tags(&html) {
        if let Some((_, v)) = a.iter().find(|(k, _)| k == "data-act") {
            assert!(RowAction::parse(v).is_some(), "{v}");
        }
    }
    assert_eq!(RowAction::parse("javascript"), None);
}

#[test]
fn a_detour_gives_the_straight_line_only_when_it_differs() {
    let cat = hostile_catalog();
    let mut h = hit(&cat, 0, Some(LonLat::new(3.6, 51.3)));
    h.via = Some("Westerscheldetunnel");
    let none = |_: &str| false;
    let detour = |h: &ProviderHit| {
        let html = result_row_html(&cat, h, &state(Lang::En, false, &none));
        let start = html.find("class=\"detour\">").expect("a detour line");
        html[start..]
            .split('<')
            .next()
            .unwrap_or_default()
            .to_string()
    };
    h.distance_km = Some(31.2);
    h.straight_km = Some(17.4);
    let d = detour(&h);
    assert!(
        d.contains("31 km") && d.contains("as the crow flies 17 km"),
        "{d}"
    );
    h.distance_km = Some(17.2);
    let d = detour(&h);
    assert!(d.contains("17 km") && !d.contains("crow"), "{d}");
}
