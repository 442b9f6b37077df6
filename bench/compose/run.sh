#!/usr/bin/env bash
# Times Drydock's compose checks on 500 generated compose files, and dclint on the same files when installed
# (npm install --prefix /tmp/dclint dclint). Run by hand; figures go in the report, not in tests.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-/tmp/drydock-compose-bench}"
rm -rf "$work" && mkdir -p "$work"
python3 "$here/generate.py" "$work/files" 500
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
dotnet run -c Release --project "$here/Drydock.Compose.Bench.csproj" --artifacts-path /tmp/art-compose-bench -- "$work/files" 5
dclint=/tmp/dclint/node_modules/.bin/dclint
if [ -x "$dclint" ]; then
  start=$(date +%s%N)
  "$dclint" "$work/files" -r > "$work/dclint.txt" 2>&1 || true
  end=$(date +%s%N)
  echo "dclint: $(( (end - start) / 1000000 )) ms ($(grep -c 'warning\|error' "$work/dclint.txt" || true) lines of findings)"
fi
