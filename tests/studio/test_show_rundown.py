"""The show clock with an injected clock: on air, targets, cues, 返场, reorder, loop, resume."""

from __future__ import annotations

import pytest

from studio.errors import UserError
from studio.show.log import ShowLog, read_log
from studio.show.plan import Plan, Step, load_plan
from studio.show.rundown import DONE, ON_AIR, PENDING, Rundown
from tests.fakes.clock import T0
from tests.fakes.show import EXAMPLE, MemoryLog


@pytest.fixture
def show(plan, clock):
    sink = MemoryLog(clock)
    rundown = Rundown(plan, clock=clock, sink=sink)
    rundown.sink_events = sink.events
    return rundown


def test_on_air_elapsed_against_target_and_next(show, clock):
    changes = []
    show.changed.connect(lambda: changes.append(1))
    show.start_show()
    assert show.live and changes
    view = show.view()
    assert view.on_air.step.title == "开场: 介绍主播和今晚福利" and view.on_air.target_s == 180
    assert view.next_step.kind == "announcement"
    clock.now += 200
    view = show.view()
    assert view.on_air.elapsed_s == 200 and view.on_air.overrun and view.on_air.remaining_s == -20
    assert view.show_elapsed_s == 200 and view.planned_end == T0 + 120 * 60
    show.advance()
    assert show.current.kind == "announcement" and show.steps[0].state == DONE
    assert show.steps[0].ended_at == T0 + 200


def test_cue_before_the_draw_fires_once(show, clock):
    show.start_show()
    fired = []
    show.cue.connect(fired.append)
    timer = show.start_lottery("bag")
    assert timer.ends_at == T0 + 600
    clock.now = T0 + 569
    assert [c.kind for c in show.tick() if c.kind.startswith("draw")] == []
    clock.now = T0 + 570
    cues = [c for c in show.tick() if c.kind.startswith("draw")]
    assert [c.text for c in cues] == ["Draw “品牌帆布包” in 30 s"]
    assert [c.kind for c in show.tick() if c.kind.startswith("draw")] == []  # once only
    clock.now = T0 + 600
    assert [c.text for c in show.tick() if c.kind.startswith("draw")] == ["Draw “品牌帆布包” now"]
    assert any(t.kind == "lottery" for t in show.timers)  # stays until drawn
    show.draw_lottery("bag")
    assert not any(t.kind == "lottery" for t in show.timers)
    assert [c.text for c in fired if c.kind.startswith("draw")] == ["Draw “品牌帆布包” in 30 s",
                                                                     "Draw “品牌帆布包” now"]


def test_cue_before_the_next_step(show, clock):
    show.start_show()
    clock.now = T0 + 150
    cues = show.tick()
    assert [c.text for c in cues] == ["Next: 欢迎来到直播间, 点关注不迷路 in 30 s"]
    assert show.tick() == []


def test_coupon_and_announcement_timers_end_by_themselves(show, clock):
    show.start_show()
    show.announcement_pushed("欢迎来到直播间, 点关注不迷路")
    show.coupon_pushed("c199")
    clock.now = T0 + 20
    show.tick()
    assert [t.kind for t in show.timers] == ["coupon"]
    clock.now = T0 + 300
    show.tick()
    assert show.timers == []


def test_rerun_is_one_call_and_lands_after_the_current_step(show, clock, plan):
    show.start_show()
    step = show.rerun("cup")
    assert step.rerun and step.title == "Re-run: 316 不锈钢保温杯 500ml" and step.target_s == 480
    assert show.next_step.id == step.id
    now_step = show.rerun("fan", now=True)
    assert show.current.id == now_step.id
    with pytest.raises(UserError):
        show.rerun("nope")


def test_reorder_live_only_moves_steps_not_yet_aired(show):
    show.start_show()
    show.advance()  # the announcement is on air; the opening is done
    ids = [s.id for s in show.steps]
    last = ids[-1]
    show.move(last, 0)  # asked for the top: lands right after what has aired
    assert [s.id for s in show.steps][:3] == [ids[0], ids[1], last]
    with pytest.raises(UserError):
        show.move(ids[0], 5)


def test_recommended_loop_inserted_after_current(show):
    show.start_show()
    loop = show.add_loop("big", "towel", "fan")
    assert [s.kind for s in loop] == ["lottery", "flash_sale", "explain", "draw"]
    order = [s.id for s in show.steps]
    assert order[1:5] == [s.id for s in loop]
    # The loop fits the lottery: flash sale + explanation + announcing it ≈ the 10-minute timer.
    assert sum(s.target_s for s in loop[:3]) == 60 + 120 + 360


def test_an_explanation_running_asks_before_interrupting(show, clock):
    show.start_show()
    assert show.interruption("lottery") is None  # the opening segment is not an explanation
    explain = next(s for s in show.steps if s.kind == "explain")
    show.go_to(explain.id)
    clock.now += 125
    question = show.interruption("coupon")
    assert question is not None and question.step.id == explain.id and question.elapsed_s == 125
    assert "便携折叠小风扇" in question.message and "2 of 6 min" in question.message
    assert show.interruption("explain", ref=explain.ref) is None  # its own product card
    assert show.interruption("draw") is None


def test_rules_are_checked_against_the_show(show, clock):
    show.start_show()
    assert show.check_announcement("欢迎来到直播间").allowed
    show.announcement_pushed("欢迎来到直播间")
    clock.now += 3
    assert show.check_announcement("第二条公告内容").allowed_at == T0 + 20
    clock.now = T0 + 115 * 60
    assert show.check_lottery("bag").rule == "draw_after_end"


