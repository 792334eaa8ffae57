# studio — two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
SAMPLE := resources/sample
MODEL  := resources/models/demo-fruit.pt

.PHONY: run test bench sample lint train-demo i18n screenshots dist clean help imagej-fixture

help:
	@echo "make run    - set up .venv and open studio on the sample dataset with the demo model"
	@echo "make test   - install dev extras and run the whole suite headless"
	@echo "make bench  - run the benchmarks and print the figures"
	@echo "make sample - (re)generate the sample dataset in $(SAMPLE)"
	@echo "make i18n   - update resources/i18n/*.ts from the sources and compile them to .qm"
	@echo "make screenshots - retake the user guide's screenshots (English and Korean) in resources/guide/images"
	@echo "make dist   - build the sdist and the wheel into dist/ (offline, no build isolation)"
	@echo "make imagej-fixture - re-ask ImageJ's own AutoThresholder for tests/fixtures/imagej (needs Java and libij-java)"

$(VENV)/.base-installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	@$(PY) -m pip uninstall -y -q studio 2>/dev/null || true  # the distribution's name before 0.1.0 final
	$(PY) -m pip install -q -e .
	@touch $@

$(VENV)/.dev-installed: $(VENV)/.base-installed
	$(PY) -m pip install -q -e '.[dev]'
	# LabelImg's own VOC reader and YOLO writer are a test oracle; without its Qt 5 dependency
	$(PY) -m pip install -q --no-deps 'labelImg==1.8.6'
	@touch $@

$(SAMPLE)/data.yaml: | $(VENV)/.base-installed
	$(PY) -m studio.cli sample $(SAMPLE)

sample: $(VENV)/.base-installed
	$(PY) -m studio.cli sample $(SAMPLE) --force

run: $(VENV)/.base-installed $(SAMPLE)/data.yaml
	@$(PY) main.py $(SAMPLE) --model $(MODEL); rc=$$?; [ $$rc -eq 3 ] && exit 0; exit $$rc

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: $(VENV)/.dev-installed
	$(BIN)/ruff check .
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

dist: $(VENV)/.dev-installed
	rm -rf dist
	$(PY) -m build --no-isolation --outdir dist .
	@ls -l dist

imagej-fixture: $(VENV)/.dev-installed
	@test -f "$${IJ_JAR:-/usr/share/java/ij.jar}" || { echo "ImageJ's ij.jar is missing: apt-get install -y libij-java (or set IJ_JAR)"; exit 2; }
	$(PY) tests/fixtures/imagej/make_fixture.py

train-demo: $(VENV)/.base-installed
	$(PY) scripts/train_demo_model.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
