"""The review's charts, drawn once onto a tiny canvas interface that two back ends implement: SVG
(inline in the HTML file) and the PDF (``render_pdf``). No screen, no Qt, no plotting library.

Each chart is ``draw_<name>(canvas, review, width, height)`` in pixel-like units; the back end maps
them to its own (SVG user units, PDF millimetres). Missing data is drawn as missing: a line breaks
where no sample was recorded and the span is hatched and labelled, never bridged.
"""

from __future__ import annotations

import math
from html import escape
from typing import Protocol

from studio.i18n import translate
from studio.review.model import ProductReview, Review, fault_word

FONT_STACK = "'Microsoft YaHei','PingFang SC','WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif"
COLOURS = {
    "explain": "#1565c0", "rerun": "#00897b", "flash_sale": "#ef6c00", "segment": "#90a4ae",
    "lottery": "#f9a825", "draw": "#f57f17", "coupon": "#8e24aa", "announcement": "#5c6bc0",
    "fault": "#c62828", "gap": "#bdbdbd", "missing": "#9e9e9e", "kbps": "#1565c0", "online": "#2e7d32",
    "orders": "#ef6c00", "grid": "#e0e0e0", "axis": "#616161", "text": "#212121", "push": "#6a1b9a",
    "scene": "#455a64", "ok": "#1b7f3a",
}


class Canvas(Protocol):
    def rect(self, x: float, y: float, w: float, h: float, fill: str, opacity: float = 1.0) -> None: ...

    def line(self, x1: float, y1: float, x2: float, y2: float, color: str, width: float = 1.0,
             dash: bool = False) -> None: ...

    def polyline(self, points: list[tuple[float, float]], color: str, width: float = 1.5) -> None: ...

    def text(self, x: float, y: float, text: str, size: float = 11, color: str = COLOURS["text"],
             anchor: str = "start", bold: bool = False) -> None: ...


class SvgCanvas:
    """Collects SVG elements; ``svg()`` is one self-contained <svg> (text in the page's fonts)."""

    def __init__(self, width: float, height: float, title: str = "") -> None:
        self.width, self.height, self.title = width, height, title
        self.parts: list[str] = []

    def rect(self, x: float, y: float, w: float, h: float, fill: str, opacity: float = 1.0) -> None:
        if w <= 0 or h <= 0:
            return
        extra = f' fill-opacity="{opacity:.2f}"' if opacity < 1 else ""
        self.parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}"{extra}/>')

    def line(self, x1: float, y1: float, x2: float, y2: float, color: str, width: float = 1.0,
             dash: bool = False) -> None:
        extra = ' stroke-dasharray="4 3"' if dash else ""
        self.parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{color}" '
                          f'stroke-width="{width}"{extra}/>')

    def polyline(self, points: list[tuple[float, float]], color: str, width: float = 1.5) -> None:
        if len(points) < 2:
            if points:
                x, y = points[0]
                self.parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{width}" fill="{color}"/>')
            return
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        self.parts.append(f'<polyline points="{coords}" fill="none" stroke="{color}" stroke-width="{width}" '
                          f'stroke-linejoin="round"/>')

    def text(self, x: float, y: float, text: str, size: float = 11, color: str = COLOURS["text"],
             anchor: str = "start", bold: bool = False) -> None:
        weight = ' font-weight="bold"' if bold else ""
        self.parts.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{color}" '
                          f'text-anchor="{anchor}"{weight}>{escape(text)}</text>')

    def svg(self) -> str:
        label = escape(self.title)
        return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width:.0f} {self.height:.0f}" '
                f'width="100%" role="img" aria-label="{label}" font-family="{FONT_STACK}">'
                f'<title>{label}</title>' + "".join(self.parts) + "</svg>")


# --- shared pieces ---------------------------------------------------------------------------------

LEFT, RIGHT, TOP, BOTTOM = 78.0, 12.0, 22.0, 26.0


