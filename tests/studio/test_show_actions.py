"""One-click actions with a fake live room, fake overlays and an injected clock (no sleeps)."""

from __future__ import annotations

import asyncio

import pytest

from studio.errors import UserError
from studio.room.base import Outcome, RoomAction
from studio.room.manual import ManualRoom
from studio.show.actions import (
    COUPON_BANNER,
    LOTTERY_COUNTDOWN,
    PRODUCT_CARD,
    TICKER,
    ActionKind,
    ActionStatus,
    ShowActions,
)
from studio.show.log import read_log
from studio.show.rundown import ON_AIR, Rundown
from studio.show.session import ShowSession, find_resume_offer
from tests.fakes.clock import T0
from tests.fakes.room import FakeRoom
from tests.fakes.show import FakeOverlays, MemoryLog


@pytest.fixture
def sink(clock) -> MemoryLog:
    return MemoryLog(clock)


@pytest.fixture
def rundown(plan, clock, sink) -> Rundown:
    return Rundown(plan, clock=clock, sink=sink)


@pytest.fixture
def room() -> FakeRoom:
    return FakeRoom()


@pytest.fixture
def overlays() -> FakeOverlays:
    return FakeOverlays()


@pytest.fixture
def actions(rundown, room, overlays, clock) -> ShowActions:
    return ShowActions(rundown, room, overlays, clock, target_timeout=0.2)


def run(coro):
    return asyncio.run(coro)


def _on_air(rundown: Rundown, kind: str, ref: str) -> None:
    step = next(s for s in rundown.steps if s.kind == kind and s.ref == ref)
    rundown.go_to(step.id)


def test_push_product_goes_to_both_targets_and_is_logged(actions, rundown, room, overlays, sink):
    rundown.start_show()
    finished = []
    actions.finished.connect(finished.append)
    result = run(actions.push_product("fan"))
    assert result.status is ActionStatus.SENT and finished == [result]
    assert [t.target for t in result.targets] == ["room", "overlay"]
    assert all(t.outcome is Outcome.DONE for t in result.targets)
    assert room.requests[0].action is RoomAction.PUSH_GOODS and room.requests[0].goods_id == "10086001"
    assert overlays.showing["card"] == "fan"
    assert actions.on_screen[PRODUCT_CARD].ref == "fan"
    assert sink.types()[-3:] == ["goods_pushed", "overlay_shown", "action_result"]
    logged = sink.events[-1]
    assert logged["status"] == "sent" and [t["outcome"] for t in logged["targets"]] == ["done", "done"]


def test_taking_the_card_off_screen_only_touches_the_overlay(actions, rundown, room, overlays, sink):
    rundown.start_show()
    run(actions.push_product("fan"))
    result = run(actions.take_off(PRODUCT_CARD))
    assert result.status is ActionStatus.SENT and result.action is ActionKind.TAKE_OFF
    assert "card" not in overlays.showing and PRODUCT_CARD not in actions.on_screen
    assert len(room.requests) == 1  # nothing is "un-pushed" in the live room
    assert "overlay_hidden" in sink.types()
    with pytest.raises(UserError, match="Nothing"):
        run(actions.take_off())


def test_overlay_failure_does_not_hide_the_room_success(actions, rundown, room, overlays, sink):
    rundown.start_show()
    overlays.broken = True
    result = run(actions.push_product("fan"))
    assert result.status is ActionStatus.PARTIAL
    assert result.target("room").ok and result.target("room").outcome is Outcome.DONE
    screen = result.target("overlay")
    assert not screen.ok and "OBS is not connected" in screen.message
    assert "goods_pushed" in sink.types()  # the room took it: the show log says so
    assert PRODUCT_CARD not in actions.on_screen


def test_room_failure_does_not_hide_the_overlay_success(actions, rundown, room, overlays, sink):
    rundown.start_show()
    room.outcome, room.message = Outcome.FAILED, "The live room could not be reached."
    result = run(actions.push_announcement("welcome"))
    assert result.status is ActionStatus.PARTIAL
    assert result.target("overlay").ok and overlays.showing["ticker"]
    assert result.target("room").message == "The live room could not be reached."
    # Not in the room: the announcement rules do not count it, the next one is not held back.
    assert rundown.rules.announcement_pushes == []


def test_a_room_that_never_answers_times_out_and_the_overlay_still_counts(actions, rundown, room):
    rundown.start_show()
    room.hang = True
    room.timeout = 0.2  # the room's own timeout (the live room's 10 s would only make the test slow)
    result = run(actions.push_coupon("c199"))
    assert result.status is ActionStatus.PARTIAL
    assert "did not answer within" in result.target("room").message
    assert result.target("overlay").ok


