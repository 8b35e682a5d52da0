"""Turn OBS's stream counters into health samples: kbit/s, dropped frames, lag, outages.

The bitrate is Δ``outputBytes`` × 8 ÷ Δ``outputDuration`` (milliseconds, OBS's own count of the
time the output ran), never ÷ the wall time between two polls: a poll that arrives late or early
would otherwise show a spike or a dip that never happened on the wire (notes/real-obs-lab.md:
÷ an assumed 1 s gave +14 % on average and a spread of 483 kbit/s; ÷ outputDuration 0.9).

``GetStreamStatus`` is already polled once a second by ``StreamControl``; the sampler listens to
its ``sampled`` signal instead of asking OBS a second time, and adds one ``GetStats`` per sample
for the figures only OBS's stats know (encoder skipped frames, render lag, CPU, FPS).

An outage is its own sample state, never a bitrate of zero: OBS reconnecting to the ingest
(``outputReconnecting``) or OBS itself gone (the link is down). While a show is on air and OBS is
gone, the sampler records one "OBS gone" sample a second from its own clock, so the chart and the
saved history show how long it lasted.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from studio.errors import ObsError
from studio.events import Signal
from studio.obs.link import LinkState, LinkStatus, ObsLink
from studio.obs.stream import StreamControl
from studio.tasks import spawn

log = logging.getLogger(__name__)

Clock = Callable[[], float]

# Two polls closer than this in OBS's own time carry no usable bitrate (a frame or two): the poll
# is skipped and the next one measures over the whole span since the last sample.
MIN_SPAN_MS = 250.0


class SampleState(enum.Enum):
    LIVE = "live"  # streaming; the figures were measured
    RECONNECTING = "reconnecting"  # OBS lost the ingest and is retrying
    OBS_GONE = "obs_gone"  # no connection to OBS while a show was on air
    OFF = "off"  # OBS answers and is not streaming

    @property
    def is_outage(self) -> bool:
        return self in (SampleState.RECONNECTING, SampleState.OBS_GONE)


@dataclass(frozen=True, slots=True)
class Sample:
    """One health reading. ``None`` means "not measured in this sample" (never zero)."""

    time: float  # wall clock, Unix seconds (for the chart, the CLI and the saved history)
    mono: float  # monotonic seconds (for windows and hysteresis)
    state: SampleState
    kbps: float | None = None  # Δbytes × 8 ÷ Δ OBS output time (ms) = kbit/s
    dropped_pct: float | None = None  # network-dropped frames in this interval, % of frames sent
    dropped_frames: int | None = None  # network-dropped frames since the stream started (OBS's count)
    total_frames: int | None = None  # frames the stream output handled since it started
    congestion: float | None = None  # OBS's output congestion, 0…1
    encoder_skipped_pct: float | None = None  # frames the encoder skipped (overloaded), % of interval
    render_lag_pct: float | None = None  # frames the renderer missed (lagged), % of interval
    render_ms: float | None = None  # average time OBS needs to render a frame, ms
    cpu_pct: float | None = None  # OBS's CPU usage, % of one core as OBS reports it
    fps: float | None = None  # OBS's current rendering FPS

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-friendly fields (the CLI's --json and the saved history use this)."""
        return {
            "time": round(self.time, 3),
            "state": self.state.value,
            "kbps": _round(self.kbps, 1),
            "dropped_pct": _round(self.dropped_pct, 3),
            "dropped_frames": self.dropped_frames,
            "total_frames": self.total_frames,
            "congestion": _round(self.congestion, 4),
            "encoder_skipped_pct": _round(self.encoder_skipped_pct, 3),
            "render_lag_pct": _round(self.render_lag_pct, 3),
            "render_ms": _round(self.render_ms, 3),
            "cpu_pct": _round(self.cpu_pct, 2),
            "fps": _round(self.fps, 2),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sample:
        """The inverse of ``as_dict`` (the review reads saved samples back; ``mono`` is not kept)."""

        def opt(name: str) -> float | None:
            value = data.get(name)
            return None if value is None else float(value)

        def opt_int(name: str) -> int | None:
            value = data.get(name)
            return None if value is None else int(value)

        return cls(time=float(data["time"]), mono=float(data.get("mono", data["time"])),
                   state=SampleState(data["state"]), kbps=opt("kbps"),
                   dropped_pct=opt("dropped_pct"), dropped_frames=opt_int("dropped_frames"),
                   total_frames=opt_int("total_frames"), congestion=opt("congestion"),
                   encoder_skipped_pct=opt("encoder_skipped_pct"),
                   render_lag_pct=opt("render_lag_pct"), render_ms=opt("render_ms"),
                   cpu_pct=opt("cpu_pct"), fps=opt("fps"))


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _ratio_pct(part: float, whole: float) -> float | None:
    return part * 100.0 / whole if whole > 0 and part >= 0 else None


@dataclass(frozen=True, slots=True)
class _StreamCounters:
    bytes: int
    duration_ms: float
    skipped: int
    total: int


@dataclass(frozen=True, slots=True)
class _StatsCounters:
    render_skipped: int
    render_total: int
    output_skipped: int
    output_total: int


class SampleMaker:
    """The pure arithmetic: GetStreamStatus (+ GetStats) answers in, samples out. No I/O.

    Counters are compared only between two consecutive *live* answers: after a reconnect OBS starts
    its byte and frame counters again, so the first live answer after an outage is a new baseline.
    """

    def __init__(self) -> None:
        self._last: _StreamCounters | None = None
        self._last_stats: _StatsCounters | None = None

    def reset(self) -> None:
        self._last = None
        self._last_stats = None

    def make(self, status: dict[str, Any], mono: float, wall: float,
             stats: dict[str, Any] | None = None) -> Sample | None:
        """A sample for this answer, or ``None`` when it is too close to the last one to say anything."""
        if status.get("outputReconnecting"):
            self._last = None
            return Sample(wall, mono, SampleState.RECONNECTING, **self._stats_fields(stats))
        if not status.get("outputActive"):
            self.reset()
            return Sample(wall, mono, SampleState.OFF)
        now = _StreamCounters(
            bytes=int(status.get("outputBytes", 0)),
            duration_ms=float(status.get("outputDuration", 0)),
            skipped=int(status.get("outputSkippedFrames", 0)),
            total=int(status.get("outputTotalFrames", 0)))
        last = self._last
        kbps = dropped_pct = None
        if last is not None:
            span_ms = now.duration_ms - last.duration_ms
            if now.bytes < last.bytes or now.total < last.total or span_ms < 0:
                last = None  # OBS restarted its counters: this answer is a new baseline
            elif span_ms < MIN_SPAN_MS:
                return None  # keep the old baseline: the next poll measures the whole span
            else:
                kbps = (now.bytes - last.bytes) * 8.0 / span_ms
                dropped_pct = _ratio_pct(now.skipped - last.skipped, now.total - last.total)
        self._last = now
        congestion = status.get("outputCongestion")
        return Sample(wall, mono, SampleState.LIVE, kbps=kbps, dropped_pct=dropped_pct,
                      dropped_frames=now.skipped, total_frames=now.total,
                      congestion=None if congestion is None else float(congestion),
                      **self._stats_fields(stats))

    def _stats_fields(self, stats: dict[str, Any] | None) -> dict[str, Any]:
        if not stats:
            return {}
        now = _StatsCounters(
            render_skipped=int(stats.get("renderSkippedFrames", 0)),
            render_total=int(stats.get("renderTotalFrames", 0)),
            output_skipped=int(stats.get("outputSkippedFrames", 0)),
            output_total=int(stats.get("outputTotalFrames", 0)))
        last = self._last_stats
        self._last_stats = now
        fields: dict[str, Any] = {
            "render_ms": _float_or_none(stats.get("averageFrameRenderTime")),
            "cpu_pct": _float_or_none(stats.get("cpuUsage")),
            "fps": _float_or_none(stats.get("activeFps")),
        }
        if last is not None and now.render_total >= last.render_total \
                and now.output_total >= last.output_total:
            fields["render_lag_pct"] = _ratio_pct(now.render_skipped - last.render_skipped,
                                                  now.render_total - last.render_total)
            fields["encoder_skipped_pct"] = _ratio_pct(now.output_skipped - last.output_skipped,
                                                       now.output_total - last.output_total)
        return fields

    def gone(self, mono: float, wall: float) -> Sample:
        self.reset()
        return Sample(wall, mono, SampleState.OBS_GONE)


def _float_or_none(value: Any) -> float | None:
    return None if value is None else float(value)


class HealthSampler:
    """Listens to ``StreamControl.sampled``, adds GetStats, and announces ``sampled(Sample)``.

    Clocks are injected (tests drive them); ``gone_interval`` is how often an "OBS gone" sample is
    recorded while a show was on air and the link is down.
    """

    def __init__(self, link: ObsLink, stream: StreamControl, *, clock: Clock = time.monotonic,
                 wall_clock: Clock = time.time, gone_interval: float = 1.0,
                 with_stats: bool = True) -> None:
        self.link = link
        self.stream = stream
        self.clock = clock
        self.wall_clock = wall_clock
        self.gone_interval = gone_interval
        self.with_stats = with_stats
        self.maker = SampleMaker()
        self.last: Sample | None = None
        self.on_air = False  # a show is running: live or in an outage, not stopped on purpose
        self.sampled = Signal("HealthSampler.sampled")  # (Sample)
        self._lock = asyncio.Lock()  # samples are completed in the order OBS's answers arrived
        self._pending: set[asyncio.Task[None]] = set()
        self._gone_ticker: asyncio.Task[None] | None = None
        stream.sampled.connect(self._on_stream_sampled)
        link.status_changed.connect(self._on_link_status_changed)

    # ----- feeding -----------------------------------------------------------------------------
    def feed(self, status: dict[str, Any], mono: float, stats: dict[str, Any] | None = None) -> Sample | None:
        """Make and announce the sample for one GetStreamStatus answer (sync; tests call it)."""
        sample = self.maker.make(status, mono, self.wall_clock(), stats)
        if sample is not None:
            self._announce(sample)
        return sample

    def feed_gone(self) -> Sample:
        """Record one "OBS gone" sample now (the ticker calls this while the link is down)."""
        sample = self.maker.gone(self.clock(), self.wall_clock())
        self._announce(sample)
        return sample

    async def drain(self) -> None:
        """Wait until every answer received so far has become a sample (the CLI uses this)."""
        while self._pending:
            await asyncio.gather(*list(self._pending), return_exceptions=True)

    def _announce(self, sample: Sample) -> None:
        if sample.state is SampleState.OFF:
            self.on_air = False
        elif sample.state in (SampleState.LIVE, SampleState.RECONNECTING):
            self.on_air = True
        self.last = sample
        self.sampled.emit(sample)

    # ----- wiring ------------------------------------------------------------------------------
    def _on_stream_sampled(self, status: dict[str, Any], received: float) -> None:
        task = spawn(self._complete(status, received), name="health-sample")
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def _complete(self, status: dict[str, Any], received: float) -> None:
        async with self._lock:
            stats = await self._fetch_stats() if status.get("outputActive") else None
            self.feed(status, received, stats)

    async def _fetch_stats(self) -> dict[str, Any] | None:
        if not self.with_stats:
            return None
        try:
            return await self.link.request("GetStats")
        except ObsError as e:  # the bitrate still counts; the stats figures are simply missing
            log.debug("GetStats failed: %s", e)
            return None

    def _on_link_status_changed(self, status: LinkStatus) -> None:
        if status.state is LinkState.CONNECTED:
            if self._gone_ticker is not None:
                self._gone_ticker.cancel()
                self._gone_ticker = None
            return
        if self.on_air and (self._gone_ticker is None or self._gone_ticker.done()):
            self._gone_ticker = spawn(self._tick_gone(), name="health-obs-gone")

    async def _tick_gone(self) -> None:
        while self.link.state is not LinkState.CONNECTED:
            self.feed_gone()
            await asyncio.sleep(self.gone_interval)

    def close(self) -> None:
        if self._gone_ticker is not None:
            self._gone_ticker.cancel()
            self._gone_ticker = None
