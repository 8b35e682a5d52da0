"""The sampler's arithmetic: bitrate over OBS's own output time, dropped frames, outages."""

from __future__ import annotations

import asyncio
import random

import pytest

from studio.health.sampler import MIN_SPAN_MS, HealthSampler, Sample, SampleMaker, SampleState
from studio.obs.link import ConnectionTarget, LinkState, LinkStatus, ObsLink
from studio.obs.stream import StreamControl
from tests.fakes.obs import FRAME_MS, FakeObsOutput


def test_bitrate_is_bytes_over_obs_output_time_whatever_the_poll_spacing():
    random.seed(5)
    obs = FakeObsOutput(kbps=2500)
    maker = SampleMaker()
    wall = 0.0
    first = maker.make(obs.status(), wall, wall)
    assert first is not None and first.kbps is None  # a baseline, not a zero
    naive, measured = [], []
    last_bytes, _last_wall = obs.bytes, wall
    for _ in range(200):
        # The answer arrives 0.6–1.6 s after the last one (a busy desk PC, a slow OBS)...
        gap = random.uniform(0.6, 1.6)
        # ...and OBS's own clock advanced by a different amount (answer latency varies).
        obs.run_for(gap + random.uniform(-0.15, 0.15))
        wall += gap
        sample = maker.make(obs.status(), wall, wall)
        assert sample is not None and sample.state is SampleState.LIVE
        measured.append(sample.kbps)
        naive.append((obs.bytes - last_bytes) * 8 / 1000)  # as if polls were exactly 1 s apart
        last_bytes = obs.bytes
    assert all(k == pytest.approx(2500, rel=0.01) for k in measured)
    # The naive way shows spikes and dips that never happened on the wire.
    assert max(naive) - min(naive) > 1000


def test_bitrate_follows_a_change_in_the_encoder_rate():
    obs = FakeObsOutput(kbps=2500)
    maker = SampleMaker()
    maker.make(obs.status(), 0, 0)
    obs.run_for(1.0)
    assert maker.make(obs.status(), 1, 1).kbps == pytest.approx(2500, rel=0.01)
    obs.run_for(1.0, kbps=600)
    assert maker.make(obs.status(), 2, 2).kbps == pytest.approx(600, rel=0.01)


def test_dropped_frames_are_per_interval_and_cumulative():
    obs = FakeObsOutput(kbps=1800)
    maker = SampleMaker()
    maker.make(obs.status(), 0, 0)
    obs.run_for(3.0, drop_every=10)  # 10 % of frames dropped by the network
    sample = maker.make(obs.status(), 3, 3)
    assert sample.dropped_pct == pytest.approx(10, abs=0.5)
    assert sample.dropped_frames == obs.skipped and sample.total_frames == obs.frames
    obs.run_for(3.0)  # no drops now: the interval says 0 %, the show total keeps the count
    sample = maker.make(obs.status(), 6, 6)
    assert sample.dropped_pct == 0
    assert sample.dropped_frames == obs.skipped > 0


def _after_one_second(kbps: float) -> tuple[FakeObsOutput, SampleMaker]:
    """An output at ``kbps`` and a maker that has sampled it at t = 0 and t = 1 (a measured second)."""
    obs = FakeObsOutput(kbps=kbps)
    maker = SampleMaker()
    maker.make(obs.status(), 0, 0)
    obs.run_for(1.0)
    maker.make(obs.status(), 1, 1)
    return obs, maker


def test_a_poll_too_close_to_the_last_is_skipped_and_the_next_covers_the_whole_span():
    obs, maker = _after_one_second(kbps=1000)
    burst_frames = 2
    assert burst_frames * FRAME_MS < MIN_SPAN_MS
    obs.run_for(burst_frames * FRAME_MS / 1000, kbps=5000)  # a burst over a tiny span
    assert maker.make(obs.status(), 1.05, 1.05) is None
    obs.run_for(1.0, kbps=1000)
    sample = maker.make(obs.status(), 2.1, 2.1)
    expected = (5000 * burst_frames * FRAME_MS + 1000 * 1000) / (burst_frames * FRAME_MS + 1000)
    assert sample.kbps == pytest.approx(expected, rel=0.02)


def test_reconnecting_is_a_state_not_a_zero_and_the_counters_restart_afterwards():
    obs, maker = _after_one_second(kbps=2500)
    obs.reconnecting = True
    sample = maker.make(obs.status(), 2, 2)
    assert sample.state is SampleState.RECONNECTING
    assert sample.kbps is None
    # OBS reconnects and starts its byte and frame counters from zero.
    back = FakeObsOutput(kbps=2500)
    back.run_for(0.5)
    sample = maker.make(back.status(), 3, 3)
    assert sample.state is SampleState.LIVE and sample.kbps is None  # a new baseline, no cliff
    back.run_for(1.0)
    assert maker.make(back.status(), 4, 4).kbps == pytest.approx(2500, rel=0.01)


