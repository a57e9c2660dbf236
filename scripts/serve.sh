#!/usr/bin/env bash
# Sets up the checkout, then builds the site and serves it at http://127.0.0.1:8000/portal-iku/
# (MkDocs serves under the path of site_url; it prints the address when it starts),
# rebuilding whenever a file in content/, docs/ or theme/ changes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve "$@"
