"""A stand-in for a global-hotkey backend: combos "taken by other programs" are given up front,
``press(combo)`` fires a registered one from another thread (as the OS backends do)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from studio.remote.hotkeys import Combo, HotkeyBackend, HotkeyConflict


class FakeHotkeys(HotkeyBackend):
    name = "fake"

    def __init__(self, taken_elsewhere: tuple[str, ...] = ()) -> None:
        self.taken = {Combo.parse(c) for c in taken_elsewhere}
        self.registered: dict[Combo, Callable[[], None]] = {}
        self.closed = False

    def register(self, combo: Combo, callback: Callable[[], None]) -> None:
        assert not self.closed, "FakeHotkeys: register after close"
        if combo in self.taken or combo in self.registered:
            raise HotkeyConflict(combo)
        self.registered[combo] = callback

    def unregister(self, combo: Combo) -> None:
        if combo not in self.registered:
            raise AssertionError(f"FakeHotkeys: {combo} was never registered")
        del self.registered[combo]

    def close(self) -> None:
        self.closed = True

    def press(self, text: str) -> None:
        callback = self.registered[Combo.parse(text)]  # KeyError: nothing holds that combo
        thread = threading.Thread(target=callback)
        thread.start()
        thread.join()
