#!/usr/bin/env bash
# Set up everything on a fresh machine and run the whole test suite against the real lab.
# Extra arguments go to pytest (e.g. scripts/test.sh -k scenes).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-deps.sh
scripts/setup-venv.sh
export STUDIO_REQUIRE_LAB=1   # a missing lab program fails the run instead of skipping tests
export QT_QPA_PLATFORM=offscreen
PYTEST=(.venv/bin/python -m pytest "$@")
# Prove the suite talks to nothing but loopback: run it in a network namespace that has only lo.
if [ "$(id -u)" -eq 0 ] && unshare -n true 2>/dev/null; then
  exec unshare -n sh -c 'ip link set lo up && exec "$@"' sh "${PYTEST[@]}"
fi
exec "${PYTEST[@]}"
