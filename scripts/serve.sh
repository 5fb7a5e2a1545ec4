#!/usr/bin/env bash
# Sets up what is missing, builds the site as scripts/deploy.sh writes it for a static host
# (into dist/) and serves it with the default data on http://127.0.0.1:${PORT:-8080}/
# (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "serve: building the release page (first time ~3 min of compiling, then ~1 min)"
scripts/deploy.sh dist
port="${PORT:-8080}"
echo
echo "Leerkaart: http://127.0.0.1:${port}/"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
