"""Before the show: the plan's products matched to the mini-program room's goods.

By goods id first, else by name (spaces and case ignored). A product that is not in the room is
looked up in the goods library: approved → "add it to the room" (one click); in review or
rejected → it cannot be pushed, with what to do; nowhere → check the id or add it to the library.
So nobody learns on air that a product cannot be pushed.

    report = match_goods(products, room.goods, approved=..., unapproved=...)
    report.goods_ids      # plan product id → room goods id (what the live-room target uses)
    report.problems       # rows to show with their advice
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from studio.i18n import QT_TRANSLATE_NOOP, translate
from studio.room.wechat.models import Goods

MATCHED_BY_ID, MATCHED_BY_NAME = "id", "name"
NOT_IN_ROOM, UNAPPROVED, MISSING = "not_in_room", "unapproved", "missing"
_AUDIT_WORDS = {0: QT_TRANSLATE_NOOP("GoodsMatch", "not submitted (未提审)"),
                1: QT_TRANSLATE_NOOP("GoodsMatch", "in review (审核中)"),
                3: QT_TRANSLATE_NOOP("GoodsMatch", "rejected (未通过)")}


@dataclass(frozen=True)
class MatchRow:
    product_id: str
    product_name: str
    status: str  # id | name | not_in_room | unapproved | missing
    goods_id: int | None  # the room's (or library's) goods id when one was found
    advice: str = ""  # what to do, plain words; "" when matched

    @property
    def matched(self) -> bool:
        return self.status in (MATCHED_BY_ID, MATCHED_BY_NAME)


@dataclass
class GoodsMatch:
    rows: list[MatchRow] = field(default_factory=list)

    @property
    def goods_ids(self) -> dict[str, str]:
        return {r.product_id: str(r.goods_id) for r in self.rows if r.matched and r.goods_id is not None}

    @property
    def problems(self) -> list[MatchRow]:
        return [r for r in self.rows if not r.matched]

    @property
    def addable(self) -> list[int]:
        """Approved goods of the plan that are not in the room yet: one click adds them."""
        return [r.goods_id for r in self.rows if r.status == NOT_IN_ROOM and r.goods_id is not None]

    def summary(self) -> str:
        matched = sum(1 for r in self.rows if r.matched)
        if not self.problems:
            return translate("GoodsMatch", "All {count} products of the plan are in the room.").format(count=matched)
        return translate("GoodsMatch", "{matched} of {count} products are in the room; {problems} need "
                                       "attention before the show.").format(
            matched=matched, count=len(self.rows), problems=len(self.problems))


def _key(name: str) -> str:
    return "".join(name.split()).casefold()


def _as_int(value: Any) -> int | None:
    text = str(value or "").strip()
    return int(text) if text.isdigit() else None


def match_goods(products: Iterable[Any], room_goods: Sequence[Goods], *, approved: Sequence[Goods] = (),
                unapproved: Sequence[Goods] = ()) -> GoodsMatch:
    """``products``: the plan's products (``id``, ``name``, ``goods_id``); ``approved``/``unapproved``:
    the goods library by audit status (``Goods.audit_status``)."""
    in_room = {g.goods_id: g for g in room_goods}
    room_by_name = {_key(g.name): g for g in room_goods}
    library = {g.goods_id: g for g in approved}
    library_by_name = {_key(g.name): g for g in approved}
    pending = {g.goods_id: g for g in unapproved}
    pending_by_name = {_key(g.name): g for g in unapproved}
    report = GoodsMatch()
    for product in products:
        pid, name = str(product.id), str(product.name)
        wanted = _as_int(getattr(product, "goods_id", ""))
        found: Goods | None
        if wanted is not None:
            if wanted in in_room:
                report.rows.append(MatchRow(pid, name, MATCHED_BY_ID, wanted))
                continue
            found, where = library.get(wanted), "library"
            if found is None:
                found, where = pending.get(wanted), "pending"
        else:
            match = room_by_name.get(_key(name))
            if match is not None:
                report.rows.append(MatchRow(pid, name, MATCHED_BY_NAME, match.goods_id))
                continue
            found, where = library_by_name.get(_key(name)), "library"
            if found is None:
                found, where = pending_by_name.get(_key(name)), "pending"
        if found is not None and where == "library":
            report.rows.append(MatchRow(pid, name, NOT_IN_ROOM, found.goods_id, translate(
                "GoodsMatch", "Approved but not in the room: add it to the room (button below, or 导入商品 in "
                              "the live console).")))
        elif found is not None:
            status = translate("GoodsMatch", _AUDIT_WORDS.get(found.audit_status or 0, _AUDIT_WORDS[0]))
            report.rows.append(MatchRow(pid, name, UNAPPROVED, found.goods_id, translate(
                "GoodsMatch", "In the goods library but {status}: it cannot go into a room until it is "
                              "approved. Submit it in 微信公众平台 → 直播 → 商品库, or take it out of the "
                              "plan.").format(status=status)))
        elif wanted is not None:
            report.rows.append(MatchRow(pid, name, MISSING, wanted, translate(
                "GoodsMatch", "No goods {id} in the room or the goods library: check the goods id in the "
                              "plan.").format(id=wanted)))
        else:
            report.rows.append(MatchRow(pid, name, MISSING, None, translate(
                "GoodsMatch", "No goods of the room or the library has this name: add its goods id to the "
                              "plan, or add the product in 微信公众平台 → 直播 → 商品库.")))
    return report
