//! The side panels: status banner, filters (search, starting point, facets), glossary and
//! "about the data".

use std::collections::BTreeSet;

use std::rc::Rc;

use leptos::prelude::*;

use crate::core::share::{OPEN_DATA_CSV, OPEN_DATA_DIR, OPEN_DATA_OOAPI};
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::{browser, tr, ui, wide_screen, Status};
use crate::core::glossary::GLOSSARY;
use crate::core::i18n::{self, Lang, Msg};
use crate::core::{
    labels, Country, Eqf, LearningForm, LocationPrecision, LonLat, Occupations, Province, Sector,
    Stage, LICENCE_NOT_STATED,
};

/// Suggestions shown while typing a place.
const SUGGESTIONS: usize = 8;
/// Radius choices in km.
const RADII_KM: [u32; 7] = [5, 10, 15, 20, 30, 50, 80];
/// Milliseconds in a day, for the data's age.
const MS_PER_DAY: f64 = 86_400_000.0;
/// Rejections listed in the banner (the count is always complete).
const REJECTIONS_SHOWN: usize = 50;

fn toggle<T: PartialEq + Copy>(list: &mut Vec<T>, v: T, on: bool) {
    list.retain(|x| *x != v);
    if on {
        list.push(v);
    }
}

/// On a phone, above the results: the button that opens the filters sheet (with how many
/// filters are chosen) and the chosen filters as chips, each removed with a tap.
#[component]
pub fn PhoneFilterBar() -> impl IntoView {
    let ui = ui();
    // (label, remove) for each chosen value.
    let chips = move || {
        let lang = ui.lang.get();
        let mut out: Vec<(String, Rc<dyn Fn()>)> = Vec::new();
        // Where from and how far: what a link from a poster or a counsellor most often sets.
        if let Some((_, place)) = ui.filters.origin.get() {
            let within = ui
                .filters
                .radius_km
                .get()
                .map(|r| format!(" · {r} km"))
                .unwrap_or_default();
            out.push((
                format!("{} {place}{within}", tr(Msg::From)),
                Rc::new(move || ui.filters.origin.set(None)),
            ));
        }
        if let Some(key) = ui.filters.occupation.get() {
            let occ = Occupations::builtin();
            let label = occ
                .by_key(&key)
                .and_then(|id| occ.get(id))
                .map_or(key, |o| o.label(lang).to_string());
            out.push((label, Rc::new(move || ui.filters.occupation.set(None))));
        }
        for s in ui.filters.sectors.get() {
            out.push((
                labels::sector(lang, s).to_string(),
                Rc::new(move || ui.filters.sectors.update(|v| v.retain(|x| *x != s))),
            ));
        }
        for s in ui.filters.stages.get() {
            // The short name, as on the courses' badges: a chip row stays one or two lines.
            out.push((
                labels::stage_short(lang, s).to_string(),
                Rc::new(move || ui.filters.stages.update(|v| v.retain(|x| *x != s))),
            ));
        }
        for e in ui.filters.levels.get() {
            out.push((
                format!("EQF {}", e.get()),
                Rc::new(move || ui.filters.levels.update(|v| v.retain(|x| *x != e))),
            ));
        }
        for c in ui.filters.countries.get() {
            out.push((
                labels::country(lang, c).to_string(),
                Rc::new(move || ui.filters.countries.update(|v| v.retain(|x| *x != c))),
            ));
        }
        for p in ui.filters.provinces.get() {
            out.push((
                labels::province(lang, p).to_string(),
                Rc::new(move || ui.filters.provinces.update(|v| v.retain(|x| *x != p))),
            ));
        }
        for f in ui.filters.forms.get() {
            out.push((
                labels::learning_form(lang, f).to_string(),
                Rc::new(move || ui.filters.forms.update(|v| v.retain(|x| *x != f))),
            ));
        }
        let text = ui.filters.text.get();
        if !text.trim().is_empty() {
            out.push((
                format!("“{}”", text.trim()),
                Rc::new(move || ui.filters.text.set(String::new())),
            ));
        }
        if ui.filters.shortage_only.get() {
            out.push((
                tr(Msg::ShortageBadge).to_string(),
                Rc::new(move || ui.filters.shortage_only.set(false)),
            ));
        }
        out
    };
    let open = move |_| {
        ui.filters_open.set(true);
        request_animation_frame(|| super::browser::focus("#close-filters"));
    };
    view! {
        <div class="phone-bar">
            <button type="button" class="btn-secondary" id="open-filters" aria-controls="filters" aria-expanded=move || ui.filters_open.get().to_string() on:click=open>
                {move || {
                    let n = chips().len();
                    if n == 0 { tr(Msg::Filters).to_string() } else { format!("{} ({n})", tr(Msg::Filters)) }
                }}
            </button>
            <ul class="chips" aria-label=move || tr(Msg::ActiveFilters)>
                {move || chips().into_iter().map(|(label, remove)| {
                    let aria = format!("{} {label}", tr(Msg::RemoveFilter));
                    view! {
                        <li><button type="button" class="chip" aria-label=aria on:click=move |_| remove()>{label.clone()}<span aria-hidden="true">" ×"</span></button></li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
pub fn StatusBanner() -> impl IntoView {
    let ui = ui();
    view! {
        <Show when=move || ui.status.get() == Status::Loading>
            <div class="banner loading" id="loading" role="status"><span class="spinner" aria-hidden="true"></span>{move || tr(Msg::Loading)}</div>
        </Show>
        {move || match ui.status.get() {
            Status::Failed(msg) => Some(view! {
                <div class="banner error" role="alert" id="load-error">
                    <strong>{tr(Msg::SomethingWrong)}</strong>{msg}
                </div>
            }),
            _ => None,
        }}
        {move || {
            let meta = ui.meta.get();
            let today = (js_sys::Date::now() / MS_PER_DAY).floor() as i64;
            (ui.status.get() == Status::Ready && meta.is_stale(today)).then(|| view! {
                <div class="banner warning" role="status" id="stale-data">
                    {format!("{} {}, {}", tr(Msg::StaleData), meta.compiled.clone().unwrap_or_default(), tr(Msg::StaleDataAdvice))}
                </div>
            })
        }}
        {move || {
            let list = ui.rejections.get();
            (!list.is_empty()).then(|| {
                let n = ui.rejected_features.get();
                let lang = ui.lang.get();
                let summary = format!("{} {}", Msg::PartlyLoaded.text(lang), i18n::rejected(lang, n, list.len().saturating_sub(n)));
                let more = list.len().saturating_sub(REJECTIONS_SHOWN);
                view! {
                    <div class="banner warning" role="alert" id="load-warnings">
                        <details>
                            <summary>{summary}</summary>
                            <ul>
                                {list.into_iter().take(REJECTIONS_SHOWN).map(|(file, r)| {
                                    let text = labels::rejection(lang, &r);
                                    view! { <li>{match file { Some(f) => format!("{f}: {text}"), None => text }}</li> }
                                }).collect_view()}
                            </ul>
                            {(more > 0).then(|| view! { <p>{format!("… +{more}")}</p> })}
                        </details>
                    </div>
                }
            })
        }}
    }
}

/// A group of checkboxes with live counts.
fn facet_group<T>(
    title: Msg,
    name: &'static str,
    values: Vec<T>,
    label: fn(Lang, T) -> String,
    count: impl Fn(T) -> u32 + Copy + Send + Sync + 'static,
    selected: RwSignal<Vec<T>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let ui = ui();
    // One Tab stop per group: the option last focused is in the Tab order, the others are
    // reached with the arrow keys (a roving tab index), so the keyboard crosses seven
    // groups in seven presses instead of forty.
    let active = RwSignal::new(0usize);
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let step: isize = match ev.key().as_str() {
            "ArrowDown" | "ArrowRight" => 1,
            "ArrowUp" | "ArrowLeft" => -1,
            "Home" => isize::MIN,
            "End" => isize::MAX,
            _ => return,
        };
        let Some(group) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Ok(inputs) = group.query_selector_all("input[type=checkbox]") else {
            return;
        };
        let n = inputs.length() as usize;
        if n == 0 {
            return;
        }
        ev.prevent_default();
        let next = match step {
            isize::MIN => 0,
            isize::MAX => n - 1,
            s => (active.get_untracked() as isize + s).rem_euclid(n as isize) as usize,
        };
        active.set(next);
        if let Some(el) = inputs
            .item(next as u32)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    };
    view! {
        <fieldset class="facet" data-facet=name aria-describedby="facet-keys" on:keydown=on_key>
            <legend>{move || tr(title)}</legend>
            {values
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    let id = format!("f-{name}-{i}");
                    view! {
                        <div class="opt" class:zero=move || count(v) == 0 && !selected.with(|s| s.contains(&v))>
                            <input type="checkbox" id=id.clone()
                                tabindex=move || if active.get() == i { "0" } else { "-1" }
                                on:focus=move |_| active.set(i)
                                prop:checked=move || selected.with(|s| s.contains(&v))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    selected.update(|s| toggle(s, v, on));
                                } />
                            <label for=id>
                                <span class="opt-label">{move || label(ui.lang.get(), v)}</span>
                                <span class="opt-count">{move || count(v)}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

#[component]
pub fn Filters() -> impl IntoView {
    let ui = ui();
    let facet = move |f: fn(&crate::core::FilterOutcome) -> &Vec<u32>, i: usize| {
        ui.outcome
            .with(|o| o.as_ref().map_or(0, |o| f(o).get(i).copied().unwrap_or(0)))
    };
    let reset = move |_| ui.filters.clear();
    let close_sheet = move || {
        ui.filters_open.set(false);
        super::browser::focus("#open-filters");
    };
    let wide = wide_screen();
    view! {
        <section class="filters" id="filters" aria-label=move || tr(Msg::Filters)>
            // On a phone the filters are a sheet over the results: its head and foot.
            <div class="sheet-head">
                <h2>{move || tr(Msg::Filters)}</h2>
                <button type="button" class="btn-secondary" id="close-filters" on:click=move |_| close_sheet()>{move || tr(Msg::FiltersDone)}</button>
            </div>
            // On a phone the sheet is closed at first: what is in it is built just after the
            // first view is drawn.
            <Show when=move || wide || ui.settled.get()>
            <div class="search">
                <label for="q">{move || tr(Msg::SearchLabel)}</label>
                <input id="q" type="search" autocomplete="off"
                    placeholder=move || tr(Msg::SearchPlaceholder)
                    prop:value=move || ui.filters.text.get()
                    on:input=move |ev| ui.filters.text.set(event_target_value(&ev)) />
                {move || occupation_suggestion().map(|(key, label)| view! {
                    <p class="hint" id="occupation-suggest">
                        {format!("{} ", tr(Msg::SearchAsOccupation))}
                        <button type="button" class="btn-link" on:click=move |_| {
                            ui.filters.occupation.set(Some(key.clone()));
                            ui.filters.text.set(String::new());
                        }>{format!("{label}?")}</button>
                    </p>
                })}
            </div>
            <OccupationPicker />
            <OriginPicker />
            </Show>
            <details class="facet-box" open=wide>
                <summary>{move || tr(Msg::Filters)}</summary>
                // Forty boxes with their counts. Where they start folded (a phone, a tablet)
                // they are built just after the first view is drawn (a task after the search
                // fields), so the page shows sooner; folded, their arrival moves nothing.
                <Show when=move || wide || ui.facets_due.get()>
                <p id="facet-keys" class="sr-only">{move || tr(Msg::FacetKeys)}</p>
                {facet_group(Msg::StageTitle, "stage", Stage::ALL.to_vec(), |l, s| labels::stage(l, s).to_string(), move |s: Stage| facet(|o| &o.facets.stages, s.index()), ui.filters.stages)}
                <details class="explain">
                    <summary>{move || tr(Msg::WhyNoEqf)}</summary>
                    <p>{move || tr(Msg::StageExplain)}</p>
                </details>
                {facet_group(Msg::Sector, "sector", Sector::ALL.to_vec(), |l, s| labels::sector(l, s).to_string(), move |s: Sector| facet(|o| &o.facets.sectors, s.index()), ui.filters.sectors)}
                {facet_group(Msg::LevelTitle, "level", Eqf::all().collect(), labels::eqf, move |e: Eqf| facet(|o| &o.facets.levels, e.get() as usize - 1), ui.filters.levels)}
                <details class="explain">
                    <summary>{move || tr(Msg::WhatIsEqf)}</summary>
                    <p>{move || tr(Msg::LevelExplain)}</p>
                    <p class="caveat">{move || tr(Msg::AdmissionCaveat)}</p>
                </details>
                {facet_group(Msg::Country, "country", Country::ALL.to_vec(), |l, c| labels::country(l, c).to_string(), move |c: Country| facet(|o| &o.facets.countries, c.index()), ui.filters.countries)}
                {facet_group(Msg::Province, "province", Province::ALL.to_vec(), |l, p| labels::province(l, p).to_string(), move |p: Province| facet(|o| &o.facets.provinces, p.index()), ui.filters.provinces)}
                {facet_group(Msg::LearningForm, "form", LearningForm::ALL.to_vec(), |l, f| labels::learning_form(l, f).to_string(), move |f: LearningForm| facet(|o| &o.facets.learning_forms, f.index()), ui.filters.forms)}
                <button type="button" class="btn-secondary" id="reset" on:click=reset>{move || tr(Msg::ResetFilters)}</button>
                </Show>
            </details>
            <label class="switch">
                <input type="checkbox" id="in-view"
                    prop:checked=move || ui.filters.in_view.get()
                    on:change=move |ev| ui.filters.in_view.set(event_target_checked(&ev)) />
                <span>{move || tr(Msg::OnlyInView)}</span>
            </label>
            <div class="sheet-foot">
                <button type="button" class="btn-primary" id="show-results" on:click=move |_| close_sheet()>
                    {move || {
                        let n = ui.outcome.with(|o| o.as_ref().map_or(0, |o| o.course_count));
                        format!("{} → {}", tr(Msg::Results), crate::core::i18n::courses(ui.lang.get(), n))
                    }}
                </button>
            </div>
        </section>
    }
}

/// When the free text is an occupation's name ("lasser", "nurse"), the occupation to offer:
/// course names rarely contain the job ("Lassen-constructie"), the occupation search finds them.
fn occupation_suggestion() -> Option<(String, String)> {
    let ui = ui();
    if ui.filters.occupation.get().is_some() {
        return None;
    }
    let text = ui.filters.text.get();
    if text.trim().is_empty() {
        return None;
    }
    let occ = Occupations::builtin();
    let o = occ.get(occ.by_name(&text)?)?;
    Some((o.key.clone(), o.label(ui.lang.get()).to_string()))
}

/// Search by occupation: the label typed in any language becomes the occupation filter;
/// with it, the shortage-only switch.
#[component]
fn OccupationPicker() -> impl IntoView {
    let ui = ui();
    // Read on first use (a typed letter, a link with an occupation), not while the page
    // first draws: parsing the vocabulary is a task of its own.
    let occ = Occupations::builtin;
    let label_of = move |key: &str, lang: Lang| {
        occ()
            .by_key(key)
            .and_then(|id| occ().get(id))
            .map(|o| o.label(lang).to_string())
    };
    let typed = RwSignal::new(
        ui.filters
            .occupation
            .get_untracked()
            .and_then(|k| label_of(&k, ui.lang.get_untracked()))
            .unwrap_or_default(),
    );
    // A link, "clear all" or back/forward changes the occupation: show its label.
    Effect::new(move |_| {
        let lang = ui.lang.get();
        match ui.filters.occupation.get() {
            Some(k) => {
                if let Some(l) = label_of(&k, lang) {
                    typed.set(l);
                }
            }
            None => typed.set(String::new()),
        }
    });
    let not_found = RwSignal::new(false);
    let suggestions = Memo::new(move |_| {
        let lang = ui.lang.get();
        if typed.with(|t| t.trim().is_empty()) {
            return Vec::new();
        }
        let occ = occ();
        occ.search(&typed.get(), SUGGESTIONS)
            .into_iter()
            .filter_map(|id| occ.get(id))
            .map(|o| o.label(lang).to_string())
            .collect::<Vec<_>>()
    });
    let choose = move || {
        let q = typed.get_untracked();
        if q.trim().is_empty() {
            ui.filters.occupation.set(None);
            return;
        }
        let occ = occ();
        match occ.search(&q, 1).first().and_then(|id| occ.get(*id)) {
            Some(o) => {
                not_found.set(false);
                typed.set(o.label(ui.lang.get_untracked()).to_string());
                if ui.filters.occupation.get_untracked().as_deref() != Some(o.key.as_str()) {
                    ui.filters.occupation.set(Some(o.key.clone()));
                }
            }
            None => not_found.set(true),
        }
    };
    let shortage_count = move || {
        ui.outcome
            .with(|o| o.as_ref().map_or(0, |o| o.facets.shortage))
    };
    view! {
        <fieldset class="occupation">
            <legend>{move || tr(Msg::OccupationLabel)}</legend>
            <p class="hint">{move || tr(Msg::OccupationHint)}</p>
            <div class="origin-row">
                <label for="occupation-input" class="sr-only">{move || tr(Msg::OccupationLabel)}</label>
                <input id="occupation-input" type="search" list="occupation-suggestions" autocomplete="off"
                    placeholder=move || tr(Msg::OccupationPlaceholder)
                    aria-describedby="occupation-not-found"
                    prop:value=move || typed.get()
                    on:input=move |ev| {
                        not_found.set(false);
                        let v = event_target_value(&ev);
                        if v.is_empty() { ui.filters.occupation.set(None) }
                        typed.set(v);
                    }
                    on:change=move |_| choose()
                    on:keydown=move |ev| if ev.key() == "Enter" { choose() } />
                <datalist id="occupation-suggestions">
                    <For each=move || suggestions.get() key=|l| l.clone() let:l>
                        <option value=l></option>
                    </For>
                </datalist>
            </div>
            <Show when=move || not_found.get()>
                <p class="hint error-text" id="occupation-not-found" role="alert">{move || tr(Msg::OccupationNone)}</p>
            </Show>
            <Show when=move || ui.filters.occupation.get().is_some()>
                <p class="origin-set">
                    <button type="button" class="btn-link" id="occupation-clear" on:click=move |_| ui.filters.occupation.set(None)>{move || tr(Msg::OccupationClear)}</button>
                </p>
            </Show>
            <div class="opt shortage-opt" class:zero=move || shortage_count() == 0 && !ui.filters.shortage_only.get()>
                <input type="checkbox" id="shortage-only"
                    prop:checked=move || ui.filters.shortage_only.get()
                    on:change=move |ev| ui.filters.shortage_only.set(event_target_checked(&ev)) />
                <label for="shortage-only">
                    <span class="opt-label">{move || tr(Msg::ShortageOnly)}</span>
                    <span class="opt-count">{shortage_count}</span>
                </label>
            </div>
            <details class="explain">
                <summary>{move || tr(Msg::ShortageWhat)}</summary>
                <p>{move || tr(Msg::ShortageExplain)}</p>
            </details>
        </fieldset>
    }
}

#[component]
fn OriginPicker() -> impl IntoView {
    let ui = ui();
    let typed = RwSignal::new(
        ui.filters
            .origin
            .get_untracked()
            .map(|(_, l)| l)
            .unwrap_or_default(),
    );
    // A link, a chip, the map or back/forward changes the starting point: show its name.
    Effect::new(move |_| {
        let place = ui.filters.origin.get().map(|(_, l)| l).unwrap_or_default();
        if typed.get_untracked() != place {
            typed.set(place);
        }
    });
    let not_found = RwSignal::new(false);
    let suggestions = Memo::new(move |_| {
        let q = typed.get();
        ui.gazetteer.with(|g| {
            g.as_ref()
                .map(|g| {
                    g.suggest(&q, SUGGESTIONS)
                        .into_iter()
                        .map(|p| (p.label(), p.lon_lat))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let choose = move || {
        let q = typed.get_untracked();
        // `change` follows Enter with the same text: nothing new to look up.
        if q.trim().is_empty()
            || ui
                .filters
                .origin
                .with_untracked(|o| o.as_ref().is_some_and(|(_, l)| *l == q))
        {
            return;
        }
        let hit =
            suggestions.with_untracked(|s| s.iter().find(|(l, _)| *l == q).or(s.first()).cloned());
        match hit {
            Some((label, at)) => {
                not_found.set(false);
                typed.set(label.clone());
                ui.filters.origin.set(Some((at, label)));
            }
            None => not_found.set(true),
        }
    };
    let locate = move |_| {
        browser::locate(move |p: LonLat| {
            ui.filters.origin.set(Some((
                p,
                Msg::MyLocation.text(ui.lang.get_untracked()).to_string(),
            )))
        });
    };
    view! {
        <fieldset class="origin">
            <legend>{move || tr(Msg::StartingPoint)}</legend>
            <div class="origin-row">
                <label for="origin-input" class="sr-only">{move || tr(Msg::PlaceOrPostcode)}</label>
                <input id="origin-input" type="text" list="origin-suggestions" autocomplete="off"
                    placeholder=move || tr(Msg::PlacePlaceholder)
                    prop:value=move || typed.get()
                    on:input=move |ev| { not_found.set(false); typed.set(event_target_value(&ev)); }
                    on:change=move |_| choose()
                    on:keydown=move |ev| if ev.key() == "Enter" { choose() } />
                <datalist id="origin-suggestions">
                    <For each=move || suggestions.get() key=|(l, _)| l.clone() let:s>
                        <option value=s.0></option>
                    </For>
                </datalist>
            </div>
            <Show when=move || not_found.get()>
                <p class="hint error-text" id="origin-not-found" role="alert">{move || tr(Msg::UnknownPlace)}</p>
            </Show>
            <div class="origin-actions">
                <button type="button" class="btn-link" id="origin-locate" on:click=locate>{move || tr(Msg::UseMyLocation)}</button>
                <button type="button" class="btn-link" id="origin-pick" aria-pressed=move || ui.picking.get().to_string() on:click=move |_| ui.picking.update(|p| *p = !*p)>
                    {move || if ui.picking.get() { tr(Msg::ClickMapNow) } else { tr(Msg::PickOnMap) }}
                </button>
            </div>
            <Show when=move || ui.filters.origin.get().is_some()>
                <p class="origin-set" id="origin-label">
                    {move || ui.filters.origin.get().map(|(_, l)| format!("{}: {l}", tr(Msg::From)))}
                    <button type="button" class="btn-link" id="origin-clear" on:click=move |_| { ui.filters.origin.set(None); typed.set(String::new()); }>{move || tr(Msg::Clear)}</button>
                </p>
                <label class="radius" for="radius">{move || tr(Msg::Distance)}
                    <select id="radius" on:change=move |ev| ui.filters.radius_km.set(event_target_value(&ev).parse::<u32>().ok())>
                        <option value="" selected=move || ui.filters.radius_km.get().is_none()>{move || tr(Msg::NoLimit)}</option>
                        // A link's own radius (an embed's `km`) is listed too, else the
                        // select would say "no limit" beside a circle of that radius.
                        {move || {
                            let mut radii = RADII_KM.to_vec();
                            if let Some(r) = ui.filters.radius_km.get().filter(|r| !RADII_KM.contains(r)) {
                                radii.push(r);
                                radii.sort_unstable();
                            }
                            radii.into_iter().map(|r| {
                                view! { <option value=r.to_string() selected=move || ui.filters.radius_km.get() == Some(r)>{move || format!("{} {r} km", tr(Msg::Within))}</option> }
                            }).collect_view()
                        }}
                    </select>
                </label>
                <p class="hint">{move || tr(Msg::DistanceNote)}</p>
            </Show>
        </fieldset>
    }
}

#[component]
pub fn Glossary() -> impl IntoView {
    let ui = ui();
    view! {
        <details class="about glossary" id="glossary">
            <summary>{move || tr(Msg::Glossary)}</summary>
            <p class="hint">{move || tr(Msg::GlossaryIntro)}</p>
            <dl>
                {GLOSSARY.iter().map(|t| view! {
                    <dt>{t.term}</dt>
                    <dd>{move || t.text(ui.lang.get())}</dd>
                }).collect_view()}
            </dl>
        </details>
    }
}

/// A source's name without its per-record detail ("Onderwijs Vlaanderen, … (schoolnummer
/// 12345)" → "Onderwijs Vlaanderen, …"): the source as a reader counts it.
fn source_group(name: &str) -> &str {
    name.split(" (").next().unwrap_or(name)
}

/// Where an open-data download lies beside the shipped dataset.
fn download_path(name: &str) -> String {
    let dir = super::DEFAULT_DATA.rsplit_once('/').map_or("", |(d, _)| d);
    format!("{dir}/{OPEN_DATA_DIR}/{name}")
}

#[component]
pub fn About() -> impl IntoView {
    let ui = ui();
    let stats = move || {
        let lang = ui.lang.get();
        ui.catalog.with(|c| {
            c.as_ref().map(|c| {
                let n = |p| c.data.providers.iter().filter(|x| x.location_precision == p).count();
                let sources: BTreeSet<&str> = c
                    .data
                    .providers
                    .iter()
                    .flat_map(|p| std::iter::once(&p.source).chain(&p.other_sources))
                    .map(|s| source_group(&s.name))
                    .collect();
                let (a, pc, t, g) = (
                    n(LocationPrecision::Address),
                    n(LocationPrecision::Postcode),
                    n(LocationPrecision::Town),
                    n(LocationPrecision::Geocoded),
                );
                match lang {
                    Lang::Nl => format!("{} locaties, {} opleidingen, uit {} bronnen. Ligging op adres: {a}, op postcode: {pc}, op gemeente: {t}, punt van de bron: {g}.", c.data.providers.len(), c.data.courses.len(), sources.len()),
                    Lang::En => format!("{} locations, {} courses, from {} sources. Located at the address: {a}, at postcode: {pc}, at town: {t}, at the source's point: {g}.", c.data.providers.len(), c.data.courses.len(), sources.len()),
                    Lang::Fr => format!("{} sites, {} formations, de {} sources. Localisés à l'adresse : {a}, au code postal : {pc}, à la commune : {t}, au point de la source : {g}.", c.data.providers.len(), c.data.courses.len(), sources.len()),
                }
            })
        })
    };
    let coverage_table = move || {
        let lang = ui.lang.get();
        ui.coverage.with(|cov| {
            cov.as_ref().map(|cov| {
                let stages: Vec<Stage> = Stage::ALL.to_vec();
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="coverage-title">
                    <table class="coverage" id="coverage">
                        // Stages as rows, the three provinces as columns: it fits the
                        // list's column without scrolling sideways.
                        <thead><tr>
                            <th scope="col">{Msg::StageTitle.text(lang)}</th>
                            {Province::ALL.iter().map(|p| view! { <th scope="col">{labels::province(lang, *p)}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                        {stages.iter().map(|s| {
                            let cells = Province::ALL.iter().map(|p| {
                                match cov.cells.get(&(*p, *s)) {
                                    Some(cell) => {
                                        let title = format!("{}: {}{}", Msg::SourcesWord.text(lang),
                                            cell.sources.iter().cloned().collect::<Vec<_>>().join("; "),
                                            cell.newest.as_ref().map(|d| format!(" ({} {d})", Msg::NewestDate.text(lang))).unwrap_or_default());
                                        view! { <td title=title>{format!("{} {} · {} {}", cell.courses, Msg::CoursesWord.text(lang), cell.locations, Msg::Locations.text(lang))}</td> }.into_any()
                                    }
                                    None => view! { <td class="gap">"—"</td> }.into_any(),
                                }
                            }).collect_view();
                            view! {
                                <tr>
                                    <th scope="row">{labels::stage_short(lang, *s)}</th>
                                    {cells}
                                </tr>
                            }
                        }).collect_view()}
                        <tr>
                            <th scope="row">{Msg::OfferNotListed.text(lang)}</th>
                            {Province::ALL.iter().map(|p| {
                                let unlisted = cov.unlisted.get(p).copied().unwrap_or(0);
                                view! { <td>{if unlisted > 0 { format!("{unlisted} {}", Msg::Locations.text(lang)) } else { "—".to_string() }}</td> }
                            }).collect_view()}
                        </tr>
                        </tbody>
                    </table>
                    </div>
                }
            })
        })
    };
    let data_sources = move || {
        let lang = ui.lang.get();
        ui.catalog.with(|c| {
            c.as_ref().map(|c| {
                // One line per source: name, licence and how many locations cite it.
                let mut by_name: std::collections::BTreeMap<
                    &str,
                    (Option<&str>, Option<&str>, usize),
                > = Default::default();
                for p in &c.data.providers {
                    for s in std::iter::once(&p.source).chain(&p.other_sources) {
                        let e = by_name.entry(s.name.as_str()).or_insert((
                            s.licence.as_deref(),
                            s.url.as_deref(),
                            0,
                        ));
                        e.2 += 1;
                    }
                }
                // Per-school source names differ only by the school number: group them.
                let mut grouped: std::collections::BTreeMap<
                    String,
                    (Option<&str>, Option<&str>, usize),
                > = Default::default();
                for (name, v) in by_name {
                    let base = source_group(name).to_string();
                    let e = grouped.entry(base).or_insert((v.0, v.1, 0));
                    e.2 += v.2;
                }
                grouped
                    .into_iter()
                    .map(|(name, (licence, _url, n))| {
                        let licence = match licence {
                            Some(LICENCE_NOT_STATED) => {
                                Msg::LicenceNotStated.text(lang).to_string()
                            }
                            Some(l) => format!("{} {l}", Msg::Licence.text(lang)),
                            None => String::new(),
                        };
                        let tail = if licence.is_empty() {
                            format!(" — {n} {}", Msg::Locations.text(lang))
                        } else {
                            format!(" — {licence}; {n} {}", Msg::Locations.text(lang))
                        };
                        view! { <li><span translate="no">{name}</span>{tail}</li> }
                    })
                    .collect_view()
            })
        })
    };
    let pick_file = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        let name = file.name();
        ui.status.set(Status::Loading);
        spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(v) => {
                    ui.source_label.set(format!(
                        "{} {name}",
                        Msg::File.text(ui.lang.get_untracked())
                    ));
                    ui.apply_data(v.as_string().unwrap_or_default());
                }
                Err(_) => ui.status.set(Status::Failed(format!(
                    "{}: {name}",
                    Msg::FileReadFailed.text(ui.lang.get_untracked())
                ))),
            }
        });
    };
    // The counts, the coverage table and the sources are read from the whole dataset: built
    // when the panel is first opened, not in the frames that draw the first results (on a
    // phone they were a ~60-85 ms task at 4x).
    let opened = RwSignal::new(false);
    let on_toggle = move |_| {
        if !opened.get_untracked() {
            opened.set(true);
        }
    };
    view! {
        <details class="about" id="about" on:toggle=on_toggle>
            <summary>{move || tr(Msg::About)}</summary>
            <p>{move || tr(Msg::AboutIntro)}</p>
            <p id="about-stats">{move || opened.get().then(stats)}</p>
            <p>
                {move || format!("{}: {}", tr(Msg::Loaded), ui.source_label.get())}
                {move || ui.meta.get().compiled.map(|d| format!(", {} {d}", tr(Msg::Compiled)))}
                "."
            </p>
            {move || ui.meta.get().note.map(|n| view! { <p class="hint" translate="no">{n}</p> })}
            <h3 id="coverage-title">{move || tr(Msg::Coverage)}</h3>
            <p class="hint">{move || tr(Msg::CoverageIntro)}</p>
            {move || opened.get().then(coverage_table)}
            <h3>{move || tr(Msg::DataSources)}</h3>
            <ul id="data-sources">{move || opened.get().then(data_sources)}</ul>
            <p>
                <button type="button" class="btn-secondary" id="about-partner" on:click=move |_| {
                    ui.partner_open.set(true);
                    request_animation_frame(|| super::browser::focus("#partner-template"));
                }>{move || tr(Msg::PartnerOpen)}</button>
            </p>
            <h3 id="downloads-title">{move || tr(Msg::Downloads)}</h3>
            <p class="hint">{move || tr(Msg::DownloadsIntro)}</p>
            {ui.data_param.get_value().is_some().then(|| view! { <p class="hint" id="downloads-shipped">{move || tr(Msg::DownloadsShipped)}</p> })}
            <ul class="downloads" id="downloads" aria-labelledby="downloads-title">
                <li><a href=super::DEFAULT_DATA download="leerkaart-scheldemond.geojson" type="application/geo+json">{move || tr(Msg::DownloadGeoJson)}</a></li>
                <li><a href=download_path(OPEN_DATA_CSV) download=OPEN_DATA_CSV type="text/csv">{move || tr(Msg::DownloadCsv)}</a></li>
                <li><a href=download_path(OPEN_DATA_OOAPI) download=OPEN_DATA_OOAPI type="application/json">{move || tr(Msg::DownloadOoapi)}</a></li>
            </ul>
            <h3>{move || tr(Msg::SourcesLicences)}</h3>
            <ul>
                <li>{move || tr(Msg::SourceInstitutions)}</li>
                <li>{move || tr(Msg::SourceLevels)}</li>
                <li>{move || tr(Msg::SourceMap)}</li>
                <li>{move || tr(Msg::SourcePlaces)}</li>
                <li>{move || tr(Msg::SourceBorders)}</li>
                <li>{move || tr(Msg::SourceOccupations)}</li>
                <li>{move || tr(Msg::SourceLeaflet)}</li>
            </ul>
            <h3>{move || tr(Msg::ReportError)}</h3>
            <p>{move || tr(Msg::ReportErrorText)}</p>
            <h3>{move || tr(Msg::OtherDataset)}</h3>
            <p class="hint">{move || tr(Msg::OtherDatasetHint)}</p>
            <label for="data-file" class="file-label">{move || tr(Msg::ChooseFile)}</label>
            <input id="data-file" type="file" accept=".geojson,.json,.geojsonl,.ndjson" on:change=pick_file />
        </details>
    }
}
