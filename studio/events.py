"""A tiny observer, so the core can announce changes without knowing about Qt.

Widgets connect to a model's ``Signal`` in their ``__init__`` (napari's habit); the core emits on
the asyncio loop's thread, which under qasync is the Qt thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


class Signal:
    def __init__(self, name: str = "") -> None:
        self.name = name
        self._slots: list[Callable[..., Any]] = []

    def connect(self, slot: Callable[..., Any]) -> Callable[[], None]:
        """Connect ``slot``; returns a function that disconnects it again."""
        self._slots.append(slot)
        return lambda: self.disconnect(slot)

    def disconnect(self, slot: Callable[..., Any]) -> None:
        if slot in self._slots:
            self._slots.remove(slot)

    def emit(self, *args: Any) -> None:
        # One failing listener must not stop the others (a broken panel never stops the show).
        for slot in list(self._slots):
            try:
                slot(*args)
            except Exception:
                log.exception("listener of %s failed", self.name or "a signal")
