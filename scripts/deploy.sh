#!/usr/bin/env bash
# Writes a folder ready for any static host (GitHub Pages, a municipal web server, an object
# store behind a CDN): the release page, its data, the open-data downloads, the service worker
# and the web manifest. Every path in it is relative, so it works at the host's root or under
# any sub-path (https://example.org/opleidingen/kaart/).
#
#   scripts/deploy.sh OUTDIR [--data FILE.geojson] [--tile-above-mb N]
#
# --data          ship another dataset than data/providers.geojson (e.g. a larger merge).
# --tile-above-mb a dataset larger than this (default 20 MB) is split into grid tiles
#                 (leerkaart-data tile): the page then fetches only the tiles its view needs.
set -euo pipefail
cd "$(dirname "$0")/.."

out=""
data="data/providers.geojson"
tile_above_mb=20
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data="$2"; shift 2 ;;
    --tile-above-mb) tile_above_mb="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) if [ -z "$out" ]; then out="$1"; shift; else echo "deploy: unexpected argument $1" >&2; exit 2; fi ;;
  esac
done
if [ -z "$out" ]; then
  echo "usage: scripts/deploy.sh OUTDIR [--data FILE.geojson] [--tile-above-mb N]" >&2
  exit 2
fi

scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

echo "deploy: building the release page (first time ~3 min of compiling, then ~1 min)"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
trunk build --release --dist "$staging/site"

if [ "$data" != "data/providers.geojson" ]; then
  cp "$data" "$staging/site/data/providers.geojson"
fi
echo "deploy: open-data downloads (CSV, OOAPI v5) of $data"
rm -rf "$staging/site/data/export"
cargo run --quiet --bin leerkaart-data -- export "$data" --out "$staging/site/data/export"
size_mb=$(( $(stat -c %s "$staging/site/data/providers.geojson") / 1024 / 1024 ))
if [ "$size_mb" -gt "$tile_above_mb" ]; then
  echo "deploy: the dataset is $size_mb MB: splitting it into tiles"
  cargo run --quiet --release --bin leerkaart-data -- tile "$staging/site/data/providers.geojson" --out "$staging/site/data/tiles"
  # The page reads its default dataset from this tag.
  sed -i 's|<meta name="leerkaart-data" content="[^"]*">|<meta name="leerkaart-data" content="data/tiles/index.json">|' "$staging/site/index.html"
  # ... and the early download is the index, not the whole file.
  sed -i 's|<link rel="preload" href="data/providers.geojson" as="fetch" type="application/geo+json" crossorigin fetchpriority="low">|<link rel="preload" href="data/tiles/index.json" as="fetch" type="application/json" crossorigin fetchpriority="low">|' "$staging/site/index.html"
  grep -q 'href="data/tiles/index.json" as="fetch"' "$staging/site/index.html" || { echo "deploy: the preload tag in index.html has changed; update this script" >&2; exit 1; }
fi
if [ "$data" != "data/providers.geojson" ] || [ "$size_mb" -gt "$tile_above_mb" ]; then
  # The offline copy keeps what the page now opens with, under a new version.
  python3 tools/csp.py --sw-only "$staging/site"
fi
# GitHub Pages: serve the files as they are (no Jekyll).
touch "$staging/site/.nojekyll"

mkdir -p "$out"
# Replace the folder's contents whole, so no file of an older deployment lingers.
find "$out" -mindepth 1 -delete
cp -a "$staging/site/." "$out/"
echo
echo "deploy: $out is ready for any static host ($(du -sh "$out" | cut -f1); page and wasm:"
for f in "$out"/*.wasm "$out"/*.js "$out"/*.css; do
  printf '  %-48s %6s KB gzipped\n' "$(basename "$f")" "$(( $(gzip -9c "$f" | wc -c) / 1024 ))"
done
echo "  Serve it with the types: .wasm application/wasm, .webmanifest application/manifest+json."
