# innosim: two commands on a fresh machine with Python 3.11+ and make.
#   make run    start the main job (Kecheng 2027)
#   make test   install what the tests need and run them all
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
		|| { echo "innosim needs Python 3.11 or newer (set PYTHON=...)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

run: $(STAMP)
	@$(BIN)/innosim check scenarios/kecheng-2027.toml; status=$$?; test $$status -le 1

test: $(STAMP)
	$(BIN)/ruff check model tests benchmarks notebooks
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check model tests benchmarks notebooks

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_engine.py
	$(BIN)/python benchmarks/bench_uncertainty.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
