"""Unit tests of the mini-program live client: error table, words, money, token cache, retries.

HTTP is faked here (a session that replays answers); the real HTTP path against the emulator is
tested in tests/integration/test_wechat_emulator.py.
"""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import pytest

from studio.room.wechat import (
    NEXT_ADD_GOODS,
    NEXT_CHECK_SETTINGS,
    NEXT_PICK_ROOM,
    NEXT_PUT_ON_SALE,
    NEXT_RETRY,
    NEXT_START_LIVE,
    NEXT_TOMORROW,
    NEXT_WHITELIST_IP,
    AccessToken,
    Goods,
    TokenSource,
    WeChatError,
    WeChatLiveClient,
    error_for,
    fen_to_yuan,
    goods_to_plan_products,
    live_status_text,
)
from tests.fakes.clock import FakeClock
from tests.fakes.http import FakeSession


@pytest.mark.parametrize(("code", "next_step", "words"), [
    (300047, NEXT_RETRY, "still running"),
    (300052, NEXT_PUT_ON_SALE, "off sale"),
    (300053, NEXT_ADD_GOODS, "not in the room"),
    (300023, NEXT_START_LIVE, "not live"),
    (300022, NEXT_PICK_ROOM, "no such live room"),
    (45009, NEXT_TOMORROW, "limit"),
    (40164, NEXT_WHITELIST_IP, "whitelist"),
    (9410005, NEXT_TOMORROW, "once a day"),
    (9410006, NEXT_START_LIVE, "while the room is live"),
    (40001, NEXT_CHECK_SETTINGS, "AppSecret"),
    (42001, NEXT_CHECK_SETTINGS, "AppSecret"),
    (-1, NEXT_RETRY, "busy"),
])
def test_every_error_of_the_issue_has_plain_words_and_a_next_step(code, next_step, words):
    error = error_for(code, "raw errmsg", "push")
    assert error.code == code and error.next_step == next_step
    assert words in str(error)
    assert "raw errmsg" not in str(error)  # our words, not WeChat's


def test_an_unknown_error_keeps_wechats_text_and_code_but_not_secrets():
    error = error_for(12345, "bad thing access_token=abc123def", "onsale")
    assert "12345" in str(error) and "onsale" in str(error) and "abc123def" not in str(error)


@pytest.mark.parametrize(("status", "words"), [
    (101, "live (直播中)"), (102, "not started (未开始)"), (103, "ended (已结束)"), (104, "banned (禁播)"),
    (105, "paused (暂停)"), (106, "abnormal (异常)"), (107, "expired (已过期)"),
    (199, "unknown status (199)"),
])
def test_live_status_in_words(status, words):
    assert live_status_text(status) == words


def test_fen_to_yuan_is_exact():
    assert fen_to_yuan(1999) == Decimal("19.99")
    assert fen_to_yuan(1) == Decimal("0.01")
    assert str(fen_to_yuan(100)) == "1.00"


def test_price_texts_and_plan_products():
    one = Goods(1, "咖啡", 6990, cover_img="c.png")
    ranged = Goods(2, "杯子", 8900, 12900, price_type=2)
    discount = Goods(3, "糖", 12800, 9900, price_type=3)
    assert one.price_text() == "¥69.90"
    assert ranged.price_text() == "¥89.00–¥129.00"
    assert discount.price_text() == "¥99.00 (was ¥128.00)"
    products = goods_to_plan_products([one, ranged, discount])
    assert [p.as_dict() for p in products] == [
        {"name": "咖啡", "price_yuan": "69.90", "goods_id": "1", "image": "c.png"},
        {"name": "杯子", "price_yuan": "89.00", "goods_id": "2", "image": ""},
        {"name": "糖", "price_yuan": "99.00", "goods_id": "3", "image": ""},
    ]


class CountingTokens(TokenSource):
    def __init__(self, expires_in: float = 7200) -> None:
        self.fetches: list[bool] = []
        self.expires_in = expires_in

    async def fetch(self, session: Any, base_url: str, *, force: bool) -> AccessToken:
        self.fetches.append(force)
        await asyncio.sleep(0)  # let other callers pile up on the lock
        return AccessToken(f"token-{len(self.fetches)}", self.expires_in)


