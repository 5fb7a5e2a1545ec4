//! The first view in `index.html` (shown before the app starts) says what the app says, in
//! each language: Dutch in the HTML, English and French in its small inline script.

use leerkaart::core::i18n::{Lang, Msg};

fn index_html() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap()
}

#[test]
fn the_first_view_speaks_the_apps_words_in_every_language() {
    let html = index_html();
    for msg in [Msg::Tagline, Msg::Intro, Msg::MapLoading] {
        let nl = msg.text(Lang::Nl);
        assert!(html.contains(nl), "index.html lacks the Dutch {nl:?}");
    }
    let start = html.find("/*boot-texts*/").expect("the first view's texts") + 14;
    let end = html[start..].find("/*end*/").unwrap() + start;
    let texts: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    for lang in [Lang::En, Lang::Fr] {
        let t = &texts[lang.code()];
        assert_eq!(t["tagline"], Msg::Tagline.text(lang), "{lang:?}");
        assert_eq!(t["intro"], Msg::Intro.text(lang), "{lang:?}");
        assert_eq!(t["loading"], Msg::MapLoading.text(lang), "{lang:?}");
        assert!(
            t["slow"].as_str().is_some_and(|s| !s.is_empty()),
            "{lang:?}"
        );
    }
    // Only the languages the app has; Dutch is the HTML itself.
    assert_eq!(texts.as_object().unwrap().len(), Lang::ALL.len() - 1);
}
