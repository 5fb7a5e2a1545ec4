//! The Leptos front end: thin components that read signals and call the core.

mod leaflet;
mod map;

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::core::gazetteer::Gazetteer;
use crate::core::{
    labels, level, load_geojson, safe_http_url, url, BoundsLonLat, Catalog, Country, DatasetMeta,
    Eqf, Filter, FilterOutcome, LearningForm, LoadOptions, LonLat, ProviderHit, ProviderId,
    Province, Sector,
};
use map::{MapConfig, MapCtl};

/// The dataset shipped with the app.
const DEFAULT_DATA: &str = "data/providers.geojson";
/// The offline base layer.
const OUTLINE: &str = "region-outline.geojson";
/// The gazetteer.
const PLACES: &str = "data/places.tsv";
/// Suggestions shown while typing a place.
const SUGGESTIONS: usize = 8;
/// Radius choices in km for "within … of my starting point".
const RADII_KM: [u32; 6] = [5, 10, 20, 30, 50, 80];
/// Providers shown in the list before "Toon meer".
const LIST_PAGE: usize = 60;
/// Same breakpoint as the phone layout in `assets/style.css`.
const PHONE_MAX_WIDTH_PX: f64 = 760.0;
/// Rejections listed in the banner (the count is always complete).
const REJECTIONS_SHOWN: usize = 50;

/// Mounts the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// Where loading stands.
#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Ready,
    Failed(String),
}

/// Which pane a phone shows.
#[derive(Clone, Copy, PartialEq)]
enum Pane {
    List,
    Map,
}

fn window() -> web_sys::Window {
    web_sys::window().expect("running in a browser")
}

fn query_string() -> String {
    window().location().search().unwrap_or_default()
}

fn meta_tag(name: &str) -> Option<String> {
    let doc = window().document()?;
    let el = doc.query_selector(&format!("meta[name='{name}']")).ok()??;
    el.get_attribute("content")
}

async fn fetch_text(path: &str) -> Result<String, String> {
    // reqwest in the browser needs an absolute URL.
    let base = window()
        .location()
        .href()
        .map_err(|_| "no page address".to_string())?;
    let url = web_sys::Url::new_with_base(path, &base)
        .map_err(|_| format!("bad address: {path}"))?
        .href();
    let resp = reqwest::get(&url)
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if !resp.status().is_success() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    resp.text().await.map_err(|e| format!("{url}: {e}"))
}

fn toggle<T: PartialEq + Copy>(list: &mut Vec<T>, v: T, on: bool) {
    list.retain(|x| *x != v);
    if on {
        list.push(v);
    }
}

/// The loaded dataset and what loading said about it.
#[derive(Clone, Copy)]
struct DataState {
    catalog: RwSignal<Option<Arc<Catalog>>>,
    status: RwSignal<Status>,
    rejections: RwSignal<Vec<String>>,
    rejected_features: RwSignal<usize>,
    meta: RwSignal<DatasetMeta>,
    source_label: RwSignal<String>,
}

impl DataState {
    /// Loads GeoJSON text into the page, replacing what was there.
    fn apply(&self, body: &str) {
        match load_geojson(body, &LoadOptions::default()) {
            Err(e) => {
                self.catalog.set(None);
                self.rejections.set(Vec::new());
                self.status.set(Status::Failed(format!(
                    "Het gegevensbestand is onleesbaar: {}.",
                    labels::load_error(&e)
                )));
            }
            Ok(report) => {
                self.rejected_features.set(report.rejected_features());
                self.rejections
                    .set(report.rejections.iter().map(|r| r.to_string()).collect());
                self.meta.set(report.meta);
                self.catalog
                    .set(Some(Arc::new(Catalog::new(report.dataset))));
                self.status.set(Status::Ready);
            }
        }
    }
}

