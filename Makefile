# Two entry points for a fresh Linux clone: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test build clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,build]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tdkt

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

build: $(STAMP)
	$(BIN)/python packaging/build.py

clean:
	rm -rf build dist $(VENV)
