# The archive's commands; `make help` lists them. `make serve` and `make test` set up .venv on first use.
PYTHON ?= python3
PORT ?= 8000
SITE_URL ?=
VENV := .venv
PY := $(VENV)/bin/python
TAYHO := $(VENV)/bin/tayho
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test
BENCHING := $(VENV)/.installed-bench
NODE_STAMP := node_modules/.installed
NODE_AUDIT_STAMP := node_modules/.installed-audit
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
SITE_URL_OPTION := $(if $(SITE_URL),--site-url $(SITE_URL),)
# make test runs tests in this many processes (pytest-xdist): one more than the cores, since browser and server
# tests spend part of their time waiting; make test TEST_WORKERS=0 runs them in one process
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))
# The tests start `tayho` about 140 times: each compiles the package from source again unless Python may keep
# its bytecode (__pycache__/), so the test commands allow that even where the environment forbids it (Docker images
# often set PYTHONDONTWRITEBYTECODE; an empty value turns it off)
KEEP_BYTECODE := PYTHONDONTWRITEBYTECODE=

.PHONY: help serve build check test lint format schema lock browsers clean permalinks offline audit bench publish release screenshots

help:  ## list the commands
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-11s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Each lock in requirements/ installs with its hashes checked; then the package itself, from this folder.
$(RUNTIME): requirements/runtime.txt pyproject.toml | $(VENV)/bin/python
	$(PIP) --require-hashes -r requirements/runtime.txt
	$(PIP) --no-deps --no-build-isolation -e .
	touch $@

$(TESTING): requirements/test.txt $(RUNTIME)
	$(PIP) --require-hashes -r requirements/test.txt
	touch $@

$(BENCHING): requirements/bench.txt $(RUNTIME)
	$(PIP) --require-hashes -r requirements/bench.txt
	touch $@

# The Node tools, pinned in package-lock.json: the tests need the Nu HTML Checker and axe-core only; Lighthouse (an
# optional dependency: 181 of node_modules' 216 MB) is installed for make audit. npm ci empties node_modules first.
$(NODE_STAMP): package-lock.json
	npm ci --omit=optional --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

$(NODE_AUDIT_STAMP): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP) $@

serve: $(RUNTIME)  ## build, serve on http://127.0.0.1:8000 (PORT=8001) and rebuild after every edit (PDF=no: never draw PDFs)
	$(TAYHO) serve --port $(PORT) $(if $(filter no,$(PDF)),--no-pdf,)

build: $(RUNTIME)  ## write the whole site to site/ (make build SITE_URL=https://… for the published address)
	$(TAYHO) build $(SITE_URL_OPTION)

check: $(TESTING)  ## the quick tier (under 30 s): lint, the record, the model, views and golden HTML; no site is built
	$(VENV)/bin/ruff check tayho tests bench
	$(TAYHO) check
	$(KEEP_BYTECODE) $(PY) -m pytest -q -m "not build and not browser and not slow"

test: $(TESTING) $(NODE_STAMP) browsers  ## everything: real builds, golden HTML, browsers, accessibility, HTML checker
	$(VENV)/bin/ruff check tayho tests bench
	$(KEEP_BYTECODE) $(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal

lint: $(TESTING)  ## ruff's lint and format checks
	$(VENV)/bin/ruff check tayho tests bench
	$(VENV)/bin/ruff format --check tayho tests bench

format: $(TESTING)  ## let ruff fix what it can and format the code
	$(VENV)/bin/ruff check --fix tayho tests bench
	$(VENV)/bin/ruff format tayho tests bench

audit: $(BENCHING) $(NODE_AUDIT_STAMP) browsers  ## Lighthouse scores of key pages (a benchmark: writes AUDIT.md)
	$(PY) -m bench.audit

screenshots: $(BENCHING) browsers  ## full-page screenshots of the main pages (both languages, 390 and 1280 px, light and dark) in screenshots/
	$(PY) -m bench.screenshots

bench: $(BENCHING) browsers  ## build time, memory and page weight as the record grows (writes BENCHMARKS.md)
	$(PY) -m bench.run

offline: $(RUNTIME)  ## write offline/tayho-archive-offline.zip, browsable from file:// (navigation and search)
	$(TAYHO) offline

permalinks: $(RUNTIME)  ## build, then add the site's new pages and anchors to permalinks.lock (never removes one)
	$(TAYHO) permalinks

publish: $(TESTING)  ## build for SITE_URL and publish site/ to the gh-pages branch (make publish SITE_URL=https://…)
	$(TAYHO) publish $(SITE_URL_OPTION)

release: test  ## release VERSION of the record (make release VERSION=1.0.0): tests, commit, tag, build, archive package
	@test -n "$(VERSION)" || { echo "make release VERSION=x.y.z (see docs/releases.md)"; exit 2; }
	$(TAYHO) release $(VERSION) $(SITE_URL_OPTION)

schema: $(RUNTIME)  ## re-export data/achievements.schema.json from the model
	$(TAYHO) schema > data/achievements.schema.json

lock:  ## recompile the locks in requirements/ (exact pins with hashes) from pyproject.toml
	$(PYTHON) -m venv .venv-lock && .venv-lock/bin/pip install --quiet uv==0.13.8
	for group in runtime test bench; do \
	  extra=$$( [ $$group = runtime ] || echo "--group $$group" ); \
	  .venv-lock/bin/uv pip compile pyproject.toml --group build $$extra --generate-hashes --python-version 3.11.5 \
	    --quiet --custom-compile-command "make lock" -o requirements/$$group.txt; \
	done

browsers:  ## make sure Debian's Chromium is installed for the browser tests
	@test -x /usr/bin/chromium || { echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

clean:  ## remove what builds and tests leave (not .venv)
	rm -rf site .site-build-* .site.lock offline release .tayho-cache .pytest_cache
