#!/usr/bin/env bash
# Set up a local environment (once) and serve the site on http://127.0.0.1:8000 with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
exec mkdocs serve --dev-addr 127.0.0.1:8000 "$@"
