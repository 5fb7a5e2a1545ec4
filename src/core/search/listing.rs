//! A result row of the list as HTML text.
//!
//! The page draws each row with one `innerHTML` write instead of a Leptos view: a row holds
//! about 70 elements, a click brings up to 25 new rows, and building them node by node
//! through wasm-bindgen (one call per element, attribute and text, each string decoded)
//! cost more than the browser's own HTML parser does for the same markup. Keeping the text
//! here, in the core, lets plain `cargo test` check what the page shows and that nothing
//! from the data can add markup: every value is escaped, and links pass `safe_http_url`.
//!
//! The interactive parts are ordinary `<button>`s carrying `data-act` (and `data-key`); the
//! page handles their clicks on the row (event delegation), so the keyboard works as before.

use std::fmt::Write as _;

use crate::core::i18n::{Lang, Msg};
use crate::core::occupation::LinkBasis;
use crate::core::travel::{route_url, TravelMode};
use crate::core::{
    labels, safe_http_url, shortlist, Award, Catalog, CourseId, LonLat, ProviderHit,
};
use crate::core::{ProviderId, Sector};

/// Courses shown per row before "show all courses here": a school lists dozens.
pub const COURSES_PER_RESULT: usize = 6;

/// What a click inside a row asks for (the button's `data-act`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowAction {
    /// The row's head: show the provider on the map.
    Open,
    /// A course's star: add to or remove from the shortlist (`data-key` = course key).
    Star,
    /// Show all of the row's courses, or the first few again.
    More,
    /// An occupation a course leads to: search from it (`data-key` = occupation key).
    Occupation,
    /// The glossary link.
    Glossary,
}

impl RowAction {
    /// The `data-act` value.
    pub const fn code(self) -> &'static str {
        match self {
            RowAction::Open => "open",
            RowAction::Star => "star",
            RowAction::More => "more",
            RowAction::Occupation => "occ",
            RowAction::Glossary => "glossary",
        }
    }

    /// The action named by a `data-act` value; `None` for anything else.
    pub fn parse(code: &str) -> Option<Self> {
        [
            RowAction::Open,
            RowAction::Star,
            RowAction::More,
            RowAction::Occupation,
            RowAction::Glossary,
        ]
        .into_iter()
        .find(|a| a.code() == code)
    }
}

/// What a row shows besides the data: the state the page keeps.
pub struct RowState<'a> {
    /// Interface language.
    pub lang: Lang,
    /// The starting point, for the route links (none: the route planner asks).
    pub origin: Option<LonLat>,
    /// Whether all courses are shown rather than the first [`COURSES_PER_RESULT`].
    pub expanded: bool,
    /// Whether a course (by its shortlist key) is on the shortlist.
    pub starred: &'a dyn Fn(&str) -> bool,
}

/// Text escaped for HTML content and double-quoted attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Appends `<tag class="class">text</tag>` with the text escaped.
fn push_el(out: &mut String, tag: &str, class: &str, text: &str) {
    let _ = write!(out, "<{tag} class=\"{class}\">");
    push_escaped(out, text);
    let _ = write!(out, "</{tag}>");
}

/// A link opening in a new tab; the URL is escaped (it has already passed
/// `safe_http_url` or is built by the project).
fn push_link(out: &mut String, class: Option<&str>, href: &str, text: &str) {
    out.push_str("<a");
    if let Some(c) = class {
        let _ = write!(out, " class=\"{c}\"");
    }
    out.push_str(" href=\"");
    push_escaped(out, href);
    out.push_str("\" target=\"_blank\" rel=\"noopener noreferrer\">");
    push_escaped(out, text);
    out.push_str("</a>");
}

