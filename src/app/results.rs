//! The results list, the shortlist and its side-by-side comparison, and CSV export.

use std::sync::Arc;

use leptos::prelude::*;

use super::{advice_on, browser, open_provider, tr, ui, Status, FIRST_ROWS, LIST_PAGE};
use crate::core::guidance::GuidancePoint;
use crate::core::i18n::{self, Lang, Msg};
use crate::core::listing::{self, RowAction, RowState};
use crate::core::share::qr_svg;
use crate::core::shortlist;
use crate::core::url::MAX_SHARED_SHORTLIST;
use crate::core::{
    labels, safe_http_url, CourseId, Filter, FilterOutcome, ProviderHit, ProviderId,
};
use leptos::task::spawn_local;

fn toggle_star(key: &str) {
    ui().shortlist.update(|l| {
        if let Some(i) = l.iter().position(|k| k == key) {
            l.remove(i);
        } else if l.len() < shortlist::MAX_ITEMS {
            l.push(key.to_string());
        }
    });
}

fn export_results() {
    let ui = ui();
    let (Some(c), Some(o)) = (ui.catalog.get_untracked(), ui.outcome.get_untracked()) else {
        return;
    };
    let rows: Vec<(CourseId, Option<f64>)> = o
        .providers
        .iter()
        .flat_map(|h| h.courses.iter().map(move |c| (*c, h.distance_km)))
        .collect();
    browser::download(
        "leerkaart-resultaten.csv",
        "text/csv;charset=utf-8",
        &shortlist::to_csv(&c, &rows, ui.lang.get_untracked()),
    );
}

/// The shortlisted courses present in the loaded data, with their distance from the origin.
fn shortlisted() -> Vec<(CourseId, Option<f64>)> {
    let ui = ui();
    let Some(c) = ui.catalog.get() else {
        return Vec::new();
    };
    let origin = ui.filters.origin.get().map(|(o, _)| o);
    ui.shortlist
        .get()
        .iter()
        .filter_map(|k| shortlist::find(&c, k))
        .map(|cid| {
            let p = &c.data.providers[c.data.courses[cid as usize].provider as usize];
            (
                cid,
                origin.map(|o| crate::core::travel::estimate(o, p.lon_lat).estimate_km),
            )
        })
        .collect()
}

/// How many rows of which result set the list has drawn so far.
#[derive(Clone, Default)]
struct Drawn {
    outcome: Option<Arc<FilterOutcome>>,
    /// `usize::MAX` once its page is complete.
    rows: usize,
}

impl Drawn {
    /// The rows to draw of `outcome`: as many as drawn so far if it is this set, else the
    /// first rows. The set is compared by its rows, not by identity: the outcome memo keeps
    /// a recomputed equal value without telling anyone.
    fn rows_of(&self, outcome: &Arc<FilterOutcome>) -> usize {
        match &self.outcome {
            Some(d) if Arc::ptr_eq(d, outcome) || d.providers == outcome.providers => self.rows,
            _ => FIRST_ROWS,
        }
    }
}

