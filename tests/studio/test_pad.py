"""The pad in the core (studio/show/pad.py): keys, states, sources in the show log, write-ahead,
one-click fixes after a room's refusal, the unanswered press after a crash, health markers."""

from __future__ import annotations

import asyncio

import pytest

from studio.room.base import Outcome, RoomAction
from studio.room.manual import ManualRoom
from studio.show.actions import ActionStatus
from studio.show.log import read_log
from studio.show.pad import KEY_IDS, Pad, PadFix, PadKey, PadRefused
from studio.show.plan import load_plan
from studio.show.session import ShowController
from tests.fakes.scripted_room import ScriptedRoom
from tests.fakes.show import EXAMPLE, FakeOverlays
from tests.lab.waiting import wait_until


def _room() -> ScriptedRoom:
    room = ScriptedRoom()
    for action in RoomAction:
        room.default(action)
    return room


def _show(run, tmp_path, clock, controllers, room=None, overlays=None, start=True, **pad_options):
    controller = ShowController(load_plan(EXAMPLE), room or _room(), overlays or FakeOverlays(),
                                directory=tmp_path, clock=clock)
    controllers.append(controller)
    pad = Pad(controller, **pad_options)
    if start:
        run(controller.start_new())
        controller.session.rundown.start_show()
    return pad, controller


def _events(controller, kind=None):
    events = read_log(controller.session.log.path).events
    return [e for e in events if kind is None or e["type"] == kind]


def _crash_mid_press(run, tmp_path, clock, controllers, key_id, **press):
    """A show whose app dies while the room holds a press of ``key_id``; returns its log's path."""
    room = _room()
    room.hang = True
    pad, controller = _show(run, tmp_path, clock, controllers, room=room)

    async def crash():
        task = asyncio.ensure_future(pad.run(key_id, **press))
        await wait_until(lambda: len(room.requests) == 1, timeout=2)
        task.cancel()  # the app dies while the room has the request
        await asyncio.gather(task, return_exceptions=True)

    run(crash())
    return controller.session.log.path


def _resumed(run, tmp_path, clock, controllers):
    """The console's next start: the show resumed from its log, with a room of its own."""
    room = _room()
    pad, controller = _show(run, tmp_path, clock, controllers, room=room, start=False)
    run(controller.look_for_resume())
    run(controller.resume())
    return pad, room


def test_keys_follow_the_contract_and_say_why_not_without_a_show(run, tmp_path, clock, controllers):
    pad, _ = _show(run, tmp_path, clock, controllers, start=False)
    keys = pad.keys()
    assert [k.id for k in keys] == list(KEY_IDS)
    assert [k.shortcut for k in keys[:8]] == [f"F{i}" for i in range(1, 9)]
    assert all(isinstance(k, PadKey) and not k.enabled and k.why_not for k in keys)
    assert "start" in pad.key("push").why_not
    with pytest.raises(KeyError):
        pad.key("nonsense")
    with pytest.raises(PadRefused):
        run(pad.run("push"))
    assert "Scripted room" in pad.target_label


def test_a_press_is_written_ahead_and_its_result_carries_the_source(run, tmp_path, clock, controllers):
    room = _room()
    pad, controller = _show(run, tmp_path, clock, controllers, room=room)
    changes = []
    pad.changed.connect(lambda: changes.append(pad.key("push").state))
    key = pad.key("push")
    assert key.enabled and key.subject == "冰感速干运动毛巾" and key.state == "idle"
    result = run(pad.run("push", source="api"))
    assert result.status is ActionStatus.SENT
    assert "busy" in changes and pad.key("push").state == "ok"
    assert "\n" not in pad.key("push").last_result and "✓ Scripted room: done" in pad.key("push").last_result
    intent, = _events(controller, "action_intent")
    outcome, = _events(controller, "action_result")
    call, = [e for e in _events(controller, "room_call") if e["action"] == "push_goods"]
    assert intent["intent_id"] == outcome["intent_id"] == call["intent_id"] == result.intent_id
    assert intent["seq"] < call["seq"] < outcome["seq"]
    assert intent["source"] == outcome["source"] == "api" and outcome["key"] == "push"
    assert call["action"] == "push_goods" and isinstance(call["latency_ms"], int)
    assert room.requests[0].goods_id == "10086003"


def test_a_hotkey_and_a_click_give_the_same_event_but_for_the_source(run, tmp_path, clock, controllers):
    pad, controller = _show(run, tmp_path, clock, controllers)
    run(pad.run("coupon", source="hotkey", confirmed=True))
    clock.now += 400
    run(pad.run("coupon", source="pad", confirmed=True))
    first, second = _events(controller, "action_result")
    strip = {"seq", "ts", "source", "intent_id", "targets"}
    assert {k: v for k, v in first.items() if k not in strip} == {k: v for k, v in second.items() if k not in strip}
    assert (first["source"], second["source"]) == ("hotkey", "pad")


