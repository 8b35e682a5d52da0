"""The pure half of the OBS overlays: where each overlay goes on the canvas, how big its text is,
how a long text is wrapped or shortened, and how a countdown reads. No I/O, no OBS, no clock.

Everything is laid out relative to OBS's base canvas (``GetVideoSettings``), with one unit ``u``
= the canvas' short side / 720: 1.0 on 720P (720×1280 portrait, 1280×720 landscape), 1.5 on 1080P.

- ticker (公告): a bar across the top, under the platform's own room header;
- lottery countdown (抽奖) and coupon banner (优惠券): stacked top-right, under the ticker;
- product card (商品卡): in the lower third — full width in portrait, bottom-left in landscape.

OBS measures text only after it has rendered it, so widths are *estimated* here (a CJK character
is one em wide, everything else a bit over half) to wrap and to put "…" where a text would not fit.
The OBS side also gives every text item a bounds box that only ever scales down (``MAX_ONLY``):
if an estimate is short, the text shrinks a little instead of running off the card or the screen.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from studio.obs.names import COUPON_BANNER

ELLIPSIS = "…"
LINE_HEIGHT = 1.25  # a line of text is about 1.25 em high in OBS's text sources (measured: 48 px → 53)
_NARROW_EM = 0.55  # Latin letters and digits in the CJK fonts we use average about half an em


# ----- the viewer's words --------------------------------------------------------------------------
@dataclass(frozen=True)
class OverlayWords:
    """What the overlays say on screen.

    These are read by the live room's *viewers*, so they follow the room's language (Chinese for
    the WeChat rooms this console serves), not the language of the console's own interface: an
    operator running the console in English still streams "直播价" to a Chinese audience.
    Pass another ``OverlayWords`` to ``ObsOverlays`` for a room in another language.
    """

    live_price: str = "直播价 {price}"
    list_price: str = "原价 {price}"
    currency: str = "¥"
    separator: str = " · "
    time_left: str = "还剩 {left}"  # coupon and lottery countdowns: "还剩 04:59"
    coupon_over: str = "已结束"
    lottery: str = "抽奖"
    lottery_soon: str = "{seconds} 秒后开奖"  # the last LOTTERY_SOON_SECONDS before the draw
    lottery_now: str = "正在开奖"

    @classmethod
    def english(cls) -> OverlayWords:
        return cls(live_price="Live price {price}", list_price="Was {price}", currency="¥",
                   time_left="{left} left", coupon_over="ended", lottery="Giveaway",
                   lottery_soon="draw in {seconds} s", lottery_now="drawing now")


LOTTERY_SOON_SECONDS = 30  # the rundown cues "开奖 in 30 s": the screen says the same


# ----- countdowns ----------------------------------------------------------------------------------
def seconds_shown(remaining: float) -> int:
    """Whole seconds a countdown shows: rounded up, so "00:00" appears only when time is up."""
    return max(0, math.ceil(remaining - 1e-9))


def format_countdown(remaining: float) -> str:
    """``04:59``; ``1:02:03`` from an hour up; never negative."""
    total = seconds_shown(remaining)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes:02d}:{seconds:02d}"


def next_change_in(remaining: float) -> float:
    """Seconds until the shown countdown changes: tick on the second's edge, not a drifting 1 s."""
    if remaining <= 0:
        return 0.0
    return remaining - (seconds_shown(remaining) - 1)


def format_price(price: Decimal | float | int | str, currency: str = "¥") -> str:
    """``¥59.9``, ``¥99`` (no trailing zeros), or the text as given when it is not a number."""
    try:
        value = Decimal(str(price).strip().lstrip("¥￥").strip().replace(",", ""))
    except InvalidOperation:
        return str(price)
    if not value.is_finite():
        return str(price)
    text = f"{value.quantize(Decimal('0.01')):f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return f"{currency}{text}"


# ----- measuring and fitting text ------------------------------------------------------------------
def char_em(ch: str) -> float:
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if unicodedata.combining(ch):
        return 0.0
    return _NARROW_EM


def text_width(text: str, size: float) -> float:
    """Estimated width in pixels of one line of ``text`` at font size ``size``."""
    return sum(char_em(ch) for ch in text) * size


def _fit_prefix(text: str, max_px: float, size: float) -> str:
    """The longest start of ``text`` that fits ``max_px`` (at least one character)."""
    out = text[:1]
    for ch in text[1:]:
        if text_width(out + ch, size) > max_px:
            break
        out += ch
    return out


def shorten(text: str, max_px: float, size: float) -> str:
    """``text`` if it fits on one line, else as much as fits followed by "…"."""
    if text_width(text, size) <= max_px:
        return text
    return _end_with_ellipsis(text, max_px, size)