#[component]
fn App() -> impl IntoView {
    let catalog: RwSignal<Option<Arc<Catalog>>> = RwSignal::new(None);
    let status = RwSignal::new(Status::Loading);
    let rejections: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let rejected_features = RwSignal::new(0usize);
    let meta: RwSignal<DatasetMeta> = RwSignal::new(DatasetMeta::default());
    let source_label = RwSignal::new(String::new());
    let gazetteer: RwSignal<Option<Arc<Gazetteer>>> = RwSignal::new(None);
    let origin: RwSignal<Option<(LonLat, String)>> = RwSignal::new(None);
    let radius_km: RwSignal<Option<f64>> = RwSignal::new(None);
    let picking = RwSignal::new(false);

    let sectors: RwSignal<Vec<Sector>> = RwSignal::new(Vec::new());
    let levels: RwSignal<Vec<Eqf>> = RwSignal::new(Vec::new());
    let countries: RwSignal<Vec<Country>> = RwSignal::new(Vec::new());
    let provinces: RwSignal<Vec<Province>> = RwSignal::new(Vec::new());
    let forms: RwSignal<Vec<LearningForm>> = RwSignal::new(Vec::new());
    let text = RwSignal::new(String::new());
    let in_view = RwSignal::new(false);
    let view_bounds: RwSignal<Option<BoundsLonLat>> = RwSignal::new(None);
    let selected: RwSignal<Option<ProviderId>> = RwSignal::new(None);
    let pane = RwSignal::new(Pane::List);
    let shown = RwSignal::new(LIST_PAGE);

    let base_filter = Memo::new(move |_| Filter {
        sectors: sectors.get(),
        levels: levels.get(),
        countries: countries.get(),
        provinces: provinces.get(),
        learning_forms: forms.get(),
        text: text.get(),
        origin: origin.get().map(|(o, _)| o),
        radius_km: radius_km.get(),
        ..Filter::default()
    });
    // Markers show every match; the list and counts follow the view when "in view" is on.
    let map_outcome: Memo<Option<FilterOutcome>> =
        Memo::new(move |_| catalog.get().map(|c| c.apply(&base_filter.get())));
    let outcome: Memo<Option<FilterOutcome>> = Memo::new(move |_| {
        let c = catalog.get()?;
        let mut f = base_filter.get();
        if in_view.get() {
            f.bounds = view_bounds.get();
        }
        Some(c.apply(&f))
    });

    // Load the data (the default, or `?data=`) and the outline.
    // Load the data (the default, or `?data=`), the gazetteer and the outline.
    let data = DataState {
        catalog,
        status,
        rejections,
        rejected_features,
        meta,
        source_label,
    };
    let data_path = url::data_param(&query_string()).unwrap_or_else(|| DEFAULT_DATA.to_string());
    source_label.set(data_path.clone());
    spawn_local(async move {
        match fetch_text(&data_path).await {
            Err(e) => status.set(Status::Failed(format!(
                "De gegevens konden niet worden opgehaald ({e})."
            ))),
            Ok(body) => data.apply(&body),
        }
    });
    spawn_local(async move {
        // Without the gazetteer only typing a place fails; the rest of the page works.
        if let Ok(text) = fetch_text(PLACES).await {
            if let Ok(g) = Gazetteer::parse(&text) {
                gazetteer.set(Some(Arc::new(g)));
            }
        }
    });

    let map_el = NodeRef::<leptos::html::Div>::new();
    let map_ctl: StoredValue<Option<Rc<MapCtl>>, LocalStorage> = StoredValue::new_local(None);
    let select_from_map: Rc<dyn Fn(ProviderId)> = Rc::new(move |p| selected.set(Some(p)));

    // Create the map once its element exists.
    Effect::new(move |_| {
        let Some(el) = map_el.get() else { return };
        if map_ctl.with_value(|m| m.is_some()) {
            return;
        }
        let tiles = match url::param(&query_string(), "tiles").as_deref() {
            Some("none") => None,
            _ => meta_tag("leerkaart-tiles"),
        };
        let config = MapConfig {
            tile_url: tiles,
            tile_attribution: meta_tag("leerkaart-tiles-attribution").unwrap_or_default(),
        };
        let ctl = MapCtl::new(&el, &config, move |b| view_bounds.set(Some(b)));
        ctl.on_click(move |p| {
            if picking.get_untracked() {
                picking.set(false);
                origin.set(Some((p, "Gekozen punt op de kaart".to_string())));
            }
        });
        view_bounds.set(Some(ctl.bounds()));
        map_ctl.set_value(Some(ctl.clone()));
        spawn_local(async move {
            // The outline is decoration: without it the map still works, so a failure is quiet.
            if let Ok(text) = fetch_text(OUTLINE).await {
                if let Ok(json) = js_sys::JSON::parse(&text) {
                    ctl.set_outline(&json);
                }
            }
        });
    });

    // Effects below only talk to the map.
    let on_marker = select_from_map.clone();
    Effect::new(move |_| {
        let Some(c) = catalog.get() else { return };
        let Some(ctl) = map_ctl.get_value() else {
            return;
        };
        map_outcome.with(|o| {
            if let Some(o) = o {
                ctl.set_markers(&c, o, on_marker.clone());
            }
        });
        ctl.highlight(selected.get_untracked());
    });
    Effect::new(move |_| {
        let sel = selected.get();
        if let Some(ctl) = map_ctl.get_value() {
            ctl.highlight(sel);
        }
        if let Some(p) = sel {
            scroll_result_into_view(p);
        }
    });
    Effect::new(move |_| {
        // Leaflet must re-measure when the phone layout shows the map again.
        let _ = pane.get();
        if let Some(ctl) = map_ctl.get_value() {
            ctl.invalidate_size();
        }
    });
    Effect::new(move |_| {
        let o = origin.get().map(|(o, _)| o);
        let r = radius_km.get();
        if let Some(ctl) = map_ctl.get_value() {
            ctl.set_origin(o, r);
            if let (Some(o), Some(r)) = (o, r) {
                ctl.show_around(o, r);
            }
        }
    });
    // A new search starts at the top of the list.
    Effect::new(move |_| {
        let _ = base_filter.get();
        let _ = in_view.get();
        shown.set(LIST_PAGE);
    });

    let open_result = move |p: ProviderId| {
        selected.set(Some(p));
        pane.set(Pane::Map);
        let Some(c) = catalog.get_untracked() else {
            return;
        };
        let ll = c.data.providers[p as usize].lon_lat;
        if let Some(ctl) = map_ctl.get_value() {
            ctl.invalidate_size();
            ctl.open(p, ll.lat, ll.lon);
        }
    };

    let reset = move |_| {
        sectors.set(Vec::new());
        levels.set(Vec::new());
        countries.set(Vec::new());
        provinces.set(Vec::new());
        forms.set(Vec::new());
        text.set(String::new());
    };

    let count_text = move || match (status.get(), outcome.get()) {
        (Status::Loading, _) => "Gegevens laden…".to_string(),
        (Status::Failed(_), _) => "Geen gegevens".to_string(),
        (Status::Ready, Some(o)) => format!(
            "{} bij {}{}",
            labels::courses(o.course_count),
            labels::providers(o.providers.len()),
            if in_view.get() { " in beeld" } else { "" }
        ),
        (Status::Ready, None) => String::new(),
    };

    let facet = move |f: fn(&FilterOutcome) -> &Vec<u32>, i: usize| {
        outcome.with(|o| o.as_ref().map_or(0, |o| f(o).get(i).copied().unwrap_or(0)))
    };

    view! {
        <div class="app" class:pane-map=move || pane.get() == Pane::Map class:pane-list=move || pane.get() == Pane::List>
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true"></span>
                    <div>
                        <h1>"Leerkaart Scheldemond"</h1>
                        <p class="tagline">"Opleidingen in Zeeland, Oost- en West-Vlaanderen"</p>
                    </div>
                </div>
                <p class="count" id="match-count" role="status" aria-live="polite">{count_text}</p>
            </header>
            <StatusBanner status=status rejections=rejections rejected_features=rejected_features />
            <main class="layout">
                <aside class="sidebar" aria-label="Zoeken en resultaten">
                    <section class="filters" aria-label="Filters">
                        <div class="search">
                            <label for="q">"Zoek een opleiding, school of plaats"</label>
                            <input id="q" type="search" placeholder="bv. verpleegkunde, elektromechanica, Brugge"
                                autocomplete="off"
                                prop:value=move || text.get()
                                on:input=move |ev| text.set(event_target_value(&ev)) />
                        </div>
                        <OriginPicker gazetteer=gazetteer origin=origin radius_km=radius_km picking=picking />
                        <details class="facet-box" open=wide_screen()>
                            <summary>"Filters"</summary>
                            {facet_group("Sector", "sector", Sector::ALL.to_vec(), |s| labels::sector(s).to_string(), move |s: Sector| facet(|o| &o.facets.sectors, s.index()), sectors)}
                            {facet_group("Niveau (EQF, met de namen in NL en BE)", "level", Eqf::all().collect(), labels::eqf, move |e: Eqf| facet(|o| &o.facets.levels, e.get() as usize - 1), levels)}
                            <p class="caveat">{level::ADMISSION_CAVEAT}</p>
                            {facet_group("Land", "country", Country::ALL.to_vec(), |c| labels::country(c).to_string(), move |c: Country| facet(|o| &o.facets.countries, c.index()), countries)}
                            {facet_group("Provincie", "province", Province::ALL.to_vec(), |p| p.name().to_string(), move |p: Province| facet(|o| &o.facets.provinces, p.index()), provinces)}
                            {facet_group("Leervorm", "form", LearningForm::ALL.to_vec(), |f| labels::learning_form(f).to_string(), move |f: LearningForm| facet(|o| &o.facets.learning_forms, f.index()), forms)}
                            <button type="button" class="btn-secondary" id="reset" on:click=reset>"Wis alle filters"</button>
                        </details>
                        <label class="switch">
                            <input type="checkbox" id="in-view"
                                prop:checked=move || in_view.get()
                                on:change=move |ev| in_view.set(event_target_checked(&ev)) />
                            <span>"Alleen wat op de kaart in beeld is"</span>
                        </label>
                    </section>
                    <div class="results-col">
                        <ResultList outcome=outcome catalog=catalog selected=selected shown=shown open=open_result status=status />
                        <About meta=meta catalog=catalog source_label=source_label data=data />
                    </div>
                </aside>
                <section class="map-pane" aria-label="Kaart">
                    <div id="map" node_ref=map_el></div>
                    <div class="legend" aria-hidden="true">
                        <span><i class="dot mk-tech"></i>"Techniek / STEM"</span>
                        <span><i class="dot mk-care"></i>"Zorg en welzijn"</span>
                        <span><i class="dot mk-mixed"></i>"Beide"</span>
                        <span><i class="dot mk-other"></i>"Andere"</span>
                    </div>
                </section>
            </main>
            <nav class="pane-toggle" aria-label="Weergave">
                <button type="button" id="show-list" aria-pressed=move || (pane.get() == Pane::List).to_string() on:click=move |_| pane.set(Pane::List)>"Lijst"</button>
                <button type="button" id="show-map" aria-pressed=move || (pane.get() == Pane::Map).to_string() on:click=move |_| pane.set(Pane::Map)>"Kaart"</button>
            </nav>
        </div>
    }
}

