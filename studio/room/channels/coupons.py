"""微信小店 store coupons for a live: the plan's coupon in the store's terms, and the store's rules.

A plan's coupon says what a host says — ``满199减30``, ``8折``, ``满2件8折``, ``立减10元`` — and how many
and for how many minutes. ``store_coupon`` turns that into the store API's coupon (shop-wide types
101–104); ``coupon_problems`` checks it against the store's rules *before* anything is sent, so a
refusal is read at the desk, not discovered on air:

- the name is at most 10 characters (最长 10 个中文字符);
- a discount (``discount_num``) is 1000–10000 in steps of 100 (5000 = 5折) and never below 2折;
- an amount off (``discount_fee``, 分) is at most 200 元, and with a threshold at most 80 % of it
  (the coupon may not take the price below 2折 of the threshold);
- a count threshold and a price threshold are never both set;
- at least one coupon, at most one per person unless the plan says otherwise.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from studio.i18n import translate

NAME_MAX = 10
FEE_MAX_FEN = 20_000  # 200 元
SHOP_BY_COUNT, SHOP_MONEY_OFF, SHOP_DISCOUNT, SHOP_DIRECT = 101, 102, 103, 104
PROMOTE_IN_STORE = 1
VALID_RELATIVE = 2  # valid for N days from when the viewer takes it

_NUM = r"(\d+(?:\.\d+)?)"
_PATTERNS = (  # (regex over the host's words, coupon type)
    (re.compile(rf"^满{_NUM}件{_NUM}折$"), SHOP_BY_COUNT),
    (re.compile(rf"^满{_NUM}元?减{_NUM}元?$"), SHOP_MONEY_OFF),
    (re.compile(rf"^{_NUM}折$"), SHOP_DISCOUNT),
    (re.compile(rf"^(?:立减|直减|减){_NUM}元?$"), SHOP_DIRECT),
)


@dataclass(frozen=True)
class StoreCoupon:
    name: str
    type: int
    discount_num: int | None = None  # 5000 = 5折
    discount_fee: int | None = None  # 分
    product_cnt: int | None = None
    product_price: int | None = None  # 分
    total_num: int = 100
    limit_per_person: int = 1
    minutes: float = 5.0  # how long viewers can take it: the flash window
    valid_days: int = 1
    product_ids: tuple[str, ...] = field(default=())

    def body(self, now: float) -> dict[str, Any]:
        """The ``channels/ec/coupon/create`` body, taking coupons from ``now`` for ``minutes``."""
        condition: dict[str, Any] = {}
        if self.product_cnt is not None:
            condition["product_cnt"] = self.product_cnt
        if self.product_price is not None:
            condition["product_price"] = self.product_price
        if self.product_ids:
            condition["product_ids"] = list(self.product_ids)
        discount: dict[str, Any] = {"discount_condition": condition} if condition else {}
        if self.discount_num is not None:
            discount["discount_num"] = self.discount_num
        if self.discount_fee is not None:
            discount["discount_fee"] = self.discount_fee
        start = int(now)
        return {
            "type": self.type, "name": self.name,
            "promote_info": {"promote_type": PROMOTE_IN_STORE},
            "discount_info": discount,
            "receive_info": {"start_time": start, "end_time": start + max(60, int(self.minutes * 60)),
                             "limit_num_one_person": self.limit_per_person, "total_num": self.total_num},
            "valid_info": {"valid_type": VALID_RELATIVE, "valid_day_num": self.valid_days},
        }


def _fen(yuan: str) -> int:
    return int((Decimal(yuan) * 100).to_integral_value())


def store_coupon(name: str, detail: str, quantity: int | None = None, minutes: float = 5.0) -> StoreCoupon | None:
    """The store coupon for the host's words, or None when they are not one of the known forms."""
    words = re.sub(r"\s+", "", detail or "").replace("￥", "").replace("¥", "")
    for pattern, kind in _PATTERNS:
        match = pattern.match(words)
        if match is None:
            continue
        try:
            numbers = match.groups()
            common: dict[str, Any] = {"name": name, "type": kind, "minutes": minutes}
            if quantity is not None:
                common["total_num"] = quantity
            if kind == SHOP_BY_COUNT:
                return StoreCoupon(product_cnt=int(Decimal(numbers[0])), discount_num=_tenths(numbers[1]), **common)
            if kind == SHOP_MONEY_OFF:
                return StoreCoupon(product_price=_fen(numbers[0]), discount_fee=_fen(numbers[1]), **common)
            if kind == SHOP_DISCOUNT:
                return StoreCoupon(discount_num=_tenths(numbers[0]), **common)
            return StoreCoupon(discount_fee=_fen(numbers[0]), **common)
        except (InvalidOperation, ValueError, OverflowError):
            return None
    return None


def _tenths(zhe: str) -> int:
    """8折 → 8000, 8.5折 → 8500, 85折 (as hosts also write it) → 8500."""
    value = Decimal(zhe)
    if value >= 10:
        value = value / 10
    return int((value * 1000).to_integral_value())


def coupon_problems(coupon: StoreCoupon) -> list[str]:
    """Every rule the coupon breaks, in plain words; empty when the store would take it."""
    problems: list[str] = []
    if not coupon.name.strip():
        problems.append(translate("StoreCoupon", "The coupon needs a name."))
    elif len(coupon.name) > NAME_MAX:
        problems.append(translate("StoreCoupon", "The coupon name “{name}” has {n} characters; the store allows "
                                                 "at most 10.").format(name=coupon.name, n=len(coupon.name)))
    if coupon.discount_num is not None:
        n = coupon.discount_num
        if n < 2000:
            problems.append(translate("StoreCoupon", "A discount below 2折 is not allowed by the store."))
        elif n >= 10000 or n % 100:
            problems.append(translate("StoreCoupon", "The discount must be between 2折 and 9.9折, in steps of 0.1折."))
    if coupon.discount_fee is not None:
        fee = coupon.discount_fee
        if fee <= 0:
            problems.append(translate("StoreCoupon", "The amount off must be more than 0 元."))
        elif fee > FEE_MAX_FEN:
            problems.append(translate("StoreCoupon", "The amount off is at most 200 元 in the store."))
        elif coupon.product_price is not None and fee * 10 > coupon.product_price * 8:
            problems.append(translate("StoreCoupon", "满{price}减{fee} would take the price below 2折 of the "
                                                     "threshold; the store refuses that.").format(
                price=_yuan(coupon.product_price), fee=_yuan(fee)))
    if coupon.product_cnt is not None and coupon.product_price is not None:
        problems.append(translate("StoreCoupon", "A coupon has a count threshold or a price threshold, not both."))
    if coupon.product_cnt is not None and coupon.product_cnt < 1:
        problems.append(translate("StoreCoupon", "The item count threshold must be at least 1."))
    if not math.isfinite(coupon.minutes) or not 0 < coupon.minutes <= 24 * 60:
        problems.append(translate("StoreCoupon", "The coupon's minutes must be a number between 0 and one day."))
    if coupon.total_num < 1:
        problems.append(translate("StoreCoupon", "The number of coupons must be at least 1."))
    if coupon.limit_per_person < 1:
        problems.append(translate("StoreCoupon", "Each viewer must be able to take at least 1 coupon."))
    return problems


def _yuan(fen: int) -> str:
    return f"{Decimal(fen) / 100:f}".rstrip("0").rstrip(".")
