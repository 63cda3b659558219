# Two entry points for a fresh Linux clone: `make run` and `make test`.
# Everything is installed from requirements.lock (exact versions, hashes checked); after changing
# the dependencies in pyproject.toml run `make lock` and commit both files.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
# Qt's own texts in Vietnamese: compiled from its source at build time, never committed.
QM := resources/i18n/qt_vi.qm

.PHONY: run test build lock clean

# A new or changed lock rebuilds the venv from scratch, so nothing unlocked lingers in it.
$(STAMP): pyproject.toml $(LOCK)
	$(PY) -m venv --clear $(VENV)
	$(BIN)/python -m pip install -q --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(QM): resources/i18n/qt_vi.ts $(STAMP)
	$(BIN)/python -m ui.i18n

run: $(STAMP) $(QM)
	$(BIN)/tdkt

test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

build: $(STAMP) $(QM)
	$(BIN)/python packaging/build.py

# Re-resolve requirements.lock from pyproject.toml, keeping current pins (UPGRADE=1: newest).
lock:
	@test -x $(BIN)/uv || $(MAKE) $(STAMP)
	$(BIN)/python packaging/lock.py $(if $(UPGRADE),--upgrade)

clean:
	rm -rf build dist $(VENV)