/// "Knelpuntberoep: Verpleegkundige (BE 2024, VDAB knelpuntberoepenlijst 2024 …)", one
/// line per occupation, for the shortage badge's tooltip.
pub fn shortage_title(cat: &Catalog, cid: CourseId, lang: Lang) -> String {
    let occ = &cat.occupations;
    cat.course_occupations(cid)
        .iter()
        .filter_map(|id| {
            let o = occ.get(*id)?;
            let latest = occ.latest(*id);
            (!latest.is_empty()).then(|| {
                let lists: Vec<String> = latest
                    .iter()
                    .map(|s| format!("{}: {}", labels::shortage_status(lang, s), s.source_name))
                    .collect();
                format!("{} — {}", o.label(lang), lists.join("; "))
            })
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The newest listing year per country among a course's occupations: "BE 2026 · NL 2022".
pub fn shortage_years(cat: &Catalog, cid: CourseId) -> String {
    cat.occupations
        .newest_listing_by_country(cat.course_occupations(cid))
        .iter()
        .map(|(c, y)| format!("{} {y}", c.code()))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One course of a row: name and star, badges, learning forms, details, the occupations it
/// leads to (each a button searching from it) and its own link.
fn push_course(out: &mut String, cat: &Catalog, cid: CourseId, state: &RowState) {
    let lang = state.lang;
    let c = &cat.data.courses[cid as usize];
    let key = shortlist::course_key(cat, cid);
    let on = (state.starred)(&key);
    let star = Msg::Star.text(lang);
    out.push_str("<li class=\"course\"><div class=\"course-top\"><span class=\"course-name\" translate=\"no\">");
    push_escaped(out, &c.name);
    // Named with the course: a keyboard or screen-reader user tabbing from star to star
    // hears which course each one keeps.
    let _ = write!(
        out,
        "</span><button type=\"button\" class=\"star{}\" aria-pressed=\"{on}\" title=\"{star}\" aria-label=\"{star}: ",
        if on { " on" } else { "" },
    );
    push_escaped(out, &c.name);
    let _ = write!(
        out,
        "\" data-act=\"{}\" data-key=\"",
        RowAction::Star.code()
    );
    push_escaped(out, &key);
    let _ = write!(out, "\">{}</button></div>", if on { "★" } else { "☆" });

    out.push_str("<span class=\"badges\">");
    let sector_class = match c.sector {
        s if s.is_stem() => "badge sector tech",
        Sector::HealthWelfare => "badge sector care",
        _ => "badge sector",
    };
    push_el(out, "span", sector_class, labels::sector(lang, c.sector));
    push_el(
        out,
        "span",
        "badge stage",
        labels::stage_short(lang, c.stage),
    );
    match c.level.eqf {
        Some(e) => {
            out.push_str("<span class=\"badge level\" title=\"");
            push_escaped(out, &labels::eqf(lang, e));
            out.push_str("\">");
            push_escaped(out, &labels::course_level(&c.level));
            out.push_str("</span>");
        }
        None => {
            let _ = write!(
                out,
                "<span class=\"badge level no-eqf\" title=\"{}\">{}</span>",
                escape_html(Msg::NoEqfTitle.text(lang)),
                escape_html(Msg::NoEqf.text(lang))
            );
        }
    }
    // Full diplomas are the rule: only the shorter steps get a badge here.
    if let Some(a) = c.award.filter(|a| *a != Award::Diploma) {
        push_el(out, "span", "badge award", labels::award(lang, a));
    }
    if cat.course_leads_to_shortage(cid) {
        out.push_str("<span class=\"badge shortage\" title=\"");
        push_escaped(out, &shortage_title(cat, cid, lang));
        out.push_str("\">");
        push_escaped(
            out,
            &format!(
                "{} · {}",
                Msg::ShortageBadge.text(lang),
                shortage_years(cat, cid)
            ),
        );
        out.push_str("</span>");
    }
    out.push_str("</span>");

    let mut forms = c
        .learning_forms
        .iter()
        .map(|f| labels::learning_form(lang, f))
        .collect::<Vec<_>>()
        .join(" · ");
    if let Some(d) = &c.duration {
        let _ = write!(forms, " · {}", labels::duration(lang, d));
    }
    push_el(out, "span", "course-forms", &forms);
    let details = labels::course_details(lang, c);
    if !details.is_empty() {
        push_el(out, "span", "course-details", &details);
    }
    push_occupations(out, cat, cid, lang);
    if let Some(u) = c.website.as_deref().and_then(safe_http_url) {
        push_link(out, Some("course-link"), &u, Msg::MoreInfo.text(lang));
    }
    out.push_str("</li>");
}

/// "Leidt naar: Verpleegkundige (— knelpuntberoep)": each occupation a button that starts a
/// search from it.
fn push_occupations(out: &mut String, cat: &Catalog, cid: CourseId, lang: Lang) {
    let ids = cat.course_occupations(cid);
    if ids.is_empty() {
        return;
    }
    let occ = &cat.occupations;
    let title = if cat.course_link_basis(cid) == LinkBasis::Derived {
        Msg::DerivedLink
    } else {
        Msg::StatedLink
    };
    out.push_str("<div class=\"course-occ\"><span class=\"occ-title\" title=\"");
    push_escaped(out, title.text(lang));
    out.push_str("\">");
    push_escaped(out, &format!("{}:", Msg::LeadsTo.text(lang)));
    out.push_str("</span><ul class=\"occ-list\">");
    for id in ids {
        let Some(o) = occ.get(*id) else { continue };
        let _ = write!(
            out,
            "<li><button type=\"button\" class=\"btn-link occ-link\" data-act=\"{}\" data-key=\"",
            RowAction::Occupation.code()
        );
        push_escaped(out, &o.key);
        out.push_str("\">");
        push_escaped(out, o.label(lang));
        out.push_str("</button>");
        if let Some(s) = occ.latest(*id).first() {
            push_el(
                out,
                "span",
                "occ-status",
                &format!(" — {}", labels::shortage_short(lang, s)),
            );
        }
        out.push_str("</li>");
    }
    out.push_str("</ul></div>");
}

/// The inside of a result row (`<li class="result">`): the provider's name (a button showing
/// it on the map) and distance, kind and town, the detour across the Westerschelde, its
/// matching courses (the first [`COURSES_PER_RESULT`] unless expanded), and its links.
pub fn result_row_html(cat: &Catalog, hit: &ProviderHit, state: &RowState) -> String {
    let lang = state.lang;
    let pid: ProviderId = hit.provider;
    let p = &cat.data.providers[pid as usize];
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "<button type=\"button\" class=\"result-head\" aria-describedby=\"meta-{pid}\" data-act=\"{}\"><span class=\"result-name\" translate=\"no\">",
        RowAction::Open.code()
    );
    push_escaped(&mut out, &p.name);
    out.push_str("</span>");
    if let Some(d) = hit.distance_km {
        push_el(&mut out, "span", "distance", &labels::distance_km(lang, d));
    }
    let _ = write!(out, "</button><p class=\"result-meta\" id=\"meta-{pid}\">");
    push_escaped(
        &mut out,
        &format!(
            "{} · {} · {}",
            labels::institution_kind(lang, p.kind),
            p.municipality,
            p.country.code()
        ),
    );
    out.push_str("</p>");
    if p.preview {
        push_el(
            &mut out,
            "p",
            "badge preview-badge",
            Msg::PreviewBadge.text(lang),
        );
    }
    if let Some(v) = hit.via {
        let estimate = labels::distance_km(lang, hit.distance_km.unwrap_or_default());
        let straight = labels::distance_km(lang, hit.straight_km.unwrap_or_default());
        let mut detour = format!(
            "{} ({}): {} {estimate}",
            Msg::AcrossEstuary.text(lang),
            labels::crossing(lang, v),
            Msg::Estimate.text(lang),
        );
        // Where the crossing lies on the straight line (Oostburg → Vlissingen by the ferry)
        // both round alike: said once.
        if straight != estimate {
            detour.push_str(&format!("; {} {straight}", Msg::StraightLine.text(lang)));
        }
        push_el(&mut out, "p", "detour", &detour);
    }
    out.push_str("<ul class=\"courses\">");
    let limit = if state.expanded {
        usize::MAX
    } else {
        COURSES_PER_RESULT
    };
    for cid in hit.courses.iter().take(limit) {
        push_course(&mut out, cat, *cid, state);
    }
    out.push_str("</ul>");
    let rest = hit.courses.len().saturating_sub(COURSES_PER_RESULT);
    if rest > 0 {
        let text = if state.expanded {
            Msg::FewerCourses.text(lang).to_string()
        } else {
            format!("{} (+{rest})", Msg::MoreCourses.text(lang))
        };
        let _ = write!(
            out,
            "<button type=\"button\" class=\"btn-link more-courses\" aria-expanded=\"{}\" data-act=\"{}\">",
            state.expanded,
            RowAction::More.code()
        );
        push_escaped(&mut out, &text);
        out.push_str("</button>");
    }
    out.push_str("<p class=\"result-foot\">");
    if let Some(u) = p.website.as_deref().and_then(safe_http_url) {
        push_link(&mut out, None, &u, Msg::Website.text(lang));
    }
    let bike = route_url(state.origin, p.lon_lat, TravelMode::Bicycle);
    let transit = route_url(state.origin, p.lon_lat, TravelMode::PublicTransport);
    push_link(&mut out, Some("route-bike"), &bike, Msg::ByBike.text(lang));
    push_link(
        &mut out,
        Some("route-transit"),
        &transit,
        Msg::ByTransit.text(lang),
    );
    let _ = write!(
        out,
        "<a href=\"#glossary\" class=\"glossary-link\" data-act=\"{}\">",
        RowAction::Glossary.code()
    );
    push_escaped(&mut out, Msg::Glossary.text(lang));
    out.push_str("</a>");
    push_el(&mut out, "span", "precision", &labels::precision(lang, p));
    out.push_str("</p>");
    out
}
