"""The show plan file: load, every problem with its line, save atomically, round trip."""

from __future__ import annotations

import math
import os
from decimal import Decimal
from pathlib import Path

import pytest

from studio.errors import UserError
from studio.show.plan import (
    Announcement,
    Plan,
    PlanInvalid,
    Product,
    Step,
    check_plan_text,
    load_plan,
    plan_to_toml,
    save_plan,
)
from tests.studio.hostile_plans import HOSTILE_PLANS

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "show-plan.toml"


def _lines(text: str) -> list[tuple[int, str]]:
    _, problems = check_plan_text(text)
    return [(p.line, p.where) for p in problems]


def test_example_plan_is_valid_and_complete():
    plan = load_plan(EXAMPLE)
    assert plan.show.title == "夏日好物专场"
    assert [p.id for p in plan.products] == ["fan", "cup", "towel"]
    fan = plan.product("fan")
    assert fan is not None and fan.live_price == Decimal("49.90") and fan.goods_id == "10086001"
    assert fan.talking_points[0].startswith("三档风力")
    assert plan.lottery("bag").minutes == 10 and plan.lottery("big").kind == "like"
    assert plan.order[0].step == "segment" and plan.order[-1] == Step("draw", "big")
    # Targets: the show's 6 min a product, the cup's own 8, a segment's own 3.
    assert plan.step_target_seconds(Step("explain", "fan")) == 360
    assert plan.step_target_seconds(Step("explain", "cup")) == 480
    assert plan.step_target_seconds(plan.order[0]) == 180


def test_every_problem_is_reported_with_its_line():
    text = """\
[show]
title = "测试"
kind = "party"
planned_minutes = 60

[[products]]
id = "a"
name = "商品A"
price = "abc"
goods_id = "1.23E+18"

[[products]]
id = "a"
nmae = "typo"

[[lotteries]]
id = "l1"
prize = "耳机"
kind = "share"

[[announcements]]
id = "n1"
text = "短"

[[order]]
step = "explain"
ref = "nope"

[[order]]
step = "dance"
"""
    assert _lines(text) == [
        (3, "show.kind"),
        (9, "products[1].price"),
        (10, "products[1].goods_id"),
        (12, "products[2]"),  # the name is missing: the table's own line
        (13, "products[2].id"),  # used twice
        (14, "products[2].nmae"),
        (19, "lotteries[1].kind"),
        (23, "announcements[1].text"),
        (27, "order[1].ref"),
        (30, "order[2].step"),
    ]
    _, problems = check_plan_text(text)
    duplicate = next(p for p in problems if p.where == "products[2].id")
    assert "line 7" in duplicate.message  # says where the first one is


def test_toml_syntax_error_names_its_line():
    plan, problems = check_plan_text('[show]\ntitle = "ok"\nkind = sales\n')
    assert plan is None
    assert [p.line for p in problems] == [3]
    assert "TOML" in problems[0].message


def test_lines_survive_multiline_strings_and_arrays():
    text = '''\
[[products]]
id = "a"
name = """多行
price = "fake"
"""
talking_points = [
  "x = 1",
  "y",
]
price = -1
'''
    assert _lines(text) == [(10, "products[1].price")]


def test_lottery_drawn_after_the_planned_end_and_the_12h_limit():
    text = """\
[show]
planned_minutes = 800

[[lotteries]]
id = "l"
prize = "奖"

[[order]]
step = "segment"
title = "开场"
minutes = 795

[[order]]
step = "lottery"
ref = "l"
"""
    _, problems = check_plan_text(text)
    assert [(p.line, p.where) for p in problems] == [(2, "show.planned_minutes"), (13, "order[2]")]
    assert "12 hours" in problems[0].message
    assert "after the planned end" in problems[1].message


def test_caps_of_lotteries_and_goods_on_the_shelf():
    lotteries = "".join(f'[[lotteries]]\nid = "l{i}"\nprize = "p"\n' for i in range(31))
    goods = "".join(f'[[products]]\nid = "p{i}"\nname = "n"\ngoods_id = "{i}"\n' for i in range(201))
    _, problems = check_plan_text(lotteries + goods)
    assert [p.where for p in problems] == ["lotteries[31]", "products[201]"]
    assert problems[0].line == 31 * 3 + 1 - 3  # the 31st [[lotteries]] header


def test_load_raises_with_every_problem(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[[announcements]]\nid = "a"\ntext = "x"\n[[announcements]]\nid = "b"\n', "utf-8")
    with pytest.raises(PlanInvalid) as caught:
        load_plan(path)
    assert [p.line for p in caught.value.problems] == [3, 4]
    assert "line 3" in str(caught.value)
    with pytest.raises(UserError, match="No show plan"):
        load_plan(tmp_path / "missing.toml")


def test_round_trip_keeps_everything(tmp_path):
    plan = load_plan(EXAMPLE)
    plan.products.append(Product(id="q", name='带"引号"\\和\n换行', price=Decimal("10"),
                                 talking_points=["a\tb"], stock=0))
    plan.announcements.append(Announcement("x", "第二条公告内容"))
    path = tmp_path / "plan.toml"
    save_plan(plan, path)
    again = load_plan(path)
    assert again == plan
    assert plan_to_toml(again) == path.read_text("utf-8")
    assert path.read_text("utf-8").startswith("# 直播方案")  # documented for the next reader


def test_save_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "plan.toml"
    save_plan(Plan(products=[Product("a", "旧")]), path)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)  # the rename of studio.config.write_atomically
    with pytest.raises(OSError):
        save_plan(Plan(products=[Product("a", "新")]), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["plan.toml"]  # no temp file left behind


def test_next_id_and_titles():
    plan = Plan(products=[Product("p1", "风扇"), Product("p2", "杯子")])
    assert plan.next_id("p") == "p3"
    assert plan.step_title(Step("explain", "p2")) == "杯子"
    assert plan.step_title(Step("segment", title="开场")) == "开场"


# ----- hostile plans: the corpus of what once crashed or slipped through `show check` ----------

@pytest.mark.parametrize("name", sorted(HOSTILE_PLANS))
def test_a_hostile_plan_is_a_problem_not_a_crash(name):
    plan, problems = check_plan_text(HOSTILE_PLANS[name])
    assert problems, f"{name} was accepted"
    assert all(isinstance(p.message, str) and p.message for p in problems)
    if plan is not None:  # what was accepted can be run: every target is a finite number of seconds
        assert all(math.isfinite(plan.step_target_seconds(s)) for s in plan.order)


def test_a_hostile_plan_file_raises_only_plan_invalid(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(HOSTILE_PLANS["price 1e30"], encoding="utf-8")
    with pytest.raises(PlanInvalid) as info:
        load_plan(path)
    assert "price" in str(info.value)


def test_a_start_with_a_time_zone_and_plain_numbers_still_pass():
    plan, problems = check_plan_text('[show]\nstart = 2024-06-18T20:00:00+08:00\n\n[[products]]\nid = "p"\n'
                                     'name = "扇"\nprice = 99999999\nstock = 1000000\nminutes = 720\n'
                                     'goods_id = 10086001\n')
    assert problems == [] and plan is not None
    assert plan.products[0].goods_id == "10086001" and plan.show.start is not None
