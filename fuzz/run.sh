#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 20), seeded from fuzz/seeds.
# Installs cargo-fuzz when missing; runs on the pinned nightly toolchain of scripts/setup.sh.
set -euo pipefail
seconds="${1:-20}"
cd "$(dirname "$0")"
nightly=$(../scripts/setup.sh --nightly)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked || cargo install cargo-fuzz
for target in terms entry_points json_reader; do
  mkdir -p "corpus/$target" "seeds/$target"
  cargo "+$nightly" fuzz run "$target" "corpus/$target" "seeds/$target" -- \
    -dict=json.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
