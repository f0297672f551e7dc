#!/usr/bin/env bash
# Prints a wasm file's size, raw and gzipped (gzip -9, as a CDN would serve it).
# Usage: scripts/size.sh FILE
set -euo pipefail
raw=$(wc -c < "$1")
gz=$(gzip -9 -c "$1" | wc -c)
printf 'size: %s %d bytes (%.1f KiB), gzipped %d bytes (%.1f KiB)\n' \
  "$1" "$raw" "$(echo "$raw / 1024" | bc -l)" "$gz" "$(echo "$gz / 1024" | bc -l)"