def make_client(**kwargs: Any) -> tuple[WeChatLiveClient, FakeSession, CountingTokens, list[float]]:
    session, tokens, sleeps = FakeSession(), CountingTokens(), []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    client = WeChatLiveClient(tokens, base_url="http://relay.invalid/", session=session, sleep=sleep,
                              **kwargs)
    return client, session, tokens, sleeps


def test_token_is_refreshed_before_expiry_with_an_injected_clock():
    clock = FakeClock(0.0)
    client, session, tokens, _ = make_client(clock=clock, refresh_margin=300)
    session.queue("wxaapi/broadcast/goods/push", *[{"errcode": 0}] * 3)

    async def scenario() -> None:
        await client.push_goods(1, 2)
        clock.now = 6899
        await client.push_goods(1, 2)
        clock.now = 6900  # 7200 - 300: refresh now, not after WeChat refuses
        await client.push_goods(1, 2)

    asyncio.run(scenario())
    assert tokens.fetches == [False, False]
    assert [t for _, t in session.requests] == ["token-1", "token-1", "token-2"]


def test_short_lived_tokens_refresh_at_half_their_life():
    clock = FakeClock(0.0)
    client, _, tokens, _ = make_client(clock=clock, refresh_margin=300)
    tokens.expires_in = 100

    async def scenario() -> None:
        await client.access_token()
        clock.now = 49
        await client.access_token()
        clock.now = 50
        await client.access_token()

    asyncio.run(scenario())
    assert len(tokens.fetches) == 2


def test_refused_token_is_refreshed_once_with_force_and_the_call_retried():
    client, session, tokens, _ = make_client()
    session.queue("wxaapi/broadcast/goods/push", {"errcode": 42001}, {"errcode": 0})
    asyncio.run(client.push_goods(1, 2))
    assert tokens.fetches == [False, True]
    assert session.requests == [("wxaapi/broadcast/goods/push", "token-1"),
                                ("wxaapi/broadcast/goods/push", "token-2")]


def test_many_calls_refused_at_once_share_one_new_token():
    client, session, tokens, _ = make_client()
    session.refused_token = "token-1"
    session.queue("wxaapi/broadcast/goods/push", *[{"errcode": 0}] * 5)

    async def scenario() -> None:
        await client.access_token()
        await asyncio.gather(*(client.push_goods(1, n) for n in range(5)))

    asyncio.run(scenario())
    assert tokens.fetches == [False, True]  # one forced refresh, not five
    assert [t for _, t in session.requests].count("token-2") == 5


def test_busy_is_backed_off_with_the_configured_steps():
    client, session, _, sleeps = make_client(busy_backoff=(0.25, 0.5))
    session.queue("wxaapi/broadcast/goods/push", {"errcode": -1}, {"errcode": -1}, {"errcode": -1})
    with pytest.raises(WeChatError) as info:
        asyncio.run(client.push_goods(1, 2))
    assert info.value.code == -1 and "3 times" in str(info.value)
    assert sleeps == [0.25, 0.5]


def test_a_refusal_is_not_retried():
    client, session, tokens, sleeps = make_client()
    session.queue("wxaapi/broadcast/goods/push", {"errcode": 300053, "errmsg": "goods not in room"})
    with pytest.raises(WeChatError) as info:
        asyncio.run(client.push_goods(1, 2))
    assert info.value.next_step == NEXT_ADD_GOODS
    assert len(session.requests) == 1 and sleeps == [] and tokens.fetches == [False]


def test_push_url_is_registered_as_a_secret():
    from studio.redact import redact

    client, session, _, _ = make_client()
    address = "rtmp://push.example.invalid/live/wx1_2?txSecret=4b886b8127b82cde297c7ff6d76915a4&txTime=5efba7d0"
    session.queue("wxaapi/broadcast/room/getpushurl", {"errcode": 0, "pushAddr": address})
    assert asyncio.run(client.push_url(2)) == address
    assert "4b886b8127b82cde297c7ff6d76915a4" not in redact("key wx1_2 sig 4b886b8127b82cde297c7ff6d76915a4")
