"""The show's products with the platform's data: a product per explained goods id (返场 included),
each window's figures summed over the platform's buckets, the by-product export's row matched by
goods id or name, the rank by revenue, and the online count around each lottery.
"""

from __future__ import annotations

import math

from studio.review.platform import PlatformData
from studio.review.types import Metric, ProductReview, Review, Window


def products_and_platform(review: Review) -> None:
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


def norm_name(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _match_product(data: PlatformData, product: ProductReview) -> dict[str, float | None] | None:
    wanted = norm_name(product.name)
    for row in data.products:
        if row.goods_id and row.goods_id == product.ref:
            return row.values
    for row in data.products:
        if wanted and norm_name(row.name) == wanted:
            return row.values
    for row in data.products:
        other = norm_name(row.name)
        if wanted and other and (wanted in other or other in wanted):
            return row.values
    return None
