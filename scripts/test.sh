#!/usr/bin/env bash
# Sets up the checkout, then runs every check: lint, content check and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check generator tests scripts
.venv/bin/ruff format --check generator tests scripts
.venv/bin/iku check
# One worker per core; each builds the sites its tests need once. Each test file runs whole on
# one worker (--dist loadfile): a file's module fixtures (sites, shards, caches) are built once,
# not once on each worker that got some of its tests.
.venv/bin/python -m pytest -n "${IKU_TEST_WORKERS:-2}" --dist loadfile "$@"
