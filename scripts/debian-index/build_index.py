#!/usr/bin/env python3
"""Builds Drydock's compact Debian package index from Packages files that apt downloaded.

Input: the lists directory of the private apt tree made by ./generate (files named
deb.debian.org_debian_dists_<suite>_<component>_binary-<arch>_Packages and <suite>_InRelease).
Output: the index, format 2 (see docs/debian-index.md): a plain-text header, then the rows in blocks of
ROWS_PER_BLOCK, each compressed on its own with zlib so a reader inflates only the blocks it needs:

    drydock-debian-index 2
    updated 2026-11-22
    arches amd64 arm64 armhf armel i386 ppc64el s390x riscv64
    release <codename> <major> <point-version> <release-file-date> <covered-arch-mask>
    block <first name> <rows> <offset> <compressed length>      (offsets count from the end of the header)
    ---
    <zlib blocks, concatenated>

A block holds rows "<name>\t<field for release 1>\t<field for release 2>...\n", sorted by name (byte order).
A field is empty when the release has no package of that name. Otherwise it is
    <component letter><real arch mask, hex>[+<provided arch mask, hex>][:<provider>,<provider>...]
where the component letter is m (main), c (contrib), n (non-free), f (non-free-firmware) or v when
the name is only virtual (provided by other packages, never a real package). Arch masks have bit i
set for the i-th name on the "arches" line; "Architecture: all" counts as every covered architecture.
Providers are listed (at most MAX_PROVIDERS, then "+N") for purely virtual names only.
"""
import argparse
import datetime
import os
import re
import sys
import zlib
from collections import defaultdict

FORMAT_VERSION = 2
ROWS_PER_BLOCK = 1024
ARCHES = ["amd64", "arm64", "armhf", "armel", "i386", "ppc64el", "s390x", "riscv64"]
# codename -> Debian major version; order is the column order of the index.
RELEASES = [("bullseye", 11), ("bookworm", 12), ("trixie", 13)]
COMPONENT_LETTERS = {"main": "m", "contrib": "c", "non-free": "n", "non-free-firmware": "f"}
COMPONENT_ORDER = ["main", "contrib", "non-free", "non-free-firmware"]
MAX_PROVIDERS = 2
LIST_NAME = re.compile(
    r"^deb\.debian\.org_debian(?:-security)?_dists_(?P<suite>[a-z]+)(?:-(?:updates|security))?"
    r"_(?P<component>[a-z-]+)_binary-(?P<arch>[a-z0-9]+)_Packages$")
PROVIDES_ITEM = re.compile(r"^\s*([a-z0-9][a-z0-9+.-]*)")


def read_release_file(path):
    fields = {}
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.startswith("-----BEGIN PGP SIGNATURE"):
                break
            if ":" in line and not line.startswith(" "):
                key, _, value = line.partition(":")
                fields[key.strip()] = value.strip()
    return fields


def release_date(fields):
    text = fields.get("Date", "")
    try:
        return datetime.datetime.strptime(text, "%a, %d %b %Y %H:%M:%S %Z").date().isoformat()
    except ValueError:
        return "unknown"


def paragraphs(path):
    """Yields (package, architecture, provides) for each stanza of a Packages file."""
    package = architecture = provides = None
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line == "\n":
                if package:
                    yield package, architecture, provides
                package = architecture = provides = None
            elif line.startswith("Package:"):
                package = line[8:].strip()
            elif line.startswith("Architecture:"):
                architecture = line[13:].strip()
            elif line.startswith("Provides:"):
                provides = line[9:].strip()
    if package:
        yield package, architecture, provides


