"""The review's plain data (复盘): the timeline rows, product windows, lotteries, faults, the health
series and the ``Review`` that holds them, with its JSON form for the CLI — and the host's words for a
fault or step kind. ``studio.review.model.build_review`` fills it; the window, the HTML file and the
PDF only render it.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any

from studio.i18n import translate
from studio.review.platform import PlatformData

# A step that ran this much past its target counts as an overrun.
OVERRUN_GRACE_S = 30.0

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
        """Sums over the platform's minutes inside the show (None when it had none), and the whole-show
        figures an after-show source reported (``PlatformData.show``: viewers, online_peak …)."""
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
        for key, value in self.platform.show.items():  # whole-show figures the platform itself reported win
            if value is not None or key not in out:
                out[key] = value
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
