"""The review after the show (复盘) as plain data: what was on air when, per product, the rhythm,
the technical faults — computed from the show log and the health record, plus the platform's data
when it was imported. The window, the HTML file and the PDF only render this model.

    review = build_review(log_path, health_paths=None, platform=None, tz=None)
    review.steps / moments / spans / gaps        the timeline (planned against actual)
    review.products                              windows (返场 included), pushes, time on screen, sales
    review.lotteries                             start, draw, how long viewers were held, online count
    review.faults                                start, duration, what was on air
    review.health                                the bitrate / dropped-frames series (gaps stay gaps)
    review.skipped                               what could not be read, in plain words
    review.as_dict()                             JSON for the CLI (the health series thinned)

``health_paths=None`` looks for the show's health files in ``studio.health.record.health_dir()``
(every file whose samples overlap the show: a crash and resume leaves two). Nothing here is
interpolated: a minute or a sample that is not on disk is reported as missing.

Blocking (file I/O): from the GUI call it through ``asyncio.to_thread``.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from studio.health.record import health_dir
from studio.i18n import translate
from studio.review.platform import PlatformData, tz_label
from studio.show.log import LOG_SUFFIX, read_log

# A span with nothing running at least this long is a gap in the rhythm (playbook §3).
GAP_MIN_S = 60.0
# A step that ran this much past its target counts as an overrun.
OVERRUN_GRACE_S = 30.0
# Health faults: figures sustained this long.
LOW_KBPS = 800.0
LOW_BITRATE_MIN_S = 10.0
CONGESTION_LEVEL = 0.5
CONGESTION_MIN_S = 10.0
DROPPED_PCT_LEVEL = 1.0
# Health samples further apart than this leave a gap (missing, never joined by a line).
SAMPLE_GAP_S = 3.0
# A gap in the show log longer than this before ``show_resumed`` is the console being down.
RESUME_GAP_MIN_S = 1.0

_ACTION_MOMENT = {"push_product": "push", "explain": "push", "coupon": "coupon", "lottery_start": "lottery_start",
                  "lottery_draw": "lottery_draw", "announcement": "announcement"}
PLAY_KINDS = ("explain", "flash_sale", "lottery", "draw", "coupon", "announcement", "segment")
TIMER_KINDS = ("lottery", "coupon", "flash_sale", "announcement")


@dataclass
class Skipped:
    source: str  # the file
    what: str  # plain words: what was skipped and why


@dataclass
class StepRow:
    id: str
    kind: str
    ref: str
    title: str
    rerun: bool
    planned_s: float
    windows: list[tuple[float, float]] = field(default_factory=list)
    status: str = "skipped"  # done | skipped | on_air_at_end

    @property
    def actual_s(self) -> float:
        return sum(end - start for start, end in self.windows)

    @property
    def start(self) -> float | None:
        return self.windows[0][0] if self.windows else None

    @property
    def end(self) -> float | None:
        return self.windows[-1][1] if self.windows else None

    @property
    def overrun_s(self) -> float:
        return self.actual_s - self.planned_s if self.windows else 0.0

    @property
    def overrun(self) -> bool:
        return bool(self.windows) and self.overrun_s > OVERRUN_GRACE_S


@dataclass
class Moment:
    at: float
    kind: str  # push | coupon | lottery_start | lottery_draw | announcement | rerun | flash_sale | scene |
    #            stream_started | stream_stopped | resumed | step
    label: str
    ref: str = ""
    status: str = ""  # the action's outcome when logged: sent | partial | failed | refused …


@dataclass
class Span:
    start: float
    end: float
    kind: str  # a step kind, or a timer kind
    label: str
    ref: str = ""
    lane: str = "step"  # step | timer


@dataclass
class Gap:
    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass
class Metric:
    """A platform figure summed over some buckets; ``None`` when no bucket had a value."""

    value: float | None
    buckets: int  # buckets of the platform's grid in the span
    with_data: int  # of which the platform had a value

    @property
    def complete(self) -> bool:
        return self.buckets > 0 and self.with_data == self.buckets

    @property
    def missing(self) -> int:
        return self.buckets - self.with_data


@dataclass
class Window:
    start: float
    end: float
    kind: str  # explain | flash_sale
    rerun: bool
    step: str
    online_start: float | None = None
    online_end: float | None = None
    visitors: Metric | None = None
    clicks: Metric | None = None
    orders: Metric | None = None
    revenue: Metric | None = None

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass
class ProductReview:
    ref: str
    name: str
    windows: list[Window] = field(default_factory=list)
    pushes: list[tuple[float, str]] = field(default_factory=list)  # (time, status)
    on_screen_s: float = 0.0  # the product card on screen (overlay shown → hidden)
    visitors: Metric | None = None  # summed over every explain window
    clicks: Metric | None = None
    orders: Metric | None = None
    revenue: Metric | None = None
    platform: dict[str, float | None] | None = None  # the by-product export's whole-show row
    rank: int | None = None  # by revenue while explained (1 = best); None without platform data

    @property
    def explained_s(self) -> float:
        return sum(w.seconds for w in self.windows if w.kind == "explain")

    @property
    def reruns(self) -> int:
        return sum(1 for w in self.windows if w.rerun)

    @property
    def conversion_pct(self) -> float | None:
        """Orders per click while it was explained (点击成交转化率), when both were counted."""
        if self.orders is None or self.clicks is None or self.orders.value is None or not self.clicks.value:
            return None
        return self.orders.value * 100.0 / self.clicks.value

    @property
    def orders_per_min(self) -> float | None:
        if self.orders is None or self.orders.value is None or self.explained_s <= 0:
            return None
        return self.orders.value / (self.explained_s / 60.0)


@dataclass
class LotteryReview:
    ref: str
    prize: str
    start: float
    draw: float | None  # None: never drawn in the log
    online_start: float | None = None
    online_draw: float | None = None
    online_peak: float | None = None  # the highest online count between start and draw

    @property
    def held_s(self) -> float | None:
        return None if self.draw is None else self.draw - self.start


@dataclass
class Fault:
    kind: str  # obs_gone | reconnecting | low_bitrate | congestion | dropped_frames | stream_off |
    #            console_down | room_failed | overlay_failed | key_expired | outcome_unknown
    start: float
    end: float
    label: str  # plain words
    source: str  # health | log
    on_air: str = ""  # the step on air when it began

    @property
    def seconds(self) -> float:
        return self.end - self.start


@dataclass
class HealthSeries:
    times: list[float] = field(default_factory=list)
    kbps: list[float | None] = field(default_factory=list)  # None: not measured / outage
    dropped_pct: list[float | None] = field(default_factory=list)
    congestion: list[float | None] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    missing: list[tuple[float, float]] = field(default_factory=list)  # spans with no sample, show on air

    def index_at(self, at: float) -> int:
        import bisect
        return max(0, min(len(self.times) - 1, bisect.bisect_left(self.times, at)))


@dataclass
class Review:
    log_path: str
    title: str = ""
    room: str = ""  # the live room the show went to, when the log names it
    tz_label: str = ""
    start: float | None = None
    end: float | None = None
    planned_end: float | None = None
    ended_cleanly: bool = False  # the log has ``show_ended``
    steps: list[StepRow] = field(default_factory=list)
    moments: list[Moment] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    products: list[ProductReview] = field(default_factory=list)
    lotteries: list[LotteryReview] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    health: HealthSeries = field(default_factory=HealthSeries)
    platform: PlatformData | None = None
    skipped: list[Skipped] = field(default_factory=list)
    events_read: int = 0
    room_calls: int = 0
    room_latency_ms: float | None = None  # median of the logged room calls
    health_verdicts: list[tuple[float, str, str]] = field(default_factory=list)  # (time, level, reason) logged
    on_screen: dict[str, float] = field(default_factory=dict)  # product ref → seconds its card was up
    names: dict[str, str] = field(default_factory=dict)  # product ref → name, as the log gave it
    tz: tzinfo = field(default=UTC, repr=False)

    @property
    def duration_s(self) -> float:
        return (self.end - self.start) if self.start is not None and self.end is not None else 0.0

    @property
    def planned_s(self) -> float | None:
        return (self.planned_end - self.start) if self.planned_end and self.start is not None else None

    def local(self, at: float, fmt: str = "%H:%M:%S") -> str:
        return datetime.fromtimestamp(at, self.tz).strftime(fmt)

    def on_air_at(self, at: float) -> str:
        for step in self.steps:
            for start, end in step.windows:
                if start <= at < end:
                    return step.title
        return ""

    def platform_totals(self) -> dict[str, float | None]:
        """Sums over the platform's minutes inside the show (None when it had none)."""
        out: dict[str, float | None] = {}
        if self.platform is None or self.start is None or self.end is None:
            return out
        for key in ("visitors", "clicks", "orders", "revenue"):
            values = [m.values.get(key) for m in self.platform.minutes if self.start - 1 <= m.at < self.end]
            known = [v for v in values if v is not None]
            out[key] = sum(known) if known else None
        online = [m.values.get("online") for m in self.platform.minutes if self.start - 1 <= m.at < self.end]
        known_online = [v for v in online if v is not None]
        out["online_peak"] = max(known_online) if known_online else None
        out["online_avg"] = sum(known_online) / len(known_online) if known_online else None
        return out

    def as_dict(self, health_points: int = 2000) -> dict[str, Any]:
        def metric(m: Metric | None) -> dict[str, Any] | None:
            return None if m is None else {"value": m.value, "buckets": m.buckets, "with_data": m.with_data}

        def window(w: Window) -> dict[str, Any]:
            return {"start": w.start, "end": w.end, "seconds": round(w.seconds, 3), "kind": w.kind,
                    "rerun": w.rerun, "step": w.step, "online_start": w.online_start, "online_end": w.online_end,
                    "visitors": metric(w.visitors), "clicks": metric(w.clicks), "orders": metric(w.orders),
                    "revenue": metric(w.revenue)}

        platform = None
        if self.platform is not None:
            alignment = asdict(self.platform.alignment) if self.platform.alignment else None
            platform = {"files": self.platform.files, "sources": self.platform.sources,
                        "sheets": self.platform.sheets, "problems": self.platform.problems,
                        "alignment": alignment, "minutes": len(self.platform.minutes),
                        "totals": self.platform_totals()}
        step_every = max(1, math.ceil(len(self.health.times) / max(1, health_points)))
        return {
            "log": self.log_path, "title": self.title, "room": self.room, "timezone": self.tz_label,
            "start": self.start, "end": self.end, "planned_end": self.planned_end,
            "duration_s": round(self.duration_s, 3), "ended_cleanly": self.ended_cleanly,
            "events_read": self.events_read,
            "skipped": [asdict(s) for s in self.skipped],
            "steps": [{"id": s.id, "kind": s.kind, "ref": s.ref, "title": s.title, "rerun": s.rerun,
                       "planned_s": s.planned_s, "actual_s": round(s.actual_s, 3), "status": s.status,
                       "overrun": s.overrun, "overrun_s": round(s.overrun_s, 3),
                       "windows": [list(w) for w in s.windows]} for s in self.steps],
            "moments": [asdict(m) for m in self.moments],
            "gaps": [{"start": g.start, "end": g.end, "seconds": round(g.seconds, 3)} for g in self.gaps],
            "products": [{"ref": p.ref, "name": p.name, "explained_s": round(p.explained_s, 3),
                          "reruns": p.reruns, "on_screen_s": round(p.on_screen_s, 3),
                          "pushes": [list(x) for x in p.pushes], "windows": [window(w) for w in p.windows],
                          "visitors": metric(p.visitors), "clicks": metric(p.clicks), "orders": metric(p.orders),
                          "revenue": metric(p.revenue), "conversion_pct": p.conversion_pct,
                          "platform": p.platform, "rank": p.rank} for p in self.products],
            "lotteries": [{**asdict(x), "held_s": x.held_s} for x in self.lotteries],
            "faults": [{**asdict(f), "seconds": round(f.seconds, 3)} for f in self.faults],
            "room_calls": self.room_calls, "room_latency_ms": self.room_latency_ms,
            "health": {"files": self.health.files, "samples": len(self.health.times),
                       "missing": [list(m) for m in self.health.missing],
                       "every": step_every,
                       "times": self.health.times[::step_every], "kbps": self.health.kbps[::step_every]},
            "platform": platform,
        }


