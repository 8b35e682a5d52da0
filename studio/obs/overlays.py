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

    overlays = Overlays(link)                       # clock/sleep injectable for tests
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
``visible[overlay]`` / ``texts[overlay]`` say what is up (overlay ids: ``PRODUCT_CARD``, ``COUPON``,
``LOTTERY``, ``TICKER``).
``ends_at``/``draw_at`` are Unix seconds (as the rundown's timers) or aware datetimes.

What the overlays *say* ("直播价", "还剩") is for the live room's viewers, so it comes from
``overlay_layout.OverlayWords`` (Chinese by default), not from the console's interface language;
messages for the operator (errors, warnings) go through ``translate("Overlays", …)``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from studio.errors import ObsError, ObsNotConnected, ObsRequestFailed, UserError
from studio.events import Signal
from studio.i18n import translate
from studio.obs import overlay_layout as L
from studio.obs.link import ObsLink
from studio.tasks import spawn

log = logging.getLogger(__name__)

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
Price = Decimal | float | int | str

# ----- names the console owns in OBS ---------------------------------------------------------------
OVERLAY_SCENE = "中控台叠加 Console overlays"
PREFIX = "[中控台] "  # the same mark studio.obs.setup puts on every source the console creates

PRODUCT_CARD, COUPON, LOTTERY, TICKER = "product_card", "coupon", "lottery", "ticker"
OVERLAYS = (PRODUCT_CARD, COUPON, LOTTERY, TICKER)
_ROLES: dict[str, tuple[str, ...]] = {
    PRODUCT_CARD: ("bg", "image", "name", "price", "list_price"),
    COUPON: ("bg", "text"),
    LOTTERY: ("bg", "text"),
    TICKER: ("bg", "text"),
}
_OVERLAY_LABELS = {PRODUCT_CARD: "商品卡", COUPON: "优惠券", LOTTERY: "抽奖倒计时", TICKER: "公告"}
_ROLE_LABELS = {"bg": "背景", "image": "图片", "name": "名称", "price": "直播价",
                "list_price": "原价", "text": "文字"}
_TEXT_ROLES = ("name", "price", "list_price", "text")

TICKER_SECONDS = 20.0  # playbook §2: an announcement is shown 20 s
COUPON_END_LINGER = 5.0  # "已结束" stays this long, then the banner goes
LOTTERY_END_LINGER = 60.0  # "正在开奖" stays until the draw is announced, at most this long

# Text source kinds, best first, and the CJK face each platform has.
TEXT_KINDS = ("text_gdiplus_v2", "text_gdiplus", "text_ft2_source_v2", "text_ft2_source")
FACE_WINDOWS = "Microsoft YaHei"
FACE_MACOS = "PingFang SC"
FACE_LINUX = "WenQuanYi Micro Hei"

# OBS alignment flags (obs-defs.h): centre 0, left 1, right 2, top 4, bottom 8.
_TOP_LEFT = 5
_CENTER = 0
_MAX_IMAGE_BYTES = 10 * 1024 * 1024


def source_name(overlay: str, role: str) -> str:
    """``[中控台] 商品卡 · 名称``: how an overlay's source is called in OBS."""
    return f"{PREFIX}{_OVERLAY_LABELS[overlay]} · {_ROLE_LABELS[role]}"


def pick_text_kind(available: list[str]) -> str | None:
    return next((k for k in TEXT_KINDS if k in available), None)


def pick_face(platform: str, text_kind: str, local_families: list[str] | None = None) -> str:
    """The CJK font face OBS should use, from OBS's ``GetVersion`` platform and its text kind.

    ``local_families`` are the CJK families fontconfig lists on this machine: used on Linux when
    OBS runs here, since distributions ship different CJK fonts.
    """
    p = platform.lower()
    if text_kind.startswith("text_gdiplus") or p.startswith("win"):
        return FACE_WINDOWS
    if p in ("macos", "osx", "darwin") or p.startswith("mac"):
        return FACE_MACOS
    families = local_families or []
    preferred = next((f for f in families if f == FACE_LINUX), None)
    usable = [f for f in families if "mono" not in f.lower()]
    return preferred or (usable[0] if usable else FACE_LINUX)


def local_cjk_families() -> list[str]:
    """CJK font families fontconfig knows here (first name of each); blocking, run it in a thread."""
    if not sys.platform.startswith("linux") or shutil.which("fc-list") is None:
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True,
                             timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({line.split(",")[0].strip() for line in out.splitlines() if line.strip()})


def unix_seconds(moment: float | datetime) -> float:
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            raise ValueError("a naive datetime is ambiguous: pass an aware one or Unix seconds")
        return moment.timestamp()
    return float(moment)


@dataclass
class Shown:
    """What an overlay put on screen."""

    overlay: str
    texts: dict[str, str] = field(default_factory=dict)  # role → the exact text on screen
    warnings: list[str] = field(default_factory=list)  # plain words; the overlay is up anyway


@dataclass
class _Obs:
    """What we learnt from OBS on this connection; dropped on reconnect."""

    text_kind: str
    face: str
    canvas: tuple[int, int]
    layout: L.Layout
    items: dict[str, int]  # source name → scene item id in OVERLAY_SCENE
    kinds: dict[str, str]  # our source name → input kind
    studio_mode: bool
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)  # last sent, per source
    transforms: dict[str, dict[str, Any]] = field(default_factory=dict)
    enabled: dict[str, bool] = field(default_factory=dict)