#[component]
pub fn ResultList() -> impl IntoView {
    let ui = ui();
    // A new result set (the first data, a filter clicked, the map panned with "in view") is
    // drawn a few rows per frame: the frame that shows it has its first rows (more than a
    // screen shows), and the rest of the page follows in the next frames. Laying out a page
    // of 25 locations with their courses in the click's frame was most of that frame.
    let drawn = RwSignal::new(Drawn::default());
    let generation = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let outcome = ui.outcome.get();
        let this = generation.get_value() + 1;
        generation.set_value(this);
        spawn_local(async move {
            let mut rows = FIRST_ROWS;
            loop {
                browser::after_next_paint().await;
                if generation.get_value() != this {
                    return;
                }
                rows += FIRST_ROWS;
                // A longer page ("show more", a selection further down) comes at once.
                let done = rows >= ui.shown.get_untracked().min(LIST_PAGE);
                drawn.set(Drawn {
                    outcome: outcome.clone(),
                    rows: if done { usize::MAX } else { rows },
                });
                if done {
                    browser::mark("leerkaart:rendered-page");
                    return;
                }
            }
        });
    });
    // The listed page of results: the rows, and each row's courses (a row finds its own
    // among a page's worth rather than among every matching provider: 125k at 1M courses).
    let listed = Memo::new(move |_| {
        ui.outcome.with(|o| {
            let Some(o) = o.as_ref() else {
                return Vec::new();
            };
            let rows = drawn.with(|d| d.rows_of(o)).min(ui.shown.get());
            o.providers.iter().take(rows).cloned().collect()
        })
    });
    let hits = move || {
        let lang = ui.lang.get();
        listed.with(|l| l.iter().map(|h| (h.clone(), lang)).collect::<Vec<_>>())
    };
    let total = move || {
        ui.outcome
            .with(|o| o.as_ref().map_or(0, |o| o.providers.len()))
    };
    view! {
        <section class="results" aria-label=move || tr(Msg::Results)>
            <div class="results-tools">
                <button type="button" class="btn-secondary" id="open-compare" on:click=move |_| {
                    ui.compare_open.set(true);
                    // Into the sheet, for keyboard and screen-reader users (Escape returns).
                    request_animation_frame(|| browser::focus("#compare-title"));
                }>
                    {move || format!("★ {} ({})", tr(Msg::Shortlist), ui.shortlist.get().len())}
                </button>
                <button type="button" class="btn-link" id="export-results" on:click=move |_| export_results()>{move || tr(Msg::ExportResults)}</button>
                // Always in its place (it only becomes usable when the points are in), so
                // that its arrival moves nothing.
                <Show when=move || ui.guidance.with(|g| g.as_ref().is_none_or(|g| !g.points.is_empty()))>
                    <label class="advice-toggle" class:pending=move || ui.guidance.with(Option::is_none)>
                        <input type="checkbox" id="advice-toggle"
                            prop:checked=move || advice_on(ui.advice, &ui.filter.get(), ui.outcome)
                            on:change=move |ev| ui.advice.set(Some(event_target_checked(&ev))) />
                        <span class="mk-advice-swatch" aria-hidden="true">"i"</span>
                        {move || tr(Msg::AdviceTitle)}
                    </label>
                </Show>
            </div>
            // What the map is for, where the list will be: the rows take its place (nothing
            // above them moves).
            <Show when=move || ui.status.get() == Status::Loading>
                <p class="intro" id="intro">{move || tr(Msg::Intro)}</p>
            </Show>
            <Show when=move || ui.status.get() == Status::Ready && total() == 0>
                <div class="empty" id="no-results">
                    {move || {
                        let gaps = facet_gap_lines();
                        // The province-by-stage gap says the same again when a value has
                        // no course at all: only one of them.
                        let uncovered = if gaps.is_empty() { uncovered_text() } else { None };
                        let plain = gaps.is_empty() && uncovered.is_none();
                        view! {
                            {(!gaps.is_empty()).then(|| view! {
                                <div class="facet-gaps" id="facet-gaps">
                                    {gaps.into_iter().map(|t| view! { <p class="gap"><strong>{t}</strong></p> }).collect_view()}
                                    <p class="gap-advice">{tr(Msg::GapAdvice)}</p>
                                </div>
                            })}
                            {uncovered.map(|gaps| view! {
                                <p class="not-covered" id="not-covered"><strong>{tr(Msg::NotCoveredYet)}</strong>{format!(" {gaps}. ")}{tr(Msg::NotCoveredAdvice)}</p>
                            })}
                            {plain.then(|| view! { <p>{tr(Msg::NoResults)}</p> })}
                        }
                    }}
                </div>
            </Show>
            <ol class="result-list" id="results">
                <For each=hits key=|(h, lang): &(ProviderHit, Lang)| (h.provider, h.distance_km.map(f64::to_bits), *lang) let:hit>
                    {result_item(hit.0, hit.1, listed)}
                </For>
            </ol>
            // What follows the rows waits, unseen but in place, until the page of rows is
            // complete: drawn under the first rows it would be pushed down a frame later (a
            // layout shift).
            <div class="after-rows" class:pending=move || {
                listed.with(Vec::len) < ui.shown.get().min(total())
            }>
                <Show when=move || { total() > ui.shown.get() }>
                    <button type="button" class="btn-secondary more" on:click=move |_| ui.shown.update(|n| *n += LIST_PAGE)>
                        {move || format!("{} ({} {} {})", tr(Msg::ShowMore), ui.shown.get().min(total()), tr(Msg::Of), total())}
                    </button>
                </Show>
                <UnlistedList />
                <AdviceList />
            </div>
        </section>
    }
}

