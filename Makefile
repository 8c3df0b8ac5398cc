# oneroster-client: the developer's commands. On a fresh clone, `make demo` runs the main job against
# the local sandbox and `make test` runs everything CI runs. Every target that runs a tool from .venv
# installs it first (and again only when pyproject.toml changes).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SPEC    = openapi/oneroster-1.2.yaml
GEN_ARGS = --path $(SPEC) --config generator-config.yml --custom-template-path openapi/templates \
           --meta none --overwrite --fail-on-warning

.PHONY: install generate check-generated validate-spec lint typecheck test unit demo sandbox bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-installs only when the dependencies change, so `make demo`/`make test` stay quick after the first run.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed  ## create .venv and install the package with its dev tools

demo: $(VENV)/.installed  ## the main job: the roster sync, then the platform's student onboarding, each on its own sandbox
	$(BIN)/python -m oneroster.sandbox -- $(BIN)/python examples/roster_sync.py
	$(BIN)/python -m oneroster.sandbox --profile timeback-platform -- $(BIN)/python examples/student_onboarding.py

sandbox: $(VENV)/.installed  ## serve the sandbox on http://127.0.0.1:8000 until Ctrl-C
	$(BIN)/python -m oneroster.sandbox --port 8000

bench: $(VENV)/.installed  ## speed, memory, connection and token figures beside their baselines -> bench/results.md
	$(BIN)/python bench/run.py

generate: $(VENV)/.installed  ## regenerate oneroster_client/ from the spec
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/openapi-python-client generate $(GEN_ARGS) --output-path oneroster_client
	$(BIN)/python -c "import sys; sys.path.insert(0, 'tools'); import generation; generation.INDEX.write_text(generation.operation_index_text())"
	$(BIN)/python tools/provenance.py > openapi/GENERATED.md

check-generated: $(VENV)/.installed  ## regenerate into a temp dir and fail on any difference from the committed code
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/python tools/check_generated.py

validate-spec: $(VENV)/.installed  ## the spec is a valid OpenAPI 3.1 document
	$(BIN)/openapi-spec-validator $(SPEC)

lint: $(VENV)/.installed  ## ruff check and ruff format --check
	$(BIN)/ruff check wrappers tests tools examples bench
	$(BIN)/ruff format --check wrappers tests tools examples bench

typecheck: $(VENV)/.installed  ## mypy --strict on the wrapper and the generated package (user code: tests/docs)
	$(BIN)/mypy --strict wrappers/oneroster
	$(BIN)/mypy --strict oneroster_client

test: install validate-spec check-generated lint typecheck  ## everything CI runs
	$(BIN)/pytest -q -p no:cacheprovider --ignore=tests/integration
	$(BIN)/pytest -q -p no:cacheprovider tests/integration --record-mode=none --block-network

.PHONY: record
record: $(VENV)/.installed  ## re-record tests/cassettes: a fresh sandbox, or the provider named by ONEROSTER_*
	$(BIN)/pytest -q -p no:cacheprovider tests/integration --record-mode=rewrite

unit: $(VENV)/.installed  ## the unit tests only
	$(BIN)/pytest -q tests/unit

clean:  ## remove .venv and the caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
