#!/usr/bin/env bash
# Runs every cargo-fuzz target in fuzz/ for a share of SECONDS (at least 5 s each).
# Usage: scripts/fuzz.sh SECONDS
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-60}
if [ ! -f fuzz/Cargo.toml ]; then
  echo "fuzz: skipped, there is no fuzz/ yet"
  exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz
fi
# cargo-fuzz wants nightly; without it, stable with RUSTC_BOOTSTRAP and no sanitizer.
if rustup toolchain list | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
  sanitizer=()
else
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
  sanitizer=(--sanitizer none)
fi
mapfile -t targets < <("${fuzz[@]}" list)
each=$(( total / ${#targets[@]} ))
[ "$each" -lt 5 ] && each=5
for target in "${targets[@]}"; do
  echo "== fuzz $target for ${each}s"
  "${fuzz[@]}" run "${sanitizer[@]}" "$target" -- -max_total_time="$each"
done
