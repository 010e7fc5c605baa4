# The quick start: `make demo` and `make test` on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
# Absolute, so that recipes may change directory (and VENV may be absolute too).
BIN := $(abspath $(VENV))/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test quick typecheck docs rule-index bench report clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	@# The new-code and pre-commit tests make real git repositories.
	@command -v git >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq git; }
	@# The report's tests load it in headless Chromium.
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }
	@command -v nvim >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq neovim; } || true
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

## demo: install and check the example project (it has real violations)
demo: $(STAMP)
	@cd examples/shop && $(BIN)/standards-lint check --statistics --no-cache; \
	status=$$?; \
	if [ $$status -eq 1 ]; then echo "(exit code 1: violations were found, as intended)"; \
	else echo "(exit code $$status: expected 1, for the violations the example has on purpose)"; \
	exit 1; fi

## test: install with test extras and run the whole suite, the type check and the self-check
test: $(TEST_STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider -n auto --dist worksteal
	$(MAKE) --no-print-directory typecheck
	$(BIN)/ruff check standards_lint rules tests
	$(BIN)/standards-lint check --no-cache

## quick: the everyday loop: every test but the slow comparisons over real third-party code
quick: $(TEST_STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider -n auto --dist worksteal -m "not slow"

## typecheck: mypy --strict over the package laid out as installed (rules/ inside it)
typecheck: $(TEST_STAMP)
	rm -rf build/typecheck && mkdir -p build/typecheck
	cp -rs $(CURDIR)/standards_lint build/typecheck/standards_lint
	ln -s $(CURDIR)/rules build/typecheck/standards_lint/rules
	cd build/typecheck && $(BIN)/mypy --config-file $(CURDIR)/pyproject.toml -p standards_lint

## docs: regenerate the rule and option reference
docs: $(STAMP)
	$(BIN)/standards-lint rules --format markdown > docs/rules.md

## rule-index: rewrite rules/index.py, what the registry knows of each area before importing it
rule-index: $(STAMP)
	$(BIN)/python -m standards_lint.rules.write_index

## report: write the example project's HTML report and its screenshot, docs/report.png
report: $(STAMP)
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }
	cd examples/shop && $(BIN)/standards-lint report -o $(CURDIR)/build/report.html
	chromium --headless --disable-gpu --no-sandbox --hide-scrollbars --window-size=1200,2600 \
		--screenshot=$(CURDIR)/docs/report.png file://$(CURDIR)/build/report.html

## bench: compare standards-lint with LibCST's parser, Fixit and import-linter on two corpora
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .standards-lint-cache build *.egg-info
