# studio — two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
SAMPLE := resources/sample
MODEL  := resources/models/demo-fruit.pt

.PHONY: run test bench sample lint train-demo i18n screenshots clean help

help:
	@echo "make run    - set up .venv and open studio on the sample dataset with the demo model"
	@echo "make test   - install dev extras and run the whole suite headless"
	@echo "make bench  - run the benchmarks and print the figures"
	@echo "make sample - (re)generate the sample dataset in $(SAMPLE)"
	@echo "make i18n   - update resources/i18n/*.ts from the sources and compile them to .qm"
	@echo "make screenshots - retake the user guide's screenshots (English and Korean) in docs/images"

$(VENV)/.base-installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	@touch $@

$(VENV)/.dev-installed: $(VENV)/.base-installed
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@

$(SAMPLE)/data.yaml: | $(VENV)/.base-installed
	$(PY) -m studio.cli sample $(SAMPLE)

sample: $(VENV)/.base-installed
	$(PY) -m studio.cli sample $(SAMPLE) --force

run: $(VENV)/.base-installed $(SAMPLE)/data.yaml
	@$(PY) main.py $(SAMPLE) --model $(MODEL); rc=$$?; [ $$rc -eq 3 ] && exit 0; exit $$rc

lint: $(VENV)/.dev-installed
	$(BIN)/lint-imports

test: $(VENV)/.dev-installed
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(VENV)/.dev-installed $(SAMPLE)/data.yaml
	$(PY) benchmarks/run_all.py

$(VENV)/.i18n-installed: $(VENV)/.base-installed
	$(PY) -m pip install -q --no-deps 'pyside6-essentials>=6.5'
	@touch $@

i18n: $(VENV)/.i18n-installed
	$(PY) scripts/update_translations.py

screenshots: $(VENV)/.base-installed $(SAMPLE)/data.yaml
	$(PY) scripts/take_screenshots.py

train-demo: $(VENV)/.base-installed
	$(PY) scripts/train_demo_model.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
