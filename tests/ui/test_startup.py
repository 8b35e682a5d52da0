"""The window shows before the slow libraries load: building the core and the window imports none
of them (they load on first use: OBS connection, keyring read, live room, remote control)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

LATER = ("aiohttp", "keyring", "secretstorage", "studio.room.emulator", "studio.remote.api",
         # OBS's client loads on the first connect; the setup pages and the review on first show.
         "obsws_python", "websocket", "ui.panels.keys", "ui.panels.setup", "ui.panels.room",
         "ui.panels.plan_editor", "ui.panels.channels", "ui.panels.remote", "segno", "ui.panels.review",
         "studio.review.model", "fpdf", "playwright",
         # Built after the first paint (StudioCore.remote / .hotkeys, from start()); the expired-key
         # check loads with the first Start.
         "studio.remote.service", "studio.remote.state", "studio.remote.auth", "studio.remote.hotkeys",
         "studio.keys.apply",
         # The first start's layout (solo) shows the health panel as its one-line strip: the chart,
         # and pyqtgraph with it, is built just after the first paint.
         "pyqtgraph")

PROBE = r"""
import json, sys
from ui.app import compose, prepare_qt
app, _ = prepare_qt(["studio-console"], "zh_CN")
console = compose()
console.window.show()
app.processEvents()
print(json.dumps(sorted(m for m in sys.modules)))
"""


def test_building_the_window_loads_no_network_or_keyring_library(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDIO_CONSOLE_CONFIG_DIR=str(tmp_path / "c"),
               STUDIO_CONSOLE_DATA_DIR=str(tmp_path / "d"))
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = set(json.loads(done.stdout.splitlines()[-1]))
    assert "ui.main_window" in loaded
    assert not [m for m in LATER if m in loaded], [m for m in LATER if m in loaded]


# The launcher's own path up to the first paint: ui.app's first-paint report ends the process with
# os._exit, so the modules loaded by then are printed there, in the order they started loading.
LAUNCHER_PROBE = r"""
import json, os, sys
exit_now = os._exit
def exit_with_modules(code):
    print(json.dumps([os.environ.get("OPENBLAS_NUM_THREADS"), *sys.modules]), flush=True)
    exit_now(code)
os._exit = exit_with_modules
from ui.launcher import main
main([])
"""


def test_the_launcher_paints_the_window_before_the_later_modules_and_loads_the_core_before_qt(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", STUDIO_CONSOLE_CONFIG_DIR=str(tmp_path / "c"),
               STUDIO_CONSOLE_DATA_DIR=str(tmp_path / "d"), STUDIO_CONSOLE_REPORT_FIRST_PAINT="1")
    env.pop("OPENBLAS_NUM_THREADS", None)
    done = subprocess.run([sys.executable, "-c", LAUNCHER_PROBE], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    blas_threads, *order = json.loads([line for line in done.stdout.splitlines() if line.startswith("[")][-1])
    assert blas_threads == "1"  # numpy's BLAS threads would only spin at start (the window needs none)
    assert "ui.main_window" in order
    assert not [m for m in LATER if m in order], [m for m in LATER if m in order]
    # Imported before PySide6, the core's modules and numpy skip shiboken's per-module source read.
    assert order.index("studio.core") < order.index("PySide6")
    assert order.index("numpy") < order.index("PySide6")


def test_remote_hotkeys_and_the_chart_are_built_once_the_window_shows_and_the_remote_starts_when_on(
        qtbot, loop, run, tmp_path):
    from studio.config import Settings
    from studio.keys.store import SecretStore
    from tests.fakes.keyring import MemoryKeyring
    from tests.lab.processes import free_port
    from tests.lab.waiting import wait_until
    from ui.app import compose, start

    settings = Settings.load(tmp_path / "settings.json")
    settings.obs.port = free_port()  # no OBS there: the link keeps trying until closed
    settings.extra["remote"] = {"enabled": True, "port": 0}
    console = compose(settings, SecretStore(backend=MemoryKeyring()))
    qtbot.addWidget(console.window)
    console.window.show()
    core = console.core
    assert "remote" not in vars(core) and "hotkeys" not in vars(core)  # not with the window
    assert not console.window.health_panel.chart_built

    async def scenario() -> None:
        start(console)  # what run_app does after the first paint
        try:
            await wait_until(lambda: "remote" in vars(core) and core.remote.running)
            assert "hotkeys" in vars(core)
            await wait_until(lambda: console.window.health_panel.chart_built)  # solo: left for after the paint
        finally:
            await core.close()
        assert not core.remote.running

    run(scenario())


def test_the_expired_key_check_loaded_on_first_start_still_refuses_an_expired_key(run, tmp_path):
    import pytest

    from studio.config import Settings
    from studio.core import StudioCore
    from studio.keys.store import SecretStore
    from tests.fakes.keyring import MemoryKeyring
    from tests.fakes.obs import FakeLink, FakeObs

    core = StudioCore(Settings.load(tmp_path / "settings.json"), SecretStore(backend=MemoryKeyring()))
    obs = FakeObs()
    obs.service = {"streamServiceType": "rtmp_custom", "streamServiceSettings": {
        "server": "rtmp://push.example.com/live", "key": "room1?txSecret=abc123&txTime=5F5E1000"}}  # 2020
    real_link, core.link = core.link, FakeLink(obs)  # the check asks the core's link at the Start

    async def scenario() -> None:
        from studio.keys.apply import ExpiredKey

        with pytest.raises(ExpiredKey):
            await core.stream.start()
        assert "stream" not in obs.active  # refused before OBS was asked to start
        core.link = real_link
        await core.close()

    run(scenario())