@dataclass
class _Content:
    """What an overlay shows, kept so it can be laid out again on a new canvas."""

    build: Callable[[L.Layout], list[L.Piece]]
    image: str = ""  # local file for the product card's image


class Overlays:
    """The console's overlays in one OBS. All methods run on the asyncio loop's thread."""

    def __init__(self, link: ObsLink, *, clock: Clock = time.time, sleep: Sleep = asyncio.sleep,
                 words: L.OverlayWords | None = None, palette: L.Palette | None = None,
                 font_face: str | None = None, image_cache: Path | None = None) -> None:
        self.link = link
        self.clock = clock
        self.sleep = sleep
        self.words = words or L.OverlayWords()
        self.palette = palette or L.Palette()
        self.font_face_override = font_face
        self._image_cache = image_cache
        self.visible: dict[str, bool] = dict.fromkeys(OVERLAYS, False)
        self.texts: dict[str, dict[str, str]] = {o: {} for o in OVERLAYS}
        self.changed = Signal("Overlays.changed")  # ()
        self.failed = Signal("Overlays.failed")  # (overlay, message): a background step failed
        self._obs: _Obs | None = None
        self._content: dict[str, _Content] = {}
        self._timers: dict[str, asyncio.Task[None]] = {}
        self._locks = {o: asyncio.Lock() for o in OVERLAYS}
        self._attached: set[str] = set()  # scenes we know carry the overlay scene, this connection
        link.connected.connect(self._on_link_connected)
        link.on("CurrentProgramSceneChanged", self._on_link_program_changed)
        link.on("CurrentPreviewSceneChanged", self._on_link_preview_changed)
        link.on("StudioModeStateChanged", self._on_link_studio_mode_changed)
        link.on("VideoSettingsChanged", lambda _data: self._forget())  # obs-websocket 5.3+ only

    # ----- what OBS has -----------------------------------------------------------------------
    @property
    def text_kind(self) -> str | None:
        return self._obs.text_kind if self._obs else None

    @property
    def font_face(self) -> str | None:
        return self._obs.face if self._obs else None

    @property
    def layout(self) -> L.Layout | None:
        return self._obs.layout if self._obs else None

    async def prepare(self) -> None:
        """Create the overlay scene and every overlay source (hidden) now, not at the first push.

        Idempotent; safe to call on every connect. ``show_*`` call it for what they need anyway.
        """
        await self._ensure(OVERLAYS)

    # ----- the product card ------------------------------------------------------------------
    async def show_product_card(self, name: str, live_price: Price | None = None,
                                list_price: Price | None = None, image: str | Path | None = None
                                ) -> Shown:
        """Name, "直播价 ¥59.9", optionally "原价 ¥99" and the product image, in the lower third."""
        w = self.words
        price_text = w.live_price.format(price=L.format_price(live_price, w.currency)) \
            if live_price not in (None, "") else ""
        list_text = ""
        if list_price not in (None, "") and str(list_price) != str(live_price):
            list_text = w.list_price.format(price=L.format_price(list_price, w.currency))
        warnings: list[str] = []
        image_file = await self._image_file(str(image), warnings) if image else ""
        content = _Content(lambda layout: L.product_card(layout, name, price_text, list_text,
                                                        has_image=bool(image_file), palette=self.palette),
                           image=image_file)
        shown = await self._show(PRODUCT_CARD, content)
        shown.warnings.extend(warnings)
        return shown

    async def hide_product_card(self) -> None:
        await self.hide(PRODUCT_CARD)

    # ----- countdown banners -----------------------------------------------------------------
    async def show_coupon(self, text: str, ends_at: float | datetime) -> Shown:
        """"满200减30 · 还剩 04:59", ticking each second; "已结束" at the end, then gone."""
        end = unix_seconds(ends_at)
        return await self._show_countdown(COUPON, end, lambda left: self._coupon_parts(text, left))

    async def hide_coupon(self) -> None:
        await self.hide(COUPON)

    async def show_lottery_countdown(self, draw_at: float | datetime, prize: str = "") -> Shown:
        """"抽奖 · 电饭煲 · 还剩 09:59"; the last 30 s "30 秒后开奖"; then "正在开奖" until hidden."""
        draw = unix_seconds(draw_at)
        return await self._show_countdown(LOTTERY, draw, lambda left: self._lottery_parts(prize, left))

    async def hide_lottery_countdown(self) -> None:
        await self.hide(LOTTERY)

    def _coupon_parts(self, text: str, left: float) -> tuple[str, str]:
        w = self.words
        when = w.time_left.format(left=L.format_countdown(left)) if left > 0 else w.coupon_over
        return text, w.separator + when

    def _lottery_parts(self, prize: str, left: float) -> tuple[str, str]:
        w = self.words
        label = w.lottery + (w.separator + prize if prize else "")
        shown = L.seconds_shown(left)
        if shown <= 0:
            return label, w.separator + w.lottery_now
        if shown <= L.LOTTERY_SOON_SECONDS:
            return label, w.separator + w.lottery_soon.format(seconds=shown)
        return label, w.separator + w.time_left.format(left=L.format_countdown(left))

    async def _show_countdown(self, overlay: str, end: float,
                              parts: Callable[[float], tuple[str, str]]) -> Shown:
        def build(layout: L.Layout) -> list[L.Piece]:
            label, suffix = parts(end - self.clock())
            return L.banner(layout, overlay, label, suffix, palette=self.palette)

        shown = await self._show(overlay, _Content(build))
        linger = COUPON_END_LINGER if overlay == COUPON else LOTTERY_END_LINGER
        self._start_timer(overlay, self._count_down(overlay, end, linger))
        return shown

    async def _count_down(self, overlay: str, end: float, linger: float) -> None:
        while True:
            remaining = end - self.clock()
            if remaining <= 0:
                break
            await self.sleep(L.next_change_in(remaining))
            await self._background(overlay, self._refresh(overlay))
        await self.sleep(linger)
        await self._background(overlay, self.hide(overlay))

    # ----- the ticker ------------------------------------------------------------------------
    async def show_ticker(self, text: str, seconds: float = TICKER_SECONDS) -> Shown:
        """An announcement across the top, gone by itself after ``seconds`` (20 s, as the room's)."""
        content = _Content(lambda layout: L.ticker(layout, text, palette=self.palette))
        shown = await self._show(TICKER, content)
        self._start_timer(TICKER, self._hide_after(TICKER, seconds))
        return shown

    async def hide_ticker(self) -> None:
        await self.hide(TICKER)

    async def _hide_after(self, overlay: str, seconds: float) -> None:
        await self.sleep(seconds)
        await self._background(overlay, self.hide(overlay))

    # ----- off screen ------------------------------------------------------------------------
    async def hide(self, overlay: str) -> None:
        """Take one overlay off screen (its sources stay in OBS, hidden, for the next time)."""
        self._cancel_timer(overlay)
        async with self._locks[overlay]:
            try:
                # After a reconnect we know nothing of OBS: read it, or the card would stay up.
                obs = self._obs or await self._ensure((overlay,))
                for role in _ROLES[overlay]:
                    await self._set_enabled(obs, source_name(overlay, role), False)
            except ObsRequestFailed as e:
                self._forget()
                if e.code != 600:  # 600: already gone from OBS, so nothing is on screen either
                    raise self._failure(e, overlay, showing=False) from None
            self._content.pop(overlay, None)
            self._set_visible(overlay, False, {})

    async def hide_all(self) -> None:
        first_error: ObsError | None = None
        for overlay in OVERLAYS:
            try:
                await self.hide(overlay)
            except ObsError as e:
                first_error = first_error or e
        if first_error is not None:
            raise first_error

    async def close(self) -> None:
        """Stop the timers (the overlays stay as they are in OBS)."""
        for overlay in OVERLAYS:
            self._cancel_timer(overlay)

    # ----- which scenes carry the overlays ----------------------------------------------------
    async def attach_to(self, scene: str) -> None:
        """Put the overlay scene on top of ``scene`` (once; re-enabled and raised if need be)."""
        if scene == OVERLAY_SCENE:
            return
        await self._ensure(())
        items = (await self.link.request("GetSceneItemList", {"sceneName": scene})).get("sceneItems", [])
        top = max((int(i.get("sceneItemIndex", 0)) for i in items), default=-1)
        ours = next((i for i in items if i.get("sourceName") == OVERLAY_SCENE), None)
        if ours is None:
            # A new item goes on top of everything the user has in the scene.
            answer = await self.link.request("CreateSceneItem", {
                "sceneName": scene, "sourceName": OVERLAY_SCENE, "sceneItemEnabled": True})
            item_id = int(answer["sceneItemId"])
            await self.link.request("SetSceneItemTransform", {
                "sceneName": scene, "sceneItemId": item_id, "sceneItemTransform": _NESTED_TRANSFORM})
            # Locked, so a click in OBS's preview does not drag the whole overlay layer away.
            await self.link.request("SetSceneItemLocked", {
                "sceneName": scene, "sceneItemId": item_id, "sceneItemLocked": True})
            self._attached.add(scene)
            return
        item_id = int(ours["sceneItemId"])
        if not ours.get("sceneItemEnabled", True):
            await self.link.request("SetSceneItemEnabled", {
                "sceneName": scene, "sceneItemId": item_id, "sceneItemEnabled": True})
        if _misplaced(ours.get("sceneItemTransform", {})):
            # e.g. a canvas switch rescaled every item of the scene, ours included
            await self.link.request("SetSceneItemTransform", {
                "sceneName": scene, "sceneItemId": item_id, "sceneItemTransform": _NESTED_TRANSFORM})
        if int(ours.get("sceneItemIndex", top)) != top:
            # The user added sources since: back on top (the index counts from the bottom).
            await self.link.request("SetSceneItemIndex", {
                "sceneName": scene, "sceneItemId": item_id, "sceneItemIndex": top})
        self._attached.add(scene)

    async def detach_from(self, scene: str) -> None:
        """Take the overlay scene out of ``scene`` (the user's own items stay)."""
        items = (await self.link.request("GetSceneItemList", {"sceneName": scene})).get("sceneItems", [])
        for item in items:
            if item.get("sourceName") == OVERLAY_SCENE:
                await self.link.request("RemoveSceneItem", {
                    "sceneName": scene, "sceneItemId": item["sceneItemId"]})
        self._attached.discard(scene)

    async def _attach_on_air(self) -> None:
        program = (await self.link.request("GetCurrentProgramScene")).get("currentProgramSceneName")
        scenes = [str(program)] if program else []
        if self._obs is not None and self._obs.studio_mode:
            preview = (await self.link.request("GetCurrentPreviewScene")).get("currentPreviewSceneName")
            if preview:
                scenes.append(str(preview))
        for scene in scenes:
            await self.attach_to(scene)

    # ----- showing -----------------------------------------------------------------------------
    async def _show(self, overlay: str, content: _Content) -> Shown:
        self._cancel_timer(overlay)
        async with self._locks[overlay]:
            for attempt in (1, 2):
                try:
                    obs = await self._ensure((overlay,))
                    await self._attach_on_air()
                    texts = await self._apply(obs, overlay, content)
                    break
                except ObsRequestFailed as e:
                    self._forget()  # what we knew of OBS is stale: read it afresh
                    # 600: someone deleted one of our sources or the overlay scene: make it again.
                    if e.code != 600 or attempt == 2:
                        raise self._failure(e, overlay, showing=True) from None
            self._content[overlay] = content
            self._set_visible(overlay, True, texts)
            return Shown(overlay, dict(texts))

    async def _refresh(self, overlay: str) -> None:
        """Lay one visible overlay out again (a countdown tick, a new canvas)."""
        async with self._locks[overlay]:
            content = self._content.get(overlay)
            if content is None:
                return
            obs = await self._ensure((overlay,))
            texts = await self._apply(obs, overlay, content)
            self._set_visible(overlay, True, texts)

    async def _apply(self, obs: _Obs, overlay: str, content: _Content) -> dict[str, str]:
        pieces = content.build(obs.layout)
        texts: dict[str, str] = {}
        for piece in pieces:
            name = source_name(overlay, piece.role)
            if piece.role == "bg":
                await self._set_settings(obs, name, {
                    "color": L.obs_color(piece.color), "width": piece.box.w, "height": piece.box.h})
                await self._set_transform(obs, name, _plain_transform(piece.box))
            elif piece.role == "image":
                if piece.visible and content.image:
                    await self._set_settings(obs, name, {"file": content.image})
                    await self._set_transform(obs, name, _bounded_transform(
                        piece.box, "OBS_BOUNDS_SCALE_INNER", _CENTER))
            else:
                await self._set_settings(obs, name, self._text_settings(obs, piece))
                await self._set_transform(obs, name, _bounded_transform(
                    piece.box, "OBS_BOUNDS_MAX_ONLY", _TOP_LEFT))
                if piece.visible and piece.text:
                    texts[piece.role] = piece.text
        # Text first, then switch on: never a frame of the previous product's name on the new card.
        for piece in pieces:
            if piece.role == "bg":
                show = piece.visible
            elif piece.role == "image":
                show = piece.visible and bool(content.image)
            else:
                show = piece.visible and bool(piece.text)
            await self._set_enabled(obs, source_name(overlay, piece.role), show)
        return texts

    def _text_settings(self, obs: _Obs, piece: L.Piece) -> dict[str, Any]:
        bold = piece.role == "price"
        font = {"face": obs.face, "size": piece.size, "style": "Bold" if bold else "Regular",
                "flags": 1 if bold else 0}
        color = L.obs_color(piece.color)
        if obs.text_kind.startswith("text_gdiplus"):
            return {"text": piece.text, "font": font, "color": color, "opacity": 100,
                    "bk_opacity": 0, "outline": False, "extents": False, "align": "left",
                    "valign": "top", "read_from_file": False}
        return {"text": piece.text, "font": font, "color1": color, "color2": color,
                "antialiasing": True, "word_wrap": False, "outline": False, "drop_shadow": False,
                "from_file": False}

    # ----- OBS requests, skipped when nothing changed ------------------------------------------
    async def _set_settings(self, obs: _Obs, name: str, settings: dict[str, Any]) -> None:
        if obs.settings.get(name) == settings:
            return
        await self.link.request("SetInputSettings", {"inputName": name, "inputSettings": settings,
                                                     "overlay": True})
        obs.settings[name] = settings

    async def _set_transform(self, obs: _Obs, name: str, transform: dict[str, Any]) -> None:
        if obs.transforms.get(name) == transform:
            return
        await self.link.request("SetSceneItemTransform", {
            "sceneName": OVERLAY_SCENE, "sceneItemId": obs.items[name], "sceneItemTransform": transform})
        obs.transforms[name] = transform

    async def _set_enabled(self, obs: _Obs, name: str, enabled: bool) -> None:
        if obs.enabled.get(name) is enabled or name not in obs.items:
            return
        await self.link.request("SetSceneItemEnabled", {
            "sceneName": OVERLAY_SCENE, "sceneItemId": obs.items[name], "sceneItemEnabled": enabled})
        obs.enabled[name] = enabled

    # ----- making sure our scene and sources exist ---------------------------------------------
    async def _ensure(self, overlays: tuple[str, ...]) -> _Obs:
        video = await self.link.request("GetVideoSettings")
        canvas = (int(video["baseWidth"]), int(video["baseHeight"]))
        obs = self._obs
        if obs is None:
            obs = self._obs = await self._learn(canvas)
        elif obs.canvas != canvas:
            obs.canvas, obs.layout = canvas, L.layout_for(*canvas)
            obs.transforms.clear()
            obs.settings.clear()
            for other in OVERLAYS:  # everything on screen moves to its place on the new canvas
                if other not in overlays and other in self._content:
                    self._start_refresh(other)
        for overlay in overlays:
            for role in _ROLES[overlay]:
                await self._ensure_source(obs, overlay, role)
        return obs

    async def _learn(self, canvas: tuple[int, int]) -> _Obs:
        kinds = (await self.link.request("GetInputKindList", {"unversioned": False})).get("inputKinds", [])
        text_kind = pick_text_kind(list(kinds))
        if text_kind is None:
            raise ObsRequestFailed(translate(
                "Overlays", "This OBS has no text source, so the console cannot draw overlays. "
                "Install OBS from obsproject.com (it includes the text source)."), "GetInputKindList", 0)
        face = self.font_face_override
        if not face:
            platform = str((await self.link.request("GetVersion")).get("platform", ""))
            local: list[str] = []
            if not platform.lower().startswith(("win", "mac")) and _is_local(self.link.target.host):
                local = await asyncio.to_thread(local_cjk_families)
            face = pick_face(platform, text_kind, local)
        scenes = (await self.link.request("GetSceneList")).get("scenes", [])
        if not any(s.get("sceneName") == OVERLAY_SCENE for s in scenes):
            with contextlib.suppress(ObsRequestFailed):  # 601: made meanwhile, by us elsewhere
                await self.link.request("CreateScene", {"sceneName": OVERLAY_SCENE})
        inputs = (await self.link.request("GetInputList")).get("inputs", [])
        ours = {str(i["inputName"]): str(i["inputKind"]) for i in inputs
                if str(i.get("inputName", "")).startswith(PREFIX)}
        items = (await self.link.request("GetSceneItemList", {"sceneName": OVERLAY_SCENE})).get(
            "sceneItems", [])
        studio = await self.link.request("GetStudioModeEnabled")
        return _Obs(text_kind=text_kind, face=face, canvas=canvas, layout=L.layout_for(*canvas),
                    items={str(i["sourceName"]): int(i["sceneItemId"]) for i in items},
                    kinds=ours, studio_mode=bool(studio.get("studioModeEnabled")),
                    enabled={str(i["sourceName"]): bool(i.get("sceneItemEnabled")) for i in items})

    async def _ensure_source(self, obs: _Obs, overlay: str, role: str) -> None:
        name = source_name(overlay, role)
        kind = _kind_for(role, obs.text_kind)
        if name in obs.kinds and obs.kinds[name] != kind:
            # Ours, but made by another OBS (a text kind of another system): make it again.
            await self.link.request("RemoveInput", {"inputName": name})
            del obs.kinds[name]
            obs.items.pop(name, None)
        if name not in obs.kinds:
            answer = await self.link.request("CreateInput", {
                "sceneName": OVERLAY_SCENE, "inputName": name, "inputKind": kind,
                "inputSettings": {}, "sceneItemEnabled": False})
            obs.kinds[name] = kind
            obs.items[name] = int(answer["sceneItemId"])
            obs.enabled[name] = False
        elif name not in obs.items:
            answer = await self.link.request("CreateSceneItem", {
                "sceneName": OVERLAY_SCENE, "sourceName": name, "sceneItemEnabled": False})
            obs.items[name] = int(answer["sceneItemId"])
            obs.enabled[name] = False
        else:
            return
        if role == "bg":  # a new background goes under everything, or it would hide the text
            await self.link.request("SetSceneItemIndex", {
                "sceneName": OVERLAY_SCENE, "sceneItemId": obs.items[name], "sceneItemIndex": 0})

    # ----- product images ----------------------------------------------------------------------
    async def _image_file(self, image: str, warnings: list[str]) -> str:
        """A local file OBS can read for ``image`` (a path, or an http(s) URL fetched once)."""
        if urlparse(image).scheme in ("http", "https"):
            try:
                return str(await self._download(image))
            except UserError as e:
                warnings.append(str(e))
                return ""
        path = Path(image).expanduser()
        if not await asyncio.to_thread(path.is_file):
            warnings.append(translate(
                "Overlays", "The product image {path} was not found; the card is shown without it.").format(
                    path=path))
            return ""
        return str(path.resolve())

    async def _download(self, url: str) -> Path:
        import aiohttp

        from studio.config import data_dir

        cache = self._image_cache or data_dir() / "overlay-images"
        suffix = Path(urlparse(url).path).suffix.lower()
        if suffix not in (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"):
            suffix = ".img"
        target = cache / (hashlib.sha256(url.encode()).hexdigest()[:32] + suffix)
        if await asyncio.to_thread(target.is_file):
            return target
        failed = translate("Overlays", "The product image could not be downloaded ({reason}); the card "
                           "is shown without it.")
        try:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=8)) as session, \
                    session.get(url) as response:
                if response.status != 200:
                    raise UserError(failed.format(reason=f"HTTP {response.status}"))
                body = await response.content.read(_MAX_IMAGE_BYTES + 1)
        except (aiohttp.ClientError, TimeoutError) as e:
            raise UserError(failed.format(reason=type(e).__name__)) from None
        if len(body) > _MAX_IMAGE_BYTES:
            raise UserError(failed.format(reason=translate("Overlays", "larger than 10 MB")))
        await asyncio.to_thread(_write_atomically, target, body)
        return target

    # ----- timers and state --------------------------------------------------------------------
    def _start_timer(self, overlay: str, coro: Any) -> None:
        self._cancel_timer(overlay)
        self._timers[overlay] = spawn(coro, name=f"overlay-{overlay}")

    def _cancel_timer(self, overlay: str) -> None:
        task = self._timers.pop(overlay, None)
        if task is not None and task is not asyncio.current_task() and not task.done():
            task.cancel()

    def _start_refresh(self, overlay: str) -> None:
        spawn(self._background(overlay, self._refresh(overlay)), name=f"overlay-{overlay}-relayout")

    async def _background(self, overlay: str, step: Awaitable[None]) -> None:
        """A step nobody awaits (a tick, an auto-hide): failures are told, never raised into the void."""
        try:
            await step
        except ObsError as e:
            log.warning("overlay %s: %s", overlay, e)
            if isinstance(e, ObsRequestFailed):
                self._forget()
            self.failed.emit(overlay, str(e))

    def _set_visible(self, overlay: str, visible: bool, texts: dict[str, str]) -> None:
        if self.visible[overlay] != visible or self.texts[overlay] != texts:
            self.visible[overlay] = visible
            self.texts[overlay] = dict(texts)
            self.changed.emit()

    def _forget(self) -> None:
        """Read OBS afresh next time (after a reconnect, a refusal or a new canvas)."""
        self._obs = None
        self._attached.clear()

    def _failure(self, e: ObsRequestFailed, overlay: str, showing: bool) -> ObsRequestFailed:
        what = _overlay_title(overlay)
        if showing:
            message = translate("Overlays", "Could not put the {what} on screen in OBS: {reason}")
        else:
            message = translate("Overlays", "Could not take the {what} off screen in OBS: {reason}")
        return ObsRequestFailed(message.format(what=what, reason=e), e.request, e.code)

    # ----- OBS events --------------------------------------------------------------------------
    def _on_link_connected(self) -> None:
        self._forget()

    def _on_link_program_changed(self, data: dict[str, Any]) -> None:
        self._follow(data.get("sceneName"))

    def _on_link_preview_changed(self, data: dict[str, Any]) -> None:
        if self._obs is not None and self._obs.studio_mode:
            self._follow(data.get("sceneName"))

    def _on_link_studio_mode_changed(self, data: dict[str, Any]) -> None:
        if self._obs is not None:
            self._obs.studio_mode = bool(data.get("studioModeEnabled"))

    def _follow(self, scene: Any) -> None:
        """A new scene on air while an overlay is up: the overlay goes with it."""
        if scene and any(self.visible.values()) and scene not in self._attached:
            spawn(self._background("scene", self.attach_to(str(scene))), name="overlay-attach")


