"""The ring buffer (12 h at 1 Hz), markers, outage spans, the show's file and the monitor's wiring."""

from __future__ import annotations

import asyncio
import errno
import math
import os

import numpy as np
import pytest

from studio.config import data_dir
from studio.health.history import CAPACITY_12H, HealthHistory, MarkerKind
from studio.health.monitor import StreamHealth
from studio.health.record import HealthRecorder, read_show
from studio.health.sampler import Sample, SampleState
from studio.health.status import Level, Reason
from studio.obs.link import ConnectionTarget, ObsLink
from studio.obs.stream import StreamControl


def live(t: float, kbps: float | None = 2500.0) -> Sample:
    return Sample(t, t, SampleState.LIVE, kbps=kbps, dropped_pct=0.0, cpu_pct=5.0, fps=30.0)


def test_capacity_is_twelve_hours_at_one_hertz():
    assert CAPACITY_12H == 43_200
    assert HealthHistory().capacity == 43_200


def test_ring_keeps_the_newest_samples_in_time_order_without_copying():
    history = HealthHistory(capacity=5)
    for t in range(8):
        history.append(live(t, kbps=1000 + t))
    assert len(history) == 5
    assert history.times().tolist() == [3, 4, 5, 6, 7]
    assert history.column("kbps").tolist() == [1003, 1004, 1005, 1006, 1007]
    assert history.times().base is not None  # a view into the buffer, not a fresh array
    assert history.appended == 8


def test_full_twelve_hours_wraps_and_stays_ordered():
    history = HealthHistory()
    for t in range(CAPACITY_12H + 100):
        history.append(live(float(t)))
    times = history.times()
    assert len(times) == CAPACITY_12H
    assert times[0] == 100 and times[-1] == CAPACITY_12H + 99
    assert np.all(np.diff(times) > 0)


def test_unmeasured_figures_are_nan_not_zero():
    history = HealthHistory(capacity=10)
    history.append(live(0, kbps=None))
    history.append(Sample(1, 1, SampleState.RECONNECTING))
    assert all(math.isnan(v) for v in history.column("kbps"))
    assert history.states().tolist() == [list(SampleState).index(SampleState.LIVE),
                                         list(SampleState).index(SampleState.RECONNECTING)]


def test_outages_become_spans():
    history = HealthHistory(capacity=100)
    states = [SampleState.LIVE] * 3 + [SampleState.RECONNECTING] * 4 + [SampleState.LIVE] * 2 \
        + [SampleState.OBS_GONE] * 2 + [SampleState.RECONNECTING]
    for t, state in enumerate(states):
        history.append(Sample(float(t), float(t), state))
    spans = [(s.start, s.end, s.state) for s in history.outages]
    assert spans == [(3, 6, SampleState.RECONNECTING), (9, 10, SampleState.OBS_GONE),
                     (11, 11, SampleState.RECONNECTING)]


def test_markers_from_any_module():
    history = HealthHistory(wall_clock=lambda: 500.0)
    seen = []
    history.marker_added.connect(seen.append)
    history.add_marker(MarkerKind.PRODUCT, "商品上屏 · 保温杯")
    history.add_marker(MarkerKind.LOTTERY, "抽奖", at=700.0)
    assert [(m.time, m.kind) for m in history.markers] == [(500.0, "product"), (700.0, "lottery")]
    assert seen[0].label == "商品上屏 · 保温杯"
    assert [m.kind for m in history.markers_between(600, 800)] == ["lottery"]


def test_recorder_appends_json_lines_under_the_data_dir_and_reads_back():
    recorder = HealthRecorder(wall_clock=lambda: 1_700_000_000.0)
    path = recorder.begin()
    assert path.parent == data_dir() / "health"
    recorder.write_sample(live(1_700_000_001))
    history = HealthHistory()
    recorder.write_marker(history.add_marker(MarkerKind.SCENE, "讲解 Product", at=1_700_000_001.5))
    recorder.write_sample(Sample(1_700_000_002, 2, SampleState.RECONNECTING))
    recorder.flush()
    # Flushed as it goes: readable before the show ends (a crash loses at most one line).
    samples, markers = read_show(path)
    assert [s.state for s in samples] == [SampleState.LIVE, SampleState.RECONNECTING]
    assert samples[0].kbps == 2500.0 and samples[1].kbps is None
    assert markers[0].label == "讲解 Product"
    with open(path, "a", encoding="utf-8") as f:
        f.write('{"type":"sample","time":')  # a torn line from a crash
    assert len(read_show(path)[0]) == 2
    recorder.close()


