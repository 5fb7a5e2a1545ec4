//! Sharing: the share dialog (link, QR code, poster, embed snippet), the printable poster and
//! the bar an embedded map shows instead of the page's header.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{browser, tr, ui};
use crate::core::i18n::Msg;
use crate::core::share::{embed_snippet, poster_caption, qr_svg};
use crate::core::url::UrlState;

/// The link to the current selection, as the address bar shows it (without `embed`).
fn share_url() -> String {
    let ui = ui();
    ui.page_url(&UrlState {
        embed: false,
        embed_filters: false,
        ..ui.url_state()
    })
}

/// The link to the shortlist (its first
/// [`MAX_SHARED_SHORTLIST`](crate::core::url::MAX_SHARED_SHORTLIST) courses): whoever opens
/// it gets them in their own shortlist. With the language and the starting point (the sheet's
/// distances), not the filters or the map's view: a shorter link is a QR code that a phone
/// still reads off a printed sheet.
pub(crate) fn shortlist_url() -> String {
    let ui = ui();
    let here = ui.url_state();
    ui.page_url(&UrlState {
        shortlist: ui.shortlist.get(),
        lang: here.lang,
        origin: here.origin,
        ..UrlState::default()
    })
}

/// The poster's headline for the current selection.
fn headline() -> String {
    let ui = ui();
    let lang = ui.lang.get();
    let place = ui.filters.origin.get().map(|(_, name)| name);
    poster_caption(
        lang,
        &ui.filters.sectors.get(),
        ui.filters.radius_km.get(),
        place.as_deref(),
    )
}

/// The share dialog: the link with a copy button, its QR code, the poster (printed only, from
/// the dialog's button), the embed code.
#[component]
pub fn ShareDialog() -> impl IntoView {
    let ui = ui();
    // Computed once per change for the dialog and the poster, and only while they are shown.
    let link = Memo::new(move |_| share_url());
    let qr = Memo::new(move |_| link.with(|l| qr_svg(l).unwrap_or_default()));
    let caption = Memo::new(move |_| headline());
    let keep_filters = RwSignal::new(false);
    let copied = RwSignal::new(None::<&'static str>);
    let embed_url = move || {
        ui.page_url(&UrlState {
            embed: true,
            embed_filters: keep_filters.get(),
            ..ui.url_state()
        })
    };
    let snippet = move || embed_snippet(&embed_url(), tr(Msg::EmbedFrameTitle));
    let copy = move |what: &'static str, text: String, field: &'static str| {
        spawn_local(async move {
            browser::copy_or_select(&text, field).await;
            copied.set(Some(what));
        });
    };
    view! {
        <Show when=move || ui.share_open.get()>
            <section class="share" id="share" role="dialog" aria-modal="false" aria-labelledby="share-title">
                <div class="share-head">
                    <h2 id="share-title">{move || tr(Msg::ShareTitle)}</h2>
                    <button type="button" class="btn-secondary" id="close-share" on:click=move |_| {
                        ui.share_open.set(false);
                        browser::focus("#open-share");
                    }>{move || tr(Msg::CloseShare)}</button>
                </div>
                <p class="hint">{move || tr(Msg::ShareIntro)}</p>
                <div class="share-body">
                    <figure class="share-qr">
                        <div id="share-qr" role="img" aria-label=move || tr(Msg::QrAlt) inner_html=move || qr.get()></div>
                        <figcaption id="share-caption">{move || caption.get()}</figcaption>
                    </figure>
                    <div class="share-fields">
                        <label for="share-link">{move || tr(Msg::LinkLabel)}</label>
                        <input id="share-link" type="text" readonly prop:value=move || link.get() />
                        <div class="share-actions">
                            <button type="button" class="btn-primary" id="copy-link" on:click=move |_| copy("link", link.get_untracked(), "#share-link")>{move || tr(Msg::CopyLink)}</button>
                            <button type="button" class="btn-secondary" id="print-poster" on:click=move |_| browser::print_with_body_class("print-poster")>{move || tr(Msg::PrintPoster)}</button>
                        </div>
                        <p class="copied" role="status">{move || (copied.get() == Some("link")).then(|| tr(Msg::Copied))}</p>
                        <h3>{move || tr(Msg::EmbedTitle)}</h3>
                        <p class="hint">{move || tr(Msg::EmbedIntro)}</p>
                        <label class="check">
                            <input type="checkbox" id="embed-filters" prop:checked=move || keep_filters.get()
                                on:change=move |ev| keep_filters.set(event_target_checked(&ev)) />
                            {move || tr(Msg::EmbedKeepFilters)}
                        </label>
                        <label for="embed-snippet">{move || tr(Msg::EmbedCode)}</label>
                        <textarea id="embed-snippet" readonly rows="4" translate="no" prop:value=snippet></textarea>
                        <div class="share-actions">
                            <button type="button" class="btn-secondary" id="copy-embed" on:click=move |_| copy("embed", snippet(), "#embed-snippet")>{move || tr(Msg::CopyCode)}</button>
                        </div>
                        <p class="copied" role="status">{move || (copied.get() == Some("embed")).then(|| tr(Msg::Copied))}</p>
                        <p class="hint">{move || tr(Msg::EmbedCsp)}" "<code translate="no">{browser::page_base}</code></p>
                    </div>
                </div>
            </section>
            <section class="poster" id="poster" aria-hidden="true">
                <p class="poster-brand">{move || tr(Msg::Title)}</p>
                <h2 class="poster-caption">{move || caption.get()}</h2>
                <div class="poster-qr" inner_html=move || qr.get()></div>
                <p class="poster-url" translate="no">{move || link.get()}</p>
                <p class="poster-foot">{move || tr(Msg::PosterFooter)}</p>
            </section>
        </Show>
    }
}

/// What an embedded map shows instead of the page's header: the count and a link to the full
/// map with the same selection.
#[component]
pub fn EmbedBar() -> impl IntoView {
    let full = move || share_url();
    view! {
        <header class="embed-bar">
            <p class="embed-brand"><span class="logo" aria-hidden="true"></span>{move || tr(Msg::Title)}</p>
            <p class="count" id="match-count" role="status" aria-live="polite">{super::state::count_text}</p>
            <a id="open-full-map" class="btn-secondary" href=full target="_blank" rel="noopener">
                {move || tr(Msg::OpenFullMap)}
                <span class="sr-only">" "{move || tr(Msg::NewWindow)}</span>
            </a>
        </header>
    }
}
