# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
PORT   ?= 8501

.PHONY: run test index lint eval bench screenshots clean

# torch is installed first and pinned: an unpinned torch pulls several GB of CUDA wheels.
$(VENV)/.base: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install torch==2.13.0
	$(PIP) install -e .
	touch $@

$(VENV)/.dev: $(VENV)/.base
	$(PIP) install -e '.[dev]'
	touch $@

index: $(VENV)/.base
	$(VENV)/bin/shanxi-policy index corpus/ --index index/

run: $(VENV)/.base index
	$(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy shanxi_policy
	$(VENV)/bin/pytest -q

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy shanxi_policy

eval: $(VENV)/.base
	$(VENV)/bin/shanxi-policy eval tests/data/gold_corpus_qa.jsonl --index index/
	$(VENV)/bin/shanxi-policy eval-check tests/data/check_cases.jsonl --index index/

# Reads ../shared/datasets; long (the ncp index embeds 0.9M characters). Results: benchmarks/results, BENCHMARKS.md
bench: $(VENV)/.dev
	$(PY) -m benchmarks.ncp_qa
	$(PY) -m benchmarks.quality
	$(PY) -m benchmarks.scale
	$(PY) -m benchmarks.app_latency
	$(PY) -m benchmarks.report

screenshots: $(VENV)/.dev
	SHANXI_POLICY_SCREENSHOTS=docs $(VENV)/bin/pytest -q tests/test_e2e_browser.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
