"""The packaging files are built for real here, not grepped: the Windows installer script compiles
(Debian's makensis) around the Linux one-folder build and packs exactly the build's files; the
frozen build holds every studio/ui module; the desktop entry validates; the tarball has what the
install script copies.

The Windows .exe and the macOS .app themselves are built only by .github/workflows (PyInstaller
does not cross-compile).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
NSI = ROOT / "packaging" / "windows" / "installer.nsi"


def _need(program: str) -> str:
    found = shutil.which(program)
    if found is None:
        message = f"{program} missing (run scripts/install-system-deps.sh)"
        if os.environ.get("CI") or os.environ.get("STUDIO_REQUIRE_LAB"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def _files_of(folder: Path) -> set[str]:
    """Every file of the build, as makensis sees it (a symlink counts as the file it points to)."""
    found = set()
    for parent, _dirs, files in os.walk(folder, followlinks=True):
        for name in files:
            found.add((Path(parent) / name).relative_to(folder).as_posix())
    return found


def _packed_by_makensis(log: str, build: Path) -> set[str]:
    """The files makensis packed, rebuilt from its -V4 log ("File:" lines and directory moves)."""
    here = build
    packed = set()
    for line in log.splitlines():
        move = re.match(r'File: (?:Descending to|Returning to): "(.*)"', line)
        if move:
            here = (NSI.parent / move.group(1)).resolve()
            continue
        added = re.match(r'File: "([^"]+)" [\d/]+ bytes', line)  # not plug-ins ("a"->"b")
        if added:
            packed.add((here / added.group(1)).relative_to(build.resolve()).as_posix())
    return packed


def test_the_windows_installer_compiles_and_packs_exactly_the_build(frozen_build, tmp_path):
    makensis = _need("makensis")
    out = tmp_path / "studio-console-setup.exe"
    build = os.path.relpath(frozen_build, NSI.parent)
    done = subprocess.run([makensis, "-V4", "-DFAST", f"-DOUTFILE={out}", f"-DBUILD={build}", NSI.name],
                          cwd=NSI.parent, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "warning" not in done.stdout.split("Output:")[-1].lower(), done.stdout[-2000:]
    assert out.stat().st_size > 50_000_000  # the app is inside, not just the wizard
    packed = _packed_by_makensis(done.stdout, frozen_build)
    built = _files_of(frozen_build)
    assert packed == built, (sorted(built - packed)[:20], sorted(packed - built)[:20])
    # Both languages' pages, and the uninstaller with its keep-my-data choice.
    assert "2 language tables" in done.stdout
    assert re.search(r"Uninstall: \d+ pages .* 2 sections \(1 required\)", done.stdout), done.stdout[-1500:]


def test_the_frozen_build_holds_every_studio_and_ui_module(frozen_build):
    viewer = Path(sys.executable).with_name("pyi-archive_viewer")
    listing = subprocess.run([str(viewer), "--list", "--recursive", str(frozen_build / "studio-console")],
                             capture_output=True, text=True, timeout=120, check=True).stdout
    frozen = set(re.findall(r"'((?:studio|ui)(?:\.[\w]+)*)'", listing))
    source = set()
    built_at = (frozen_build / "studio-console").stat().st_mtime
    for top in ("studio", "ui"):
        for path in (ROOT / top).rglob("*.py"):
            if path.stat().st_mtime > built_at:
                continue  # written during the build (a shared working tree): not this build's
            parts = path.relative_to(ROOT).with_suffix("").parts
            source.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    assert source <= frozen, sorted(source - frozen)
    # and every data file: resources/ as studio_console_resources, the packages' own (pages, selectors)
    internal = frozen_build / "_internal"
    wanted = [("studio_console_resources" / p.relative_to(ROOT / "resources"), p)
              for p in (ROOT / "resources").rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")]
    wanted += [(p.relative_to(ROOT), p) for top in ("studio", "ui") for p in (ROOT / top).rglob("*")
               if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    missing = [str(rel) for rel, p in wanted if p.stat().st_mtime <= built_at and not (internal / rel).is_file()]
    assert not missing, missing


def test_the_desktop_entry_validates():
    validate = _need("desktop-file-validate")
    done = subprocess.run([validate, str(ROOT / "packaging" / "studio-console.desktop")],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_linux_tarball_has_the_app_entry_icon_and_installer(frozen_build, tmp_path):
    """The tarball step of packaging/build-linux.sh, on the build we already have."""
    _need("desktop-file-validate")
    env = dict(os.environ, PYTHON=sys.executable, STUDIO_REUSE_BUILD="1", STUDIO_GZIP_LEVEL="1")
    done = subprocess.run([str(ROOT / "packaging" / "build-linux.sh")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    tarball = ROOT / done.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
        top = tarball.name.removesuffix(".tar.gz")
        for member in ("studio-console/studio-console", "studio-console.desktop", "studio-console.svg",
                       "studio-console.png", "install.sh", "README.txt"):
            assert f"{top}/{member}" in names
        tar.extractall(tmp_path, filter="tar")
    home = tmp_path / "home"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"))
    subprocess.run(["sh", str(tmp_path / top / "install.sh")], env=env, check=True, capture_output=True, timeout=120)
    entry = home / ".local/share/applications/studio-console.desktop"
    subprocess.run([shutil.which("desktop-file-validate") or "desktop-file-validate", str(entry)], check=True)
    binary = home / ".local/opt/studio-console/studio-console"
    assert f"Exec={binary}" in entry.read_text()
    version = subprocess.run([str(home / ".local/bin/studio-console"), "--version"], env=env,
                             capture_output=True, text=True, timeout=60)
    assert version.returncode == 0, version.stderr
    subprocess.run(["sh", str(tmp_path / top / "install.sh"), "--uninstall"], env=env, check=True,
                   capture_output=True, timeout=60)
    assert not binary.exists() and not entry.exists()
