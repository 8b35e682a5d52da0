#!/usr/bin/env bash
# Linux: the PyInstaller one-folder build, then a tarball with the .desktop file, the icon and a
# per-user install script. Run from a checkout with the venv set up (scripts/setup-venv.sh).
#   packaging/build-linux.sh            → dist/studio-console/ and dist/studio-console-<ver>-linux-<arch>.tar.gz
#   packaging/build-linux.sh --no-tar   → the one-folder build only (the tests use this)
#   STUDIO_REUSE_BUILD=1 packaging/build-linux.sh → the tarball around an existing dist/studio-console
# The build runs on systems whose glibc is at least as new as the build machine's.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
if [ -z "${STUDIO_REUSE_BUILD:-}" ] || [ ! -x dist/studio-console/studio-console ]; then
  "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/studio-console.spec
fi
[ "${1:-}" = "--no-tar" ] && exit 0
version=$("$PY" -c "import studio; print(studio.__version__)")
name="studio-console-${version}-linux-$(uname -m)"
stage="build/${name}"
rm -rf "$stage" && mkdir -p "$stage"
cp -a dist/studio-console "$stage/studio-console"
cp packaging/studio-console.desktop packaging/icons/studio-console.svg packaging/icons/studio-console.png \
   packaging/linux/install.sh packaging/linux/README.txt "$stage/"
desktop-file-validate "$stage/studio-console.desktop"
tar -C build -I "gzip -${STUDIO_GZIP_LEVEL:-6}" -cf "dist/${name}.tar.gz" "$name"
echo "dist/${name}.tar.gz"