def test_manual_steps_show_as_manual_and_land_in_the_checklist(run, tmp_path, clock, controllers):
    room = ManualRoom(clock=clock)
    pad, _ = _show(run, tmp_path, clock, controllers, room=room)
    run(pad.run("announcement"))
    assert pad.key("announcement").state == "manual" and len(pad.checklist.pending) == 1
    pad.tick_manual_step(pad.checklist.pending[0].id)
    assert pad.checklist.pending == []
    assert "Manual checklist" in pad.target_label


def test_interrupting_asks_then_a_second_press_sends_and_the_question_expires(run, tmp_path, clock, controllers):
    room = _room()
    pad, controller = _show(run, tmp_path, clock, controllers, room=room, confirm_seconds=0.2)
    rundown = controller.session.rundown
    rundown.go_to(next(s.id for s in rundown.steps if s.kind == "explain" and s.ref == "fan"))
    asked = run(pad.run("lottery"))
    assert asked.status is ActionStatus.ASK and pad.key("lottery").state == "ask" and room.requests == []
    assert "Press again" in pad.key("lottery").last_result
    sent = run(pad.run("lottery"))
    assert sent.status is ActionStatus.SENT and [r.action for r in room.requests] == [RoomAction.LOTTERY_START]
    run(pad.run("coupon"))
    assert pad.key("coupon").state == "ask"
    run(wait_until(lambda: pad.key("coupon").state == "idle", timeout=3))


def test_off_sale_offers_put_on_sale_and_push(run, tmp_path, clock, controllers):
    room = _room()
    room.answer(RoomAction.PUSH_GOODS, Outcome.REFUSED, "This product is off sale (已下架).", code=300052,
                next_step="put_on_sale")
    pad, controller = _show(run, tmp_path, clock, controllers, room=room)
    result = run(pad.run("push"))
    assert result.status is ActionStatus.PARTIAL  # the card is on screen, the room said no
    key = pad.key("push")
    assert key.state == "partial" and key.fix == PadFix("put_on_sale", "Put on sale and push")
    fixed = run(pad.run_fix("push"))
    assert fixed.status is ActionStatus.SENT and pad.key("push").state == "ok" and pad.key("push").fix is None
    assert room.actions() == [RoomAction.PUSH_GOODS, RoomAction.GOODS_ON_SALE, RoomAction.PUSH_GOODS]
    assert [e["product"] for e in _events(controller, "goods_pushed")] == ["towel"]
    assert _events(controller, "goods_on_shelf")[0]["goods_id"] == "10086003"
    with pytest.raises(PadRefused):
        run(pad.run_fix("push"))


def test_not_in_room_offers_add_and_push(run, tmp_path, clock, controllers):
    room = _room()
    room.answer(RoomAction.PUSH_GOODS, Outcome.REFUSED, "This product is not in the room yet.", code=300053,
                next_step="add_goods")
    pad, _ = _show(run, tmp_path, clock, controllers, room=room)
    run(pad.run("push"))
    assert pad.key("push").fix.id == "add_goods"
    run(pad.run_fix("push"))
    assert room.actions() == [RoomAction.PUSH_GOODS, RoomAction.ADD_GOODS, RoomAction.PUSH_GOODS]
    assert pad.key("push").state == "ok"


def test_a_fix_that_fails_again_says_so_and_keeps_offering(run, tmp_path, clock, controllers):
    room = _room()
    room.answer(RoomAction.PUSH_GOODS, Outcome.REFUSED, "not in room", code=300053, next_step="add_goods")
    room.answer(RoomAction.ADD_GOODS, Outcome.REFUSED, "not approved yet", code=300017)
    pad, _ = _show(run, tmp_path, clock, controllers, room=room)
    run(pad.run("push"))
    result = run(pad.run_fix("push"))
    assert result.status is ActionStatus.FAILED and "not approved yet" in pad.key("push").last_result
    assert room.actions() == [RoomAction.PUSH_GOODS, RoomAction.ADD_GOODS]


def test_a_push_still_running_is_retried_after_a_countdown(run, tmp_path, clock, controllers):
    room = _room()
    room.answer(RoomAction.PUSH_GOODS, Outcome.REFUSED, "A goods push is still running.", code=300047,
                next_step="retry")
    pad, controller = _show(run, tmp_path, clock, controllers, room=room, retry_seconds=1.2)
    seen = []
    pad.changed.connect(lambda: seen.append(pad.key("push").last_result))
    run(pad.run("push"))
    assert pad.key("push").fix.id == "retry"
    run(wait_until(lambda: pad.key("push").state == "ok", timeout=5))
    assert any("retrying in 2 s" in s or "retrying in 1 s" in s for s in seen)
    assert room.actions() == [RoomAction.PUSH_GOODS, RoomAction.PUSH_GOODS]
    assert _events(controller, "action_result")[-1]["source"] == "auto_retry"


