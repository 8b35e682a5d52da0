"""The status classifier (稳定/偏低/危险) on synthetic series and on a series recorded from real OBS."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from studio.health.sampler import Sample, SampleState
from studio.health.status import HIGH_KBPS, LOW_KBPS, Level, Reason, StatusClassifier, band

RECORDED = Path(__file__).parent / "data" / "health_recorded.jsonl"


def live(t: float, kbps: float | None) -> Sample:
    return Sample(1_700_000_000 + t, t, SampleState.LIVE, kbps=kbps)


def run(series: list[Sample],
        classifier: StatusClassifier | None = None) -> list[tuple[float, Level, Reason]]:
    """Feed the series; returns (time, level, reason) at every change."""
    c = classifier or StatusClassifier()
    changes = []
    for sample in series:
        before = (c.verdict.level, c.verdict.reason)
        v = c.update(sample)
        if (v.level, v.reason) != before:
            changes.append((sample.mono, v.level, v.reason))
    return changes


def steady(start: float, seconds: int, kbps: float, step: float = 1.0) -> list[Sample]:
    return [live(start + i * step, kbps) for i in range(seconds)]


def test_bands_follow_the_playbook():
    assert band(2500) is Level.STABLE
    assert band(HIGH_KBPS) is Level.STABLE
    assert band(1199) is Level.LOW
    assert band(LOW_KBPS) is Level.LOW
    assert band(799) is Level.CRITICAL
    assert band(1210, margin=0.05) is Level.LOW  # to climb back, 1260 is needed


def test_a_fresh_stream_is_measured_first_then_judged():
    c = StatusClassifier(degrade_after=5)
    changes = run([live(0, None), *steady(1, 10, 2500)], c)
    assert changes[0][1:] == (Level.IDLE, Reason.MEASURING)
    assert changes[1][1:] == (Level.STABLE, Reason.BITRATE)
    assert changes[1][0] == 6  # five seconds of readings
    assert c.verdict.kbps == 2500
    assert "1200" in c.verdict.advice and c.verdict.word == "Stable"


def test_a_sustained_drop_is_reported_after_the_window_and_not_before():
    series = steady(0, 20, 2500) + steady(20, 4, 900) + steady(24, 20, 2500)  # a 4 s dip
    assert [ch[1] for ch in run(series)] == [Level.IDLE, Level.STABLE]  # no flicker
    series = steady(0, 20, 2500) + steady(20, 10, 900)  # a sustained dip
    changes = run(series)
    assert changes[-1] == (25, Level.LOW, Reason.BITRATE)


def test_critical_below_800_with_advice_to_switch_to_720p():
    c = StatusClassifier()
    run(steady(0, 20, 2500) + steady(20, 10, 500), c)
    assert c.verdict.level is Level.CRITICAL and c.verdict.reason is Reason.BITRATE
    assert "720P" in c.verdict.advice and "network" in c.verdict.advice
    assert c.verdict.kbps == 500


def test_a_run_of_mixed_bad_readings_takes_the_least_bad_level():
    series = steady(0, 20, 2500) + [live(20 + i, 500 if i % 2 else 1000) for i in range(10)]
    assert run(series)[-1][1] is Level.LOW


def test_hysteresis_oscillating_around_1200_does_not_flicker():
    # Stable, then hovering 1180/1220: the dips never last 5 s, so stable holds.
    series = steady(0, 20, 2500) + [live(20 + i, 1180 if i % 2 else 1220) for i in range(120)]
    assert [ch[1] for ch in run(series)] == [Level.IDLE, Level.STABLE]
    # Low, then hovering 1190/1230: never above 1260 (the margin), so low holds.
    c = StatusClassifier()
    series = steady(0, 20, 1000) + [live(20 + i, 1190 if i % 2 else 1230) for i in range(120)]
    assert [ch[1] for ch in run(series, c)] == [Level.IDLE, Level.LOW]


def test_recovery_needs_the_longer_window_and_the_margin():
    c = StatusClassifier(degrade_after=5, recover_after=10)
    series = steady(0, 10, 1000) + steady(10, 10, 1300)  # readings from 10 to 19 s: not yet
    assert run(series, c)[-1][1] is Level.LOW
    c.update(live(20, 1300))  # ten seconds of readings above 1260
    assert c.verdict.level is Level.STABLE and c.verdict.since == 20


def test_uneven_sample_spacing_uses_time_not_counts():
    # Samples 2.5 s apart: the 5 s window is two intervals, not five samples.
    series = [live(i * 2.5, 2500) for i in range(6)] + [live(15 + i * 2.5, 600) for i in range(3)]
    assert run(series)[-1] == (20.0, Level.CRITICAL, Reason.BITRATE)


def test_outage_is_critical_at_once_then_recovering_then_judged():
    c = StatusClassifier(degrade_after=5, recover_after=10)
    series = steady(0, 20, 2500)
    series.append(Sample(1_700_000_020, 20, SampleState.RECONNECTING))
    changes = run(series, c)
    assert changes[-1] == (20, Level.CRITICAL, Reason.RECONNECTING)
    assert "reconnecting" in c.verdict.advice.lower()
    c.update(Sample(1_700_000_021, 21, SampleState.OBS_GONE))
    assert c.verdict.reason is Reason.OBS_GONE and "OBS" in c.verdict.advice
    changes = run([live(22, None), *steady(23, 12, 2500)], c)
    assert changes[0] == (22, Level.CRITICAL, Reason.RECOVERING)
    assert changes[-1] == (33, Level.STABLE, Reason.BITRATE)


def test_back_from_an_outage_but_still_too_slow_says_the_bitrate_is_the_problem():
    c = StatusClassifier(degrade_after=5, recover_after=10)
    run([*steady(0, 10, 2500), Sample(0, 10, SampleState.RECONNECTING), *steady(11, 10, 500)], c)
    assert c.verdict.level is Level.CRITICAL and c.verdict.reason is Reason.BITRATE


def test_stopping_the_stream_is_idle():
    c = StatusClassifier()
    run([*steady(0, 10, 2500), Sample(0, 10, SampleState.OFF)], c)
    assert c.verdict.level is Level.IDLE and c.verdict.reason is Reason.NOT_STREAMING


def test_noisy_series_around_a_real_level_changes_rarely():
    random.seed(7)
    # 10 minutes at ~1000 kbit/s with ±25 % noise (Wi-Fi), readings often above 1200.
    series = [live(i, random.gauss(1000, 250)) for i in range(600)]
    changes = run(series)
    assert len(changes) <= 6, changes


def test_recorded_series_from_real_obs():
    """A show recorded from real OBS 29 (lab): 2500 kbit/s, the ingest stopped, back, then stopped.

    Recorded with tests/integration/test_health_stream.py (``STUDIO_RECORD_HEALTH=path``).
    """
    samples = []
    for line in RECORDED.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("type") == "sample":
            samples.append(Sample.from_dict(record))
    assert len(samples) > 20
    c = StatusClassifier()
    levels = []
    for sample in samples:
        verdict = c.update(sample)
        levels.append((sample.state, verdict.level, verdict.reason))
    outage = [i for i, (state, _, _) in enumerate(levels) if state is SampleState.RECONNECTING]
    assert outage, "the recording has a reconnect"
    before = levels[outage[0] - 1]
    assert before[1] is Level.STABLE  # 2500 kbit/s steady
    assert all(levels[i][1] is Level.CRITICAL and levels[i][2] is Reason.RECONNECTING for i in outage)
    after = levels[outage[-1] + 1:]
    assert after[0][2] is Reason.RECOVERING
    assert (SampleState.LIVE, Level.STABLE, Reason.BITRATE) in after  # recovered
    # Never a "critical because of the bitrate" on a healthy 2500 kbit/s stream.
    assert all(reason is not Reason.BITRATE or level is not Level.CRITICAL for _, level, reason in levels)


@pytest.mark.parametrize("level", list(Level))
def test_every_level_has_a_word(level):
    from studio.health.status import Verdict

    assert Verdict(level, Reason.BITRATE, 0, 1000).word
