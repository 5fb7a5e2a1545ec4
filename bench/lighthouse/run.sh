#!/usr/bin/env bash
# Lighthouse (pinned in package.json) on the deployed folder served with gzip: mobile and
# desktop; prints the scores and the four metrics, then the long tasks of real loads with a
# slowed CPU (tasks.mjs). Usage: bench/lighthouse/run.sh SITE_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
site="$(cd "$1" && pwd)"
port=8099
( cd "$here" && [ -x node_modules/.bin/lighthouse ] || npm install --no-audit --no-fund --silent )
node "$here/serve.mjs" "$site" "$port" & server=$!
trap 'kill $server' EXIT
sleep 1
url="http://127.0.0.1:$port/?tiles=none"
flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"
out="$here/../../target/bench"
mkdir -p "$out"
echo "| form | performance | accessibility | LCP | TBT | CLS | FCP | long tasks (> 50 ms) |"
echo "|---|---|---|---|---|---|---|---|"
for form in mobile desktop; do
  preset=""
  [ "$form" = desktop ] && preset="--preset=desktop"
  CHROME_PATH=/usr/bin/chromium "$here/node_modules/.bin/lighthouse" "$url" $preset \
    --only-categories=performance,accessibility --output=json --output-path="$out/lighthouse-$form.json" \
    --chrome-flags="$flags --user-data-dir=$(mktemp -d)" --quiet || true
  python3 - "$out/lighthouse-$form.json" "$form" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); a = r["audits"]; c = r["categories"]
def ms(k): return f'{a[k]["numericValue"]/1000:.1f} s' if a[k]["numericValue"] >= 1000 else f'{a[k]["numericValue"]:.0f} ms'
tasks = [t["duration"] for t in a.get("long-tasks", {}).get("details", {}).get("items", [])]
long = f'{len(tasks)}, longest {max(tasks):.0f} ms' if tasks else "none"
print(f'| {sys.argv[2]} | {round(c["performance"]["score"]*100)} | {round(c["accessibility"]["score"]*100)} | {ms("largest-contentful-paint")} | {ms("total-blocking-time")} | {a["cumulative-layout-shift"]["numericValue"]:.3f} | {ms("first-contentful-paint")} | {long} |')
PY
done
echo
echo "Long tasks in real loads (not simulated), phone size, CPU slowed 4×:"
node "$here/tasks.mjs" "$url" 5 4
