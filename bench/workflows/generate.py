#!/usr/bin/env python3
"""Writes N realistic workflow files (default 1,500) into <out>/.github/workflows/ for the speed comparison.

Usage: python3 generate.py /tmp/ga-bench [count]
Each file mixes a Python test matrix, a lint job, a multi-arch GHCR publish job and, in some files, the
mistakes the GA rules look for, so that both tools do real work."""
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/ga-bench"
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
random.seed(5)
folder = os.path.join(out, ".github", "workflows")
os.makedirs(folder, exist_ok=True)

PYTHONS = ['"3.9"', '"3.10"', '"3.11"', '"3.12"', '"3.13"']
ARTIFACT = ["v3", "v4", "v4"]
CHECKOUT = ["v3", "v4", "v4", "v4"]

for n in range(count):
    versions = ", ".join(random.sample(PYTHONS, random.randint(2, 4)))
    meta_id = random.choice(["meta", "meta", "metadata"])
    runner = random.choice(["ubuntu-latest", "ubuntu-24.04", "ubuntu-22.04", "[self-hosted, linux, ARM64]", "ubuntu-lastest"])
    text = f"""name: pipeline {n}

on:
  push:
    branches: [main, "release/**"]
    tags: ["v*"]
  pull_request:
    paths: ["src/**", "tests/**", "pyproject.toml"]
  schedule:
    - cron: "{random.randint(0, 59)} {random.randint(0, 23)} * * {random.randint(0, 6)}"
  workflow_dispatch:

env:
  REGISTRY: ghcr.io
  IMAGE_NAME: ${{{{ github.repository }}}}

jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@{random.choice(CHECKOUT)}
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
          cache: pip
      - run: pip install flake8 && flake8 src tests

  test:
    runs-on: {runner}
    needs: lint
    strategy:
      fail-fast: false
      matrix:
        python-version: [{versions}]
        os: [linux]
        exclude:
          - python-version: "3.9"
            os: linux
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: ${{{{ matrix.python-version }}}}
      - name: Install
        run: |
          python -m pip install --upgrade pip
          pip install -e ".[test]"
      - name: Test
        run: pytest --junitxml=report-${{{{ matrix.python-version }}}}.xml
      - uses: actions/upload-artifact@{random.choice(ARTIFACT)}
        if: always()
        with:
          name: report-${{{{ matrix.python-version }}}}
          path: report-${{{{ matrix.python-version }}}}.xml

  publish:
    needs: [test]
    runs-on: ubuntu-latest
    if: github.event_name != 'pull_request'
    permissions:
      contents: read
      packages: {random.choice(["write", "write", "read"])}
    steps:
      - uses: actions/checkout@v4
      - uses: docker/setup-qemu-action@v3
      - uses: docker/setup-buildx-action@v3
      - uses: docker/login-action@v3
        with:
          registry: ${{{{ env.REGISTRY }}}}
          username: ${{{{ github.actor }}}}
          password: ${{{{ secrets.GITHUB_TOKEN }}}}
      - id: {meta_id}
        uses: docker/metadata-action@v5
        with:
          images: ${{{{ env.REGISTRY }}}}/${{{{ env.IMAGE_NAME }}}}
          tags: |
            type=sha
            type=semver,pattern={{{{version}}}}
      - uses: docker/build-push-action@v6
        with:
          context: .
          platforms: linux/amd64,linux/arm64
          push: true
          tags: ${{{{ steps.meta.outputs.tags }}}}
          labels: ${{{{ steps.meta.outputs.labels }}}}
          cache-from: type=gha
          cache-to: type=gha,mode=max
      - run: echo "Published ${{{{ github.event.head_commit.message }}}}"
"""
    with open(os.path.join(folder, f"wf-{n:04d}.yml"), "w") as handle:
        handle.write(text)

print(f"wrote {count} workflows to {folder}")