def _end_with_ellipsis(text: str, max_px: float, size: float) -> str:
    cut = text
    while cut and text_width(cut.rstrip() + ELLIPSIS, size) > max_px:
        cut = cut[:-1]
    return cut.rstrip() + ELLIPSIS


def _tokens(text: str) -> list[str]:
    """Break points: every CJK character and every space stands alone; Latin words stay whole."""
    tokens: list[str] = []
    for ch in text:
        joins = (tokens and not ch.isspace() and char_em(ch) != 1.0
                 and not tokens[-1][-1].isspace() and char_em(tokens[-1][-1]) != 1.0)
        if joins:
            tokens[-1] += ch
        else:
            tokens.append(ch)
    return tokens


def wrap(text: str, max_px: float, size: float, max_lines: int) -> list[str]:
    """Greedy wrap into at most ``max_lines`` lines; the last one ends in "…" if text is left over."""
    text = " ".join(text.split())  # one paragraph: stray newlines from a goods list would break lines
    lines: list[str] = []
    current = ""
    for token in _tokens(text):
        if text_width(current + token, size) <= max_px:
            current += token
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = ""
        if token.isspace():
            continue
        while text_width(token, size) > max_px:  # one word longer than a whole line: cut inside it
            head = _fit_prefix(token, max_px, size)
            lines.append(head)
            token = token[len(head):]
        current = token
    if current.strip():
        lines.append(current.rstrip())
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _end_with_ellipsis(lines[-1], max_px, size)
    return lines


def fit_label(label: str, suffix: str, max_px: float, size: float) -> str:
    """One line ``label + suffix`` where only the label is shortened: the countdown always shows."""
    room = max_px - text_width(suffix, size)
    if room <= text_width(ELLIPSIS, size):
        return shorten(label + suffix, max_px, size)
    return shorten(label, room, size) + suffix


# ----- colours -------------------------------------------------------------------------------------
def obs_color(rgb: str, alpha: int = 255) -> int:
    """``"#RRGGBB"`` → the 0xAABBGGRR integer OBS keeps colours in."""
    value = rgb.lstrip("#")
    r, g, b = int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    return (alpha << 24) | (b << 16) | (g << 8) | r


@dataclass(frozen=True)
class Palette:
    card: str = "#D7263D"  # a sales red: the product card's background
    card_name: str = "#FFFFFF"
    card_price: str = "#FFE066"
    card_list_price: str = "#F9D3D8"
    coupon: str = "#F59E0B"
    coupon_text: str = "#3B1D00"
    lottery: str = "#6D28D9"
    lottery_text: str = "#FFFFFF"
    ticker: str = "#1E293B"
    ticker_text: str = "#FFFFFF"


# ----- the layout ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def inside(self, other: Box) -> bool:
        return (self.x >= other.x and self.y >= other.y and self.right <= other.right
                and self.bottom <= other.bottom)


def line_height(size: int) -> int:
    return round(size * LINE_HEIGHT)


@dataclass(frozen=True)
class Fonts:
    """Font sizes in pixels, already scaled to the canvas."""

    name: int
    price: int
    list_price: int
    banner: int
    ticker: int


@dataclass(frozen=True)
class Layout:
    """Where everything goes on one canvas. Text boxes are the *most* room a text may take."""

    width: int
    height: int
    unit: float
    fonts: Fonts
    margin: int
    pad: int
    card: Box
    card_image: Box  # a square at the card's left, used when the product has an image
    ticker_top: int
    ticker_pad: int
    ticker_max_lines: int
    lottery: Box
    coupon: Box
    banner_pad: int
    gap: int

    @property
    def canvas(self) -> Box:
        return Box(0, 0, self.width, self.height)

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    # The card's text column: right of the image when there is one.
    def card_text_x(self, with_image: bool) -> int:
        return self.card_image.right + self.pad if with_image else self.card.x + self.pad

    def card_text_width(self, with_image: bool) -> int:
        return self.card.right - self.pad - self.card_text_x(with_image)

    def ticker_text_width(self) -> int:
        return self.width - 2 * self.margin

    def ticker_bar(self, lines: int) -> Box:
        return Box(0, self.ticker_top, self.width,
                   lines * line_height(self.fonts.ticker) + 2 * self.ticker_pad)


