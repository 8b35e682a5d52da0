"""The overlays' layout maths, text fitting and countdown wording: pure functions, no OBS."""

from __future__ import annotations

from decimal import Decimal

import pytest

from studio.obs import overlay_layout as L
from studio.obs.names import COUPON_BANNER, LOTTERY_COUNTDOWN
from studio.obs.overlay_layout import Box, layout_for

CANVASES = {
    "720P portrait": (720, 1280),
    "1080P portrait": (1080, 1920),
    "720P landscape": (1280, 720),
    "1080P landscape": (1920, 1080),
}

LONG_NAME = "超值家用多功能电饭煲 IH 加热 4L 大容量 智能预约 一键快煮 不粘内胆 赠蒸笼 量杯 饭勺 全国联保"


@pytest.mark.parametrize("canvas", CANVASES.values(), ids=CANVASES.keys())
def test_every_piece_fits_the_canvas_and_nothing_overlaps(canvas):
    layout = layout_for(*canvas)
    screen = layout.canvas
    card = L.product_card(layout, LONG_NAME, "直播价 ¥59.9", "原价 ¥99", has_image=True)
    ticker = L.ticker(layout, "关注主播不迷路，八点整准时抽免单，记得点亮小红心分享给好友一起来")
    lottery = L.banner(layout, LOTTERY_COUNTDOWN, "抽奖 · 电饭煲", " · 还剩 09:59")
    coupon = L.banner(layout, COUPON_BANNER, "满200减30", " · 还剩 04:59")
    for piece in card + ticker + lottery + coupon:
        assert piece.box.inside(screen), piece
    for piece in card[1:]:
        assert piece.box.inside(layout.card), piece  # text and image stay on the card
    # Ticker (at its tallest), countdowns and card do not cover each other.
    tallest_ticker = layout.ticker_bar(layout.ticker_max_lines)
    assert tallest_ticker.bottom <= layout.lottery.y
    assert layout.lottery.bottom <= layout.coupon.y
    assert layout.coupon.bottom <= layout.card.y


@pytest.mark.parametrize("canvas", CANVASES.values(), ids=CANVASES.keys())
def test_card_is_in_the_lower_third_and_countdowns_top_right(canvas):
    width, height = canvas
    layout = layout_for(width, height)
    assert layout.card.y >= height * 2 / 3
    assert layout.lottery.right == width - layout.margin  # right-aligned
    assert layout.lottery.y < height / 3
    bar = layout.ticker_bar(1)
    assert (bar.x, bar.w) == (0, width)  # across the top
    if height > width:  # portrait: the card spans the width
        assert layout.card.w == width - 2 * layout.margin
    else:  # landscape: bottom-left, not across the whole picture
        assert layout.card.x == layout.margin and layout.card.right < width * 0.6


def test_sizes_scale_with_the_canvas():
    small, big = layout_for(720, 1280), layout_for(1080, 1920)
    assert big.unit == pytest.approx(1.5) and small.unit == 1.0
    assert big.fonts.name == round(small.fonts.name * 1.5)
    assert big.fonts.ticker == round(small.fonts.ticker * 1.5)
    assert big.card.h == pytest.approx(small.card.h * 1.5, abs=3)
    # Landscape 720P has the same unit as portrait 720P: text is as big on both.
    assert layout_for(1280, 720).fonts == small.fonts


def test_a_long_name_wraps_to_two_lines_and_ends_in_an_ellipsis():
    layout = layout_for(720, 1280)
    card = {p.role: p for p in L.product_card(layout, LONG_NAME, "直播价 ¥59.9")}
    lines = card["name"].text.split("\n")
    assert len(lines) == 2 and lines[1].endswith("…")
    width = layout.card_text_width(with_image=False)
    assert all(L.text_width(line, layout.fonts.name) <= width for line in lines)
    assert LONG_NAME.startswith(lines[0])


