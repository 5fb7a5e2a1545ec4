//! The app shell: the header, the panes and the dialogs around the components.

use leptos::prelude::*;

use super::browser;
use super::state::{MapState, Pane, Status, Ui};
use super::{effects, loading, panels, partner, results, share, tr};
use crate::core::i18n::{Lang, Msg};
use crate::core::url;

#[component]
pub(crate) fn App() -> impl IntoView {
    let (ui, initial) = Ui::new();
    provide_context(ui);
    ui.set_url_state(initial);
    let map_el = NodeRef::<leptos::html::Div>::new();
    // The start is a chain of short tasks (the first calls of each function are V8 compiling
    // it, on the main thread): this one builds the header; then the data's fetch starts, the
    // panes are built, the map's effects and the page's effects run, each in a task of its
    // own. In one task, the build and the effects' first runs blocked a phone for ~170 ms.
    let owner = Owner::current();
    let in_owner = move |f: &dyn Fn()| match &owner {
        Some(o) => o.with(f),
        None => f(),
    };
    leptos::task::spawn_local(async move {
        browser::yield_to_browser().await;
        in_owner(&|| loading::start(ui));
        browser::mark("leerkaart:loading");
        browser::yield_to_browser().await;
        in_owner(&|| effects::install_map(ui, map_el));
        browser::yield_to_browser().await;
        in_owner(&|| effects::install_page(ui));
        browser::mark("leerkaart:installed");
    });
    // The panes (the list, the map): the page's static first view covers the app (it is
    // fixed over the page) until they are built, and gives way in the same task: no frame
    // shows neither, or half the app.
    let panes = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        browser::yield_to_browser().await;
        panes.set(true);
        // Made invisible now and removed once the data is in: the browser reports its paint
        // (the page's largest) a little later, and forgets it if the element has left the
        // layout by then.
        browser::add_class(super::BOOT_VIEW, "gone");
        browser::mark("leerkaart:panes");
    });
    // The first view is drawn before the rest is built (the facet lists, then the map). That
    // paint is waited for from here, not after the panes: the wait ends in a timeout, which
    // the stream's slices (`scheduler.yield`) run ahead of, so once the data was streaming
    // the rest was built only after it.
    leptos::task::spawn_local(async move {
        browser::after_next_paint().await;
        browser::mark("leerkaart:settling");
        ui.settled.set(true);
        browser::mark("leerkaart:settled");
        browser::yield_to_browser().await;
        ui.facets_due.set(true);
        browser::mark("leerkaart:facets");
        // The occupation vocabulary, which the catalog links courses to, read while the data
        // is still on its way rather than in the task that shows it.
        browser::yield_to_browser().await;
        let _ = crate::core::search::occupation::Occupations::builtin();
        browser::mark("leerkaart:occupations");
    });

    // The glossary and about panel appear once the first data is in (and then stay, open or
    // closed, through any later loading), just after the first rows are drawn: built in the
    // same task (the sources, the coverage table), they made it twice as long on a phone.
    let loaded_once = Memo::new(move |prev: Option<&bool>| {
        prev.copied().unwrap_or(false) || ui.status.get() != Status::Loading
    });
    // How many of the two are built: the glossary, then (a task later) the about panel, whose
    // counts and coverage table read the whole catalog.
    let extras = RwSignal::new(0u8);
    Effect::new(move |_| {
        if loaded_once.get() {
            browser::remove_element(super::BOOT_VIEW);
            leptos::task::spawn_local(async move {
                browser::after_next_paint().await;
                extras.set(1);
                browser::yield_to_browser().await;
                extras.set(2);
                leptos::task::spawn_local(async { browser::mark("leerkaart:extras") });
            });
        }
    });
    let phone = !super::wide_screen();
    view! {
        <div class="app" class:embedded=ui.embed class:pane-map=move || ui.pane.get() == Pane::Map class:pane-list=move || ui.pane.get() == Pane::List class:comparing=move || ui.compare_open.get() class:filters-open=move || ui.filters_open.get()>
            <a class="skip-link" href="#results" on:click=move |ev| {
                ev.prevent_default();
                browser::focus("#results .result-head, #no-results, #unlisted summary");
            }>{move || tr(Msg::SkipToResults)}</a>
            {(!ui.embed).then(|| view! {
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true"></span>
                    <div>
                        <h1>{move || tr(Msg::Title)}</h1>
                        <p class="tagline">{move || tr(Msg::Tagline)}</p>
                    </div>
                </div>
                <div class="topbar-right">
                    <p class="count" id="match-count" role="status" aria-live="polite">{super::state::count_text}</p>
                    <button type="button" class="btn-secondary" id="open-share" aria-expanded=move || ui.share_open.get().to_string() on:click=move |_| {
                        ui.share_open.update(|o| *o = !*o);
                        ui.partner_open.set(false);
                        // Into the dialog, for keyboard and screen-reader users (Escape returns).
                        if ui.share_open.get_untracked() {
                            request_animation_frame(|| browser::focus("#copy-link"));
                        }
                    }>{move || tr(Msg::Share)}</button>
                    <button type="button" class="btn-secondary" id="open-partner" aria-expanded=move || ui.partner_open.get().to_string() on:click=move |_| {
                        ui.partner_open.update(|o| *o = !*o);
                        ui.share_open.set(false);
                        if ui.partner_open.get_untracked() {
                            request_animation_frame(|| browser::focus("#partner-template"));
                        }
                    }>{move || tr(Msg::PartnerOpen)}</button>
                    <label class="lang">
                        <span class="sr-only">{move || tr(Msg::Language)}</span>
                        <select id="lang" on:change=move |ev| {
                            if let Some(l) = Lang::from_code(&event_target_value(&ev)) { ui.lang.set(l) }
                        }>
                            // A phone's one-line header has room for "NL", not "Nederlands".
                            // (Its spoken name starts with what is shown, "NL (Nederlands)".)
                            {Lang::ALL.into_iter().map(|l| {
                                let code = l.code().to_uppercase();
                                let spoken = phone.then(|| format!("{code} ({})", l.name()));
                                view! {
                                    <option value=l.code() lang=l.code() translate="no" aria-label=spoken selected=move || ui.lang.get() == l>
                                        {if phone { code } else { l.name().to_string() }}
                                    </option>
                                }
                            }).collect_view()}
                        </select>
                    </label>
                </div>
            </header>
            })}
            {ui.embed.then(|| view! { <share::EmbedBar /> })}
            {move || ui.kept_copy.get().map(|when| view! {
                <p class="banner offline" id="offline-copy" role="status">{move || format!("{} {}.", tr(Msg::OfflineCopy), browser::local_date_time(&when, ui.lang.get().code()))}</p>
            })}
            {ui.data_refused.get_value().map(|r| view! {
                <p class="banner" id="data-refused" role="status">{move || match &r {
                    url::DataRefusal::Malformed => tr(Msg::DataRefusedMalformed).to_string(),
                    url::DataRefusal::OtherSite(host) => format!("{} ({host}).", tr(Msg::DataRefusedOtherSite)),
                }}</p>
            })}
            <panels::StatusBanner />
            // On a phone, the list / map switch: drawn at the bottom (CSS `order`) but first
            // in the document, so that Tab goes from it into the pane it shows (after it in
            // the document, Tab from "Map" left the page).
            <nav class="pane-toggle" aria-label=move || tr(Msg::ViewToggle)>
                <button type="button" id="show-list" aria-pressed=move || (ui.pane.get() == Pane::List).to_string() on:click=move |_| ui.pane.set(Pane::List)>{move || tr(Msg::List)}</button>
                <button type="button" id="show-map" aria-pressed=move || (ui.pane.get() == Pane::Map).to_string() on:click=move |_| ui.pane.set(Pane::Map)>{move || tr(Msg::Map)}</button>
            </nav>
            // Empty until the panes are built, but in the layout from the start: it pushes the
            // phone's list / map switch to the bottom, where it stays.
            <main class="layout">
                <Show when=move || panes.get()>
                <aside class="sidebar" aria-label=move || tr(Msg::SearchAndResults)>
                    {(!ui.embed || ui.embed_filters).then(|| view! { <panels::Filters /> })}
                    <div class="results-col">
                        {(!ui.embed || ui.embed_filters).then(|| view! { <panels::PhoneFilterBar /> })}
                        <results::OccupationCard />
                        <results::ResultList />
                        // Below the results once they are in: shown earlier they would be
                        // pushed down by the list's arrival (a layout shift).
                        {(!ui.embed).then(|| view! {
                            <Show when={move || extras.get() >= 1}>
                                <panels::Glossary />
                            </Show>
                            <Show when={move || extras.get() >= 2}>
                                <panels::About />
                            </Show>
                        })}
                    </div>
                </aside>
                <section class="map-pane" aria-label=move || tr(Msg::Map)>
                    <div id="map" node_ref=map_el></div>
                    // Over the map's place until it is drawn (its script loads when the map is
                    // first in sight), or saying why it is not.
                    {move || {
                        let msg = match ui.map_state.get() {
                            MapState::Ready => return None,
                            MapState::Failed => Msg::MapUnavailable,
                            MapState::NotMade | MapState::Loading => Msg::MapLoading,
                        };
                        Some(view! { <p class="map-wait" id="map-wait" role="status">{move || tr(msg)}</p> })
                    }}
                    {move || ui.tile_progress.get().map(|(n, total)| view! {
                        <p class="map-note tiles-note" id="tile-progress" role="status">
                            {format!("{} {n} / {total}", tr(Msg::TilesLoaded))}
                        </p>
                    })}
                    <Show when=move || ui.tiles_failed.get()>
                        <p class="map-note" id="tiles-failed" role="status">{move || tr(Msg::TilesUnavailable)}</p>
                    </Show>
                    // Drawn over the map, so its arrival a frame later moves nothing; built
                    // with the rest after the first view (fewer first calls in the start task).
                    <Show when=move || ui.settled.get()>
                    <div class="legend" aria-hidden="true">
                        <span><i class="dot mk-tech"></i>{move || tr(Msg::LegendTech)}</span>
                        <span><i class="dot mk-care"></i>{move || tr(Msg::LegendCare)}</span>
                        <span><i class="dot mk-mixed"></i>{move || tr(Msg::LegendBoth)}</span>
                        <span><i class="dot mk-other"></i>{move || tr(Msg::LegendOther)}</span>
                        <span><i class="dot mk-unlisted"></i>{move || tr(Msg::OfferNotListed)}</span>
                        <Show when=move || ui.advice_view.with(|v| !v.located.is_empty())>
                            <span><i class="mk-advice-swatch">"i"</i>{move || tr(Msg::AdviceTitle)}</span>
                        </Show>
                        <span class="legend-note">{move || tr(Msg::LegendNumber)}</span>
                    </div>
                    </Show>
                </section>
                </Show>
            </main>
            // Closed at first: not in the start task, which on a phone was just over 50 ms at
            // 4x, mostly V8 compiling each function on its first call. Built at once if one is
            // opened before that (its button's focus move needs the dialog there).
            <Show when=move || {
                ui.settled.get() || ui.share_open.get() || ui.partner_open.get() || ui.compare_open.get()
            }>
                <results::Compare />
                <share::ShareDialog />
                <partner::PartnerDialog />
            </Show>
        </div>
    }
}
