#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) Leerkaart needs. Idempotent: when
# everything is present it only checks versions and returns in a second or two.
#   scripts/setup.sh            wasm target, trunk, wasm-bindgen-cli, npm tools (wasm-opt)
#   scripts/setup.sh --browser  ... and what the tests need besides: Debian's chromium +
#                               chromium-driver, and GDAL's reader (pyogrio, in target/gis-venv)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14          # 0.22 needs a newer rustc than this machine's 1.95
WASM_OPT_VERSION=132           # Debian's binaryen (108) builds a wasm that crashes
PYOGRIO_VERSION=0.13.0         # GDAL 3.12 inside its wheel: the GIS reader of tests/gis_reader.rs
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Its own lockfile pins a crate the registry lacks, so no --locked here.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version $WASM_OPT_VERSION" || [ ! -f node_modules/axe-core/axe.min.js ]; then
  say "installing npm tools (binaryen $WASM_OPT_VERSION, leaflet, axe-core)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  if [ ! -x /usr/bin/chromium ] || ! command -v chromedriver >/dev/null 2>&1; then
    say "installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if ! target/gis-venv/bin/python -c "import pyogrio; assert pyogrio.__version__ == '$PYOGRIO_VERSION'" 2>/dev/null; then
    say "installing pyogrio $PYOGRIO_VERSION (GDAL's reader, for the GIS check of the shipped GeoJSON)"
    rm -rf target/gis-venv
    python3 -m venv target/gis-venv
    target/gis-venv/bin/pip install --quiet --disable-pip-version-check "pyogrio==$PYOGRIO_VERSION"
  fi
fi

# trunk builds offline (Trunk.toml), so the crates must be here first.
cargo fetch --quiet
