# The commands of the README. Each creates the virtual environment on first use. `make serve` installs the
# runtime only; `make test` and `make install` add the development extras (Ray, Playwright, SeaweedFS, mypy...) and
# the tooling in tools/. torch is pinned to its CPU build by constraints/cpu.txt; a GPU machine passes
# CONSTRAINTS= (nothing) and keeps the CUDA build it installed (docs/models.md#gpus).
VENV ?= .venv
PY := $(VENV)/bin/python
CONSTRAINTS ?= constraints/cpu.txt
PIP_INSTALL = $(PY) -m pip install --quiet $(if $(CONSTRAINTS),--constraint $(CONSTRAINTS))

# `make serve HOST=… PORT=… CONFIG=…` passes what is given on make's command line, and nothing else: the settings
# file and GICLEE_* variables decide the rest (a HOST or PORT in the environment is not taken for a flag).
SERVE_FLAGS = $(if $(filter command line,$(origin HOST)),--host $(HOST)) \
	$(if $(filter command line,$(origin PORT)),--port $(PORT)) \
	$(if $(CONFIG),--config $(CONFIG))

$(PY):
	python3 -m venv $(VENV)

$(VENV)/.runtime: pyproject.toml $(CONSTRAINTS) | $(PY)
	$(PIP_INSTALL) --editable .
	touch $@

$(VENV)/.installed: pyproject.toml tools/pyproject.toml $(CONSTRAINTS) | $(PY)
	$(PIP_INSTALL) --editable ".[dev]" --editable ./tools
	touch $@ $(VENV)/.runtime

.PHONY: install serve test test-fast typecheck bench
install: $(VENV)/.installed

serve: $(VENV)/.runtime
	$(VENV)/bin/giclee serve $(strip $(SERVE_FLAGS))

# The whole suite, as CI runs it (.ci/run).
test: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(PY) -m pytest

# The inner loop: every package, without the tests marked slow (a Ray cluster, fuzzing, server processes waiting
# out a TTL, memory measurements); under a minute.
test-fast: $(VENV)/.installed
	$(PY) -m pytest -m "not slow" -q

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy

bench: $(VENV)/.installed
	$(PY) bench/request_breakdown.py
