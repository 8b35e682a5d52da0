"""The one word a host reads from across the desk: 稳定 / 偏低 / 危险, and what to do about it.

Playbook §2 (码率监测): a clear, smooth live needs the bitrate *steadily* above 800 kbit/s;
sustained above 1200 → 超清 is safe, 800–1200 → 高清, below 800 → 标清. So:

- stable (稳定)   sustained ≥ 1200 kbit/s
- low (偏低)      sustained 800–1200: still 高清, but with no margin
- critical (危险) sustained < 800, or an outage (OBS reconnecting to the ingest, OBS gone)

It must not flicker (NOALBS's habit: change only after several readings agree):
- a *worse* level is taken only after ``degrade_after`` seconds in which every reading was worse;
- a *better* level only after ``recover_after`` seconds in which every reading cleared the
  threshold by ``margin`` (e.g. 1260 rather than 1200 to get back to stable);
- an outage is a fact, not a noisy reading: it shows at once, and after it the bitrate is watched
  for ``recover_after`` seconds before the stream is called stable again.

Time comes with each sample (``Sample.mono``, from the sampler's injected clock), so the
classifier is pure and tests drive it with any series they like.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from studio.health.sampler import Sample, SampleState
from studio.i18n import QT_TRANSLATE_NOOP, translate

LOW_KBPS = 800.0  # below: 标清, the picture stutters — critical
HIGH_KBPS = 1200.0  # at or above: 超清 is safe — stable
# The rest of the picture (OBS's own stats), sustained over the same window as the bitrate:
DROPPED_WARN_PCT, DROPPED_CRITICAL_PCT = 1.0, 5.0  # frames the network dropped
ENCODER_WARN_PCT, ENCODER_CRITICAL_PCT = 5.0, 20.0  # frames the encoder skipped (overloaded)
RENDER_WARN_PCT, RENDER_CRITICAL_PCT = 5.0, 20.0  # frames the renderer missed (lagged)
FPS_WARN_RATIO, FPS_CRITICAL_RATIO = 0.9, 0.75  # rendering fps against the canvas's own fps


class Level(enum.IntEnum):
    """Ordered from bad to good, so ``min``/``max`` pick the worse/better one."""

    CRITICAL = 0
    LOW = 1
    STABLE = 2
    IDLE = 3  # not streaming, or not judged yet: no verdict to give


class Reason(enum.Enum):
    NOT_STREAMING = "not_streaming"
    MEASURING = "measuring"  # streaming, not enough readings yet
    BITRATE = "bitrate"  # the level comes from the sustained bitrate
    RECONNECTING = "reconnecting"
    OBS_GONE = "obs_gone"
    RECOVERING = "recovering"  # back after an outage; watching the bitrate
    QUALITY = "quality"  # the bitrate is fine; drops, skips, render lag or the frame rate are not


_WORDS = {
    Level.STABLE: QT_TRANSLATE_NOOP("HealthStatus", "Stable"),
    Level.LOW: QT_TRANSLATE_NOOP("HealthStatus", "Low"),
    Level.CRITICAL: QT_TRANSLATE_NOOP("HealthStatus", "Critical"),
    Level.IDLE: QT_TRANSLATE_NOOP("HealthStatus", "Idle"),
}


@dataclass(frozen=True)
class Verdict:
    level: Level
    reason: Reason
    since: float  # monotonic seconds when this level (and reason) began
    kbps: float | None = None  # the sustained bitrate the verdict rests on (median of the window)
    problems: tuple[str, ...] = ()  # one plain line per figure that is not healthy

    @property
    def word(self) -> str:
        """稳定 / 偏低 / 危险 in Chinese; Stable / Low / Critical in English; 测量中 while measuring."""
        if self.reason is Reason.MEASURING:
            return translate("HealthStatus", "Measuring")
        return translate("HealthStatus", _WORDS[self.level])

    @property
    def advice(self) -> str:
        """What is going on and what to do, in plain words."""
        if self.reason is Reason.NOT_STREAMING:
            return translate("HealthStatus", "Not streaming. Start the stream in OBS to see its health.")
        if self.reason is Reason.MEASURING:
            return translate("HealthStatus", "Measuring the bitrate… a verdict follows in a few seconds.")
        if self.reason is Reason.RECONNECTING:
            return translate("HealthStatus", "OBS lost the connection to the platform and is reconnecting. "
                             "Check the network (cable, router); viewers see a frozen picture.")
        if self.reason is Reason.OBS_GONE:
            return translate("HealthStatus", "OBS is not answering. Check that OBS is still running; "
                             "restart it if it froze, then start the stream again.")
        if self.reason is Reason.RECOVERING:
            return translate("HealthStatus", "The stream is back. Watching the bitrate before calling "
                             "it stable.")
        kbps = "?" if self.kbps is None else f"{self.kbps:.0f}"
        if self.problems:
            return "\n".join([translate("HealthStatus", "Bitrate {kbps} kbit/s.").format(kbps=kbps),
                              *self.problems])
        if self.level is Level.STABLE:
            return translate("HealthStatus", "Bitrate steady at {kbps} kbit/s, above 1200: 超清 is safe. "
                             "Nothing to do.").format(kbps=kbps)
        if self.level is Level.LOW:
            return translate("HealthStatus", "Bitrate {kbps} kbit/s, between 800 and 1200: viewers get 高清. "
                             "Check the network; if it keeps falling, switch OBS to the 720P "
                             "settings.").format(kbps=kbps)
        return translate("HealthStatus", "Bitrate {kbps} kbit/s, below 800: the picture stutters. "
                         "Switch OBS to the 720P settings now and check the network "
                         "(a cable instead of Wi-Fi).").format(kbps=kbps)


def band(kbps: float, *, margin: float = 0.0) -> Level:
    """The level one reading points to; ``margin`` raises the bars (to climb to a better level)."""
    if kbps >= HIGH_KBPS * (1 + margin):
        return Level.STABLE
    if kbps >= LOW_KBPS * (1 + margin):
        return Level.LOW
    return Level.CRITICAL


class StatusClassifier:
    def __init__(self, *, degrade_after: float = 5.0, recover_after: float = 10.0,
                 margin: float = 0.05) -> None:
        self.degrade_after = degrade_after
        self.recover_after = recover_after
        self.margin = margin
        self._bv = Verdict(Level.IDLE, Reason.NOT_STREAMING, since=0.0)  # the bitrate's verdict
        self.verdict = self._bv  # the whole picture: bitrate and the figures below
        # The canvas's own frame rate (OBS's GetVideoSettings); None: the fps check is skipped.
        self.canvas_fps: float | None = None
        self._quality: list[tuple[float, Sample]] = []  # the last readings of the other figures
        # The readings since the bitrate last agreed with the current level: (mono, kbps).
        self._run: list[tuple[float, float]] = []
        self._window: list[tuple[float, float]] = []  # the last readings, for the verdict's figure

    def update(self, sample: Sample) -> Verdict:
        """Take one sample; returns the verdict (the same object when nothing changed).

        Stable means the whole picture is healthy: after the bitrate's own verdict, the network
        drops, encoder skips, render lag and the frame rate against the canvas's are each checked
        over the last ``degrade_after`` seconds; each one that is not healthy lowers the level and
        adds its own plain line to ``problems``.
        """
        bitrate = self._update_bitrate(sample)
        # Only readings once the bitrate is judged: the first seconds of a stream (OBS warming up)
        # and those after an outage say nothing about the studio's machine.
        if sample.state is SampleState.LIVE and bitrate.reason is Reason.BITRATE:
            self._quality.append((sample.mono, sample))
            while self._quality and sample.mono - self._quality[0][0] > self.degrade_after:
                self._quality.pop(0)
        else:
            self._quality.clear()
        self.verdict = self._combine(bitrate)
        return self.verdict

    @property
    def bitrate_verdict(self) -> Verdict:
        """The verdict of the bitrate alone (``verdict`` adds the other figures)."""
        return self._bv

    def quality_problems(self) -> list[tuple[Level, str]]:
        """(level, plain line) for each figure that is sustained outside its healthy range."""
        readings = [s for _, s in self._quality]
        if len(readings) < 3 or readings[-1].mono - readings[0].mono < self.degrade_after * 0.8:
            return []
        found: list[tuple[Level, str]] = []

        def median_of(name: str) -> float | None:
            values = [getattr(s, name) for s in readings if getattr(s, name) is not None]
            return _median(values) if len(values) >= 3 else None

        for name, warn, critical, line in (
                ("dropped_pct", DROPPED_WARN_PCT, DROPPED_CRITICAL_PCT, QT_TRANSLATE_NOOP(
                    "HealthStatus", "Network drops: {value:.1f} % of frames did not reach the platform. "
                    "Check the network (a cable instead of Wi-Fi) or lower the bitrate.")),
                ("encoder_skipped_pct", ENCODER_WARN_PCT, ENCODER_CRITICAL_PCT, QT_TRANSLATE_NOOP(
                    "HealthStatus", "Encoder overloaded: {value:.1f} % of frames skipped. Switch OBS to the "
                    "720P settings or a faster x264 preset, and close other programs.")),
                ("render_lag_pct", RENDER_WARN_PCT, RENDER_CRITICAL_PCT, QT_TRANSLATE_NOOP(
                    "HealthStatus", "Render lag: OBS missed {value:.1f} % of frames. Remove heavy sources or "
                    "filters, and close other programs (games, video in a browser).")),
        ):
            value = median_of(name)
            if value is not None and value >= warn:
                found.append((Level.CRITICAL if value >= critical else Level.LOW,
                              translate("HealthStatus", line).format(value=value)))
        fps = median_of("fps")
        if fps is not None and self.canvas_fps:
            ratio = fps / self.canvas_fps
            if ratio < FPS_WARN_RATIO:
                found.append((Level.CRITICAL if ratio < FPS_CRITICAL_RATIO else Level.LOW, translate(
                    "HealthStatus", "Frame rate {fps:.0f} fps on a {canvas:.0f} fps canvas: the picture "
                    "stutters. Lighten the scene (fewer sources) and close other programs.").format(
                        fps=fps, canvas=self.canvas_fps)))
        return found

    def _combine(self, bitrate: Verdict) -> Verdict:
        if bitrate.reason is not Reason.BITRATE:
            return bitrate
        found = self.quality_problems()
        if not found:
            return bitrate
        level = min(bitrate.level, min(level for level, _ in found))
        problems = tuple(line for _, line in found)
        reason = Reason.QUALITY if level < bitrate.level else bitrate.reason
        old = self.verdict
        if (old.level, old.reason, old.problems) == (level, reason, problems):
            return old if old.kbps == bitrate.kbps else Verdict(level, reason, old.since, bitrate.kbps, problems)
        return Verdict(level, reason, bitrate.since if reason is bitrate.reason else self._quality[-1][0],
                       bitrate.kbps, problems)

    def _update_bitrate(self, sample: Sample) -> Verdict:
        t = sample.mono
        if sample.state is SampleState.OFF:
            self._run.clear()
            self._window.clear()
            return self._set(Level.IDLE, Reason.NOT_STREAMING, t)
        if sample.state.is_outage:
            self._run.clear()
            self._window.clear()
            reason = Reason.RECONNECTING if sample.state is SampleState.RECONNECTING else Reason.OBS_GONE
            return self._set(Level.CRITICAL, reason, t)
        if sample.kbps is None:  # a new baseline after a start or a reconnect: nothing measured
            if self._bv.reason in (Reason.NOT_STREAMING, Reason.OBS_GONE, Reason.RECONNECTING):
                after_outage = self._bv.reason is not Reason.NOT_STREAMING
                return self._set(Level.CRITICAL if after_outage else Level.IDLE,
                                 Reason.RECOVERING if after_outage else Reason.MEASURING, t)
            return self._bv
        self._window.append((t, sample.kbps))
        self._trim(self._window, t, max(self.degrade_after, self.recover_after))
        current = self._bv
        if current.reason in (Reason.NOT_STREAMING, Reason.MEASURING):
            return self._first_judgement(t, sample.kbps)
        if current.reason in (Reason.RECONNECTING, Reason.OBS_GONE):
            # The first reading after an outage: back, but not trusted yet.
            self._run = [(t, sample.kbps)]
            return self._set(Level.CRITICAL, Reason.RECOVERING, t)
        level = current.level
        worse = band(sample.kbps) < level
        better = band(sample.kbps, margin=self.margin) > level
        if not (worse or better):
            self._run.clear()
            if current.reason is Reason.RECOVERING:
                return self._keep_after_recovery(t)
            return self._refresh_figure(current)
        if self._run and (band(self._run[-1][1]) < level) != worse:
            self._run.clear()  # the readings changed direction: start counting again
        self._run.append((t, sample.kbps))
        needed = self.degrade_after if worse else self.recover_after
        if t - self._run[0][0] < needed:
            return self._refresh_figure(current)
        if worse:
            # Every reading in the run was worse; the new level is the best of them.
            new = max(band(k) for _, k in self._run)
        else:
            new = min(band(k, margin=self.margin) for _, k in self._run)
        self._run.clear()
        return self._set(new, Reason.BITRATE, t)

    def _first_judgement(self, t: float, kbps: float) -> Verdict:
        self._run.append((t, kbps))
        if self._bv.reason is not Reason.MEASURING:
            self._set(Level.IDLE, Reason.MEASURING, t)
        if t - self._run[0][0] < self.degrade_after:
            return self._bv
        level = band(_median([k for _, k in self._run]))
        self._run.clear()
        return self._set(level, Reason.BITRATE, t)

    def _keep_after_recovery(self, t: float) -> Verdict:
        # Back from an outage, but the bitrate does not clear 800 (+ margin): after a while say that
        # the bitrate is the problem now, not the outage.
        run_start = self._bv.since
        if t - run_start >= self.degrade_after:
            return self._set(Level.CRITICAL, Reason.BITRATE, t)
        return self._bv

    def _refresh_figure(self, current: Verdict) -> Verdict:
        kbps = self._window_kbps()
        if kbps is None or (current.kbps is not None and abs(kbps - current.kbps) < 0.5):
            return current
        self._bv = Verdict(current.level, current.reason, current.since, kbps)
        return self._bv

    def _set(self, level: Level, reason: Reason, t: float) -> Verdict:
        if (level, reason) != (self._bv.level, self._bv.reason):
            self._bv = Verdict(level, reason, since=t, kbps=self._window_kbps())
        else:
            self._refresh_figure(self._bv)
        return self._bv

    def _window_kbps(self) -> float | None:
        if not self._window:
            return None
        recent = self._window[-1][0] - self.degrade_after
        return _median([k for t, k in self._window if t >= recent])

    @staticmethod
    def _trim(readings: list[tuple[float, float]], now: float, keep: float) -> None:
        while readings and now - readings[0][0] > keep:
            readings.pop(0)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
