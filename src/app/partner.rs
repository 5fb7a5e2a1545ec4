//! "Add your offer": a partner downloads the template, drops the filled-in file, reads a
//! message per row and field, sees its offer on the map as a preview and downloads the checked
//! file for the map's maintainer. Everything happens in the browser (`core::partner`).

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{browser, tr, ui, OUTLINE};
use crate::core::borders::Borders;
use crate::core::i18n::{Lang, Msg};
use crate::core::partner::{self, Column, PartnerCheck, PartnerSource, RowMessage};
use crate::core::{labels, load_geojson, Catalog, Dataset, LoadOptions};

thread_local! {
    /// The region's borders, read from the outline once.
    static BORDERS: RefCell<Option<Arc<Borders>>> = const { RefCell::new(None) };
}

/// The borders, fetched with the outline the first time they are needed.
async fn borders() -> Option<Arc<Borders>> {
    if let Some(b) = BORDERS.with(|b| b.borrow().clone()) {
        return Some(b);
    }
    let text = browser::fetch_text(OUTLINE).await.ok()?;
    let b = Arc::new(Borders::from_outline(&text)?);
    BORDERS.with(|slot| *slot.borrow_mut() = Some(b.clone()));
    Some(b)
}

/// What the check of one file gave.
#[derive(Clone)]
struct Checked {
    file: String,
    rows: usize,
    used: usize,
    /// Messages, worded when shown (they follow the language).
    messages: Vec<Message>,
    /// The checked file, in this map's format.
    geojson: String,
    /// What it adds to the map.
    dataset: Arc<Dataset>,
}

/// One message, as a row of the table.
#[derive(Clone)]
enum Message {
    Csv(RowMessage),
    GeoJson(crate::core::Rejection),
    Unreadable(String),
}

impl Message {
    fn line(&self) -> Option<usize> {
        match self {
            Message::Csv(m) => Some(m.line).filter(|l| *l > 0),
            Message::GeoJson(r) => r.line.or(Some(r.feature_index + 1)),
            Message::Unreadable(_) => None,
        }
    }

    fn column(&self, lang: Lang) -> String {
        match self {
            Message::Csv(m) => m
                .column
                .map(|c| c.header(lang).to_string())
                .unwrap_or_default(),
            Message::GeoJson(r) => r.feature_id.clone().unwrap_or_default(),
            Message::Unreadable(_) => String::new(),
        }
    }

    fn text(&self, lang: Lang) -> String {
        match self {
            Message::Csv(m) => m.issue.text(lang),
            Message::GeoJson(r) => labels::rejection(lang, r),
            Message::Unreadable(t) => t.clone(),
        }
    }

    fn is_error(&self) -> bool {
        match self {
            Message::Csv(m) => m.issue.is_error(),
            Message::GeoJson(r) => !matches!(r.reason, crate::core::RejectReason::Alias { .. }),
            Message::Unreadable(_) => true,
        }
    }
}