def _overlay_title(overlay: str) -> str:
    if overlay == PRODUCT_CARD:
        return translate("Overlays", "product card")
    if overlay == COUPON:
        return translate("Overlays", "coupon banner")
    if overlay == LOTTERY:
        return translate("Overlays", "lottery countdown")
    return translate("Overlays", "announcement ticker")


def _kind_for(role: str, text_kind: str) -> str:
    if role == "bg":
        return "color_source_v3"
    if role == "image":
        return "image_source"
    return text_kind


_NESTED_TRANSFORM: dict[str, Any] = {
    "positionX": 0.0, "positionY": 0.0, "scaleX": 1.0, "scaleY": 1.0, "rotation": 0.0,
    "alignment": _TOP_LEFT, "boundsType": "OBS_BOUNDS_NONE", "cropLeft": 0, "cropRight": 0,
    "cropTop": 0, "cropBottom": 0,
}


def _misplaced(t: dict[str, Any]) -> bool:
    return any(abs(float(t.get(k, d)) - d) > 1e-3 for k, d in (
        ("positionX", 0.0), ("positionY", 0.0), ("scaleX", 1.0), ("scaleY", 1.0), ("rotation", 0.0))) \
        or t.get("boundsType", "OBS_BOUNDS_NONE") != "OBS_BOUNDS_NONE"


