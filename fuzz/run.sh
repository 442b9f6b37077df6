#!/usr/bin/env bash
# Coverage-guided fuzzing of one Drydock parser with SharpFuzz + AFL++ (by hand; not part of CI).
# Usage: fuzz/run.sh dockerfile|makefile|python|tar|log [SECONDS=60]
# Work files go under /tmp/drydock-fuzz/<target>; crashing inputs are copied to fuzz/crashes/<target>/ and replayed.
set -euo pipefail

target="${1:-}"
seconds="${2:-60}"
case "$target" in
  dockerfile) assemblies=(Drydock.Docker.dll Drydock.Core.dll) ;;
  makefile)   assemblies=(Drydock.Make.dll Drydock.Core.dll) ;;
  python)     assemblies=(Drydock.Python.dll Drydock.Core.dll) ;;
  tar)        assemblies=(Drydock.Image.dll) ;;
  log)        assemblies=(Drydock.Logs.dll) ;;
  *) echo "usage: $0 dockerfile|makefile|python|tar|log [SECONDS]" >&2; exit 2 ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "SECONDS must be a whole number" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="/tmp/drydock-fuzz/$target"
art="/tmp/drydock-fuzz/art"
export PATH="$PATH:$HOME/.dotnet/tools"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_CLI_TELEMETRY_OPTOUT=1

if ! command -v afl-fuzz >/dev/null; then
  apt-get install -y afl++
fi
if ! command -v sharpfuzz >/dev/null; then
  dotnet tool install --global SharpFuzz.CommandLine
fi

# A fresh publish every run: sharpfuzz rewrites the assemblies in place.
rm -rf "$work/publish"
dotnet publish "$here/Drydock.Fuzz/Drydock.Fuzz.csproj" -c Release --artifacts-path "$art" -o "$work/publish" -nologo -v quiet
for assembly in "${assemblies[@]}"; do
  sharpfuzz "$work/publish/$assembly"
done

# dotnet itself carries no AFL marker (AFL_SKIP_BIN_CHECK); the runtime needs seconds to start the fork server.
rm -rf "$work/findings"
AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 \
AFL_FORKSRV_INIT_TMOUT=60000 AFL_NO_AFFINITY=1 \
  afl-fuzz -i "$here/corpus/$target" -o "$work/findings" -m none -t 5000 -V "$seconds" \
  -- dotnet "$work/publish/Drydock.Fuzz.dll" "$target" > "$work/afl.log" 2>&1 || {
    echo "afl-fuzz failed; last lines of $work/afl.log:" >&2; tail -n 30 "$work/afl.log" >&2; exit 1; }

stats="$work/findings/default/fuzzer_stats"
field() { awk -F' *: *' -v key="$1" '$1 == key { print $2 }' "$stats"; }
echo "target=$target seconds=$seconds execs=$(field execs_done) execs_per_sec=$(field execs_per_sec)" \
     "corpus=$(field corpus_count) edges=$(field edges_found)/$(field total_edges) crashes=$(field saved_crashes) hangs=$(field saved_hangs)"

# Crashes: keep the inputs in the tree and replay them on the uninstrumented build for the stack trace.
shopt -s nullglob
crashes=("$work"/findings/default/crashes/id:*)
hangs=("$work"/findings/default/hangs/id:*)
if (( ${#crashes[@]} + ${#hangs[@]} > 0 )); then
  # AFL names (id:000000,sig:02,...) contain colons, which Windows checkouts reject: keep kind and id only.
  mkdir -p "$here/crashes/$target"
  for input in "${crashes[@]}" "${hangs[@]}"; do
    case "$input" in */hangs/*) kind=hang ;; *) kind=crash ;; esac
    id="$(basename "$input" | sed 's/^id:\([0-9]*\).*/\1/')"
    cp "$input" "$here/crashes/$target/$kind-$id"
  done
  echo "copied ${#crashes[@]} crash(es) and ${#hangs[@]} hang(s) to fuzz/crashes/$target/; replaying:"
  dotnet "$art/bin/Drydock.Fuzz/release/Drydock.Fuzz.dll" "$target" "$here/crashes/$target"/* | grep -v '^ok ' || true
fi
