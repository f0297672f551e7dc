#!/usr/bin/env bash
# Prints the size of a built package, raw and gzipped (gzip -9 of each file, as a CDN would
# serve it): its wasm, and the wasm with every JS file a runtime may load.
# Usage: scripts/size.sh [PKG_DIR]   (default pkg/)
set -euo pipefail
pkg=${1:-pkg}
line() { # LABEL RAW GZIPPED
  printf 'size: %s %d bytes (%.1f KiB), gzipped %d bytes (%.1f KiB)\n' \
    "$1" "$2" "$(echo "$2 / 1024" | bc -l)" "$3" "$(echo "$3 / 1024" | bc -l)"
}
raw=0 gz=0 files=0
for file in "$pkg"/glue/arrears_bg.wasm "$pkg"/*.js "$pkg"/*.mjs "$pkg"/*.cjs "$pkg"/glue/*.js; do
  [ -f "$file" ] || continue
  r=$(wc -c < "$file")
  g=$(gzip -9 -c "$file" | wc -c)
  [ "$files" = 0 ] && line "$file" "$r" "$g"
  raw=$((raw + r)) gz=$((gz + g)) files=$((files + 1))
done
line "$pkg (the wasm and $((files - 1)) JS files)" "$raw" "$gz"
