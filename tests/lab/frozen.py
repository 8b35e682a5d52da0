"""The Linux one-folder build (PyInstaller), made at most once per test run and reused after.

``ensure_frozen_build()`` builds ``dist/studio-console`` with ``packaging/build-linux.sh --no-tar``
unless a build of the same sources is already there (a stamp beside it holds the hash of studio/,
ui/, resources/, the spec and the Python/PySide6 versions). The frozen tests, the installer's
file-list check and the start-up benchmark share it; a second local run costs nothing.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "studio-console"
BINARY = DIST / "studio-console"
STAMP = DIST.parent / ".studio-console.source-hash"  # beside the build: never packed into it


def source_hash() -> str:
    import PySide6

    digest = hashlib.sha256(f"{sys.version} {PySide6.__version__}".encode())
    files = [ROOT / "packaging" / "studio-console.spec", ROOT / "packaging" / "build-linux.sh"]
    for top in ("studio", "ui", "resources"):
        files += sorted(p for p in (ROOT / top).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_frozen_build() -> Path:
    """The frozen app's folder (its executable is ``BINARY``), built now if missing or stale."""
    wanted = source_hash()
    if BINARY.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return DIST
    env = dict(os.environ, PYTHON=sys.executable)
    done = subprocess.run([str(ROOT / "packaging" / "build-linux.sh"), "--no-tar"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    if done.returncode != 0 or not BINARY.exists():
        raise RuntimeError("the frozen build failed:\n" + done.stdout[-3000:] + done.stderr[-3000:])
    STAMP.write_text(wanted)
    return DIST
