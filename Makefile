# Two commands: `make demo` sets everything up and analyses the bundled example; `make test` sets
# everything up and runs the tests. Both build .venv from pyproject.toml on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo serve test lint install bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/chronique analyze examples/lyon-sommet.fr.txt --published 2024-03-14 --format text

serve: $(STAMP)
	$(BIN)/chronique ingest examples --db examples.duckdb --published 2024-03-14
	$(BIN)/chronique serve --db examples.duckdb

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache examples.duckdb
