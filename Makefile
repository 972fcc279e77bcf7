# Veikart: `make run` and `make test` are all a new machine needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run serve install chromium test test-unit test-e2e bench lint format messages migrations-check lock check-deploy ci clean

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $(STAMP)

install: $(STAMP) ## Create the virtual environment from the lock file.

# The background task worker (mail) runs beside the server and stops with it; mail is printed in this terminal.
run: install ## Migrate the embedded database, load the demo and serve it at http://$(HOST):$(PORT) with the task worker.
	DEBUG=true $(BIN)/python manage.py migrate --no-input
	DEBUG=true $(BIN)/python manage.py load_demo --demo-passwords
	DEBUG=true $(BIN)/python manage.py db_worker --queue-name '*' & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		DEBUG=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install chromium ## The whole test suite (unit, integration and browser tests).
	TESTING=true $(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

test-unit: install
	TESTING=true $(BIN)/python -m pytest -m "not e2e" $(PYTEST_ARGS)

test-e2e: install chromium
	TESTING=true $(BIN)/python -m pytest -m e2e $(PYTEST_ARGS)

# The browser tests drive Debian's Chromium (Playwright cannot download a browser of its own):
# installed with apt-get when neither CHROMIUM_PATH nor a chromium on the PATH is there.
chromium:
	@if [ -z "$$CHROMIUM_PATH" ] && ! command -v chromium >/dev/null 2>&1; then \
		echo "Installing Debian's chromium for the browser tests"; \
		if [ "$$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; \
	fi

bench: install ## Generate national-scale data and print measured server times.
	TESTING=true $(BIN)/python -m benchmarks

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# An app with its own locale/ keeps every string of its folder there, its name in apps.py included;
# veikart/locale holds the rest, so a string both use (the navigation's "Roadmap") is in both.
# --no-wrap keeps each string on one line, as a translation is typed by hand: a catalogue filled in
# by hand and then run through this target again stays as it is, so a second run changes nothing.
MAKEMESSAGES := makemessages -l nb -l nn -l en --no-obsolete --no-wrap

messages: install ## Update the .po catalogues (veikart/locale and each app's own locale/) and compile them; needs GNU gettext.
	@own=$$(for dir in veikart/*/locale; do [ -d "$$dir" ] && basename $$(dirname $$dir); done); \
	ignores=$$(for app in $$own; do printf -- "--ignore=veikart/%s/* " $$app; done); \
	TESTING=true $(BIN)/python manage.py $(MAKEMESSAGES) --ignore=.venv \
		--ignore='veikart/static/*' --ignore=e2e --ignore=benchmarks --ignore=staticfiles --ignore=var $$ignores; \
	for app in $$own; do \
		(cd veikart/$$app && TESTING=true ../../$(BIN)/python ../../manage.py $(MAKEMESSAGES)); \
	done
	TESTING=true $(BIN)/python manage.py compilemessages -v0 --ignore=.venv

migrations-check: install
	TESTING=true $(BIN)/python manage.py makemigrations --check --dry-run

check-deploy: install
	DEBUG=false SECRET_KEY=check-deploy-$$RANDOM-$$RANDOM-$$RANDOM-$$RANDOM-long-enough-secret ALLOWED_HOSTS=veikart.example.org \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

lock: ## Regenerate requirements.lock from pyproject.toml.
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -q -o requirements.lock

ci: lint migrations-check check-deploy test

clean:
	rm -rf $(VENV) var staticfiles