/// The filter's (province, stage) pairs the data does not cover, as words, when the list is
/// empty because of them: "mbo in Zeeland".
fn uncovered_text() -> Option<String> {
    let ui = ui();
    let lang = ui.lang.get();
    let filter = ui.filter.get();
    ui.catalog.with(|c| {
        let c = c.as_ref()?;
        let cov = ui.coverage.get()?;
        let gaps = crate::core::coverage::uncovered(c, &cov, &filter);
        (!gaps.is_empty()).then(|| {
            gaps.iter()
                .map(|(p, s)| {
                    format!(
                        "{} — {}",
                        labels::stage(lang, *s),
                        labels::province(lang, *p)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
    })
}

/// Why the chosen filter values give nothing, one sentence each: "This data has no courses
/// with ‘Evening classes’ yet."
fn facet_gap_lines() -> Vec<String> {
    let ui = ui();
    let lang = ui.lang.get();
    let filter = Filter {
        bounds: if ui.filters.in_view.get() {
            ui.view_bounds.get()
        } else {
            None
        },
        ..ui.filter.get()
    };
    ui.catalog.with(|c| {
        c.as_ref().map_or_else(Vec::new, |c| {
            crate::core::coverage::facet_gaps(c, &filter)
                .into_iter()
                .map(|(v, scope)| labels::facet_gap(lang, v, scope))
                .collect()
        })
    })
}

/// Where to get advice: places near the chosen area (nearest first) and the services of its
/// province without an office; shown when asked for, when the filters point to adults, or
/// when nothing matches. Never counted as courses.
#[component]
fn AdviceList() -> impl IntoView {
    let ui = ui();
    let on = move || advice_on(ui.advice, &ui.filter.get(), ui.outcome);
    let items = move || {
        let lang = ui.lang.get();
        let Some(g) = ui.guidance.get() else {
            return Vec::new();
        };
        ui.advice_view.with(|v| {
            v.located
                .iter()
                .take(crate::core::guidance::MAX_LISTED)
                .map(|(i, d)| (g.points[*i].clone(), *d, false, lang))
                .chain(
                    v.regional
                        .iter()
                        .map(|i| (g.points[*i].clone(), None, true, lang)),
                )
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || on() && ui.guidance.with(|g| g.is_some())>
            <section class="advice" id="advice" aria-labelledby="advice-title">
                <h2 id="advice-title"><span class="mk-advice-swatch" aria-hidden="true">"i"</span>{move || tr(Msg::AdviceTitle)}</h2>
                <p class="hint">{move || tr(Msg::AdviceHint)}</p>
                <Show when=move || items().is_empty()>
                    <p class="empty">{move || tr(Msg::AdviceNone)}</p>
                </Show>
                <ul class="advice-list">
                    <For each=items key=|(g, d, _, lang)| (g.key.clone(), d.map(f64::to_bits), *lang) let:item>
                        {advice_item(item.0, item.1, item.2, item.3)}
                    </For>
                </ul>
            </section>
        </Show>
    }
}

fn advice_item(
    g: GuidancePoint,
    distance: Option<f64>,
    regional: bool,
    lang: Lang,
) -> impl IntoView {
    let place = if regional {
        format!(
            "{} — {}",
            labels::province(lang, g.province),
            Msg::AdviceRegional.text(lang)
        )
    } else {
        [g.street.as_deref(), g.place.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    };
    let when = match &g.date {
        Some(d) => format!("{} {d}", Msg::DatedAsOf.text(lang)),
        None => Msg::DateNotShown.text(lang).to_string(),
    };
    let url = g.source.url.as_deref().and_then(safe_http_url);
    let source = g.source.name.clone();
    view! {
        <li class="advice-item">
            <p class="result-head">
                <span class="result-name" translate="no">{g.name.clone()}</span>
                {distance.map(|d| view! { <span class="distance">{labels::distance_km(lang, d)}</span> })}
            </p>
            <p class="result-meta">{labels::guidance_kind(lang, g.kind)}</p>
            <p class="advice-place" translate="no">{place}</p>
            <p class="result-foot">
                {format!("{}: ", Msg::Source.text(lang))}
                {match url {
                    Some(u) => view! { <a href=u target="_blank" rel="noopener noreferrer" translate="no">{source}</a> }.into_any(),
                    None => view! { <span translate="no">{source}</span> }.into_any(),
                }}
                <span class="precision">{format!(" · {when}")}</span>
            </p>
        </li>
    }
}

/// Locations known to be there whose offer the data does not list: apart from the results,
/// with the same place filters, never hidden by a course filter.
#[component]
fn UnlistedList() -> impl IntoView {
    let ui = ui();
    let shown = RwSignal::new(LIST_PAGE);
    let hits = move || {
        ui.outcome.with(|o| {
            o.as_ref()
                .map(|o| {
                    o.unlisted
                        .iter()
                        .take(shown.get())
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let total = move || {
        ui.outcome
            .with(|o| o.as_ref().map_or(0, |o| o.unlisted.len()))
    };
    // Open when no listed course matches: then these are all the search found (a job seeker
    // asking for adult education meets the centres whose offer is not listed, not a fold).
    let only_these = move || {
        ui.outcome
            .with(|o| o.as_ref().is_some_and(|o| o.providers.is_empty()))
    };
    view! {
        <Show when=move || { total() > 0 }>
            <details class="unlisted" id="unlisted" open=only_these>
                <summary>{move || format!("{} ({})", tr(Msg::UnlistedTitle), total())}</summary>
                <p class="hint">{move || tr(Msg::UnlistedHint)}</p>
                <ul class="unlisted-list">
                    <For each=hits key=|h: &ProviderHit| (h.provider, h.distance_km.map(f64::to_bits)) let:hit>
                        {unlisted_item(hit)}
                    </For>
                </ul>
                <Show when=move || { total() > shown.get() }>
                    <button type="button" class="btn-secondary more" on:click=move |_| shown.update(|n| *n += LIST_PAGE)>
                        {move || format!("{} ({} {} {})", tr(Msg::ShowMore), shown.get().min(total()), tr(Msg::Of), total())}
                    </button>
                </Show>
            </details>
        </Show>
    }
}

fn unlisted_item(hit: ProviderHit) -> impl IntoView {
    let ui = ui();
    let Some(cat) = ui.catalog.get_untracked() else {
        return ().into_any();
    };
    let pid = hit.provider;
    let p = cat.data.providers[pid as usize].clone();
    let kind = p.kind;
    let meta = format!("{} · {}", p.municipality, p.country.code());
    let website = p.website.as_deref().and_then(safe_http_url);
    let distance = hit.distance_km;
    let source = p.source.name.clone();
    let fields = p
        .fields
        .iter()
        .map(|f| f.name.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <li class="unlisted-item" id=format!("unlisted-{pid}")>
            <button type="button" class="result-head" on:click=move |_| open_provider(pid)>
                <span class="result-name" translate="no">{p.name.clone()}</span>
                {distance.map(|d| view! { <span class="distance">{move || labels::distance_km(ui.lang.get(), d)}</span> })}
            </button>
            <p class="result-meta">{move || format!("{} · {meta}", labels::institution_kind(ui.lang.get(), kind))}</p>
            <p class="offer-note"><span class="badge unlisted-badge">{move || tr(Msg::OfferNotListed)}</span>" "{move || tr(Msg::OfferNotListedLong)}</p>
            {(!fields.is_empty()).then(|| view! {
                <p class="known-fields"><strong>{move || format!("{}: ", tr(Msg::KnownFields))}</strong><span translate="no">{fields.clone()}</span><span class="hint">{move || format!(" ({})", tr(Msg::KnownFieldsNote))}</span></p>
            })}
            <p class="result-foot">
                {website.map(|u| view! { <a href=u target="_blank" rel="noopener noreferrer">{move || tr(Msg::InstitutionWebsite)}</a> })}
                <span class="precision">{move || format!("{} · {}: {source}", labels::precision(ui.lang.get(), &p), tr(Msg::Source))}</span>
            </p>
        </li>
    }
    .into_any()
}

/// One result row: its inside is HTML text from the core (`listing::result_row_html`),
/// written with one `innerHTML` update, and redrawn only when its courses or its "show all"
/// state change (a star is updated in place). Its buttons carry `data-act`; one click
/// handler on the row serves them all. The list is keyed by language and distance, so those
/// changes make a new row.
fn result_item(hit: ProviderHit, lang: Lang, listed: Memo<Vec<ProviderHit>>) -> impl IntoView {
    let ui = ui();
    let Some(cat) = ui.catalog.get_untracked() else {
        return ().into_any();
    };
    let pid: ProviderId = hit.provider;
    let here = cat.data.providers[pid as usize].lon_lat;
    // Providers sharing the selected one's point are highlighted with it (one marker).
    let is_selected = move || {
        ui.selected.get().is_some_and(|s| {
            ui.catalog.with_untracked(|c| {
                c.as_ref()
                    .is_some_and(|c| c.data.providers[s as usize].lon_lat == here)
            })
        })
    };
    let origin = ui.filters.origin.get_untracked().map(|(o, _)| o);
    // The row stays while its provider stays in the list; its courses follow the filters.
    let courses_now = Memo::new(move |_| {
        listed.with(|l| {
            l.iter()
                .find(|h| h.provider == pid)
                .map(|h| h.courses.clone())
                .unwrap_or_default()
        })
    });
    let expanded = RwSignal::new(false);
    let html = Memo::new(move |_| {
        let now = ProviderHit {
            courses: courses_now.get(),
            ..hit.clone()
        };
        let expanded = expanded.get();
        // Untracked: a star click updates its button in place (the effect below), so the
        // row is not redrawn and the button keeps its focus and identity.
        ui.shortlist.with_untracked(|list| {
            let starred = |key: &str| list.iter().any(|k| k == key);
            let state = RowState {
                lang,
                origin,
                expanded,
                starred: &starred,
            };
            listing::result_row_html(&cat, &now, &state)
        })
    });
    let row_id = format!("result-{pid}");
    Effect::new({
        let row_id = row_id.clone();
        move |_| {
            ui.shortlist
                .with(|list| browser::sync_stars(&row_id, |key| list.iter().any(|k| k == key)));
        }
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some((act, key, focused)) = browser::row_action(&ev) else {
            return;
        };
        match act {
            RowAction::Open => open_provider(pid),
            RowAction::Star => toggle_star(&key),
            RowAction::More => expanded.update(|e| *e = !*e),
            RowAction::Occupation => ui.filters.occupation.set(Some(key.clone())),
            RowAction::Glossary => open_glossary(),
        }
        // "Show all" redraws the row's inside: give the keyboard focus back to the same
        // button in the new markup, before it is painted.
        if focused && act == RowAction::More {
            let row = format!("result-{pid}");
            request_animation_frame(move || browser::focus_action(&row, act.code(), &key));
        }
    };
    view! {
        <li class="result" id=row_id class:selected=is_selected
            on:click=on_click inner_html=move || html.get()></li>
    }
    .into_any()
}

/// The occupation searched for: its shortage status with sources, and the courses leading
/// there as a path from the lowest level up.
#[component]
pub fn OccupationCard() -> impl IntoView {
    let ui = ui();
    // On a phone the card is below the filters: bring a newly chosen occupation to the top.
    Effect::new(move |prev: Option<Option<String>>| {
        let current = ui.filters.occupation.get();
        if current.is_some()
            && prev.as_ref().is_some_and(|p| *p != current)
            && !super::wide_screen()
        {
            browser::scroll_to_top("occupation-card");
        }
        current
    });
    let card = move || {
        let key = ui.filters.occupation.get()?;
        let cat = ui.catalog.get()?;
        let occ = cat.occupations.clone();
        let id = occ.by_key(&key)?;
        let o = occ.get(id)?.clone();
        let lang = ui.lang.get();
        let outcome = ui.outcome.get()?;
        let path = cat.learning_path(&outcome);
        let distance: std::collections::HashMap<ProviderId, f64> = outcome
            .providers
            .iter()
            .filter_map(|h| h.distance_km.map(|d| (h.provider, d)))
            .collect();
        let statuses = occ.latest(id).into_iter().cloned().collect::<Vec<_>>();
        let status_view = if statuses.is_empty() {
            view! { <p class="hint" id="occupation-no-shortage">{Msg::NoShortageKnown.text(lang)}</p> }.into_any()
        } else {
            view! {
                <ul class="shortage-list" id="occupation-shortage">
                    {statuses.into_iter().map(|s| {
                        let url = safe_http_url(&s.source_url);
                        view! {
                            <li>
                                <span class="badge shortage">{labels::shortage_status(lang, &s)}</span>
                                " "
                                <span class="hint">{format!("{}: ", Msg::Source.text(lang))}
                                    {match url {
                                        Some(u) => view! { <a href=u target="_blank" rel="noopener noreferrer">{s.source_name.clone()}</a> }.into_any(),
                                        None => view! { <span>{s.source_name.clone()}</span> }.into_any(),
                                    }}
                                    // The project's notes on a source are in English (as in
                                    // data/shortage.tsv): marked so, for screen readers.
                                    {s.note.clone().map(|n| view! { " — " <span lang="en">{n}</span> })}
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        };
        let steps = if path.is_empty() {
            view! { <p class="empty" id="path-empty">{Msg::PathEmpty.text(lang)}</p> }.into_any()
        } else {
            view! {
                <ol class="path" id="occupation-path">
                    {path.into_iter().map(|step| {
                        let nationals: std::collections::BTreeSet<String> = step.courses.iter()
                            .map(|c| {
                                let l = cat.data.courses[*c as usize].level.national;
                                format!("{} ({})", l.name(), l.country().code())
                            })
                            .collect();
                        let head = format!("EQF {} · {}", step.eqf.get(), nationals.into_iter().collect::<Vec<_>>().join(" / "));
                        let n = step.courses.len();
                        let items = step.courses.iter().take(PATH_COURSES_PER_STEP).map(|cid| {
                            let c = &cat.data.courses[*cid as usize];
                            let p = &cat.data.providers[c.provider as usize];
                            let pid = c.provider;
                            let mut place = format!("{} · {} · {}", p.name, p.municipality, p.country.code());
                            if let Some(d) = distance.get(&pid) {
                                place.push_str(&format!(" · {}", labels::distance_km(lang, *d)));
                            }
                            let award = c.award.map(|a| labels::award(lang, a));
                            view! {
                                <li>
                                    <button type="button" class="btn-link path-course" on:click=move |_| open_provider(pid)>{c.name.to_string()}</button>
                                    {award.map(|a| view! { <span class="badge award">{a}</span> })}
                                    <span class="path-place">{place}</span>
                                </li>
                            }
                        }).collect_view();
                        let more = (n > PATH_COURSES_PER_STEP).then(|| view! { <li class="hint">{format!("+ {}", i18n::courses(lang, n - PATH_COURSES_PER_STEP))}</li> });
                        view! {
                            <li class="path-step">
                                <h4>{head}</h4>
                                <ul>{items}{more}</ul>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any()
        };
        Some(view! {
            <section class="occupation-card" id="occupation-card" aria-labelledby="occupation-title">
                <div class="occupation-head">
                    <h2 id="occupation-title">{o.label(lang).to_string()}</h2>
                    {o.isco08.clone().map(|c| view! { <span class="hint">{format!("ISCO-08 {c}")}</span> })}
                </div>
                {o.esco_uri.as_deref().and_then(safe_http_url).map(|uri| {
                    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
                    // ESCO has no French label for some occupations: then its English one.
                    let label = o.esco_labels.as_ref().map(|l| if l[i].is_empty() { l[1].clone() } else { l[i].clone() }).unwrap_or_default();
                    view! { <p class="hint" id="occupation-esco">"ESCO: "<a href=uri target="_blank" rel="noopener noreferrer">{label}</a></p> }
                })}
                {status_view}
                <h3>{Msg::PathTitle.text(lang)}</h3>
                {steps}
                <p class="hint">{Msg::LinkExplain.text(lang)}</p>
                <p class="hint">{Msg::AdmissionCaveat.text(lang)}</p>
            </section>
        })
    };
    view! { {card} }
}

/// Courses listed per level in the learning path before "+ n more".
const PATH_COURSES_PER_STEP: usize = 12;

fn open_glossary() {
    if let Some(el) = browser::window()
        .document()
        .and_then(|d| d.get_element_by_id("glossary"))
    {
        let _ = el.set_attribute("open", "");
    }
}

/// The shortlist side by side: a decision sheet to print or export.
#[component]
pub fn Compare() -> impl IntoView {
    let ui = ui();
    let rows = Memo::new(move |_| shortlisted());
    let export = move |_| {
        if let Some(c) = ui.catalog.get_untracked() {
            browser::download(
                "leerkaart-keuzelijst.csv",
                "text/csv;charset=utf-8",
                &shortlist::to_csv(&c, &rows.get_untracked(), ui.lang.get_untracked()),
            );
        }
    };
    let print = move |_| {
        let _ = browser::window().print();
    };
    let link = Memo::new(move |_| super::share::shortlist_url());
    let copied = RwSignal::new(false);
    view! {
        <Show when=move || ui.compare_open.get()>
            <section class="compare" id="compare" role="dialog" aria-modal="false" aria-labelledby="compare-title">
                <div class="compare-head">
                    <h2 id="compare-title" tabindex="-1">{move || format!("{} — {}", tr(Msg::DecisionSheet), tr(Msg::Title))}</h2>
                    <div class="compare-actions">
                        <button type="button" class="btn-secondary" id="print" on:click=print>{move || tr(Msg::Print)}</button>
                        <button type="button" class="btn-secondary" id="export-shortlist" on:click=export>{move || tr(Msg::ExportShortlist)}</button>
                        <button type="button" class="btn-secondary" id="close-compare" on:click=move |_| {
                            ui.compare_open.set(false);
                            browser::focus("#open-compare");
                        }>{move || tr(Msg::CloseCompare)}</button>
                    </div>
                </div>
                {move || {
                    let list = rows.get();
                    let Some(c) = ui.catalog.get() else { return ().into_any() };
                    if list.is_empty() {
                        return view! { <p class="empty" id="shortlist-empty">{tr(Msg::ShortlistEmpty)}</p> }.into_any();
                    }
                    let lang = ui.lang.get();
                    let cell = |f: &dyn Fn(CourseId, Option<f64>) -> String| list.iter().map(|(cid, d)| view! { <td>{f(*cid, *d)}</td> }).collect_view();
                    let course = |cid: CourseId| c.data.courses[cid as usize].clone();
                    let provider = |cid: CourseId| c.data.providers[c.data.courses[cid as usize].provider as usize].clone();
                    view! {
                        <div class="compare-scroll">
                            <table class="compare-table" id="compare-table">
                                <thead><tr><th scope="col"></th>{list.iter().map(|(cid, _)| {
                                    let key = shortlist::course_key(&c, *cid);
                                    let name = course(*cid).name.to_string();
                                    let label = format!("{}: {name}", Msg::Unstar.text(lang));
                                    view! { <th scope="col">{name}
                                        <button type="button" class="star on" aria-label=label on:click=move |_| toggle_star(&key)>"★"</button></th> }
                                }).collect_view()}</tr></thead>
                                <tbody>
                                    <tr><th scope="row">{Msg::Provider.text(lang)}</th>{cell(&|cid, _| provider(cid).name)}</tr>
                                    <tr><th scope="row">{Msg::Place.text(lang)}</th>{cell(&|cid, _| { let p = provider(cid); format!("{} ({})", p.municipality, p.country.code()) })}</tr>
                                    <tr><th scope="row">{Msg::Distance.text(lang)}</th>{cell(&|_, d| d.map(|d| labels::distance_km(lang, d)).unwrap_or_else(|| "—".into()))}</tr>
                                    <tr><th scope="row">{Msg::Level.text(lang)}</th>{cell(&|cid, _| labels::level_both(&course(cid).level))}</tr>
                                    <tr><th scope="row">{Msg::LearningForm.text(lang)}</th>{cell(&|cid, _| course(cid).learning_forms.iter().map(|f| labels::learning_form(lang, f)).collect::<Vec<_>>().join(", "))}</tr>
                                    <tr><th scope="row">{Msg::Duration.text(lang)}</th>{cell(&|cid, _| course(cid).duration.as_deref().map_or("—".to_string(), |d| labels::duration(lang, d)))}</tr>
                                    <tr><th scope="row">{Msg::LeadsTo.text(lang)}</th>{cell(&|cid, _| {
                                        c.course_occupations(cid).iter().filter_map(|o| {
                                            let label = c.occupations.get(*o)?.label(lang).to_string();
                                            Some(match c.occupations.latest(*o).first() {
                                                Some(st) => format!("{label} ({})", labels::shortage_short(lang, st)),
                                                None => label,
                                            })
                                        }).collect::<Vec<_>>().join(", ")
                                    })}</tr>
                                    <tr><th scope="row">{Msg::Link.text(lang)}</th>{list.iter().map(|(cid, _)| {
                                        let url = course(*cid).website.as_deref().or(provider(*cid).website.as_deref()).and_then(safe_http_url);
                                        view! { <td>{url.map(|u| view! { <a href=u.clone() target="_blank" rel="noopener noreferrer">{u.clone()}</a> })}</td> }
                                    }).collect_view()}</tr>
                                </tbody>
                            </table>
                        </div>
                        <p class="caveat">{Msg::AdmissionCaveat.text(lang)}</p>
                    }.into_any()
                }}
                // The sheet, printed or on screen, leads back to the map with this shortlist:
                // its link to copy (an e-mail to a pupil) and as a QR code (a phone at the desk,
                // or the printed sheet).
                <div class="shortlist-share">
                    <label for="shortlist-link">{move || tr(Msg::ShortlistLinkLabel)}</label>
                    <div class="share-actions">
                        <input id="shortlist-link" type="text" readonly prop:value=move || link.get() />
                        <button type="button" class="btn-secondary" id="copy-shortlist-link" on:click=move |_| {
                            spawn_local(async move {
                                browser::copy_or_select(&link.get_untracked(), "#shortlist-link").await;
                                copied.set(true);
                            });
                        }>{move || tr(Msg::CopyLink)}</button>
                    </div>
                    <p class="copied" role="status">{move || copied.get().then(|| tr(Msg::Copied))}</p>
                    <p class="hint">{move || tr(Msg::ShortlistLinkHint)}
                        {move || (ui.shortlist.with(Vec::len) > MAX_SHARED_SHORTLIST).then(|| format!(" {} {MAX_SHARED_SHORTLIST}.", tr(Msg::ShortlistLinkCapped)))}
                    </p>
                </div>
                <figure class="sheet-qr" id="sheet-qr">
                    <div role="img" aria-label=move || tr(Msg::QrAlt) inner_html=move || link.with(|l| qr_svg(l).unwrap_or_default())></div>
                    <figcaption>{move || tr(Msg::SheetQr)}</figcaption>
                </figure>
            </section>
        </Show>
    }
}
