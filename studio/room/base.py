"""The live-room side of an action, as an interface the targets plug into.

A live room is a set of capabilities, not all-or-nothing (playbook §5): the mini-program live API
can push goods but has no coupon, lottery or announcement API; WeChat Channels has none of it
(manual steps the assistant ticks off). Each target says what it can do; the show's actions ask
``supports`` first and fall back to a manual step where it cannot.

Targets: ``manual.ManualRoom`` (checklist), ``dryrun.DryRunRoom`` (rehearsal without any room),
``wechat.WeChatLiveRoom`` (mini-program live API; also used against the local emulator; what it
has no API for goes to its own checklist). Which one a show drives is chosen by a setting and
kept with the show: ``target.RoomTargets`` (the ``RoomProvider`` of ``ShowController``).
"""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, Protocol


class RoomAction(enum.Enum):
    PUSH_GOODS = "push_goods"  # 商品上屏 / 推送商品
    GOODS_ON_SALE = "goods_on_sale"  # 上架
    GOODS_OFF_SALE = "goods_off_sale"  # 下架
    ADD_GOODS = "add_goods"  # 导入商品: an approved product from the library onto the room's shelf
    END_EXPLAIN = "end_explain"  # 结束讲解 (Channels: the 讲解 pop-up off)
    COUPON = "coupon"  # 发券
    LOTTERY_START = "lottery_start"  # 发起抽奖
    LOTTERY_DRAW = "lottery_draw"  # 开奖
    ANNOUNCEMENT = "announcement"  # 公告
    SUBSCRIBER_PUSH = "subscriber_push"  # 推送本场直播 (once a day)
    STOCK = "stock"  # 库存: a product's stock (mini-program live has no call for it: a checklist step)


class Outcome(enum.Enum):
    DONE = "done"  # the platform confirmed it
    MANUAL = "manual"  # a person must do it in the platform's own tool, then tick it off
    REFUSED = "refused"  # the platform (or a rule) said no; ``message`` says why and what next
    FAILED = "failed"  # could not reach the platform; retrying may help


@dataclass(frozen=True)
class RoomRequest:
    action: RoomAction
    goods_id: str | None = None  # the platform's goods id, for goods actions
    title: str = ""  # what a person reads: product name, coupon name, announcement text
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RoomResult:
    target: str  # the target's display name
    outcome: Outcome
    message: str = ""  # plain words, translated
    error_code: int | None = None  # the platform's errcode, when there is one
    next_step: str | None = None  # e.g. "add_goods", "put_on_sale", "retry": an offer the UI can make

    @property
    def ok(self) -> bool:
        return self.outcome in (Outcome.DONE, Outcome.MANUAL)


class LiveRoom(ABC):
    """One live-room target. Methods run on the loop and never block it.

    ``timeout``: how long the show's actions wait for this target (each target its own).
    ``target_label``: what the pad's header says it drives ("小程序直播间 1001 · 彩排").
    ``spec()``: what the show log keeps so a resumed show drives the same target.
    ``preflight()``: before the show starts — plain words when the room is not live or not
    reachable, None when it is ready (targets without a room are always ready).
    """

    name: str = ""
    timeout: float = 10.0

    @property
    def target_label(self) -> str:
        return self.name

    def spec(self) -> dict[str, Any]:
        return {"kind": "custom", "label": self.target_label}

    async def preflight(self) -> str | None:
        return None

    @abstractmethod
    def supports(self, action: RoomAction) -> bool:
        """True when this target can do ``action`` itself (no manual step)."""

    @abstractmethod
    async def perform(self, request: RoomRequest) -> RoomResult:
        """Do it, or say why not. Never raises for a platform's refusal: returns REFUSED/FAILED."""

    async def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""


class RoomProvider(Protocol):
    """Builds the show's live-room target: from the settings the user sees for a new show
    (``spec=None``), or from the ``spec()`` a show log kept, for a resumed one."""

    async def build(self, spec: dict[str, Any] | None) -> LiveRoom: ...

    def label(self) -> str: ...
