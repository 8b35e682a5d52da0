"""StreamControl's phase logic with a fake link: events lead, polls confirm, no flicker."""

from __future__ import annotations

import asyncio
from typing import Any

from studio.obs.stream import StreamControl, StreamPhase
from tests.fakes.obs import FakeLink


def _control(phase: StreamPhase) -> tuple[FakeLink, StreamControl]:
    link = FakeLink()
    control = StreamControl(link)  # type: ignore[arg-type]
    control.phase = phase
    return link, control


def status(active: bool, reconnecting: bool = False) -> dict[str, Any]:
    return {"outputActive": active, "outputReconnecting": reconnecting, "outputTimecode": "00:01:02.345"}


def test_stopped_event_is_not_undone_by_one_lagging_poll():
    link, control = _control(StreamPhase.LIVE)
    link.emit("StreamStateChanged", {"outputState": "OBS_WEBSOCKET_OUTPUT_STOPPED"})
    assert control.phase is StreamPhase.OFF
    link.obs.stream_statuses = [status(True), status(False)]
    asyncio.run(control.poll_once())
    assert control.phase is StreamPhase.OFF  # OBS's status lagged once: ignored
    asyncio.run(control.poll_once())
    assert control.phase is StreamPhase.OFF


def test_two_identical_polls_correct_a_missed_event():
    link, control = _control(StreamPhase.OFF)
    link.obs.stream_statuses = [status(True), status(True)]
    asyncio.run(control.poll_once())
    assert control.phase is StreamPhase.OFF
    asyncio.run(control.poll_once())
    assert control.phase is StreamPhase.LIVE
    assert control.timecode == "00:01:02"


def test_reconnecting_reported_by_obs():
    link, control = _control(StreamPhase.LIVE)
    link.emit("StreamStateChanged", {"outputState": "OBS_WEBSOCKET_OUTPUT_RECONNECTING"})
    assert control.phase is StreamPhase.RECONNECTING
    link.emit("StreamStateChanged", {"outputState": "OBS_WEBSOCKET_OUTPUT_RECONNECTED"})
    assert control.phase is StreamPhase.LIVE


def test_start_checks_can_refuse_before_obs_is_asked():
    from studio.errors import UserError

    link, control = _control(StreamPhase.OFF)

    async def expired() -> None:
        raise UserError("the push key has expired")

    control.start_checks.append(expired)
    try:
        asyncio.run(control.start())
    except UserError as e:
        assert "expired" in str(e)
    else:
        raise AssertionError("start was not refused")
    assert "StartStream" not in link.obs.names
    assert control.phase is StreamPhase.OFF
