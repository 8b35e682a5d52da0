"""Plan products matched to the mini-program room's goods before the show: by id, by name, not in
the room (approved: one click adds it), unapproved (in review / rejected) and missing."""

from __future__ import annotations

from dataclasses import dataclass

from studio.room.matching import MATCHED_BY_ID, MATCHED_BY_NAME, MISSING, NOT_IN_ROOM, UNAPPROVED, match_goods
from studio.room.wechat import Goods


@dataclass
class P:
    id: str
    name: str
    goods_id: str = ""


ROOM = [Goods(2001, "云南小粒咖啡 500g", 6990), Goods(2002, "手工牛轧糖礼盒", 12800)]
APPROVED = [*ROOM, Goods(2005, "围巾 羊毛", 15900, audit_status=2)]
LIBRARY_PENDING = [Goods(2004, "蓝牙耳机（审核中）", 19900, audit_status=1),
                   Goods(2009, "旧款帽子", 900, audit_status=3)]


def _match(*products: P):
    return match_goods(products, ROOM, approved=APPROVED, unapproved=LIBRARY_PENDING)


def test_by_goods_id_first_and_the_name_does_not_matter_then():
    report = _match(P("coffee", "咖啡（计划里的名字）", "2001"))
    row, = report.rows
    assert row.status == MATCHED_BY_ID and row.goods_id == 2001 and row.matched and not row.advice
    assert report.goods_ids == {"coffee": "2001"} and report.problems == []
    assert "All 1 products" in report.summary()


def test_by_name_when_the_plan_has_no_goods_id_ignoring_spaces_and_case():
    report = _match(P("nougat", " 手工 牛轧糖礼盒 "), P("coffee", "云南小粒咖啡 500G"))
    assert [(r.status, r.goods_id) for r in report.rows] == [(MATCHED_BY_NAME, 2002), (MATCHED_BY_NAME, 2001)]
    assert report.goods_ids == {"nougat": "2002", "coffee": "2001"}


def test_approved_but_not_in_the_room_can_be_added_in_one_click():
    report = _match(P("scarf", "围巾", "2005"), P("scarf2", "围巾 羊毛"))
    assert [r.status for r in report.rows] == [NOT_IN_ROOM, NOT_IN_ROOM]
    assert report.addable == [2005, 2005] and "add it to the room" in report.rows[0].advice
    assert report.goods_ids == {}


def test_unapproved_goods_say_their_review_state_and_what_to_do():
    report = _match(P("ear", "耳机", "2004"), P("hat", "旧款帽子"))
    review, rejected = report.rows
    assert review.status == rejected.status == UNAPPROVED
    assert "in review (审核中)" in review.advice and "rejected" in rejected.advice
    assert "商品库" in review.advice and report.addable == []


def test_missing_goods_say_what_to_check():
    report = _match(P("x", "不存在的商品", "9999"), P("y", "也没有 id 的商品"))
    by_id, by_name = report.rows
    assert by_id.status == by_name.status == MISSING
    assert "9999" in by_id.advice and "check the goods id" in by_id.advice
    assert by_name.goods_id is None and "goods id" in by_name.advice
    assert "0 of 2 products" in report.summary() and "2 need attention" in report.summary()