/// Today as an ISO date, in the browser's clock.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Checks a dropped file: a CSV filled in from the template, or GeoJSON in this map's format.
async fn check(ui: super::Ui, file: String, text: String) -> Checked {
    let borders = borders().await;
    let source = PartnerSource {
        name: format!("{file}: offer checked in the page, not yet published"),
        licence: crate::core::LICENCE_NOT_STATED.into(),
        date: today(),
    };
    let looks_json = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with(['{', '[']);
    // An OOAPI bundle is read into this map's format first (what it leaves out is listed).
    let mut skipped: Vec<Message> = Vec::new();
    let text = if looks_json && text.contains("\"organizations\"") {
        match crate::core::ooapi::read_bundle(&text) {
            Ok(read) => {
                skipped = read
                    .skipped
                    .into_iter()
                    .map(|s| Message::Unreadable(format!("{}: {}", s.at, s.reason)))
                    .collect();
                serde_json::json!({ "type": "FeatureCollection", "features": read.features })
                    .to_string()
            }
            Err(_) => text,
        }
    } else {
        text
    };
    let (rows, used, mut messages, geojson) = if looks_json {
        let options = LoadOptions {
            borders: borders.clone(),
            ..LoadOptions::default()
        };
        match load_geojson(&text, &options) {
            Ok(report) => {
                let geojson = serde_json::to_string_pretty(&crate::core::write::to_geojson(
                    &report.dataset,
                    &file,
                ))
                .unwrap_or_default();
                let rows = report.dataset.providers.len() + report.rejected_features();
                let used = report.dataset.courses.len();
                let messages = report
                    .rejections
                    .into_iter()
                    .map(Message::GeoJson)
                    .collect();
                (rows, used, messages, geojson)
            }
            Err(e) => (
                0,
                0,
                vec![Message::Unreadable(labels::load_error(
                    ui.lang.get_untracked(),
                    &e,
                ))],
                String::new(),
            ),
        }
    } else {
        let gazetteer = ui.gazetteer.get_untracked();
        let empty = crate::core::gazetteer::Gazetteer::default();
        let check: PartnerCheck = partner::check_csv(
            &text,
            gazetteer.as_deref().unwrap_or(&empty),
            borders.as_deref(),
            &source,
        );
        let geojson = check.to_geojson(&file);
        let messages = check.messages.into_iter().map(Message::Csv).collect();
        (check.rows, check.used, messages, geojson)
    };
    messages.extend(skipped);
    let dataset = load_geojson(&geojson, &LoadOptions::default())
        .map(|r| r.dataset)
        .unwrap_or_default();
    Checked {
        file,
        rows,
        used,
        messages,
        geojson,
        dataset: Arc::new(dataset),
    }
}

/// Shows a checked offer on the map beside the rest, marked as not yet published.
fn show_preview(ui: super::Ui, partner: &Dataset) {
    let Some(base) = ui
        .base_catalog
        .get_value()
        .or_else(|| ui.catalog.get_untracked())
    else {
        return;
    };
    ui.base_catalog.set_value(Some(base.clone()));
    let mut data = base.data.clone();
    let mut extra = partner.clone();
    for p in &mut extra.providers {
        p.preview = true;
        p.key = format!("preview:{}", p.key);
    }
    data.append(extra);
    ui.catalog.set(Some(Arc::new(Catalog::new(data))));
}

/// Takes the preview off the map.
fn remove_preview(ui: super::Ui) {
    if let Some(base) = ui.base_catalog.get_value() {
        ui.base_catalog.set_value(None);
        ui.catalog.set(Some(base));
    }
}