def layout_for(width: int, height: int) -> Layout:
    """The overlay layout for a ``width``×``height`` base canvas."""
    if width <= 0 or height <= 0:
        raise ValueError(f"bad canvas {width}x{height}")
    u = min(width, height) / 720
    portrait = height > width

    def px(value: float) -> int:
        return round(value * u)

    fonts = Fonts(name=px(34), price=px(46), list_price=px(26), banner=px(28), ticker=px(30))
    margin, pad, gap = px(24), px(18), px(12)

    # Product card: two lines of name, then the price row.
    card_h = pad + 2 * line_height(fonts.name) + px(8) + line_height(fonts.price) + pad
    if portrait:
        card = Box(margin, round(height * 2 / 3) + margin, width - 2 * margin, card_h)
    else:
        card_w = min(width - 2 * margin, px(680))
        card = Box(margin, height - margin - card_h, card_w, card_h)
    side = card_h - 2 * pad
    card_image = Box(card.x + pad, card.y + pad, side, side)

    # Ticker under the platform's room header (avatar, room name, viewer count sit at the top).
    ticker_top = round(height * (0.085 if portrait else 0.05))
    ticker_pad = px(12)
    ticker_max_lines = 2
    ticker_bottom = ticker_top + ticker_max_lines * line_height(fonts.ticker) + 2 * ticker_pad

    banner_pad = px(10)
    banner_h = line_height(fonts.banner) + 2 * banner_pad
    banner_w = min(width - 2 * margin, px(460))
    lottery = Box(width - margin - banner_w, ticker_bottom + gap, banner_w, banner_h)
    coupon = Box(lottery.x, lottery.bottom + gap, banner_w, banner_h)
    return Layout(width=width, height=height, unit=u, fonts=fonts, margin=margin, pad=pad,
                  card=card, card_image=card_image, ticker_top=ticker_top, ticker_pad=ticker_pad,
                  ticker_max_lines=ticker_max_lines, lottery=lottery, coupon=coupon,
                  banner_pad=banner_pad, gap=gap)


# ----- what one overlay looks like on one canvas ---------------------------------------------------
@dataclass(frozen=True)
class Piece:
    """One OBS source of an overlay: where it goes and (for text) what it says at what size."""

    role: str  # "bg", "image", "name", "price", "list_price", "text"
    box: Box
    text: str = ""
    size: int = 0
    color: str = ""
    visible: bool = True


def product_card(layout: Layout, name: str, live_price: str, list_price: str = "",
                 has_image: bool = False, palette: Palette | None = None) -> list[Piece]:
    """The card's pieces; ``live_price``/``list_price`` are already worded ("直播价 ¥59.9")."""
    f, card, pal = layout.fonts, layout.card, palette or Palette()
    x, width = layout.card_text_x(has_image), layout.card_text_width(has_image)
    name_lines = wrap(name, width, f.name, 2)
    name_box = Box(x, card.y + layout.pad, width, 2 * line_height(f.name))
    price_text = shorten(live_price, width, f.price)
    price_w = min(width, math.ceil(text_width(price_text, f.price)) + 2)
    price_box = Box(x, card.bottom - layout.pad - line_height(f.price), price_w, line_height(f.price))
    pieces = [
        Piece("bg", card, color=pal.card),
        Piece("image", layout.card_image, visible=has_image),
        Piece("name", name_box, "\n".join(name_lines), f.name, pal.card_name),
        Piece("price", price_box, price_text, f.price, pal.card_price),
    ]
    # The list price sits after the live price, bottom-aligned, only if it fits whole.
    list_x = price_box.right + layout.gap
    list_w = card.right - layout.pad - list_x
    fits = bool(list_price) and text_width(list_price, f.list_price) <= list_w
    list_box = Box(list_x, price_box.bottom - line_height(f.list_price) - round(4 * layout.unit),
                   max(1, list_w), line_height(f.list_price))
    pieces.append(Piece("list_price", list_box, list_price if fits else "", f.list_price,
                        pal.card_list_price, visible=fits))
    return pieces


def banner(layout: Layout, which: str, label: str, suffix: str,
           palette: Palette | None = None) -> list[Piece]:
    """Coupon (``which`` is ``COUPON_BANNER``) or lottery banner: ``label`` shortened if need be,
    ``suffix`` (the countdown) kept."""
    pal = palette or Palette()
    box = layout.coupon if which == COUPON_BANNER else layout.lottery
    size = layout.fonts.banner
    inner = Box(box.x + layout.banner_pad, box.y + layout.banner_pad,
                box.w - 2 * layout.banner_pad, line_height(size))
    text = fit_label(label, suffix, inner.w, size)
    bg, fg = (pal.coupon, pal.coupon_text) if which == COUPON_BANNER else (pal.lottery, pal.lottery_text)
    return [Piece("bg", box, color=bg), Piece("text", inner, text, size, fg)]


def ticker(layout: Layout, text: str, palette: Palette | None = None) -> list[Piece]:
    """The announcement bar across the top: one or two lines, as high as the text needs."""
    pal = palette or Palette()
    size = layout.fonts.ticker
    lines = wrap(text, layout.ticker_text_width(), size, layout.ticker_max_lines) or [""]
    bar = layout.ticker_bar(len(lines))
    inner = Box(layout.margin, bar.y + layout.ticker_pad, layout.ticker_text_width(),
                len(lines) * line_height(size))
    return [Piece("bg", bar, color=pal.ticker), Piece("text", inner, "\n".join(lines), size, pal.ticker_text)]
