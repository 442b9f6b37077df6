#!/usr/bin/env bash
# Bench for `drydock image`: generates an OCI layout of about SIZE_MB uncompressed (default 2048) in gzip layers,
# then measures (1) peak memory (max RSS) of `drydock image` on it and (2) its wall time against `gzip -dc` of the
# same layer blobs. Targets: under 150 MB RSS, within 1.3x of gzip -dc. Run by hand: bash bench/image/run.sh
set -euo pipefail
size_mb="${SIZE_MB:-2048}"
layers="${LAYERS:-4}"
work="${BENCH_DIR:-/tmp/drydock-image-bench}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$work"
layout="$work/layout-$size_mb"

if [ ! -f "$layout/index.json" ]; then
    echo "generating a ${size_mb} MB image in $layers layers under $layout ..."
    rm -rf "$layout" "$work/tree"
    mkdir -p "$layout/blobs/sha256"
    per_layer=$((size_mb / layers))
    files=$((per_layer / 8))
    diff_ids=()
    layer_json=()
    for l in $(seq 1 "$layers"); do
        tree="$work/tree/layer$l"
        mkdir -p "$tree/data/l$l"
        for f in $(seq 1 "$files"); do
            # base64 of random bytes: text-like data that gzip compresses about 25 %, as real layers do.
            head -c $((6 * 1024 * 1024)) /dev/urandom | base64 -w 76 > "$tree/data/l$l/file$f.txt"
        done
        tar -C "$tree" -cf "$work/layer.tar" .
        diff_ids+=("sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)")
        gzip -1 -c "$work/layer.tar" > "$work/layer.tar.gz"
        digest="$(sha256sum "$work/layer.tar.gz" | cut -d' ' -f1)"
        mv "$work/layer.tar.gz" "$layout/blobs/sha256/$digest"
        layer_json+=("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$digest\",\"size\":$(stat -c %s "$layout/blobs/sha256/$digest")}")
        rm -rf "$tree" "$work/layer.tar"
    done
    ids="$(printf '"%s",' "${diff_ids[@]}")"
    config="{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/bin/sh\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[${ids%,}]}}"
    printf '%s' "$config" > "$work/config.json"
    config_digest="$(sha256sum "$work/config.json" | cut -d' ' -f1)"
    mv "$work/config.json" "$layout/blobs/sha256/$config_digest"
    layers_joined="$(IFS=,; echo "${layer_json[*]}")"
    manifest="{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:$config_digest\",\"size\":${#config}},\"layers\":[${layers_joined}]}"
    printf '%s' "$manifest" > "$work/manifest.json"
    manifest_digest="$(sha256sum "$work/manifest.json" | cut -d' ' -f1)"
    manifest_size="$(stat -c %s "$work/manifest.json")"
    mv "$work/manifest.json" "$layout/blobs/sha256/$manifest_digest"
    printf '{"imageLayoutVersion":"1.0.0"}' > "$layout/oci-layout"
    printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"latest"}}]}' "$manifest_digest" "$manifest_size" > "$layout/index.json"
fi

drydock="${DRYDOCK:-}"
if [ -z "$drydock" ]; then
    export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
    dotnet build "$repo/src/Drydock" -c Release --artifacts-path /tmp/art-image-bench -v quiet -nologo >/dev/null
    drydock=/tmp/art-image-bench/bin/Drydock/release/drydock
fi

blobs=$(python3 - "$layout" <<'PY'
import json, sys, os
layout = sys.argv[1]
index = json.load(open(os.path.join(layout, "index.json")))
manifest = json.load(open(os.path.join(layout, "blobs/sha256", index["manifests"][0]["digest"][7:])))
print(" ".join(os.path.join(layout, "blobs/sha256", l["digest"][7:]) for l in manifest["layers"]))
PY
)
uncompressed=$(du -cb $blobs | tail -1 | cut -f1)
cat $blobs > /dev/null   # warm the page cache for both runs

start=$(date +%s.%N)
for blob in $blobs; do gzip -dc "$blob" > /dev/null; done
gzip_s=$(echo "$(date +%s.%N) - $start" | bc)

/usr/bin/time -f '%M %e' -o "$work/time.txt" "$drydock" image "oci:$layout:latest" --format json --host-arch amd64 > "$work/report.json" || true
read -r rss_kb drydock_s < <(tail -1 "$work/time.txt")

echo "image: $layout ($((uncompressed / 1000000)) MB of gzip blobs)"
echo "gzip -dc of the layer blobs: ${gzip_s} s"
echo "drydock image:              ${drydock_s} s  ($(echo "scale=2; $drydock_s / $gzip_s" | bc)x gzip -dc; target <= 1.3x)"
echo "drydock image max RSS:      $((rss_kb / 1024)) MB (target < 150 MB)"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); p=r['platforms'][0]; print('uncompressed bytes read:', p['uncompressedBytes'])" "$work/report.json"