# --- building it ---------------------------------------------------------------------------------


def build_review(log_path: Path, *, health_paths: list[Path] | None = None,
                 platform: PlatformData | None = None, tz: tzinfo | None = None) -> Review:
    local = tz or datetime.now().astimezone().tzinfo or UTC
    review = Review(str(log_path), tz=local)
    events = _read_events(Path(log_path), review)
    _Replay(review).run(events)
    if review.start is not None:
        review.tz_label = tz_label(local, datetime.fromtimestamp(review.start, local))
        paths = health_paths if health_paths is not None else find_health_files(
            health_dir(), review.start, review.end or review.start)
        _read_health(paths, review)
        _health_faults(review)
        review.platform = platform
        _products_and_platform(review)
        review.faults.sort(key=lambda f: (f.start, f.kind))
        for fault in review.faults:
            if not fault.on_air:
                fault.on_air = review.on_air_at(fault.start)
    return review


def _read_events(path: Path, review: Review) -> list[dict[str, Any]]:
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


class _Replay:
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


# --- health ----------------------------------------------------------------------------------------


def find_health_files(directory: Path, start: float, end: float) -> list[Path]:
    """Health files whose samples overlap [start, end] (first and last line decide)."""
    found: list[Path] = []
    if not directory.is_dir():
        return found
    for path in sorted(directory.glob("health-*.jsonl")):
        try:
            first, last = _first_last_times(path)
        except OSError:
            continue
        if first is None:
            continue
        if first <= end + 60 and (last or first) >= start - 60:
            found.append(path)
    return found