def _plain_transform(box: L.Box) -> dict[str, Any]:
    return {"positionX": float(box.x), "positionY": float(box.y), "alignment": _TOP_LEFT,
            "scaleX": 1.0, "scaleY": 1.0, "rotation": 0.0, "boundsType": "OBS_BOUNDS_NONE"}


def _bounded_transform(box: L.Box, bounds: str, align: int) -> dict[str, Any]:
    return {"positionX": float(box.x), "positionY": float(box.y), "alignment": _TOP_LEFT,
            "scaleX": 1.0, "scaleY": 1.0, "rotation": 0.0, "boundsType": bounds,
            "boundsWidth": float(max(1, box.w)), "boundsHeight": float(max(1, box.h)),
            "boundsAlignment": align}


def _is_local(host: str) -> bool:
    return host in ("127.0.0.1", "localhost", "::1", "")


def _write_atomically(target: Path, body: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + f".{os.getpid()}.part")
    partial.write_bytes(body)
    partial.replace(target)


__all__ = [
    "COUPON", "LOTTERY", "OVERLAYS", "OVERLAY_SCENE", "PRODUCT_CARD", "TICKER", "ObsNotConnected",
    "ObsRequestFailed", "Overlays", "Shown", "pick_face", "pick_text_kind", "source_name",
]