def test_counters_that_go_backwards_without_a_reconnect_state_start_a_new_baseline():
    obs = FakeObsOutput(kbps=2500)
    maker = SampleMaker()
    obs.run_for(5.0)
    maker.make(obs.status(), 0, 0)
    fresh = FakeObsOutput(kbps=2500)
    fresh.run_for(1.0)
    assert maker.make(fresh.status(), 1, 1).kbps is None


def test_not_streaming_is_off():
    sample = SampleMaker().make({"outputActive": False, "outputReconnecting": False}, 0, 0)
    assert sample.state is SampleState.OFF and sample.kbps is None


def test_get_stats_gives_encoder_skipped_render_lag_cpu_and_fps_per_interval():
    obs = FakeObsOutput(kbps=2500)
    maker = SampleMaker()
    stats = {"activeFps": 30.0, "cpuUsage": 12.5, "averageFrameRenderTime": 3.2,
             "renderSkippedFrames": 10, "renderTotalFrames": 1000,
             "outputSkippedFrames": 4, "outputTotalFrames": 1000}
    first = maker.make(obs.status(), 0, 0, stats)
    assert first.fps == 30.0 and first.cpu_pct == 12.5 and first.render_ms == 3.2
    assert first.render_lag_pct is None  # one snapshot has no interval yet
    obs.run_for(1.0)
    later = dict(stats, renderSkippedFrames=13, renderTotalFrames=1030,
                 outputSkippedFrames=4, outputTotalFrames=1030)
    sample = maker.make(obs.status(), 1, 1, later)
    assert sample.render_lag_pct == pytest.approx(10.0)
    assert sample.encoder_skipped_pct == 0.0


def test_sample_round_trips_through_its_dict():
    sample = Sample(1700000000.5, 3.0, SampleState.LIVE, kbps=2513.24, dropped_pct=0.5,
                    dropped_frames=3, total_frames=600, congestion=0.01, cpu_pct=3.0, fps=30.0)
    back = Sample.from_dict(sample.as_dict())
    assert back.state is SampleState.LIVE
    assert back.kbps == pytest.approx(2513.2) and back.dropped_frames == 3 and back.render_ms is None


# ----- the sampler wired to a StreamControl and a link (not connected: nothing on the network) ---

def _sampler(**kwargs):
    link = ObsLink(ConnectionTarget("127.0.0.1", 9, ""))
    stream = StreamControl(link)
    ticks = iter(range(1000))
    sampler = HealthSampler(link, stream, clock=lambda: float(next(ticks)),
                            wall_clock=lambda: 1_700_000_000.0, **kwargs)
    return link, stream, sampler


def test_sampler_takes_stream_controls_answers_and_goes_on_without_stats():
    async def scenario():
        _link, stream, sampler = _sampler()
        got: list[Sample] = []
        sampler.sampled.connect(got.append)
        obs = FakeObsOutput(kbps=1800)
        stream.sampled.emit(obs.status(), 10.0)
        obs.run_for(1.3)
        stream.sampled.emit(obs.status(), 11.3)
        await sampler.drain()
        return got

    got = asyncio.run(scenario())
    assert [s.mono for s in got] == [10.0, 11.3]
    assert got[1].kbps == pytest.approx(1800, rel=0.01)
    assert got[1].cpu_pct is None  # GetStats could not be asked: missing, not zero


def test_obs_gone_while_on_air_is_recorded_until_the_link_is_back():
    async def scenario():
        link, _stream, sampler = _sampler(gone_interval=0.001)
        got: list[Sample] = []
        sampler.sampled.connect(got.append)
        sampler.feed(FakeObsOutput(kbps=1800).status(), 0.0)
        assert sampler.on_air
        link.status_changed.emit(LinkStatus(LinkState.RECONNECTING, "gone"))
        while len(got) < 4:
            await asyncio.sleep(0.001)
        link._status = LinkStatus(LinkState.CONNECTED)  # the link is back (as its supervisor does)
        link.status_changed.emit(link.status)
        count = len(got)
        await asyncio.sleep(0.02)
        return got, count

    got, count = asyncio.run(scenario())
    assert got[0].state is SampleState.LIVE
    assert {s.state for s in got[1:]} == {SampleState.OBS_GONE}
    assert all(s.kbps is None for s in got[1:])
    assert len(got) == count  # stopped once OBS answered again


def test_obs_gone_while_off_air_records_nothing():
    async def scenario():
        link, _stream, sampler = _sampler(gone_interval=0.001)
        got: list[Sample] = []
        sampler.sampled.connect(got.append)
        sampler.feed({"outputActive": False}, 0.0)
        link.status_changed.emit(LinkStatus(LinkState.RECONNECTING, "gone"))
        await asyncio.sleep(0.02)
        return got

    assert [s.state for s in asyncio.run(scenario())] == [SampleState.OFF]
