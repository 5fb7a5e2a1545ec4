#!/usr/bin/env bash
# Sets up what is missing, builds the release page and serves it with the default data on
# http://127.0.0.1:${PORT:-8080}/  (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "serve: building the release page (first time ~3 min of compiling, then ~1 min)"
trunk build --release
port="${PORT:-8080}"
echo
echo "Leerkaart: http://127.0.0.1:${port}/"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