def test_the_room_not_live_is_said_before_the_show_starts(run, tmp_path, clock, controllers):
    room = ScriptedRoom(preflight="The live room 1001 is not started (未开始).")
    pad, controller = _show(run, tmp_path, clock, controllers, room=room, start=False)
    run(controller.start_new())
    assert pad.key("next").subject == "Start the show"
    asked = run(pad.run("next"))
    assert asked.status is ActionStatus.ASK and "not started" in pad.key("next").last_result
    assert not controller.session.rundown.live
    run(pad.run("next"))
    assert controller.session.rundown.live and "On air" in pad.key("next").last_result


def test_a_slow_room_never_delays_the_overlay_and_each_target_reports_on_its_own(run, tmp_path, clock,
                                                                                 controllers):
    room = _room()
    room.delay = 0.5
    overlays = FakeOverlays()
    pad, _ = _show(run, tmp_path, clock, controllers, room=room, overlays=overlays)

    async def press():
        task = asyncio.ensure_future(pad.run("push"))
        await wait_until(lambda: "card" in overlays.showing, timeout=2)
        assert not task.done()  # the card is up while the room is still thinking
        await wait_until(lambda: "OBS overlay: done" in pad.key("push").last_result, timeout=2)
        assert pad.key("push").state == "busy" and "sending…" in pad.key("push").last_result
        assert not pad.key("push").enabled
        return await task

    assert run(press()).status is ActionStatus.SENT


def test_a_room_that_hangs_times_out_on_its_own_timeout(run, tmp_path, clock, controllers):
    room = _room()
    room.hang, room.timeout = True, 0.2
    pad, _ = _show(run, tmp_path, clock, controllers, room=room)
    result = run(pad.run("push"))
    assert result.status is ActionStatus.PARTIAL and "did not answer within" in pad.key("push").last_result
    assert pad.key("push").fix.id == "retry"


def test_markers_for_product_pushes_and_lotteries(run, tmp_path, clock, controllers):
    markers = []
    pad, _ = _show(run, tmp_path, clock, controllers, markers=lambda kind, label: markers.append((kind, label)))
    run(pad.run("push"))
    run(pad.run("lottery"))
    run(pad.run("draw"))
    run(pad.run("announcement"))
    assert markers == [("product", "Pushed: 冰感速干运动毛巾"), ("lottery", "Lottery: 品牌帆布包"),
                       ("lottery", "Draw: 品牌帆布包")]


def test_an_unanswered_press_after_a_crash_is_unknown_and_never_repeated(run, tmp_path, clock, controllers):
    path = _crash_mid_press(run, tmp_path, clock, controllers, "push")
    assert [e["type"] for e in read_log(path).events].count("action_intent") == 1
    assert not [e for e in read_log(path).events if e["type"] == "action_result"]

    pad2, room2 = _resumed(run, tmp_path, clock, controllers)
    key = pad2.key("push")
    assert key.state == "unknown" and not key.enabled and "check in the live console" in key.last_result
    with pytest.raises(PadRefused):
        run(pad2.run("push"))
    assert room2.requests == []
    pad2.resolve("push", happened=True)
    assert pad2.key("push").state == "ok" and pad2.key("push").enabled and room2.requests == []
    events = read_log(path).events
    resolved = [e for e in events if e["type"] == "action_resolved"]
    assert resolved[0]["happened"] is True and resolved[0]["intent_id"]
    assert events[-1]["type"] == "goods_pushed"  # counted as done: the rules see it
    with pytest.raises(PadRefused):
        pad2.resolve("push", happened=False)


def test_it_did_not_happen_frees_the_key_to_send_again(run, tmp_path, clock, controllers):
    _crash_mid_press(run, tmp_path, clock, controllers, "coupon", confirmed=True)
    pad2, room2 = _resumed(run, tmp_path, clock, controllers)
    assert pad2.key("coupon").state == "unknown"
    pad2.resolve("coupon", happened=False)
    assert pad2.key("coupon").state == "idle" and pad2.key("coupon").enabled
    run(pad2.run("coupon", confirmed=True))
    assert [r.action for r in room2.requests] == [RoomAction.COUPON]


def test_after_the_end_of_the_show_every_key_says_so(run, tmp_path, clock, controllers):
    pad, controller = _show(run, tmp_path, clock, controllers)
    assert pad.key("push").enabled
    run(controller.session.end())
    keys = pad.keys()
    assert all(not k.enabled and "ended" in k.why_not for k in keys)
    with pytest.raises(PadRefused):
        run(pad.run("push"))


def test_before_the_show_the_pad_says_the_room_is_not_live(run, tmp_path, clock, controllers):
    room = ScriptedRoom(preflight="The live room 1001 is not started (未开始).")
    pad, controller = _show(run, tmp_path, clock, controllers, room=room, start=False)
    assert pad.room_problem is None
    run(controller.start_new())
    run(wait_until(lambda: pad.room_problem is not None))
    assert "not started" in pad.room_problem
    check, = _events(controller, "room_call")
    assert check["action"] == "preflight" and check["outcome"] == "not_ready" and check["latency_ms"] >= 0
