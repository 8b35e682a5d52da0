"""Overlays the console draws in OBS: product card, coupon banner, lottery countdown, ticker.

How it sits in OBS
------------------
All of the console's overlay sources live in one scene of their own, ``中控台叠加 Console overlays``
(``OVERLAY_SCENE``), each named ``[中控台] 商品卡 · 名称`` and so on. That scene is added as one
nested scene item, locked, on top of the scene on air (and of the preview scene in studio mode);
when the program scene changes while an overlay is up, the overlay scene is added to the new one
too. Showing and hiding toggle items with ``SetSceneItemEnabled``. Sources are created once and
re-used by name; the user's own sources and scenes are never renamed or deleted — only sources
with the console's ``[中控台]`` prefix are ever touched.

Text sources are of the kind this OBS offers (``text_gdiplus_v2`` on Windows,
``text_ft2_source_v2`` on macOS and Linux) with a CJK font face (Microsoft YaHei, PingFang SC,
WenQuanYi Micro Hei), so Chinese never turns into empty boxes. Positions and font sizes come from
the canvas OBS reports (``GetVideoSettings``), read again on every show: see ``overlay_layout``.

Using it (action pad, rundown, CLI)::

    overlays = ObsOverlays(link)     # clock/sleep/ClientSession injectable for tests
    await overlays.prepare()   # optional, when a show starts: makes the scene and sources now, so
                               # the first push is quick (not on connect: it adds a scene to OBS)
    shown = await overlays.show_product_card("电饭煲 4L", live_price=59.9, list_price=99,
                                             image="/path/cooker.png")   # or an http(s) URL
    shown.texts      # {"name": "电饭煲 4L", "price": "直播价 ¥59.9", "list_price": "原价 ¥99"}
    shown.warnings   # plain words, e.g. the image could not be loaded (the card is up anyway)
    await overlays.hide_product_card()
    await overlays.show_coupon("满200减30", ends_at=time.time() + 300)     # "满200减30 · 还剩 05:00"
    await overlays.show_lottery_countdown(draw_at=time.time() + 600, prize="电饭煲")
    await overlays.show_ticker("关注主播，8点抽免单", seconds=20)          # gone by itself after 20 s
    await overlays.hide(TICKER); await overlays.hide_all()
    await overlays.attach_to("我的场景")                                  # put the overlays on a scene

Every call raises ``ObsNotConnected`` (no OBS) or ``ObsRequestFailed`` (OBS refused; the message
says what could not be shown), so a caller can show success or failure per target. Countdowns tick
on each second's edge (one ``SetInputSettings``), timers run through ``studio.tasks.spawn`` and
are cancelled on hide. A failure in the background (a tick, an auto-hide) is logged and announced
on ``failed(overlay, message)``; ``changed()`` fires whenever what is on screen changes, and
``visible[overlay]`` / ``texts[overlay]`` say what is up (overlay ids: ``PRODUCT_CARD``, ``COUPON_BANNER``,
``LOTTERY_COUNTDOWN``, ``TICKER``, from ``studio.obs.names``).
``ends_at``/``draw_at`` are Unix seconds (as the rundown's timers) or aware datetimes.

What the overlays *say* ("直播价", "还剩") is for the live room's viewers, so it comes from
``overlay_layout.OverlayWords`` (Chinese by default), not from the console's interface language;
messages for the operator (errors, warnings) go through ``translate("Overlays", …)``.

The package, by seam: ``fonts`` (text kind and CJK face), ``images`` (product images, downloads
through an injectable ``aiohttp.ClientSession``), ``sources`` (names, kinds, settings and
transforms of each overlay's sources: pure), ``following`` (the overlay scene on top of what is on
air), ``screen`` (``ObsOverlays``: content, timers, show/hide). The cache of what the overlay scene
holds is ``studio.obs.items.SceneItems``, shared with ``studio.obs.setup``.
"""

from __future__ import annotations

from studio.errors import ObsNotConnected, ObsRequestFailed
from studio.obs.names import (
    COUPON_BANNER,
    LOTTERY_COUNTDOWN,
    OVERLAY_KINDS,
    PREFIX,
    PRODUCT_CARD,
    TICKER,
)
from studio.obs.overlays.fonts import (
    FACE_LINUX,
    FACE_MACOS,
    FACE_WINDOWS,
    TEXT_KINDS,
    local_cjk_families,
    pick_face,
    pick_text_kind,
)
from studio.obs.overlays.screen import COUPON_END_LINGER, LOTTERY_END_LINGER, TICKER_SECONDS, ObsOverlays
from studio.obs.overlays.sources import OVERLAY_SCENE, Shown, source_name, unix_seconds

Overlays = ObsOverlays  # the old name, still imported by studio/core.py and a few tests

__all__ = [
    "COUPON_BANNER", "COUPON_END_LINGER", "FACE_LINUX", "FACE_MACOS", "FACE_WINDOWS", "LOTTERY_COUNTDOWN",
    "LOTTERY_END_LINGER", "OVERLAY_KINDS", "OVERLAY_SCENE", "PREFIX", "PRODUCT_CARD", "TEXT_KINDS",
    "TICKER", "TICKER_SECONDS", "ObsNotConnected", "ObsOverlays", "ObsRequestFailed", "Overlays", "Shown",
    "local_cjk_families", "pick_face", "pick_text_kind", "source_name", "unix_seconds",
]
