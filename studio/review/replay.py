"""The show log replayed into the review's timeline: steps planned against actual, moments, timer
spans, lotteries, the faults the log itself records, and the gaps in the rhythm. Blocking (file I/O).
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from studio.i18n import translate
from studio.review.types import Fault, Gap, LotteryReview, Moment, Review, Skipped, Span, StepRow
from studio.show.log import read_log

# A span with nothing running at least this long is a gap in the rhythm (playbook §3).
GAP_MIN_S = 60.0
# A gap in the show log longer than this before ``show_resumed`` is the console being down.
RESUME_GAP_MIN_S = 1.0

_ACTION_MOMENT = {"push_product": "push", "explain": "push", "coupon": "coupon", "lottery_start": "lottery_start",
                  "lottery_draw": "lottery_draw", "announcement": "announcement"}


def read_events(path: Path, review: Review) -> list[dict[str, Any]]:
    name = path.name
    try:
        contents = read_log(path)
    except OSError as e:
        review.skipped.append(Skipped(name, translate("Review", "The show log could not be read: {reason}").format(
            reason=getattr(e, "strerror", None) or e)))
        return []
    if contents.bad_lines:
        lines = ", ".join(str(n) for n in contents.bad_lines[:20]) + (" …" if len(contents.bad_lines) > 20 else "")
        review.skipped.append(Skipped(name, translate(
            "Review", "{count} unreadable line(s) of the show log were skipped (line {lines}).").format(
            count=len(contents.bad_lines), lines=lines)))
    if contents.torn_tail:
        review.skipped.append(Skipped(name, translate(
            "Review", "The last line of the show log was cut off (the console stopped while writing it) and "
                      "was skipped.")))
    events = [e for e in contents.events if isinstance(e.get("ts"), (int, float))]
    if len(events) < len(contents.events):
        review.skipped.append(Skipped(name, translate(
            "Review", "{count} event(s) without a time were skipped.").format(
            count=len(contents.events) - len(events))))
    seqs: list[int] = [int(e["seq"]) for e in events if isinstance(e.get("seq"), int)]
    lost = 0
    for before, after in itertools.pairwise(seqs):
        if after > before + 1:
            lost += after - before - 1
    if lost:
        review.skipped.append(Skipped(name, translate(
            "Review", "{count} event(s) are missing from the show log (gaps in its numbering).").format(count=lost)))
    review.events_read = len(events)
    return events


class Replay:
    """Walks the show log once, in order, and fills the review's timeline."""

    def __init__(self, review: Review) -> None:
        self.r = review
        self.steps: dict[str, StepRow] = {}
        self.order: list[str] = []
        self.current: str | None = None
        self.current_since = 0.0
        self.timers: dict[str, Span] = {}
        self.open_lotteries: list[LotteryReview] = []
        self.cards: dict[str, float] = {}  # product ref → shown at
        self.card_until: dict[str, float | None] = {}
        self.on_screen: dict[str, float] = {}
        self.names: dict[str, str] = {}
        self.intents: dict[str, dict[str, Any]] = {}
        self.obs_down: float | None = None
        self.stream_off: float | None = None
        self.latencies: list[float] = []
        self.failed_calls: set[str] = set()
        self.last_ts: float | None = None
        self.unknown: dict[str, int] = {}

    def run(self, events: list[dict[str, Any]]) -> None:
        r = self.r
        for number, event in enumerate(events):
            try:
                self.apply(event)
            except (KeyError, TypeError, ValueError) as e:
                r.skipped.append(Skipped(Path(r.log_path).name, translate(
                    "Review", "Event {seq} (“{type}”) is incomplete and was skipped ({detail}).").format(
                    seq=event.get("seq", number + 1), type=event.get("type", "?"), detail=e)))
            self.last_ts = float(event["ts"])
        if r.start is None:
            if events:
                r.skipped.append(Skipped(Path(r.log_path).name, translate(
                    "Review", "The show log has no start of the show; the timeline begins at its first event.")))
                r.start = float(events[0]["ts"])
            else:
                r.skipped.append(Skipped(Path(r.log_path).name, translate(
                    "Review", "The show log holds no readable event: there is nothing to review.")))
                return
        if r.end is None:
            r.end = self.last_ts if self.last_ts is not None else r.start
            r.skipped.append(Skipped(Path(r.log_path).name, translate(
                "Review", "The show log has no end of the show (the console stopped, or the show is still on "
                          "air): the review ends at its last event, {at}.").format(at=r.local(r.end))))
        end = r.end
        if self.current is not None:
            self._close_step(end, "on_air_at_end")
        for timer in list(self.timers.values()):
            timer.end = min(timer.end, end) if timer.end > timer.start else end
            r.spans.append(timer)
        self.timers.clear()
        for lottery in self.open_lotteries:
            r.spans.append(Span(lottery.start, end, "lottery", lottery.prize, lottery.ref, "timer"))
        for ref, shown in self.cards.items():
            until = self.card_until.get(ref)
            self.on_screen[ref] = self.on_screen.get(ref, 0.0) + max(0.0, min(until or end, end) - shown)
        if self.obs_down is not None:
            self._fault("obs_gone", self.obs_down, end, translate("Review", "OBS not connected"))
        if self.stream_off is not None and self.stream_off < end:
            self._fault("stream_off", self.stream_off, end, translate("Review", "Stream off during the show"))
        for intent in self.intents.values():
            at = float(intent["ts"])
            self._fault("outcome_unknown", at, at, translate(
                "Review", "“{action}” was sent but its outcome was never logged: check it in the platform").format(
                action=intent.get("action", "?")))
        # In the order they aired; steps that never aired (skipped) after them, in plan order.
        aired = sorted((self.steps[i] for i in self.order if self.steps[i].windows), key=lambda x: x.windows[0][0])
        r.steps = aired + [self.steps[i] for i in self.order if not self.steps[i].windows]
        r.on_screen = dict(self.on_screen)
        r.names = dict(self.names)
        r.spans.sort(key=lambda s: (s.start, s.lane))
        r.moments.sort(key=lambda m: m.at)
        r.gaps = _gaps(r.spans, r.start, end)
        if self.latencies:
            ordered = sorted(self.latencies)
            r.room_latency_ms = ordered[len(ordered) // 2]

    # --- one event -----------------------------------------------------------------------------

    def apply(self, e: dict[str, Any]) -> None:
        r = self.r
        kind = str(e["type"])
        at = float(e["ts"])
        if kind == "show_started":
            if r.start is None:
                r.start = at
                r.title = str(e.get("title", ""))
                room = e.get("room") or e.get("room_id") or e.get("target") or ""
                r.room = str(room.get("name", "") if isinstance(room, dict) else room)
                planned = e.get("planned_end")
                r.planned_end = float(planned) if planned is not None else None
            for step in e.get("steps", []):
                self._add_step(step, "end")
        elif kind == "show_resumed":
            before = self.last_ts
            if before is not None and at - before >= RESUME_GAP_MIN_S:
                self._fault("console_down", before, at, translate(
                    "Review", "The console stopped and the show was resumed (nothing was logged meanwhile)"))
            r.moments.append(Moment(at, "resumed", translate("Review", "Show resumed")))
        elif kind == "step_started":
            self._close_step(at, "done")
            step_id = str(e["step"])
            if step_id not in self.steps:
                self._add_step({"id": step_id, "kind": "segment", "ref": "", "title": step_id, "target_s": 0}, None)
            self.current, self.current_since = step_id, at
            step = self.steps[step_id]
            if step.rerun:
                r.moments.append(Moment(at, "rerun", translate("Review", "Re-run: {title}").format(
                    title=self.names.get(step.ref, step.title)), step.ref))
        elif kind == "step_ended":
            self._close_step(at, "done")
        elif kind == "steps_inserted":
            after = e.get("after")
            for step in e.get("steps", []):
                self._add_step(step, after)
                after = step.get("id")
        elif kind == "steps_reordered":
            wanted = [str(i) for i in e.get("order", []) if i in self.steps]
            self.order = wanted + [i for i in self.order if i not in wanted]
        elif kind == "show_ended":
            self._close_step(at, "done")
            r.end = at
            r.ended_cleanly = True
        elif kind in ("lottery_started", "coupon_pushed", "flash_sale_started", "announcement_pushed"):
            self._timer_event(kind, at, e)
        elif kind == "lottery_drawn":
            ref = str(e["lottery"])
            lottery = next((x for x in self.open_lotteries if x.ref == ref), None)
            if lottery is not None:
                lottery.draw = at
                self.open_lotteries.remove(lottery)
                r.spans.append(Span(lottery.start, at, "lottery", lottery.prize, ref, "timer"))
                for tid, timer in list(self.timers.items()):
                    if timer.kind == "lottery" and timer.ref == ref:
                        del self.timers[tid]
            r.moments.append(Moment(at, "lottery_draw", translate("Review", "Draw: {prize}").format(
                prize=lottery.prize if lottery else ref), ref))
        elif kind == "timer_ended":
            ended = self.timers.pop(str(e["timer"]), None)
            if ended is not None:
                ended.end = at
                r.spans.append(ended)
        elif kind == "goods_pushed":
            ref = str(e["product"])
            r.moments.append(Moment(at, "push", translate("Review", "On screen: {name}").format(
                name=self.names.get(ref, ref)), ref, "sent"))
        elif kind == "overlay_shown":
            if e.get("overlay") == "product_card":
                ref = str(e.get("ref", ""))
                self.names.setdefault(ref, str(e.get("title") or ref))
                self._card_off(at)
                self.cards[ref] = at
                until = e.get("until")
                self.card_until[ref] = float(until) if until is not None else None
        elif kind == "overlay_hidden":
            if e.get("overlay") == "product_card":
                self._card_off(at)
        elif kind == "action_result":
            self._action_result(at, e)
        elif kind == "action_intent":
            if e.get("intent_id") is not None:
                self.intents[str(e["intent_id"])] = e
        elif kind == "scene_switched":
            scene = e.get("scene") or e.get("scene_name") or e.get("sceneName") or e.get("name") or ""
            r.moments.append(Moment(at, "scene", translate("Review", "Scene: {scene}").format(scene=scene)))
        elif kind == "stream_started":
            r.moments.append(Moment(at, "stream_started", translate("Review", "Stream started")))
            if self.stream_off is not None:
                self._fault("stream_off", self.stream_off, at, translate("Review", "Stream off during the show"))
                self.stream_off = None
        elif kind == "stream_stopped":
            r.moments.append(Moment(at, "stream_stopped", translate("Review", "Stream stopped")))
            # Stopped on purpose (the host's button) is no fault; a stream that dropped is.
            if r.start is not None and not r.ended_cleanly and not e.get("on_purpose", False):
                self.stream_off = at
        elif kind == "room_target":
            target = e.get("target")
            if isinstance(target, dict):
                r.room = str(target.get("label") or target.get("room_id") or target.get("kind") or r.room)
        elif kind == "obs_disconnected":
            if self.obs_down is None:
                self.obs_down = at
        elif kind == "obs_reconnected":
            if self.obs_down is not None:
                self._fault("obs_gone", self.obs_down, at, translate("Review", "OBS not connected"))
                self.obs_down = None
        elif kind == "room_call":
            self.r.room_calls += 1
            latency = e.get("latency_ms")
            if isinstance(latency, (int, float)):
                self.latencies.append(float(latency))
            failed = e.get("ok") is False or str(e.get("outcome", "")) in ("failed", "refused", "error") or \
                bool(e.get("error"))
            if failed:
                if e.get("intent_id") is not None:
                    self.failed_calls.add(str(e["intent_id"]))
                detail = e.get("message") or e.get("error") or e.get("errmsg") or ""
                self._fault("room_failed", at, at, translate("Review", "Live-room call failed: {what} {detail}").format(
                    what=e.get("action") or e.get("call") or "", detail=detail).strip())
        elif "expired" in kind:
            self._fault("key_expired", at, at, translate(
                "Review", "The push key expired or was about to: {detail}").format(
                    detail=e.get("message") or e.get("room") or kind))
        elif kind == "health_changed":
            # The health record has the samples; these verdicts stand in only when it is missing.
            r.health_verdicts.append((at, str(e.get("level", "")), str(e.get("reason", ""))))
        else:
            self.unknown[kind] = self.unknown.get(kind, 0) + 1

    # --- helpers ---------------------------------------------------------------------------------

    def _add_step(self, data: dict[str, Any], after: Any) -> None:
        step_id = str(data["id"])
        if step_id in self.steps:
            return
        kind, ref = str(data.get("kind", "segment")), str(data.get("ref", ""))
        title = str(data.get("title", "") or ref or step_id)
        rerun = bool(data.get("rerun", False))
        self.steps[step_id] = StepRow(step_id, kind, ref, title, rerun, float(data.get("target_s") or 0.0))
        if kind in ("explain", "flash_sale") and not rerun and ref:
            self.names.setdefault(ref, title)
        if after != "end" and after is not None and str(after) in self.order:
            self.order.insert(self.order.index(str(after)) + 1, step_id)
        elif after is None and self.current is None:
            # Inserted "after the current step" with none on air: before the first step not yet aired.
            position = next((i for i, sid in enumerate(self.order) if not self.steps[sid].windows
                             and sid != step_id), len(self.order))
            self.order.insert(position, step_id)
        else:
            self.order.append(step_id)

    def _close_step(self, at: float, status: str) -> None:
        if self.current is None:
            return
        step = self.steps[self.current]
        step.windows.append((self.current_since, at))
        step.status = status
        self.r.spans.append(Span(self.current_since, at, step.kind, step.title, step.ref, "step"))
        self.current = None

    def _timer_event(self, kind: str, at: float, e: dict[str, Any]) -> None:
        r = self.r
        timer = e.get("timer") or {}
        timer_kind = {"lottery_started": "lottery", "coupon_pushed": "coupon", "flash_sale_started": "flash_sale",
                      "announcement_pushed": "announcement"}[kind]
        ref = str(timer.get("ref") or e.get("lottery") or e.get("coupon") or e.get("product") or "")
        label = str(timer.get("label") or e.get("text") or ref)
        ends = float(timer.get("ends_at", at))
        if timer_kind == "lottery":
            self.open_lotteries.append(LotteryReview(ref, label, at, None))
            r.lotteries.append(self.open_lotteries[-1])
            r.moments.append(Moment(at, "lottery_start", translate("Review", "Lottery: {prize}").format(prize=label),
                                    ref))
            return
        span = Span(at, ends, timer_kind, label, ref, "timer")
        if timer.get("id"):
            self.timers[str(timer["id"])] = span
        else:
            r.spans.append(span)
        words = {"coupon": translate("Review", "Coupon: {label}"),
                 "flash_sale": translate("Review", "Flash sale: {label}"),
                 "announcement": translate("Review", "Announcement: {label}")}[timer_kind]
        r.moments.append(Moment(at, timer_kind, words.format(label=label), ref))

    def _card_off(self, at: float) -> None:
        for ref, shown in list(self.cards.items()):
            until = self.card_until.get(ref)
            end = min(at, until) if until is not None else at
            self.on_screen[ref] = self.on_screen.get(ref, 0.0) + max(0.0, end - shown)
            del self.cards[ref]

    def _action_result(self, at: float, e: dict[str, Any]) -> None:
        intent = e.get("intent_id")
        if intent is not None:
            self.intents.pop(str(intent), None)
        status = str(e.get("status", ""))
        action = str(e.get("action", ""))
        ref = str(e.get("ref", ""))
        # The moment of this action (logged just before by the rundown) gets its outcome.
        moment_kind = _ACTION_MOMENT.get(action)
        matched = False
        for moment in reversed(self.r.moments):
            if moment.at < at - 1:
                break
            if moment.kind == moment_kind and not moment.status:
                moment.status, matched = status, True
                break
        if not matched and moment_kind == "push" and status in ("failed", "partial", "refused"):
            # The live room did not take it, so no goods_pushed: the attempt is still a moment.
            self.r.moments.append(Moment(at, "push", translate("Review", "On screen (not taken by the live "
                                                                         "room): {name}").format(
                name=self.names.get(ref, ref)), ref, status))
        for target in e.get("targets", []) or []:
            if target.get("outcome") != "failed":
                continue
            what = self.names.get(ref, ref)
            if target.get("target") == "room":
                if intent is not None and str(intent) in self.failed_calls:
                    continue  # its room_call is already a fault
                self._fault("room_failed", at, at, translate("Review", "Live room did not take “{action}” ({what}): "
                                                                       "{message}").format(
                    action=action, what=what, message=target.get("message", "")))
            else:
                self._fault("overlay_failed", at, at, translate("Review", "OBS overlay failed for “{action}” "
                                                                          "({what}): {message}").format(
                    action=action, what=what, message=target.get("message", "")))

    def _fault(self, kind: str, start: float, end: float, label: str) -> None:
        self.r.faults.append(Fault(kind, start, end, label, "log"))


def _gaps(spans: list[Span], start: float, end: float) -> list[Gap]:
    """Spans of the show in which no step was on air and no timer ran (at least GAP_MIN_S)."""
    busy = sorted((max(s.start, start), min(s.end, end)) for s in spans if s.end > s.start)
    gaps: list[Gap] = []
    cursor = start
    for a, b in busy:
        if a - cursor >= GAP_MIN_S:
            gaps.append(Gap(cursor, a))
        cursor = max(cursor, b)
    if end - cursor >= GAP_MIN_S:
        gaps.append(Gap(cursor, end))
    return gaps