def test_both_fail_is_failed(actions, rundown, room, overlays):
    rundown.start_show()
    room.outcome = Outcome.REFUSED
    overlays.broken = True
    assert run(actions.push_product("fan")).status is ActionStatus.FAILED


def test_announcement_rules_refuse_before_sending_with_reason_and_time(actions, rundown, room, overlays,
                                                                      clock, sink):
    rundown.start_show()
    assert run(actions.push_announcement("welcome")).status is ActionStatus.SENT
    clock.now += 5
    refused = run(actions.push_announcement("coupon"))
    assert refused.status is ActionStatus.REFUSED
    assert refused.refusal.allowed_at == T0 + 20 and "20 s" in refused.message
    assert len(room.requests) == 1 and len([c for c in overlays.calls if c[0] == "show_ticker"]) == 1
    assert sink.events[-1]["type"] == "action_refused" and sink.events[-1]["allowed_at"] == T0 + 20
    too_short = run(actions.push_announcement(text="短"))
    assert too_short.status is ActionStatus.REFUSED and "4–34" in too_short.message
    clock.now = T0 + 20
    assert run(actions.push_announcement("coupon")).status is ActionStatus.SENT


def test_a_double_click_cannot_send_two_announcements(actions, rundown, room):
    rundown.start_show()

    async def both():
        return await asyncio.gather(actions.push_announcement("welcome"),
                                    actions.push_announcement("welcome"))

    first, second = run(both())
    assert first.status is ActionStatus.SENT and second.status is ActionStatus.REFUSED
    assert len(room.requests) == 1


def test_ticker_goes_off_screen_after_its_20_s(actions, rundown, overlays, clock):
    rundown.start_show()
    run(actions.push_announcement("welcome"))
    clock.now += 19
    assert run(actions.tick()) == [] and "ticker" in overlays.showing
    clock.now += 1
    assert run(actions.tick()) == [TICKER] and "ticker" not in overlays.showing
    assert TICKER not in actions.on_screen


def test_coupon_banner_counts_down_and_goes_off(actions, rundown, overlays, clock):
    rundown.start_show()
    result = run(actions.push_coupon("c199"))
    assert result.status is ActionStatus.SENT
    assert ("show_coupon", "c199", T0 + 5 * 60) in overlays.calls
    assert [t.kind for t in rundown.timers] == ["coupon"]
    clock.now += 5 * 60
    assert run(actions.tick()) == [COUPON_BANNER] and "coupon" not in overlays.showing


def test_lottery_start_and_draw(actions, rundown, room, overlays, clock, sink):
    rundown.start_show()
    result = run(actions.start_lottery("bag"))
    assert result.status is ActionStatus.SENT
    assert room.requests[-1].details["minutes"] == 10 and room.requests[-1].details["keyword"] == "夏日好物"
    assert ("show_lottery_countdown", "bag", T0 + 600) in overlays.calls
    assert actions.running_lottery_id() == "bag" and rundown.rules.lotteries_created == 1
    clock.now += 700
    assert run(actions.tick()) == []  # the countdown waits for the draw
    drawn = run(actions.draw_lottery())
    assert drawn.status is ActionStatus.SENT and drawn.ref == "bag"
    assert room.requests[-1].action is RoomAction.LOTTERY_DRAW
    assert "lottery" not in overlays.showing and LOTTERY_COUNTDOWN not in actions.on_screen
    assert rundown.timers == [] and "lottery_drawn" in sink.types()
    with pytest.raises(UserError, match="No lottery is running"):
        run(actions.draw_lottery())


def test_lottery_whose_draw_falls_after_the_end_is_refused(actions, rundown, clock, room):
    rundown.start_show()
    clock.now += 115 * 60  # 5 min before the planned end; the lottery runs 10
    result = run(actions.start_lottery("bag"))
    assert result.status is ActionStatus.REFUSED and result.refusal.rule == "draw_after_end"
    assert room.requests == []


def test_the_twelve_hour_limit_refuses_every_push(actions, rundown, clock, room):
    rundown.start_show()
    clock.now += 12 * 3600
    for coro in (actions.push_product("fan"), actions.push_coupon("c199"),
                 actions.push_announcement("welcome"), actions.explain("cup")):
        result = run(coro)
        assert result.status is ActionStatus.REFUSED and result.refusal.rule == "show_12h"
    assert room.requests == []


