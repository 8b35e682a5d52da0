"""The frozen Linux app (PyInstaller one-folder), as a user runs it: CLI and window, real OBS and keyring.

The build comes from the ``frozen_build`` fixture (tests/integration/conftest.py: built once per
run). The window is started under the lab's Xvfb with the password in the real Secret Service, so
the frozen keyring backend, OBS client, translations and Qt plugins are all exercised; the program
scene is switched by the frozen CLI, and two screenshots of the window (before/after) must differ
where the scene list is.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import obsws_python
import pytest
from PySide6.QtGui import QImage

from studio.config import Settings
from studio.keys.store import OBS_PASSWORD, SecretStore
from tests.lab.frozen import BINARY
from tests.lab.processes import LAB_SCENES, LabProcess

pytestmark = pytest.mark.integration


def _env(tmp_path: Path, keyring_env: dict[str, str], **extra: str) -> dict[str, str]:
    env = dict(os.environ, STUDIO_CONSOLE_CONFIG_DIR=str(tmp_path / "config"),
               STUDIO_CONSOLE_DATA_DIR=str(tmp_path / "data"), **keyring_env, **extra)
    for var in ("PYTHONPATH", "PYTHON_KEYRING_BACKEND", "VIRTUAL_ENV"):
        env.pop(var, None)
    return env


def _cli(env: dict[str, str], *argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BINARY), *argv], env=env, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_frozen_doctor_json_and_show_check(frozen_build, shared_obs, session_keyring, tmp_path):
    env = _env(tmp_path, session_keyring.env)
    doctor = _cli(env, "doctor", "--json", "--host", "127.0.0.1", "--port", str(shared_obs.port),
                  "--password", shared_obs.password, cwd=tmp_path)
    report = json.loads(doctor.stdout)
    checks = {c["name"]: c for c in report["checks"]}
    assert doctor.returncode == 0 and report["ok"], report
    assert "SecretService" in checks["keyring"]["detail"]  # the frozen app found the real keyring
    plan = frozen_build / "_internal" / "studio_console_resources" / "examples" / "show-plan.toml"
    check = _cli(env, "show", "check", str(plan), cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr


def _window_id(pid: int, display: str, log: Path, timeout: float = 90.0) -> str:
    """The main window's X id (a freshly built app's first start reads ~250 MB from a cold cache)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid), "--name",
                                "Studio Console · |· Studio Console"],  # the main window, not the wizard
                               env=dict(os.environ, DISPLAY=display), capture_output=True, text=True)
        ids = found.stdout.split()
        if ids:
            return ids[-1]
        time.sleep(0.3)
    raise AssertionError("the frozen window did not appear: " + log.read_text(errors="replace")[-3000:])


def _screenshot(window: str, display: str, out: Path) -> QImage:
    env = dict(os.environ, DISPLAY=display)
    subprocess.run(["xdotool", "windowactivate", "--sync", window], env=env, capture_output=True, timeout=10)
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "x11grab", "-window_id", window, "-i", display,
                    "-frames:v", "1", str(out)], env=env, check=True, timeout=30)
    image = QImage(str(out))
    assert not image.isNull()
    return image


def _differs(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    step = 4
    return sum(1 for y in range(0, a.height(), step) for x in range(0, a.width(), step)
               if a.pixel(x, y) != b.pixel(x, y))


def test_frozen_window_connects_switches_and_shows_it(frozen_build, x_server, shared_obs, real_keyring, tmp_path):
    settings = Settings()
    settings.obs.host, settings.obs.port = "127.0.0.1", shared_obs.port
    settings.save()
    SecretStore().set(OBS_PASSWORD, shared_obs.password)  # the frozen app reads it from the keyring
    obs = obsws_python.ReqClient(host="127.0.0.1", port=shared_obs.port, password=shared_obs.password, timeout=5)
    obs.set_current_program_scene(LAB_SCENES[0])
    env = _env(tmp_path, real_keyring.env, DISPLAY=x_server.display, QT_QPA_PLATFORM="xcb",
               STUDIO_CONSOLE_LANG="zh_CN")
    app = LabProcess([str(BINARY)], env=env, log=tmp_path / "frozen.log")
    log = tmp_path / "data" / "logs" / "console.log"
    try:
        window = _window_id(app.pid, x_server.display, tmp_path / "frozen.log")
        deadline = time.monotonic() + 30
        while "OBS link: connected" not in (log.read_text(errors="replace") if log.exists() else ""):
            assert app.alive(), (tmp_path / "frozen.log").read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "the frozen app did not connect to OBS"
            time.sleep(0.3)
        time.sleep(1.5)  # the scene list fills after the connection
        before = _screenshot(window, x_server.display, tmp_path / "before.png")
        switched = _cli(env, "obs", "switch", LAB_SCENES[1], "--host", "127.0.0.1", "--port", str(shared_obs.port),
                        cwd=tmp_path)
        assert switched.returncode == 0, switched.stderr
        assert obs.get_current_program_scene().current_program_scene_name == LAB_SCENES[1]
        time.sleep(1.5)
        after = _screenshot(window, x_server.display, tmp_path / "after.png")
        assert before.width() > 600 and before.height() > 400
        colours = {before.pixel(x, y) for x in range(0, before.width(), 16) for y in range(0, before.height(), 16)}
        assert len(colours) > 20  # a drawn window, not an empty frame
        assert _differs(before, after) > 20, "the window did not show the scene switch"
        keep = os.environ.get("STUDIO_KEEP_SCREENSHOTS")  # a folder: look at what the user sees
        if keep:
            for name in ("before.png", "after.png"):
                (Path(keep) / f"frozen-{name}").write_bytes((tmp_path / name).read_bytes())
        assert app.alive()
    finally:
        app.stop(timeout=10)
        SecretStore().delete(OBS_PASSWORD)  # the session's keyring is shared: leave it as found
        obs.set_current_program_scene(LAB_SCENES[0])
        obs.disconnect()
