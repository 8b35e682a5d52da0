"""Goods and rooms as the mini-program live API lists them (prices in fen), and the plan's view."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from studio.i18n import translate
from studio.room.wechat.errors import LIVE, live_status_text


def fen_to_yuan(fen: int) -> Decimal:
    """Exact: 1999 fen → Decimal('19.99'); never a float."""
    return (Decimal(int(fen)) / 100).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Goods:
    """A product as WeChat lists it; prices are in fen (分), as every live API gives them."""

    goods_id: int
    name: str
    price_fen: int
    price2_fen: int = 0
    price_type: int = 1  # 1 one price, 2 a range price..price2, 3 discount: price was, price2 now
    cover_img: str = ""
    url: str = ""  # the mini-program page the product opens
    audit_status: int | None = None  # library only: 0 not submitted, 1 in review, 2 approved, 3 rejected

    @property
    def sale_price_yuan(self) -> Decimal:
        """The price a viewer pays: the discounted one for a discount, the lower end of a range."""
        return fen_to_yuan(self.price2_fen if self.price_type == 3 else self.price_fen)

    def price_text(self) -> str:
        price, price2 = fen_to_yuan(self.price_fen), fen_to_yuan(self.price2_fen)
        if self.price_type == 2:
            return f"¥{price}–¥{price2}"
        if self.price_type == 3:
            return translate("WeChatLive", "¥{now} (was ¥{was})").format(now=price2, was=price)
        return f"¥{price}"

    @classmethod
    def from_room_info(cls, raw: dict[str, Any]) -> Goods:  # getliveinfo's snake_case
        return cls(goods_id=int(raw.get("goods_id", 0)), name=str(raw.get("name", "")),
                   price_fen=int(raw.get("price", 0) or 0), price2_fen=int(raw.get("price2", 0) or 0),
                   price_type=int(raw.get("price_type", 1) or 1), cover_img=str(raw.get("cover_img", "")),
                   url=str(raw.get("url", "")))

    @classmethod
    def from_library(cls, raw: dict[str, Any], audit_status: int | None = None) -> Goods:  # camelCase
        return cls(goods_id=int(raw.get("goodsId", 0)), name=str(raw.get("name", "")),
                   price_fen=int(raw.get("price", 0) or 0), price2_fen=int(raw.get("price2", 0) or 0),
                   price_type=int(raw.get("priceType", 1) or 1), cover_img=str(raw.get("coverImgUrl", "")),
                   url=str(raw.get("url", "")),
                   audit_status=int(raw["auditStatus"]) if "auditStatus" in raw else audit_status)


@dataclass(frozen=True)
class Room:
    room_id: int
    name: str
    live_status: int
    anchor_name: str = ""
    start_time: int = 0  # Unix seconds
    end_time: int = 0
    cover_img: str = ""
    goods: tuple[Goods, ...] = ()

    @property
    def is_live(self) -> bool:
        return self.live_status == LIVE

    @property
    def status_text(self) -> str:
        return live_status_text(self.live_status)

    @classmethod
    def from_room_info(cls, raw: dict[str, Any]) -> Room:
        return cls(room_id=int(raw.get("roomid", 0)), name=str(raw.get("name", "")),
                   live_status=int(raw.get("live_status", 0)), anchor_name=str(raw.get("anchor_name", "")),
                   start_time=int(raw.get("start_time", 0) or 0), end_time=int(raw.get("end_time", 0) or 0),
                   cover_img=str(raw.get("cover_img", "")),
                   goods=tuple(Goods.from_room_info(g) for g in raw.get("goods", []) or []))


@dataclass(frozen=True)
class PlanProduct:
    """A room's product as the show plan wants it (kept independent of the plan module)."""

    name: str
    price_yuan: Decimal
    goods_id: str  # text, as every id in the plan: never a float
    image: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "price_yuan": str(self.price_yuan), "goods_id": self.goods_id,
                "image": self.image}


def goods_to_plan_products(goods: Iterable[Goods]) -> list[PlanProduct]:
    """The room's goods (fen) → the show plan's products (yuan, goods id as text), in room order."""
    return [PlanProduct(name=g.name, price_yuan=g.sale_price_yuan, goods_id=str(g.goods_id),
                        image=g.cover_img) for g in goods]
