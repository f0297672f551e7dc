#!/usr/bin/env bash
# tsc --noEmit over tests/types/usage.ts, compiled inside the scratch project where the
# packed package is installed, under both module resolutions users have (nodenext, bundler).
set -euo pipefail
cd "$(dirname "$0")/.."
app=tests/js/scratch/app
cp tests/types/usage.ts tests/types/tsconfig.*.json "$app"/
for config in "$app"/tsconfig.*.json; do
  echo "tsc --noEmit -p $config"
  node_modules/.bin/tsc --noEmit -p "$config"
done
