"""Global hotkeys: combos registered with the OS, so they work while another window has focus
(the console minimised, the assistant typing in the platform's back office).

One small interface (``HotkeyBackend``), one module per OS: Windows ``RegisterHotKey``
(``windows``), macOS Carbon ``RegisterEventHotKey`` (``macos``), Linux X11 ``XGrabKey``
(``x11``, python-xlib). Not a key listener: the combo is reserved, so another program that holds
it already is reported as a conflict (``HotkeyConflict``) instead of both firing.

Combos only: at least one of Ctrl / Alt / Super (Win, ⌘) with one key, so typing never presses
a button. ``Combo.parse("Ctrl+Alt+1")``.
"""

from __future__ import annotations

import os
import sys
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

from studio.errors import UserError
from studio.i18n import translate

MODIFIERS = ("ctrl", "alt", "shift", "super")  # canonical order
_MODIFIER_WORDS = {"ctrl": "ctrl", "control": "ctrl", "ctl": "ctrl", "alt": "alt", "option": "alt", "opt": "alt",
                   "shift": "shift", "super": "super", "win": "super", "meta": "super", "cmd": "super",
                   "command": "super", "⌘": "super"}
_SHOWN = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "super": "Super"}
# Keys besides letters, digits and F1–F24, by the name shown (and the accepted spellings).
NAMED_KEYS = ("Space", "Enter", "Tab", "Esc", "Home", "End", "PageUp", "PageDown", "Left", "Right", "Up",
              "Down", "Insert", "Delete")
_KEY_WORDS = {k.lower(): k for k in NAMED_KEYS} | {
    "return": "Enter", "escape": "Esc", "pgup": "PageUp", "pgdown": "PageDown", "pgdn": "PageDown",
    "prior": "PageUp", "next": "PageDown", "ins": "Insert", "del": "Delete"}


class HotkeyError(UserError):
    pass


class HotkeyConflict(HotkeyError):
    """The combo is held by another program (or another action of this console)."""

    def __init__(self, combo: Combo, message: str | None = None) -> None:
        super().__init__(message or translate(
            "Hotkeys", "{combo} is already taken by another program. Pick another combo, or free it "
                       "there.").format(combo=combo))
        self.combo = combo


@dataclass(frozen=True)
class Combo:
    modifiers: frozenset[str]
    key: str  # "A"…"Z", "0"…"9", "F1"…"F24" or one of NAMED_KEYS

    @classmethod
    def parse(cls, text: str) -> Combo:
        parts = [p.strip() for p in text.replace(" ", "").split("+")]
        if not text.strip() or any(not p for p in parts):
            raise HotkeyError(translate("Hotkeys", "“{text}” is not a key combination. Write it like "
                                                   "Ctrl+Alt+1.").format(text=text))
        *mods, key = parts
        modifiers = set()
        for word in mods:
            mod = _MODIFIER_WORDS.get(word.lower())
            if mod is None:
                raise HotkeyError(translate("Hotkeys", "“{word}” is not a modifier key (Ctrl, Alt, Shift, "
                                                       "Super).").format(word=word))
            modifiers.add(mod)
        name = _key_name(key)
        if name is None:
            raise HotkeyError(translate("Hotkeys", "“{key}” is not a key a hotkey can use (letters, digits, "
                                                   "F1–F24, arrows, Space …).").format(key=key))
        if not modifiers & {"ctrl", "alt", "super"}:
            raise HotkeyError(translate("Hotkeys", "A global hotkey needs Ctrl, Alt or Super with the key "
                                                   "(e.g. Ctrl+Alt+{key}), so typing never presses a "
                                                   "button.").format(key=name))
        return cls(frozenset(modifiers), name)

    def __str__(self) -> str:
        return "+".join([_SHOWN[m] for m in MODIFIERS if m in self.modifiers] + [self.key])


def _key_name(key: str) -> str | None:
    if len(key) == 1 and key.isascii() and key.isalnum():
        return key.upper()
    upper = key.upper()
    if upper.startswith("F") and upper[1:].isdigit() and 1 <= int(upper[1:]) <= 24:
        return upper
    return _KEY_WORDS.get(key.lower())


class HotkeyBackend(ABC):
    """Registers combos with the OS. ``register`` raises ``HotkeyConflict`` when the combo is held
    elsewhere. ``callback`` is called on the backend's own thread (the caller hands it on)."""

    name = ""
    # Carbon must be called on the main thread; the others may be called from any thread.
    main_thread_only = False

    @abstractmethod
    def register(self, combo: Combo, callback: Callable[[], None]) -> None: ...

    @abstractmethod
    def unregister(self, combo: Combo) -> None: ...

    @abstractmethod
    def close(self) -> None: ...


def default_backend() -> HotkeyBackend:
    """The backend for this OS; raises HotkeyError (plain words) where global hotkeys cannot work."""
    if sys.platform == "win32":
        from studio.remote.hotkeys.windows import WindowsHotkeys

        return WindowsHotkeys()
    if sys.platform == "darwin":
        from studio.remote.hotkeys.macos import CarbonHotkeys

        return CarbonHotkeys()
    if os.environ.get("DISPLAY"):
        from studio.remote.hotkeys.x11 import X11Hotkeys

        return X11Hotkeys()
    if os.environ.get("WAYLAND_DISPLAY"):
        raise HotkeyError(translate("Hotkeys", "Global hotkeys need an X11 session; this desktop runs Wayland "
                                               "only. Log in with an \"on Xorg\" session to use them."))
    raise HotkeyError(translate("Hotkeys", "No desktop session found for global hotkeys."))