def _first_last_times(path: Path) -> tuple[float | None, float | None]:
    with open(path, "rb") as f:
        head = f.readline()
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 8192))
        tail = f.read().splitlines()
    first: float | None = None
    try:
        record = json.loads(head)
        first = float(record.get("started", record.get("time")))
    except (ValueError, TypeError, AttributeError):
        pass
    last: float | None = None
    for line in reversed(tail):
        try:
            record = json.loads(line)
            last = float(record.get("time", record.get("started")))
            break
        except (ValueError, TypeError, AttributeError):
            continue
    return first, last


def _read_health(paths: Iterable[Path], review: Review) -> None:
    h = review.health
    rows: list[tuple[float, str, float | None, float | None, float | None]] = []
    for path in paths:
        h.files.append(str(path))
        bad = 0
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                for line in f:
                    if '"sample"' not in line:
                        continue
                    try:
                        record = json.loads(line)
                        if record.get("type") != "sample":
                            continue
                        rows.append((float(record["time"]), str(record.get("state", "live")),
                                     _opt(record.get("kbps")), _opt(record.get("dropped_pct")),
                                     _opt(record.get("congestion"))))
                    except (ValueError, KeyError, TypeError):
                        bad += 1
        except OSError as e:
            review.skipped.append(Skipped(Path(path).name, translate(
                "Review", "The health record could not be read: {reason}").format(reason=e.strerror or e)))
            continue
        if bad:
            review.skipped.append(Skipped(Path(path).name, translate(
                "Review", "{count} unreadable health sample(s) were skipped.").format(count=bad)))
    assert review.start is not None and review.end is not None
    rows = sorted(r for r in rows if review.start - 5 <= r[0] <= review.end + 5)
    h.times = [r[0] for r in rows]
    h.states = [r[1] for r in rows]
    h.kbps = [r[2] if r[1] == "live" else None for r in rows]
    h.dropped_pct = [r[3] for r in rows]
    h.congestion = [r[4] for r in rows]
    # Spans of the show with no sample at all: missing, shown as such.
    cursor = review.start
    for t in h.times:
        if t - cursor > SAMPLE_GAP_S:
            h.missing.append((cursor, t))
        cursor = max(cursor, t + 1.0)  # a sample stands for the second it measured
    if review.end - cursor > SAMPLE_GAP_S:
        h.missing.append((cursor, review.end))
    if not h.files:
        review.skipped.append(Skipped("", translate(
            "Review", "No health record was found for this show: the technical chart is empty.")))


