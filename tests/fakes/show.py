"""Fakes for the show's tests: the example plan's path, an in-memory show log, and OBS overlays
that record what the actions asked of them (``broken`` raises like a lost OBS).
"""

from __future__ import annotations

import json
from pathlib import Path

from studio.errors import ObsNotConnected
from studio.show.plan import Coupon, Lottery, Product
from tests.fakes.clock import FakeClock

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "show-plan.toml"


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

    def types(self) -> list[str]:
        return [e["type"] for e in self.events]


class FakeOverlays:
    """Implements the actions' Overlays protocol; records calls; ``broken`` raises like a lost OBS."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []
        self.showing: dict[str, object] = {}
        self.broken = False

    async def _do(self, name: str, *args: object) -> None:
        if self.broken:
            raise ObsNotConnected("OBS is not connected. Start OBS, then try again.")
        self.calls.append((name, *args))

    async def show_product_card(self, product: Product) -> None:
        await self._do("show_product_card", product.id)
        self.showing["card"] = product.id

    async def hide_product_card(self) -> None:
        await self._do("hide_product_card")
        self.showing.pop("card", None)

    async def show_coupon(self, coupon: Coupon, ends_at: float) -> None:
        await self._do("show_coupon", coupon.id, ends_at)
        self.showing["coupon"] = coupon.id

    async def hide_coupon(self) -> None:
        await self._do("hide_coupon")
        self.showing.pop("coupon", None)

    async def show_lottery_countdown(self, lottery: Lottery, ends_at: float) -> None:
        await self._do("show_lottery_countdown", lottery.id, ends_at)
        self.showing["lottery"] = lottery.id

    async def hide_lottery_countdown(self) -> None:
        await self._do("hide_lottery_countdown")
        self.showing.pop("lottery", None)

    async def show_ticker(self, text: str, seconds: float) -> None:
        await self._do("show_ticker", text, seconds)
        self.showing["ticker"] = text

    async def hide_ticker(self) -> None:
        await self._do("hide_ticker")
        self.showing.pop("ticker", None)
