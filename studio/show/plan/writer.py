"""Writing a plan back as TOML a person can read, with the explanatory comments, atomically."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from studio.config import write_atomically
from studio.show.plan.model import Plan

_HEADER_COMMENT = """\
# 直播方案 · Studio Console show plan (TOML). Check it with: studio-console show check FILE
#
# [show]           title; kind = "sales" (带货专场) or "content_sales" (内容+带货);
#                  start (optional); planned_minutes (at most 720 = 12 h);
#                  minutes_per_product (default 5 for sales, 10 for content + sales)
# [[products]]     id, name, price, live_price (yuan), stock, image, goods_id (the platform's
#                  goods id, as text), talking_points, minutes (explanation target)
# [[coupons]]      id, name, detail, quantity, minutes (banner countdown)
# [[lotteries]]    id, prize, kind = "comment" (评论抽奖) or "like" (点赞抽奖),
#                  minutes (default 10), winners, keyword
# [[announcements]] id, text (4–34 characters; each shows 20 s)
# [[order]]        the running order: step = explain | flash_sale | lottery | draw | coupon |
#                  announcement | segment; ref = an id above (segment: title); minutes (optional)
"""


def _string(value: str) -> str:
    """A TOML basic string (JSON's escapes are a subset TOML accepts, minus non-BMP \\U forms)."""
    out = ['"']
    for ch in value:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.01")))
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to a plan")


def _table(lines: list[str], header: str, items: list[tuple[str, Any]]) -> None:
    lines.append("")
    lines.append(header)
    for key, value in items:
        if value is None or value == "" or value == []:
            continue
        lines.append(f"{key} = {_value(value)}")


def plan_to_toml(plan: Plan) -> str:
    lines = [_HEADER_COMMENT.rstrip("\n")]
    s = plan.show
    _table(lines, "[show]", [("title", s.title), ("kind", s.kind), ("start", s.start),
                             ("planned_minutes", s.planned_minutes),
                             ("minutes_per_product", s.minutes_per_product)])
    for p in plan.products:
        _table(lines, "[[products]]", [("id", p.id), ("name", p.name), ("price", p.price),
                                       ("live_price", p.live_price), ("stock", p.stock),
                                       ("image", p.image), ("goods_id", p.goods_id),
                                       ("talking_points", p.talking_points), ("minutes", p.minutes)])
    for c in plan.coupons:
        _table(lines, "[[coupons]]", [("id", c.id), ("name", c.name), ("detail", c.detail),
                                      ("quantity", c.quantity), ("minutes", c.minutes)])
    for x in plan.lotteries:
        _table(lines, "[[lotteries]]", [("id", x.id), ("prize", x.prize), ("kind", x.kind),
                                        ("minutes", x.minutes), ("winners", x.winners),
                                        ("keyword", x.keyword)])
    for a in plan.announcements:
        _table(lines, "[[announcements]]", [("id", a.id), ("text", a.text)])
    for step in plan.order:
        _table(lines, "[[order]]", [("step", step.step), ("ref", step.ref), ("title", step.title),
                                    ("minutes", step.minutes)])
    return "\n".join(lines) + "\n"


def save_plan(plan: Plan, path: Path) -> None:
    """Write atomically: a crash mid-save leaves the previous file whole, never half of one."""
    path = Path(path)
    write_atomically(path, plan_to_toml(plan).encode("utf-8"), prefix=f".{path.name}-")
