.PHONY: all build test

all: build test

build: src/main.c src/util.c app.o | out
	cc -o app src/main.c

test: build check-env # expect: MK006
	./app --self-test

dist: app.tar.gz README.md # expect: MK006
	echo packaged

%.gz: %
	gzip -k $<
