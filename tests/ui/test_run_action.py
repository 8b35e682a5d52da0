"""ui.widgets.run_action: the one "run a coroutine from a click, show the UserError" helper."""

from __future__ import annotations

import pytest

from studio.errors import UserError
from ui.widgets import MessageLine, run_action, show_user_error

pytestmark = pytest.mark.qt


async def _returns(value: str) -> str:
    return value


async def _refuses() -> str:
    raise UserError("OBS is not connected. Start OBS, then try again.")


def test_success_shows_the_done_text_from_the_result(qtbot, run):
    line = MessageLine()
    after: list[str] = []
    task = run_action(_returns("电饭煲"), line, name="t", done_text=lambda r: f"Pushed {r}",
                      finally_=lambda: after.append("rendered"))
    run(task)
    assert line.text() == "Pushed 电饭煲" and line.accessibleDescription() == "ok"
    assert after == ["rendered"]


def test_a_user_error_lands_in_the_line_and_the_fix_is_offered(qtbot, run):
    line = MessageLine()
    offered: list[UserError] = []
    after: list[str] = []
    run(run_action(_refuses(), line, name="t", done_text="never", on_error=offered.append,
                   finally_=lambda: after.append("rendered")))
    assert line.text().startswith("OBS is not connected") and line.accessibleDescription() == "error"
    assert len(offered) == 1 and after == ["rendered"]


def test_any_other_error_is_a_bug_that_fails_the_test(qtbot, run, background_failures):
    async def broken() -> None:
        raise KeyError("oops")

    line = MessageLine()
    task = run_action(broken(), line, name="broken-click")
    with pytest.raises(KeyError):
        run(task)
    assert [f for f in background_failures.take() if "broken-click" in f and "KeyError" in f]
    assert line.text() == ""


def test_show_user_error_for_a_quick_synchronous_call(qtbot):
    line = MessageLine()

    def refuse() -> None:
        raise UserError("No show is running — start the show first")

    assert not show_user_error(line, refuse)
    assert line.text().startswith("No show is running")
    assert show_user_error(line, lambda: None)
