#!/usr/bin/env bash
# The page's weight (gzip -9) and the floor its stack sets: the shipped page's wasm, JS and
# CSS (from dist/, built by `trunk build --release`), the smallest Leptos + reqwest page
# (examples/leptos_floor.rs) and the core's loading, filtering, indexing and occupation code
# alone (examples/wasm_bench.rs, with its benchmark harness), each built like the page
# (opt-level z, wasm-bindgen, wasm-opt -Oz).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
out=target/weight
mkdir -p "$out"
gz() { gzip -9c "$1" | wc -c | awk '{printf "%.0f kB", $1 / 1000}'; }
opt() { wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals "$1" -o "$2"; }
cargo build --quiet --release --target wasm32-unknown-unknown --example leptos_floor --example wasm_bench
wasm-bindgen --target web --out-dir "$out/floor" target/wasm32-unknown-unknown/release/examples/leptos_floor.wasm
wasm-bindgen --target web --out-dir "$out/core" target/wasm32-unknown-unknown/release/examples/wasm_bench.wasm
opt "$out/floor/leptos_floor_bg.wasm" "$out/floor.wasm"
opt "$out/core/wasm_bench_bg.wasm" "$out/core.wasm"
if ls dist/*_bg.wasm >/dev/null 2>&1; then
  echo "shipped page: wasm $(gz dist/*_bg.wasm), JS $(gz "$(ls dist/leerkaart-*.js | head -1)"), CSS $(gz "$(ls dist/*.css | head -1)")"
fi
echo "smallest Leptos + reqwest page: wasm $(gz "$out/floor.wasm"), JS $(gz "$out/floor/leptos_floor.js")"
echo "core alone (load, catalog, filter, index, clusters, occupations; with the benchmark harness): wasm $(gz "$out/core.wasm")"