def _opt(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _verdict_faults(review: Review) -> list[Fault]:
    """Without a health record: the critical spans the show log's ``health_changed`` verdicts give."""
    kinds = {"reconnecting": "reconnecting", "obs_gone": "obs_gone", "bitrate": "low_bitrate"}
    labels = {"reconnecting": translate("Review", "Stream reconnecting to the platform (viewers see a frozen "
                                                  "picture)"),
              "obs_gone": translate("Review", "OBS not answering (no picture from the console)"),
              "low_bitrate": translate("Review", "Bitrate below 800 kbit/s (picture drops to 标清)")}
    out: list[Fault] = []
    open_at: tuple[float, str] | None = None
    for at, level, reason in [*review.health_verdicts, (review.end or 0.0, "", "")]:
        if open_at is not None and (level != "critical" or kinds.get(reason) != open_at[1]):
            out.append(Fault(open_at[1], open_at[0], at, labels[open_at[1]], "log"))
            open_at = None
        if level == "critical" and reason in kinds and open_at is None:
            open_at = (at, kinds[reason])
    return out


def _health_faults(review: Review) -> None:
    h = review.health
    if not h.times:
        review.faults.extend(_verdict_faults(review))
        return
    congestion = h.congestion
    labels = {"obs_gone": translate("Review", "OBS not answering (no picture from the console)"),
              "reconnecting": translate("Review", "Stream reconnecting to the platform (viewers see a frozen "
                                                  "picture)"),
              "low_bitrate": translate("Review", "Bitrate below 800 kbit/s (picture drops to 标清)"),
              "congestion": translate("Review", "Network congestion"),
              "dropped_frames": translate("Review", "Frames dropped on the network")}

    def runs(flags: list[bool]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        begin: int | None = None
        for i, flag in enumerate(flags):
            broken = begin is not None and i > 0 and h.times[i] - h.times[i - 1] > SAMPLE_GAP_S
            if begin is not None and (not flag or broken):
                out.append((begin, i - 1))
                begin = None
            if flag and begin is None:
                begin = i
        if begin is not None:
            out.append((begin, len(flags) - 1))
        return out

    found: list[Fault] = []
    for state in ("obs_gone", "reconnecting"):
        for a, b in runs([s == state for s in h.states]):
            found.append(Fault(state, h.times[a], h.times[b] + 1.0, labels[state], "health"))
    checks = (
        ("low_bitrate", [s == "live" and k is not None and k < LOW_KBPS
                         for s, k in zip(h.states, h.kbps, strict=False)], LOW_BITRATE_MIN_S),
        ("congestion", [c is not None and c >= CONGESTION_LEVEL for c in congestion], CONGESTION_MIN_S),
        ("dropped_frames", [d is not None and d >= DROPPED_PCT_LEVEL for d in h.dropped_pct], 0.0),
    )
    for kind, flags, minimum in checks:
        for a, b in runs(flags):
            if h.times[b] + 1.0 - h.times[a] >= minimum:
                found.append(Fault(kind, h.times[a], h.times[b] + 1.0, labels[kind], "health"))
    # One outage seen by the log and by the samples is one fault (the samples' span wins).
    merged = list(review.faults)
    for fault in found:
        twin = next((f for f in merged if f.kind == fault.kind and f.source == "log"
                     and f.start <= fault.end + 5 and fault.start <= f.end + 5), None)
        if twin is not None:
            twin.start, twin.end = min(twin.start, fault.start), max(twin.end, fault.end)
            twin.source = "health+log"
        else:
            merged.append(fault)
    review.faults = merged


# --- products and the platform ------------------------------------------------------------------


def _products_and_platform(review: Review) -> None:
    replay_names: dict[str, str] = {}
    by_ref: dict[str, ProductReview] = {}
    for step in review.steps:
        if step.kind not in ("explain", "flash_sale") or not step.ref:
            continue
        if not step.rerun:
            replay_names.setdefault(step.ref, step.title)
    for step in review.steps:
        if step.kind not in ("explain", "flash_sale") or not step.ref:
            continue
        product = by_ref.setdefault(step.ref, ProductReview(step.ref, replay_names.get(step.ref, step.title)))
        for start, end in step.windows:
            product.windows.append(Window(start, end, step.kind, step.rerun, step.id))
    for moment in review.moments:
        if moment.kind == "push" and moment.ref:
            product = by_ref.setdefault(moment.ref, ProductReview(moment.ref, replay_names.get(moment.ref, moment.ref)))
            product.pushes.append((moment.at, moment.status or "sent"))
    for product in by_ref.values():
        product.windows.sort(key=lambda w: w.start)
    review.products = list(by_ref.values())
    review.products.sort(key=lambda p: p.windows[0].start if p.windows else math.inf)
    for product in review.products:
        product.on_screen_s = review.on_screen.get(product.ref, 0.0)
        if product.name == product.ref and product.ref in review.names:
            product.name = review.names[product.ref]
    data = review.platform
    if data is not None:
        for product in review.products:
            for window in product.windows:
                window.online_start = _online(data, window.start)
                window.online_end = _online(data, window.end - 1e-6)
                for key in ("visitors", "clicks", "orders", "revenue"):
                    setattr(window, key, sum_metric(data, key, window.start, window.end))
            explains = [w for w in product.windows if w.kind == "explain"]
            for key in ("visitors", "clicks", "orders", "revenue"):
                setattr(product, key, _total([getattr(w, key) for w in explains]) if explains else None)
            product.platform = _match_product(data, product)
        ranked = sorted((p for p in review.products if p.revenue is not None and p.revenue.value is not None),
                        key=lambda p: (-((p.revenue.value if p.revenue else 0.0) or 0.0),
                                       -((p.orders.value if p.orders else 0.0) or 0.0)))
        for number, product in enumerate(ranked, start=1):
            product.rank = number
        for lottery in review.lotteries:
            lottery.online_start = _online(data, lottery.start)
            if lottery.draw is not None:
                lottery.online_draw = _online(data, lottery.draw)
                values = [m.values.get("online") for m in data.minutes if lottery.start - (data.bucket_s or 60) < m.at
                          <= lottery.draw]
                known = [v for v in values if v is not None]
                lottery.online_peak = max(known) if known else None


def _online(data: PlatformData, at: float) -> float | None:
    row = data.row_at(at)
    return None if row is None else row.values.get("online")


def sum_metric(data: PlatformData, key: str, start: float, end: float) -> Metric | None:
    """The platform's ``key`` summed over the buckets that *began* in [start, end)."""
    step = data.bucket_s
    if step is None or not data.minutes:
        return None
    base = data.minutes[0].at
    first = math.ceil((start - base) / step - 1e-9)
    last = math.ceil((end - base) / step - 1e-9) - 1
    buckets = max(0, last - first + 1)
    by_index = {round((m.at - base) / step): m for m in data.minutes}
    values = []
    for k in range(first, last + 1):
        row = by_index.get(k)
        value = row.values.get(key) if row is not None else None
        if value is not None:
            values.append(value)
    return Metric(sum(values) if values else None, buckets, len(values))


def _total(metrics: list[Metric | None]) -> Metric | None:
    known = [m for m in metrics if m is not None]
    if not known:
        return None
    values = [m.value for m in known if m.value is not None]
    return Metric(sum(values) if values else None, sum(m.buckets for m in known), sum(m.with_data for m in known))


def _norm(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _match_product(data: PlatformData, product: ProductReview) -> dict[str, float | None] | None:
    wanted = _norm(product.name)
    for row in data.products:
        if row.goods_id and row.goods_id == product.ref:
            return row.values
    for row in data.products:
        if wanted and _norm(row.name) == wanted:
            return row.values
    for row in data.products:
        other = _norm(row.name)
        if wanted and other and (wanted in other or other in wanted):
            return row.values
    return None


# --- the list of past shows, and comparing two -------------------------------------------------


@dataclass
class ShowEntry:
    path: str
    title: str
    start: float | None
    end: float | None
    finished: bool


def list_shows(directory: Path) -> list[ShowEntry]:
    """Every show log in ``directory``, newest first, with its title and times (quick: first/last lines)."""
    entries: list[ShowEntry] = []
    if not directory.is_dir():
        return entries
    for path in directory.glob(f"*{LOG_SUFFIX}"):
        title, start, end, finished = "", None, None, False
        try:
            with open(path, "rb") as f:
                for _ in range(5):
                    line = f.readline()
                    if not line:
                        break
                    try:
                        event = json.loads(line)
                    except ValueError:
                        continue
                    if event.get("type") == "show_started":
                        title, start = str(event.get("title", "")), float(event["ts"])
                        break
                f.seek(0, 2)
                size = f.tell()
                f.seek(max(0, size - 4096))
                for line in reversed(f.read().splitlines()):
                    try:
                        event = json.loads(line)
                    except ValueError:
                        continue
                    end = float(event["ts"])
                    finished = event.get("type") == "show_ended"
                    break
        except (OSError, KeyError, TypeError, ValueError):
            continue
        entries.append(ShowEntry(str(path), title, start, end, finished))
    entries.sort(key=lambda e: e.start or 0.0, reverse=True)
    return entries


@dataclass
class CompareRow:
    key: str  # product name (normalised match) or fault kind
    label: str
    a: dict[str, float | None]
    b: dict[str, float | None]


@dataclass
class Comparison:
    a_title: str
    b_title: str
    a_start: float | None
    b_start: float | None
    products: list[CompareRow]
    faults: list[CompareRow]
    lotteries: CompareRow
    totals: CompareRow


def compare(a: Review, b: Review) -> Comparison:
    """Two shows side by side: per product (matched by name), faults by kind, lotteries, totals."""

    def product_figures(p: ProductReview | None) -> dict[str, float | None]:
        if p is None:
            return {"minutes": None, "windows": None, "orders": None, "revenue": None, "conversion_pct": None}
        return {"minutes": p.explained_s / 60.0, "windows": float(len(p.windows)),
                "orders": p.orders.value if p.orders else None, "revenue": p.revenue.value if p.revenue else None,
                "conversion_pct": p.conversion_pct}

    keys: list[str] = []
    names: dict[str, str] = {}
    for review in (a, b):
        for p in review.products:
            key = _norm(p.name) or p.ref
            if key not in keys:
                keys.append(key)
                names[key] = p.name
    products = []
    for key in keys:
        pa = next((p for p in a.products if (_norm(p.name) or p.ref) == key), None)
        pb = next((p for p in b.products if (_norm(p.name) or p.ref) == key), None)
        products.append(CompareRow(key, names[key], product_figures(pa), product_figures(pb)))
    kinds = sorted({f.kind for f in a.faults} | {f.kind for f in b.faults})
    faults = []
    for kind in kinds:
        def figures(review: Review, kind: str = kind) -> dict[str, float | None]:
            mine = [f for f in review.faults if f.kind == kind]
            return {"count": float(len(mine)), "seconds": sum(f.seconds for f in mine)}
        faults.append(CompareRow(kind, fault_word(kind), figures(a), figures(b)))

    def lottery_figures(review: Review) -> dict[str, float | None]:
        held = [x.held_s for x in review.lotteries if x.held_s is not None]
        return {"count": float(len(review.lotteries)), "avg_held_s": sum(held) / len(held) if held else None}

    def totals(review: Review) -> dict[str, float | None]:
        t = review.platform_totals()
        return {"minutes": review.duration_s / 60.0, "gaps": float(len(review.gaps)),
                "orders": t.get("orders"), "revenue": t.get("revenue"), "online_peak": t.get("online_peak")}

    return Comparison(a.title, b.title, a.start, b.start, products, faults,
                      CompareRow("lotteries", translate("Review", "Lotteries"), lottery_figures(a), lottery_figures(b)),
                      CompareRow("totals", translate("Review", "Show"), totals(a), totals(b)))


def fault_word(kind: str) -> str:
    words = {
        "obs_gone": translate("Review", "OBS gone"),
        "reconnecting": translate("Review", "Stream reconnecting"),
        "low_bitrate": translate("Review", "Low bitrate"),
        "congestion": translate("Review", "Congestion"),
        "dropped_frames": translate("Review", "Frames dropped"),
        "stream_off": translate("Review", "Stream off"),
        "console_down": translate("Review", "Console stopped"),
        "room_failed": translate("Review", "Live-room call failed"),
        "overlay_failed": translate("Review", "Overlay failed"),
        "key_expired": translate("Review", "Push key expired"),
        "outcome_unknown": translate("Review", "Outcome unknown"),
    }
    return words.get(kind, kind)


def step_word(kind: str) -> str:
    words = {
        "explain": translate("Review", "Explain"),
        "flash_sale": translate("Review", "Flash sale"),
        "lottery": translate("Review", "Lottery"),
        "draw": translate("Review", "Draw"),
        "coupon": translate("Review", "Coupon"),
        "announcement": translate("Review", "Announcement"),
        "segment": translate("Review", "Segment"),
    }
    return words.get(kind, kind)
