#!/usr/bin/env bash
# End-to-end timing of the diagnose engine (run by hand; never part of the unit tests).
#   bench/logs/run.sh [SIZE_MB]        default 1024
# Measures: throughput on a large plain log, peak memory on it, a 200-log directory on all cores,
# and the bad inputs (a 500 MB single line, a binary file, a zip bomb).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SIZE_MB="${1:-1024}"
WORK="${BENCH_DIR:-/tmp/drydock-bench-logs}"
ART="${BENCH_ARTIFACTS:-/tmp/art-bench-logs}"
mkdir -p "$WORK"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
# NativeAOT, as the fast `drydock` binary ships (README): the JIT's warm-up would otherwise count as scanning time.
# BENCH_JIT=1 measures the JIT build instead.
if [ -n "${BENCH_JIT:-}" ]; then
  dotnet build "$ROOT/bench/logs/Drydock.Logs.Bench" -c Release --artifacts-path "$ART" -nologo -v quiet
  BENCH="$ART/bin/Drydock.Logs.Bench/release/Drydock.Logs.Bench"
else
  dotnet publish "$ROOT/bench/logs/Drydock.Logs.Bench" -c Release -r linux-x64 -p:PublishAot=true --artifacts-path "$ART" -o "$ART/aot" -nologo -v quiet
  BENCH="$ART/aot/Drydock.Logs.Bench"
fi

run() { # label, inputs...   (/usr/bin/time's peak RSS is the whole process's)
  local label="$1"; shift
  echo "== $label"
  /usr/bin/time -f '   /usr/bin/time: wall %e s, user %U s, sys %S s, max RSS %M KB' "$BENCH" "$@" 2>&1
}

[ -s "$WORK/big.log" ] || python3 "$ROOT/bench/logs/gen.py" plain "$WORK/big.log" "$SIZE_MB"
run "plain log of ${SIZE_MB} MB (failure on the last lines)" "$WORK/big.log"

rm -rf "$WORK/dir200"; python3 "$ROOT/bench/logs/gen.py" dir "$WORK/dir200" 200 "$ROOT/examples/logs-corpus"
run "200-log directory, one log at a time (the baseline for the next line)" --jobs 1 "$WORK/dir200"
run "200-log directory on every core (user+sys > wall when the cores are free)" "$WORK/dir200"
(cd "$WORK" && rm -f dir200.zip && python3 -c 'import shutil; shutil.make_archive("dir200", "zip", "dir200")')
run "the same 200 logs as a run zip, on every core" "$WORK/dir200.zip"

python3 "$ROOT/bench/logs/gen.py" oneline "$WORK/oneline.log" 500
run "one line of 500 MB" "$WORK/oneline.log"
head -c 20000000 /dev/urandom > "$WORK/binary.log"
run "binary file" "$WORK/binary.log"
python3 "$ROOT/bench/logs/gen.py" bomb "$WORK/bomb.zip" 2048
run "zip bomb (2 GB of zeros in one entry)" "$WORK/bomb.zip"
: > "$WORK/empty.log"
run "empty log" "$WORK/empty.log"
rm -rf "$WORK/oneline.log" "$WORK/binary.log" "$WORK/bomb.zip" "$WORK/dir200" "$WORK/dir200.zip"
