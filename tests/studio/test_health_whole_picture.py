"""Stable means the whole picture: bitrate, network drops, encoder skips, render lag, fps vs canvas."""

from __future__ import annotations

import pytest

from studio.health.sampler import Sample, SampleState
from studio.health.status import Level, Reason, StatusClassifier


def _run(c: StatusClassifier, seconds: int, **figures: float) -> None:
    for t in range(seconds):
        c.update(Sample(1000.0 + t, c._t + t, SampleState.LIVE, kbps=2500.0, **figures))  # type: ignore[attr-defined]
    c._t += seconds  # type: ignore[attr-defined]


@pytest.fixture
def c() -> StatusClassifier:
    classifier = StatusClassifier()
    classifier.canvas_fps = 30.0
    classifier._t = 0.0  # type: ignore[attr-defined]
    return classifier


def test_measuring_from_the_first_sample(c: StatusClassifier) -> None:
    c.update(Sample(1000.0, 0.0, SampleState.LIVE))  # a new baseline: nothing measured yet
    assert c.verdict.reason is Reason.MEASURING and c.verdict.word == "Measuring"


def test_healthy_figures_are_stable(c: StatusClassifier) -> None:
    _run(c, 20, dropped_pct=0.0, encoder_skipped_pct=0.0, render_lag_pct=0.5, fps=30.0)
    assert c.verdict.level is Level.STABLE and c.verdict.problems == ()


def test_render_lag_and_low_fps_are_not_stable_and_each_has_a_line(c: StatusClassifier) -> None:
    _run(c, 20, dropped_pct=0.0, encoder_skipped_pct=0.0, render_lag_pct=45.0, fps=15.0)
    v = c.verdict
    assert v.level is Level.CRITICAL and v.reason is Reason.QUALITY
    assert len(v.problems) == 2
    assert any("Render lag" in p and "45.0 %" in p for p in v.problems)
    assert any("15 fps on a 30 fps canvas" in p for p in v.problems)
    assert all(p in v.advice for p in v.problems) and "Nothing to do" not in v.advice


@pytest.mark.parametrize("figure, value, level", [
    ("dropped_pct", 2.0, Level.LOW), ("dropped_pct", 8.0, Level.CRITICAL),
    ("encoder_skipped_pct", 10.0, Level.LOW), ("encoder_skipped_pct", 30.0, Level.CRITICAL),
    ("render_lag_pct", 6.0, Level.LOW), ("fps", 26.0, Level.LOW), ("fps", 20.0, Level.CRITICAL),
])
def test_each_figure_on_its_own(c: StatusClassifier, figure: str, value: float, level: Level) -> None:
    healthy = {"dropped_pct": 0.0, "encoder_skipped_pct": 0.0, "render_lag_pct": 0.0, "fps": 30.0}
    _run(c, 20, **{**healthy, figure: value})
    assert c.verdict.level is level and len(c.verdict.problems) == 1
    _run(c, 20, **healthy)  # back to healthy: stable again, no lines
    assert c.verdict.level is Level.STABLE and c.verdict.problems == ()


def test_fps_is_judged_against_the_canvas_not_a_fixed_number(c: StatusClassifier) -> None:
    c.canvas_fps = 25.0
    _run(c, 20, fps=25.0)
    assert c.verdict.level is Level.STABLE
