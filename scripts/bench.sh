#!/usr/bin/env bash
# The benchmark suite: the Rust core natively and kdbush / flatbush / supercluster in node,
# on the same seeded points; prints one table (also in target/bench/results.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
mkdir -p target/bench
# The core as wasm, built like the shipped page (opt-level z), run in node.
cargo build --quiet --release --target wasm32-unknown-unknown --example wasm_bench
wasm-bindgen --target nodejs --out-dir target/bench/wasm target/wasm32-unknown-unknown/release/examples/wasm_bench.wasm
{
  cargo bench --quiet --bench spatial
  node bench/js/wasm.mjs
  node bench/js/bench.mjs
} | tee target/bench/raw.md | python3 bench/table.py | tee target/bench/results.md
echo
echo "In the page (headless Chromium):"
scripts/setup.sh --browser >/dev/null
trunk build --release >/dev/null 2>&1
cargo bench --quiet --bench browser | tee target/bench/browser.md
echo
echo "Lighthouse 12.2.3 on the deployed page served with gzip (?tiles=none; mobile and desktop presets):"
scripts/deploy.sh target/bench-site >/dev/null
bench/lighthouse/run.sh target/bench-site | tee target/bench/lighthouse.md
echo
echo "Heap per course after loading (wasm32, in node):"
node --max-old-space-size=4096 bench/js/memory.mjs | tee target/bench/memory.md
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), node $(node --version), $(rustc --version)"