def is_noise(name, columns):
    """Virtual-only names nobody installs by hand, which would triple the index: Rust crates' feature and
    version aliases (librust-foo+bar-dev, librust-foo-1.2-dev) and OCaml ABI hashes (libfoo-ocaml-dev-1agp3)."""
    if any(slot["real"] for slot in columns.values()):
        return False
    if name.startswith("librust-"):
        return True
    return all(any(name == provider + "-" + name[-5:] for provider in slot["providers"]) for slot in columns.values())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", required=True, help="the private apt lists directory")
    parser.add_argument("--output", required=True, help="the .gz index to write")
    args = parser.parse_args()

    files = defaultdict(list)  # suite -> [(component, arch, path)]
    for entry in sorted(os.listdir(args.lists)):
        match = LIST_NAME.match(entry)
        if match and match["arch"] in ARCHES:
            files[match["suite"]].append((match["component"], match["arch"], os.path.join(args.lists, entry)))

    header_releases = []
    # name -> release index -> dict(real=mask, virtual=mask, components=set, providers=set)
    table = defaultdict(dict)
    for column, (codename, major) in enumerate(RELEASES):
        release_path = os.path.join(args.lists, f"deb.debian.org_debian_dists_{codename}_InRelease")
        if not os.path.exists(release_path):
            sys.exit(f"build_index: {release_path} is missing: run ./generate (apt-get update failed?)")
        fields = read_release_file(release_path)
        published = set(fields.get("Architectures", "").split())
        covered = [arch for arch in ARCHES if arch in published]
        # A release is only indexed for an architecture whose main Packages file arrived.
        have_main = {arch for component, arch, path in files[codename]
                     if component == "main" and "-updates_" not in path and "-security_" not in path}
        missing = [arch for arch in covered if arch not in have_main]
        if missing:
            sys.exit(f"build_index: {codename} main is incomplete, no Packages for {', '.join(missing)}: run ./generate again")
        covered_mask = sum(1 << ARCHES.index(arch) for arch in covered)
        header_releases.append(f"release {codename} {major} {fields.get('Version', '?')} {release_date(fields)} {covered_mask:x}")

        for component, arch, path in files[codename]:
            if arch not in covered or component not in COMPONENT_LETTERS:
                continue
            bit = 1 << ARCHES.index(arch)
            for package, architecture, provides in paragraphs(path):
                slot = table[package].setdefault(column, {"real": 0, "virtual": 0, "components": set(), "providers": set()})
                slot["real"] |= covered_mask if architecture == "all" else bit
                slot["components"].add(component)
                if provides:
                    for item in provides.split(","):
                        provided = PROVIDES_ITEM.match(item)
                        if provided and provided[1] != package:
                            vslot = table[provided[1]].setdefault(column, {"real": 0, "virtual": 0, "components": set(), "providers": set()})
                            vslot["virtual"] |= covered_mask if architecture == "all" else bit
                            vslot["providers"].add(package)

    rows = []
    for name in sorted(table, key=lambda text: text.encode("utf-8")):
        if is_noise(name, table[name]):
            continue
        cells = []
        for column in range(len(RELEASES)):
            slot = table[name].get(column)
            if slot is None:
                cells.append("")
            elif slot["real"]:
                component = next(c for c in COMPONENT_ORDER if c in slot["components"])
                cell = f"{COMPONENT_LETTERS[component]}{slot['real']:x}"
                if slot["virtual"] & ~slot["real"]:
                    cell += f"+{slot['virtual']:x}"
                cells.append(cell)
            else:
                providers = sorted(slot["providers"])
                listed = providers[:MAX_PROVIDERS]
                if len(providers) > MAX_PROVIDERS:
                    listed.append(f"+{len(providers) - MAX_PROVIDERS}")
                cells.append(f"v{slot['virtual']:x}:" + ",".join(listed))
        rows.append((name + "\t" + "\t".join(cells) + "\n").encode("utf-8"))

    # Rows go into independently compressed blocks, so a reader decompresses only the blocks its lookups touch.
    blocks = []
    for start in range(0, len(rows), ROWS_PER_BLOCK):
        chunk = rows[start:start + ROWS_PER_BLOCK]
        first = chunk[0].split(b"\t", 1)[0].decode("utf-8")
        blocks.append((first, len(chunk), zlib.compress(b"".join(chunk), 9)))

    header = [
        f"drydock-debian-index {FORMAT_VERSION}",
        f"updated {datetime.date.today().isoformat()}",
        "arches " + " ".join(ARCHES),
        *header_releases,
    ]
    offset = 0
    for first, count, payload in blocks:
        header.append(f"block {first} {count} {offset} {len(payload)}")
        offset += len(payload)
    header.append("---")
    data = ("\n".join(header) + "\n").encode("utf-8") + b"".join(payload for _, _, payload in blocks)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "wb") as handle:
        handle.write(data)
    raw = sum(len(row) for row in rows)
    print(f"build_index: {len(rows)} names, {raw} bytes of rows in {len(blocks)} blocks, {len(data)} bytes written -> {args.output}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
