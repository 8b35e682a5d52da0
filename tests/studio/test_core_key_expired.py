"""A stream refused for an expired push key mid-show is a fault in the show log, and so in the review."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from studio.config import Settings
from studio.keys.apply import ExpiredKey
from studio.review.model import build_review
from studio.secrets import SecretStore
from tests.fakes.keyring import MemoryKeyring
from tests.fakes.show import EXAMPLE


def test_the_refusal_is_logged_in_the_running_show_and_reviewed_as_a_fault(tmp_path: Path) -> None:
    from studio.core import StudioCore
    from studio.show.plan import load_plan
    from studio.show.session import ShowController

    core = StudioCore(Settings.load(tmp_path / "settings.json"), SecretStore(backend=MemoryKeyring()))

    async def refuse() -> None:
        raise ExpiredKey("This push address expired at 20:15. Get a new one in the live console.")

    async def scenario() -> Path:
        show = ShowController(load_plan(EXAMPLE), _room(), directory=tmp_path / "shows")
        core.show = show  # the refusal goes to whichever show is running
        session = await show.start_new()
        session.rundown.start_show()
        with pytest.raises(ExpiredKey):
            await core._logged_key_check(refuse)()
        path = session.log.path
        await show.close()
        return path

    path = asyncio.run(scenario())
    review = build_review(path, health_paths=[])
    faults = [f for f in review.faults if f.kind == "key_expired"]
    assert len(faults) == 1 and "20:15" in faults[0].label and faults[0].source == "log"


def test_no_show_no_log(tmp_path: Path) -> None:
    from studio.core import StudioCore

    core = StudioCore(Settings.load(tmp_path / "settings.json"), SecretStore(backend=MemoryKeyring()))

    async def refuse() -> None:
        raise ExpiredKey("expired")

    with pytest.raises(ExpiredKey):
        asyncio.run(core._logged_key_check(refuse)())


def _room():  # type: ignore[no-untyped-def]
    from studio.room.dryrun import DryRunRoom

    return DryRunRoom()