class _TimeAxis:
    def __init__(self, review: Review, width: float) -> None:
        assert review.start is not None and review.end is not None
        self.start, self.end = review.start, max(review.end, review.start + 1)
        self.x0, self.x1 = LEFT, width - RIGHT
        self.review = review

    def x(self, t: float) -> float:
        t = min(max(t, self.start), self.end)
        return self.x0 + (t - self.start) / (self.end - self.start) * (self.x1 - self.x0)

    def draw(self, canvas: Canvas, top: float, bottom: float) -> None:
        span = self.end - self.start
        step = next((s for s in (300, 600, 900, 1800, 3600, 7200) if span / s <= 9), 10800)
        first = math.ceil(self.start / step) * step
        t = float(first)
        while t <= self.end:
            x = self.x(t)
            canvas.line(x, top, x, bottom, COLOURS["grid"])
            canvas.text(x, bottom + 14, self.review.local(t, "%H:%M"), 10, COLOURS["axis"], "middle")
            t += step
        canvas.line(self.x0, bottom, self.x1, bottom, COLOURS["axis"])


def _bands(canvas: Canvas, axis: _TimeAxis, spans: list[tuple[float, float]], top: float, bottom: float,
           colour: str, opacity: float) -> None:
    for start, end in spans:
        x0, x1 = axis.x(start), axis.x(end)
        canvas.rect(x0, top, max(1.5, x1 - x0), bottom - top, colour, opacity)


def _hatch(canvas: Canvas, axis: _TimeAxis, spans: list[tuple[float, float]], top: float, bottom: float,
           label: str) -> None:
    """A span with no data: light grey, diagonal strokes, and the word for it."""
    for start, end in spans:
        x0, x1 = axis.x(start), axis.x(end)
        width = max(2.0, x1 - x0)
        canvas.rect(x0, top, width, bottom - top, COLOURS["missing"], 0.18)
        x = x0
        while x < x0 + width:
            canvas.line(x, bottom, min(x + 8, x0 + width), max(top, bottom - 8 * (min(x + 8, x0 + width) - x) / 8),
                        COLOURS["missing"], 0.6)
            x += 6
        if width > 40:
            canvas.text(x0 + width / 2, top + 12, label, 9, COLOURS["axis"], "middle")


# --- the timeline ------------------------------------------------------------------------------------


def draw_timeline(canvas: Canvas, review: Review, width: float, height: float) -> None:
    axis = _TimeAxis(review, width)
    lanes = [translate("Review", "Products"), translate("Review", "Other steps"), translate("Review", "Plays"),
             translate("Review", "Actions"), translate("Review", "Faults")]
    lane_h = (height - TOP - BOTTOM) / len(lanes)
    axis.draw(canvas, TOP, height - BOTTOM)

    def lane_y(index: int) -> float:
        return TOP + index * lane_h

    for index, name in enumerate(lanes):
        canvas.text(LEFT - 6, lane_y(index) + lane_h / 2 + 4, name, 10, COLOURS["axis"], "end")
    _bands(canvas, axis, [(g.start, g.end) for g in review.gaps], TOP, height - BOTTOM, COLOURS["gap"], 0.35)
    for step in review.steps:
        lane = 0 if step.kind in ("explain", "flash_sale") else 1
        colour = COLOURS["rerun"] if step.rerun else COLOURS.get(step.kind, COLOURS["segment"])
        for start, end in step.windows:
            x0, x1 = axis.x(start), axis.x(end)
            y = lane_y(lane) + 4
            canvas.rect(x0, y, max(1.5, x1 - x0 - 1), lane_h - 8, colour, 0.9)
            name = review.names.get(step.ref, step.title) if lane == 0 else step.title
            if lane == 0 and x1 - x0 > 24:
                fits = max(1, int((x1 - x0 - 6) / 9.5))
                canvas.text(x0 + 3, y + lane_h / 2 + 1, name[:fits], 9, "#ffffff")
    for span in review.spans:
        if span.lane != "timer":
            continue
        x0, x1 = axis.x(span.start), axis.x(span.end)
        row = {"lottery": 0, "coupon": 1, "flash_sale": 1, "announcement": 2}.get(span.kind, 2)
        y = lane_y(2) + 3 + row * (lane_h - 6) / 3
        canvas.rect(x0, y, max(2.0, x1 - x0), (lane_h - 6) / 3 - 1, COLOURS.get(span.kind, "#999"), 0.85)
    marks = {"push": COLOURS["push"], "lottery_start": COLOURS["lottery"], "lottery_draw": COLOURS["draw"],
             "coupon": COLOURS["coupon"], "announcement": COLOURS["announcement"], "scene": COLOURS["scene"],
             "rerun": COLOURS["rerun"], "resumed": COLOURS["fault"], "stream_started": COLOURS["scene"],
             "stream_stopped": COLOURS["fault"]}
    for moment in review.moments:
        x = axis.x(moment.at)
        colour = COLOURS["fault"] if moment.status in ("failed", "partial") else marks.get(moment.kind, "#777")
        canvas.line(x, lane_y(3) + 4, x, lane_y(4) - 4, colour, 1.6)
    for fault in review.faults:
        x0, x1 = axis.x(fault.start), axis.x(fault.end)
        canvas.rect(x0, lane_y(4) + 4, max(2.5, x1 - x0), lane_h - 8, COLOURS["fault"], 0.9)
    _legend(canvas, width, [
        (COLOURS["explain"], translate("Review", "explained")),
        (COLOURS["rerun"], translate("Review", "返场 re-run")),
        (COLOURS["lottery"], translate("Review", "lottery running")),
        (COLOURS["coupon"], translate("Review", "coupon")),
        (COLOURS["gap"], translate("Review", "nothing running")),
        (COLOURS["fault"], translate("Review", "fault")),
    ])


