"""The list of past shows (from their logs' first and last lines) and two reviews side by side."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from studio.i18n import translate
from studio.review.matching import norm_name
from studio.review.types import ProductReview, Review, fault_word
from studio.show.log import LOG_SUFFIX, read_log, spill_path


@dataclass
class ShowEntry:
    path: str
    title: str
    start: float | None
    end: float | None
    finished: bool


def list_shows(directory: Path) -> list[ShowEntry]:
    """Every show log in ``directory``, newest first, with its title and times (quick: first/last lines;
    the whole log, with what was spilled at close, only for a show whose spill waits)."""
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
            if spill_path(path).exists():  # rare: the end a full disk kept in the temp folder at close
                events = read_log(path).events
                if events:
                    end, finished = float(events[-1]["ts"]), events[-1].get("type") == "show_ended"
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
            key = norm_name(p.name) or p.ref
            if key not in keys:
                keys.append(key)
                names[key] = p.name
    products = []
    for key in keys:
        pa = next((p for p in a.products if (norm_name(p.name) or p.ref) == key), None)
        pb = next((p for p in b.products if (norm_name(p.name) or p.ref) == key), None)
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