/// The "add your offer" dialog.
#[component]
pub fn PartnerDialog() -> impl IntoView {
    let ui = ui();
    let checked: RwSignal<Option<Checked>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let previewing = move || ui.base_catalog.with_value(|b| b.is_some());
    let preview_tick = RwSignal::new(0u32);
    let pick = move |ev: leptos::ev::Event| {
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        let name = file.name();
        if file.size() > partner::MAX_PARTNER_BYTES as f64 {
            checked.set(Some(Checked {
                file: name.clone(),
                rows: 0,
                used: 0,
                messages: vec![Message::Unreadable(format!(
                    "{name}: > {} MB",
                    partner::MAX_PARTNER_BYTES / (1024 * 1024)
                ))],
                geojson: String::new(),
                dataset: Arc::new(Dataset::default()),
            }));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            remove_preview(ui);
            let c = check(ui, name, text).await;
            checked.set(Some(c));
            busy.set(false);
            browser::focus("#partner-summary");
        });
    };
    let close = move || {
        ui.partner_open.set(false);
        browser::focus("#open-partner");
    };
    view! {
        <Show when=move || ui.partner_open.get()>
            <section class="share partner" id="partner" role="dialog" aria-modal="false" aria-labelledby="partner-title">
                <div class="share-head">
                    <h2 id="partner-title">{move || tr(Msg::PartnerTitle)}</h2>
                    <button type="button" class="btn-secondary" id="close-partner" on:click=move |_| close()>{move || tr(Msg::PartnerClose)}</button>
                </div>
                <p class="hint">{move || tr(Msg::PartnerIntro)}</p>
                <div class="share-actions">
                    <button type="button" class="btn-primary" id="partner-template" on:click=move |_| {
                        let lang = ui.lang.get_untracked();
                        browser::download(
                            &format!("leerkaart-sjabloon-{}.csv", lang.code()),
                            "text/csv;charset=utf-8",
                            &partner::template_csv(lang),
                        );
                    }>{move || tr(Msg::PartnerTemplate)}</button>
                </div>
                <details class="partner-columns">
                    <summary>{move || tr(Msg::PartnerColumns)}</summary>
                    <div class="table-scroll" tabindex="0" role="region" aria-label=move || tr(Msg::PartnerColumns)>
                        <table id="partner-guide">
                            <tbody>
                                {move || {
                                    let lang = ui.lang.get();
                                    Column::ALL.iter().map(|c| view! {
                                        <tr>
                                            <th scope="row">{c.header(lang)}{c.required().then(|| format!(" ({})", tr(Msg::PartnerRequired)))}</th>
                                            <td>{c.guide(lang)}</td>
                                        </tr>
                                    }).collect_view()
                                }}
                            </tbody>
                        </table>
                    </div>
                </details>
                <label class="file-pick" for="partner-file">{move || tr(Msg::PartnerChoose)}</label>
                <input type="file" id="partner-file" accept=".csv,.txt,.geojson,.json,text/csv,application/geo+json,application/json" on:change=pick />
                <Show when=move || busy.get()>
                    <p class="hint" role="status">"…"</p>
                </Show>
                {move || checked.get().map(|c| {
                    let lang = ui.lang.get();
                    let dataset = c.dataset.clone();
                    let geojson = c.geojson.clone();
                    let file = c.file.clone();
                    let usable = !dataset.courses.is_empty();
                    let mut messages = c.messages.clone();
                    // What stops a row first, then the notes, each by line.
                    crate::core::sort::sort_by_key(&mut messages, |m| (!m.is_error(), m.line()));
                    view! {
                        <div class="partner-result">
                            <p id="partner-summary" tabindex="-1" role="status">
                                <strong translate="no">{c.file.clone()}</strong>
                                {format!(": {} {} {}.", c.rows, tr(Msg::PartnerSummary), c.used)}
                            </p>
                            {(!usable).then(|| view! { <p class="gap" id="partner-none">{tr(Msg::PartnerNoRows)}</p> })}
                            {(!messages.is_empty()).then(|| view! {
                                <div class="table-scroll" tabindex="0" role="region" aria-label=move || tr(Msg::PartnerSummary)>
                                    <table class="partner-messages" id="partner-messages">
                                        <tbody>
                                            {messages.into_iter().map(|m| {
                                                let error = m.is_error();
                                                view! {
                                                    <tr class:row-error=error>
                                                        <td>{m.line().map(|l| format!("{} {l}", tr(Msg::PartnerLine))).unwrap_or_default()}</td>
                                                        <td translate="no">{m.column(lang)}</td>
                                                        <td><span class="badge" class:badge-error=error>{if error { tr(Msg::PartnerNotUsed) } else { tr(Msg::PartnerNote) }}</span>" "{m.text(lang)}</td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            })}
                            {usable.then(|| view! {
                                <div class="share-actions">
                                    <button type="button" class="btn-secondary" id="partner-preview" on:click=move |_| {
                                        if previewing() { remove_preview(ui) } else { show_preview(ui, &dataset) }
                                        preview_tick.update(|t| *t += 1);
                                    }>{move || { preview_tick.get(); if previewing() { tr(Msg::PartnerPreviewOff) } else { tr(Msg::PartnerPreview) } }}</button>
                                    <button type="button" class="btn-primary" id="partner-download" on:click=move |_| {
                                        let base = file.rsplit_once('.').map_or(file.as_str(), |(b, _)| b);
                                        browser::download(&format!("{base}-checked.geojson"), "application/geo+json", &geojson);
                                    }>{move || tr(Msg::PartnerDownload)}</button>
                                </div>
                                <p class="hint">{move || tr(Msg::PartnerSend)}</p>
                            })}
                        </div>
                    }
                })}
            </section>
        </Show>
    }
}
