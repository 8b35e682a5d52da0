"""A stand-in for ``studio.show.pad.Pad`` (the shared contract), for the remote control's unit tests.

It knows only the keys it is given and the results scripted for them; anything else raises.
Every press is recorded with its source, so a test can see what ran (and that nothing did).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, replace

from studio.events import Signal
from studio.room.base import Outcome
from studio.show.actions import ActionKind, ActionResult, ActionStatus, TargetResult


@dataclass(frozen=True)
class FakeFix:
    id: str
    label: str


@dataclass(frozen=True)
class FakeKey:
    id: str
    shortcut: str
    label: str
    subject: str = ""
    enabled: bool = True
    why_not: str = ""
    state: str = "idle"
    last_result: str = ""
    fix: FakeFix | None = None


def sent(kind: ActionKind = ActionKind.PUSH_PRODUCT, ref: str = "fan", title: str = "风扇") -> ActionResult:
    return ActionResult(kind, ref, title, ActionStatus.SENT,
                        [TargetResult("room", "演练", Outcome.DONE, "done"),
                         TargetResult("overlay", "OBS overlay", Outcome.DONE, "done")])


class FakePad:
    def __init__(self, keys: list[FakeKey], results: dict[str, ActionResult | Exception] | None = None,
                 target_label: str = "演练（不发送）") -> None:
        self._keys = {k.id: k for k in keys}
        self.results = dict(results or {})
        self.target_label = target_label
        self.changed = Signal("FakePad.changed")
        self.runs: list[tuple[str, str, bool]] = []  # (key_id, source, confirmed)
        self.gate: asyncio.Event | None = None  # set by a test to hold a press "busy"

    def keys(self) -> list[FakeKey]:
        return list(self._keys.values())

    def key(self, key_id: str) -> FakeKey:
        return self._keys[key_id]  # KeyError for an unknown id, as the real one

    def set_key(self, key_id: str, **changes: object) -> None:
        self._keys[key_id] = replace(self._keys[key_id], **changes)  # type: ignore[arg-type]
        self.changed.emit()

    async def run(self, key_id: str, *, source: str = "pad", confirmed: bool = False) -> ActionResult:
        if key_id not in self._keys:
            raise KeyError(key_id)
        if key_id not in self.results:
            raise AssertionError(f"FakePad: no result scripted for key {key_id!r}")
        self.runs.append((key_id, source, confirmed))
        if self.gate is not None:
            await self.gate.wait()
        result = self.results[key_id]
        if isinstance(result, Exception):
            raise result
        self.set_key(key_id, state="ok" if result.status is ActionStatus.SENT else "error",
                     last_result=result.message)
        return result

    async def run_fix(self, key_id: str, *, source: str = "pad") -> ActionResult:
        """Scripted as ``results[f"{key_id}:fix"]``."""
        if key_id not in self._keys:
            raise KeyError(key_id)
        if f"{key_id}:fix" not in self.results:
            raise AssertionError(f"FakePad: no fix scripted for key {key_id!r}")
        self.runs.append((f"{key_id}:fix", source, False))
        result = self.results[f"{key_id}:fix"]
        if isinstance(result, Exception):
            raise result
        self.set_key(key_id, state="ok", last_result=result.message, fix=None)
        return result
