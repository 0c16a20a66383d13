# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q
PORT   ?= 8501

.PHONY: run test reliability serve index lint eval bench screenshots clean

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

# Load, faults (kill -9, full disk, corruption, concurrent writers), hostile input and prompt injection against
# a real API server. About 15 minutes on 2 cores; results in benchmarks/results/{load,faults,hostile}.json.
reliability: $(VENV)/.dev
	SHANXI_POLICY_RELIABILITY=1 $(VENV)/bin/pytest -q tests/reliability

# The HTTP API (see README "HTTP 接口"); create a token first: .venv/bin/shanxi-policy token add NAME
serve: $(VENV)/.base index
	$(VENV)/bin/shanxi-policy serve --port 8765

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy shanxi_policy

# Labelled sets in tests/data (dev and test splits reported apart; see tests/data/README.md).
eval: $(VENV)/.base
	$(VENV)/bin/shanxi-policy eval tests/data/gold_corpus_qa.jsonl --index index/
	$(VENV)/bin/shanxi-policy eval-answers --index index/
	$(VENV)/bin/shanxi-policy eval-check tests/data/check_cases.jsonl --index index/
	$(VENV)/bin/shanxi-policy eval-check tests/data/check_cases_laws.jsonl --index index/ --doc-type 法律 --doc-type 行政法规 --lolo
	$(VENV)/bin/shanxi-policy eval-norms tests/data/norm_labels.jsonl

# Reads ../shared/datasets; long (the ncp index embeds 0.9M characters). Results: benchmarks/results, BENCHMARKS.md
bench: $(VENV)/.dev
	$(PY) -m benchmarks.ncp_qa
	$(PY) -m benchmarks.quality
	$(PY) -m benchmarks.scale
	$(PY) -m benchmarks.app_latency
	$(PY) -m benchmarks.norms_speed
	$(PY) -m benchmarks.check_speed
	$(PY) -m benchmarks.answer_speed
	$(PY) -m benchmarks.compare_eval
	$(PY) -m benchmarks.docmeta
	$(PY) -m benchmarks.ocr
	$(PY) -m benchmarks.embed_speed
	$(PY) -m benchmarks.startup
	$(PY) -m benchmarks.import_laws
	$(PY) -m benchmarks.evals
	$(PY) -m benchmarks.report

screenshots: $(VENV)/.dev
	SHANXI_POLICY_SCREENSHOTS=docs $(VENV)/bin/pytest -q tests/test_e2e_browser.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
