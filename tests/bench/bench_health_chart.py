"""The health chart on a long show: a 12 h chart with a scene marker every 2 min vs the same chart
without markers and vs an empty chart; and the memory after 12 h vs after 24 h (the ring is full
at 12 h: markers leave with their samples, so memory should stay flat).

Run: ``pytest tests/bench/bench_health_chart.py -s``. One redraw cycle = a sample arrives, the
panel redraws, the plot is painted (``grab``). Prints medians and ratios against baselines of the
same run, as wall time and as the Qt thread's own CPU time (``time.thread_time``: on a shared,
loaded machine the wall time also counts the other processes' turns); asserts only that the
markers were really there and the curve got the decimated view (the measured thing worked).
"""

from __future__ import annotations

import gc
import os
import statistics
import time

from studio.health.history import CAPACITY_12H, MarkerKind
from studio.health.monitor import StreamHealth
from studio.health.sampler import Sample, SampleState
from studio.obs.link import ConnectionTarget, ObsLink
from studio.obs.stream import StreamControl
from ui.panels.health import HealthPanel

T0 = 1_700_000_000.0
SCENE_EVERY_S = 120
CYCLES = 100


def _health() -> StreamHealth:
    link = ObsLink(ConnectionTarget("127.0.0.1", 9, ""))
    return StreamHealth(link, StreamControl(link), record=False, with_stats=False, wall_clock=lambda: T0)


def _feed(health: StreamHealth, start: int, end: int, markers: bool, panel: HealthPanel | None = None,
          redraw_every: int = 0) -> None:
    for t in range(start, end):
        health.history.append(Sample(T0 + t, float(t), SampleState.LIVE, kbps=2400.0 + (t % 300)))
        if markers and t % SCENE_EVERY_S == 0:
            health.history.add_marker(MarkerKind.SCENE, f"场景 {t // SCENE_EVERY_S % 3 + 1}", at=T0 + t)
        if panel is not None and redraw_every and t % redraw_every == 0:
            panel.redraw()


def _cycles_ms(qtbot, cases: list[tuple[StreamHealth, bool]],
               whole: bool) -> tuple[list[float], list[float], list[int]]:
    """Median cycle per case (wall, CPU) and the points the curve was handed, measured in
    interleaved rounds so the machine's load hits all alike."""
    panels = []
    for health, _markers in cases:
        panel = HealthPanel(health)
        qtbot.addWidget(panel)
        panel.resize(900, 520)
        panel.show()
        if whole:
            panel._on_whole_button_clicked()
        panel.redraw()
        panel.plot.grab()
        panels.append(panel)
    times: list[list[float]] = [[] for _ in cases]
    cpu: list[list[float]] = [[] for _ in cases]
    for n in range(CYCLES):
        for index, ((health, markers), panel) in enumerate(zip(cases, panels, strict=True)):
            t = int(health.history.appended)
            _feed(health, t, t + 1, markers and n % 10 == 0)
            start, start_cpu = time.perf_counter(), time.thread_time()
            panel.redraw()
            panel.plot.grab()
            cpu[index].append(time.thread_time() - start_cpu)
            times[index].append(time.perf_counter() - start)
    points = [0 if panel.curve.xData is None else len(panel.curve.xData) for panel in panels]
    for panel in panels:
        panel.close()
    return ([statistics.median(t) * 1000 for t in times], [statistics.median(t) * 1000 for t in cpu], points)


def _rss_mb() -> float:
    gc.collect()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20


def test_bench_health_chart_markers_and_memory(qtbot, loop):
    empty = _health()
    plain = _health()
    _feed(plain, 0, CAPACITY_12H, markers=False)
    marked = _health()
    _feed(marked, 0, CAPACITY_12H, markers=True)
    assert len(marked.history.markers) == CAPACITY_12H // SCENE_EVERY_S

    lines = []
    for whole in (False, True):
        view = "whole show" if whole else "follow live"
        wall, cpu, points = _cycles_ms(qtbot, [(empty, False), (plain, False), (marked, True)], whole=whole)
        assert points[2] <= 2 * 900 + 8  # the whole 12 h (or the last minutes) as ~2 points a pixel
        for what, (e, p, m) in (("wall", wall), ("CPU", cpu)):
            lines.append(f"  {view} ({what}): empty chart {e:.1f} ms (baseline); 12 h no markers {p:.1f} ms = "
                         f"{p / e:.2f}×; 12 h with {len(marked.history.markers)} markers {m:.1f} ms = "
                         f"{m / e:.2f}× empty, {m / p:.2f}× no markers")
        lines.append(f"  {view}: points handed to the curve: {points[1]} (12 h), {points[2]} (12 h with markers)")

    health = _health()
    panel = HealthPanel(health)
    qtbot.addWidget(panel)
    panel.resize(900, 520)
    panel.show()
    before = _rss_mb()
    _feed(health, 0, CAPACITY_12H, markers=True, panel=panel, redraw_every=600)
    panel.plot.grab()
    at_12h = _rss_mb()
    items_12h = len(panel.plot.getPlotItem().items)
    _feed(health, CAPACITY_12H, 2 * CAPACITY_12H, markers=True, panel=panel, redraw_every=600)
    panel.plot.grab()
    at_24h = _rss_mb()
    items_24h = len(panel.plot.getPlotItem().items)
    assert len(health.history.markers) == CAPACITY_12H // SCENE_EVERY_S
    print("\nhealth chart redraw cycle (sample → redraw → paint), median of", CYCLES)
    print("\n".join(lines))
    print(f"  memory: RSS {before:.0f} MB at start, {at_12h:.0f} MB after 12 h, {at_24h:.0f} MB after 24 h "
          f"(+{at_24h - at_12h:.1f} MB from 12 h to 24 h); chart items {items_12h} at 12 h, {items_24h} at 24 h")

