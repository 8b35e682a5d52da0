"""Global hotkeys on a real X server (the lab's Xvfb): a combo grabbed with XGrabKey fires when
xdotool types it, whatever NumLock says; a combo another client holds is reported as a conflict;
and through the service a hotkey presses the real pad (the show log says source "hotkey")."""

from __future__ import annotations

import shutil
import subprocess
import threading

import pytest

from studio.config import Settings
from studio.remote.hotkeys import Combo, HotkeyConflict
from studio.remote.hotkeys.service import GlobalHotkeys
from studio.remote.hotkeys.x11 import X11Hotkeys
from studio.show.log import read_log
from studio.show.pad import Pad
from studio.show.plan import load_plan
from studio.show.session import ShowController
from tests.fakes.clock import FakeClock
from tests.fakes.room import FakeRoom
from tests.fakes.show import EXAMPLE, FakeOverlays
from tests.lab.waiting import wait_until

pytestmark = pytest.mark.integration


@pytest.fixture
def xdotool(x_server):
    if shutil.which("xdotool") is None:
        pytest.fail("xdotool missing (scripts/install-system-deps.sh)")

    def send(*args: str) -> None:
        subprocess.run(["xdotool", *args], env={"DISPLAY": x_server.display, "PATH": "/usr/bin:/bin"},
                       check=True, timeout=10)

    return send


@pytest.fixture
def backend(x_server):
    hotkeys = X11Hotkeys(x_server.display)
    yield hotkeys
    hotkeys.close()


def test_a_grabbed_combo_fires_when_typed_and_plain_keys_do_not(backend, xdotool):
    fired = threading.Event()
    backend.register(Combo.parse("Ctrl+Shift+F9"), fired.set)
    xdotool("key", "F9")  # no modifiers: not ours
    xdotool("key", "ctrl+F9")  # only one of them: not ours either
    assert not fired.wait(0.5)
    xdotool("key", "ctrl+shift+F9")
    assert fired.wait(5), "the grabbed combo did not reach the console"


def test_ctrl_alt_f_keys_are_refused_as_the_servers_own(backend, xdotool):
    # Checked first by hand: the X server swallows Ctrl+Alt+F9 (XKB switch-VT), grab or not.
    with pytest.raises(HotkeyConflict) as error:
        backend.register(Combo.parse("Ctrl+Alt+F9"), lambda: None)
    assert "Ctrl+Shift+F9" in str(error.value)


def test_the_combo_fires_with_numlock_on(backend, xdotool):
    fired = threading.Event()
    backend.register(Combo.parse("Ctrl+Shift+K"), fired.set)
    xdotool("key", "Num_Lock")
    try:
        xdotool("key", "ctrl+shift+k")
        assert fired.wait(5)
    finally:
        xdotool("key", "Num_Lock")


def test_a_combo_held_by_another_client_is_a_conflict(backend, x_server):
    from Xlib import XK, X, display

    other = display.Display(x_server.display)  # another program that took Ctrl+Alt+F10 first
    try:
        root = other.screen().root
        keycode = other.keysym_to_keycode(XK.string_to_keysym("F10"))
        root.grab_key(keycode, X.ControlMask | X.Mod4Mask, True, X.GrabModeAsync, X.GrabModeAsync)
        other.sync()
        with pytest.raises(HotkeyConflict) as error:
            backend.register(Combo.parse("Ctrl+Super+F10"), lambda: None)
        assert "Ctrl+Super+F10" in str(error.value) and "another program" in str(error.value)
    finally:
        other.close()
    # Once the other program let go, the combo is ours.
    backend.register(Combo.parse("Ctrl+Super+F10"), lambda: None)


def test_unregister_releases_the_combo_for_others(backend, x_server, xdotool):
    fired = threading.Event()
    combo = Combo.parse("Super+F8")
    backend.register(combo, fired.set)
    backend.unregister(combo)
    xdotool("key", "super+F8")
    assert not fired.wait(0.5)
    second = X11Hotkeys(x_server.display)
    try:
        second.register(combo, lambda: None)  # no conflict: it was let go
    finally:
        second.close()


def test_a_hotkey_presses_the_real_pad_and_the_log_says_hotkey(run, x_server, xdotool, tmp_path):
    controller = ShowController(load_plan(EXAMPLE), FakeRoom(), FakeOverlays(), directory=tmp_path / "show",
                                clock=FakeClock())
    pad = Pad(controller)
    settings = Settings.load(tmp_path / "settings.json")
    hotkeys = GlobalHotkeys(pad, settings, lambda: EXAMPLE, backend_factory=lambda: X11Hotkeys(x_server.display))

    async def scenario():
        await controller.start_new()
        controller.session.rundown.start_show()
        await hotkeys.set_binding("push", "Ctrl+Alt+2")
        try:
            xdotool("key", "ctrl+alt+2")
            await wait_until(lambda: pad.key("push").state == "ok", timeout=10)
        finally:
            await hotkeys.close()
            await controller.close()

    run(scenario(), timeout=30)
    events = [e for e in read_log(controller.session.log.path).events if e["type"] == "action_result"]
    assert [(e["action"], e["source"], e["key"]) for e in events] == [("push_product", "hotkey", "push")]
