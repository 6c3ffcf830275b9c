# bitnews: `make run` sets everything up and serves the demo as visitors see it (DEBUG off);
# `make dev` is the same with DEBUG on; `make test` runs the suite; `make lint` the linters.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
INSTALLED := $(VENV)/.requirements-installed
MO := locale/zh_Hans/LC_MESSAGES/django.mo
DEBUG ?= 0
TEMPLATES := templates search/templates stats/templates coverage/templates

.PHONY: run dev bench bench-tools audit api-check test test-integration test-browser chromium html-check lighthouse audit-tools screenshots lint format install messages makemessages clean

# The background worker (manage.py worker: django-tasks' db_worker with a heartbeat; pictures'
# renditions, news/pictures/) runs beside the server and is stopped with it (Ctrl-C, or the
# server ending).
run: install $(MO)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Site: http://127.0.0.1:$(PORT)/   Admin: http://127.0.0.1:$(PORT)/admin/   DEBUG=$(DEBUG)"
	@DEBUG=$(DEBUG) $(BIN)/python manage.py worker --backend background --no-reload --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; trap 'exit 130' INT TERM; \
	echo "Worker: manage.py worker (process $$worker)"; \
	DEBUG=$(DEBUG) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The developer's variant: Django's debug pages, templates and static files reloaded.
dev:
	$(MAKE) run DEBUG=1

test: install $(MO)
	$(BIN)/pytest

# The app as deployed (deploy/): Varnish in front of it (deploy/varnish/bitnews.vcl), and two
# gunicorn servers behind nginx (deploy/nginx/bitnews.conf) on one PostgreSQL (DATABASE_URL)
# and Redis. Debian's varnish (with varnish-modules: the VCL imports xkey) and nginx, started
# by the tests themselves on loopback ports.
test-integration: install $(MO)
	@command -v varnishd >/dev/null && dpkg -s varnish-modules >/dev/null 2>&1 && \
		command -v nginx >/dev/null && command -v openssl >/dev/null || \
		{ $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install \
		-y -qq varnish varnish-modules nginx-light openssl; }
	$(BIN)/pytest tests_integration

# The JSON API against its own OpenAPI description: schemathesis on a served demo
# (tests_browser/api_check.py: no server error, answers as documented, bad input refused).
api-check: install $(MO)
	$(BIN)/python -m tests_browser.api_check

# Browser tests: Debian's chromium driven by Playwright (its own browser download does not work here).
test-browser: install $(MO) chromium
	$(BIN)/pytest tests_browser

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
chromium:
	@test -x /usr/bin/chromium || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk; }

# Nu HTML Checker and Lighthouse (npm packages, run with the machine's Java and Chromium).
NU_VERSION := 26.9.27
LIGHTHOUSE_VERSION := 13.5.0
AUDIT_TOOLS := .tools/node_modules/.bin/lighthouse
html-check: install $(MO) audit-tools
	$(BIN)/python -m tests_browser.audit html
lighthouse: install $(MO) chromium audit-tools
	$(BIN)/python -m tests_browser.audit lighthouse
screenshots: install $(MO) chromium
	$(BIN)/python -m tests_browser.screenshots

audit-tools: $(AUDIT_TOOLS)
$(AUDIT_TOOLS):
	@command -v npm >/dev/null && command -v java >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm default-jre-headless; }
	npm install --no-save --no-audit --no-fund --loglevel=error --prefix .tools \
		vnu-jar@$(NU_VERSION) lighthouse@$(LIGHTHOUSE_VERSION)

# The running site checked from outside, as deployed (audit/__main__.py): MDN's HTTP Observatory
# on every page type, a fuzz over the wire, hostile uploads through the admin, and PostgreSQL
# restarted under load. Needs PostgreSQL (DATABASE_URL names the server; its own database) and
# Redis; installs nginx, openssl, node and the Observatory (into .tools/observatory, without its
# install scripts, which would download the HSTS preload list: an empty one stands in).
OBSERVATORY_VERSION := 1.4.8
OBSERVATORY := .tools/observatory/node_modules/@mdn/mdn-http-observatory
audit: install $(MO) $(OBSERVATORY)/conf/hsts-preload.json
	@command -v nginx >/dev/null && command -v openssl >/dev/null || \
		{ $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx-light openssl; }
	$(BIN)/python -m audit

$(OBSERVATORY)/conf/hsts-preload.json:
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm; }
	npm install --no-save --no-audit --no-fund --loglevel=error --ignore-scripts \
		--prefix .tools/observatory @mdn/mdn-http-observatory@$(OBSERVATORY_VERSION)
	echo '{}' > $@

# The same checks as .pre-commit-config.yaml, with the same pinned tools and their one config each
# (ruff.toml, .importlinter; djhtml's indent is given here).
# Speed, measured: N articles on PostgreSQL (DB=sqlite for the embedded default), gunicorn with
# the production settings, wrk, next to a bare Django view and nginx (bench/run.py): warm, from
# kept fragments and from nothing (NOTHING_SECONDS of wrk a page), and the long tail (TAIL
# distinct article addresses at most, each asked for once; TAIL=0: none). PAGES=home,tag: only
# those pages (a quick run). SUBSCRIBERS: how many the newsletter is sent to (10,000 by default;
# bench/newsletter.py).
N ?= 2000
DB ?= postgres
DURATION ?= 10
PASSES ?= 1
NOTHING_SECONDS ?= 5
TAIL ?= 10000
bench: install $(MO) bench-tools
	$(BIN)/python -m bench.run --articles $(N) --db $(DB) --seconds $(DURATION) --passes $(PASSES) \
		--nothing-seconds $(NOTHING_SECONDS) --tail $(TAIL) $(if $(PAGES),--pages $(PAGES)) \
		$(if $(WRITES_ONLY),--writes-only) \
		$(if $(SUBSCRIBERS),--newsletter-subscribers $(SUBSCRIBERS))

bench-tools:
	@command -v wrk >/dev/null && command -v nginx >/dev/null && command -v varnishd >/dev/null && \
		dpkg -s varnish-modules >/dev/null 2>&1 || \
		{ $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk nginx-light varnish \
		varnish-modules; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check --tabwidth 2 $(TEMPLATES)
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml --tabwidth 2 $(TEMPLATES)

install: $(INSTALLED)

$(INSTALLED): requirements/base.txt requirements/dev.txt
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed (python3.11 or python3 on PATH)"; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || \
		{ echo "$(PYTHON) is not Python 3.11"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $@

# Compiled with polib so that no system gettext is needed.
messages: $(MO)
$(MO): locale/zh_Hans/LC_MESSAGES/django.po $(INSTALLED)
	$(BIN)/python -c "import polib, sys; polib.pofile(sys.argv[1]).save_as_mofile(sys.argv[2])" $< $@

# Developers only: refresh django.po from the code (needs GNU gettext's xgettext).
makemessages: install
	$(BIN)/python manage.py makemessages --locale zh_Hans --no-obsolete --ignore '.venv/*' --ignore 'staticfiles/*' \
		--ignore 'importer/tests/fixtures/*'

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache $(MO)