/// Phones start with the filters folded, so the results are the first thing they see.
fn wide_screen() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w > PHONE_MAX_WIDTH_PX)
}

fn scroll_result_into_view(p: ProviderId) {
    let Some(doc) = window().document() else {
        return;
    };
    let Some(el) = doc.get_element_by_id(&format!("result-{p}")) else {
        return;
    };
    let opts = leaflet::options(&[("block", "nearest".into())]);
    if let Ok(f) = js_sys::Reflect::get(&el, &"scrollIntoView".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call1(&el, &opts);
        }
    }
}

/// A group of checkboxes with live counts.
fn facet_group<T>(
    title: &'static str,
    name: &'static str,
    values: Vec<T>,
    label: fn(T) -> String,
    count: impl Fn(T) -> u32 + Copy + Send + Sync + 'static,
    selected: RwSignal<Vec<T>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <fieldset class="facet" data-facet=name>
            <legend>{title}</legend>
            {values
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    let id = format!("f-{name}-{i}");
                    view! {
                        <div class="opt" class:zero=move || count(v) == 0 && !selected.with(|s| s.contains(&v))>
                            <input type="checkbox" id=id.clone()
                                prop:checked=move || selected.with(|s| s.contains(&v))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    selected.update(|s| toggle(s, v, on));
                                } />
                            <label for=id>
                                <span class="opt-label">{label(v)}</span>
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
fn StatusBanner(
    status: RwSignal<Status>,
    rejections: RwSignal<Vec<String>>,
    rejected_features: RwSignal<usize>,
) -> impl IntoView {
    view! {
        <Show when=move || status.get() == Status::Loading>
            <div class="banner loading" role="status"><span class="spinner" aria-hidden="true"></span>"De opleidingen worden geladen…"</div>
        </Show>
        {move || match status.get() {
            Status::Failed(msg) => Some(view! {
                <div class="banner error" role="alert" id="load-error">
                    <strong>"Er ging iets mis. "</strong>{msg}
                </div>
            }.into_any()),
            _ => None,
        }}
        {move || {
            let list = rejections.get();
            (!list.is_empty()).then(|| {
                let n = rejected_features.get();
                let other = list.len().saturating_sub(n);
                let summary = format!(
                    "Niet alles kon geladen worden: {} overgeslagen, {} {} over opleidingen of links. De rest wordt wel getoond.",
                    if n == 1 { "1 instelling".to_string() } else { format!("{n} instellingen") },
                    other,
                    if other == 1 { "melding" } else { "meldingen" }
                );
                let more = list.len().saturating_sub(REJECTIONS_SHOWN);
                view! {
                    <div class="banner warning" role="alert" id="load-warnings">
                        <details>
                            <summary>{summary}</summary>
                            <ul>
                                {list.into_iter().take(REJECTIONS_SHOWN).map(|r| view! { <li>{r}</li> }).collect_view()}
                            </ul>
                            {(more > 0).then(|| view! { <p>{format!("… en nog {more}.")}</p> })}
                        </details>
                    </div>
                }
            })
        }}
    }
}

#[component]
fn ResultList(
    outcome: Memo<Option<FilterOutcome>>,
    catalog: RwSignal<Option<Arc<Catalog>>>,
    selected: RwSignal<Option<ProviderId>>,
    shown: RwSignal<usize>,
    open: impl Fn(ProviderId) + Copy + Send + Sync + 'static,
    status: RwSignal<Status>,
) -> impl IntoView {
    let hits = move || {
        outcome.with(|o| {
            o.as_ref()
                .map(|o| {
                    o.providers
                        .iter()
                        .take(shown.get())
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let total = move || outcome.with(|o| o.as_ref().map_or(0, |o| o.providers.len()));
    view! {
        <section class="results" aria-label="Resultaten">
            <Show when=move || status.get() == Status::Ready && total() == 0>
                <p class="empty" id="no-results">"Geen opleidingen gevonden met deze filters. Wis een filter of zoom uit."</p>
            </Show>
            <ol class="result-list" id="results">
                <For each=hits key=|h: &ProviderHit| (h.provider, h.courses.clone(), h.distance_km.map(f64::to_bits)) let:hit>
                    {result_item(hit, catalog, selected, open)}
                </For>
            </ol>
            <Show when=move || { total() > shown.get() }>
                <button type="button" class="btn-secondary more" on:click=move |_| shown.update(|n| *n += LIST_PAGE)>
                    {move || format!("Toon meer ({} van {})", shown.get().min(total()), total())}
                </button>
            </Show>
        </section>
    }
}

fn result_item(
    hit: ProviderHit,
    catalog: RwSignal<Option<Arc<Catalog>>>,
    selected: RwSignal<Option<ProviderId>>,
    open: impl Fn(ProviderId) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let Some(cat) = catalog.get_untracked() else {
        return ().into_any();
    };
    let pid = hit.provider;
    let p = &cat.data.providers[pid as usize];
    let here = p.lon_lat;
    // Providers sharing the selected one's point are highlighted with it (one marker).
    let is_selected = move || {
        selected.get().is_some_and(|s| {
            catalog.with_untracked(|c| {
                c.as_ref()
                    .is_some_and(|c| c.data.providers[s as usize].lon_lat == here)
            })
        })
    };
    let meta = format!(
        "{} · {} · {}",
        labels::institution_kind(p.kind),
        p.municipality,
        p.country.code()
    );
    let website = p.website.as_deref().and_then(safe_http_url);
    let distance = hit.distance_km.map(labels::distance_km);
    let courses = hit
        .courses
        .iter()
        .map(|c| {
            let c = &cat.data.courses[*c as usize];
            let forms = c.learning_forms.iter().map(|f| labels::learning_form(*f)).collect::<Vec<_>>().join(" · ");
            let sector_class = match c.sector {
                s if s.is_stem() => "badge sector tech",
                Sector::HealthWelfare => "badge sector care",
                _ => "badge sector",
            };
            let link = c.website.as_deref().and_then(safe_http_url);
            view! {
                <li class="course">
                    <span class="course-name">{c.name.clone()}</span>
                    <span class="badges">
                        <span class=sector_class>{labels::sector(c.sector)}</span>
                        <span class="badge level" title=labels::eqf(c.level.eqf)>{labels::course_level(&c.level)}</span>
                    </span>
                    <span class="course-forms">{forms}{c.duration.clone().map(|d| format!(" · {d}"))}</span>
                    {link.map(|u| view! { <a class="course-link" href=u target="_blank" rel="noopener noreferrer">"Meer info"</a> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="result" id=format!("result-{pid}") class:selected=is_selected>
            <button type="button" class="result-head" aria-describedby=format!("meta-{pid}") on:click=move |_| open(pid)>
                <span class="result-name">{p.name.clone()}</span>
                {distance.map(|d| view! { <span class="distance">{d}</span> })}
            </button>
            <p class="result-meta" id=format!("meta-{pid}")>{meta}</p>
            <ul class="courses">{courses}</ul>
            <p class="result-foot">
                {website.map(|u| view! { <a href=u target="_blank" rel="noopener noreferrer">"Website"</a> })}
                <span class="precision">{labels::precision(p)}</span>
            </p>
        </li>
    }
    .into_any()
}

#[component]
fn OriginPicker(
    gazetteer: RwSignal<Option<Arc<Gazetteer>>>,
    origin: RwSignal<Option<(LonLat, String)>>,
    radius_km: RwSignal<Option<f64>>,
    picking: RwSignal<bool>,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let not_found = RwSignal::new(false);
    let suggestions = Memo::new(move |_| {
        let q = typed.get();
        gazetteer.with(|g| {
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
            || origin.with_untracked(|o| o.as_ref().is_some_and(|(_, l)| *l == q))
        {
            return;
        }
        let hit =
            suggestions.with_untracked(|s| s.iter().find(|(l, _)| *l == q).or(s.first()).cloned());
        match hit {
            Some((label, at)) => {
                not_found.set(false);
                typed.set(label.clone());
                origin.set(Some((at, label)));
            }
            None => not_found.set(true),
        }
    };
    let locate = move |_| {
        // Asked only on this click; a refusal or an error leaves everything as it was.
        let Some(geo) = window().navigator().geolocation().ok() else {
            return;
        };
        let ok = wasm_bindgen::closure::Closure::once_into_js(move |pos: wasm_bindgen::JsValue| {
            let coords = js_sys::Reflect::get(&pos, &"coords".into()).unwrap_or_default();
            let get = |k: &str| {
                js_sys::Reflect::get(&coords, &k.into())
                    .ok()
                    .and_then(|v| v.as_f64())
            };
            if let (Some(lat), Some(lon)) = (get("latitude"), get("longitude")) {
                origin.set(Some((LonLat::new(lon, lat), "Mijn locatie".to_string())));
            }
        });
        let _ = geo.get_current_position(ok.unchecked_ref());
    };
    view! {
        <fieldset class="origin">
            <legend>"Vertrekpunt"</legend>
            <div class="origin-row">
                <label for="origin-input" class="sr-only">"Plaats of postcode"</label>
                <input id="origin-input" type="text" list="origin-suggestions" autocomplete="off"
                    placeholder="Plaats of postcode, bv. Goes of 9000"
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
                <p class="hint error-text" id="origin-not-found">"Die plaats of postcode kennen we niet. Kies een suggestie uit de lijst."</p>
            </Show>
            <div class="origin-actions">
                <button type="button" class="btn-link" id="origin-locate" on:click=locate>"Gebruik mijn locatie"</button>
                <button type="button" class="btn-link" id="origin-pick" aria-pressed=move || picking.get().to_string() on:click=move |_| picking.update(|p| *p = !*p)>
                    {move || if picking.get() { "Klik nu op de kaart…" } else { "Kies op de kaart" }}
                </button>
            </div>
            <Show when=move || origin.get().is_some()>
                <p class="origin-set" id="origin-label">
                    {move || origin.get().map(|(_, l)| format!("Vanaf: {l}"))}
                    <button type="button" class="btn-link" id="origin-clear" on:click=move |_| { origin.set(None); typed.set(String::new()); }>"wissen"</button>
                </p>
                <label class="radius" for="radius">"Afstand"
                    <select id="radius" on:change=move |ev| radius_km.set(event_target_value(&ev).parse::<f64>().ok())>
                        <option value="" selected=move || radius_km.get().is_none()>"Geen grens (sorteer op afstand)"</option>
                        {RADII_KM.iter().map(|r| {
                            let r = *r;
                            view! { <option value=r.to_string() selected=move || radius_km.get() == Some(f64::from(r))>{format!("Binnen {r} km")}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <p class="hint">"Afstand in vogelvlucht."</p>
            </Show>
        </fieldset>
    }
}

#[component]
fn About(
    meta: RwSignal<DatasetMeta>,
    catalog: RwSignal<Option<Arc<Catalog>>>,
    source_label: RwSignal<String>,
    data: DataState,
) -> impl IntoView {
    let stats = move || {
        catalog.with(|c| {
            c.as_ref().map(|c| {
                let n = |p| c.data.providers.iter().filter(|x| x.location_precision == p).count();
                let sources: std::collections::BTreeSet<&str> = c.data.providers.iter().map(|p| p.source.name.as_str()).collect();
                format!(
                    "{} locaties, {} opleidingen, uit {} bronnen. Ligging op adres: {}, op postcode: {}, op gemeente: {}.",
                    c.data.providers.len(),
                    c.data.courses.len(),
                    sources.len(),
                    n(crate::core::LocationPrecision::Address),
                    n(crate::core::LocationPrecision::Postcode),
                    n(crate::core::LocationPrecision::Town),
                )
            })
        })
    };
    let pick_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        data.status.set(Status::Loading);
        spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(v) => {
                    data.source_label.set(format!("bestand {name}"));
                    data.apply(&v.as_string().unwrap_or_default());
                }
                Err(_) => data.status.set(Status::Failed(format!(
                    "Het bestand {name} kon niet gelezen worden."
                ))),
            }
        });
    };
    view! {
        <details class="about" id="about">
            <summary>"Over de gegevens"</summary>
            <p>"Echte instellingen en opleidingen, elk met de bron waar de gegevens vandaan komen. Ligt een instelling op gemeenteniveau, dan staat haar marker in het centrum van de gemeente, niet op het adres; dat staat ook bij elk resultaat."</p>
            <p id="about-stats">{stats}</p>
            <p>
                {move || format!("Geladen: {}", source_label.get())}
                {move || meta.get().compiled.map(|d| format!(", samengesteld op {d}"))}
                "."
            </p>
            {move || meta.get().note.map(|n| view! { <p class="hint">{n}</p> })}
            <p>"Niveaus: EQF-indeling volgens de Nederlandse (NLQF) en Vlaamse (VKS) kwalificatiekaders. "{level::ADMISSION_CAVEAT}</p>
            <h3>"Bronnen en licenties"</h3>
            <ul>
                <li>"Instellingen en opleidingen: de websites van de instellingen zelf (per resultaat vermeld)."</li>
                <li>"Kaart: © OpenStreetMap-bijdragers (ODbL)."</li>
                <li>"Plaatsnamen: GeoNames (CC BY 4.0); Belgische postcodes: Statbel (CC BY 4.0)."</li>
                <li>"Grenzen: Natural Earth (publiek domein); provincies: NGI / Statbel (CC BY 4.0)."</li>
                <li>"Kaartbibliotheek: Leaflet (BSD-2-Clause)."</li>
            </ul>
            <h3>"Een fout melden"</h3>
            <p>"Klopt er iets niet of ontbreekt een opleiding? Meld het aan de organisatie die deze kaart publiceert, met de naam van de instelling, de opleiding en de juiste gegevens (met een bron, bijvoorbeeld de pagina op de website van de school)."</p>
            <h3>"Een andere dataset bekijken"</h3>
            <p class="hint">"Een GeoJSON-bestand in het formaat van de Leerkaart (zie data/SCHEMA.md), bijvoorbeeld het volledige aanbod uit de importeurs. Het bestand blijft op dit toestel."</p>
            <label for="data-file" class="file-label">"Kies een bestand"</label>
            <input id="data-file" type="file" accept=".geojson,.json,.geojsonl,.ndjson" on:change=pick_file />
        </details>
    }
}
