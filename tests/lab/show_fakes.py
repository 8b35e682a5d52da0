"""Fakes shared by the show tests: a clock a test moves by hand, and an in-memory show log."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "show-plan.toml"
T0 = 1_718_712_000.0


class FakeClock:
    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class MemoryLog:
    """Stands in for ShowLog.append: events go through JSON, as they would on disk."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.events: list[dict] = []

    def __call__(self, type: str, **data) -> dict:
        event = json.loads(json.dumps({"seq": len(self.events) + 1, "ts": self.clock(), "type": type,
                                       **data}, ensure_ascii=False, default=str))
        self.events.append(event)
        return event
