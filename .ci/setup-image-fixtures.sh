#!/usr/bin/env bash
# Installs what the image tests need, from Debian packages only: umoci, skopeo, a docker-registry to push
# fixtures to, and busybox-static binaries for amd64 (installed) and arm64 (downloaded, never installed).
# Idempotent and quiet: a second run does nothing and prints nothing unless something fails.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi

cache="${DRYDOCK_IMAGE_FIXTURES:-/var/cache/drydock-image-fixtures}"
need=()
for tool in umoci skopeo docker-registry; do
    command -v "$tool" >/dev/null 2>&1 || need+=("$tool")
done
[ -x /bin/busybox ] || need+=(busybox-static)
for arch in amd64 arm64; do
    [ -f "$cache/busybox-$arch" ] || need+=("busybox-static:$arch")
done

if [ "${#need[@]}" -eq 0 ]; then
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    $SUDO dpkg --add-architecture arm64
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! $SUDO apt-get update -qq >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
fi
if ! $SUDO apt-get install -y -qq --no-install-recommends umoci skopeo docker-registry busybox-static >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
fi

# The fixture binaries come from the .debs of each architecture, downloaded and unpacked, never installed,
# so that the amd64 one is amd64 whatever this machine is.
$SUDO mkdir -p "$cache"
work="$(mktemp -d)"
for arch in amd64 arm64; do
    (
        cd "$work"
        apt-get download -qq "busybox-static:$arch" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
        dpkg-deb -x busybox-static_*_"$arch".deb "root-$arch"
        $SUDO install -m 0755 "root-$arch/bin/busybox" "$cache/busybox-$arch"
    )
done
rm -rf "$work"
