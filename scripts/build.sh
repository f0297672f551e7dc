#!/usr/bin/env bash
# Builds the npm package in pkg/: one wasm file (wasm-opt -O3), and browser.js, which every
# runtime's entry file uses: wasm-bindgen's `web` glue, js/ and the JS wrappers bundled by
# esbuild; from what arrears-describe writes (the JSON Schemas and registry.json, kept in
# target/describe/), the schemas, the TypeScript declarations and those wrappers
# (scripts/generate.mjs). Prints the size, raw and gzipped.
# Usage: scripts/build.sh [OUT_DIR [CARGO_FEATURES]]
#   OUT_DIR defaults to pkg/; any other directory gets a copy of the built pkg/ with its own
#   wasm and glue (the trap test builds one with the feature test-trap; run it with its own
#   CARGO_TARGET_DIR so the release build in target/ is left alone).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-pkg}
features=${2:-}

scripts/setup.sh rust npm

# The standard library rebuilt with the crate (`-Z build-std`, nightly) so that a panic is
# only a trap (`panic=immediate-abort`): no panic message is formatted, and none was ever shown
# (a panic already aborted). 10 KB less gzipped at the same speed (DESIGN.md, "Size").
#
# LLVM inlines less: the whole program is optimised (fat LTO) at opt-level 2, whose inline
# threshold `-inlinedefault-threshold` sets (225 by default; opt-level 3 fixes 250), at 50. The
# cold crate's "z" keeps its own threshold of 5, and the few small functions the hot loops call
# in every record carry `#[inline]` (threshold 325). 8.5 KB less gzipped, a few per cent slower
# (DESIGN.md, "Size"). Native builds keep opt-level 3.
nightly=$(scripts/setup.sh --nightly)
CARGO_PROFILE_RELEASE_OPT_LEVEL=${CARGO_PROFILE_RELEASE_OPT_LEVEL:-2} \
  cargo "+$nightly" build --release --target wasm32-unknown-unknown -Z build-std=std,panic_abort \
  --config 'target.wasm32-unknown-unknown.rustflags = ["-Zunstable-options", "-Cpanic=immediate-abort", "-Cllvm-args=-inlinedefault-threshold=50"]' \
  ${features:+--features "$features"}
wasm=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/arrears.wasm

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen "$wasm" --target web --out-dir "$tmp" --out-name arrears \
  --no-typescript --experimental-reset-state-function

# The JS modules before bundling: js/*.js, wasm-bindgen's glue and the generated wrappers. The
# package's browser.js is bundled from them; tests that reach inside the package (its trap
# recovery) import them as they are.
modules=${CARGO_TARGET_DIR:-target}/modules
if [ "$out" != pkg ]; then
  # The wrappers are pkg/'s: kept before $modules, which may be target/modules, is emptied.
  [ -f target/modules/glue/api.js ] || { echo "build.sh: build pkg/ first" >&2; exit 1; }
  cp target/modules/glue/api.js "$tmp/api.js"
fi
rm -rf "$modules"
mkdir -p "$modules/glue"
cp js/*.js "$modules"/
cp "$tmp/arrears.js" "$modules/glue/web.js"
# The JS the wasm imports (`#[wasm_bindgen(module = "/js/...")]`), where the glue imports it.
cp -R "$tmp/snippets" "$modules/glue/"

if [ "$out" = pkg ]; then
  describe=target/describe
  rm -rf "$describe"
  cargo run --quiet -p arrears-describe -- "$describe"
  rm -rf pkg/glue pkg/schemas
  mkdir -p pkg/schemas
  cp "$describe"/arrears.schema.json pkg/schemas/
  # At the package's root, so that even node10 resolution finds `arrears/policy.schema.json`.
  cp "$describe"/policy.schema.json pkg/
  node scripts/generate.mjs "$describe" pkg "$modules"
  [ -f README.md ] && cp README.md pkg/README.md
else
  cp "$tmp/api.js" "$modules/glue/api.js"
  rm -rf "$out"
  mkdir -p "$out"
  cp -R pkg/. "$out"/
  rm -f "$out"/*.tgz
fi
# One module instead of six: each ES module costs Node about 0.6 ms to load (DESIGN.md,
# "Memory and cold start"), and browsers one request less each.
node_modules/.bin/esbuild "$modules/package.js" --bundle --minify --format=esm --platform=neutral \
  --log-level=warning --outfile="$out/browser.js" --banner:js="// arrears for browsers, bundlers and Node (which it instantiates on load), and the module
// the Deno and workerd entries import. Bundled by scripts/build.sh from js/ (package.js and
// what it imports), wasm-bindgen's glue and the wrappers scripts/generate.mjs writes: do not edit."
# No function inlined by wasm-opt only because it has one caller: LLVM has chosen what to
# inline at opt-level 3, and wasm-opt's extra inlining made the wasm 10.8 KB larger gzipped at
# the same speed (DESIGN.md, "Size"). `--low-memory-unused`: no address is computed by wrapping
# around into the first KB of memory (the bottom of the stack, which grows down from 1 MiB),
# so constant offsets fold into loads and stores: 1.1 KB less gzipped, the same speed.
# `--converge`: the passes again until the wasm stops shrinking (0.8 KB less gzipped, 5 s more).
node_modules/.bin/wasm-opt -O3 --converge --one-caller-inline-max-function-size 0 --low-memory-unused \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$tmp/arrears_bg.wasm" -o "$out/arrears_bg.wasm"

scripts/size.sh "$out"
