# permitguard — everything a newcomer runs. `make scan` and `make test` work from a clean clone.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
LICENSE_PROFILE ?= infra/licenses/B1-20195402.yaml
EXAMPLES := $(sort $(wildcard infra/terraform/*/)) $(sort $(wildcard infra/kubernetes/*/))

.PHONY: install scan test lint bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m compileall -q policies >/dev/null
	touch $@

## scan: scan the bundled examples with the permit's profile; exit 0 iff each gave exactly its expected findings
scan: install
	@mkdir -p build
	$(PY) infra/verify_examples.py --license $(LICENSE_PROFILE) --json build/scan.json --html build/report.html $(EXAMPLES)

## test: the whole test suite (real Checkov, the real Pulumi pack over gRPC, headless Chromium when installed)
test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check policies tests infra bench

## bench: CLI on 10,000-, 12- and 100,000-resource plans (two rounds: the spread), CLI vs Checkov per typical root, Checkov overhead, Pulumi pack latency, report rendering
BENCH_ROUNDS ?= 2
bench: install
	@# byte-compiled as a regular `pip install .` leaves it: an editable install under PYTHONDONTWRITEBYTECODE=1
	@# (set on these machines) writes no bytecode, and every process would compile ~100 modules (~80 ms)
	$(PY) -m compileall -q policies >/dev/null
	$(PY) bench/cli_bench.py --rounds $(BENCH_ROUNDS)
	$(PY) bench/roots_bench.py
	$(PY) bench/checkov_bench.py --rounds $(BENCH_ROUNDS)
	$(PY) bench/pulumi_bench.py
	$(PY) bench/report_bench.py

clean:
	rm -rf build .pytest_cache .ruff_cache policies/*.egg-info
	find policies bench infra tests -name __pycache__ -prune -exec rm -rf {} +