def _legend(canvas: Canvas, width: float, items: list[tuple[str, str]]) -> None:
    x = LEFT
    for colour, label in items:
        canvas.rect(x, 6, 10, 10, colour, 0.9)
        canvas.text(x + 14, 15, label, 10, COLOURS["axis"])
        x += 24 + 11 * len(label) * (1.0 if any(ord(c) > 0x2E80 for c in label) else 0.55)
        if x > width - 80:
            break


# --- stream health -------------------------------------------------------------------------------------


def thin(times: list[float], values: list[float | None], start: float, end: float, buckets: int,
         gap_s: float = 3.0) -> list[list[tuple[float, float]]]:
    """Min/max per bucket, as runs of (time, value); a bucket with no value, or samples further apart
    than ``gap_s``, ends a run (the chart breaks the line: missing is never bridged)."""
    if not times or end <= start:
        return []
    width = (end - start) / buckets
    runs: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    bucket = -1
    low = high = 0.0
    have = False
    last_t = None
    for t, v in zip(times, values, strict=False):
        index = int((t - start) / width)
        broken = v is None or (last_t is not None and t - last_t > gap_s)
        if index != bucket or broken:
            if have:
                mid = start + (bucket + 0.5) * width
                current.append((mid, low))
                if high != low:
                    current.append((mid, high))
            have = False
            bucket = index
        if broken and current:
            runs.append(current)
            current = []
        if v is not None:
            if not have:
                low = high = v
                have = True
            else:
                low, high = min(low, v), max(high, v)
        last_t = t
    if have:
        mid = start + (bucket + 0.5) * width
        current.append((mid, low))
        if high != low:
            current.append((mid, high))
    if current:
        runs.append(current)
    return runs


