"""The pad's one-line answers per target (studio/show/pad_keys.py: target_line)."""

from __future__ import annotations

from studio.room.base import Outcome
from studio.show.pad_keys import target_line
from studio.show.results import TargetResult


def test_a_checklist_step_says_so_first_and_names_the_step() -> None:
    # The manual room's result once read "☐ 手动（清单）：请手动操作 — …" on every key: the words that
    # differ were elided away. Now the line says where the step went, then the step.
    line = target_line(TargetResult("room", "Manual (checklist)", Outcome.MANUAL, "Post the coupon 满99减20",
                                    manual_step="coupon:c1"))
    assert line == "☐ On the checklist: Post the coupon 满99减20"


def test_a_manual_answer_without_a_checklist_step_names_its_target() -> None:
    line = target_line(TargetResult("overlay", "OBS overlay", Outcome.MANUAL, "Show the card by hand"))
    assert line == "☐ OBS overlay: do it by hand — Show the card by hand"


def test_done_and_failed_lines() -> None:
    assert target_line(TargetResult("room", "Live room", Outcome.DONE)) == "✓ Live room: done"
    failed = TargetResult("room", "Live room", Outcome.FAILED, "the room is not live")
    assert target_line(failed) == "✗ Live room: not done — the room is not live"
