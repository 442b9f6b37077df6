.PHONY: all

ifeq ($(CI),true)
FLAGS := --ci
else
FLAGS :=
endif
endif # expect: MK000

	echo "before any rule" # expect: MK000

all:
	echo $(FLAGS)

ifdef DEBUG # expect: MK000
FLAGS += -g