def draw_health(canvas: Canvas, review: Review, width: float, height: float) -> None:
    axis = _TimeAxis(review, width)
    h = review.health
    top, strip_bottom = TOP + 8, height - BOTTOM
    bottom = strip_bottom - 40  # the bitrate above, the dropped-frames strip below
    known = [k for k in h.kbps if k is not None]
    peak = max([1500.0, *known]) if known else 3000.0
    y_max = math.ceil(peak * 1.1 / 500) * 500

    def y(v: float) -> float:
        return bottom - v / y_max * (bottom - top)

    axis.draw(canvas, top, strip_bottom)
    canvas.line(LEFT, bottom, width - RIGHT, bottom, COLOURS["axis"])
    _dropped_strip(canvas, axis, review, bottom + 6, strip_bottom)
    for level in range(0, int(y_max) + 1, 500 if y_max <= 4000 else 1000):
        canvas.line(LEFT, y(level), width - RIGHT, y(level), COLOURS["grid"])
        canvas.text(LEFT - 6, y(level) + 4, f"{level}", 10, COLOURS["axis"], "end")
    canvas.text(LEFT - 6, top - 10, "kbit/s", 10, COLOURS["axis"], "end")
    outage = {"obs_gone", "reconnecting", "low_bitrate", "congestion", "dropped_frames", "stream_off", "console_down"}
    _bands(canvas, axis, [(f.start, f.end) for f in review.faults if f.kind in outage], top, bottom,
           COLOURS["fault"], 0.22)
    _hatch(canvas, axis, h.missing, top, strip_bottom, translate("Review", "not recorded"))
    for threshold, colour in ((800.0, COLOURS["fault"]), (1200.0, COLOURS["ok"])):
        canvas.line(LEFT, y(threshold), width - RIGHT, y(threshold), colour, 1.0, dash=True)
        canvas.text(width - RIGHT - 2, y(threshold) - 3, f"{threshold:.0f}", 9, colour, "end")
    assert review.start is not None and review.end is not None
    for run in thin(h.times, h.kbps, review.start, review.end, int(width - LEFT - RIGHT)):
        canvas.polyline([(axis.x(t), y(v)) for t, v in run], COLOURS["kbps"], 1.2)
    for moment in review.moments:
        if moment.kind in ("push", "lottery_start", "lottery_draw", "coupon", "rerun"):
            x = axis.x(moment.at)
            colour = {"push": COLOURS["push"], "lottery_start": COLOURS["lottery"], "lottery_draw": COLOURS["draw"],
                      "coupon": COLOURS["coupon"], "rerun": COLOURS["rerun"]}[moment.kind]
            canvas.line(x, top - 6, x, top + 2, colour, 2.0)
    for fault in review.faults:
        if fault.kind in outage and axis.x(fault.end) - axis.x(fault.start) > 0:
            canvas.text(axis.x(fault.start), bottom - 4, fault_word(fault.kind), 9, COLOURS["fault"])
    if not h.times:
        canvas.text(width / 2, (top + bottom) / 2, translate("Review", "No health record for this show"), 13,
                    COLOURS["axis"], "middle")


DROPPED_SCALE_PCT = 5.0  # the strip's full height: 5 % of the frames dropped (more is drawn as 5 %)


def _dropped_strip(canvas: Canvas, axis: _TimeAxis, review: Review, top: float, bottom: float) -> None:
    """Frames dropped on the network, % per moment: the worst sample of each pixel column."""
    h = review.health
    canvas.text(LEFT - 6, (top + bottom) / 2 + 4, translate("Review", "dropped %"), 9, COLOURS["axis"], "end")
    canvas.text(LEFT - 6, top + 6, f"{DROPPED_SCALE_PCT:.0f}", 8, COLOURS["axis"], "end")
    columns: dict[int, float] = {}
    for t, value in zip(h.times, h.dropped_pct, strict=False):
        if value:
            x = int(axis.x(t))
            columns[x] = max(columns.get(x, 0.0), value)
    for x, value in columns.items():
        height = min(1.0, value / DROPPED_SCALE_PCT) * (bottom - top)
        canvas.rect(x, bottom - height, 1.5, height, COLOURS["fault"], 0.9)


# --- platform: online and orders -----------------------------------------------------------------------


