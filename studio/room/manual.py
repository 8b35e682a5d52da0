"""ManualRoom: the live-room target for rooms without a push API (WeChat Channels 视频号).

Nothing is sent. Each action becomes a ``ManualStep`` that says, in a host's words, what to do in
the platform's own tool (the live console or the anchor app); the assistant does it and ticks it
off. ``perform`` returns ``Outcome.MANUAL`` at once with that instruction, so the action pad can show
it next to the button; ``pending`` lists the steps still open, ``tick(step_id)`` closes one, and
``changed`` fires on both. ``on_tick`` (optional) is called with each ticked step, e.g. to write it
to the show log.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass

from studio.events import Signal
from studio.i18n import QT_TRANSLATE_NOOP, translate
from studio.room.base import LiveRoom, Outcome, RoomAction, RoomRequest, RoomResult

# What to do by hand, per action (translated when shown). {title} is the product, coupon,
# prize or announcement text.
_INSTRUCTIONS = {
    RoomAction.PUSH_GOODS: QT_TRANSLATE_NOOP(
        "ManualRoom", "Push “{title}” to the screen (商品上屏) in the live console or the anchor app."),
    RoomAction.GOODS_ON_SALE: QT_TRANSLATE_NOOP(
        "ManualRoom", "Put “{title}” on the shelf (上架) in the live console."),
    RoomAction.GOODS_OFF_SALE: QT_TRANSLATE_NOOP(
        "ManualRoom", "Take “{title}” off the shelf (下架) in the live console."),
    RoomAction.END_EXPLAIN: QT_TRANSLATE_NOOP(
        "ManualRoom", "End the explanation of “{title}” (结束讲解) in the live console."),
    RoomAction.ADD_GOODS: QT_TRANSLATE_NOOP(
        "ManualRoom", "Add “{title}” to the room's goods (导入商品) in the live console."),
    RoomAction.COUPON: QT_TRANSLATE_NOOP(
        "ManualRoom", "Send the coupon “{title}” (推送优惠券) in the live console or the anchor app."),
    RoomAction.LOTTERY_START: QT_TRANSLATE_NOOP(
        "ManualRoom", "Start the lottery “{title}” (发起抽奖) in the anchor app."),
    RoomAction.LOTTERY_DRAW: QT_TRANSLATE_NOOP(
        "ManualRoom", "Draw the lottery “{title}” (开奖); keep the anchor app in front until it is done."),
    RoomAction.ANNOUNCEMENT: QT_TRANSLATE_NOOP(
        "ManualRoom", "Send the announcement (公告) in the live console: “{title}”."),
    RoomAction.SUBSCRIBER_PUSH: QT_TRANSLATE_NOOP(
        "ManualRoom", "Press “推送本场直播” in the live console (once a day)."),
    RoomAction.STOCK: QT_TRANSLATE_NOOP(
        "ManualRoom", "Change the stock (库存) of “{title}” in the shop's own back end."),
}


@dataclass
class ManualStep:
    id: str
    action: RoomAction
    title: str
    instruction: str  # translated
    created_at: float
    done_at: float | None = None

    @property
    def done(self) -> bool:
        return self.done_at is not None


class ManualRoom(LiveRoom):
    def __init__(self, name: str = "", clock: Callable[[], float] = time.time,
                 on_tick: Callable[[ManualStep], None] | None = None) -> None:
        self.name = name or translate("ManualRoom", "Manual (checklist)")
        self.changed = Signal("manual_room.changed")
        self._clock = clock
        self._on_tick = on_tick
        self._steps: list[ManualStep] = []
        self._ids = itertools.count(1)

    timeout = 2.0

    @property
    def target_label(self) -> str:
        return translate("ManualRoom", "Manual checklist (手动清单)")

    def spec(self) -> dict[str, object]:
        return {"kind": "manual", "label": self.target_label}

    def supports(self, action: RoomAction) -> bool:
        return False  # nothing is done by the console itself: every action is a person's step

    def instruction(self, request: RoomRequest) -> str:
        """What to do by hand for ``request`` (a room may say it more exactly for its platform)."""
        return translate("ManualRoom", _INSTRUCTIONS[request.action]).format(title=request.title)

    async def perform(self, request: RoomRequest) -> RoomResult:
        instruction = self.instruction(request)
        step = ManualStep(f"m{next(self._ids)}", request.action, request.title, instruction, self._clock())
        self._steps.append(step)
        self.changed.emit()
        return RoomResult(self.name, Outcome.MANUAL, instruction, next_step=step.id)

    @property
    def pending(self) -> list[ManualStep]:
        return [s for s in self._steps if not s.done]

    @property
    def steps(self) -> list[ManualStep]:
        return list(self._steps)

    def restore(self, steps: list[ManualStep]) -> None:
        """The checklist as the show log had it (a resumed show); new ids go on after them."""
        self._steps = list(steps)
        top = max((int(s.id[1:]) for s in self._steps if s.id[1:].isdigit()), default=0)
        self._ids = itertools.count(top + 1)
        self.changed.emit()

    def tick(self, step_id: str) -> ManualStep:
        """The assistant did it. Ticking twice is harmless."""
        step = next((s for s in self._steps if s.id == step_id), None)
        if step is None:
            raise KeyError(step_id)
        if step.done_at is None:
            step.done_at = self._clock()
            if self._on_tick is not None:
                self._on_tick(step)
            self.changed.emit()
        return step
