#!/usr/bin/env bash
# Builds the npm package: one wasm file, glue for the web (also used by workerd and Deno) and
# for Node, and the handwritten entry files. Prints the size, raw and gzipped.
# Usage: scripts/build.sh [OUT_DIR [CARGO_FEATURES]]
#   OUT_DIR defaults to pkg/; any other directory gets a full copy of the package (the trap
#   test builds one with the feature test-trap).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-pkg}
features=${2:-}

scripts/setup.sh rust npm

cargo build --release --target wasm32-unknown-unknown ${features:+--features "$features"}
wasm=target/wasm32-unknown-unknown/release/arrears.wasm

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for target in web nodejs; do
  wasm-bindgen "$wasm" --target "$target" --out-dir "$tmp/$target" --out-name arrears \
    --no-typescript --experimental-reset-state-function
done

if [ "$out" != pkg ]; then
  rm -rf "$out"
  mkdir -p "$out"
  cp -R pkg/package.json pkg/*.js pkg/*.cjs pkg/*.mjs pkg/*.d.ts pkg/types "$out"/
fi
mkdir -p "$out/glue"
# Every target emits the same _bg.wasm, so one file serves all the glue.
cp "$tmp/web/arrears.js" "$out/glue/web.js"
cp "$tmp/nodejs/arrears.js" "$out/glue/node.cjs"
node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$tmp/web/arrears_bg.wasm" -o "$out/glue/arrears_bg.wasm"
node scripts/cjs.mjs pkg/shared.js "$out/glue/shared.cjs"
# require() gets its own declaration file (a .d.ts in a "type": "module" package is ESM).
cp pkg/index.d.ts "$out/index.d.cts"
[ -f README.md ] && cp README.md "$out/README.md"

scripts/size.sh "$out/glue/arrears_bg.wasm"
