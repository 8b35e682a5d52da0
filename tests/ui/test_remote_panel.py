"""The remote control page: the switch starts the API on loopback, the link is shown masked and
copied whole, the QR code holds it, a new token in one click, LAN mode names the exposed address,
and hotkeys per action with conflicts shown beside them."""

from __future__ import annotations

import aiohttp
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from studio.config import Settings
from studio.keys.store import SecretStore
from studio.remote.hotkeys.service import GlobalHotkeys
from studio.remote.service import RemoteControl
from studio.remote.state import RemoteState
from tests.fakes.hotkeys import FakeHotkeys
from tests.fakes.keyring import MemoryKeyring
from tests.fakes.pad import FakeKey, FakePad, sent
from tests.lab.waiting import wait_until
from ui.panels.remote import RemotePanel, qr_image


@pytest.fixture
def parts(tmp_path, run):
    pad = FakePad([FakeKey("push", "F2", "商品上屏"), FakeKey("coupon", "F3", "发券")], {"push": sent()})
    settings = Settings.load(tmp_path / "settings.json")
    settings.extra["remote"] = {"port": 0}
    remote = RemoteControl(RemoteState(pad), settings, SecretStore(backend=MemoryKeyring()),
                           lan_address=lambda: "127.0.0.2")  # a second loopback address stands in for the LAN
    backend = FakeHotkeys(taken_elsewhere=("Ctrl+Alt+T",))
    hotkeys = GlobalHotkeys(pad, settings, lambda: tmp_path / "plan.toml", backend_factory=lambda: backend)
    yield remote, hotkeys, pad, backend
    run(remote.close())
    run(hotkeys.close())


def _panel(qtbot, remote, hotkeys):
    panel = RemotePanel(remote, hotkeys)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_switching_on_serves_the_pad_and_shows_a_masked_link(qtbot, loop, run, parts):
    remote, hotkeys, pad, _ = parts
    panel = _panel(qtbot, remote, hotkeys)
    assert not panel.switch.isChecked() and not panel.copy.isEnabled() and "Off" in panel.status.text()
    panel.switch.setChecked(True)
    run(wait_until(lambda: remote.running and panel.copy.isEnabled()))
    token = remote.token
    assert token and token not in panel.url.text() and "••••" in panel.url.text()
    assert panel.url.text().startswith("http://127.0.0.1:") and panel.lan_warning.isHidden()
    qtbot.mouseClick(panel.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == remote.phone_url()
    assert panel.qr.isHidden()
    qtbot.mouseClick(panel.show_qr, Qt.MouseButton.LeftButton)
    assert panel.qr.isVisible() and panel.qr_text == remote.phone_url() and not panel.qr.pixmap().isNull()
    panel.deck_key.setCurrentIndex(0)
    qtbot.mouseClick(panel.copy_deck, Qt.MouseButton.LeftButton)
    deck = QGuiApplication.clipboard().text()
    assert deck == remote.button_url("push")

    async def press():
        async with aiohttp.ClientSession() as http, http.get(deck) as r:
            return r.status

    assert run(press()) == 200 and pad.runs == [("push", "streamdeck", False)]
    panel.switch.setChecked(False)
    run(wait_until(lambda: not remote.running))
    assert not panel.copy.isEnabled() and panel.qr.isHidden()


def _switched_on(qtbot, run, parts):
    """The panel, switched on by its switch, once the remote control serves."""
    remote, hotkeys, _, _ = parts
    panel = _panel(qtbot, remote, hotkeys)
    panel.switch.setChecked(True)
    run(wait_until(lambda: remote.running))
    return remote, panel


def test_a_new_token_in_one_click(qtbot, loop, run, parts):
    remote, panel = _switched_on(qtbot, run, parts)
    panel.show_qr.setChecked(True)
    before, qr_before = remote.phone_url(), panel.qr_text
    qtbot.mouseClick(panel.rotate, Qt.MouseButton.LeftButton)
    run(wait_until(lambda: remote.phone_url() != before))
    assert panel.qr_text == remote.phone_url() != qr_before
    assert "scan the QR code again" in panel.message.text()


def test_lan_mode_warns_and_names_the_exposed_address(qtbot, loop, run, parts):
    remote, panel = _switched_on(qtbot, run, parts)
    panel.lan.setChecked(True)
    run(wait_until(lambda: remote.exposed == "127.0.0.2" and panel.lan_warning.isVisible()))
    assert "127.0.0.2" in panel.lan_warning.text() and str(remote.api.port) in panel.lan_warning.text()
    assert panel.url.text().startswith("http://127.0.0.2:")
    panel.lan.setChecked(False)
    run(wait_until(lambda: panel.lan_warning.isHidden() and remote.exposed is None))


def test_hotkeys_per_action_with_conflicts_beside_them(qtbot, loop, run, parts):
    remote, hotkeys, _, backend = parts
    panel = _panel(qtbot, remote, hotkeys)
    editor = panel.editors["push"]
    editor.setKeySequence(QKeySequence("Ctrl+Alt+2"))
    editor.editingFinished.emit()
    run(wait_until(lambda: hotkeys.bindings() == {"push": "Ctrl+Alt+2"}))
    assert editor.keySequence().toString() == "Ctrl+Alt+2"
    other = panel.editors["coupon"]
    other.setKeySequence(QKeySequence("Ctrl+Alt+T"))
    other.editingFinished.emit()
    run(wait_until(lambda: panel.problems["coupon"].text()))
    assert "another program" in panel.problems["coupon"].text() and other.keySequence().isEmpty()
    other.setKeySequence(QKeySequence("F3"))  # not a combo
    other.editingFinished.emit()
    run(wait_until(lambda: "Ctrl, Alt or Super" in panel.message.text()))
    editor.clear()
    run(wait_until(lambda: hotkeys.bindings() == {}))
    assert backend.registered == {}


def test_the_qr_image_is_a_real_qr_matrix():
    image = qr_image("http://127.0.0.1:17650/?token=abc", scale=1)
    assert image.width() == image.height() >= 25
    # The finder pattern: the top-left module inside the border is dark, the border is light.
    assert image.pixelIndex(2, 2) == 1 and image.pixelIndex(0, 0) == 0


def test_the_window_has_the_remote_page_bound_to_the_core(qtbot, loop, run):
    from studio.core import StudioCore
    from ui.app import build_window

    settings = Settings.load()
    settings.extra["remote"] = {"port": 0}
    core = StudioCore(settings, SecretStore(backend=MemoryKeyring()))
    window = build_window(core)
    qtbot.addWidget(window)
    tabs = [window.setup_tabs.tabText(i) for i in range(window.setup_tabs.count())]
    assert "Remote control 遥控" in tabs
    panel = window.remote_panel
    assert panel.remote is core.remote and panel.hotkeys is core.hotkeys
    pad_keys = core.pad.keys()
    assert set(panel.editors) == {k.id for k in pad_keys}
    panel.switch.setChecked(True)
    run(wait_until(lambda: core.remote.running))
    run(core.close())
    assert not core.remote.running
