"""Channels / 微信小店 official APIs against a local stub over loopback: tokens, coupons, live numbers."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

from studio.room.base import Outcome, RoomAction, RoomRequest
from studio.room.channels.api import ChannelsApi, CouponRefused
from studio.room.channels.coupons import store_coupon
from studio.room.channels.numbers import LiveNumbersWatch
from studio.room.channels.room import ChannelsRoom
from studio.room.wechat import StableTokenSource, WeChatError, WeChatLiveClient
from tests.lab.channels_store_stub import StoreStub

OK = {"errcode": 0, "errmsg": "ok"}
NOW = 1_733_000_000.0  # 2024-11-30 20:53 UTC, already 12-01 04:53 in China


def with_stub(scenario: Callable[[StoreStub, ChannelsApi], Awaitable[None]]) -> None:
    stub = StoreStub()
    base = stub.start()

    async def main() -> None:
        client = WeChatLiveClient(StableTokenSource("wxstore0000000001", "store-secret-for-tests"), base_url=base,
                                  busy_backoff=(0.0,))
        try:
            await scenario(stub, ChannelsApi(client, clock=lambda: NOW))
        finally:
            await client.close()

    try:
        asyncio.run(main())
    finally:
        stub.stop()


def test_a_flash_coupon_is_created_then_made_active() -> None:
    async def scenario(stub: StoreStub, api: ChannelsApi) -> None:
        stub.answers["channels/ec/coupon/create"] = {"errcode": 0, "data": {"coupon_id": "777"}}
        stub.answers["channels/ec/coupon/update_status"] = OK
        coupon = store_coupon("整点福利券", "满199减30", quantity=100, minutes=5)
        assert coupon is not None
        assert await api.start_flash_coupon(coupon) == "777"
        assert stub.paths() == ["channels/ec/coupon/create", "channels/ec/coupon/update_status"]
        create = stub.requests[1][1]
        assert create["name"] == "整点福利券" and create["receive_info"]["end_time"] == int(NOW) + 300
        assert stub.requests[2][1] == {"coupon_id": "777", "status": 2}
        await api.stop_coupon("777")
        assert stub.requests[-1] == ("channels/ec/coupon/update_status", {"coupon_id": "777", "status": 4})

    with_stub(scenario)


def test_a_coupon_that_breaks_a_rule_is_never_sent() -> None:
    async def scenario(stub: StoreStub, api: ChannelsApi) -> None:
        coupon = store_coupon("这是一个超过十个字的优惠券名称", "满10减9")
        assert coupon is not None
        try:
            await api.start_flash_coupon(coupon)
        except CouponRefused as e:
            assert "at most 10" in str(e) and "2折" in str(e)
        else:
            raise AssertionError("a coupon against the rules went out")
        assert stub.requests == []

    with_stub(scenario)


def test_an_expired_token_is_refreshed_once_and_the_call_goes_through() -> None:
    async def scenario(stub: StoreStub, api: ChannelsApi) -> None:
        stub.answers["channels/ec/coupon/update_status"] = OK
        await api.set_coupon_status("1", 2)
        stub.expire_next = True
        await api.set_coupon_status("1", 4)
        assert stub.tokens == 2
        assert stub.paths() == ["channels/ec/coupon/update_status"] * 3

    with_stub(scenario)


def test_store_errcodes_are_plain_words() -> None:
    async def scenario(stub: StoreStub, api: ChannelsApi) -> None:
        stub.answers["channels/ec/coupon/update_status"] = {"errcode": 10021001, "errmsg": "status error"}
        try:
            await api.stop_coupon("5")
        except WeChatError as e:
            assert e.code == 10021001 and "ended already" in str(e)
        else:
            raise AssertionError("no error")

    with_stub(scenario)


def _dashboard(online: int | None, as_strings: bool) -> dict[str, Any]:
    summary: dict[str, Any] = {"cumulative_audience_count": 5200, "new_follow_count": 31, "total_pay_pv": 88,
                               "total_gmv": 1234500, "new_comment_count": 410}
    if online is not None:
        summary["online_audience_count"] = online
    blocks: dict[str, Any] = {"live_ec_data_summary": summary,
                              "live_dashboard_data": {"live_dashboard_data": {"summary": {"new_watch_uv": 1}}}}
    if as_strings:  # one doc version sends each block as a JSON string
        blocks = {k: json.dumps(v) for k, v in blocks.items()}
    return {"errcode": 0, "trace_id": "t", **blocks}


def test_live_numbers_read_both_shapes_and_never_invent_a_missing_number() -> None:
    async def scenario(stub: StoreStub, api: ChannelsApi) -> None:
        stub.answers["channels/livedashboard/getlivelist"] = {
            "errcode": 0, "live_items": [{"export_id": "old", "create_time": 1}, {"export_id": "new",
                                                                                  "create_time": 9}]}
        assert await api.current_export_id() == "new"
        assert stub.requests[-1][1] == {"ds": 20241201}  # the platform's day: China time, not UTC
        stub.answers["channels/livedashboard/getlivedata"] = _dashboard(online=640, as_strings=True)
        numbers = await api.live_numbers("new")
        assert (numbers.online, numbers.viewers, numbers.new_followers, numbers.orders, numbers.gmv_fen,
                numbers.comments) == (640, 5200, 31, 88, 1234500, 410)
        stub.answers["channels/livedashboard/getlivedata"] = _dashboard(online=None, as_strings=False)
        assert (await api.live_numbers("new")).online is None

    with_stub(scenario)


def test_the_numbers_watch_logs_each_reading_and_survives_a_failed_poll() -> None:
    async def scenario(stub: StoreStub, api: ChannelsApi) -> None:
        logged: list[tuple[str, dict[str, Any]]] = []
        watch = LiveNumbersWatch(api, sink=lambda type, **data: logged.append((type, data)), interval=0.01)
        stub.answers["channels/livedashboard/getlivelist"] = {"errcode": 48001, "errmsg": "api unauthorized"}
        assert await watch.poll_once() is None
        assert "开放能力" in watch.problem
        stub.answers["channels/livedashboard/getlivelist"] = {"errcode": 0, "live_items": [
            {"export_id": "e1", "create_time": 5}]}
        stub.answers["channels/livedashboard/getlivedata"] = _dashboard(online=12, as_strings=True)
        watch.start()
        for _ in range(200):
            if len(logged) >= 2:
                break
            await asyncio.sleep(0.01)
        await watch.stop()
        assert watch.problem == "" and logged[0][0] == "live_numbers" and logged[0][1]["online"] == 12

    with_stub(scenario)


def test_the_room_sends_a_coupon_by_api_and_falls_back_to_a_step_for_unknown_words() -> None:
    async def scenario(stub: StoreStub, api: ChannelsApi) -> None:
        import tempfile
        from pathlib import Path

        stub.answers["channels/ec/coupon/create"] = {"errcode": 0, "data": {"coupon_id": "42"}}
        stub.answers["channels/ec/coupon/update_status"] = OK
        room = ChannelsRoom("测试小店", Path(tempfile.mkdtemp()), store=api)
        assert room.supports(RoomAction.COUPON)
        request = RoomRequest(RoomAction.COUPON, title="限时券",
                              details={"coupon": "c1", "detail": "8折", "quantity": 20, "minutes": 2})
        result = await room.perform(request)
        assert result.outcome is Outcome.DONE and "42" in result.message
        assert room.coupons == {"c1": "42"}
        odd = await room.perform(RoomRequest(RoomAction.COUPON, title="买赠券", details={"detail": "买一送一"}))
        assert odd.outcome is Outcome.MANUAL and [s.title for s in room.pending] == ["买赠券"]
        await room.stop_coupon("c1")
        assert stub.requests[-1][1] == {"coupon_id": "42", "status": 4}
        await room.close()

    with_stub(scenario)


def test_a_running_show_logs_the_rooms_live_numbers() -> None:
    async def scenario(stub: StoreStub, api: ChannelsApi) -> None:
        import tempfile
        from pathlib import Path

        stub.answers["channels/livedashboard/getlivelist"] = {"errcode": 0, "live_items": [
            {"export_id": "e1", "create_time": 5}]}
        stub.answers["channels/livedashboard/getlivedata"] = _dashboard(online=321, as_strings=False)
        room = ChannelsRoom("测试小店", Path(tempfile.mkdtemp()), store=api)
        logged: list[tuple[str, dict[str, Any]]] = []
        room.show_started(lambda type, **data: logged.append((type, data)))
        assert room.numbers is not None
        for _ in range(200):
            if logged:
                break
            await asyncio.sleep(0.01)
        assert logged[0] == ("live_numbers", {"export_id": "e1", "online": 321, "viewers": 5200,
                                              "new_followers": 31, "orders": 88, "gmv_fen": 1234500,
                                              "comments": 410})
        await room.show_stopped()
        polled = len(stub.requests)
        await asyncio.sleep(0.05)
        assert len(stub.requests) == polled  # stopped with the show
        await room.close()
        bare = ChannelsRoom("无小店", Path(tempfile.mkdtemp()))
        bare.show_started(lambda *a, **k: None)
        assert bare.numbers is None

    with_stub(scenario)


def test_an_unscripted_call_fails_loudly() -> None:
    async def scenario(stub: StoreStub, api: ChannelsApi) -> None:
        try:
            await api.set_coupon_status("1", 2)
        except WeChatError as e:
            assert e.code == 99999
        else:
            raise AssertionError("the stub answered a call nobody scripted")

    with_stub(scenario)
