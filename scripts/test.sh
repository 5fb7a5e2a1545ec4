#!/usr/bin/env bash
# Sets up what is missing (browser included) and runs every test: formatting and lints, the
# native core tests, the shipped-data checks and the browser end-to-end test in headless
# Chromium against the release build.
# Each step says what it does and, on a fresh machine, about how long it takes (2 cores); the
# compiler prints its progress, so no step is silent for long.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
step() {
  printf '\n\033[1m== %s\033[0m  (%ss so far)\n' "$*" "$((SECONDS - started))"
}

step "setup: tools the build and the browser tests need (fresh machine: ~15 min, once)"
scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step "format and lints (fresh machine: ~4 min of compiling, then seconds)"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --lib --bins --target wasm32-unknown-unknown -- -D warnings

step "shipped data: rebuilt from data/sources/ (offline) and validated"
cargo run --bin leerkaart-data -- build --check
cargo run --quiet --bin leerkaart-data -- validate data/providers.geojson

step "release page, deployed to target/site as for a static host (fresh machine: ~2 min)"
scripts/deploy.sh target/site

step "tests: native core, data, browser (fresh machine: ~3 min of compiling, then ~4 min)"
if [ ! -d ../shared/data ]; then
  echo "note: ../shared/data is not beside this clone, so the tests that compare the importers"
  echo "      and the copies under data/sources/ with it pass without checking (each prints a"
  echo "      SKIPPED line below). CI has ../shared and runs them."
fi
# The browser tests serve target/site under a sub-path, as a partner's web server would.
LEERKAART_E2E=1 LEERKAART_SITE=target/site cargo test --lib --bins --tests
step "all passed"
