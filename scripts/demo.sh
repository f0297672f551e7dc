#!/usr/bin/env bash
# Serves the demo page in www/ (built package in pkg/); www/serve.mjs prints the URL.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f www/serve.mjs ]; then
  echo "demo: www/serve.mjs is not there yet (the demo page is built on the www branch)" >&2
  exit 1
fi
exec node www/serve.mjs
