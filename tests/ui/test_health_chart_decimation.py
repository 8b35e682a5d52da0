"""The bitrate curve on a long show: the whole 12 h in view hands the curve about 2 points a pixel,
not 43,200 samples, and a one-second drop, a one-second spike and a short gap all stay on it;
zoomed in, every sample is there; markers outside the view are not drawn at all."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.health.history import CAPACITY_12H, MarkerKind
from studio.health.monitor import StreamHealth
from studio.health.sampler import Sample, SampleState
from studio.obs.link import ConnectionTarget, ObsLink
from studio.obs.stream import StreamControl
from ui.panels.health import HealthPanel, ViewDecimator, min_max_decimate

T0 = 1_700_000_000.0
SPIKE_AT, DROP_AT, GAP_AT = 20_000, 30_000, 35_000


@pytest.fixture
def health(loop):
    link = ObsLink(ConnectionTarget("127.0.0.1", 9, ""))
    return StreamHealth(link, StreamControl(link), record=False, with_stats=False, wall_clock=lambda: T0)


def _twelve_hours(health: StreamHealth) -> None:
    history = health.history
    for t in range(CAPACITY_12H):
        kbps: float | None = 2400.0 + (t % 300)
        state = SampleState.LIVE
        if t == SPIKE_AT:
            kbps = 9000.0
        elif t == DROP_AT:
            kbps = 0.0
        elif GAP_AT <= t < GAP_AT + 3:
            kbps, state = None, SampleState.RECONNECTING
        history.append(Sample(T0 + t, float(t), state, kbps=kbps))
        if t % 120 == 0:
            history.add_marker(MarkerKind.SCENE, f"场景 {t}", at=T0 + t)


@pytest.fixture
def panel(qtbot, health):
    widget = HealthPanel(health)
    qtbot.addWidget(widget)
    widget.resize(900, 520)
    widget.show()
    qtbot.waitExposed(widget)
    _twelve_hours(health)
    widget.redraw()
    return widget


def _handed(panel: HealthPanel) -> tuple[np.ndarray, np.ndarray]:
    """What the panel handed the curve (``setData``), before anything pyqtgraph does with it."""
    return panel.curve.xData, panel.curve.yData


def test_the_whole_show_hands_the_curve_two_points_a_pixel_and_keeps_every_peak(panel):
    panel.whole_button.click()
    x, y = _handed(panel)
    width = math.ceil(panel.plot.getViewBox().width())
    assert width > 300  # laid out: the bound below means something
    assert len(x) <= 2 * width + 8  # ~2 a pixel (+ the gap's NaN points), not 43,200
    assert np.nanmax(y) == 9000.0  # the one-second spike
    assert np.nanmin(y) == 0.0  # the one-second drop
    assert np.isnan(y).any()  # the three-second gap stays a gap
    gap_x = x[np.isnan(y)]
    assert ((gap_x >= T0 + GAP_AT - 60) & (gap_x <= T0 + GAP_AT + 60)).all()  # where it was
    assert (np.diff(x) >= 0).all()
    assert x[0] <= T0 + 1 and x[-1] >= T0 + CAPACITY_12H - 2  # the whole show


def test_zoomed_in_every_sample_is_there(panel):
    panel.whole_button.click()
    panel.plot.setXRange(T0 + SPIKE_AT - 300, T0 + SPIKE_AT + 300, padding=0)
    x, y = _handed(panel)
    assert len(x) == 603  # the 601 samples in view and one either side
    assert np.array_equal(x, T0 + np.arange(SPIKE_AT - 301, SPIKE_AT + 302))
    assert y[list(x).index(T0 + SPIKE_AT)] == 9000.0


def test_following_live_hands_only_the_last_minutes(panel, health):
    assert panel.follow_button.isChecked()
    x, _y = _handed(panel)
    assert len(x) <= 700 and x[-1] == health.history.times()[-1]


def test_markers_outside_the_view_are_not_drawn(panel, health):
    (lo, hi), _ = panel.plot.getViewBox().viewRange()
    in_view = [m for m in health.history.markers if lo <= m.time <= hi]
    assert 0 < len(in_view) < len(health.history.markers) // 10
    drawn = sum(len(path.xData) for path in panel._marker_paths.values() if path.xData is not None)
    assert drawn == 2 * len(in_view)  # two points a line, for the markers in view only
    labelled = [item for item in panel._marker_pool if item.isVisible()]
    assert sorted(item.value() for item in labelled) == sorted(m.time for m in in_view)


def test_the_curve_follows_the_ring_in_the_whole_show_view(panel, health):
    """Once the ring is full the oldest sample leaves each second: the curve drops it too."""
    panel.whole_button.click()
    for t in range(CAPACITY_12H, CAPACITY_12H + 5):
        health.history.append(Sample(T0 + t, float(t), SampleState.LIVE, kbps=2500.0))
    panel.redraw()
    x, _y = _handed(panel)
    assert x[0] >= health.history.times()[0]


@settings(max_examples=200, deadline=None)
@given(values=st.lists(st.one_of(st.floats(0, 10_000), st.just(math.nan)), min_size=1, max_size=300),
       per_bin=st.integers(1, 40), phase=st.integers(0, 100))
def test_decimation_keeps_each_runs_lowest_highest_and_gaps(values, per_bin, phase):
    v = np.asarray(values, dtype=float)
    t = np.arange(len(v), dtype=float) + 1000.0
    x, y = min_max_decimate(t, v, per_bin, phase)
    assert (np.diff(x) >= 0).all()
    start = -(phase % per_bin)
    runs = [(max(0, s), min(len(v), s + per_bin)) for s in range(start, len(v), per_bin) if s + per_bin > 0]
    assert len(x) <= 4 * len(runs)
    for a, b in runs:
        run = v[a:b]
        inside = (x >= t[a]) & (x <= t[b - 1])
        if np.isnan(run).all():
            assert np.isnan(y[inside]).any()
            continue
        shown = y[inside]
        assert np.nanmin(run) in shown and np.nanmax(run) in shown
        if np.isnan(run).any():
            assert np.isnan(shown).any()  # the gap stays a gap
    assert np.isnan(y).any() == np.isnan(v).any()
    if per_bin == 1:
        assert np.array_equal(x, t) and np.array_equal(y, v, equal_nan=True)


@settings(max_examples=150, deadline=None)
@given(values=st.lists(st.one_of(st.floats(0, 10_000), st.just(math.nan)), min_size=1, max_size=400),
       views=st.lists(st.tuples(st.floats(0, 0.5), st.floats(0, 1), st.floats(0, 1),
                                st.sampled_from([1, 2, 3, 7, 16])), min_size=2, max_size=8))
def test_redrawing_only_the_new_runs_gives_what_decimating_all_again_gives(values, views):
    """The chart keeps the runs it decimated; whatever the ring and the view do next (samples
    leave, the view pans or zooms, the run size changes), the curve is what a fresh decimation of
    the view would be."""
    series = np.asarray(values, dtype=float)
    stamps = np.arange(len(series), dtype=float) + 5000.0
    decimator = ViewDecimator()
    moved = 0
    for leave, a, b, per_bin in views:
        moved = max(moved, int(leave * len(series)))  # the oldest samples leave the ring
        number = moved
        times, kbps = stamps[number:], series[number:]
        lo, hi = sorted((round(a * len(times)), round(b * len(times))))
        x, y = decimator.decimate(times, kbps, lo, hi, number, per_bin)
        want_x, want_y = min_max_decimate(times[lo:hi], kbps[lo:hi], per_bin, phase=(number + lo) % per_bin)
        assert np.array_equal(x, want_x) and np.array_equal(y, want_y, equal_nan=True)
