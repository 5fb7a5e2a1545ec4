//! The smallest page of this project's stack, to measure the weight floor the page is held
//! to: Leptos (client-side rendering) with a signal, an event, a keyed list, a conditional
//! view and an input, and a reqwest fetch with its body streamed, as the page uses them. No
//! core, no data. `scripts/weight.sh` builds it like the page and prints its gzipped size.

#[cfg(target_arch = "wasm32")]
mod page {
    use leptos::prelude::*;

    #[component]
    fn Floor() -> impl IntoView {
        let (count, set_count) = signal(0usize);
        let (items, set_items) = signal(Vec::<String>::new());
        let (text, set_text) = signal(String::new());
        wasm_bindgen_futures::spawn_local(async move {
            use futures_util::StreamExt;
            if let Ok(r) = reqwest::get("http://127.0.0.1/").await {
                let mut body = r.bytes_stream();
                let mut n = 0;
                while let Some(Ok(chunk)) = body.next().await {
                    n += chunk.len();
                }
                set_text.set(n.to_string());
            }
        });
        view! {
            <main>
                <button on:click=move |_| {
                    set_count.update(|c| *c += 1);
                    set_items.update(|v| v.push(format!("item {}", v.len())));
                }>"Add " {count}</button>
                <input type="text" prop:value=text on:input=move |ev| set_text.set(event_target_value(&ev))/>
                <ul>
                    <For each=move || items.get() key=|s| s.clone() let:s>
                        <li>{s}</li>
                    </For>
                </ul>
                <Show when=move || { count.get() > 3 } fallback=|| view! { <p>"few"</p> }>
                    <p>"many"</p>
                </Show>
            </main>
        }
    }

    pub fn run() {
        leptos::mount::mount_to_body(Floor);
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    page::run();
}
