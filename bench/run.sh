#!/bin/sh
# `make bench`: builds what the benchmark needs, runs the native benches (d), then the Node
# benchmark (a)-(c) that also prints (d) from criterion's results.
#   bench/run.sh [--sizes 10000,100000,1000000] [--runs 5] [--seed 1]
# Set SKIP_BUILD=1 to reuse the built package, SKIP_NATIVE=1 to skip criterion.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

[ -d bench/node_modules/decimal.js ] || npm ci --prefix bench --no-audit --no-fund

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  if [ -f pkg/package.json ] && grep -q '"build"' pkg/package.json; then
    npm run --prefix pkg build
  else
    echo "bench: pkg/package.json has no build script yet; (a) and (b) will be skipped"
  fi
fi

if [ "${SKIP_NATIVE:-0}" != 1 ] && [ -f benches/aging.rs ]; then
  # criterion's own sizes are set in benches/aging.rs; its results land in target/criterion.
  cargo bench --bench aging -- --noplot
fi

exec node --max-old-space-size=8192 bench/run.mjs "$@"
