#!/usr/bin/env bash
# Extract every translatable string of studio/ and ui/ into resources/i18n/studio_zh_CN.ts.
# New strings arrive as type="unfinished": translate them (Qt Linguist, or by hand), then run the
# tests — tests/studio/test_foundation.py fails while any string is untranslated.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE="${LUPDATE:-$( [ -x .venv/bin/pyside6-lupdate ] && echo .venv/bin/pyside6-lupdate || echo pyside6-lupdate )}"
mkdir -p resources/i18n
mapfile -t sources < <(git ls-files -co --exclude-standard 'studio/*.py' 'ui/*.py')
"$LUPDATE" "${sources[@]}" -source-language en -target-language zh_CN -no-obsolete \
  -locations none -ts resources/i18n/studio_zh_CN.ts