def draw_platform(canvas: Canvas, review: Review, width: float, height: float) -> None:
    axis = _TimeAxis(review, width)
    data = review.platform
    top, bottom = TOP + 8, height - BOTTOM
    axis.draw(canvas, top, bottom)
    if data is None or not data.minutes or data.bucket_s is None:
        canvas.text(width / 2, (top + bottom) / 2, translate("Review", "No platform data imported"), 13,
                    COLOURS["axis"], "middle")
        return
    step = data.bucket_s
    assert review.start is not None and review.end is not None
    inside = [m for m in data.minutes if review.start - step < m.at < review.end]
    online = [m.values.get("online") for m in inside]
    orders = [m.values.get("orders") for m in inside]
    max_online = max([v for v in online if v is not None] or [1.0])
    max_orders = max([v for v in orders if v is not None] or [1.0]) or 1.0
    for product in review.products:
        _bands(canvas, axis, [(w.start, w.end) for w in product.windows if w.kind == "explain"], top, bottom,
               COLOURS["explain"], 0.08)
    bar_w = max(1.0, (axis.x(review.start + step) - axis.x(review.start)) * 0.7)
    for m, value in zip(inside, orders, strict=True):
        if value is None:
            continue
        h = value / max_orders * (bottom - top) * 0.45
        canvas.rect(axis.x(m.at), bottom - h, bar_w, h, COLOURS["orders"], 0.75)
    missing = [(at, at + step) for at in (data.alignment.missing_buckets if data.alignment else [])]
    _hatch(canvas, axis, missing, top, bottom, translate("Review", "no data"))
    run: list[tuple[float, float]] = []
    last = None
    for m, value in zip(inside, online, strict=True):
        broken = value is None or (last is not None and m.at - last > step * 1.5)
        if broken and run:
            canvas.polyline(run, COLOURS["online"], 1.6)
            run = []
        if value is not None:
            run.append((axis.x(m.at + step / 2), bottom - value / (max_online * 1.1) * (bottom - top)))
        last = m.at
    if run:
        canvas.polyline(run, COLOURS["online"], 1.6)
    for lottery in review.lotteries:
        x = axis.x(lottery.start)
        canvas.line(x, top, x, bottom, COLOURS["lottery"], 1.4, dash=True)
        if lottery.draw is not None:
            canvas.line(axis.x(lottery.draw), top, axis.x(lottery.draw), bottom, COLOURS["draw"], 1.4, dash=True)
    canvas.text(LEFT - 6, top + 4, f"{max_online * 1.1:.0f}", 10, COLOURS["online"], "end")
    canvas.text(LEFT - 6, bottom, "0", 10, COLOURS["axis"], "end")
    _legend(canvas, width, [(COLOURS["online"], translate("Review", "online")),
                            (COLOURS["orders"], translate("Review", "orders per minute")),
                            (COLOURS["explain"], translate("Review", "explaining")),
                            (COLOURS["lottery"], translate("Review", "lottery start / draw")),
                            (COLOURS["missing"], translate("Review", "no data"))])


# --- products: what each explanation brought -----------------------------------------------------------


def draw_products(canvas: Canvas, review: Review, width: float, height: float) -> None:
    products = list(review.products)
    if not products:
        canvas.text(width / 2, height / 2, translate("Review", "No product was explained"), 13, COLOURS["axis"],
                    "middle")
        return
    with_revenue = any(p.revenue is not None and p.revenue.value is not None for p in products)
    def value_of(p: ProductReview) -> float | None:
        return (p.revenue.value if p.revenue else None) if with_revenue else p.explained_s / 60

    products.sort(key=lambda p: -(value_of(p) or -1.0))
    values = [value_of(p) for p in products]
    top_v = max([v for v in values if v is not None] or [1.0]) or 1.0
    row_h = (height - 30) / len(products)
    label_w = min(220.0, width * 0.35)
    caption = translate("Review", "Revenue while explained (¥)") if with_revenue else \
        translate("Review", "Minutes explained")
    canvas.text(label_w, 14, caption, 11, COLOURS["axis"])
    for index, (product, value) in enumerate(zip(products, values, strict=True)):
        y = 24 + index * row_h
        canvas.text(label_w - 8, y + row_h / 2 + 4, product.name[:16], 11, COLOURS["text"], "end")
        if value is None:
            canvas.text(label_w + 4, y + row_h / 2 + 4, translate("Review", "missing"), 10, COLOURS["missing"])
            continue
        w = value / top_v * (width - label_w - 80)
        canvas.rect(label_w, y + 3, max(1.0, w), row_h - 6, COLOURS["explain"], 0.85)
        text = f"{value:,.2f}" if with_revenue else f"{value:.1f}"
        canvas.text(label_w + w + 4, y + row_h / 2 + 4, text, 10, COLOURS["text"])
