"""The show clock (节目单): what is on air, for how long against its target, what is next, the timers
that run beside it (lottery, coupon, flash sale, announcement) and the cues before each step.

Event-sourced, so a crash costs nothing: every change is one event, written to the show log
(``sink``, normally ``ShowLog.append``) *before* it is applied, and ``Rundown.resume`` rebuilds
the same state — running timers included, as absolute end times — by replaying the log. Time comes
from the injected ``clock`` (Unix seconds; tests pass a fake); nothing here sleeps.

Using it (GUI, CLI or the actions module)::

    rundown = Rundown(plan, clock=time.time, sink=show_log.append)
    rundown.start_show()                 # on air: first step starts
    rundown.advance()                    # next step; rundown.go_to(step_id) jumps
    rundown.rerun("p3")                  # 返场: the product again, right after the current step
    rundown.move(step_id, 5)             # reorder live (only steps not yet aired)
    rundown.add_loop("l1", "p2", "p4")   # lottery → flash sale → explanation → draw, after current
    view = rundown.view()                # on air, elapsed/target, next, timers, upcoming cues
    for cue in rundown.tick(): ...       # call about once a second: new cues ("开奖 in 30 s")

Before a push, ask the rules and whether it interrupts an explanation (the playbook: don't)::

    verdict = rundown.check_announcement(text)       # studio.show.rules.Verdict
    question = rundown.interruption("lottery")       # None, or what the UI asks the host first
    ... send to the live room / OBS ...
    rundown.announcement_pushed(text)                # record what happened (logs + timers + rules)

``start_lottery``/``draw_lottery``/``coupon_pushed``/``flash_sale_started``/``goods_pushed``/
``goods_on_shelf``/``subscriber_pushed`` record the other actions; ``record(type, **data)`` logs any
other event (scene switches, health) through the same sink. Signals: ``changed()`` after every
event, ``cue(Cue)`` when a cue fires. The data types live in ``studio.show.rundown_types`` and import
from here as before; the rest stays whole (~480 lines) because the commands and the one ``apply``
that replays their events are a single state machine: split, every event would live in two files.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import asdict
from typing import Any

from studio.errors import UserError
from studio.events import Signal
from studio.i18n import translate
from studio.show import rules
from studio.show.plan import Plan, Step
from studio.show.rules import RoomTally, Verdict
from studio.show.rundown_types import (
    CUE_LEAD_SECONDS,
    DONE,
    EXPLAIN_RANGE_SECONDS,
    INTERRUPTING_ACTIONS,
    ON_AIR,
    PENDING,
    SKIPPED,
    Cue,
    Interruption,
    RundownStep,
    RundownView,
    StepView,
    Timer,
    _State,
)

Clock = Callable[[], float]
Sink = Callable[..., dict[str, Any]]

__all__ = ["CUE_LEAD_SECONDS", "DONE", "EXPLAIN_RANGE_SECONDS", "INTERRUPTING_ACTIONS", "ON_AIR", "PENDING",
           "SKIPPED", "Clock", "Cue", "Interruption", "Rundown", "RundownStep", "RundownView", "Sink", "StepView",
           "Timer"]


class Rundown:
    def __init__(self, plan: Plan, clock: Clock = time.time, sink: Sink | None = None,
                 tally: RoomTally | None = None, cue_lead_s: float = CUE_LEAD_SECONDS) -> None:
        self.plan = plan
        self.clock = clock
        self.cue_lead_s = cue_lead_s
        self.rules = tally or RoomTally()
        self.changed = Signal("rundown.changed")
        self.cue = Signal("rundown.cue")
        self._sink = sink
        self._s = _State()
        for step in plan.order:
            self._s.steps.append(self._new_step(step.step, step.ref, plan.step_title(step),
                                                plan.step_target_seconds(step)))

    @classmethod
    def resume(cls, plan: Plan, events: Iterable[dict[str, Any]], clock: Clock = time.time,
               sink: Sink | None = None, tally: RoomTally | None = None) -> Rundown:
        """Rebuild the rundown of a show from its log; new events then go to ``sink``."""
        rundown = cls(plan, clock=clock, sink=None, tally=tally)
        for event in events:
            rundown.apply(event)
        rundown._sink = sink
        return rundown

    # --- reading the state -----------------------------------------------------------------

    @property
    def live(self) -> bool:
        return self._s.live_since is not None and self._s.ended_at is None

    @property
    def ended(self) -> bool:
        """The show was ended (结束直播): its log is closed and it is never offered to resume."""
        return self._s.ended_at is not None

    @property
    def planned_end(self) -> float | None:
        return self._s.planned_end

    @property
    def steps(self) -> list[RundownStep]:
        return list(self._s.steps)

    @property
    def timers(self) -> list[Timer]:
        return sorted(self._s.timers.values(), key=lambda t: t.ends_at)

    @property
    def current(self) -> RundownStep | None:
        return self._step(self._s.current) if self._s.current else None

    @property
    def next_step(self) -> RundownStep | None:
        current = self.current
        start = self._s.steps.index(current) + 1 if current else 0
        return next((s for s in self._s.steps[start:] if s.state == PENDING), None)

    def view(self) -> RundownView:
        now = self.clock()
        current = self.current
        on_air = None
        if current is not None and current.started_at is not None:
            on_air = StepView(current, now - current.started_at, current.target_s)
        since = self._s.live_since
        elapsed = ((self._s.ended_at or now) - since) if since is not None else 0.0
        return RundownView(now, self.live, elapsed, self._s.planned_end, on_air, self.next_step,
                           self.steps, self.timers, [c for c in self._cues() if c.key not in
                                                     self._s.fired_cues and c.at >= now])

    def interruption(self, action: str, ref: str = "") -> Interruption | None:
        """Would ``action`` interrupt the explanation on air? Then return what to ask the host."""
        current = self.current
        if current is None or current.kind != "explain" or action not in INTERRUPTING_ACTIONS:
            return None
        if action == "explain" and ref == current.ref:
            return None  # pushing the product being explained is part of the explanation
        elapsed = self.clock() - (current.started_at or self.clock())
        return Interruption(current, elapsed, translate(
            "Rundown", "“{title}” is being explained ({elapsed} of {target} min). The playbook says not to "
                       "interrupt an explanation. Push anyway?").format(
            title=current.title, elapsed=int(elapsed // 60), target=round(current.target_s / 60)))

    # --- rule checks (pure; nothing is recorded) --------------------------------------------

    def check_announcement(self, text: str) -> Verdict:
        return self.rules.check_announcement(text, self.clock())

    def check_lottery(self, lottery_id: str) -> Verdict:
        lottery = self.plan.lottery(lottery_id)
        minutes = lottery.minutes if lottery else rules.MAX_SHOW_SECONDS / 60
        return self.rules.check_lottery(minutes, self.clock())

    def check_on_shelf(self, goods_id: str) -> Verdict:
        return self.rules.check_on_shelf(goods_id, self.clock())

    def check_subscriber_push(self) -> Verdict:
        return self.rules.check_subscriber_push(self.clock())

    # --- changing the running order -----------------------------------------------------

    def start_show(self) -> None:
        if self._s.live_since is not None:
            raise UserError(translate("Rundown", "The show is already on air."))
        now = self.clock()
        planned_end = now + self.plan.show.planned_minutes * 60
        self._emit("show_started", steps=[asdict(s) for s in self._s.steps], planned_end=planned_end,
                   title=self.plan.show.title)
        first = self.next_step
        if first is not None:
            self._emit("step_started", step=first.id)

    def advance(self) -> RundownStep | None:
        """End what is on air and start the next step; returns it (None at the end of the list)."""
        self._require_live()
        following = self.next_step
        if following is None:
            if self._s.current:
                self._emit("step_ended", step=self._s.current)
            return None
        self._emit("step_started", step=following.id)
        return self._step(following.id)

    def go_to(self, step_id: str) -> RundownStep:
        self._require_live()
        step = self._require_step(step_id)
        if step.state == ON_AIR:
            return step
        self._emit("step_started", step=step_id)
        return step

    def rerun(self, product_id: str, now: bool = False) -> RundownStep:
        """返场: explain ``product_id`` again, right after the current step (or at once)."""
        product = self.plan.product(product_id)
        if product is None:
            raise UserError(translate("Rundown", "No product “{id}” in the plan.").format(id=product_id))
        title = translate("Rundown", "Re-run: {name}").format(name=product.name)
        step = self._insert_after_current([("explain", product_id, title, self._explain_target(product_id),
                                            True)])[0]
        if now and self.live:
            self.go_to(step.id)
        return step

    def add_loop(self, lottery_id: str, flash_product_id: str, explain_product_id: str) -> list[RundownStep]:
        """The playbook's loop after the current step: 10-min lottery → flash sale → explanation → draw."""
        lottery = self.plan.lottery(lottery_id)
        flash = self.plan.product(flash_product_id)
        explain = self.plan.product(explain_product_id)
        if lottery is None or flash is None or explain is None:
            raise UserError(translate("Rundown", "The loop needs a lottery and two products from the plan."))
        return self._insert_after_current([
            ("lottery", lottery_id, lottery.prize, 60.0, False),
            ("flash_sale", flash_product_id, flash.name, 120.0, False),
            ("explain", explain_product_id, explain.name, self._explain_target(explain_product_id), False),
            ("draw", lottery_id, lottery.prize, 60.0, False),
        ])

    def move(self, step_id: str, index: int) -> None:
        """Move a step that has not aired yet to position ``index`` of the whole list."""
        step = self._require_step(step_id)
        if step.state != PENDING:
            raise UserError(translate("Rundown", "“{title}” is on air or done; only later steps can be "
                                                 "moved.").format(title=step.title))
        order = [s.id for s in self._s.steps if s.id != step_id]
        index = max(0, min(index, len(order)))
        earliest = max((i + 1 for i, sid in enumerate(order) if self._step(sid).state != PENDING), default=0)
        order.insert(max(index, earliest), step_id)
        self._emit("steps_reordered", order=order)

    def skip(self, step_id: str) -> RundownStep:
        """Leave a step out; it shows as skipped (never as done) and is no longer next."""
        self._require_live()
        step = self._require_step(step_id)
        if step.state != PENDING:
            raise UserError(translate("Rundown", "“{title}” is on air or done; only a later step can be "
                                                 "skipped.").format(title=step.title))
        self._emit("step_skipped", step=step_id)
        return step

    def end_show(self) -> None:
        self._require_live()
        self._emit("show_ended")

    # --- recording actions (after the live room / OBS answered) ------------------------------

    def announcement_pushed(self, text: str) -> Timer:
        return self._timer("announcement_pushed", "announcement", "", text,
                           rules.ANNOUNCEMENT_SHOWN_SECONDS, text=text)

    def start_lottery(self, lottery_id: str) -> Timer:
        lottery = self.plan.lottery(lottery_id)
        if lottery is None:
            raise UserError(translate("Rundown", "No lottery “{id}” in the plan.").format(id=lottery_id))
        return self._timer("lottery_started", "lottery", lottery_id, lottery.prize, lottery.minutes * 60,
                           lottery=lottery_id)

    def draw_lottery(self, lottery_id: str) -> None:
        self._emit("lottery_drawn", lottery=lottery_id)

    def coupon_pushed(self, coupon_id: str) -> Timer:
        coupon = self.plan.coupon(coupon_id)
        if coupon is None:
            raise UserError(translate("Rundown", "No coupon “{id}” in the plan.").format(id=coupon_id))
        return self._timer("coupon_pushed", "coupon", coupon_id, coupon.name, coupon.minutes * 60,
                           coupon=coupon_id)

    def flash_sale_started(self, product_id: str, minutes: float = 2.0) -> Timer:
        product = self.plan.product(product_id)
        label = product.name if product else product_id
        return self._timer("flash_sale_started", "flash_sale", product_id, label, minutes * 60,
                           product=product_id)

    def goods_pushed(self, product_id: str) -> None:
        self._emit("goods_pushed", product=product_id)

    def goods_on_shelf(self, goods_id: str, on: bool = True) -> None:
        self._emit("goods_on_shelf" if on else "goods_off_shelf", goods_id=goods_id)

    def subscriber_pushed(self) -> None:
        self._emit("subscriber_pushed")

    def stop_timer(self, timer_id: str, reason: str = "stopped") -> None:
        if timer_id in self._s.timers:
            self._emit("timer_ended", timer=timer_id, reason=reason)

    def record(self, type: str, **data: Any) -> None:
        """Log any other event (scene switch, health, action result) in the show's log."""
        self._emit(type, **data)

    # --- the clock ----------------------------------------------------------------------

    def tick(self) -> list[Cue]:
        """Fire due cues and end finished timers. Call about once a second; returns new cues."""
        now = self.clock()
        fired = []
        for cue in self._cues():
            if cue.key in self._s.fired_cues:
                continue
            due = cue.fire_at <= now < cue.at if cue.fire_at < cue.at else cue.at <= now
            if due:
                self._emit("cue", key=cue.key, kind=cue.kind, text=cue.text, at=cue.at)
                fired.append(cue)
                self.cue.emit(cue)
        for timer in self.timers:
            # A lottery stays until it is drawn (the draw is due); other timers just end.
            if timer.kind != "lottery" and timer.ends_at <= now:
                self._emit("timer_ended", timer=timer.id, reason="elapsed")
        return fired

    def _cues(self) -> list[Cue]:
        lead = self.cue_lead_s
        cues: list[Cue] = []
        for timer in self.timers:
            if timer.kind == "lottery":
                cues.append(Cue(f"{timer.id}:lead", "draw", translate(
                    "Rundown", "Draw “{prize}” in {seconds} s").format(prize=timer.label, seconds=int(lead)),
                    timer.ends_at, timer.ends_at - lead,
                    translate("Rundown", "Draw “{prize}”").format(prize=timer.label)))
                cues.append(Cue(f"{timer.id}:now", "draw_now", translate(
                    "Rundown", "Draw “{prize}” now").format(prize=timer.label), timer.ends_at, timer.ends_at))
            elif timer.kind in ("coupon", "flash_sale"):
                cues.append(Cue(f"{timer.id}:lead", "timer_end", translate(
                    "Rundown", "“{name}” ends in {seconds} s").format(name=timer.label, seconds=int(lead)),
                    timer.ends_at, timer.ends_at - lead,
                    translate("Rundown", "“{name}” ends").format(name=timer.label)))
        current = self.current
        if current is not None and current.started_at is not None:
            end = current.started_at + current.target_s
            following = self.next_step
            if following is not None:
                text = translate("Rundown", "Next: {title} in {seconds} s").format(
                    title=following.title, seconds=int(lead))
                cues.append(Cue(f"{current.id}:{current.started_at}:next", "next_step", text, end,
                                end - lead, translate("Rundown", "Next: {title}").format(title=following.title)))
            else:
                cues.append(Cue(f"{current.id}:{current.started_at}:end", "step_end", translate(
                    "Rundown", "“{title}” reaches its target in {seconds} s").format(
                    title=current.title, seconds=int(lead)), end, end - lead,
                    translate("Rundown", "“{title}” reaches its target").format(title=current.title)))
        return sorted(cues, key=lambda c: c.fire_at)

    # --- events -------------------------------------------------------------------------

    def _emit(self, type: str, **data: Any) -> None:
        """Log first (durable), then apply: what is applied is always in the log."""
        if self._sink is not None:
            event = self._sink(type, **data)
        else:
            event = {"ts": self.clock(), "type": type, **data}
        self.apply(event)

    def apply(self, event: dict[str, Any]) -> None:
        """Apply one logged event. Unknown types (scene switches, health …) are ignored."""
        s = self._s
        kind = event.get("type")
        at = float(event.get("ts", 0.0))
        if kind == "show_started":
            s.steps = [RundownStep(**step) for step in event.get("steps", [])]
            s.next_number = 1
            for x in s.steps:
                self._bump(x.id)
            s.live_since, s.ended_at = at, None
            s.planned_end = event.get("planned_end")
            self.rules.record_live(at, s.planned_end)
        elif kind == "step_started":
            self._end_current(at)
            step = self._step(event["step"])
            # Jumping ahead leaves the steps in between out: skipped, not done.
            for earlier in s.steps[:s.steps.index(step)]:
                if earlier.state == PENDING:
                    earlier.state = SKIPPED
            step.state, step.started_at, step.ended_at = ON_AIR, at, None
            s.current = step.id
        elif kind == "step_skipped":
            skipped = self._step(event["step"])
            if skipped.state == PENDING:
                skipped.state = SKIPPED
        elif kind == "step_ended":
            self._end_current(at)
        elif kind == "steps_inserted":
            after = event.get("after")
            new = [RundownStep(**step) for step in event["steps"]]
            position = next((i + 1 for i, x in enumerate(s.steps) if x.id == after), 0) if after else 0
            if after is None:
                position = next((i for i, x in enumerate(s.steps) if x.state == PENDING), len(s.steps))
            s.steps[position:position] = new
            for x in new:
                self._bump(x.id)
        elif kind == "steps_reordered":
            by_id = {x.id: x for x in s.steps}
            s.steps = [by_id[i] for i in event["order"] if i in by_id] + \
                      [x for x in s.steps if x.id not in event["order"]]
        elif kind == "timer_started":
            timer = Timer(**event["timer"])
            s.timers[timer.id] = timer
            self._bump(timer.id)
        elif kind in ("announcement_pushed", "lottery_started", "coupon_pushed", "flash_sale_started"):
            if kind == "announcement_pushed":
                self.rules.record_announcement(at)
            elif kind == "lottery_started":
                self.rules.record_lottery()
            timer_data = event.get("timer")
            if timer_data:
                timer = Timer(**timer_data)
                s.timers[timer.id] = timer
                self._bump(timer.id)
        elif kind == "lottery_drawn":
            for timer in [t for t in s.timers.values() if t.kind == "lottery" and t.ref == event["lottery"]]:
                del s.timers[timer.id]
        elif kind == "timer_ended":
            s.timers.pop(event["timer"], None)
        elif kind == "goods_on_shelf":
            self.rules.record_on_shelf(str(event["goods_id"]))
        elif kind == "goods_off_shelf":
            self.rules.record_off_shelf(str(event["goods_id"]))
        elif kind == "subscriber_pushed":
            self.rules.record_subscriber_push(at)
        elif kind == "cue":
            s.fired_cues.add(str(event["key"]))
        elif kind == "show_ended":
            self._end_current(at)
            s.ended_at = at
            s.timers.clear()
        self.changed.emit()

    # --- helpers ------------------------------------------------------------------------

    def _timer(self, event_type: str, kind: str, ref: str, label: str, seconds: float,
               **data: Any) -> Timer:
        now = self.clock()
        timer = Timer(self._take_id("t"), kind, ref, label, now, now + seconds)
        self._emit(event_type, timer=asdict(timer), **data)
        return timer

    def _insert_after_current(self, specs: list[tuple[str, str, str, float, bool]]) -> list[RundownStep]:
        new = [self._new_step(kind, ref, title, target, rerun) for kind, ref, title, target, rerun in specs]
        self._emit("steps_inserted", after=self._s.current, steps=[asdict(x) for x in new])
        return [self._step(x.id) for x in new]

    def _new_step(self, kind: str, ref: str, title: str, target_s: float, rerun: bool = False) -> RundownStep:
        return RundownStep(self._take_id("s"), kind, ref, title, target_s, rerun)

    def _take_id(self, prefix: str) -> str:
        # One counter for steps and timers keeps ids unique in the log whatever their kind.
        number = self._s.next_number
        self._s.next_number += 1
        return f"{prefix}{number}"

    def _bump(self, ident: str) -> None:
        """Keep the id counter past every id seen in the log (steps ``s7``, timers ``t8``)."""
        if ident[1:].isdigit():
            self._s.next_number = max(self._s.next_number, int(ident[1:]) + 1)

    def _explain_target(self, product_id: str) -> float:
        return self.plan.step_target_seconds(Step("explain", product_id))

    def _end_current(self, at: float) -> None:
        if self._s.current:
            step = self._step(self._s.current)
            step.state, step.ended_at = DONE, at
            self._s.current = None

    def _step(self, step_id: str) -> RundownStep:
        for step in self._s.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def _require_step(self, step_id: str) -> RundownStep:
        try:
            return self._step(step_id)
        except KeyError:
            raise UserError(translate("Rundown", "No step “{id}” in the running order.").format(
                id=step_id)) from None

    def _require_live(self) -> None:
        if not self.live:
            raise UserError(translate("Rundown", "The show is not on air. Start the show first."))
