"""macOS: Carbon ``RegisterEventHotKey`` through ctypes (what OBS and most Mac apps use; no
accessibility permission needed, unlike a key listener).

Registered with ``kEventHotKeyExclusive``, so a combo another app holds fails with
``eventHotKeyExistsErr``: reported as a conflict. Carbon delivers the press through the
application's event target, which Qt's Cocoa event loop dispatches: call from the main thread.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from collections.abc import Callable
from typing import Any

from studio.i18n import translate
from studio.remote.hotkeys import Combo, HotkeyBackend, HotkeyConflict, HotkeyError

log = logging.getLogger(__name__)

CMD_KEY, SHIFT_KEY, OPTION_KEY, CONTROL_KEY = 0x0100, 0x0200, 0x0800, 0x1000
EVENT_HOTKEY_EXISTS = -9878
HOTKEY_EXCLUSIVE = 1
K_EVENT_HOTKEY_PRESSED = 5


def _fourcc(text: str) -> int:
    return int.from_bytes(text.encode("ascii"), "big")


SIGNATURE = _fourcc("stdc")
_MODS = {"ctrl": CONTROL_KEY, "alt": OPTION_KEY, "shift": SHIFT_KEY, "super": CMD_KEY}
# Virtual key codes (kVK_*, Events.h): ANSI letters and digits by position, then the others.
_VK = dict(zip("ASDFHGZXCV", (0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09), strict=True)) | {
    "B": 0x0B, "Q": 0x0C, "W": 0x0D, "E": 0x0E, "R": 0x0F, "Y": 0x10, "T": 0x11, "1": 0x12, "2": 0x13,
    "3": 0x14, "4": 0x15, "6": 0x16, "5": 0x17, "9": 0x19, "7": 0x1A, "8": 0x1C, "0": 0x1D, "O": 0x1F,
    "U": 0x20, "I": 0x22, "P": 0x23, "L": 0x25, "J": 0x26, "K": 0x28, "N": 0x2D, "M": 0x2E,
    "F1": 0x7A, "F2": 0x78, "F3": 0x63, "F4": 0x76, "F5": 0x60, "F6": 0x61, "F7": 0x62, "F8": 0x64,
    "F9": 0x65, "F10": 0x6D, "F11": 0x67, "F12": 0x6F, "F13": 0x69, "F14": 0x6B, "F15": 0x71, "F16": 0x6A,
    "F17": 0x40, "F18": 0x4F, "F19": 0x50, "F20": 0x5A, "Space": 0x31, "Enter": 0x24, "Tab": 0x30,
    "Esc": 0x35, "Home": 0x73, "End": 0x77, "PageUp": 0x74, "PageDown": 0x79, "Left": 0x7B,
    "Right": 0x7C, "Down": 0x7D, "Up": 0x7E, "Delete": 0x75}


class _HotKeyID(ctypes.Structure):
    _fields_ = [("signature", ctypes.c_uint32), ("id", ctypes.c_uint32)]


class _EventTypeSpec(ctypes.Structure):
    _fields_ = [("eventClass", ctypes.c_uint32), ("eventKind", ctypes.c_uint32)]


_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)


class CarbonHotkeys(HotkeyBackend):
    name = "macOS"
    main_thread_only = True

    def __init__(self) -> None:
        path = ctypes.util.find_library("Carbon")
        if path is None:
            raise HotkeyError(translate("Hotkeys", "macOS hotkeys need the Carbon framework (macOS only)."))
        carbon: Any = ctypes.cdll.LoadLibrary(path)
        self._carbon = carbon
        carbon.GetApplicationEventTarget.restype = ctypes.c_void_p
        carbon.RegisterEventHotKey.argtypes = [ctypes.c_uint32, ctypes.c_uint32, _HotKeyID, ctypes.c_void_p,
                                               ctypes.c_uint32, ctypes.POINTER(ctypes.c_void_p)]
        carbon.InstallEventHandler.argtypes = [ctypes.c_void_p, _HANDLER, ctypes.c_ulong,
                                               ctypes.POINTER(_EventTypeSpec), ctypes.c_void_p,
                                               ctypes.POINTER(ctypes.c_void_p)]
        carbon.GetEventParameter.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_void_p,
                                             ctypes.c_ulong, ctypes.c_void_p, ctypes.c_void_p]
        carbon.UnregisterEventHotKey.argtypes = [ctypes.c_void_p]
        self._refs: dict[Combo, tuple[int, ctypes.c_void_p]] = {}
        self._callbacks: dict[int, Callable[[], None]] = {}
        self._next_id = 1
        self._handler = _HANDLER(self._on_event)  # kept: Carbon holds only the pointer
        spec = _EventTypeSpec(_fourcc("keyb"), K_EVENT_HOTKEY_PRESSED)
        self._handler_ref = ctypes.c_void_p()
        status = carbon.InstallEventHandler(carbon.GetApplicationEventTarget(), self._handler, 1,
                                            ctypes.byref(spec), None, ctypes.byref(self._handler_ref))
        if status != 0:
            raise HotkeyError(translate("Hotkeys", "macOS refused the hotkey handler (error {code}).").format(
                code=status))

    def _on_event(self, _call: Any, event: Any, _data: Any) -> int:
        hotkey = _HotKeyID()
        # kEventParamDirectObject ('----') of typeEventHotKeyID ('hkid'): which hotkey fired.
        self._carbon.GetEventParameter(event, _fourcc("----"), _fourcc("hkid"), None, ctypes.sizeof(hotkey),
                                       None, ctypes.byref(hotkey))
        callback = self._callbacks.get(hotkey.id) if hotkey.signature == SIGNATURE else None
        if callback is not None:
            try:
                callback()
            except Exception:
                log.exception("macOS hotkey callback")
        return 0

    def register(self, combo: Combo, callback: Callable[[], None]) -> None:
        if combo in self._refs:
            raise HotkeyConflict(combo, translate("Hotkeys", "{combo} is already used by another action of the "
                                                             "console.").format(combo=combo))
        code = _VK.get(combo.key)
        if code is None:
            raise HotkeyError(translate("Hotkeys", "This keyboard has no key {key}.").format(key=combo.key))
        mods = 0
        for modifier in combo.modifiers:
            mods |= _MODS[modifier]
        ident = self._next_id
        self._next_id += 1
        ref = ctypes.c_void_p()
        status = self._carbon.RegisterEventHotKey(code, mods, _HotKeyID(SIGNATURE, ident),
                                                  self._carbon.GetApplicationEventTarget(), HOTKEY_EXCLUSIVE,
                                                  ctypes.byref(ref))
        if status == EVENT_HOTKEY_EXISTS:
            raise HotkeyConflict(combo)
        if status != 0:
            raise HotkeyError(translate("Hotkeys", "macOS refused the hotkey {combo} (error {code}).").format(
                combo=combo, code=status))
        self._refs[combo] = (ident, ref)
        self._callbacks[ident] = callback

    def unregister(self, combo: Combo) -> None:
        entry = self._refs.pop(combo, None)
        if entry is not None:
            ident, ref = entry
            self._carbon.UnregisterEventHotKey(ref)
            self._callbacks.pop(ident, None)

    def close(self) -> None:
        for combo in list(self._refs):
            self.unregister(combo)
