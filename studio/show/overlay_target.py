"""The show's overlay target: what a show action puts on screen, and its adapter onto OBS.

``OverlayTarget`` is the interface the actions send to (one of their two targets, beside the live
room). It has a distinct name from ``studio.obs.overlays.ObsOverlays`` (the OBS side, which takes
names, prices and times): ``ObsOverlaysAdapter`` turns plan objects into those. Every method may
raise ``UserError`` (e.g. ``ObsNotConnected``) with a message in plain words.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, Protocol

from studio.show.plan import Coupon, Lottery, Product


class OverlayTarget(Protocol):
    """What the show's actions need from the on-screen overlays (``ObsOverlaysAdapter`` below puts it
    on ``studio.obs.overlays.ObsOverlays``; tests use ``tests.fakes.show.FakeOverlays``)."""

    async def show_product_card(self, product: Product) -> None: ...

    async def hide_product_card(self) -> None: ...

    async def show_coupon(self, coupon: Coupon, ends_at: float) -> None: ...

    async def hide_coupon(self) -> None: ...

    async def show_lottery_countdown(self, lottery: Lottery, ends_at: float) -> None: ...

    async def hide_lottery_countdown(self) -> None: ...

    async def show_ticker(self, text: str, seconds: float) -> None: ...

    async def hide_ticker(self) -> None: ...



class ObsOverlaysAdapter:
    """``OverlayTarget`` over ``studio.obs.overlays.ObsOverlays`` (which takes names, prices and
    times rather than plan objects). ``plan_dir``: where a product's relative ``image`` is looked up
    (the plan file's folder). Duck-typed, so this module does not import the OBS side."""

    def __init__(self, overlays: Any, plan_dir: Path | None = None) -> None:
        self.overlays = overlays
        self.plan_dir = plan_dir

    def _image(self, image: str) -> str | None:
        if not image:
            return None
        if image.startswith(("http://", "https://")):
            return image
        path = Path(image)
        if not path.is_absolute() and self.plan_dir is not None:
            path = self.plan_dir / path
        # A missing picture must not cost the card: show it without one.
        return str(path) if path.is_file() else None

    async def show_product_card(self, product: Product) -> None:
        image = await asyncio.to_thread(self._image, product.image)
        await self.overlays.show_product_card(product.name, live_price=product.live_price,
                                              list_price=product.price, image=image)

    async def hide_product_card(self) -> None:
        await self.overlays.hide_product_card()

    async def show_coupon(self, coupon: Coupon, ends_at: float) -> None:
        await self.overlays.show_coupon(coupon.name, ends_at)

    async def hide_coupon(self) -> None:
        await self.overlays.hide_coupon()

    async def show_lottery_countdown(self, lottery: Lottery, ends_at: float) -> None:
        await self.overlays.show_lottery_countdown(ends_at, prize=lottery.prize)

    async def hide_lottery_countdown(self) -> None:
        await self.overlays.hide_lottery_countdown()

    async def show_ticker(self, text: str, seconds: float) -> None:
        await self.overlays.show_ticker(text, seconds)

    async def hide_ticker(self) -> None:
        await self.overlays.hide_ticker()
