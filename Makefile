# Two commands on a fresh machine: `make demo`, then `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= rashomon.db

.PHONY: demo test lint bench gate browser clean

$(BIN)/rashomon: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $@

# Analyse the sample corpus, show what was found, and write the report.
demo: $(BIN)/rashomon
	$(BIN)/rashomon analyze 'examples/**/*.txt' --manifest examples/blinken-manifest.csv --db $(DB)
	$(BIN)/rashomon status --db $(DB)
	$(BIN)/rashomon report --db $(DB) -o report.html

# Debian's chromium drives the browser tests (Playwright's own browser download is not used).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium missing: browser tests will be skipped (sudo apt-get install chromium)"; fi; }

test: $(BIN)/rashomon browser
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src
	$(BIN)/pytest -q

bench: $(BIN)/rashomon
	@for script in $(filter-out benchmarks/common.py benchmarks/gate.py,$(wildcard benchmarks/*.py)); do \
	  echo "== $$script"; $(BIN)/python $$script || exit 1; done

# The quality gate: every dev-set score against the floors pinned in benchmarks/floors.toml.
gate: $(BIN)/rashomon
	$(BIN)/python benchmarks/gate.py $(GATE_FLAGS)

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm report.html
