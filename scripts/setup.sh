#!/usr/bin/env bash
# Installs what the build and tests need, skipping what is already there.
# Usage: scripts/setup.sh rust|npm|chromium ...
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130 # must equal the wasm-bindgen crate version in Cargo.toml

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

chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt-get update && apt-get install -y chromium chromium-driver
  fi
}

for what in "$@"; do
  case "$what" in
    rust) rust ;;
    npm) npm_packages ;;
    chromium) chromium ;;
    *) echo "setup.sh: unknown part '$what'" >&2; exit 2 ;;
  esac
done
