"""The OBS sources of each overlay: their names, kinds, settings and transforms, and what a show
call returns (``Shown``). Pure, no I/O.

Every overlay is a few sources in the overlay scene, one per role (``bg``, ``image``, ``name``,
``price``, ``list_price``, ``text``), named ``[中控台] 商品卡 · 名称`` and so on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from studio.i18n import translate
from studio.obs import overlay_layout as L
from studio.obs.names import (
    ALIGN_CENTER,
    ALIGN_TOP_LEFT,
    COUPON_BANNER,
    LOTTERY_COUNTDOWN,
    PREFIX,
    PRODUCT_CARD,
    TICKER,
)

OVERLAY_SCENE = "中控台叠加 Console overlays"

ROLES: dict[str, tuple[str, ...]] = {
    PRODUCT_CARD: ("bg", "image", "name", "price", "list_price"),
    COUPON_BANNER: ("bg", "text"),
    LOTTERY_COUNTDOWN: ("bg", "text"),
    TICKER: ("bg", "text"),
}
_OVERLAY_LABELS = {PRODUCT_CARD: "商品卡", COUPON_BANNER: "优惠券", LOTTERY_COUNTDOWN: "抽奖倒计时",
                   TICKER: "公告"}
_ROLE_LABELS = {"bg": "背景", "image": "图片", "name": "名称", "price": "直播价",
                "list_price": "原价", "text": "文字"}


def source_name(overlay: str, role: str) -> str:
    """``[中控台] 商品卡 · 名称``: how an overlay's source is called in OBS."""
    return f"{PREFIX}{_OVERLAY_LABELS[overlay]} · {_ROLE_LABELS[role]}"


def kind_for(role: str, text_kind: str) -> str:
    if role == "bg":
        return "color_source_v3"
    if role == "image":
        return "image_source"
    return text_kind


def overlay_title(overlay: str) -> str:
    """The overlay in the operator's words, for messages."""
    if overlay == PRODUCT_CARD:
        return translate("Overlays", "product card")
    if overlay == COUPON_BANNER:
        return translate("Overlays", "coupon banner")
    if overlay == LOTTERY_COUNTDOWN:
        return translate("Overlays", "lottery countdown")
    return translate("Overlays", "announcement ticker")


def text_settings(text_kind: str, face: str, piece: L.Piece) -> dict[str, Any]:
    bold = piece.role == "price"
    font = {"face": face, "size": piece.size, "style": "Bold" if bold else "Regular",
            "flags": 1 if bold else 0}
    color = L.obs_color(piece.color)
    if text_kind.startswith("text_gdiplus"):
        return {"text": piece.text, "font": font, "color": color, "opacity": 100,
                "bk_opacity": 0, "outline": False, "extents": False, "align": "left",
                "valign": "top", "read_from_file": False}
    return {"text": piece.text, "font": font, "color1": color, "color2": color,
            "antialiasing": True, "word_wrap": False, "outline": False, "drop_shadow": False,
            "from_file": False}


def plain_transform(box: L.Box) -> dict[str, Any]:
    return {"positionX": float(box.x), "positionY": float(box.y), "alignment": ALIGN_TOP_LEFT,
            "scaleX": 1.0, "scaleY": 1.0, "rotation": 0.0, "boundsType": "OBS_BOUNDS_NONE"}


def bounded_transform(box: L.Box, bounds: str, align: int) -> dict[str, Any]:
    return {"positionX": float(box.x), "positionY": float(box.y), "alignment": ALIGN_TOP_LEFT,
            "scaleX": 1.0, "scaleY": 1.0, "rotation": 0.0, "boundsType": bounds,
            "boundsWidth": float(max(1, box.w)), "boundsHeight": float(max(1, box.h)),
            "boundsAlignment": align}


def image_transform(box: L.Box) -> dict[str, Any]:
    return bounded_transform(box, "OBS_BOUNDS_SCALE_INNER", ALIGN_CENTER)


def text_transform(box: L.Box) -> dict[str, Any]:
    """Bounds that only ever scale down: a text estimated short shrinks instead of spilling over."""
    return bounded_transform(box, "OBS_BOUNDS_MAX_ONLY", ALIGN_TOP_LEFT)


def unix_seconds(moment: float | datetime) -> float:
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            raise ValueError("a naive datetime is ambiguous: pass an aware one or Unix seconds")
        return moment.timestamp()
    return float(moment)


@dataclass
class Shown:
    """What an overlay put on screen."""

    overlay: str
    texts: dict[str, str] = field(default_factory=dict)  # role → the exact text on screen
    warnings: list[str] = field(default_factory=list)  # plain words; the overlay is up anyway
