# oneroster-client: the developer's commands. `make install && make test` is the whole set-up.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SPEC    = openapi/oneroster-1.2.yaml
GEN_ARGS = --path $(SPEC) --config generator-config.yml --custom-template-path openapi/templates \
           --meta none --overwrite --fail-on-warning

.PHONY: install generate check-generated validate-spec lint typecheck test unit clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python  ## create .venv and install the package with its dev tools
	$(BIN)/python -m pip install --quiet -e '.[dev]'

generate:  ## regenerate oneroster_client/ from the spec
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/openapi-python-client generate $(GEN_ARGS) --output-path oneroster_client
	$(BIN)/python -c "import sys; sys.path.insert(0, 'tools'); import generation; generation.INDEX.write_text(generation.operation_index_text())"
	$(BIN)/python tools/provenance.py > openapi/GENERATED.md

check-generated:  ## regenerate into a temp dir and fail on any difference from the committed code
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/python tools/check_generated.py

validate-spec:
	$(BIN)/openapi-spec-validator $(SPEC)

lint:
	$(BIN)/ruff check wrappers tests tools
	$(BIN)/ruff format --check wrappers tests tools

typecheck:
	$(BIN)/mypy --strict wrappers/oneroster
	$(BIN)/mypy --strict oneroster_client

test: validate-spec check-generated lint typecheck  ## everything CI runs
	$(BIN)/pytest -q -p no:cacheprovider

unit:
	$(BIN)/pytest -q tests/unit

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
