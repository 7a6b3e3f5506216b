# The two commands of the README. Each creates the virtual environment on first use (torch is pinned to the
# CPU build that pip finds locally; a GPU machine installs its CUDA build with `pip install torch==2.13.0`).
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8787

$(VENV)/.installed: pyproject.toml tools/pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --editable ".[dev]" --editable ./tools
	touch $@

.PHONY: install serve test bench
install: $(VENV)/.installed

serve: $(VENV)/.installed
	$(VENV)/bin/giclee serve --host $(HOST) --port $(PORT)

test: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

bench: $(VENV)/.installed
	$(PY) bench/request_breakdown.py
