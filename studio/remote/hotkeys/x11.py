"""Linux X11: ``XGrabKey`` on the root window (python-xlib), as OBS does on X11.

A grab another client already holds fails with ``BadAccess``: that is the conflict we report.
The grab is made for each combination of CapsLock and NumLock, so the hotkey fires whatever
their state. One worker thread owns the connection's event reading; requests are serialised by
a lock. Under Wayland (XWayland) a grab only sees keys while an X window has focus.
"""

from __future__ import annotations

import logging
import os
import select
import threading
from collections.abc import Callable
from typing import Any

from studio.i18n import translate
from studio.remote.hotkeys import Combo, HotkeyBackend, HotkeyConflict, HotkeyError

log = logging.getLogger(__name__)

_KEYSYM_NAMES = {"Space": "space", "Enter": "Return", "Tab": "Tab", "Esc": "Escape", "Home": "Home",
                 "End": "End", "PageUp": "Prior", "PageDown": "Next", "Left": "Left", "Right": "Right",
                 "Up": "Up", "Down": "Down", "Insert": "Insert", "Delete": "Delete"}


class X11Hotkeys(HotkeyBackend):
    name = "X11"

    def __init__(self, display_name: str | None = None) -> None:
        from Xlib import XK, X, display, error

        self._X, self._XK, self._error = X, XK, error
        try:
            self._display: Any = display.Display(display_name)
        except (error.DisplayError, OSError) as e:
            raise HotkeyError(translate("Hotkeys", "Cannot reach the X display for global hotkeys "
                                                   "({error}).").format(error=e)) from None
        self._root = self._display.screen().root
        self._lock = threading.Lock()
        self._grabs: dict[tuple[int, int], Callable[[], None]] = {}
        self._ignored = (0, X.LockMask, X.Mod2Mask, X.LockMask | X.Mod2Mask)  # CapsLock, NumLock
        self._relevant = X.ShiftMask | X.ControlMask | X.Mod1Mask | X.Mod4Mask
        self._wake_r, self._wake_w = os.pipe()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="x11-hotkeys", daemon=True)
        self._thread.start()

    def _mask(self, combo: Combo) -> int:
        X = self._X
        bits = {"ctrl": X.ControlMask, "alt": X.Mod1Mask, "shift": X.ShiftMask, "super": X.Mod4Mask}
        mask = 0
        for modifier in combo.modifiers:
            mask |= bits[modifier]
        return mask

    def _keycode(self, combo: Combo) -> int:
        name = _KEYSYM_NAMES.get(combo.key, combo.key.lower() if len(combo.key) == 1 else combo.key)
        keysym = self._XK.string_to_keysym(name)
        keycode = int(self._display.keysym_to_keycode(keysym)) if keysym else 0
        if not keycode:
            raise HotkeyError(translate("Hotkeys", "This keyboard has no key {key}.").format(key=combo.key))
        return keycode

    def register(self, combo: Combo, callback: Callable[[], None]) -> None:
        if {"ctrl", "alt"} <= combo.modifiers and combo.key[1:].isdigit() and combo.key.startswith("F") \
                and int(combo.key[1:]) <= 12:
            # The X server itself takes these (XKB's switch-VT action): they never reach a client.
            raise HotkeyConflict(combo, translate(
                "Hotkeys", "{combo} switches the computer's text consoles on Linux and never reaches the "
                           "console. Pick another combo (e.g. Ctrl+Shift+{key}).").format(combo=combo, key=combo.key))
        keycode, mask = self._keycode(combo), self._mask(combo)
        X = self._X
        with self._lock:
            if (keycode, mask) in self._grabs:
                raise HotkeyConflict(combo, translate("Hotkeys", "{combo} is already used by another action of "
                                                                 "the console.").format(combo=combo))
            catch = self._error.CatchError(self._error.BadAccess)
            for extra in self._ignored:
                self._root.grab_key(keycode, mask | extra, True, X.GrabModeAsync, X.GrabModeAsync, onerror=catch)
            self._display.sync()
            if catch.get_error() is not None:
                self._ungrab(keycode, mask)
                raise HotkeyConflict(combo)
            self._grabs[(keycode, mask)] = callback
        log.info("hotkey %s registered (X11)", combo)

    def unregister(self, combo: Combo) -> None:
        keycode, mask = self._keycode(combo), self._mask(combo)
        with self._lock:
            if self._grabs.pop((keycode, mask), None) is not None:
                self._ungrab(keycode, mask)

    def _ungrab(self, keycode: int, mask: int) -> None:
        for extra in self._ignored:
            self._root.ungrab_key(keycode, mask | extra)
        self._display.sync()

    def close(self) -> None:
        if self._stopping.is_set():
            return
        self._stopping.set()
        os.write(self._wake_w, b"x")
        self._thread.join(timeout=2)
        with self._lock:
            for keycode, mask in list(self._grabs):
                self._ungrab(keycode, mask)
            self._grabs.clear()
            self._display.close()
        os.close(self._wake_r)
        os.close(self._wake_w)

    def _loop(self) -> None:
        X = self._X
        fd = self._display.fileno()
        while not self._stopping.is_set():
            try:
                select.select([fd, self._wake_r], [], [], 1.0)
                if self._stopping.is_set():
                    return
                pressed: list[Callable[[], None]] = []
                with self._lock:
                    while self._display.pending_events():
                        event = self._display.next_event()
                        if event.type == X.KeyPress:
                            callback = self._grabs.get((event.detail, event.state & self._relevant))
                            if callback is not None:
                                pressed.append(callback)
                for callback in pressed:  # outside the lock: a callback may register again
                    callback()
            except Exception:  # one bad event never ends the hotkeys
                log.exception("X11 hotkey loop")
                if self._stopping.wait(0.5):
                    return
