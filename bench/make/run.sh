#!/usr/bin/env bash
# Times Drydock's Makefile checks on 500 generated projects plus one ~2.7 MiB Makefile. Run by hand; figures go in
# the report, not in tests.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${1:-/tmp/drydock-make-bench}"
rm -rf "$work" && mkdir -p "$work"
python3 "$here/generate.py" "$work/files" 500
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
dotnet run -c Release --project "$here/Drydock.Make.Bench.csproj" --artifacts-path /tmp/art-make-bench -- "$work/files" 5