def test_interrupting_an_explanation_asks_first_and_sends_nothing(actions, rundown, room, overlays, sink):
    rundown.start_show()
    _on_air(rundown, "explain", "fan")
    asked = run(actions.push_coupon("c199"))
    assert asked.status is ActionStatus.ASK and "便携折叠小风扇" in asked.message
    assert room.requests == [] and overlays.calls == []
    assert "action_result" not in sink.types()
    confirmed = run(actions.push_coupon("c199", confirmed=True))
    assert confirmed.status is ActionStatus.SENT and len(room.requests) == 1


def test_pushing_the_product_being_explained_is_not_an_interruption(actions, rundown):
    rundown.start_show()
    _on_air(rundown, "explain", "fan")
    assert run(actions.push_product("fan")).status is ActionStatus.SENT
    assert run(actions.push_product("cup")).status is ActionStatus.ASK


def test_explain_puts_the_product_on_air_and_pushes_it(actions, rundown, room, overlays):
    rundown.start_show()
    assert actions.current_product_id() == "towel"  # the flash sale is the next product step
    result = run(actions.explain("fan"))
    assert result.status is ActionStatus.SENT and result.action is ActionKind.EXPLAIN
    assert rundown.current.kind == "explain" and rundown.current.ref == "fan"
    assert rundown.current.state == ON_AIR and overlays.showing["card"] == "fan"
    assert actions.current_product_id() == "fan"
    # Another product while this one is explained: ask; confirmed, it goes on air as a step.
    assert run(actions.explain("cup")).status is ActionStatus.ASK
    assert run(actions.explain("cup", confirmed=True)).status is ActionStatus.SENT
    assert rundown.current.ref == "cup"
    # A product whose steps are all done comes back as a re-run (返场).
    run(actions.explain("fan", confirmed=True))
    assert rundown.current.rerun and rundown.current.ref == "fan"


def test_manual_room_gives_steps_to_tick_off(rundown, overlays, clock, sink):
    room = ManualRoom(clock=clock)
    actions = ShowActions(rundown, room, overlays, clock)
    rundown.start_show()
    result = run(actions.push_announcement("welcome"))
    assert result.status is ActionStatus.SENT
    manual = result.target("room")
    assert manual.outcome is Outcome.MANUAL and "live console" in manual.message and manual.manual_step
    assert [s.id for s in room.pending] == [manual.manual_step]
    actions.tick_manual_step(manual.manual_step)
    assert room.pending == [] and sink.events[-1]["type"] == "manual_step_done"


def test_without_overlays_only_the_room_is_a_target(rundown, room, clock):
    actions = ShowActions(rundown, room, None, clock)
    rundown.start_show()
    result = run(actions.push_product("fan"))
    assert [t.target for t in result.targets] == ["room"] and result.status is ActionStatus.SENT


def test_unknown_ids_are_plain_errors(actions, rundown):
    rundown.start_show()
    with pytest.raises(UserError, match="No coupon “x”"):
        run(actions.push_coupon("x"))
    with pytest.raises(UserError, match="No product “x”"):
        run(actions.push_product("x"))


def test_session_resumes_with_overlays_and_timers_restored(plan, tmp_path, clock):
    room, overlays = FakeRoom(), FakeOverlays()

    async def first_run():
        session = await ShowSession.new(plan, room, overlays, directory=tmp_path, clock=clock)
        session.rundown.start_show()
        await session.actions.push_announcement("welcome")
        await session.actions.start_lottery("bag")
        await session.actions.push_product("fan")
        return session.log.path  # not closed: the app "crashed"

    path = run(first_run())
    clock.now += 5
    offer = run(find_resume_offer(tmp_path))
    assert offer is not None and offer.path == path and offer.started_at == T0
    assert offer.title == "夏日好物专场" and offer.started_text()

    async def second_run():
        session = await ShowSession.resume(plan, offer.path, room, overlays, clock=clock)
        assert set(session.actions.on_screen) == {TICKER, LOTTERY_COUNTDOWN, PRODUCT_CARD}
        assert [t.kind for t in session.rundown.timers] == ["announcement", "lottery"]
        clock.now += 20
        await session.tick_once()  # the ticker's 20 s ran out while the app was away
        assert TICKER not in session.actions.on_screen and "ticker" not in overlays.showing
        session.rundown.end_show()
        await session.close()

    run(second_run())
    contents = read_log(path)
    assert contents.finished and "show_resumed" in [e["type"] for e in contents.events]
    assert run(find_resume_offer(tmp_path)) is None


