"""The manual (checklist) and dry-run live-room targets."""

from __future__ import annotations

import asyncio

from studio.room.base import Outcome, RoomAction, RoomRequest
from studio.room.dryrun import DryRunRoom
from studio.room.manual import ManualRoom
from studio.show.log import ShowLog, read_log


def test_manual_room_turns_every_action_into_a_step_to_tick_off():
    clock = iter([100.0, 105.0, 110.0]).__next__
    ticked = []
    room = ManualRoom(clock=clock, on_tick=ticked.append)
    changes = []
    room.changed.connect(lambda: changes.append(1))
    assert not any(room.supports(action) for action in RoomAction)
    result = asyncio.run(room.perform(RoomRequest(RoomAction.ANNOUNCEMENT, title="欢迎来到直播间")))
    assert result.outcome is Outcome.MANUAL and result.ok
    assert "欢迎来到直播间" in result.message and "announcement" in result.message
    asyncio.run(room.perform(RoomRequest(RoomAction.PUSH_GOODS, goods_id="1", title="风扇")))
    assert [s.title for s in room.pending] == ["欢迎来到直播间", "风扇"]
    step = room.tick(result.next_step)
    assert step.done_at == 110.0 and ticked == [step]
    room.tick(result.next_step)  # twice is harmless
    assert [s.title for s in room.pending] == ["风扇"] and len(changes) == 3


def test_every_action_has_a_manual_instruction():
    room = ManualRoom()
    for action in RoomAction:
        result = asyncio.run(room.perform(RoomRequest(action, title="X")))
        assert result.message and result.outcome is Outcome.MANUAL


def test_dry_run_marks_done_and_logs(tmp_path):
    with ShowLog(tmp_path / "r.showlog.jsonl") as show_log:
        room = DryRunRoom(log=show_log.append)
        assert all(room.supports(action) for action in RoomAction)
        result = asyncio.run(room.perform(RoomRequest(RoomAction.COUPON, title="满199减30")))
    assert result.outcome is Outcome.DONE and "nothing was sent" in result.message
    assert [r.title for r in room.performed] == ["满199减30"]
    (event,) = read_log(show_log.path).events
    assert event["type"] == "dry_run" and event["action"] == "coupon" and event["title"] == "满199减30"
