"""Health markers on a long show: the chart's items stay few whatever the number of markers, and a
24 h show holds no more markers (or items) than a 12 h one: markers leave with their samples."""

from __future__ import annotations

import pytest

from studio.health.history import CAPACITY_12H, MarkerKind
from studio.health.monitor import StreamHealth
from studio.health.sampler import Sample, SampleState
from studio.obs.link import ConnectionTarget, ObsLink
from studio.obs.stream import StreamControl
from ui.panels.health import MAX_LABELLED_MARKERS, HealthPanel

T0 = 1_700_000_000.0
SCENE_EVERY_S = 120


@pytest.fixture
def health(loop):
    link = ObsLink(ConnectionTarget("127.0.0.1", 9, ""))
    return StreamHealth(link, StreamControl(link), record=False, with_stats=False, wall_clock=lambda: T0)


def _hours(health: StreamHealth, start_s: int, end_s: int) -> None:
    for t in range(start_s, end_s):
        health.history.append(Sample(T0 + t, float(t), SampleState.LIVE, kbps=2500.0))
        if t % SCENE_EVERY_S == 0:
            health.history.add_marker(MarkerKind.SCENE, f"场景 {{{t}}}", at=T0 + t)  # braces stay braces


def test_markers_cost_a_few_items_and_leave_with_their_samples(qtbot, health):
    panel = HealthPanel(health)
    qtbot.addWidget(panel)
    panel.resize(800, 500)
    empty_items = len(panel.plot.getPlotItem().items)
    _hours(health, 0, CAPACITY_12H)
    panel.redraw()
    twelve_items = len(panel.plot.getPlotItem().items)
    assert len(health.history.markers) == CAPACITY_12H // SCENE_EVERY_S
    assert twelve_items - empty_items <= MAX_LABELLED_MARKERS + 10  # not one item per marker
    visible = panel._marker_items
    assert 0 < len(visible) <= MAX_LABELLED_MARKERS  # the last ten minutes' markers are labelled
    assert visible[-1].label.format.replace("{{", "{").replace("}}", "}") == health.history.markers[-1].label

    _hours(health, CAPACITY_12H, 2 * CAPACITY_12H)
    panel.redraw()
    oldest = float(health.history.times()[0])
    assert all(m.time >= oldest for m in health.history.markers)
    assert len(health.history.markers) == CAPACITY_12H // SCENE_EVERY_S
    assert len(panel.plot.getPlotItem().items) == twelve_items  # flat after the ring is full
