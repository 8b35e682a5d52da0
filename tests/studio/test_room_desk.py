"""The live-room panel's room calls go through the core's ``RoomDesk`` into the running show's log,
written ahead exactly like the pad's presses (intent → call → room_call + action_result)."""

from __future__ import annotations

import asyncio

import pytest

from studio.room.base import RoomAction
from studio.room.wechat.errors import WeChatError, WeChatUnreachable
from studio.show.log import read_log
from studio.show.plan import load_plan
from studio.show.room_desk import RoomDesk
from studio.show.session import ShowController
from tests.fakes.room import FakeRoom, FakeRoomConnection, FakeRoomModel
from tests.fakes.show import EXAMPLE, FakeOverlays

FAN_GOODS = 10086001  # the example plan's 便携折叠小风扇


@pytest.fixture
def model() -> FakeRoomModel:
    return FakeRoomModel()


@pytest.fixture
def show(run, tmp_path, clock, controllers):
    controller = ShowController(load_plan(EXAMPLE), FakeRoom(), FakeOverlays(), directory=tmp_path, clock=clock)
    controllers.append(controller)
    run(controller.start_new())
    controller.session.rundown.start_show()
    return controller


def _desk(model, controller=None) -> RoomDesk:
    return RoomDesk(FakeRoomConnection(model),  # type: ignore[arg-type]
                    lambda: controller.session.actions if controller and controller.session else None)


def _events(controller, kind=None):
    events = read_log(controller.session.log.path).events
    return [e for e in events if kind is None or e["type"] == kind]


def test_without_a_show_the_call_is_made_and_said_to_be_in_no_log(run, model):
    desk = _desk(model)
    answer = run(desk.push_goods(FAN_GOODS))
    assert model.calls == [("push_goods", FAN_GOODS)] and answer.logged is False and not desk.logging


def test_a_push_from_the_panel_is_written_ahead_like_the_pads(run, model, show):
    desk = _desk(model, show)
    seen_at_call: list[list[str]] = []
    model.on_call = lambda _name: seen_at_call.append([e["type"] for e in _events(show)])
    answer = run(desk.push_goods(FAN_GOODS))
    assert answer.logged and model.calls == [("push_goods", FAN_GOODS)]
    # The intent was on disk before the room was called.
    assert seen_at_call[0][-1] == "action_intent"
    intent, = _events(show, "action_intent")
    call, = [e for e in _events(show, "room_call") if e.get("intent_id")]
    result, = _events(show, "action_result")
    assert intent["intent_id"] == call["intent_id"] == result["intent_id"]
    assert intent["seq"] < call["seq"] < result["seq"]
    assert intent["source"] == result["source"] == "room_panel" and intent["action"] == "push_product"
    assert intent["ref"] == "fan" and intent["goods_id"] == str(FAN_GOODS) and "live-room panel" in intent["target"]
    assert call["action"] == RoomAction.PUSH_GOODS.value and call["outcome"] == "done"
    assert isinstance(call["latency_ms"], int) and result["status"] == "sent"
    # A plan product's push counts for the rules like the pad's does.
    assert [e["product"] for e in _events(show, "goods_pushed")] == ["fan"]


def test_the_panels_push_is_two_durable_writes_the_intent_then_one_batch(run, model, show, monkeypatch):
    """Like the pad's: the intent on disk before the call; room_call, goods_pushed and
    action_result after it with one write and one fsync (``ShowLog.batch``)."""
    import os

    from studio.show import log as log_module

    synced: list[list[str]] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        real_fsync(fd)
        synced.append([e["type"] for e in _events(show)])

    monkeypatch.setattr(log_module.os, "fsync", fsync)
    run(_desk(model, show).push_goods(FAN_GOODS))
    assert len(synced) == 2
    assert synced[0][-1] == "action_intent"
    assert synced[1][-3:] == ["room_call", "goods_pushed", "action_result"]


def test_a_refusal_is_logged_with_its_code_and_raised(run, model, show):
    desk = _desk(model, show)
    model.fail_next(WeChatError("Product off sale: put it on sale first.", code=300023, next_step="put_on_sale"))
    with pytest.raises(WeChatError):
        run(desk.push_goods(FAN_GOODS))
    call, = [e for e in _events(show, "room_call") if e.get("intent_id")]
    assert call["outcome"] == "refused" and call["error_code"] == 300023
    assert _events(show, "action_result")[0]["status"] == "failed" and not _events(show, "goods_pushed")
    model.fail_next(WeChatUnreachable("WeChat could not be reached."))
    with pytest.raises(WeChatUnreachable):
        run(desk.set_on_sale(FAN_GOODS, False))
    last = [e for e in _events(show, "room_call") if e.get("intent_id")][-1]
    assert last["outcome"] == "failed" and last["action"] == "goods_off_sale"


def test_sale_flags_goods_and_subscribers_each_logged(run, model, show):
    desk = _desk(model, show)
    run(desk.set_on_sale(FAN_GOODS, True))
    run(desk.add_goods([55, 56]))
    assert run(desk.notify_subscribers()).value == 3
    intents = _events(show, "action_intent")
    assert [i["action"] for i in intents] == ["goods_on_sale", "add_goods", "subscriber_push"]
    assert intents[1]["ref"] == "55,56" and intents[1]["goods_id"] is None
    assert [e["type"] for e in _events(show) if e["type"] in ("goods_on_shelf", "subscriber_pushed")] == [
        "goods_on_shelf", "subscriber_pushed"]
    assert len(_events(show, "action_result")) == 3


def test_reads_are_logged_with_their_latency_and_never_the_push_address(run, model, show):
    desk = _desk(model, show)
    run(desk.refresh_rooms())
    run(desk.load_library())
    url = run(desk.fetch_push_url()).value
    calls = [e for e in _events(show, "room_call") if e.get("source") == "room_panel"]
    assert [c["action"] for c in calls] == ["list_rooms", "approved_goods", "push_url"]
    assert all(c["outcome"] == "done" and isinstance(c["latency_ms"], int) for c in calls)
    assert not _events(show, "action_intent")  # nothing to write ahead: reads change nothing
    assert "txSecret" in url and "s3cr3t" not in show.session.log.path.read_text(encoding="utf-8")


def test_a_panel_call_cut_off_mid_way_is_asked_about_on_resume(run, model, show):
    desk = _desk(model, show)
    model.gate = asyncio.Event()  # the room never answers: the console is killed meanwhile

    async def cut_off() -> None:
        task = asyncio.ensure_future(desk.push_goods(FAN_GOODS))
        while not model.calls:
            await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    run(cut_off())
    assert _events(show, "action_intent") and not _events(show, "action_result")
    actions = show.session.actions
    actions.restore(_events(show))
    unanswered, = actions.unanswered_intents
    assert unanswered["source"] == "room_panel" and unanswered["ref"] == "fan"


def test_after_the_show_ended_nothing_is_logged(run, model, show):
    desk = _desk(model, show)
    run(show.end_show())
    assert run(desk.push_goods(FAN_GOODS)).logged is False
