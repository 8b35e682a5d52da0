"""The platform's rules, with time passed in (no clock, no sleeps)."""

from __future__ import annotations

from datetime import datetime

import pytest

from studio.show import rules
from studio.show.rules import RoomTally, check_announcement_text

T0 = 1_718_712_000.0  # 2024-06-18 20:00 Beijing


@pytest.mark.parametrize(("text", "ok"), [("一二三", False), ("一二三四", True), ("字" * 34, True),
                                           ("字" * 35, False), ("  一二三  ", False)])
def test_announcement_length(text, ok):
    verdict = check_announcement_text(text)
    assert verdict.allowed is ok
    if not ok:
        assert verdict.rule == "announcement_length" and "4–34" in verdict.reason


def test_next_announcement_only_after_the_current_20_s():
    tally = RoomTally()
    tally.record_live(T0)
    assert tally.check_announcement("欢迎来到直播间", T0).allowed
    tally.record_announcement(T0)
    refused = tally.check_announcement("第二条公告来了", T0 + 5)
    assert not refused.allowed and refused.rule == "announcement_showing"
    assert refused.allowed_at == T0 + 20 and refused.wait_seconds(T0 + 5) == 15
    assert "in 15 s" in refused.reason
    assert tally.check_announcement("第二条公告来了", T0 + 20).allowed


def test_60_s_wait_when_both_gaps_of_the_last_three_were_under_5_s():
    tally = RoomTally()
    tally.record_live(T0)
    # Each pushed 2 s after the previous one ended: both gaps < 5 s.
    for at in (T0, T0 + 22, T0 + 44):
        tally.record_announcement(at)
    refused = tally.check_announcement("第四条公告内容", T0 + 64)
    assert refused.rule == "announcement_burst" and refused.allowed_at == T0 + 44 + 60
    assert "60 s" in refused.reason
    assert tally.check_announcement("第四条公告内容", T0 + 104).allowed


def test_one_slow_gap_means_no_60_s_wait():
    tally = RoomTally()
    tally.record_live(T0)
    for at in (T0, T0 + 22, T0 + 50):  # gaps 2 s and 8 s
        tally.record_announcement(at)
    assert tally.check_announcement("第四条公告内容", T0 + 70).allowed
    assert tally.announcement_allowed_at(T0 + 60) == (T0 + 70, "announcement_showing")


def test_at_most_30_lotteries():
    tally = RoomTally()
    tally.record_live(T0, planned_end=T0 + 7200)
    for _ in range(rules.MAX_LOTTERIES):
        assert tally.check_lottery(10, T0).allowed
        tally.record_lottery()
    refused = tally.check_lottery(10, T0)
    assert refused.rule == "lottery_cap" and refused.allowed_at is None and "30" in refused.reason


def test_lottery_whose_draw_falls_after_the_planned_end():
    tally = RoomTally()
    tally.record_live(T0, planned_end=T0 + 3600)
    assert tally.check_lottery(10, T0 + 3000).allowed  # drawn exactly at the end
    refused = tally.check_lottery(10, T0 + 3001)
    assert refused.rule == "draw_after_end"
    assert "at most 9 min" in refused.reason


def test_lottery_draw_after_the_12_h_limit_even_without_a_planned_end():
    tally = RoomTally()
    tally.record_live(T0)
    assert tally.check_lottery(10, T0 + 12 * 3600 - 600).allowed
    assert tally.check_lottery(10, T0 + 12 * 3600 - 599).rule == "draw_after_end"


def test_the_12_h_limit_stops_everything():
    tally = RoomTally()
    tally.record_live(T0)
    assert tally.check_live_time(T0 + 12 * 3600 - 1).allowed
    late = T0 + 12 * 3600
    for verdict in (tally.check_live_time(late), tally.check_announcement("欢迎来到直播间", late),
                    tally.check_on_shelf("1", late), tally.check_subscriber_push(late)):
        assert verdict.rule == "show_12h" and "12-hour" in verdict.reason


def test_at_most_200_goods_on_the_shelf():
    tally = RoomTally()
    for n in range(rules.MAX_GOODS_ON_SHELF):
        tally.record_on_shelf(str(n))
    assert tally.check_on_shelf("5", T0).allowed  # already on it
    refused = tally.check_on_shelf("new", T0)
    assert refused.rule == "goods_cap" and "Take a product off" in refused.reason
    tally.record_off_shelf("5")
    assert tally.check_on_shelf("new", T0).allowed


def test_subscriber_push_once_a_day_beijing_time_and_only_while_live():
    tally = RoomTally()
    assert tally.check_subscriber_push(T0).rule == "not_live"
    tally.record_live(T0)
    assert tally.check_subscriber_push(T0).allowed
    tally.record_subscriber_push(T0)
    refused = tally.check_subscriber_push(T0 + 3600)
    midnight = datetime.fromisoformat("2024-06-19T00:00:00+08:00").timestamp()
    assert refused.rule == "subscriber_daily" and refused.allowed_at == midnight
    assert tally.check_subscriber_push(midnight).allowed
