"""What a show action is and what came of it: the kinds, the statuses, each target's answer.

The vocabulary ``studio.show.actions`` (the actions), ``studio.show.sending`` (the write-ahead
sending to every target) and ``studio.show.pad`` share; split out of ``studio.show.actions``,
which re-exports every name here, so ``from studio.show.actions import ActionResult`` keeps working.
"""

from __future__ import annotations

import contextvars
import enum
from dataclasses import dataclass, field

from studio.i18n import translate
from studio.room.base import Outcome, RoomRequest
from studio.show.rules import Verdict
from studio.show.rundown import Interruption

# A target that has not answered by then is reported as failed; the other target's answer stands.
# A live room may bring its own (``LiveRoom.timeout``); the overlay keeps this one.
TARGET_TIMEOUT_SECONDS = 10.0
PUSH_RUNNING = 300047  # WeChat: a goods push is still running in the room; retry after its window
RETRY_AFTER_SECONDS = 3.0

# Who pressed (``"pad"``, ``"hotkey"``, ``"api"`` …) and which pad key, for the show log's
# ``action_intent``/``action_result``; ``studio.show.pad.Pad.run`` sets it around each action.
action_source: contextvars.ContextVar[tuple[str, str]] = contextvars.ContextVar(
    "action_source", default=("", ""))

# Overlay kinds (``on_screen`` keys and show-log values) are the OBS overlays' own ids: studio.obs.names.


class ActionKind(enum.Enum):
    PUSH_PRODUCT = "push_product"  # 商品上屏 + product card
    EXPLAIN = "explain"  # start the product's explanation in the rundown, then push it
    COUPON = "coupon"  # 发券 + banner with countdown
    LOTTERY_START = "lottery_start"  # 发起抽奖 + countdown
    LOTTERY_DRAW = "lottery_draw"  # 开奖
    ANNOUNCEMENT = "announcement"  # 公告 + ticker for 20 s
    TAKE_OFF = "take_off"  # overlay(s) off screen
    NEXT = "next"  # the running order's next step (the first one starts the show)
    GOODS_ON_SALE = "goods_on_sale"  # 上架 the current product
    GOODS_OFF_SALE = "goods_off_sale"  # 下架 the current product
    SUBSCRIBER_PUSH = "subscriber_push"  # 推送本场直播
    END_EXPLAIN = "end_explain"  # 结束讲解 where the room has a 讲解 pop-up (Channels) + card off
    STOCK = "stock"  # 库存 of the current product: a checklist step where the room has no stock call
    ADD_GOODS = "add_goods"  # 导入商品: approved goods onto the room's shelf (the live-room panel)


class ActionStatus(enum.Enum):
    SENT = "sent"  # every target took it (done, or a manual step to tick off)
    PARTIAL = "partial"  # at least one target took it, at least one did not
    FAILED = "failed"  # no target took it
    REFUSED = "refused"  # a platform rule said no: nothing was sent
    ASK = "ask"  # it would interrupt an explanation: nothing was sent; ask, then confirmed=True


ROOM_TARGET, OVERLAY_TARGET, RUNDOWN_TARGET = "room", "overlay", "rundown"


@dataclass(frozen=True)
class TargetResult:
    target: str  # ROOM_TARGET | OVERLAY_TARGET
    name: str  # what the host reads: "Live room", "OBS overlay"
    outcome: Outcome
    message: str = ""  # plain words; for MANUAL the step to do by hand
    manual_step: str | None = None  # the ManualRoom step id to tick off
    next_step: str | None = None  # the room's offer after a refusal: "add_goods", "put_on_sale", "retry" …
    error_code: int | None = None  # the platform's errcode, when there is one
    latency_ms: int | None = None

    @property
    def ok(self) -> bool:
        return self.outcome in (Outcome.DONE, Outcome.MANUAL)


@dataclass(frozen=True)
class ActionResult:
    action: ActionKind
    ref: str  # the plan id (product, coupon, lottery, announcement) or the overlay kind
    title: str  # what it was about, for the host
    status: ActionStatus
    targets: list[TargetResult] = field(default_factory=list)
    refusal: Verdict | None = None  # when REFUSED: reason and allowed_at
    question: Interruption | None = None  # when ASK
    note: str = ""  # when ASK without an interruption (e.g. starting against a room that is not live)
    intent_id: str = ""  # the write-ahead id shared by ``action_intent`` and ``action_result``
    request: RoomRequest | None = field(default=None, compare=False)  # what went to the live room
    retry_after: float | None = None  # the room asked to retry after this many seconds (300047)

    @property
    def message(self) -> str:
        """One line in plain words: the refusal, the question, or each target's outcome."""
        if self.refusal is not None:
            return self.refusal.reason
        if self.question is not None:
            return self.question.message
        if self.note and not self.targets:
            return self.note
        return " · ".join(f"{t.name}: {t.message}" if t.message else t.name for t in self.targets)

    def target(self, target: str) -> TargetResult | None:
        return next((t for t in self.targets if t.target == target), None)


@dataclass
class OnScreen:
    kind: str  # one of OVERLAY_KINDS
    ref: str
    title: str
    shown_at: float
    until: float | None  # None: stays until taken off



def outcome_word(outcome: Outcome) -> str:
    if outcome is Outcome.DONE:
        return translate("ShowActions", "done")
    if outcome is Outcome.MANUAL:
        return translate("ShowActions", "to do by hand")
    if outcome is Outcome.REFUSED:
        return translate("ShowActions", "refused")
    return translate("ShowActions", "failed")

