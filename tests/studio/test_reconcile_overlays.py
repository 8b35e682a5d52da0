"""After OBS was away, OBS is made to match what the show log says is on screen (issue 12)."""

from __future__ import annotations

from typing import Any

import pytest

from studio.obs.names import COUPON_BANNER, OVERLAY_KINDS, PRODUCT_CARD, TICKER
from studio.show.log import read_log
from studio.show.plan import load_plan
from studio.show.reconcile import intended_screen, reconcile
from studio.show.session import ShowController
from tests.fakes.clock import FakeClock
from tests.fakes.room import FakeRoom
from tests.fakes.show import EXAMPLE, FakeOverlays


class ObsShows:
    """What OBS shows, as ``ObsOverlays.shown_in_obs`` reads it; ``hide`` changes it."""

    def __init__(self, **shown: bool) -> None:
        self.shown = dict.fromkeys(OVERLAY_KINDS, False) | shown
        self.hidden: list[str] = []

    async def shown_in_obs(self) -> dict[str, bool]:
        return dict(self.shown)

    async def hide(self, overlay: str) -> None:
        self.hidden.append(overlay)
        self.shown[overlay] = False


def test_the_last_word_wins_and_a_failed_take_off_still_means_off() -> None:
    events: list[dict[str, Any]] = [
        {"type": "overlay_shown", "overlay": PRODUCT_CARD, "ref": "fan", "title": "小风扇", "until": None},
        {"type": "overlay_shown", "overlay": TICKER, "ref": "a1", "title": "欢迎", "until": 120.0},
        {"type": "overlay_shown", "overlay": COUPON_BANNER, "ref": "c1", "title": "券", "until": 500.0},
        {"type": "action_result", "action": "take_off", "ref": PRODUCT_CARD, "status": "failed"},
    ]
    assert set(intended_screen(events, now=100.0)) == {TICKER, COUPON_BANNER}
    assert set(intended_screen(events, now=200.0)) == {COUPON_BANNER}  # the ticker's 20 s are over


@pytest.fixture
def session(tmp_path: Any, run: Any, loop: Any) -> Any:
    clock = FakeClock()
    controller = ShowController(load_plan(EXAMPLE), FakeRoom(), FakeOverlays(), directory=tmp_path, clock=clock)
    session = run(controller.start_new())
    session.rundown.start_show()
    yield session
    run(controller.close())


def test_a_card_taken_off_while_obs_was_away_is_taken_off_when_it_is_back(session: Any, run: Any) -> None:
    run(session.actions.push_product("fan", confirmed=True))
    assert PRODUCT_CARD in session.actions.on_screen
    session.actions.overlays.broken = True  # OBS is gone: F7 cannot reach it
    run(session.actions.take_off(PRODUCT_CARD))
    assert PRODUCT_CARD in session.actions.on_screen  # the console could not take it off
    obs = ObsShows(**{PRODUCT_CARD: True})  # OBS is back, still showing the card
    session.actions.overlays.broken = False
    text = run(reconcile(session, obs, session.clock()))
    assert obs.hidden == [PRODUCT_CARD] and not obs.shown[PRODUCT_CARD]
    assert "took off" in text and "product card" in text.lower()
    assert PRODUCT_CARD not in session.actions.on_screen
    types = [e["type"] for e in read_log(session.log.path).events]
    assert "overlays_reconciled" in types


def test_an_overlay_obs_lost_in_a_restart_is_put_back(session: Any, run: Any) -> None:
    run(session.actions.push_product("fan", confirmed=True))
    overlays = session.actions.overlays
    overlays.calls.clear()
    obs = ObsShows()  # OBS restarted and shows nothing
    text = run(reconcile(session, obs, session.clock()))
    assert overlays.calls == [("show_product_card", "fan")] and "put back" in text


def test_nothing_to_do_says_nothing(session: Any, run: Any) -> None:
    run(session.actions.push_product("fan", confirmed=True))
    assert run(reconcile(session, ObsShows(**{PRODUCT_CARD: True}), session.clock())) == ""
