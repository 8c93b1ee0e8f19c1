# The archive's commands. `make serve` and `make test` set up .venv on first use.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: serve build test schema lock browsers clean permalinks offline audit bench

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $(STAMP)

$(NODE_STAMP): package-lock.json  # the Nu HTML Checker, axe-core and Lighthouse, pinned in package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

serve: $(STAMP)  ## build both languages, serve them on http://127.0.0.1:$(PORT) (make serve PORT=8001), rebuild on every edit
	$(PY) tools/serve.py --port $(PORT)

build: $(STAMP)  ## write the whole site (Vietnamese at /, English at /en/) to site/
	$(PY) tools/build.py

test: $(STAMP) $(NODE_STAMP) browsers  ## run the test suite (builds real sites, drives Chromium, checks HTML)
	$(PY) -m pytest

audit: $(STAMP) $(NODE_STAMP) browsers  ## Lighthouse scores of key pages (a benchmark: writes AUDIT.md)
	$(PY) tools/audit.py

bench: $(STAMP) browsers  ## build time, memory and page weight against plain MkDocs as the record grows (BENCHMARKS.md)
	$(PY) bench/run.py

offline: $(STAMP)  ## write offline/tayho-archive-offline.zip, browsable from file:// (navigation and search)
	$(PY) tools/offline.py

permalinks: build  ## add the site's new pages and anchors to permalinks.lock (never removes one)
	$(PY) tools/permalinks.py --write

schema: $(STAMP)  ## re-export data/achievements.schema.json from the model
	$(PY) -m tayho.schema > data/achievements.schema.json

lock:  ## recompile requirements.txt (exact pins with hashes) from requirements.in
	$(PYTHON) -m venv .venv-lock && .venv-lock/bin/pip install --quiet pip-tools==7.6.2
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.txt requirements.in

browsers:  ## make sure Debian's Chromium is installed for the browser tests
	@test -x /usr/bin/chromium || { echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

clean:
	rm -rf site site.old .site-* .pytest_cache
