"""``ObsOverlays``: what the overlays show, their countdown and auto-hide timers, and the calls that
put them on and off screen in one OBS (see the package docstring for how it sits in OBS).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.errors import ObsError, ObsRequestFailed
from studio.events import Signal
from studio.i18n import translate
from studio.obs import overlay_layout as L
from studio.obs.items import ADDED, CREATED, SceneItems
from studio.obs.link import ObsLink
from studio.obs.names import COUPON_BANNER, LOTTERY_COUNTDOWN, OVERLAY_KINDS, PRODUCT_CARD, TICKER
from studio.obs.overlays import sources as S
from studio.obs.overlays.following import SceneFollower
from studio.obs.overlays.fonts import is_local, local_cjk_families, pick_face, pick_text_kind
from studio.obs.overlays.images import ImageFiles
from studio.obs.overlays.sources import Shown, unix_seconds
from studio.tasks import spawn

if TYPE_CHECKING:
    import aiohttp

log = logging.getLogger(__name__)

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
Price = Decimal | float | int | str

TICKER_SECONDS = 20.0  # playbook §2: an announcement is shown 20 s
COUPON_END_LINGER = 5.0  # "已结束" stays this long, then the banner goes
LOTTERY_END_LINGER = 60.0  # "正在开奖" stays until the draw is announced, at most this long


@dataclass
class _Obs:
    """What we learnt from OBS on this connection; dropped on reconnect."""

    text_kind: str
    face: str
    canvas: tuple[int, int]
    layout: L.Layout
    items: SceneItems  # the overlay scene's items and what we last sent them
    studio_mode: bool


@dataclass
class _Content:
    """What an overlay shows, kept so it can be laid out again on a new canvas."""

    build: Callable[[L.Layout], list[L.Piece]]
    image: str = ""  # local file for the product card's image


class ObsOverlays:
    """The console's overlays in one OBS. All methods run on the asyncio loop's thread."""

    def __init__(self, link: ObsLink, *, clock: Clock = time.time, sleep: Sleep = asyncio.sleep,
                 words: L.OverlayWords | None = None, palette: L.Palette | None = None,
                 font_face: str | None = None, image_cache: Path | None = None,
                 session: aiohttp.ClientSession | None = None) -> None:
        self.link = link
        self.clock = clock
        self.sleep = sleep
        self.words = words or L.OverlayWords()
        self.palette = palette or L.Palette()
        self.font_face_override = font_face
        self.images = ImageFiles(image_cache, session)
        self.visible: dict[str, bool] = dict.fromkeys(OVERLAY_KINDS, False)
        self.texts: dict[str, dict[str, str]] = {o: {} for o in OVERLAY_KINDS}
        self.changed: Signal[[]] = Signal("Overlays.changed")
        self.failed: Signal[[str, str]] = Signal("Overlays.failed")  # (overlay, message): a background step failed
        self._obs: _Obs | None = None
        self._content: dict[str, _Content] = {}
        self._timers: dict[str, asyncio.Task[None]] = {}
        self._locks = {o: asyncio.Lock() for o in OVERLAY_KINDS}
        self._scenes = SceneFollower(link, S.OVERLAY_SCENE)
        link.connected.connect(self._on_link_connected)
        link.on("CurrentProgramSceneChanged", self._on_link_program_changed)
        link.on("CurrentPreviewSceneChanged", self._on_link_preview_changed)
        link.on("StudioModeStateChanged", self._on_link_studio_mode_changed)
        link.on("VideoSettingsChanged", self._on_link_video_settings_changed)  # obs-websocket 5.3+

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
        await self._ensure(OVERLAY_KINDS)

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
        image_file = await self.images.local_file(str(image), warnings) if image else ""
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
        return await self._show_countdown(COUPON_BANNER, end, lambda left: self._coupon_parts(text, left))

    async def hide_coupon(self) -> None:
        await self.hide(COUPON_BANNER)

    async def show_lottery_countdown(self, draw_at: float | datetime, prize: str = "") -> Shown:
        """"抽奖 · 电饭煲 · 还剩 09:59"; the last 30 s "30 秒后开奖"; then "正在开奖" until hidden."""
        draw = unix_seconds(draw_at)
        return await self._show_countdown(LOTTERY_COUNTDOWN, draw,
                                          lambda left: self._lottery_parts(prize, left))

    async def hide_lottery_countdown(self) -> None:
        await self.hide(LOTTERY_COUNTDOWN)

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
        linger = COUPON_END_LINGER if overlay == COUPON_BANNER else LOTTERY_END_LINGER
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
                for role in S.ROLES[overlay]:
                    await obs.items.set_enabled(self.link, S.source_name(overlay, role), False)
            except ObsRequestFailed as e:
                self._forget()
                if e.code != 600:  # 600: already gone from OBS, so nothing is on screen either
                    raise self._failure(e, overlay, showing=False) from None
            self._content.pop(overlay, None)
            self._set_visible(overlay, False, {})

    async def shown_in_obs(self) -> dict[str, bool]:
        """What OBS shows of each overlay right now, read afresh from OBS (nothing is created).

        After OBS was away the console's own ``visible`` may be wrong either way (a hide that could
        not be sent; an OBS restarted from its saved scenes): this is what to reconcile against."""
        scenes = (await self.link.request("GetSceneList")).get("scenes", [])
        if not any(s.get("sceneName") == S.OVERLAY_SCENE for s in scenes):
            return dict.fromkeys(OVERLAY_KINDS, False)
        items = await SceneItems.read(self.link, S.OVERLAY_SCENE)
        return {overlay: any(items.enabled.get(S.source_name(overlay, role), False) for role in S.ROLES[overlay])
                for overlay in OVERLAY_KINDS}

    async def hide_all(self) -> None:
        first_error: ObsError | None = None
        for overlay in OVERLAY_KINDS:
            try:
                await self.hide(overlay)
            except ObsError as e:
                first_error = first_error or e
        if first_error is not None:
            raise first_error

    async def close(self) -> None:
        """Stop the timers (the overlays stay as they are in OBS)."""
        for overlay in OVERLAY_KINDS:
            self._cancel_timer(overlay)

    # ----- which scenes carry the overlays ----------------------------------------------------
    async def attach_to(self, scene: str) -> None:
        """Put the overlay scene on top of ``scene`` (once; re-enabled and raised if need be)."""
        if scene == S.OVERLAY_SCENE:
            return
        await self._ensure(())
        await self._scenes.attach_to(scene)

    async def detach_from(self, scene: str) -> None:
        """Take the overlay scene out of ``scene`` (the user's own items stay)."""
        await self._scenes.detach_from(scene)

    async def _attach_on_air(self) -> None:
        studio_mode = self._obs is not None and self._obs.studio_mode
        for scene in await self._scenes.on_air(studio_mode):
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
        items, link = obs.items, self.link
        for piece in pieces:
            name = S.source_name(overlay, piece.role)
            if piece.role == "bg":
                await items.set_settings(link, name, {
                    "color": L.obs_color(piece.color), "width": piece.box.w, "height": piece.box.h})
                await items.set_transform(link, name, S.plain_transform(piece.box))
            elif piece.role == "image":
                if piece.visible and content.image:
                    await items.set_settings(link, name, {"file": content.image})
                    await items.set_transform(link, name, S.image_transform(piece.box))
            else:
                await items.set_settings(link, name, S.text_settings(obs.text_kind, obs.face, piece))
                await items.set_transform(link, name, S.text_transform(piece.box))
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
            await items.set_enabled(link, S.source_name(overlay, piece.role), show)
        return texts

    # ----- making sure our scene and sources exist ---------------------------------------------
    async def _ensure(self, overlays: tuple[str, ...]) -> _Obs:
        video = await self.link.request("GetVideoSettings")
        canvas = (int(video["baseWidth"]), int(video["baseHeight"]))
        obs = self._obs
        if obs is None:
            obs = self._obs = await self._learn(canvas)
        elif obs.canvas != canvas:
            obs.canvas, obs.layout = canvas, L.layout_for(*canvas)
            obs.items.forget_looks()
            for other in OVERLAY_KINDS:  # everything on screen moves to its place on the new canvas
                if other not in overlays and other in self._content:
                    self._start_refresh(other)
        for overlay in overlays:
            for role in S.ROLES[overlay]:
                name = S.source_name(overlay, role)
                made = await obs.items.ensure_input(self.link, name, S.kind_for(role, obs.text_kind),
                                                    enabled=False)
                if role == "bg" and made in (CREATED, ADDED):
                    # A new background goes under everything, or it would hide the text.
                    await self.link.request("SetSceneItemIndex", {
                        "sceneName": S.OVERLAY_SCENE, "sceneItemId": obs.items.items[name],
                        "sceneItemIndex": 0})
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
            if not platform.lower().startswith(("win", "mac")) and is_local(self.link.target.host):
                local = await asyncio.to_thread(local_cjk_families)
            face = pick_face(platform, text_kind, local)
        scenes = (await self.link.request("GetSceneList")).get("scenes", [])
        if not any(s.get("sceneName") == S.OVERLAY_SCENE for s in scenes):
            with contextlib.suppress(ObsRequestFailed):  # 601: made meanwhile, by us elsewhere
                await self.link.request("CreateScene", {"sceneName": S.OVERLAY_SCENE})
        items = await SceneItems.read(self.link, S.OVERLAY_SCENE)
        studio = await self.link.request("GetStudioModeEnabled")
        return _Obs(text_kind=text_kind, face=face, canvas=canvas, layout=L.layout_for(*canvas),
                    items=items, studio_mode=bool(studio.get("studioModeEnabled")))

    # ----- timers and state --------------------------------------------------------------------
    def _start_timer(self, overlay: str, coro: Coroutine[Any, Any, None]) -> None:
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
        self._scenes.forget()

    def _failure(self, e: ObsRequestFailed, overlay: str, showing: bool) -> ObsRequestFailed:
        what = S.overlay_title(overlay)
        if showing:
            message = translate("Overlays", "Could not put the {what} on screen in OBS: {reason}")
        else:
            message = translate("Overlays", "Could not take the {what} off screen in OBS: {reason}")
        return ObsRequestFailed(message.format(what=what, reason=e), e.request, e.code)

    # ----- OBS events --------------------------------------------------------------------------
    def _on_link_connected(self) -> None:
        self._forget()

    def _on_link_video_settings_changed(self, _data: dict[str, Any]) -> None:
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
        if scene and any(self.visible.values()) and scene not in self._scenes.attached:
            spawn(self._background("scene", self.attach_to(str(scene))), name="overlay-attach")
