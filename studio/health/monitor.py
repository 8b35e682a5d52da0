"""Stream health as one core object: sampler → status classifier → history (+ the show's file).

The GUI's health panel and the CLI take a ``StreamHealth``; it listens to the OBS link and
``StreamControl`` and announces ``changed`` after every sample. It also puts on the chart what the
samples and OBS tell about the show: the stream starting and stopping, reconnects, OBS gone, scene
switches. Other modules add their own moments with ``health.history.add_marker(kind, label)``.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from studio.events import Signal
from studio.health.history import HealthHistory, Marker, MarkerKind
from studio.health.record import HealthRecorder
from studio.health.sampler import Clock, HealthSampler, Sample, SampleState
from studio.health.status import StatusClassifier, Verdict
from studio.i18n import translate
from studio.obs.link import ObsLink
from studio.obs.stream import StreamControl


class StreamHealth:
    def __init__(self, link: ObsLink, stream: StreamControl, *,
                 history: HealthHistory | None = None,
                 classifier: StatusClassifier | None = None,
                 recorder: HealthRecorder | None = None, record: bool = True,
                 clock: Clock = time.monotonic, wall_clock: Clock = time.time,
                 with_stats: bool = True) -> None:
        self.sampler = HealthSampler(link, stream, clock=clock, wall_clock=wall_clock,
                                     with_stats=with_stats)
        self.classifier = classifier or StatusClassifier()
        self.history = history or HealthHistory(wall_clock=wall_clock)
        if recorder is None and record:
            recorder = HealthRecorder(wall_clock=wall_clock)
        self.recorder = recorder
        self.last: Sample | None = None
        self.changed = Signal("StreamHealth.changed")  # () after every sample
        self.verdict_changed = Signal("StreamHealth.verdict_changed")  # (Verdict) on a new level/reason
        self.sampler.sampled.connect(self._on_sampler_sampled)
        self.history.marker_added.connect(self._on_history_marker_added)
        link.on("CurrentProgramSceneChanged", self._on_obs_scene_changed)

    @property
    def verdict(self) -> Verdict:
        return self.classifier.verdict

    @property
    def problem(self) -> str | None:
        """Plain words when the samples cannot be saved (the chart works regardless)."""
        return self.recorder.problem if self.recorder else None

    def add_marker(self, kind: str, label: str, at: float | None = None) -> Marker:
        """Mark a moment of the show (product pushed, lottery drawn …) on the chart and in the file."""
        return self.history.add_marker(kind, label, at)

    async def close(self) -> None:
        self.sampler.close()
        if self.recorder is not None:
            await asyncio.to_thread(self.recorder.close)

    # ----- samples -----------------------------------------------------------------------------
    def _on_sampler_sampled(self, sample: Sample) -> None:
        before = self.last.state if self.last else SampleState.OFF
        now = sample.state
        on_air_before = before is not SampleState.OFF
        if now is not SampleState.OFF:
            if not on_air_before:
                if self.recorder is not None:
                    self.recorder.begin(sample.time)
                self.history.add_marker(MarkerKind.STREAM_STARTED,
                                        translate("StreamHealth", "Stream started"), sample.time)
            elif now is not before:
                self._mark_change(before, now, sample.time)
            self._keep(sample)
        elif on_air_before:
            self._keep(sample)  # one off-air sample, so the chart breaks the line here
            self.history.add_marker(MarkerKind.STREAM_STOPPED, translate("StreamHealth", "Stream stopped"),
                                    sample.time)
            if self.recorder is not None:
                self.recorder.end()
        self.last = sample
        old = self.classifier.verdict
        new = self.classifier.update(sample)
        if (new.level, new.reason) != (old.level, old.reason):
            self.verdict_changed.emit(new)
        self.changed.emit()

    def _keep(self, sample: Sample) -> None:
        self.history.append(sample)
        if self.recorder is not None:
            self.recorder.write_sample(sample)

    def _mark_change(self, before: SampleState, now: SampleState, at: float) -> None:
        if now is SampleState.RECONNECTING:
            self.history.add_marker(MarkerKind.RECONNECT,
                                    translate("StreamHealth", "OBS reconnecting to the platform"), at)
        elif now is SampleState.OBS_GONE:
            self.history.add_marker(MarkerKind.OBS_GONE, translate("StreamHealth", "OBS not answering"), at)
        elif now is SampleState.LIVE and before.is_outage:
            self.history.add_marker(MarkerKind.RECOVERED, translate("StreamHealth", "Stream back"), at)

    # ----- markers -----------------------------------------------------------------------------
    def _on_history_marker_added(self, marker: Marker) -> None:
        if self.recorder is not None:
            self.recorder.write_marker(marker)

    def _on_obs_scene_changed(self, data: dict[str, Any]) -> None:
        name = data.get("sceneName")
        if name:
            self.history.add_marker(MarkerKind.SCENE, str(name))
