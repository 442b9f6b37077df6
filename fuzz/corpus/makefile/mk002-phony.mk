PYTHON := python3

.PHONY: install

install:
	$(PYTHON) -m pip install -e .

test: # expect: MK002
	$(PYTHON) -m pytest tests

tests: # expect: MK002
	$(PYTHON) -m pytest tests

docs: install
	mkdocs build

lint:
	ruff check .
