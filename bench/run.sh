#!/bin/sh
# `make bench` (after `make build`): writes the portfolios to bench/data/, runs the native
# benches (d) with criterion, then the Node benchmark (a)-(c), which prints (d) beside them;
# then the strategy (`nextAction`, `nextActions` over 100,000 accounts) and the small calls
# (`quote`, `paymentPlan`, `settlementOffers`, `charges`), natively and in Node.
#   bench/run.sh [--sizes 10000,100000,1000000] [--runs 3] [--seed 1]
# SKIP_NATIVE=1 skips criterion (the table then shows its last results, if any).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

sizes=10000,100000,1000000
prev=
for arg in "$@"; do
  [ "$prev" = --sizes ] && sizes=$arg
  prev=$arg
done

[ -d bench/node_modules/decimal.js ] || npm ci --prefix bench --no-audit --no-fund

if [ "${SKIP_NATIVE:-0}" != 1 ]; then
  for n in $(echo "$sizes" | tr , ' '); do
    [ -f "bench/data/aging-$n.json" ] || node bench/generate.mjs "$n"
  done
  ARREARS_BENCH_SIZES=$sizes cargo bench --bench aging -- --noplot
  [ -f bench/data/accounts-100000.json ] || node bench/accounts.mjs 100000
  [ -f bench/data/calls.json ] || node bench/calls.mjs --write
  cargo bench --bench strategy -- --noplot
  cargo bench --bench calls -- --noplot
fi

node --max-old-space-size=8192 bench/run.mjs "$@"
node bench/strategy.mjs
node bench/calls.mjs
