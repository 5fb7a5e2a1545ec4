#!/usr/bin/env bash
# Sets up what is missing (browser included) and runs every test: formatting and lints, the
# native core tests, the shipped-data checks and the browser end-to-end test in headless
# Chromium against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

echo "== format and lints"
cargo fmt --all -- --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --lib --bins --target wasm32-unknown-unknown -- -D warnings

echo "== shipped data: rebuilt from data/sources/ (offline) and validated"
cargo run --quiet --bin leerkaart-data -- build --check
cargo run --quiet --bin leerkaart-data -- validate data/providers.geojson

echo "== release page"
trunk build --release

echo "== tests (native core, data, browser)"
LEERKAART_E2E=1 cargo test --lib --bins --tests