def test_session_tick_fires_cues(plan, tmp_path, clock):
    async def scenario():
        session = await ShowSession.new(plan, FakeRoom(), None, directory=tmp_path, clock=clock)
        cues = []
        session.cue.connect(cues.append)
        session.rundown.start_show()
        await session.actions.start_lottery("bag")
        clock.now += 600 - 30
        await session.tick_once()
        await session.close()
        return cues

    cues = run(scenario())
    assert any(c.kind == "draw" for c in cues)


def test_the_room_is_called_in_the_intents_own_turn_of_the_loop(actions, rundown, room, overlays, sink):
    """No turn of the loop (a window repaint, another task) between the durable intent and the
    room's request: the click → confirmed time is the room's own plus the intent's write."""
    rundown.start_show()
    turned: list[str] = []
    seen: list[tuple[str, bool, int]] = []

    def intent_sink(type, **data):
        event = sink(type, **data)
        if type == "action_intent":
            asyncio.get_running_loop().call_soon(turned.append, "turn")
        return event

    rundown._sink = intent_sink
    room.on_perform = lambda _request: seen.append((sink.types()[-1], bool(turned), len(overlays.calls)))
    run(actions.push_product("fan"))
    assert seen == [("action_intent", False, 0)]  # intent on record, no turn yet, the overlay after it


def test_no_log_write_holds_up_another_targets_answer(actions, rundown, sink):
    """The room answers first: its room_call is written once the overlay answered too, so the
    overlay's answer never waits behind the room's write (and both come before the result)."""
    rundown.start_show()
    order: list[str] = []
    actions.progress.connect(lambda _key, t: order.append(f"answer:{t.target}:{'room_call' in sink.types()}"))
    run(actions.push_product("fan"))
    assert order == ["answer:room:False", "answer:overlay:False"]
    types = sink.types()
    assert types.index("action_intent") < types.index("room_call") < types.index("action_result")


def _fsync_counter(monkeypatch) -> list[int]:
    """Each fsync the show log makes, from now on."""
    import os

    from studio.show import log as log_module

    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        real_fsync(fd)
        synced.append(fd)

    monkeypatch.setattr(log_module.os, "fsync", fsync)
    return synced


def test_a_push_is_two_durable_writes_the_intent_then_one_batch_after_the_answers(plan, tmp_path, clock,
                                                                                  monkeypatch):
    """Write-ahead with group commit: the intent is on disk before the room is called; the four
    events after the answers (room_call, goods_pushed, overlay_shown, action_result) share one
    write and one fsync, made before the result is reported."""
    room, overlays = FakeRoom(), FakeOverlays()

    async def scenario():
        session = await ShowSession.new(plan, room, overlays, directory=tmp_path, clock=clock)
        session.rundown.start_show()
        path = session.log.path
        synced = _fsync_counter(monkeypatch)
        on_disk_at_call: list[list[str]] = []
        room.on_perform = lambda _r: on_disk_at_call.append([e["type"] for e in read_log(path).events])
        on_disk_at_finish: list[list[str]] = []
        session.actions.finished.connect(
            lambda _result: on_disk_at_finish.append([e["type"] for e in read_log(path).events]))
        result = await session.actions.push_product("fan")
        await session.close()
        return result, synced, on_disk_at_call, on_disk_at_finish, path

    result, synced, at_call, at_finish, path = run(scenario())
    assert result.status is ActionStatus.SENT
    assert at_call[0][-1] == "action_intent"  # durable before the room was called
    assert at_finish[0][-5:] == ["action_intent", "room_call", "goods_pushed", "overlay_shown", "action_result"]
    assert len(synced) == 2  # the intent, then one for the four after the answers
    assert not read_log(path).bad_lines


def test_a_fix_and_taking_off_write_their_outcome_as_one_batch(plan, tmp_path, clock, monkeypatch):
    room, overlays = FakeRoom(), FakeOverlays()

    async def scenario():
        session = await ShowSession.new(plan, room, overlays, directory=tmp_path, clock=clock)
        session.rundown.start_show()
        first = await session.actions.push_product("fan")
        synced = _fsync_counter(monkeypatch)
        await session.actions.fix(first, "retry")
        fix_syncs = len(synced)
        await session.actions.take_off("all")
        take_off_syncs = len(synced) - fix_syncs
        types = [e["type"] for e in read_log(session.log.path).events]
        await session.close()
        return fix_syncs, take_off_syncs, types

    fix_syncs, take_off_syncs, types = run(scenario())
    assert fix_syncs == 2  # the intent; then room_call + goods_pushed + action_result together
    assert take_off_syncs == 1  # overlay_hidden + action_result together
    assert types[-6:] == ["action_intent", "room_call", "goods_pushed", "action_result", "overlay_hidden",
                          "action_result"]
