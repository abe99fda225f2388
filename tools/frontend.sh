#!/usr/bin/env bash
# Refreshes the checked-in front-end files from the npm registry (versions in src/Web/package.json).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/src/Web/package.json" "$work/"
(cd "$work" && npm install --no-audit --no-fund)
lib="$root/src/Web/wwwroot/lib"
cp "$work/node_modules/bootstrap/dist/css/bootstrap.min.css" "$work/node_modules/bootstrap/LICENSE" "$lib/bootstrap/"
cp "$work/node_modules/chart.js/dist/chart.umd.js" "$work/node_modules/chart.js/LICENSE.md" "$lib/chart.js/"
echo "front-end files refreshed in $lib"