def test_recorder_says_in_plain_words_when_it_cannot_save(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    recorder = HealthRecorder(blocker / "health")
    recorder.begin()
    recorder.flush()
    assert recorder.problem and "Cannot save the stream health" in recorder.problem
    recorder.close()


# ----- the monitor: samples → classifier, history, file and markers -------------------------------

def test_monitor_records_the_show_and_marks_what_happened():
    async def scenario():
        link = ObsLink(ConnectionTarget("127.0.0.1", 9, ""))
        stream = StreamControl(link)
        now = [1_700_000_000.0]
        health = StreamHealth(link, stream, wall_clock=lambda: now[0], with_stats=False)
        verdicts = []
        health.verdict_changed.connect(verdicts.append)
        feed = health.sampler.feed
        obs = {"outputActive": True, "outputBytes": 0, "outputDuration": 0,
               "outputSkippedFrames": 0, "outputTotalFrames": 0}
        for second in range(12):
            now[0] += 1
            obs = dict(obs, outputBytes=second * 312_500, outputDuration=second * 1000,
                       outputTotalFrames=second * 30)
            feed(obs, float(second))
        link._dispatch_event(link._generation, "CurrentProgramSceneChanged", {"sceneName": "抽奖 Lottery"})
        now[0] += 1
        feed(dict(obs, outputReconnecting=True), 12.0)
        now[0] += 1
        feed({"outputActive": False}, 13.0)
        now[0] += 1
        feed({"outputActive": False}, 14.0)
        path = health.recorder.path  # None: the show ended
        await health.close()
        return health, verdicts, path

    health, verdicts, path = asyncio.run(scenario())
    assert path is None
    kinds = [m.kind for m in health.history.markers]
    assert kinds == [MarkerKind.STREAM_STARTED, MarkerKind.SCENE, MarkerKind.RECONNECT,
                     MarkerKind.STREAM_STOPPED]
    # Live samples, the reconnect and one off-air sample (the line breaks there); no more.
    assert len(health.history) == 14
    assert [(v.level, v.reason) for v in verdicts] == [
        (Level.IDLE, Reason.MEASURING), (Level.STABLE, Reason.BITRATE),
        (Level.CRITICAL, Reason.RECONNECTING), (Level.IDLE, Reason.NOT_STREAMING)]
    files = list((data_dir() / "health").glob("health-*.jsonl"))
    assert len(files) == 1
    samples, markers = read_show(files[0])
    assert len(samples) == 14 and samples[5].kbps == pytest.approx(2500)
    assert [m.kind for m in markers] == kinds


def test_markers_and_outages_leave_with_their_samples():
    """A 24 h show keeps 12 h of markers, as it keeps 12 h of samples: memory and redraws stay flat."""
    history = HealthHistory(capacity=100)
    history.append(Sample(0.0, 0.0, SampleState.RECONNECTING))
    for t in range(0, 300, 10):
        history.add_marker(MarkerKind.SCENE, f"scene at {t}", at=float(t))
    for t in range(1, 300):
        history.append(live(float(t)))
    oldest = float(history.times()[0])
    assert oldest == 200.0
    assert [m.time for m in history.markers] == [float(t) for t in range(200, 300, 10)]
    assert list(history.outages) == []  # its sample left long ago
    version = history.markers_version
    history.append(live(300.0))
    history.append(live(301.0))  # 200 leaves now: its marker too
    assert history.markers[0].time == 210.0 and history.markers_version > version


def test_recorder_on_a_full_disk_keeps_every_sample_and_never_glues_two_lines(tmp_path, monkeypatch):
    from studio.health import record as record_module

    real_write = os.write
    disk = {"full": False, "short": False}

    def write(fd, data):
        if not disk["full"]:
            return real_write(fd, data)
        if not disk["short"]:
            disk["short"] = True
            return real_write(fd, data[: len(data) // 2])  # half a line reaches the file
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(record_module.os, "write", write)
    recorder = HealthRecorder(tmp_path / "health", wall_clock=lambda: 1_700_000_000.0)
    path = recorder.begin()
    recorder.write_sample(live(1_700_000_001))
    recorder.flush()
    disk["full"] = True
    recorder.write_sample(live(1_700_000_002))
    recorder.write_sample(live(1_700_000_003))
    recorder.flush()
    assert recorder.problem and "Cannot save the stream health" in recorder.problem
    disk["full"] = False
    recorder.write_sample(live(1_700_000_004))
    recorder.flush()
    assert recorder.problem is None
    recorder.close()
    samples, _ = read_show(path)
    assert [s.time for s in samples] == [1_700_000_001, 1_700_000_002, 1_700_000_003, 1_700_000_004]
    assert all(line.startswith("{") and line.endswith("}") for line in path.read_text("utf-8").splitlines())
