"""The wheel works where a user installs it: built from this tree, installed in a fresh venv.

Offline and fast: the wheel is built with ``--no-build-isolation`` (setuptools from the test
extras) and installed with ``--no-index --no-deps``; the fresh venv sees its dependencies through a
``.pth`` line naming the dev venv's site-packages (added after its own, so the wheel's ``studio``
wins, and that folder's own ``.pth`` files — the editable install — are not run). The dependency
list itself is checked against what the wheel declares. Then, from a folder outside the checkout:
``studio-console doctor --json`` against a real OBS and the real keyring, ``show check`` on the
plan the wheel ships, and the window opened offscreen in Chinese with translated text on it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from studio.i18n import load_ts

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


def _source_copy(dest: Path) -> Path:
    """The files git would ship (tracked and new, not ignored): no build/, .venv or egg-info."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("wheel")
    src = _source_copy(work / "src")
    out = work / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-build-isolation", "--no-deps",
                    "--no-index", "-w", str(out), str(src)], check=True, timeout=300)
    (wheel,) = out.glob("studio_console-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-index",
                    "--no-deps", str(wheel)], check=True, timeout=300)
    purelib = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    (purelib / "zz_dev_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    cwd = work / "elsewhere"
    cwd.mkdir()
    return {"wheel": wheel, "venv": venv, "python": python, "cwd": cwd, "src": src}


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, STUDIO_CONSOLE_CONFIG_DIR=str(tmp_path / "config"),
               STUDIO_CONSOLE_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen", **extra)
    env.pop("PYTHONPATH", None)
    return env


def _py(wheel_venv: dict[str, Path], code: str, env: dict[str, str]) -> str:
    out = subprocess.run([str(wheel_venv["python"]), "-c", code], cwd=wheel_venv["cwd"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def test_the_wheel_carries_every_module_and_the_resources(wheel_venv):
    names = set(zipfile.ZipFile(wheel_venv["wheel"]).namelist())
    for shipped in ("studio_console_resources/i18n/studio_zh_CN.ts",
                    "studio_console_resources/examples/show-plan.toml",
                    "studio_console_resources/backgrounds/portrait-default.png"):
        assert shipped in names
    src = wheel_venv["src"]
    data = {"studio_console_resources/" + p.relative_to(src / "resources").as_posix()
            for p in (src / "resources").rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")}
    data |= {p.relative_to(src).as_posix() for top in ("studio", "ui") for p in (src / top).rglob("*")
             if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}
    assert data <= names, sorted(data - names)  # every shipped file: plans, pages, selectors
    modules = {p.relative_to(src).as_posix() for top in ("studio", "ui") for p in (src / top).rglob("*.py")}
    assert modules and modules <= names, sorted(modules - names)


def test_installed_code_and_files_come_from_the_fresh_venv(wheel_venv, tmp_path):
    got = json.loads(_py(wheel_venv, (
        "import json, importlib.metadata as md, re, studio, ui, studio.resources as r, studio.core as c\n"
        "missing = []\n"
        "for req in md.requires('studio-console') or []:\n"
        "    if 'extra ==' in req: continue\n"
        "    name = re.split(r'[<>=!~; \\[]', req, maxsplit=1)[0]\n"
        "    try: md.version(name)\n"
        "    except md.PackageNotFoundError: missing.append(name)\n"
        "print(json.dumps({'studio': studio.__file__, 'ui': ui.__file__, 'root': str(r.resources_root()),\n"
        "                  'plan': str(c.EXAMPLE_PLAN), 'plan_exists': c.EXAMPLE_PLAN.is_file(),\n"
        "                  'missing': missing}))\n"), _env(tmp_path)))
    venv = str(wheel_venv["venv"])
    for key in ("studio", "ui", "root", "plan"):
        assert got[key].startswith(venv), (key, got[key])
    assert got["plan_exists"] and got["missing"] == []


def test_doctor_json_and_show_check_from_the_installed_script(wheel_venv, shared_obs, session_keyring, tmp_path):
    script = str(wheel_venv["venv"] / "bin" / "studio-console")
    env = _env(tmp_path, **session_keyring.env)
    env.pop("PYTHON_KEYRING_BACKEND", None)
    doctor = subprocess.run([script, "doctor", "--json", "--host", "127.0.0.1", "--port", str(shared_obs.port),
                             "--password", shared_obs.password], cwd=wheel_venv["cwd"], env=env,
                            capture_output=True, text=True, timeout=120)
    report = json.loads(doctor.stdout)
    failed = [c for c in report["checks"] if not c["ok"]]
    assert doctor.returncode == 0 and report["ok"], failed
    assert {c["name"] for c in report["checks"]} >= {"obs", "versions", "keyring", "cjk_font"}

    plan = _py(wheel_venv, "from studio.core import EXAMPLE_PLAN; print(EXAMPLE_PLAN)", env).strip()
    check = subprocess.run([script, "show", "check", plan, "--json"], cwd=wheel_venv["cwd"], env=env,
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr


WINDOW = r"""
import json, os
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QGroupBox
from ui.app import compose, prepare_qt
app, language = prepare_qt(["studio-console"], "zh_CN")
console = compose()
window = console.window
window.show()
for _ in range(5):
    app.processEvents()
texts = [window.windowTitle()]
texts += [w.text() for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton) if w.isVisible()]
texts += [w.title() for w in window.findChildren(QGroupBox) if w.isVisible()]
for bar in window.findChildren(QTabBar):
    texts += [bar.tabText(i) for i in range(bar.count())]
texts += [a.text() for a in window.menuBar().actions()]
print(json.dumps({"language": language, "texts": texts}))
os._exit(0)
"""


def test_the_window_opens_in_chinese_from_the_wheel(wheel_venv, tmp_path):
    got = json.loads(_py(wheel_venv, WINDOW, _env(tmp_path, STUDIO_CONSOLE_LANG="zh_CN")).splitlines()[-1])
    assert got["language"] == "zh_CN"
    table = load_ts(ROOT / "resources" / "i18n" / "studio_zh_CN.ts")
    # Translations whose English source has no Chinese: seeing one proves the .ts was loaded.
    translated = {zh for (_, en), zh in table.items() if not re.search(r"[\u4e00-\u9fff]", en)
                  and re.search(r"[\u4e00-\u9fff]", zh)}
    on_screen = {t for t in got["texts"] if t in translated}
    assert len(on_screen) >= 3, got["texts"]
