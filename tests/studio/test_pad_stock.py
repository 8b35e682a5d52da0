"""The pad's stock key (库存, Shift+F9) for the current product: the mini-program live API has no
stock call, so with the mini-program room it is a checklist step that says exactly where to change
the stock (the merchant's own mini-program back end) with the product's name and goods_id; the
manual checklist says it in general words; nothing calls an API that does not exist."""

from __future__ import annotations

from studio.room.base import Outcome, RoomAction, RoomRequest
from studio.room.manual import ManualRoom
from studio.room.wechat import WeChatLiveRoom
from studio.show.actions import ActionStatus
from studio.show.log import read_log
from studio.show.pad import Pad
from studio.show.plan import load_plan
from studio.show.session import ShowController
from tests.fakes.room import NoCallsClient
from tests.fakes.show import EXAMPLE, FakeOverlays


def _pad(run, tmp_path, clock, controllers, room):
    controller = ShowController(load_plan(EXAMPLE), room, FakeOverlays(), directory=tmp_path, clock=clock)
    controllers.append(controller)
    pad = Pad(controller)
    run(controller.start_new())
    controller.session.rundown.start_show()
    return pad, controller


def test_with_the_miniprogram_room_the_stock_key_is_a_checklist_step_naming_where(run, tmp_path, clock,
                                                                                   controllers):
    room = WeChatLiveRoom(NoCallsClient(), 1001, owns_client=False)  # type: ignore[arg-type]
    pad, controller = _pad(run, tmp_path, clock, controllers, room)
    key = pad.key("stock")
    assert key.shortcut == "Shift+F9" and key.enabled and key.subject == "冰感速干运动毛巾"
    result = run(pad.run("stock"))
    assert result.status is ActionStatus.SENT
    target, = result.targets  # nothing on screen: the room's step only
    assert target.outcome is Outcome.MANUAL
    for words in ("冰感速干运动毛巾", "goods_id 10086003", "merchant back end", "no stock call"):
        assert words in target.message
    assert pad.key("stock").state == "manual"
    step, = room.checklist.pending
    assert step.action is RoomAction.STOCK and step.instruction == target.message
    events = read_log(controller.session.log.path).events
    intent = next(e for e in events if e["type"] == "action_intent")
    assert intent["action"] == "stock" and intent["goods_id"] == "10086003"
    assert any(e["type"] == "manual_step_added" and e["action"] == "stock" for e in events)


def test_a_product_matched_by_name_names_the_rooms_goods_id(run):
    room = WeChatLiveRoom(NoCallsClient(), 1001, owns_client=False)  # type: ignore[arg-type]
    room.goods_ids["scarf"] = "2005"  # the plan had no goods id; the pre-show match found one
    answer = run(room.perform(RoomRequest(RoomAction.STOCK, title="羊毛围巾", details={"product": "scarf",
                                                                                       "stock": 40})))
    assert answer.outcome is Outcome.MANUAL and "goods_id 2005" in answer.message and "40" in answer.message


def test_the_manual_checklist_says_it_in_general_words(run, tmp_path, clock, controllers):
    room = ManualRoom()
    pad, _ = _pad(run, tmp_path, clock, controllers, room)
    result = run(pad.run("stock", source="hotkey"))
    assert result.status is ActionStatus.SENT and "stock (库存)" in result.targets[0].message
    assert room.pending[0].action is RoomAction.STOCK

