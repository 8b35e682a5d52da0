"""What the remote control shows: the pad's keys, what is on air, what is next, timers, health.

``RemoteState(pad, show=..., health=..., onair=...)``: ``snapshot()`` is a plain JSON-able dict
(the API's ``/api/v1/state`` and every WebSocket message); ``changed`` fires when any part of it
changes (the pad, the running show's rundown, the on-air state, the health verdict).
Everything but the pad is optional and duck-typed, so tests and the CLI can pass what they have.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

from studio.events import Signal


class PadLike(Protocol):
    """What the remote control needs of ``studio.show.pad.Pad`` (the shared contract)."""

    changed: Signal

    @property
    def target_label(self) -> str: ...

    def keys(self) -> list[Any]: ...

    def key(self, key_id: str) -> Any: ...

    async def run(self, key_id: str, *, source: str = "pad", confirmed: bool = False) -> Any: ...

    async def run_fix(self, key_id: str, *, source: str = "pad") -> Any: ...


def key_dict(key: Any) -> dict[str, Any]:
    fix = getattr(key, "fix", None)
    return {"id": key.id, "shortcut": key.shortcut, "label": key.label, "subject": key.subject,
            "enabled": bool(key.enabled), "why_not": key.why_not, "state": key.state,
            "last_result": key.last_result,
            "fix": {"id": fix.id, "label": fix.label} if fix is not None else None}


class RemoteState:
    def __init__(self, pad: PadLike, *, show: Any = None, health: Any = None, onair: Any = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.pad = pad
        self.show = show  # a ShowController (its running session's rundown gives the clock)
        self.health = health  # a StreamHealth (its verdict)
        self.onair = onair  # an OnAir (the one truth of what is on air), when the core has one
        self.clock = clock
        self.changed = Signal("RemoteState.changed")
        self._unbind_rundown: Callable[[], None] | None = None
        pad.changed.connect(self.changed.emit)
        if onair is not None:
            onair.changed.connect(self.changed.emit)
        if health is not None:
            health.verdict_changed.connect(lambda *_: self.changed.emit())
        if show is not None:
            show.changed.connect(self._on_show_changed)
            self._on_show_changed()

    def _on_show_changed(self) -> None:
        if self._unbind_rundown is not None:
            self._unbind_rundown()
            self._unbind_rundown = None
        session = getattr(self.show, "session", None)
        if session is not None:
            self._unbind_rundown = session.rundown.changed.connect(self.changed.emit)
        self.changed.emit()

    def keys(self) -> list[dict[str, Any]]:
        keys = self.pad.keys()
        return [key_dict(k) for k in keys]

    def snapshot(self) -> dict[str, Any]:
        return {"v": 1, "now": self.clock(), "target": self.pad.target_label, "keys": self.keys(),
                "show": self._show(), "health": self._health(), "onair": self._onair()}

    def _show(self) -> dict[str, Any] | None:
        session = getattr(self.show, "session", None)
        if session is None:
            return None
        view = session.rundown.view()
        on_air = None
        if view.on_air is not None:
            on_air = {"title": view.on_air.step.title, "kind": view.on_air.step.kind,
                      "elapsed_s": round(view.on_air.elapsed_s, 1), "target_s": view.on_air.target_s,
                      "overrun": view.on_air.overrun}
        following = view.next_step
        return {"live": view.live, "elapsed_s": round(view.show_elapsed_s, 1), "planned_end": view.planned_end,
                "on_air": on_air,
                "next": {"title": following.title, "kind": following.kind} if following is not None else None,
                "timers": [{"kind": t.kind, "label": t.label, "ends_at": t.ends_at,
                            "remaining_s": round(t.remaining(view.now), 1)} for t in view.timers]}

    def _health(self) -> dict[str, Any] | None:
        if self.health is None:
            return None
        verdict = self.health.verdict
        return {"level": verdict.level.name.lower(), "word": verdict.word, "advice": verdict.advice,
                "kbps": verdict.kbps}

    def _onair(self) -> dict[str, Any] | None:
        if self.onair is None:
            return None
        return {"state": self.onair.state, "severity": self.onair.severity, "text": self.onair.text,
                "advice": self.onair.advice, "stream_seconds": self.onair.stream_seconds}
