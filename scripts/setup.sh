#!/usr/bin/env bash
# Installs what the build and tests need, skipping what is already there.
# Usage: scripts/setup.sh rust|npm|chromium ...
#        scripts/setup.sh --nightly   prints the name of the pinned nightly toolchain, installing it
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130 # must equal the wasm-bindgen crate version in Cargo.toml
# The release wasm is built by this nightly, for `-Z build-std` and `-C panic=immediate-abort`
# (10 KB less gzipped, DESIGN.md "Size"); tests and native builds use stable. Installing it
# takes about 10 s (rustc, cargo and the standard library's source).
NIGHTLY=nightly-2026-05-20

rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    # Not --locked: the CLI's lockfile pins a crate version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
  fi
}

npm_packages() {
  # npm ci from the committed lockfile (which lists every platform's optional binaries of
  # deno, workerd and esbuild), again only when the lockfile changed since. A failure fails.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
}

nightly() {
  if ! rustup component list --toolchain "$NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src'; then
    rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src >&2
  fi
  echo "$NIGHTLY"
}

chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt-get update && apt-get install -y chromium chromium-driver
  fi
}

if [ "${1:-}" = --nightly ]; then
  nightly
  exit
fi
for what in "$@"; do
  case "$what" in
    rust) rust ;;
    npm) npm_packages ;;
    chromium) chromium ;;
    *) echo "setup.sh: unknown part '$what'" >&2; exit 2 ;;
  esac
done
