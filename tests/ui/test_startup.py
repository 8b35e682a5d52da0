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
         "studio.review.model", "fpdf", "playwright")

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
