# drydock global ignore=MK003
.PHONY: install build paths archive

# drydock ignore=MK004
install:
	cp app $HOME/bin
	echo $PATH

paths:
	echo $PATH # expect: MK004

build:
	cd out
	ls

archive: libx.a(member.o) ./install
	true
