#!/usr/bin/env python3
"""Generates the benchmark inputs without holding them in memory (bench/logs/run.sh calls it)."""
import os, random, shutil, sys, zipfile

def plain(path, size_mb):
    random.seed(1)
    lines = [f"2025-03-11T09:12:{i % 60:02d}.1234567Z Collecting package-{i} (from -r requirements.txt (line {i}))\n" for i in range(200)]
    lines += ["  Downloading something-1.0.0-py3-none-any.whl (120 kB)\n", "test_module.py::test_case_%d PASSED [ 42%%]\n" % 7,
              "[INFO] Compiling 42 source files to target/classes\n", "#5 12.34 Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\n"]
    block = "".join(random.choice(lines) for _ in range(20000)).encode()
    target = size_mb * 1024 * 1024
    with open(path, "wb") as out:
        written = 0
        while written < target:
            out.write(block); written += len(block)
        out.write(b"E: Unable to locate package libavcodec58\n##[error]Process completed with exit code 100.\n")

def directory(path, count, corpus):
    logs = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs if f.endswith(".log"))
    os.makedirs(path, exist_ok=True)
    for i in range(count):
        src = logs[i % len(logs)]
        with open(src, "rb") as f: body = f.read()
        with open(os.path.join(path, f"job-{i:03d}.log"), "wb") as out:
            for _ in range(40):  # ~40x each log: a few MB per job
                out.write(body)

def oneline(path, size_mb):
    chunk = b"x" * (1024 * 1024)
    with open(path, "wb") as out:
        for _ in range(size_mb): out.write(chunk)
        out.write(b"\n")

def bomb(path, size_mb):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("0_build.txt", "w", force_zip64=True) as entry:
            zero = bytes(1024 * 1024)
            for _ in range(size_mb): entry.write(zero)

kind = sys.argv[1]
if kind == "plain": plain(sys.argv[2], int(sys.argv[3]))
elif kind == "dir": directory(sys.argv[2], int(sys.argv[3]), sys.argv[4])
elif kind == "oneline": oneline(sys.argv[2], int(sys.argv[3]))
elif kind == "bomb": bomb(sys.argv[2], int(sys.argv[3]))
