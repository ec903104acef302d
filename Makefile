# The two commands of the README. Each sets up what it needs on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/flightlegs: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

# The main job: the example report in, the legs and check tables and a map out.
demo: $(BIN)/flightlegs
	$(BIN)/flightlegs legs examples/gulfstream-charter.txt --stops --units nm
	$(BIN)/flightlegs check examples/gulfstream-charter.txt
	$(BIN)/flightlegs map examples/gulfstream-charter.txt -o maps/gulfstream-charter.html

# The whole test suite. The browser tests need Debian's Chromium and npm packages standing in
# for folium's CDN assets: installed here (Chromium only as root; otherwise they skip and say so).
test: $(BIN)/flightlegs
	bash .ci/install-browser.sh
	$(BIN)/python -m pytest

lint: $(BIN)/flightlegs
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy

bench: $(BIN)/flightlegs
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
