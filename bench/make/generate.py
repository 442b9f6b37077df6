#!/usr/bin/env python3
"""Writes N project folders, each with a Makefile in the style of real ones (variables, conditionals, pattern and
static pattern rules, define blocks, continuations, recipes with $$ and automatic variables), plus one large
generated Makefile of about 2.7 MiB. Usage: generate.py <out> <count>"""
import os
import random
import sys

out, count = sys.argv[1], int(sys.argv[2])
random.seed(7)

HEAD = """SHELL := /bin/bash
IMAGE ?= ghcr.io/acme/svc{n}
VERSION ?= $(shell git describe --tags --always)
SOURCES := $(wildcard src/*.c)
OBJECTS := $(SOURCES:src/%.c=out/%.o)
CFLAGS += -O2 \\
          -Wall
ifeq ($(shell uname -s),Darwin)
  OPEN := open
else
  OPEN := xdg-open
endif
define HELP
Targets: build test lint image
endef
export HELP
.PHONY: help build test lint image push clean
help:
\t@echo "$$HELP"
out/%.o: src/%.c | out
\t$(CC) $(CFLAGS) -c $< -o $@
out:
\tmkdir -p $@
build: $(OBJECTS)
\t$(CC) -o out/app $^
test: build
\tfor t in tests/*.sh; do bash "$$t" || exit 1; done
lint:
\tshellcheck scripts/*.sh
image:
\tdocker build -t $(IMAGE):$(VERSION) .
push: image
\tdocker push $(IMAGE):$(VERSION)
clean:
\trm -rf out
"""

for n in range(count):
    folder = os.path.join(out, f"svc{n:04d}")
    os.makedirs(os.path.join(folder, "src"), exist_ok=True)
    with open(os.path.join(folder, "src", "main.c"), "w") as f:
        f.write("int main(void){return 0;}\n")
    body = HEAD.format(n=n)
    if n % 10 == 0:
        body += "release:\n        echo spaces\n"          # MK001
    if n % 15 == 0:
        body += "deploy: push check-env\n\tkubectl apply -f k8s/\n"  # MK006
    with open(os.path.join(folder, "Makefile"), "w") as f:
        f.write(body)

big = os.path.join(out, "big")
os.makedirs(big, exist_ok=True)
with open(os.path.join(big, "Makefile"), "w") as f:
    f.write(".PHONY: all\nall: " + " ".join(f"t{i}" for i in range(2000)) + "\n")
    for i in range(25000):
        f.write(f"V{i} := value-{i} $(V{max(i - 1, 0)})\n")
        f.write(f"t{i % 2000}x{i}: dep{i % 7}.txt \\\n    $(V{i})\n\t@echo building $@ from $< with $$HOME\n\tcp $< $@\n")
    for i in range(7):
        f.write(f"dep{i}.txt:\n\ttouch $@\n")
    for i in range(2000):
        f.write(f"t{i}:\n\t@true\n")
