#!/usr/bin/env bash
# End-to-end timings of the NativeAOT binary, as a user runs it (not a unit test: run by hand).
#   bash bench/cli/run.sh            # publishes, then times the cases below with hyperfine
# Figures are printed as hyperfine tables; bench/cli/README.md keeps the last measured ones.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }

out=/tmp/drydock-bench-aot
dotnet publish src/Drydock -c Release -r linux-x64 -p:PublishAot=true -o "$out" >/dev/null
bin="$out/drydock"

# A folder of 5,000 Dockerfiles: realistic variants of the examples' Dockerfiles, in 500 service folders.
corpus=/tmp/drydock-bench-5000
if [ ! -d "$corpus" ]; then
  mkdir -p "$corpus"
  mapfile -t sources < <(git ls-files 'examples/**Dockerfile' 'tests/**/*.Dockerfile' 'tests/**/Dockerfile*' | head -n 200)
  for i in $(seq 0 4999); do
    dir="$corpus/svc$((i / 10))"
    mkdir -p "$dir"
    src=${sources[$((i % ${#sources[@]}))]}
    sed "s/^EXPOSE [0-9]*/EXPOSE $((8000 + i % 1000))/" "$src" > "$dir/Dockerfile.$((i % 10))"
  done
fi

# 1,500 workflow files and 500 compose projects in one folder (the generators are seeded: same files every time).
yaml=/tmp/drydock-bench-gadc
if [ ! -d "$yaml" ]; then
  python3 bench/workflows/generate.py "$yaml" 1500 >/dev/null
  python3 bench/compose/generate.py "$yaml" 500 >/dev/null
fi

uptime
hyperfine -N -i --warmup 3 --runs 30 --export-markdown /tmp/drydock-bench-case-a.md \
  "$bin check examples/case-a-crawler-mcp --format json --output /dev/null" || true
hyperfine -N -i --warmup 1 --runs 5 --export-markdown /tmp/drydock-bench-5000.md \
  "$bin check $corpus --format json --output /dev/null" || true
hyperfine -N -i --warmup 1 --runs 5 --export-markdown /tmp/drydock-bench-gadc.md \
  "$bin check $yaml --format json --output /dev/null" || true
uptime
cat /tmp/drydock-bench-case-a.md /tmp/drydock-bench-5000.md /tmp/drydock-bench-gadc.md