def test_resume_rebuilds_everything_from_the_log(show, clock, plan):
    show.start_show()
    show.advance()
    show.announcement_pushed("欢迎来到直播间, 点关注不迷路")
    show.advance()
    show.start_lottery("bag")
    clock.now += 10
    show.rerun("cup")
    show.goods_on_shelf("10086001")
    show.subscriber_pushed()
    clock.now = T0 + 580  # the 30-s cue of the draw has fired before the crash
    show.tick()
    show.record("scene_switched", scene="商品特写")  # other components' events are kept, ignored

    clock.now = T0 + 590
    resumed = Rundown.resume(plan, show.sink_events, clock=clock)
    assert [(s.id, s.state, s.started_at) for s in resumed.steps] == \
        [(s.id, s.state, s.started_at) for s in show.steps]
    assert resumed.current.id == show.current.id and resumed.current.kind == "lottery"
    assert [(t.id, t.ends_at) for t in resumed.timers] == [(t.id, t.ends_at) for t in show.timers]
    assert resumed.timers[0].remaining(clock()) == 10  # the lottery still counts down
    assert resumed.tick() == []  # no cue is repeated
    assert resumed.rules.goods_on_shelf == {"10086001"}
    assert resumed.check_subscriber_push().rule == "subscriber_daily"
    assert resumed.rules.lotteries_created == 1
    # New ids do not collide with the ones already in the log.
    new = resumed.rerun("fan")
    assert new.id not in {s.id for s in show.steps} | {t.id for t in show.timers}


def test_resume_from_a_real_log_file(tmp_path, plan, clock):
    show_log = ShowLog(tmp_path / "x.showlog.jsonl", clock)
    first = Rundown(plan, clock=clock, sink=show_log.append)
    first.start_show()
    first.start_lottery("bag")
    clock.now += 42
    first.advance()
    show_log.close()
    contents = read_log(show_log.path)
    again = Rundown.resume(plan, contents.events, clock=clock)
    assert again.current.id == first.current.id and again.view().on_air.elapsed_s == 0
    assert again.timers[0].remaining(clock()) == 600 - 42


def test_end_show_and_states(show, clock):
    with pytest.raises(UserError, match="not on air"):
        show.advance()
    show.start_show()
    with pytest.raises(UserError):
        show.start_show()
    assert show.steps[0].state == ON_AIR and show.steps[1].state == PENDING
    show.end_show()
    assert not show.live and show.current is None and show.timers == []


def test_a_plan_without_an_order_still_runs(clock):
    rundown = Rundown(Plan(), clock=clock)
    rundown.start_show()
    assert rundown.current is None and rundown.advance() is None
    assert Plan().step_target_seconds(Step("explain", "x")) == 300


# --- issue 12: skipped is not done; end show; the checklist comes back on resume ----------------

def test_jumping_ahead_marks_the_steps_in_between_skipped_not_done(show, plan):
    from studio.show.rundown import SKIPPED

    show.start_show()
    steps = show.steps
    show.go_to(steps[3].id)
    states = [s.state for s in show.steps[:4]]
    assert states == [DONE, SKIPPED, SKIPPED, ON_AIR]
    assert show.next_step.id == steps[4].id  # a skipped step is never "next"
    show.skip(steps[5].id)
    assert show.steps[5].state == SKIPPED and show.next_step.id == steps[4].id
    with pytest.raises(UserError):
        show.skip(steps[0].id)  # done steps cannot be skipped
    again = Rundown.resume(plan, show.sink_events)
    assert [s.state for s in again.steps] == [s.state for s in show.steps]


def test_end_show_closes_the_log_and_is_never_offered_again(tmp_path, loop, run, clock):
    from studio.room.manual import ManualRoom
    from studio.show.session import ShowController, find_resume_offer

    controller = ShowController(load_plan(EXAMPLE), ManualRoom(clock=clock), directory=tmp_path, clock=clock)
    session = run(controller.start_new())
    session.rundown.start_show()
    assert run(find_resume_offer(tmp_path)) is not None  # unfinished: would be offered
    run(controller.end_show())
    assert session.ended and not session.rundown.live
    events = read_log(session.log.path)
    assert events.finished and events.events[-1]["type"] == "show_ended"
    assert run(find_resume_offer(tmp_path)) is None
    assert run(controller.look_for_resume()) is None


def test_the_manual_checklist_comes_back_on_resume(tmp_path, loop, run, clock):
    from studio.room.manual import ManualRoom
    from studio.show.session import ShowController

    plan = load_plan(EXAMPLE)
    controller = ShowController(plan, ManualRoom(clock=clock), directory=tmp_path, clock=clock)
    session = run(controller.start_new())
    session.rundown.start_show()
    run(session.actions.push_product(plan.products[0].id, confirmed=True))
    run(session.actions.start_lottery(plan.lotteries[0].id, confirmed=True))
    room = session.actions.manual_room
    assert len(room.steps) >= 2
    first = room.steps[0]
    session.actions.tick_manual_step(first.id)
    before = [(s.id, s.title, s.instruction, s.done) for s in room.steps]
    run(session.close())  # the console is closed mid-show

    fresh_room = ManualRoom(clock=clock)
    resumed = ShowController(plan, fresh_room, directory=tmp_path, clock=clock)
    assert run(resumed.look_for_resume()) is not None
    again = run(resumed.resume())
    assert [(s.id, s.title, s.instruction, s.done) for s in again.actions.manual_room.steps] == before
    run(again.actions.push_product(plan.products[1].id, confirmed=True))
    ids = [s.id for s in again.actions.manual_room.steps]
    assert len(ids) == len(set(ids))  # new steps get new ids
    run(resumed.close())
