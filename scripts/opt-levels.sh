#!/usr/bin/env bash
# Measures the package at each candidate opt-level: wasm size (raw, gzipped) and the time of
# a fixed mix of calls in Node. Used to choose [profile.release] opt-level (see DESIGN.md).
# Usage: scripts/opt-levels.sh [LEVELS...]   (default: 3 s z)
set -euo pipefail
cd "$(dirname "$0")/.."
levels=("${@:-3 s z}")
read -r -a levels <<< "${levels[*]}"
for level in "${levels[@]}"; do
  out=target/opt-level-$level
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$level scripts/build.sh "$out" > /dev/null
  echo "opt-level $level: $(scripts/size.sh "$out" | head -1 | sed 's/^size: [^ ]* //')"
  node scripts/opt-bench.cjs "$out/node.cjs"
done
