# warta: two commands do all set-up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export AIRFLOW_HOME ?= $(CURDIR)/.airflow
export AIRFLOW__CORE__DAGS_FOLDER := $(CURDIR)/dags
export AIRFLOW__CORE__PLUGINS_FOLDER := $(CURDIR)/plugins
export AIRFLOW__CORE__LOAD_EXAMPLES := False
export AIRFLOW__CORE__PARALLELISM := 4
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION := True
export WARTA_SHARED ?= $(abspath $(CURDIR)/../shared)
INBOX ?= $(CURDIR)/data/sample/inbox
WAREHOUSE ?= $(CURDIR)/warehouse
export WARTA_INBOX := $(abspath $(INBOX))
export WARTA_WAREHOUSE := $(abspath $(WAREHOUSE))

.PHONY: install compile run test lint ui stop clean bench torture eval

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Pinned, resolved set (requirements.lock), then the project itself without re-resolving.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# The per-article modules compiled in place by mypyc (about 1.2x less CPU per article), again
# whenever one of them changes; without a C compiler a warning, and warta runs them as Python.
HOT_SOURCES := $(shell $(PYTHON) scripts/compile_hot_modules.py --list)
COMPILED := build/compiled.stamp
$(COMPILED): $(HOT_SOURCES) scripts/compile_hot_modules.py $(VENV)/.installed
	$(BIN)/python scripts/compile_hot_modules.py
	@mkdir -p $(@D) && touch $@

install: $(VENV)/.installed $(COMPILED)

compile: $(COMPILED)

$(AIRFLOW_HOME)/airflow.db: | $(VENV)/.installed
	mkdir -p $(AIRFLOW_HOME)
	$(BIN)/airflow db migrate > $(AIRFLOW_HOME)/migrate.log 2>&1 || (cat $(AIRFLOW_HOME)/migrate.log; exit 1)
	$(BIN)/airflow pools set warta_duckdb 1 "single DuckDB writer" > /dev/null

run: $(VENV)/.installed $(COMPILED) $(AIRFLOW_HOME)/airflow.db
	@echo "warta: running warta_nightly over $(WARTA_INBOX) into $(WARTA_WAREHOUSE)"
	$(BIN)/airflow dags test warta_nightly > $(AIRFLOW_HOME)/last_run.log 2>&1 || (tail -50 $(AIRFLOW_HOME)/last_run.log; exit 1)
	@$(BIN)/warta summary --warehouse $(WARTA_WAREHOUSE)
	@echo "nightly report: $$($(BIN)/warta report --warehouse $(WARTA_WAREHOUSE))"

test: $(VENV)/.installed $(COMPILED)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed
	$(BIN)/ruff check .

# Figures, not assertions: throughput, memory and peer ratios (N=10000; N=100000 with BENCH_N).
BENCH_N ?= 10000
bench: $(VENV)/.installed $(COMPILED)
	$(BIN)/pip install --quiet "spacy==3.8.18" || echo "bench: spaCy not installable here; its peer figure will be skipped"
	$(BIN)/python bench/bench.py --n $(BENCH_N)

# The torture inbox end to end, printing the accounting table.
torture: $(VENV)/.installed
	$(BIN)/python scripts/torture.py

# Extraction quality: the seed gold, our annotated crawl gold, sentence boundaries, NER span F1
# on the shared NER sets, HTML extraction on the shared pages.
eval: $(VENV)/.installed
	$(BIN)/python scripts/eval_gold.py
	$(BIN)/python scripts/eval_gold.py --gold tests/gold/holdout_gold.jsonl
	$(BIN)/python scripts/eval_gold.py --gold tests/gold/holdout2_gold.jsonl
	$(BIN)/python scripts/eval_segment.py
	$(BIN)/python scripts/eval_ner.py
	$(BIN)/python scripts/eval_html.py
	$(BIN)/python scripts/eval_stakeholders.py
	$(BIN)/python scripts/eval_keywords.py

ui: $(VENV)/.installed
	PATH=$(CURDIR)/$(BIN):$$PATH scripts/airflow_ui.sh start

stop:
	PATH=$(CURDIR)/$(BIN):$$PATH scripts/airflow_ui.sh stop

clean:
	rm -rf $(WAREHOUSE) $(AIRFLOW_HOME) $(COMPILED)
	$(PYTHON) scripts/compile_hot_modules.py --clean
