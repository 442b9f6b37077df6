#!/usr/bin/env bash
# Runs every Drydock test, as CI does: installs what the tests need, builds once, tests every project,
# and closes with one line "N passed, N failed" summed over all test assemblies.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "drydock tests need the .NET 10 SDK (dotnet) on PATH" >&2
  exit 2
fi

# Test fixtures that need system tools (a registry, skopeo, multi-arch busybox) install them here.
for setup in .ci/setup-*.sh; do
  [ -f "$setup" ] || continue
  echo "== $setup"
  bash "$setup" || { echo "setup script $setup failed" >&2; exit 2; }
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== build"
if ! dotnet build Drydock.slnx -c Release >"$log" 2>&1; then
  grep -E " error | warning " "$log" | sort -u | head -n 60
  tail -n 5 "$log"
  echo "0 passed, 1 failed"
  exit 1
fi
tail -n 3 "$log"

echo "== test"
dotnet test Drydock.slnx -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# VSTest prints one summary per test assembly: "Passed!  - Failed:     0, Passed:    42, Skipped: ..."
sum() { grep -E '^(Passed|Failed)! ' "$log" | grep -Eo "$1: +[0-9]+" | awk '{ total += $2 } END { print total + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
skipped=$(sum Skipped)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ "$status" != "0" ] && [ "$failed" = "0" ]; then
  # The run broke without a test failing (a crashed host, a build break): count it as a failure.
  failed=1
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$status" = "0" ] && [ "$failed" = "0" ]
