#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) Leerkaart needs. Idempotent: when
# everything is present it only checks versions and returns in a second or two.
#   scripts/setup.sh            wasm target, trunk, wasm-bindgen-cli, npm tools (wasm-opt)
#   scripts/setup.sh --browser  ... and Debian's chromium + chromium-driver for browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14          # 0.22 needs a newer rustc than this machine's 1.95
WASM_OPT_VERSION=132           # Debian's binaryen (108) builds a wasm that crashes
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
fi

# trunk builds offline (Trunk.toml), so the crates must be here first.
cargo fetch --quiet
