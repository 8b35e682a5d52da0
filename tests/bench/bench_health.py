"""Benchmark: the health chart with a whole 12-hour show vs an empty chart, and the sampler's CPU.

Run with ``pytest tests/bench/bench_health.py -s``. Prints figures and ratios against baselines
measured in the same run; asserts nothing about timings (a loaded CI box must not fail it).

- UI: one redraw cycle (a sample arrives, the chart's timer fires, the plot is painted) with
  43,200 samples in the history, against the same cycle on an almost empty chart. Once as the host
  sees it by default (following the last ten minutes), once with the whole show in view.
- Core: the CPU one sample costs (GetStreamStatus + GetStats answer → sample → status → history),
  which at one sample a second is the sampler's CPU per second; the baseline is decoding the JSON
  of the same two answers, the least any client pays.
"""

from __future__ import annotations

import json
import time

import pytest

from studio.health.history import CAPACITY_12H
from studio.health.monitor import StreamHealth
from studio.obs.link import ConnectionTarget, ObsLink
from studio.obs.stream import StreamControl

CYCLES = 120


class Feeder:
    def __init__(self, health: StreamHealth, clock: list[float]) -> None:
        self.health = health
        self.clock = clock
        self.n = 0

    def status(self) -> dict[str, object]:
        return {"outputActive": True, "outputReconnecting": False, "outputBytes": self.n * 314_000,
                "outputDuration": self.n * 1000, "outputSkippedFrames": self.n // 100,
                "outputTotalFrames": self.n * 30, "outputCongestion": 0.01,
                "outputTimecode": "01:00:00.000"}

    def stats(self) -> dict[str, object]:
        return {"activeFps": 30.0, "cpuUsage": 8.5, "averageFrameRenderTime": 3.1,
                "renderSkippedFrames": self.n // 50, "renderTotalFrames": self.n * 30,
                "outputSkippedFrames": 0, "outputTotalFrames": self.n * 30, "memoryUsage": 400.0}

    def one(self) -> None:
        self.n += 1
        self.clock[0] += 1.0
        self.health.sampler.feed(self.status(), float(self.n), self.stats())


def _health() -> tuple[StreamHealth, Feeder]:
    link = ObsLink(ConnectionTarget("127.0.0.1", 9, ""))
    clock = [1_700_000_000.0]
    health = StreamHealth(link, StreamControl(link), record=False, with_stats=False,
                          wall_clock=lambda: clock[0])
    return health, Feeder(health, clock)


def _cycle_ms(panel, feeder: Feeder, cycles: int = CYCLES) -> float:
    """Mean CPU ms of: one sample in, one redraw, one paint of the chart (offscreen grab).

    CPU time of this process rather than wall time: the lab box is shared, and other processes
    would otherwise show up in the figure.
    """
    panel.plot.grab()  # warm-up paint
    start = time.process_time()
    for _ in range(cycles):
        feeder.one()
        panel.redraw()
        panel.plot.grab()
    return (time.process_time() - start) * 1000 / cycles


@pytest.mark.parametrize("view", ["follow live (last 10 min)", "whole show in view"])
def test_chart_cost_of_twelve_hours_vs_empty(qtbot, view):
    from ui.panels.health import HealthPanel

    def build():
        health, feeder = _health()
        panel = HealthPanel(health)
        qtbot.addWidget(panel)
        panel.resize(900, 600)
        panel._timer.stop()  # the benchmark drives redraws itself
        return panel, feeder

    empty_panel, empty_feeder = build()
    full_panel, full_feeder = build()
    started = time.process_time()
    for _ in range(CAPACITY_12H):
        full_feeder.one()
    append_us = (time.process_time() - started) * 1e6 / CAPACITY_12H
    first_redraw = time.process_time()
    full_panel.redraw()
    full_panel.plot.grab()
    first_redraw_ms = (time.process_time() - first_redraw) * 1000
    if view.startswith("whole"):
        for panel in (empty_panel, full_panel):
            panel.follow_button.setChecked(False)
        empty_feeder.one()
        empty_panel._on_whole_button_clicked()
        full_panel._on_whole_button_clicked()
    empty_ms = _cycle_ms(empty_panel, empty_feeder)
    full_ms = _cycle_ms(full_panel, full_feeder)
    assert len(full_panel.history) == CAPACITY_12H
    print(f"\n[health chart, {view}] 43,200 samples appended at {append_us:.1f} µs each "
          f"(sampler, status, history, panel figures), first full redraw {first_redraw_ms:.1f} ms; "
          f"redraw cycle: empty chart {empty_ms:.2f} ms, 12 h chart {full_ms:.2f} ms, "
          f"ratio {full_ms / empty_ms:.2f}× (redraw timer every 500 ms)")


def test_sampler_cpu_per_second():
    health, feeder = _health()
    samples = 3600
    answers = [json.dumps({"requestStatus": {"result": True, "code": 100}, "responseData": d})
               for d in (feeder.status(), feeder.stats())]
    start = time.process_time()
    for _ in range(samples):
        for text in answers:
            json.loads(text)
    baseline_us = (time.process_time() - start) * 1e6 / samples
    start = time.process_time()
    for _ in range(samples):
        feeder.one()
    sample_us = (time.process_time() - start) * 1e6 / samples
    assert len(health.history) == samples
    print(f"\n[health sampler] CPU per sample (= per second of show at 1 Hz): {sample_us:.1f} µs "
          f"= {sample_us / 1e4:.4f} % of one core; decoding the two answers' JSON: "
          f"{baseline_us:.1f} µs; ratio {sample_us / baseline_us:.1f}×")
