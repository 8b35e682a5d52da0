"""Windows: ``RegisterHotKey`` through ctypes, on a thread with its own message queue.

``RegisterHotKey(NULL, id, …)`` posts ``WM_HOTKEY`` to the thread that registered it, so one
worker thread registers every combo and runs a ``GetMessageW`` loop; the core needs no window and
no Qt. A combo held by another program fails with ``ERROR_HOTKEY_ALREADY_REGISTERED`` (1409):
reported as a conflict. ``MOD_NOREPEAT``: holding the keys presses once.
"""

from __future__ import annotations

import ctypes
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from studio.i18n import translate
from studio.remote.hotkeys import Combo, HotkeyBackend, HotkeyConflict, HotkeyError

log = logging.getLogger(__name__)

WM_HOTKEY, WM_APP, WM_QUIT = 0x0312, 0x8000, 0x0012
MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
_VK_NAMED = {"Space": 0x20, "Enter": 0x0D, "Tab": 0x09, "Esc": 0x1B, "Home": 0x24, "End": 0x23,
             "PageUp": 0x21, "PageDown": 0x22, "Left": 0x25, "Up": 0x26, "Right": 0x27, "Down": 0x28,
             "Insert": 0x2D, "Delete": 0x2E}
_MODS = {"ctrl": MOD_CONTROL, "alt": MOD_ALT, "shift": MOD_SHIFT, "super": MOD_WIN}


def virtual_key(combo: Combo) -> int:
    key = combo.key
    if key in _VK_NAMED:
        return _VK_NAMED[key]
    if key.startswith("F") and key[1:].isdigit():
        return 0x70 + int(key[1:]) - 1  # VK_F1 … VK_F24
    return ord(key)  # VK_0…VK_9 and VK_A…VK_Z are their ASCII codes


def modifiers(combo: Combo) -> int:
    bits = MOD_NOREPEAT
    for modifier in combo.modifiers:
        bits |= _MODS[modifier]
    return bits


class _MSG(ctypes.Structure):
    _fields_ = [("hwnd", ctypes.c_void_p), ("message", ctypes.c_uint), ("wParam", ctypes.c_size_t),
                ("lParam", ctypes.c_ssize_t), ("time", ctypes.c_ulong), ("x", ctypes.c_long), ("y", ctypes.c_long),
                ("lPrivate", ctypes.c_ulong)]  # in MSG since Windows 8's SDK: GetMessageW may write it


class WindowsHotkeys(HotkeyBackend):
    name = "Windows"

    def __init__(self) -> None:
        windll: Any = getattr(ctypes, "WinDLL", None)
        if windll is None:
            raise HotkeyError(translate("Hotkeys", "Windows hotkeys only work on Windows."))
        self._user32 = windll("user32", use_last_error=True)
        self._kernel32 = windll("kernel32", use_last_error=True)
        self._commands: queue.Queue[tuple[str, Combo, Callable[[], None] | None, Future[None]]] = queue.Queue()
        self._ids: dict[Combo, int] = {}
        self._callbacks: dict[int, Callable[[], None]] = {}
        self._next_id = 1
        self._thread_id = 0
        ready = threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(ready,), name="windows-hotkeys", daemon=True)
        self._thread.start()
        ready.wait(5)

    def _ask(self, command: str, combo: Combo, callback: Callable[[], None] | None = None) -> None:
        done: Future[None] = Future()
        self._commands.put((command, combo, callback, done))
        self._user32.PostThreadMessageW(self._thread_id, WM_APP, 0, 0)
        done.result(timeout=5)

    def register(self, combo: Combo, callback: Callable[[], None]) -> None:
        self._ask("register", combo, callback)

    def unregister(self, combo: Combo) -> None:
        self._ask("unregister", combo)

    def close(self) -> None:
        if self._thread.is_alive():
            self._user32.PostThreadMessageW(self._thread_id, WM_QUIT, 0, 0)
            self._thread.join(timeout=2)

    def _do(self, command: str, combo: Combo, callback: Callable[[], None] | None) -> None:
        if command == "unregister":
            ident = self._ids.pop(combo, None)
            if ident is not None:
                self._user32.UnregisterHotKey(None, ident)
                self._callbacks.pop(ident, None)
            return
        if combo in self._ids:
            raise HotkeyConflict(combo, translate("Hotkeys", "{combo} is already used by another action of the "
                                                             "console.").format(combo=combo))
        ident = self._next_id
        self._next_id += 1
        if not self._user32.RegisterHotKey(None, ident, modifiers(combo), virtual_key(combo)):
            error = ctypes.get_last_error()  # type: ignore[attr-defined,unused-ignore]
            if error == ERROR_HOTKEY_ALREADY_REGISTERED:
                raise HotkeyConflict(combo)
            raise HotkeyError(translate("Hotkeys", "Windows refused the hotkey {combo} (error {code}).").format(
                combo=combo, code=error))
        self._ids[combo] = ident
        assert callback is not None
        self._callbacks[ident] = callback

    def _loop(self, ready: threading.Event) -> None:
        msg = _MSG()
        self._thread_id = self._kernel32.GetCurrentThreadId()
        self._user32.PeekMessageW(ctypes.byref(msg), None, 0, 0, 0)  # creates this thread's queue
        ready.set()
        while self._user32.GetMessageW(ctypes.byref(msg), None, 0, 0) > 0:
            try:
                if msg.message == WM_HOTKEY:
                    callback = self._callbacks.get(int(msg.wParam))
                    if callback is not None:
                        callback()
                elif msg.message == WM_APP:
                    while not self._commands.empty():
                        command, combo, callback, done = self._commands.get_nowait()
                        try:
                            self._do(command, combo, callback)
                        except Exception as e:
                            done.set_exception(e)
                        else:
                            done.set_result(None)
            except Exception:  # one bad message never ends the hotkeys
                log.exception("Windows hotkey loop")
        for ident in list(self._callbacks):
            self._user32.UnregisterHotKey(None, ident)
