"""One-click actions against a real OBS with the real overlays: pushing a product puts the card on
the program output (screenshot pixels before/after), taking it off removes it; an announcement's
ticker is gone after its 20 s. The live room is the dry run (no room in the lab)."""

from __future__ import annotations

import asyncio
import time

import pytest

from studio.obs.overlay_layout import layout_for
from studio.obs.overlays import ObsOverlays
from studio.room.dryrun import DryRunRoom
from studio.show.actions import PRODUCT_CARD, ActionStatus, ObsOverlaysAdapter, ShowActions
from studio.show.plan import load_plan
from studio.show.rundown import Rundown
from tests.fakes.show import EXAMPLE
from tests.lab.frames import (
    CARD_RGB,
    SCALE,
    TICKER_RGB,
    colour_share,
    obs_connection,
    portrait_on_air,
    screenshot,
    until_share,
)

pytestmark = pytest.mark.integration



def _actions(link) -> tuple[ShowActions, Rundown]:
    plan = load_plan(EXAMPLE)
    rundown = Rundown(plan)
    overlays = ObsOverlaysAdapter(ObsOverlays(link), plan_dir=EXAMPLE.parent)
    actions = ShowActions(rundown, DryRunRoom(), overlays)
    rundown.start_show()
    return actions, rundown


def test_pushing_a_product_puts_the_card_on_program_and_taking_it_off_removes_it(obs_factory, run):
    obs = obs_factory()

    async def scenario():
        async with portrait_on_air(obs) as (link, program):
            card = layout_for(720, 1280).card
            before = colour_share(await screenshot(link, program, SCALE), card, CARD_RGB)
            assert before < 0.01
            actions, _ = _actions(link)

            result = await actions.push_product("fan")
            assert result.status is ActionStatus.SENT, result.message
            assert [t.ok for t in result.targets] == [True, True]
            on = await until_share(link, program, card, CARD_RGB, lambda s: s > 0.6, timeout=8.0)
            assert on > 0.6, f"the card covers only {on:.0%} of its place on the program output"

            off_result = await actions.take_off(PRODUCT_CARD)
            assert off_result.status is ActionStatus.SENT
            off = await until_share(link, program, card, CARD_RGB, lambda s: s < 0.01, timeout=8.0)
            assert off < 0.01

    run(scenario(), timeout=60)


def test_an_obs_that_went_away_fails_the_overlay_but_not_the_room(obs_factory, run):
    obs = obs_factory()

    async def scenario():
        async with obs_connection(obs) as link:
            actions, _ = _actions(link)
            obs.kill()
            result = await actions.push_product("cup")
            assert result.status is ActionStatus.PARTIAL
            assert result.target("room").ok and not result.target("overlay").ok
            assert "OBS" in result.target("overlay").message

    run(scenario(), timeout=60)


def test_announcement_ticker_is_gone_after_its_20_s(obs_factory, run):
    obs = obs_factory()

    async def scenario():
        async with portrait_on_air(obs) as (link, program):
            ticker = layout_for(720, 1280).ticker_bar(1)
            actions, _ = _actions(link)
            sent = time.monotonic()
            result = await actions.push_announcement("welcome")
            assert result.status is ActionStatus.SENT, result.message
            assert await until_share(link, program, ticker, TICKER_RGB, lambda s: s > 0.5, timeout=8.0) > 0.5
            await asyncio.sleep(max(0.0, 15 - (time.monotonic() - sent)))
            assert colour_share(await screenshot(link, program, SCALE), ticker, TICKER_RGB) > 0.5  # still up at 15 s
            gone = await until_share(link, program, ticker, TICKER_RGB, lambda s: s < 0.01,
                                     timeout=15)
            assert gone < 0.01 and time.monotonic() - sent >= 19

    run(scenario(), timeout=90)
