"""结束讲解 on the pad (F12): offered only where the room has a 讲解 pop-up to end (Channels); it ends
it in the room and takes the product card off screen at the same time, written ahead like every press."""

from __future__ import annotations

from studio.room.base import RoomAction
from studio.show.actions import ActionStatus
from studio.show.log import read_log
from studio.show.pad import Pad
from studio.show.plan import load_plan
from studio.show.session import ShowController
from tests.fakes.scripted_room import ScriptedRoom
from tests.fakes.show import EXAMPLE, FakeOverlays


def _start(run, tmp_path, clock, controllers, room):
    overlays = FakeOverlays()
    controller = ShowController(load_plan(EXAMPLE), room, overlays, directory=tmp_path, clock=clock)
    controllers.append(controller)
    pad = Pad(controller)
    run(controller.start_new())
    controller.session.rundown.start_show()
    return pad, controller, overlays


def test_end_explanation_ends_the_rooms_pop_up_and_takes_the_card_off(run, tmp_path, clock, controllers):
    room = ScriptedRoom("Channels 测试小店")
    for action in (RoomAction.PUSH_GOODS, RoomAction.END_EXPLAIN):
        room.default(action)
    pad, controller, overlays = _start(run, tmp_path, clock, controllers, room)
    run(pad.run("explain"))
    product_id = controller.session.actions.explained_product_id()
    product = controller.plan.product(product_id)
    key = pad.key("end_explain")
    assert key.shortcut == "F12" and key.enabled and key.subject == product.name
    result = run(pad.run("end_explain", source="hotkey"))
    assert result.status is ActionStatus.SENT
    ended = room.requests[-1]
    assert ended.action is RoomAction.END_EXPLAIN and ended.title == product.name
    assert ("hide_product_card",) in overlays.calls and "card" not in overlays.showing
    events = read_log(controller.session.log.path).events
    intent = next(e for e in events if e["type"] == "action_intent" and e["action"] == "end_explain")
    outcome = next(e for e in events if e["type"] == "action_result" and e.get("intent_id") == intent["intent_id"])
    assert outcome["source"] == "hotkey" and outcome["key"] == "end_explain"


def test_a_room_without_a_pop_up_does_not_offer_it(run, tmp_path, clock, controllers):
    room = ScriptedRoom("Mini-program room")
    room.default(RoomAction.PUSH_GOODS)  # no END_EXPLAIN: nothing to end there
    pad, _, _ = _start(run, tmp_path, clock, controllers, room)
    run(pad.run("explain"))
    key = pad.key("end_explain")
    assert not key.enabled and "Channels" in key.why_not
