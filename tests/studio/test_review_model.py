"""The review's numbers for a synthetic 2-hour show (tests/fakes/review.py), against figures
computed here by hand from the script and the platform export's formulas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.errors import UserError
from studio.review.model import build_review, compare, list_shows, sum_metric
from studio.review.platform import NeedsPlatformMapping, parse_number, read_platform_files
from tests.fakes.review import (
    CRASH,
    CST,
    EMPTY_ORDERS_MINUTE,
    MISSING_MINUTES,
    SHOW_S,
    T0,
    make_show,
    minute_values,
    write_export_xlsx,
    write_minutes_csv,
    write_products_csv,
)


@pytest.fixture(scope="module")
def show(tmp_path_factory):
    return make_show(tmp_path_factory.mktemp("review"))


@pytest.fixture(scope="module")
def review(show):
    directory = show.plan.parent
    minutes = write_minutes_csv(directory / "直播分钟数据.csv")
    products = write_products_csv(directory / "商品数据.csv")
    platform = read_platform_files([minutes, products], show_start=T0, show_end=T0 + SHOW_S, tz=CST)
    return build_review(show.log, health_paths=show.health, platform=platform, tz=CST)


def rel(t: float | None) -> float | None:
    return None if t is None else round(t - T0, 3)


def by_hand(key: str, windows: list[tuple[int, int]]) -> tuple[float | None, int, int]:
    """Sum of the platform's minutes that began inside the windows; (value, buckets, with data)."""
    total, buckets, present = 0.0, 0, 0
    for start, end in windows:
        for k in range(SHOW_S // 60):
            if not start <= k * 60 < end:
                continue
            buckets += 1
            if k in MISSING_MINUTES or (key == "orders" and k == EMPTY_ORDERS_MINUTE):
                continue
            present += 1
            total += minute_values(k)[key]
    return (total if present else None), buckets, present


def test_the_timeline_is_planned_against_actual_with_reruns_skips_and_gaps(review):
    assert review.title == "夏日好物专场"
    assert rel(review.start) == 0 and rel(review.end) == SHOW_S and review.ended_cleanly
    assert review.planned_s == 120 * 60
    rows = [(s.title, s.kind, s.rerun, s.planned_s, [(rel(a), rel(b)) for a, b in s.windows], s.status, s.overrun)
            for s in review.steps]
    fan = next(r for r in rows if r[0] == "便携折叠小风扇")
    assert fan == ("便携折叠小风扇", "explain", False, 600.0, [(240, 960)], "done", True)  # 12 of 10 min
    cup = next(r for r in rows if r[0] == "316 不锈钢保温杯")
    assert cup[4] == [(1080, 1680)] and not cup[6]  # on target
    reruns = [(r[4], r[6]) for r in rows if r[2]]
    assert reruns == [([(1800, 2100)], False), ([(3900, 4500)], False), ([(4800, 6000)], True),
                      ([(6620, 7180)], False)]
    skipped = [r for r in rows if r[5] == "skipped"]
    assert [(r[0], r[1], r[4]) for r in skipped] == [("毛巾秒杀", "flash_sale", [])]
    # The steps are listed in the order they aired; the skipped one last.
    assert [r[4][0][0] for r in rows if r[4]] == sorted(r[4][0][0] for r in rows if r[4])
    # Nothing on air and no timer running: 3720–3900, 4500–4600, after the 20 s announcement
    # 4620–4800, and after the coupon's 5 minutes 6300–6600.
    assert [(rel(g.start), rel(g.end)) for g in review.gaps] == [(3720, 3900), (4500, 4600), (4620, 4800),
                                                                  (6300, 6600)]


def test_moments_name_every_action_with_its_outcome(review):
    moments = [(rel(m.at), m.kind, m.ref, m.status) for m in review.moments]
    assert (30, "announcement", "", "sent") in moments
    assert (180, "lottery_start", "bag", "sent") in moments
    assert (970, "lottery_draw", "bag", "sent") in moments
    assert (1020, "coupon", "c199", "sent") in moments
    assert (1805, "push", "fan", "partial") in moments  # the live room failed, the card went up
    assert (1810, "push", "fan", "sent") in moments
    assert (2400, "scene", "", "") in moments
    assert (2490, "resumed", "", "") in moments
    assert [m[0] for m in moments if m[1] == "rerun"] == [1800, 3900, 4800, 6620]
    assert [m[0] for m in moments if m[1] == "push" and m[3] == "sent"] == [240, 1080, 1810, 2160, 2820, 3900]


def test_per_product_windows_and_platform_figures_match_the_hand_computed_ones(review):
    products = {p.ref: p for p in review.products}
    assert set(products) == {"fan", "cup", "towel", "tea"}
    windows = {"fan": [(240, 960), (1800, 2100)], "cup": [(1080, 1680), (3900, 4500)],
               "towel": [(2160, 2760), (6620, 7180)], "tea": [(2820, 3420), (4800, 6000)]}
    for ref, expected in windows.items():
        product = products[ref]
        assert [(rel(w.start), rel(w.end)) for w in product.windows] == expected
        assert product.explained_s == sum(b - a for a, b in expected)
        assert product.reruns == 1
        for key in ("visitors", "clicks", "orders", "revenue"):
            value, buckets, present = by_hand(key, expected)
            metric = getattr(product, key)
            assert (metric.buckets, metric.with_data) == (buckets, present), (ref, key)
            assert metric.value == pytest.approx(value), (ref, key)
    # Spelled out for one product: fan's minutes 4–15 and 30–34 (k % 3 orders).
    assert products["fan"].orders.value == 16 and products["fan"].revenue.value == pytest.approx(798.4)
    # cup's first window holds the two minutes the export lacks: 18 of 20 minutes had data.
    assert (products["cup"].orders.buckets, products["cup"].orders.with_data) == (20, 18)
    assert not products["cup"].orders.complete
    # towel's window holds minute 40 whose orders cell is empty: missing for orders only.
    assert (products["towel"].orders.with_data, products["towel"].revenue.with_data) == (18, 19)
    # Online count at each window's start and end: the minute holding that moment, never a blend.
    fan_first = products["fan"].windows[0]
    assert (fan_first.online_start, fan_first.online_end) == (104.0, 115.0)
    cup_first = products["cup"].windows[0]
    assert cup_first.online_start == 118.0
    assert products["cup"].windows[0].online_end == 127.0
    # Conversion while explained: orders ÷ clicks.
    fan_clicks = by_hand("clicks", windows["fan"])[0]
    assert products["fan"].conversion_pct == pytest.approx(16 * 100 / fan_clicks)
    # Ranked by revenue while explained.
    revenues = {ref: by_hand("revenue", w)[0] for ref, w in windows.items()}
    order = sorted(revenues, key=lambda r: -revenues[r])
    assert [products[r].rank for r in order] == [1, 2, 3, 4]
    # The by-product export's whole-show row: 万 and 分 read, "--" and "" missing.
    assert products["fan"].platform == {"exposure": 12000.0, "clicks": 800.0, "orders": 64.0, "buyers": 60.0,
                                        "revenue": 3193.6, "explanations": 2.0}
    assert products["tea"].platform["orders"] is None and products["tea"].platform["revenue"] is None
    # Pushes and time on screen (the card stays up until the next card: the log says so).
    assert [(rel(t), s) for t, s in products["fan"].pushes] == [(240, "sent"), (1805, "partial"), (1810, "sent")]
    assert products["fan"].on_screen_s == (1080 - 240) + (2160 - 1805)
    assert products["cup"].on_screen_s == (1805 - 1080) + (SHOW_S - 3900)


def test_lotteries_held_and_online_around_them(review):
    lotteries = [(x.ref, rel(x.start), rel(x.draw), x.held_s, x.online_start, x.online_draw, x.online_peak)
                 for x in review.lotteries]
    assert lotteries == [("bag", 180, 970, 790, 103.0, 116.0, 116.0),
                         ("big", 2100, 2770, 670, 135.0, 146.0, 146.0)]


def test_faults_with_start_duration_and_what_was_on_air(review):
    faults = [(f.kind, rel(f.start), f.seconds, f.on_air, f.source) for f in review.faults]
    fan_rerun = next(s.title for s in review.steps if s.rerun and s.ref == "fan")
    tea_rerun = next(s.title for s in review.steps if s.rerun and s.ref == "tea")
    assert faults == [
        ("obs_gone", 1500, 90, "316 不锈钢保温杯", "health+log"),  # one outage, seen twice
        ("room_failed", 1805, 0, fan_rerun, "log"),
        ("console_down", CRASH[0], CRASH[1] - CRASH[0], "冰感速干运动毛巾", "log"),
        ("low_bitrate", 3000, 20, "冷泡茶礼盒", "health"),
        ("dropped_frames", 3600, 5, "收尾: 预告下一场", "health"),
        ("reconnecting", 5000, 30, tea_rerun, "health"),
    ]
    assert "便携折叠小风扇" in fan_rerun and "冷泡茶礼盒" in tea_rerun
    assert review.room_calls >= 10 and review.room_latency_ms is not None


def test_missing_health_is_missing_not_joined(review):
    h = review.health
    assert len(h.files) == 2
    assert [(rel(a), rel(b)) for a, b in h.missing] == [CRASH]
    assert len(h.times) == SHOW_S - (CRASH[1] - CRASH[0])
    gone = [k for t, k in zip(h.times, h.kbps, strict=True) if 1500 <= t - T0 < 1590]
    assert gone and all(k is None for k in gone)  # an outage is no bitrate, never zero


def test_the_alignment_is_shown_and_missing_minutes_are_named(review):
    a = review.platform.alignment
    assert a.tz_label == "UTC+08:00" and a.offset_s == 0 and a.bucket_s == 60 and a.bucket_label == "start"
    assert (a.first_source, rel(a.first_at)) == ("2024-06-18 20:00", 0)
    assert (a.last_source, rel(a.last_at)) == ("2024-06-18 21:59", SHOW_S - 60)
    assert [rel(m) for m in a.missing_buckets] == [k * 60 for k in MISSING_MINUTES]
    assert review.platform.sheets and all("rows" in s for s in review.platform.sheets)


def test_an_offset_moves_the_platform_onto_the_show_clock(show):
    minutes = write_minutes_csv(show.plan.parent / "offset.csv")
    shifted = read_platform_files([minutes], show_start=T0, show_end=T0 + SHOW_S, tz=CST, offset_s=120)
    assert rel(shifted.minutes[0].at) == 120 and shifted.alignment.offset_s == 120
    assert shifted.row_at(T0 + 150).values["online"] == 100.0  # minute 0 now covers 120–180
    assert shifted.row_at(T0 + 60) is None  # before the platform's first row: missing


def test_the_xlsx_export_with_time_only_cells_gives_the_same_figures(show, review):
    book = write_export_xlsx(show.plan.parent / "export.xlsx")
    platform = read_platform_files([book], show_start=T0, show_end=T0 + SHOW_S, tz=CST)
    again = build_review(show.log, health_paths=show.health, platform=platform, tz=CST)
    assert any("2024-06-18" in note for note in platform.alignment.notes)  # the show's day, said so
    for mine, theirs in zip(again.products, review.products, strict=True):
        assert mine.orders == theirs.orders and mine.revenue.value == pytest.approx(theirs.revenue.value)
        assert mine.platform == theirs.platform
    assert len(platform.sheets) == 2


def test_an_export_on_another_day_is_reported_not_matched(show):
    minutes = write_minutes_csv(show.plan.parent / "day.csv")
    other = read_platform_files([minutes], show_start=T0 + 86_400, show_end=T0 + 86_400 + SHOW_S, tz=CST)
    assert any("do not overlap" in note for note in other.alignment.notes)
    assert sum_metric(other, "orders", T0 + 86_400, T0 + 86_400 + 600).value is None


def test_a_sheet_without_a_known_time_column_asks_for_a_mapping(tmp_path):
    path = tmp_path / "weird.csv"
    path.write_text("when,people online,paid\n20:00,5,1\n20:01,6,0\n", encoding="utf-8")
    with pytest.raises(NeedsPlatformMapping) as caught:
        read_platform_files([path], show_start=T0, show_end=T0 + 600, tz=CST)
    assert caught.value.headers == ["when", "people online", "paid"]
    # The header is not recognised at all, so the mapping names the columns the user chose.
    data = read_platform_files([path], show_start=T0, show_end=T0 + 600, tz=CST,
                               mapping={"": {"time": 0, "online": 1, "orders": 2}})
    assert [(rel(m.at), m.values) for m in data.minutes] == [(0, {"online": 5.0, "orders": 1.0}),
                                                             (60, {"online": 6.0, "orders": 0.0})]


@pytest.mark.parametrize(("text", "value"), [("¥130.37万", 1_303_700.0), ("4.1万", 41_000.0), ("15.52%", 15.52),
                                             ("1,234", 1234.0), ("--", None), ("", None), ("¥7544.20", 7544.2)])
def test_platform_numbers_as_the_consoles_write_them(text, value):
    assert parse_number(text) == (pytest.approx(value) if value is not None else None)


def test_a_torn_and_partly_unreadable_log_still_gives_a_review_that_names_what_it_skipped(show, tmp_path):
    lines = show.log.read_bytes().split(b"\n")
    broken = tmp_path / "broken.showlog.jsonl"
    middle = len(lines) // 2
    damaged = [*lines[:middle], b'{"seq": 9999, "ts": \xff\xfe garbage', *lines[middle + 3:-2]]
    data = b"\n".join(damaged) + b"\n" + lines[-2][: len(lines[-2]) // 2]  # the show_ended line, cut
    broken.write_bytes(data)
    review = build_review(broken, health_paths=show.health, tz=CST)
    said = " ".join(s.what for s in review.skipped)
    assert "1 unreadable line" in said and f"line {middle + 1}" in said
    assert "cut off" in said
    assert "missing from the show log" in said  # the events dropped around the bad line (seq gap)
    assert "no end of the show" in said
    assert not review.ended_cleanly and review.end < T0 + SHOW_S
    assert len(review.steps) >= 10 and review.products  # what was readable is reviewed


def test_a_log_truncated_at_the_start_and_an_empty_log(show, tmp_path):
    lines = show.log.read_bytes().split(b"\n")
    tail = tmp_path / "tail.showlog.jsonl"
    tail.write_bytes(b"\n".join(lines[len(lines) // 2:]))
    review = build_review(tail, health_paths=[], tz=CST)
    said = " ".join(s.what for s in review.skipped)
    assert "no start of the show" in said and review.start is not None
    assert "No health record" in said
    empty = tmp_path / "empty.showlog.jsonl"
    empty.write_bytes(b"")
    nothing = build_review(empty, health_paths=[], tz=CST)
    assert nothing.start is None and "nothing to review" in nothing.skipped[0].what
    assert json.dumps(nothing.as_dict())  # still renders as data


def test_the_health_files_of_the_show_are_found_by_time(show, monkeypatch):
    monkeypatch.setattr("studio.review.model.health_dir", lambda: show.health[0].parent)
    review = build_review(show.log, tz=CST)
    assert sorted(review.health.files) == sorted(str(p) for p in show.health)


def test_json_is_plain_data_with_a_thinned_health_series(review):
    data = json.loads(json.dumps(review.as_dict(health_points=500), ensure_ascii=False))
    assert data["title"] == "夏日好物专场" and len(data["products"]) == 4
    assert len(data["health"]["times"]) <= 500 and data["health"]["samples"] == len(review.health.times)
    assert data["platform"]["alignment"]["tz_label"] == "UTC+08:00"
    assert data["platform"]["totals"]["orders"] == sum(minute_values(k)["orders"] for k in range(120)
                                                       if k not in MISSING_MINUTES and k != EMPTY_ORDERS_MINUTE)


def test_list_and_compare_two_shows(show, review, tmp_path):
    entries = list_shows(show.log.parent)
    assert [(e.title, e.finished, rel(e.start), rel(e.end)) for e in entries] == [("夏日好物专场", True, 0, SHOW_S)]
    without_platform = build_review(show.log, health_paths=show.health, tz=CST)
    comparison = compare(review, without_platform)
    rows = {r.label: r for r in comparison.products}
    assert rows["便携折叠小风扇"].a["orders"] == 16 and rows["便携折叠小风扇"].b["orders"] is None
    assert rows["便携折叠小风扇"].a["minutes"] == rows["便携折叠小风扇"].b["minutes"] == 17
    faults = {r.key: r for r in comparison.faults}
    assert faults["obs_gone"].a == {"count": 1.0, "seconds": 90.0}
    assert comparison.lotteries.a == {"count": 2.0, "avg_held_s": 730.0}


def test_the_review_of_a_log_that_is_not_there_says_so(tmp_path):
    from studio.errors import UserError

    with pytest.raises(UserError):
        build_review(Path(tmp_path / "nope.showlog.jsonl"))


def test_a_saved_channels_dashboard_plugs_in_through_the_same_interface(tmp_path):
    """``studio-console channels dashboard`` saves getlivedata's answer; its blocks are JSON strings."""
    series = [{"dimensions": [{"type": 3, "ux_label": sex, "dimension_value": sex}], "step": 60,
               "points": [{"ts": int(T0 + 60 * k), "value": 10 * k + (1 if sex == "男" else 2)} for k in range(5)]}
              for sex in ("男", "女")]
    answer = {"errcode": 0, "trace_id": "t",
              "live_dashboard_data": json.dumps({"live_dashboard_data": {"portrait": {"online_watch_uv": series}}}),
              "single_live_ec_spu_data_page_v2": json.dumps({"spu_data_list": [
                  {"base_data": {"spu_name": "便携折叠小风扇", "spu_id": "10086001"}, "gmv": 319360, "pay_pv": 64,
                   "pay_uv": 60, "clk_uv": 800, "exp_uv": 12000, "explanation_count": 2}]})}
    path = tmp_path / "dashboard.json"
    path.write_text(json.dumps(answer, ensure_ascii=False, indent=1), encoding="utf-8")
    data = read_platform_files([path], show_start=T0, show_end=T0 + 300)
    assert data.sources == ["channels_dashboard"]
    assert [(rel(m.at), m.values["online"]) for m in data.minutes] == [(60 * k, 20 * k + 3) for k in range(5)]
    assert data.products[0].values["revenue"] == pytest.approx(3193.6) and data.products[0].goods_id == "10086001"
    empty = tmp_path / "other.json"
    empty.write_text('{"errcode": 0}', encoding="utf-8")
    with pytest.raises(UserError):
        read_platform_files([empty], show_start=T0, show_end=T0 + 300)


def test_without_a_health_record_the_logged_verdicts_stand_in_and_a_planned_stop_is_no_fault(tmp_path):
    from studio.show.log import ShowLog
    from tests.fakes.clock import FakeClock

    clock = FakeClock(T0)
    log = ShowLog(tmp_path / "v.showlog.jsonl", clock)
    log.append("show_started", title="测试", steps=[], planned_end=T0 + 600)
    log.append("room_target", target={"kind": "miniprogram", "label": "小程序直播间 1001"})
    clock.now = T0 + 60
    log.append("health_changed", level="critical", reason="reconnecting", word="危险", kbps=None, problems=[])
    clock.now = T0 + 90
    log.append("health_changed", level="stable", reason="bitrate", word="稳定", kbps=2400, problems=[])
    clock.now = T0 + 500
    log.append("stream_stopped", on_purpose=True, stream_seconds=500)
    clock.now = T0 + 600
    log.append("show_ended")
    log.close()
    review = build_review(log.path, health_paths=[], tz=CST)
    assert review.room == "小程序直播间 1001"
    assert [(f.kind, rel(f.start), f.seconds, f.source) for f in review.faults] == [("reconnecting", 60, 30, "log")]
