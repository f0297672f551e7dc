#!/usr/bin/env bash
# Packs pkg/ with npm pack and installs the tarball into a scratch project, as a user would:
# the Node, TypeScript, Deno and workerd tests use tests/js/scratch/app/node_modules/arrears.
# Also builds the package with the feature test-trap into tests/js/scratch/trap-pkg.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=tests/js/scratch
rm -rf "$scratch"
mkdir -p "$scratch/app"
tarball=$(cd pkg && npm pack --silent --pack-destination "../$scratch" | tail -1)
cat > "$scratch/app/package.json" <<'JSON'
{ "name": "scratch-app", "private": true, "type": "module" }
JSON
(cd "$scratch/app" && npm install --silent --no-audit --no-fund "../$tarball")
echo "installed $tarball into $scratch/app"
# Its own target directory, so the release build in target/ is not rebuilt after it.
CARGO_TARGET_DIR=target/test-trap scripts/build.sh "$scratch/trap-pkg" test-trap
