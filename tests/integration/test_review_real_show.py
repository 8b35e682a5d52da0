"""A real show on the lab — real OBS streaming to the nginx-rtmp ingest, the console's health record,
a few one-click actions through ``studio.show.actions`` (dry-run room, real OBS overlays) — gives a
review whose timeline matches what the test did, whose health chart is the stream's, and whose
HTML and PDF render."""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import time
from pathlib import Path

import pytest

from studio.health.monitor import StreamHealth
from studio.health.record import health_dir
from studio.obs.link import ConnectionTarget, ObsLink
from studio.obs.overlays import ObsOverlays
from studio.obs.stream import StreamControl, StreamPhase
from studio.review.model import build_review
from studio.review.render_html import render_html
from studio.review.render_pdf import write_pdf
from studio.room.dryrun import DryRunRoom
from studio.show.actions import ActionStatus, ObsOverlaysAdapter, ShowActions
from studio.show.log import ShowLog
from studio.show.plan import load_plan
from studio.show.rundown import Rundown
from tests.lab.waiting import wait_until

pytestmark = pytest.mark.integration

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "show-plan.toml"
STREAM_KEY = "review-test"


def test_a_real_show_gives_a_review_whose_timeline_matches_what_was_done(obs_factory, rtmp_ingest, run, tmp_path):
    obs = obs_factory()
    plan = load_plan(EXAMPLE)
    did: list[tuple[str, str, float, float]] = []  # (moment kind, ref, before, after)

    async def act(kind: str, ref: str, coro) -> None:
        before = time.time()
        result = await coro
        after = time.time()
        assert result.status is ActionStatus.SENT, result.message
        did.append((kind, ref, before, after))

    async def scenario() -> tuple[Path, float, float]:
        # A generous answer timeout: on a loaded lab machine OBS, streaming and building the overlay
        # sources, may take over the default 1.5 s to answer (this test is about the review).
        link = ObsLink(ConnectionTarget("127.0.0.1", obs.port, obs.password), request_timeout=15, answer_timeout=8)
        stream = StreamControl(link)  # polls OBS once a second from the moment the link connects
        health = StreamHealth(link, stream)  # records to the console's health folder
        link.start()
        try:
            await wait_until(lambda: link.state.value == "connected", timeout=15)
            await link.request("SetStreamServiceSettings", {
                "streamServiceType": "rtmp_custom",
                "streamServiceSettings": {"server": rtmp_ingest.server_url, "key": STREAM_KEY}})
            try:
                await stream.start()
                await wait_until(lambda: health.last is not None and health.last.kbps is not None, timeout=30)
                show_log = ShowLog.create(tmp_path / "shows", name=plan.show.title)
                rundown = Rundown(plan, sink=show_log.append)
                actions = ShowActions(rundown, DryRunRoom(), ObsOverlaysAdapter(ObsOverlays(link), EXAMPLE.parent))
                started = time.time()
                rundown.start_show()
                await asyncio.sleep(2)
                rundown.advance()
                await act("announcement", "", actions.push_announcement("welcome"))
                await asyncio.sleep(2)
                rundown.advance()
                await act("lottery_start", "bag", actions.start_lottery("bag"))
                await asyncio.sleep(2)
                await act("push", "fan", actions.explain("fan"))
                await asyncio.sleep(4)
                await act("lottery_draw", "bag", actions.draw_lottery("bag"))
                await asyncio.sleep(2)
                await act("push", "cup", actions.explain("cup", confirmed=True))
                await asyncio.sleep(3)
                rundown.end_show()
                ended = time.time()
                show_log.close()
                await stream.stop()
                # Clean-up only (the review ends at the show's end): OBS may take a while to confirm
                # the stop on a loaded machine; the fixture ends OBS either way.
                with contextlib.suppress(AssertionError):
                    await wait_until(lambda: stream.phase is StreamPhase.OFF, timeout=30)
            finally:
                await health.close()
        finally:
            await link.close()
        return show_log.path, started, ended

    log, started, ended = run(scenario(), timeout=150)
    review = build_review(log)  # the health record is found by time in the console's folder
    assert review.ended_cleanly and not review.skipped
    assert review.start == pytest.approx(started, abs=0.5) and review.end == pytest.approx(ended, abs=0.5)

    # The timeline: exactly the actions the test did, in order, each at the time it was done.
    kinds = {"announcement", "lottery_start", "lottery_draw", "push"}
    moments = [m for m in review.moments if m.kind in kinds]
    assert [(m.kind, m.ref) for m in moments] == [(k, r) for k, r, _, _ in did]
    for moment, (_, _, before, after) in zip(moments, did, strict=True):
        assert before - 0.01 <= moment.at <= after + 0.01
        assert moment.status == "sent"
    # Explaining the fan put its step on air at the push, and it ran until the cup replaced it.
    fan, cup = (next(p for p in review.products if p.ref == ref) for ref in ("fan", "cup"))
    assert len(fan.windows) == 1 and did[2][2] - 0.01 <= fan.windows[0].start <= did[2][3] + 0.01
    assert did[4][2] - 0.01 <= fan.windows[0].end <= did[4][3] + 0.01
    assert cup.windows[0].end == pytest.approx(ended, abs=0.5)
    lottery = review.lotteries[0]
    # held from the start (logged once the live room took it) to the draw: within what the test saw
    assert lottery.ref == "bag" and did[3][2] - did[1][3] - 0.01 <= lottery.held_s <= did[3][3] - did[1][2] + 0.01
    assert fan.on_screen_s > 0  # the card went up in OBS

    # The health chart is the stream's: samples through the show, a real bitrate, no faults.
    files = [Path(p) for p in review.health.files]
    assert files and all(p.parent == health_dir() for p in files)
    inside = [k for t, k in zip(review.health.times, review.health.kbps, strict=True) if k is not None]
    assert len(inside) >= (ended - started) - 4
    assert statistics.median(inside) > 800  # OBS's default stream is well above 800 kbit/s
    assert not [f for f in review.faults if f.kind in ("obs_gone", "reconnecting", "room_failed")]
    assert review.health.missing == []

    html = render_html(review)
    assert "便携折叠小风扇" in html and html.count("<svg") == 4
    assert write_pdf(tmp_path / "real.pdf", review).stat().st_size > 5000

