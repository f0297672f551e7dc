#!/usr/bin/env bash
# Builds the npm package in pkg/: one wasm file (wasm-opt -O3) with wasm-bindgen's `web` glue,
# which every runtime's entry file uses; then, from what arrears-describe writes (the JSON
# Schemas and registry.json, kept in target/describe/), the schemas, the TypeScript
# declarations and the JS wrappers (scripts/generate.mjs). Prints the size, raw and gzipped.
# Usage: scripts/build.sh [OUT_DIR [CARGO_FEATURES]]
#   OUT_DIR defaults to pkg/; any other directory gets a copy of the built pkg/ with its own
#   wasm and glue (the trap test builds one with the feature test-trap; run it with its own
#   CARGO_TARGET_DIR so the release build in target/ is left alone).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-pkg}
features=${2:-}

scripts/setup.sh rust npm

cargo build --release --target wasm32-unknown-unknown ${features:+--features "$features"}
wasm=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/arrears.wasm

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen "$wasm" --target web --out-dir "$tmp" --out-name arrears \
  --no-typescript --experimental-reset-state-function

if [ "$out" = pkg ]; then
  describe=target/describe
  rm -rf "$describe"
  cargo run --quiet -p arrears-describe -- "$describe"
  rm -rf pkg/glue pkg/schemas
  mkdir -p pkg/glue pkg/schemas
  cp "$describe"/arrears.schema.json pkg/schemas/
  # At the package's root, so that even node10 resolution finds `arrears/policy.schema.json`.
  cp "$describe"/policy.schema.json pkg/
  node scripts/generate.mjs "$describe" pkg
  [ -f README.md ] && cp README.md pkg/README.md
else
  [ -f pkg/glue/api.js ] || { echo "build.sh: build pkg/ first" >&2; exit 1; }
  rm -rf "$out"
  mkdir -p "$out"
  cp -R pkg/. "$out"/
  rm -f "$out"/*.tgz
fi
cp "$tmp/arrears.js" "$out/glue/web.js"
node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$tmp/arrears_bg.wasm" -o "$out/glue/arrears_bg.wasm"

scripts/size.sh "$out"
