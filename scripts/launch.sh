#!/usr/bin/env bash
# Set up (first run) and open the console window.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-venv.sh
exec .venv/bin/studio-console "$@"
