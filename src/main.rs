//! Entry point: mounts the Leptos app in the browser. Build it with `trunk`.

#[cfg(target_arch = "wasm32")]
fn main() {
    leerkaart::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "leerkaart is a web app: serve it with `scripts/serve.sh` (trunk builds the wasm). \
         The data tools are in the `leerkaart-data` binary."
    );
    std::process::exit(2);
}
