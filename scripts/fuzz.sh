#!/usr/bin/env bash
# Fuzzes the GeoJSON loader/validator, the URL-state parser and the importers with libFuzzer
# (cargo-fuzz), each for SECONDS (default 60), growing the corpora in fuzz/corpus/.
#   scripts/fuzz.sh              all targets
#   SECONDS_EACH=600 scripts/fuzz.sh geojson
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP=1 enables them on this stable toolchain.
# A crash leaves its input in fuzz/artifacts/<target>/: turn it into a regression test named
# after what it found (see tests/fuzz_regressions.rs) before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
secs="${SECONDS_EACH:-60}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(geojson url_state importers)
cd fuzz
for t in "${targets[@]}"; do
  echo "== fuzz $t for ${secs}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -print_final_stats=1 2>&1 \
    | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+== ERROR|SUMMARY|Done)|artifact_prefix|Test unit written" || true
done
