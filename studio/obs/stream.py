"""Start/stop streaming, with OBS's real output state and the live timecode.

Polls ``GetStreamStatus`` once a second while connected; each answer is announced on ``sampled``
with the moment it arrived, so the health sampler reuses it instead of polling a second time.
"""

from __future__ import annotations

import asyncio
import enum
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from studio.errors import ObsError, ObsNotConnected
from studio.events import Signal
from studio.i18n import translate
from studio.obs.link import LinkState, LinkStatus, ObsLink
from studio.tasks import spawn

log = logging.getLogger(__name__)


class StreamPhase(enum.Enum):
    UNKNOWN = "unknown"  # not connected to OBS
    OFF = "off"
    STARTING = "starting"
    LIVE = "live"
    RECONNECTING = "reconnecting"  # OBS lost the ingest and is retrying
    STOPPING = "stopping"


TRANSITION_GRACE_S = 20.0

_OUTPUT_STATES = {
    "OBS_WEBSOCKET_OUTPUT_STARTING": StreamPhase.STARTING,
    "OBS_WEBSOCKET_OUTPUT_STARTED": StreamPhase.LIVE,
    "OBS_WEBSOCKET_OUTPUT_RECONNECTING": StreamPhase.RECONNECTING,
    "OBS_WEBSOCKET_OUTPUT_RECONNECTED": StreamPhase.LIVE,
    "OBS_WEBSOCKET_OUTPUT_STOPPING": StreamPhase.STOPPING,
    "OBS_WEBSOCKET_OUTPUT_STOPPED": StreamPhase.OFF,
}

# A check run before StartStream; raises UserError to refuse (e.g. an expired push key).
StartCheck = Callable[[], Awaitable[None]]


class StreamControl:
    def __init__(self, link: ObsLink, *, poll_interval: float = 1.0) -> None:
        self.link = link
        self.poll_interval = poll_interval
        self.phase = StreamPhase.UNKNOWN
        self.timecode = ""  # "HH:MM:SS" as OBS counts it
        self.last_status: dict[str, Any] = {}
        self.start_checks: list[StartCheck] = []
        self.changed = Signal("StreamControl.changed")
        self.sampled = Signal("StreamControl.sampled")  # (GetStreamStatus dict, monotonic seconds)
        self._poller: asyncio.Task[None] | None = None
        self._last_polled: StreamPhase | None = None
        self._phase_since = time.monotonic()
        link.connected.connect(self._on_link_connected)
        link.status_changed.connect(self._on_link_status_changed)
        link.on("StreamStateChanged", self._on_stream_state_changed)

    @property
    def is_live(self) -> bool:
        return self.phase in (StreamPhase.LIVE, StreamPhase.RECONNECTING, StreamPhase.STARTING)

    async def start(self) -> None:
        for check in self.start_checks:
            await check()
        if self.is_live:
            raise ObsError(translate("StreamControl", "OBS is already streaming."))
        self._set_phase(StreamPhase.STARTING)
        try:
            await self.link.request("StartStream")
        except ObsError:
            await self.poll_once()
            raise

    async def stop(self) -> None:
        self._set_phase(StreamPhase.STOPPING)
        try:
            await self.link.request("StopStream")
        except ObsError:
            await self.poll_once()
            raise

    async def poll_once(self) -> dict[str, Any] | None:
        try:
            status = await self.link.request("GetStreamStatus")
        except ObsNotConnected:
            return None
        received = time.monotonic()
        self.last_status = status
        self.timecode = str(status.get("outputTimecode", ""))[:8]
        if status.get("outputReconnecting"):
            polled = StreamPhase.RECONNECTING
        elif status.get("outputActive"):
            polled = StreamPhase.LIVE
        else:
            polled = StreamPhase.OFF
        # OBS's events drive the transitions; a poll overrules them only after two identical
        # readings in a row (OBS's status lags its STOPPED event by a moment: no flicker).
        # While starting or stopping, OBS's events decide (a slow ingest can take a while to
        # accept); only if no event came for a long time do the polls take over.
        in_transition = (self.phase in (StreamPhase.STARTING, StreamPhase.STOPPING)
                         and received - self._phase_since < TRANSITION_GRACE_S)
        settled = self.phase is StreamPhase.UNKNOWN or (polled == self._last_polled and not in_transition)
        self._last_polled = polled
        phase = polled if settled else self.phase
        self._set_phase(phase, force_emit=True)
        self.sampled.emit(status, received)
        return status

    async def _poll(self) -> None:
        while self.link.state is LinkState.CONNECTED:
            try:
                await self.poll_once()
            except ObsError as e:
                log.warning("stream status poll failed: %s", e)
            await asyncio.sleep(self.poll_interval)

    def _set_phase(self, phase: StreamPhase, force_emit: bool = False) -> None:
        if phase is not self.phase or force_emit:
            if phase is not self.phase:
                self._phase_since = time.monotonic()
            self.phase = phase
            self.changed.emit()

    def _on_link_connected(self) -> None:
        if self._poller is None or self._poller.done():
            self.phase = StreamPhase.OFF
            self._poller = spawn(self._poll(), name="stream-status-poll")

    def _on_link_status_changed(self, status: LinkStatus) -> None:
        if status.state is not LinkState.CONNECTED and self.phase is not StreamPhase.UNKNOWN:
            self._set_phase(StreamPhase.UNKNOWN)

    def _on_stream_state_changed(self, data: dict[str, Any]) -> None:
        phase = _OUTPUT_STATES.get(str(data.get("outputState")))
        if phase is not None:
            self._set_phase(phase)
