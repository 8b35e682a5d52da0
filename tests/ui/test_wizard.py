"""The first-run wizard against a real OBS of its own: off → websocket off → wrong password → connected.

OBS's UI language is set to Chinese in its own global.ini, the console's to English: the menu path
the wizard gives must follow OBS's language (that is what the user sees in OBS). The password is
saved in the real Secret Service, the example plan copied to a Documents folder, and the main
window ends connected.
"""

from __future__ import annotations

import configparser
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from studio.config import Settings
from studio.core import EXAMPLE_PLAN
from studio.keys.store import OBS_PASSWORD, SecretStore
from studio.obs.firstrun import obs_running, read_obs_install
from studio.obs.link import LinkState
from tests.fakes.keyring import NoKeyring
from tests.lab import processes
from tests.lab.processes import ObsInstance
from tests.lab.waiting import wait_until
from ui import main_window
from ui.app import compose, show_portrait_setup
from ui.wizard import FIRST_RUN_DONE, FirstRunWizard

pytestmark = pytest.mark.integration
MENU_ZH = "工具 → WebSocket 服务器设置"


def _obs_settings(obs: ObsInstance, *, websocket: bool) -> Path:
    """Rewrite OBS's own settings: Chinese UI, WebSocket server on or off (both config places)."""
    cfg = obs.home / ".config" / "obs-studio"
    ini = configparser.ConfigParser(interpolation=None)
    ini.optionxform = str  # type: ignore[assignment,method-assign]
    ini.read(cfg / "global.ini", encoding="utf-8")
    ini["General"]["Language"] = "zh-CN"
    ini["OBSWebSocket"]["ServerEnabled"] = "true" if websocket else "false"
    with open(cfg / "global.ini", "w", encoding="utf-8") as f:
        ini.write(f, space_around_delimiters=False)
    ws = cfg / "plugin_config" / "obs-websocket" / "config.json"
    data = json.loads(ws.read_text())
    data["server_enabled"] = websocket
    ws.write_text(json.dumps(data))
    return cfg


def test_wizard_guides_from_obs_off_to_the_connected_window(qtbot, x_server, real_keyring, run, tmp_path,
                                                             monkeypatch):
    (tmp_path / "obs").mkdir()
    obs = ObsInstance(tmp_path / "obs", x_server.display, password="wizard-only-password")
    SecretStore().delete(OBS_PASSWORD)  # the session's keyring may hold another test's entry
    cfg = _obs_settings(obs, websocket=False)
    settings = Settings()
    settings.obs.host, settings.obs.port = "127.0.0.1", obs.port
    console = compose(settings)  # the real SecretStore: the lab's Secret Service
    console.core.link.backoff = (0.2, 0.5, 1.0)
    qtbot.addWidget(console.window)
    console.window.show()
    documents = tmp_path / "Documents"
    wizard = FirstRunWizard(console.core, obs_config_dir=cfg, documents=documents)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        # 1. OBS is not running (other OBS instances of the lab are: they use other settings).
        wizard.password.setText("not-the-password")
        found = run(wizard.check())
        assert found.kind == "obs_off", found
        assert wizard.status.text() == found.title and "OBS" in found.title
        assert MENU_ZH in wizard.advice.text()  # OBS's language, where to turn the server on
        assert not wizard.next_button.isEnabled()

        # 2. OBS runs with its WebSocket server off: the port stays closed.
        with monkeypatch.context() as m:
            m.setattr(processes, "wait_for_port", lambda *a, **k: True)
            obs.start()
        run(wait_until(lambda: obs_running(read_obs_install(cfg)), timeout=20))
        qtbot.mouseClick(wizard.check_button, Qt.MouseButton.LeftButton)  # the button, as a user would
        run(wait_until(lambda: wizard.diagnosis is not None and wizard.diagnosis.kind != "obs_off", timeout=20))
        assert wizard.diagnosis is not None and wizard.diagnosis.kind == "websocket_off", wizard.diagnosis
        assert MENU_ZH in wizard.advice.text() and str(obs.port) in wizard.advice.text()
        obs.stop()

        # 3. The server on, the wrong password: asked again, nothing saved.
        _obs_settings(obs, websocket=True)
        obs.start()
        found = run(wizard.check())
        assert found.kind == "wrong_password", found
        assert "显示连接信息" in wizard.advice.text() and not wizard.next_button.isEnabled()
        assert SecretStore().get(OBS_PASSWORD) is None

        # 4. The right password: connected, saved in the keyring, and the wizard says which.
        wizard.password.setText(obs.password)
        found = run(wizard.check())
        assert found.kind == "connected" and "29." in found.title, found
        assert "Secret Service" in wizard.saved_in.text()
        assert SecretStore().get(OBS_PASSWORD) == obs.password
        assert wizard.next_button.isEnabled()
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        assert wizard.pages.currentIndex() == 1 and wizard.portrait.isChecked() and wizard.example.isChecked()

        asked_for_setup = []
        wizard.portrait_setup_requested.connect(lambda: asked_for_setup.append(True))
        with qtbot.waitSignal(wizard.finished, timeout=10_000):
            qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)
        assert asked_for_setup == [True]
        assert wizard.plan_copy is not None and wizard.plan_copy.parent.parent == documents
        assert wizard.plan_copy.read_bytes() == EXAMPLE_PLAN.read_bytes()
        saved = Settings.load()
        assert saved.extra["show_plan"] == str(wizard.plan_copy) and saved.extra[FIRST_RUN_DONE] is True
        assert saved.obs.port == obs.port

        # The main window, connected with the saved password.
        run(wait_until(lambda: console.core.link.state is LinkState.CONNECTED, timeout=20))
        run(wait_until(lambda: console.window.connection_bar.state_badge.accessibleName() == "connected"))
    finally:
        run(console.core.close())
        obs.stop()
        SecretStore().delete(OBS_PASSWORD)


def test_help_menu_opens_the_wizard(qtbot, loop, run):
    console = compose(Settings(), NoKeyring())
    qtbot.addWidget(console.window)
    action = next(a for a in console.window.findChildren(type(console.window.menuBar().actions()[0]))
                  if a.objectName() == "firstRunWizardAction")
    action.trigger()
    wizards = [w for w in console.window.findChildren(FirstRunWizard) if w.isVisible()]
    assert len(wizards) == 1
    assert wizards[0].host.text() == "127.0.0.1"
    wizards[0].close()
    # "Set up the portrait scenes next": the window opens on the portrait studio setup tab.
    show_portrait_setup(console)
    window = console.window
    assert window.pages.currentIndex() == main_window.SETUP_PAGE
    assert window.setup_tabs.currentWidget().isAncestorOf(window.setup_panel)
    run(console.core.close())
