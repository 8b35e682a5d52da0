"""The mini-program live client against the local emulator over real HTTP on 127.0.0.1.

Every flow and error of issue 7: rooms (paged, status in words), push address, goods library,
add to room, on/off sale, goods push and its refusals (300047/300052/300053/300023/300022),
quota (45009), IP whitelist (40164), tokens refreshed before expiry and once on 40001/40014/42001,
-1 backed off, subscriber notice (9410005/9410006), a network that never answers. The last test
rehearses with a real OBS: the push address fetched from the emulator goes into OBS and the
stream reaches the lab's RTMP ingest.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Iterator
from decimal import Decimal

import pytest

from studio.redact import redact
from studio.room.base import Outcome, RoomAction, RoomRequest
from studio.room.emulator import EmulatorState, WeChatEmulator, control
from studio.room.wechat import (
    NEXT_ADD_GOODS,
    NEXT_PICK_ROOM,
    NEXT_PUT_ON_SALE,
    NEXT_RETRY,
    NEXT_START_LIVE,
    NEXT_WHITELIST_IP,
    StableTokenSource,
    TokenServiceSource,
    WeChatError,
    WeChatLiveClient,
    WeChatLiveRoom,
    WeChatUnreachable,
    goods_to_plan_products,
)
from tests.fakes.clock import FakeClock
from tests.lab.network import closed_port
from tests.lab.waiting import wait_until

pytestmark = pytest.mark.integration

LIVE_ROOM, LATER_ROOM = 1001, 1002  # the emulator's demo rooms: 1001 live, 1002 not started
COFFEE, NOUGAT, CUP, EARPHONES, SCARF = 2001, 2002, 2003, 2004, 2005  # 2003 off sale, 2004 in review


class Lab:
    """An emulator on a free loopback port plus clients pointed at it."""

    def __init__(self, run) -> None:
        self.run = run
        self.emulator_clock = FakeClock(1000.0)
        self.state = EmulatorState(clock=self.emulator_clock).seed_demo()
        self.emulator = WeChatEmulator(self.state)
        self.url = run(self.emulator.start())
        self.clients: list[WeChatLiveClient] = []
        self.sleeps: list[float] = []

    def client(self, tokens=None, **kwargs) -> WeChatLiveClient:
        async def fake_sleep(seconds: float) -> None:
            self.sleeps.append(seconds)

        kwargs.setdefault("sleep", fake_sleep)
        client = WeChatLiveClient(tokens or StableTokenSource("wx1234567890abcdef", "s3cret-app-secret"),
                                  base_url=self.url, **kwargs)
        self.clients.append(client)
        return client

    def control(self, action: str, **fields) -> None:
        self.run(control(self.url, action, **fields))

    def close(self) -> None:
        for client in self.clients:
            self.run(client.close())
        self.run(self.emulator.stop())


@pytest.fixture
def lab(run) -> Iterator[Lab]:
    lab = Lab(run)
    yield lab
    lab.close()


def refused(run, coro) -> WeChatError:
    with pytest.raises(WeChatError) as info:
        run(coro)
    return info.value


# -- rooms ------------------------------------------------------------------------------------

def test_rooms_with_status_in_words(lab, run):
    rooms = run(lab.client().rooms())
    assert [r.room_id for r in rooms] == [LIVE_ROOM, LATER_ROOM]
    assert rooms[0].is_live and rooms[0].status_text == "live (直播中)"
    assert rooms[1].status_text == "not started (未开始)"
    assert [g.goods_id for g in rooms[0].goods] == [COFFEE, NOUGAT, CUP]
    lab.control("set_room_status", room_id=LATER_ROOM, live_status=104)
    assert run(lab.client().rooms())[1].status_text == "banned (禁播)"


def test_rooms_are_paged(lab, run):
    for room_id in range(5000, 5150):
        lab.control("add_room", room_id=room_id, name=f"room {room_id}")
    rooms = run(lab.client().rooms())
    assert len(rooms) == 152 and rooms[-1].room_id == 5149
    assert lab.state.requests["getliveinfo"] == 2  # 100 + 52


def test_no_rooms_at_all_is_an_empty_list(lab, run):
    for room_id in (LIVE_ROOM, LATER_ROOM):
        lab.control("remove_room", room_id=room_id)
    assert run(lab.client().rooms()) == []


def test_room_goods_become_plan_products_in_yuan(lab, run):
    client = lab.client()
    room = run(client.room(LIVE_ROOM))
    products = goods_to_plan_products(room.goods)
    assert products[0].name == "云南小粒咖啡 500g" and products[0].price_yuan == Decimal("69.90")
    assert products[0].goods_id == "2001" and products[0].image.endswith("coffee.png")
    assert products[1].price_yuan == Decimal("99.00")  # a discount: the price viewers pay
    assert products[2].as_dict()["price_yuan"] == "89.00"  # a range: its lower end
    assert refused(run, client.room(9999)).next_step == NEXT_PICK_ROOM


def test_push_address_is_fetched_and_kept_out_of_logs(lab, run):
    lab.control("set_push_server", server="rtmp://127.0.0.1:1935/live/")
    address = run(lab.client().push_url(LIVE_ROOM))
    assert address.startswith("rtmp://127.0.0.1:1935/live/wx0000000000rehearsal_1001?txSecret=")
    assert "txTime=" in address
    assert address not in redact(f"pushing to {address}")
    secret = address.split("txSecret=")[1].split("&")[0]
    assert secret not in redact(f"the signature is {secret}")
    assert refused(run, lab.client().push_url(424242)).code == 300022


# -- goods ------------------------------------------------------------------------------------

def test_library_lists_approved_goods_and_adds_them_to_the_room(lab, run):
    client = lab.client()
    library = run(client.approved_goods())
    assert {g.goods_id for g in library} == {COFFEE, NOUGAT, CUP, SCARF}  # not the one in review
    assert all(g.audit_status == 2 for g in library)
    in_review = run(client.approved_goods(status=1))
    assert [g.goods_id for g in in_review] == [EARPHONES]
    run(client.add_goods(LIVE_ROOM, [SCARF]))
    room = run(client.room(LIVE_ROOM))
    assert SCARF in [g.goods_id for g in room.goods]
    error = refused(run, client.add_goods(LIVE_ROOM, [EARPHONES]))
    assert error.code == 300017 and "review" in str(error)
    assert refused(run, client.add_goods(31337, [SCARF])).code == 300022


def test_push_goods_reaches_the_room(lab, run):
    run(lab.client().push_goods(LIVE_ROOM, COFFEE))
    assert lab.state.pushes == [{"room_id": LIVE_ROOM, "goods_id": COFFEE}]


def test_push_of_an_off_sale_product_offers_to_put_it_on_sale_then_works(lab, run):
    client = lab.client()
    error = refused(run, client.push_goods(LIVE_ROOM, CUP))
    assert error.code == 300052 and error.next_step == NEXT_PUT_ON_SALE
    assert "off sale" in str(error) and "Put it on sale" in str(error)
    run(client.set_on_sale(LIVE_ROOM, CUP, True))
    run(client.push_goods(LIVE_ROOM, CUP))
    run(client.set_on_sale(LIVE_ROOM, CUP, False))
    assert lab.state.rooms[LIVE_ROOM].shelf[CUP] is False
    assert lab.state.pushes == [{"room_id": LIVE_ROOM, "goods_id": CUP}]


def test_push_of_a_product_not_in_the_room_offers_to_add_it(lab, run):
    client = lab.client()
    error = refused(run, client.push_goods(LIVE_ROOM, SCARF))
    assert error.code == 300053 and error.next_step == NEXT_ADD_GOODS
    assert refused(run, client.set_on_sale(LIVE_ROOM, SCARF, True)).code == 300053
    run(client.add_goods(LIVE_ROOM, [SCARF]))
    run(client.push_goods(LIVE_ROOM, SCARF))
    assert lab.state.pushes[-1] == {"room_id": LIVE_ROOM, "goods_id": SCARF}


def test_push_while_the_room_is_not_live_or_gone(lab, run):
    client = lab.client()
    lab.control("add_room", room_id=1003, name="not live")
    error = refused(run, client.push_goods(LATER_ROOM, COFFEE))
    assert error.code == 300023 and error.next_step == NEXT_START_LIVE and "not live" in str(error)
    error = refused(run, client.push_goods(777, COFFEE))
    assert error.code == 300022 and error.next_step == NEXT_PICK_ROOM
    assert lab.state.pushes == []


def test_push_while_another_is_running_says_wait_then_works(lab, run):
    client = lab.client()
    lab.control("set_push_window", seconds=3)
    run(client.push_goods(LIVE_ROOM, COFFEE))
    error = refused(run, client.push_goods(LIVE_ROOM, NOUGAT))
    assert error.code == 300047 and error.next_step == NEXT_RETRY and "Wait" in str(error)
    lab.emulator_clock.now += 3.1  # the first push's window is over
    run(client.push_goods(LIVE_ROOM, NOUGAT))
    assert [p["goods_id"] for p in lab.state.pushes] == [COFFEE, NOUGAT]


def test_daily_quota_used_up(lab, run):
    client = lab.client()
    lab.control("set_quota", api="push", remaining=1)
    run(client.push_goods(LIVE_ROOM, COFFEE))
    lab.emulator_clock.now += 10
    error = refused(run, client.push_goods(LIVE_ROOM, NOUGAT))
    assert error.code == 45009 and "limit" in str(error) and "tomorrow" in str(error)


# -- tokens -----------------------------------------------------------------------------------

def test_token_is_cached_across_calls(lab, run):
    client = lab.client()
    run(client.rooms())
    run(client.approved_goods())
    run(client.push_goods(LIVE_ROOM, COFFEE))
    assert client.token_fetches == 1


def test_token_expiring_mid_show_recovers_with_one_retry(lab, run):
    client = lab.client()
    run(client.push_goods(LIVE_ROOM, COFFEE))
    lab.control("expire_tokens")  # WeChat now answers 42001 to the cached token
    lab.emulator_clock.now += 5  # past the push window
    run(client.push_goods(LIVE_ROOM, NOUGAT))
    assert client.token_fetches == 2
    assert lab.state.requests["push"] == 3  # ok, refused (42001), the one retry
    assert [p["goods_id"] for p in lab.state.pushes] == [COFFEE, NOUGAT]


@pytest.mark.parametrize("code", [40001, 40014, 42001])
def test_each_refused_token_code_is_refreshed_once(lab, run, code):
    client = lab.client()
    run(client.rooms())
    lab.control("fail_next", api="push", errcode=code)
    run(client.push_goods(LIVE_ROOM, COFFEE))
    assert client.token_fetches == 2 and lab.state.pushes


def test_token_refused_again_after_refresh_is_not_retried_forever(lab, run):
    client = lab.client()
    lab.control("fail_next", api="push", errcode=40001, count=5)
    error = refused(run, client.push_goods(LIVE_ROOM, COFFEE))
    assert error.code == 40001 and "AppSecret" in str(error)
    assert lab.state.requests["push"] == 2 and client.token_fetches == 2


def test_token_is_refreshed_before_it_expires(lab, run):
    clock = FakeClock(1000.0)
    client = lab.client(clock=clock, refresh_margin=300)
    run(client.rooms())
    clock.now += 7200 - 300 - 1  # still inside the safe part of the token's life
    run(client.rooms())
    assert client.token_fetches == 1
    clock.now += 2  # within the margin: refresh before WeChat would refuse it
    run(client.rooms())
    assert client.token_fetches == 2
    assert "getliveinfo" in lab.state.requests and lab.state.requests["getliveinfo"] == 3  # none refused


def test_system_busy_is_backed_off_then_succeeds(lab, run):
    client = lab.client(busy_backoff=(0.5, 1.0, 2.0))
    lab.control("fail_next", api="push", errcode=-1, count=2)
    run(client.push_goods(LIVE_ROOM, COFFEE))
    assert lab.sleeps == [0.5, 1.0]
    assert lab.state.pushes


def test_system_busy_for_too_long_gives_up_in_plain_words(lab, run):
    client = lab.client(busy_backoff=(0.5, 1.0))
    lab.control("fail_next", api="push", errcode=-1, count=10)
    error = refused(run, client.push_goods(LIVE_ROOM, COFFEE))
    assert error.code == -1 and error.next_step == NEXT_RETRY and "busy" in str(error)
    assert lab.sleeps == [0.5, 1.0] and lab.state.requests["push"] == 3


def test_ip_not_whitelisted_points_to_the_whitelist_or_a_token_service(lab, run):
    lab.control("set_whitelisted", whitelisted=False)
    error = refused(run, lab.client().rooms())
    assert error.code == 40164 and error.next_step == NEXT_WHITELIST_IP and "IP" in str(error)
    # The merchant's own token service is whitelisted: through it, the same calls work.
    client = lab.client(TokenServiceSource(lab.emulator.token_service_url))
    assert len(run(client.rooms())) == 2


def test_token_service_is_asked_to_force_a_refresh_when_a_token_is_refused(lab, run):
    client = lab.client(TokenServiceSource(lab.emulator.token_service_url))
    run(client.rooms())
    first = run(client.access_token())
    lab.control("expire_tokens")
    run(client.rooms())
    assert run(client.access_token()) != first and client.token_fetches == 2


def test_wrong_appid_or_appsecret(lab, run):
    lab.control("set_credentials", app_id="wx1234567890abcdef", app_secret="the-right-secret")
    error = refused(run, lab.client(StableTokenSource("wx1234567890abcdef", "a-wrong-secret")).rooms())
    assert error.code == 40125 and "AppSecret" in str(error) and "a-wrong-secret" not in str(error)
    error = refused(run, lab.client(StableTokenSource("wxffffffffffffffff", "the-right-secret")).rooms())
    assert error.code == 40013 and "AppID" in str(error)
    assert len(run(lab.client(StableTokenSource("wx1234567890abcdef", "the-right-secret")).rooms())) == 2


# -- subscribers ------------------------------------------------------------------------------

def test_subscriber_notice_once_a_day_and_only_while_live(lab, run):
    client = lab.client()
    error = refused(run, client.notify_subscribers(LATER_ROOM))
    assert error.code == 9410006 and error.next_step == NEXT_START_LIVE
    assert run(client.notify_subscribers(LIVE_ROOM)) == 5
    assert lab.state.notices[0]["room_id"] == LIVE_ROOM and lab.state.notices[0]["openids"] == 5
    lab.control("set_room_status", room_id=LATER_ROOM, live_status=101)
    error = refused(run, client.notify_subscribers(LATER_ROOM))
    assert error.code == 9410005 and "once a day" in str(error)


def test_followers_are_paged(lab, run):
    lab.control("set_followers", openids=[f"o{i}" for i in range(4500)])
    followers = run(lab.client().followers())
    assert len(followers) == 4500 and followers[-1] == "o4499"
    assert lab.state.requests["get_wxa_followers"] == 3


# -- the network ------------------------------------------------------------------------------

def test_a_server_that_never_answers_is_reported_not_waited_on_forever(run):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts, never answers
    port = silent.getsockname()[1]
    client = _client_at(port, timeout=0.5)
    try:
        error = refused(run, client.rooms())
        assert isinstance(error, WeChatUnreachable) and "Could not reach" in str(error)
        assert error.next_step == NEXT_RETRY
    finally:
        run(client.close())
        silent.close()


def _client_at(port: int, timeout: float | None = None) -> WeChatLiveClient:
    """A client of the API at a loopback ``port`` (nothing WeChat-like answers there)."""
    options = {} if timeout is None else {"timeout": timeout}
    return WeChatLiveClient(StableTokenSource("wx1234567890abcdef", "s3cret-app-secret"),
                            base_url=f"http://127.0.0.1:{port}/", **options)


def test_nothing_listening_is_reported(run):
    client = _client_at(closed_port())
    try:
        assert isinstance(refused(run, client.push_goods(1, 2)), WeChatUnreachable)
    finally:
        run(client.close())


def test_tokens_and_secrets_never_reach_the_log(lab, run, caplog):
    caplog.set_level(logging.DEBUG)
    client = lab.client()
    run(client.rooms())
    lab.control("expire_tokens")
    lab.control("fail_next", api="push", errcode=-1)
    run(client.push_goods(LIVE_ROOM, COFFEE))
    token = run(client.access_token())
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "access token refused" in text  # the client did log the refresh …
    assert token not in text and "s3cret-app-secret" not in text and "access_token=" not in text


# -- the live-room target ---------------------------------------------------------------------

def test_live_room_target_does_goods_by_api_and_leaves_coupons_manual(lab, run):
    room = WeChatLiveRoom(lab.client(), LIVE_ROOM)
    assert room.supports(RoomAction.PUSH_GOODS) and room.supports(RoomAction.SUBSCRIBER_PUSH)
    for manual in (RoomAction.COUPON, RoomAction.LOTTERY_START, RoomAction.LOTTERY_DRAW,
                   RoomAction.ANNOUNCEMENT):
        assert not room.supports(manual)
        result = run(room.perform(RoomRequest(manual, title="满100减20")))
        # No API: a step in the room's own checklist, in the same result.
        assert result.outcome is Outcome.MANUAL and "满100减20" in result.message
        assert result.next_step in [s.id for s in room.checklist.pending]
    assert len(room.checklist.pending) == 4 and lab.state.requests == {}
    result = run(room.perform(RoomRequest(RoomAction.PUSH_GOODS, goods_id="2003", title="保温杯")))
    assert result.outcome is Outcome.REFUSED and result.next_step == NEXT_PUT_ON_SALE
    assert result.error_code == 300052
    assert run(room.perform(RoomRequest(RoomAction.GOODS_ON_SALE, goods_id="2003", title="保温杯"))).ok
    result = run(room.perform(RoomRequest(RoomAction.PUSH_GOODS, goods_id="2003", title="保温杯")))
    assert result.outcome is Outcome.DONE and "保温杯" in result.message
    assert lab.state.pushes == [{"room_id": LIVE_ROOM, "goods_id": CUP}]
    assert run(room.perform(RoomRequest(RoomAction.GOODS_OFF_SALE, goods_id="2003"))).ok
    result = run(room.perform(RoomRequest(RoomAction.SUBSCRIBER_PUSH)))
    assert result.outcome is Outcome.DONE and "5" in result.message


def test_live_room_target_reports_an_unreachable_room_as_failed(run):
    room = WeChatLiveRoom(_client_at(closed_port()), LIVE_ROOM)
    result = run(room.perform(RoomRequest(RoomAction.PUSH_GOODS, goods_id="2001")))
    assert result.outcome is Outcome.FAILED and result.next_step == NEXT_RETRY
    run(room.close())


# -- rehearsal with a real OBS ----------------------------------------------------------------

def test_rehearsal_push_address_goes_into_a_real_obs_and_streams(lab, run, obs_factory, rtmp_ingest):
    from studio.obs.link import ConnectionTarget, LinkState, ObsLink

    lab.control("set_push_server", server=rtmp_ingest.server_url)
    address = run(lab.client().push_url(LIVE_ROOM))
    # OBS wants the address in two parts: server up to and including live/, key after it.
    server, key = address.split("/live/", 1)
    server += "/live/"
    obs = obs_factory()
    link = ObsLink(ConnectionTarget("127.0.0.1", obs.port, obs.password))

    async def scenario() -> None:
        link.start()
        await wait_until(lambda: link.state is LinkState.CONNECTED, timeout=15)
        await link.request("SetStreamServiceSettings", {"streamServiceType": "rtmp_custom",
                                                        "streamServiceSettings": {"server": server,
                                                                                  "key": key}})
        await link.request("StartStream")
        stream_name = key.split("?", 1)[0]
        try:
            await wait_until(lambda: (rtmp_ingest.stream_bytes_in(stream_name) or 0) > 10_000, timeout=20)
        finally:
            await link.request("StopStream")
            await asyncio.sleep(0.5)
            await link.close()

    run(scenario(), timeout=60)


# -- settings with the real OS keyring --------------------------------------------------------

def test_appsecret_from_the_real_keyring_reaches_the_emulator(lab, run, real_keyring):
    from studio.config import Settings, config_dir
    from studio.keys.store import SecretStore
    from studio.room.settings import RoomConnection, RoomSettings

    lab.control("set_credentials", app_id="wx1234567890abcdef", app_secret="keyring-kept-secret")
    connection = RoomConnection(Settings(), SecretStore(service="studio-console-test-wechat"))

    async def scenario() -> None:
        await connection.save(RoomSettings(app_id="wx1234567890abcdef", api_base_url=lab.url),
                              app_secret="keyring-kept-secret")
        assert len(await connection.model.refresh_rooms()) == 2
        await connection.save(RoomSettings(app_id="wx1234567890abcdef", api_base_url=lab.url),
                              app_secret="an-old-wrong-secret")
        with pytest.raises(WeChatError) as info:
            await connection.model.refresh_rooms()
        assert info.value.code == 40125
        await connection.close()

    run(scenario())
    assert "keyring-kept-secret" not in (config_dir() / "settings.json").read_text(encoding="utf-8")
    store = SecretStore(service="studio-console-test-wechat")
    assert store.get("wechat-live-appsecret:wx1234567890abcdef") == "an-old-wrong-secret"
    store.delete("wechat-live-appsecret:wx1234567890abcdef")
