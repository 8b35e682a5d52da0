"""The whole show's health in memory: a fixed-size ring buffer of samples, plus markers.

12 h (the platform's longest live, playbook §2) at one sample a second is 43,200 samples. Each
column is kept twice over in a numpy array of 2 × capacity, every value written at ``i`` and
``i + capacity``: the samples in time order are then always one contiguous slice, a view with
no reassembling of two halves however often the chart asks (pyqtgraph has no append API: the
chart calls ``setData`` from a timer). A view is live: the next append may change its first value
once the ring is full, so a reader that keeps it (the chart) takes a copy.

Markers tie a moment to what happened on the show: scene switches and reconnects now, product
pushes and lotteries later. Any module adds one with ``history.add_marker(kind, label)``. Markers
and outage spans leave with their samples: once the ring is full, whatever lies before the oldest
kept sample is dropped, so a 24 h show holds (and the chart draws) no more than a 12 h one.
``markers_version`` moves whenever the markers change (added, dropped, cleared).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from studio.events import Signal
from studio.health.sampler import Sample, SampleState

CAPACITY_12H = 12 * 60 * 60  # 43,200: 12 h at 1 Hz
MAX_MARKERS = 10_000  # a marker a minute for 12 h is 720; this only bounds a runaway caller

FloatArray = npt.NDArray[np.float64]

STATE_CODES = {state: code for code, state in enumerate(SampleState)}


class MarkerKind:
    """Known kinds; any other string is allowed too (a module may bring its own)."""

    SCENE = "scene"
    RECONNECT = "reconnect"  # OBS lost the ingest
    RECOVERED = "recovered"  # the stream is back
    OBS_GONE = "obs_gone"
    STREAM_STARTED = "stream_started"
    STREAM_STOPPED = "stream_stopped"
    PRODUCT = "product"  # later: a product pushed on screen (商品上屏)
    LOTTERY = "lottery"  # later: a lottery started or drawn


@dataclass(frozen=True)
class Marker:
    time: float  # wall clock, Unix seconds (the chart's x axis)
    kind: str
    label: str  # shown on the chart as is: pass translated text


@dataclass
class OutageSpan:
    start: float  # wall clock of the first outage sample
    end: float  # wall clock of the last outage sample so far
    state: SampleState


class HealthHistory:
    """Samples in time order (the newest ``capacity``), markers and outage spans.

    Columns as arrays (NaN where a figure was not measured): ``times()`` and ``column(name)``.
    """

    COLUMNS = ("kbps", "dropped_pct", "congestion", "encoder_skipped_pct", "render_lag_pct",
               "cpu_pct", "fps")

    def __init__(self, capacity: int = CAPACITY_12H, *, wall_clock: Callable[[], float] = time.time) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self.wall_clock = wall_clock
        self._time = np.full(2 * capacity, np.nan)
        self._state = np.zeros(2 * capacity, dtype=np.int8)
        self._columns = {name: np.full(2 * capacity, np.nan) for name in self.COLUMNS}
        self._start = 0  # index of the oldest sample kept
        self._count = 0
        self.appended = 0  # samples ever appended (the chart redraws when this moves)
        self._last_state: SampleState | None = None
        self.markers: deque[Marker] = deque(maxlen=MAX_MARKERS)
        self.outages: deque[OutageSpan] = deque(maxlen=MAX_MARKERS)
        self.marker_added = Signal("HealthHistory.marker_added")  # (Marker)
        self.markers_version = 0  # moves on every change of ``markers``: the chart redraws them

    def __len__(self) -> int:
        return self._count

    # ----- samples -----------------------------------------------------------------------------
    def append(self, sample: Sample) -> None:
        if self._count < self.capacity:
            slot = (self._start + self._count) % self.capacity
            self._count += 1
        else:  # full: the oldest sample makes room
            slot = self._start
            self._start = (self._start + 1) % self.capacity
        self._write(slot, sample)
        self.appended += 1
        self._track_outage(sample, self._last_state)
        self._last_state = sample.state
        if self._count == self.capacity:
            self._drop_before(float(self._time[self._start]))

    def _drop_before(self, oldest: float) -> None:
        """Markers and outage spans whose samples have left the ring leave with them."""
        dropped = False
        while self.markers and self.markers[0].time < oldest:
            self.markers.popleft()
            dropped = True
        while self.outages and self.outages[0].end < oldest:
            self.outages.popleft()
        if dropped:
            self.markers_version += 1

    def _write(self, slot: int, sample: Sample) -> None:
        code = STATE_CODES[sample.state]
        for index in (slot, slot + self.capacity):
            self._time[index] = sample.time
            self._state[index] = code
            for name, column in self._columns.items():
                value = getattr(sample, name)
                column[index] = np.nan if value is None else value

    def _track_outage(self, sample: Sample, previous: SampleState | None) -> None:
        if not sample.state.is_outage:
            return
        if self.outages and previous is sample.state:
            self.outages[-1].end = sample.time
        else:
            self.outages.append(OutageSpan(sample.time, sample.time, sample.state))

    def _ordered(self, array: npt.NDArray[np.generic]) -> npt.NDArray[np.generic]:
        return array[self._start:self._start + self._count]

    def times(self) -> FloatArray:
        """Wall-clock times of the kept samples, oldest first (a view: do not write to it)."""
        return self._ordered(self._time)  # type: ignore[return-value]

    def column(self, name: str) -> FloatArray:
        """One figure for the kept samples, oldest first; NaN where it was not measured (a view)."""
        return self._ordered(self._columns[name])  # type: ignore[return-value]

    def states(self) -> npt.NDArray[np.int8]:
        return self._ordered(self._state)  # type: ignore[return-value]

    def kbps_for_chart(self) -> FloatArray:
        """Bitrate with outages and off-air gaps as NaN, so the chart breaks the line there."""
        return self.column("kbps")

    def clear(self) -> None:
        self._start = self._count = 0
        self._last_state = None
        self.markers.clear()
        self.outages.clear()
        self.markers_version += 1

    # ----- markers -----------------------------------------------------------------------------
    def add_marker(self, kind: str, label: str, at: float | None = None) -> Marker:
        """Mark a moment of the show on the chart (``at``: wall-clock seconds, default now)."""
        marker = Marker(self.wall_clock() if at is None else at, kind, label)
        self.markers.append(marker)
        self.markers_version += 1
        self.marker_added.emit(marker)
        return marker

    def markers_between(self, start: float, end: float) -> list[Marker]:
        return [m for m in self.markers if start <= m.time <= end]
