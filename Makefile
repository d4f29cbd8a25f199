# The two set-up commands of the README: `make demo` and `make test`.
# Each creates .venv when missing and installs the locked dependencies (uv.lock) itself.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTEST_ARGS ?=

.PHONY: demo test lint format install bytecode chromium postgresql ui benchmarks clean

$(STAMP): pyproject.toml uv.lock
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	@$(BIN)/python -m pip install -q 'uv>=0.5'
	$(BIN)/uv sync --frozen --extra dev --inexact --compile-bytecode
	@touch $(STAMP)

# Bytecode is compiled at install (uv --compile-bytecode) and for the project's own modules
# here: where PYTHONDONTWRITEBYTECODE is set, as on these machines, Python otherwise
# recompiles every imported module in every process (measured: `promptjobs sql` 2.5 s ->
# 0.7 s, a no-change refresh 8.4 -> 4.4 s). Python checks each .pyc against its source.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q -j0 promptjobs scrapers transforms warehouse pipelines \
	  dashboards benchmarks >/dev/null

install: $(STAMP) bytecode

# Debian's chromium: the report tests render HTML in it and kaleido exports PNG with it.
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# Debian's PostgreSQL 15: the tests run the warehouse on a DuckLake with a Postgres catalog
# (a throwaway server, tests/conftest.py).
postgresql:
	@test -x /usr/lib/postgresql/15/bin/initdb || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql >/dev/null; }

demo: $(STAMP) bytecode
	$(BIN)/promptjobs demo

test: $(STAMP) bytecode chromium postgresql lint
	$(BIN)/pytest -n 2 --dist loadfile $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

ui: $(STAMP) bytecode
	$(BIN)/promptjobs ui

# Every benchmark script at small sizes (a few minutes); each prints its figures.
# Bigger runs: make benchmarks BENCH_POSTINGS=1000000. The extraction benchmark needs a
# postings file: make benchmarks BENCH_EXTRACT_INPUT=../shared/corpus/postings.jsonl
BENCH_POSTINGS ?= 10000
BENCH_EXTRACT_INPUT ?=
benchmarks: $(STAMP) bytecode
	rm -rf .promptjobs/bench-warehouse
	$(BIN)/python benchmarks/warehouse.py --postings $(BENCH_POSTINGS) --keep .promptjobs/bench-warehouse
	$(BIN)/python benchmarks/long_history.py .promptjobs/bench-warehouse --copies 10
	$(BIN)/python benchmarks/warehouse.py --daily-only .promptjobs/bench-warehouse
	rm -rf .promptjobs/bench-warehouse
	$(BIN)/python benchmarks/dagster_refresh.py --postings $(BENCH_POSTINGS)
	$(BIN)/python benchmarks/dagster_refresh.py --demo
	$(BIN)/python benchmarks/report.py --postings $(BENCH_POSTINGS)
	$(BIN)/python benchmarks/crawl.py --boards 200 --rounds 1
	$(BIN)/python benchmarks/load_refresh.py --boards 20 --per-board 50
	$(BIN)/python benchmarks/crash_trials.py --trials 2 --demo-trials 1 --days 2
	@if [ -n "$(BENCH_EXTRACT_INPUT)" ]; then \
	  $(BIN)/python benchmarks/extract.py "$(BENCH_EXTRACT_INPUT)" --postings 3000 --paired 100; \
	  $(BIN)/python benchmarks/extract.py "$(BENCH_EXTRACT_INPUT)" --workers 2 --postings 2000; \
	else echo "benchmarks/extract.py skipped: set BENCH_EXTRACT_INPUT=<postings.jsonl>"; fi

clean:
	rm -rf .promptjobs .pytest_cache
