"""The show's live-room target, chosen once by a setting the user sees and kept with the show.

Three kinds (``Settings.extra["show_target"]["kind"]``):

- ``miniprogram``: the mini-program room picked in the live-room panel — a real room, or in
  rehearsal (彩排) a room of the local emulator; goods by API, the rest as checklist steps;
- ``manual``: the manual checklist (WeChat Channels, any platform without an API);
- ``dryrun``: nothing is sent anywhere; every action is marked done;
- ``channels``: a WeChat Channels account (``studio.room.channels``): 讲解 and comments through its
  web console, coupons by the store API, the rest as checklist steps.

``RoomTargets.build(None)`` makes the target for a new show from the settings; the show log keeps
its ``spec()`` (``room_target`` event) and ``build(spec)`` makes the same one again for a resumed
show, whatever the settings say now. It is the ``studio.room.base.RoomProvider`` of the show.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from studio.errors import UserError
from studio.events import Signal
from studio.i18n import QT_TRANSLATE_NOOP, translate
from studio.room.base import LiveRoom
from studio.room.dryrun import DryRunRoom
from studio.room.manual import ManualRoom
from studio.room.matching import GoodsMatch, match_goods
from studio.tasks import spawn

if TYPE_CHECKING:
    from studio.room.channels.accounts import ChannelsAccounts
    from studio.room.settings import RoomConnection
    from studio.room.wechat import WeChatLiveClient

log = logging.getLogger(__name__)

SECTION = "show_target"
MINIPROGRAM, MANUAL, DRYRUN, CHANNELS = "miniprogram", "manual", "dryrun", "channels"
KINDS = (MINIPROGRAM, MANUAL, DRYRUN, CHANNELS)
KIND_TITLES = {
    MINIPROGRAM: QT_TRANSLATE_NOOP("RoomTargets", "Mini-program live room (小程序直播)"),
    MANUAL: QT_TRANSLATE_NOOP("RoomTargets", "Manual checklist (手动清单): Channels and any platform without "
                                             "an API"),
    DRYRUN: QT_TRANSLATE_NOOP("RoomTargets", "Dry run (演练): nothing is sent"),
    CHANNELS: QT_TRANSLATE_NOOP("RoomTargets", "WeChat Channels (视频号): 讲解 and comments in its web console"),
}
MATCH_TIMEOUT_SECONDS = 8.0
MATCH_ATTEMPTS, MATCH_RETRY_SECONDS = 3, 1.0


class RoomTargets:
    """``RoomTargets(connection)``; ``kind``/``choose(kind)``; ``label()``; ``build(spec)``;
    ``match_plan(products)``. ``changed`` fires when the choice changes."""

    def __init__(self, connection: RoomConnection) -> None:
        self.connection = connection
        self.changed = Signal("room_targets.changed")
        self.products: Callable[[], list[Any]] | None = None  # the plan's products (set by the core)
        self.last_match: GoodsMatch | None = None
        self._channels: ChannelsAccounts | None = None

    @property
    def channels(self) -> ChannelsAccounts:
        """The Channels accounts (imported on first use: the browser driver is not a start-up cost)."""
        if self._channels is None:
            from studio.room.channels.accounts import ChannelsAccounts

            self._channels = ChannelsAccounts(self.connection.settings, self.connection.store)
        return self._channels

    @property
    def kind(self) -> str:
        raw = self.connection.settings.extra.get(SECTION)
        kind = raw.get("kind") if isinstance(raw, dict) else None
        return kind if kind in KINDS else MANUAL

    async def close(self) -> None:
        if self._channels is not None:
            await self._channels.close()

    @property
    def channels_account(self) -> str:
        raw = self.connection.settings.extra.get(SECTION)
        account = raw.get("account") if isinstance(raw, dict) else None
        return account if isinstance(account, str) else ""

    async def choose(self, kind: str, account: str = "") -> None:
        """``account``: the Channels account, for ``kind == "channels"``."""
        if kind not in KINDS:
            raise ValueError(kind)
        if kind == CHANNELS and not account:  # the radio button: the account picked before, else the first
            names = [a.name for a in self.channels.all()]
            account = self.channels_account if self.channels_account in names else (names[0] if names else "")
        self.connection.settings.extra[SECTION] = {"kind": kind, **({"account": account} if account else {})}
        await asyncio.to_thread(self.connection.settings.save)
        self.changed.emit()

    def label(self, spec: dict[str, Any] | None = None) -> str:
        """What a show started now would drive (or what ``spec`` drives), in the pad's words."""
        kind = spec.get("kind") if spec else self.kind
        if kind == MINIPROGRAM:
            rs = self.connection.room_settings
            room_id = spec.get("room_id") if spec else rs.room_id
            rehearsal = bool(spec.get("rehearsal")) if spec else rs.rehearsal
            if room_id is None:
                return translate("RoomTargets", "Mini-program live room (no room picked yet)")
            if rehearsal:
                return translate("WeChatLive", "Mini-program live room {room} · rehearsal (彩排)").format(
                    room=room_id)
            return translate("WeChatLive", "Mini-program live room {room}").format(room=room_id)
        if kind == DRYRUN:
            return translate("DryRunRoom", "Dry run, nothing sent (演练，不发送)")
        if kind == CHANNELS:
            account = (spec.get("account") if spec else self.channels_account) or ""
            if not account:
                return translate("RoomTargets", "Channels (no account yet: add one in the Channels setup)")
            return translate("ChannelsRoom", "Channels {account} · web console").format(account=account)
        return translate("ManualRoom", "Manual checklist (手动清单)")

    async def build(self, spec: dict[str, Any] | None) -> LiveRoom:
        """The show's target: ``spec`` from a resumed show's log, or None for the settings now."""
        kind = spec.get("kind") if spec else self.kind
        if kind == DRYRUN:
            return DryRunRoom()
        if kind == CHANNELS:
            account = str((spec.get("account") if spec else self.channels_account) or "")
            try:
                return await self.channels.room(account)
            except Exception as e:  # no such account any more: the show still starts, and says so
                return _UnreadyChannels(str(e), account)
        if kind != MINIPROGRAM:
            return ManualRoom()
        from studio.room.wechat import WeChatLiveRoom

        rs = self.connection.room_settings
        room_id = _int(spec.get("room_id")) if spec else rs.room_id
        rehearsal = bool(spec.get("rehearsal")) if spec else rs.rehearsal
        if room_id is None:
            return _Unready(translate("RoomTargets", "No mini-program room is picked for this show. Pick one in "
                                                     "the live-room panel (“Use for this show”), or choose the "
                                                     "manual checklist."))
        try:
            client = await self.connection.build_client(rehearsal=rehearsal)
        except Exception as e:  # settings incomplete: the show still starts, and says so
            return _Unready(str(e), room_id=room_id, rehearsal=rehearsal)
        room = WeChatLiveRoom(client, room_id, rehearsal=rehearsal)
        # In the background: a slow room never delays the show's start (the match is for
        # products the plan names without a goods id; the pad's own calls say what is wrong).
        room.matching = spawn(self._apply_match(room), name="match-plan-goods")
        return room

    async def _apply_match(self, room: Any) -> None:
        """Products the plan names without a goods id get the room's id for that name."""
        if self.products is None:
            return
        for attempt in range(MATCH_ATTEMPTS):
            started = time.perf_counter()
            try:
                report = await asyncio.wait_for(self.match_plan(self.products(), client=room.client,
                                                                room_id=room.room_id), MATCH_TIMEOUT_SECONDS)
            except Exception as e:  # the pad's own calls will say what is wrong, in its words
                log.info("plan not matched to room goods before the show (try %d): %s", attempt + 1,
                         type(e).__name__)
                # Every room call of a show is in its log (kept by the room until the log exists).
                room.log_event("room_call", action="match_goods", target=room.name, outcome="failed",
                               message=str(e) if isinstance(e, UserError) else type(e).__name__,
                               attempt=attempt + 1, latency_ms=_ms_since(started), source="background")
                await asyncio.sleep(MATCH_RETRY_SECONDS)
                continue
            room.goods_ids.update(report.goods_ids)
            room.log_event("room_call", action="match_goods", target=room.name, outcome="done",
                           matched=len(report.goods_ids), attempt=attempt + 1, latency_ms=_ms_since(started),
                           source="background")
            return

    async def match_plan(self, products: list[Any], *, client: WeChatLiveClient | None = None,
                         room_id: int | None = None) -> GoodsMatch:
        """The plan's products against the room's goods and the goods library (raises WeChatError)."""
        client = client or await self.connection.model.client()
        room_id = room_id if room_id is not None else self.connection.room_settings.room_id
        if room_id is None:
            from studio.room.wechat import NEXT_PICK_ROOM, WeChatError

            raise WeChatError(translate("WeChatLive", "Pick the show's live room first."), next_step=NEXT_PICK_ROOM)
        room, approved, *others = await asyncio.gather(
            client.room(room_id), client.approved_goods(2), client.approved_goods(1), client.approved_goods(0),
            client.approved_goods(3))
        unapproved = [g for batch in others for g in batch]
        self.last_match = match_goods(products, room.goods, approved=approved, unapproved=unapproved)
        self.changed.emit()
        return self.last_match


