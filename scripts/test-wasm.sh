#!/usr/bin/env bash
# Runs the wasm-bindgen tests of the bindings (src/js) in Node, then in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh rust chromium

echo "== wasm-bindgen-test in Node"
cargo test --target wasm32-unknown-unknown --lib js::

echo "== wasm-bindgen-test in headless Chromium"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/wasm/webdriver.json" \
  cargo test --target wasm32-unknown-unknown --lib js::
