# Préau: `make run` starts the demo portal, `make test` runs every check CI runs.
# Both create the virtual environment and are safe to run again.

VENV ?= .venv
PY := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# PostgreSQL and Redis used by the second test run in CI (`CI=true make test`).
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/preau
# Each test process takes the next Redis database (settings/test.py): 12 and 13 with two.
TEST_REDIS_URL ?= redis://127.0.0.1:6379/12
# Two test processes (the machines have two cores); a file's tests stay in one process, so
# a browser journey loads the demo portal once.
PYTEST_ARGS ?= -n 2 --dist loadfile

.PHONY: run test bench lint checks test-sqlite test-postgres messages clean

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.installed

# The H5P player (h5p-standalone), served from node_modules/ as static files; package.json
# pins it, package-lock.json fixes its hash. Its own install scripts are not run.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

run: $(VENV)/.installed node_modules/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data --serving-at http://127.0.0.1:8000/
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(VENV)/.installed-dev node_modules/.installed lint checks test-sqlite
ifeq ($(CI),true)
	$(MAKE) test-postgres
endif

# The school-day mix at 64 and 650 schools (README "Performance"); needs PostgreSQL and Redis.
# BENCH_ARGS passes options, e.g. BENCH_ARGS="--sizes 8 --seconds 3 --mix-seconds 8".
BENCH_ARGS ?=
$(VENV)/.installed-bench: requirements-bench.txt $(VENV)/.installed
	$(PY) -m pip install -q -r requirements-bench.txt
	touch $@

bench: $(VENV)/.installed-bench
	@command -v wrk >/dev/null 2>&1 || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null)
	$(PY) -m devtools.bench $(BENCH_ARGS)

lint: $(VENV)/.installed-dev node_modules/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

checks: $(VENV)/.installed-dev node_modules/.installed
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) scripts/check_translations.py
	DJANGO_SETTINGS_MODULE=preau.settings.production ALLOWED_HOSTS=preau.example.org AXES_PROXY_COUNT=0 \
		SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')" \
		$(PY) manage.py check --deploy --fail-level WARNING

test-sqlite: $(VENV)/.installed-dev node_modules/.installed
	env -u DATABASE_URL -u REDIS_URL $(PY) scripts/run_pytest.py $(PYTEST_ARGS)

test-postgres: $(VENV)/.installed-dev node_modules/.installed
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(PY) scripts/run_pytest.py $(PYTEST_ARGS)

messages: $(VENV)/.installed-dev
	$(PY) manage.py makemessages -l fr --no-obsolete -i ".venv/*" -i "static_collected/*" -i "node_modules/*"
	$(PY) manage.py compilemessages -l fr -i ".venv"

clean:
	rm -rf $(VENV) node_modules static_collected .pytest_cache .ruff_cache