class _Unready(ManualRoom):
    """A mini-program target that cannot talk to its room (no room picked, settings incomplete):
    every action becomes a checklist step, and the show's start says why."""

    def __init__(self, problem: str, room_id: int | None = None, rehearsal: bool = False) -> None:
        super().__init__()
        self.problem = problem
        self.room_id = room_id
        self.rehearsal = rehearsal

    @property
    def target_label(self) -> str:
        return translate("RoomTargets", "Manual checklist — the mini-program room is not reachable")

    def spec(self) -> dict[str, Any]:
        return {"kind": MINIPROGRAM, "room_id": self.room_id, "rehearsal": self.rehearsal,
                "label": self.target_label}

    async def preflight(self) -> str | None:
        return self.problem


class _UnreadyChannels(ManualRoom):
    """A Channels target whose account is gone: checklist steps, and the show's start says why."""

    def __init__(self, problem: str, account: str) -> None:
        super().__init__()
        self.problem = problem
        self.account = account

    def spec(self) -> dict[str, Any]:
        return {"kind": CHANNELS, "account": self.account, "label": self.target_label}

    async def preflight(self) -> str | None:
        return self.problem


def _ms_since(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)


def _int(value: Any) -> int | None:
    return int(value) if isinstance(value, int) or (isinstance(value, str) and value.isdigit()) else None
