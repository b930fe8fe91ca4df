# innosim: two commands on a fresh machine with Python 3.11+ and make.
#   make run    start the planner's screen (Streamlit on localhost:8501, Kecheng 2027)
#   make test   install what the tests need and run them all
#   make docs   write the model's documentation and diagram into docs/ (model.md, model.svg)
#   make report-tools   LibreOffice and poppler, to look at a report's pages (its test skips
#                       without them; not part of `make test`: a large install)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

PORT   ?= 8501
# A CJK font so charts and the page show Chinese, not boxes (Debian package; root or sudo).
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
# Graphviz draws the model's diagram (Debian package; root or sudo).
DOT := /usr/bin/dot
# LibreOffice (headless) and poppler turn a Word report into PDF and page images (Debian).
SOFFICE := /usr/bin/soffice
PDFTOPPM := /usr/bin/pdftoppm

.PHONY: run test lint bench bench-memory bench-slider clean fonts graphviz docs report-tools

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
		|| { echo "innosim needs Python 3.11 or newer (set PYTHON=...)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

run: $(STAMP) fonts graphviz
	$(BIN)/streamlit run app/streamlit_app.py --server.port $(PORT) --server.headless true \
		--browser.gatherUsageStats false

fonts:
	@test -f $(CJK_FONT) || fc-list :lang=zh 2>/dev/null | grep -q . \
		|| { echo "installing a CJK font (fonts-wqy-microhei)"; \
		     SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
		     $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq fonts-wqy-microhei; } \
		|| echo "warning: no CJK font installed: Chinese in charts may show as boxes"

graphviz:
	@test -x $(DOT) \
		|| { echo "installing Graphviz (graphviz)"; \
		     SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
		     $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq graphviz; } \
		|| echo "warning: Graphviz not installed: the model's diagram cannot be drawn"

report-tools: fonts
	@test -x $(SOFFICE) && test -x $(PDFTOPPM) \
		|| { echo "installing LibreOffice Writer and poppler-utils"; \
		     SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
		     $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends \
		       libreoffice-writer-nogui poppler-utils; } \
		|| echo "warning: LibreOffice not installed: tests/test_report_render.py will skip"

docs: $(STAMP) fonts graphviz
	$(BIN)/innosim document docs

test: $(STAMP) fonts graphviz
	$(BIN)/ruff check model app tests benchmarks notebooks
	$(BIN)/python -m mypy model app
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check model app tests benchmarks notebooks
	$(BIN)/python -m mypy model app

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_engine.py
	$(BIN)/python benchmarks/bench_uncertainty.py
	$(BIN)/python benchmarks/bench_app.py

bench-memory: $(STAMP)
	$(BIN)/python benchmarks/bench_memory.py

# A slider move in Chromium, innosim beside a one-slider page (installs Debian's chromium).
bench-slider: $(STAMP) fonts
	$(BIN)/python benchmarks/bench_slider.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