def test_a_short_name_is_left_alone_and_the_list_price_sits_after_the_live_price():
    layout = layout_for(720, 1280)
    card = {p.role: p for p in L.product_card(layout, "保温杯", "直播价 ¥39", "原价 ¥69")}
    assert card["name"].text == "保温杯"
    assert card["list_price"].visible and card["list_price"].box.x > card["price"].box.right
    assert card["list_price"].box.bottom <= card["price"].box.bottom
    no_list = {p.role: p for p in L.product_card(layout, "保温杯", "直播价 ¥39")}
    assert not no_list["list_price"].visible


def test_image_takes_a_square_on_the_left_and_the_text_moves_right():
    layout = layout_for(720, 1280)
    with_image = {p.role: p for p in L.product_card(layout, "保温杯", "直播价 ¥39", has_image=True)}
    without = {p.role: p for p in L.product_card(layout, "保温杯", "直播价 ¥39")}
    image = with_image["image"].box
    assert image.w == image.h and image.inside(layout.card)
    assert with_image["name"].box.x >= image.right
    assert without["name"].box.x < image.right and not without["image"].visible


def test_wrap_keeps_latin_words_whole_and_cuts_only_words_longer_than_a_line():
    lines = L.wrap("Apple iPhone 15 Pro", 9 * 0.55 * 30, 30, 5)
    assert lines == ["Apple", "iPhone 15", "Pro"]
    assert L.wrap("Supercalifragilistic", 5 * 0.55 * 30, 30, 9) == ["Super", "calif", "ragil", "istic"]
    assert L.wrap("  多余  的\n空白 ", 1000, 30, 2) == ["多余 的 空白"]
    assert L.wrap("", 100, 30, 2) == []


def test_shorten_and_fit_label_keep_the_countdown_whole():
    assert L.shorten("短", 100, 30) == "短"
    cut = L.shorten("一二三四五六七八九十", 5 * 30, 30)
    assert cut.endswith("…") and L.text_width(cut, 30) <= 5 * 30
    text = L.fit_label("满200减30 全场通用 限时专享大额优惠券", " · 还剩 04:59", 12 * 28, 28)
    assert text.endswith(" · 还剩 04:59") and "…" in text
    assert L.text_width(text, 28) <= 12 * 28


@pytest.mark.parametrize(("remaining", "shown"), [
    (300, "05:00"), (299.2, "05:00"), (299.0, "04:59"), (59.5, "01:00"), (0.2, "00:01"),
    (0, "00:00"), (-5, "00:00"), (600, "10:00"), (3723, "1:02:03"),
])
def test_countdown_reads_like_a_clock_and_rounds_up(remaining, shown):
    assert L.format_countdown(remaining) == shown


def test_next_tick_lands_on_the_second_edge():
    assert L.next_change_in(299.25) == pytest.approx(0.25)
    assert L.next_change_in(300.0) == pytest.approx(1.0)
    assert L.next_change_in(0.4) == pytest.approx(0.4)
    assert L.next_change_in(0) == 0


@pytest.mark.parametrize(("price", "text"), [
    ("59.90", "¥59.9"), (99, "¥99"), (59.9, "¥59.9"), (Decimal("100.00"), "¥100"), ("¥1,299", "¥1299"),
    ("0.5", "¥0.5"), ("面议", "面议"),
])
def test_prices_read_as_a_host_says_them(price, text):
    assert L.format_price(price) == text


def test_colours_are_in_obs_order():
    assert L.obs_color("#FF0000") == 0xFF0000FF  # 0xAABBGGRR
    assert L.obs_color("#0000FF", alpha=0x80) == 0x80FF0000


def test_bad_canvas_is_refused():
    with pytest.raises(ValueError):
        layout_for(0, 1280)


def test_box_inside():
    assert Box(1, 1, 2, 2).inside(Box(0, 0, 3, 3))
    assert not Box(1, 1, 3, 2).inside(Box(0, 0, 3, 3))
