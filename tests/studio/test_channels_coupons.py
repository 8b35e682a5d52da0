"""The plan's coupon words in the store's terms, and the store's rules checked before sending."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.room.channels.coupons import (
    SHOP_BY_COUNT,
    SHOP_DIRECT,
    SHOP_DISCOUNT,
    SHOP_MONEY_OFF,
    StoreCoupon,
    coupon_problems,
    store_coupon,
)


@pytest.mark.parametrize(("words", "expected"), [
    ("满199减30", {"type": SHOP_MONEY_OFF, "product_price": 19900, "discount_fee": 3000}),
    ("满 99 元减 10 元", {"type": SHOP_MONEY_OFF, "product_price": 9900, "discount_fee": 1000}),
    ("8折", {"type": SHOP_DISCOUNT, "discount_num": 8000}),
    ("8.5折", {"type": SHOP_DISCOUNT, "discount_num": 8500}),
    ("85折", {"type": SHOP_DISCOUNT, "discount_num": 8500}),
    ("满2件8折", {"type": SHOP_BY_COUNT, "product_cnt": 2, "discount_num": 8000}),
    ("立减10元", {"type": SHOP_DIRECT, "discount_fee": 1000}),
    ("直减9.9", {"type": SHOP_DIRECT, "discount_fee": 990}),
])
def test_host_words_become_a_store_coupon(words: str, expected: dict[str, int]) -> None:
    coupon = store_coupon("限时券", words, quantity=50, minutes=3)
    assert coupon is not None
    for key, value in expected.items():
        assert getattr(coupon, key) == value
    assert coupon.total_num == 50 and coupon.minutes == 3
    assert coupon_problems(coupon) == []


@pytest.mark.parametrize("words", ["", "买一送一", "满减", "第二件半价", "满199减", "1e999999折"])
def test_words_the_store_api_cannot_express_are_none(words: str) -> None:
    assert store_coupon("券", words) is None


def test_the_body_opens_the_flash_window_now_for_the_planned_minutes() -> None:
    coupon = store_coupon("整点福利券", "满199减30", quantity=100, minutes=5)
    assert coupon is not None
    body = coupon.body(now=1_700_000_000.4)
    assert body["type"] == 102 and body["name"] == "整点福利券"
    assert body["discount_info"] == {"discount_condition": {"product_price": 19900}, "discount_fee": 3000}
    assert body["receive_info"] == {"start_time": 1_700_000_000, "end_time": 1_700_000_300,
                                    "limit_num_one_person": 1, "total_num": 100}
    assert body["promote_info"] == {"promote_type": 1}
    assert body["valid_info"] == {"valid_type": 2, "valid_day_num": 1}


@pytest.mark.parametrize(("coupon", "says"), [
    (StoreCoupon("这是一个超过十个字的优惠券名称", SHOP_DISCOUNT, discount_num=8000), "at most 10"),
    (StoreCoupon("", SHOP_DISCOUNT, discount_num=8000), "needs a name"),
    (StoreCoupon("低折券", SHOP_DISCOUNT, discount_num=1500), "below 2折"),
    (StoreCoupon("怪折券", SHOP_DISCOUNT, discount_num=8050), "steps of 0.1折"),
    (StoreCoupon("大额券", SHOP_DIRECT, discount_fee=30_000), "200 元"),
    (StoreCoupon("满减券", SHOP_MONEY_OFF, product_price=1000, discount_fee=900), "below 2折 of the threshold"),
    (StoreCoupon("双门槛", SHOP_BY_COUNT, product_cnt=2, product_price=100, discount_num=8000), "not both"),
    (StoreCoupon("零张券", SHOP_DISCOUNT, discount_num=8000, total_num=0), "at least 1"),
])
def test_each_store_rule_is_named_in_plain_words(coupon: StoreCoupon, says: str) -> None:
    problems = coupon_problems(coupon)
    assert problems and any(says in p for p in problems), problems


@given(st.text(max_size=40), st.text(max_size=40), st.one_of(st.none(), st.integers(-10**30, 10**30)),
       st.floats(allow_nan=True, allow_infinity=True))
def test_any_words_give_a_coupon_or_none_and_never_raise(name: str, words: str, quantity: int | None,
                                                         minutes: float) -> None:
    coupon = store_coupon(name, words, quantity, minutes)
    if coupon is not None and not coupon_problems(coupon):
        body = coupon.body(now=1_700_000_000)
        assert body["receive_info"]["end_time"] > body["receive_info"]["start_time"]
