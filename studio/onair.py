"""One truth for what is on air: OBS's link, the stream, its health and the show, as one state.

Every panel that shows the stream's or the show's state reads ``OnAir`` (never its own copy), so
two panels can never disagree::

    onair = OnAir(link, stream, health, show_controller)   # core.onair
    onair.state      # "obs_offline" | "off" | "starting" | "live" | "reconnecting" |
                     # "obs_gone_while_live" | "stopping" | "show_running_stream_off"
    onair.severity   # "ok" | "warn" | "alarm" | "idle"
    onair.text       # plain words: what is on air
    onair.advice     # what to do
    onair.health_word  # the health panel's big word (稳定 / 偏低 / 危险 / 测量中 / 空闲)
    onair.stream_seconds  # stream time, kept across an OBS restart
    onair.changed.connect(render)

Rules (issue 12):
- While a show is running (or the stream was on air and nobody stopped it) and the stream is not,
  that is an alarm with what to do — never "idle".
- OBS gone while on air is an alarm, with what to do; when OBS is back the stream time goes on from
  where it was, not from zero.
- From the first second of a stream the health says "measuring", never "idle".

It also writes what happens to the stream into the show log, with the step on air: stream
started/stopped, OBS disconnected/reconnected, scene switched, health changed.
"""

from __future__ import annotations

import asyncio
import logging
import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from studio.events import Signal
from studio.i18n import translate
from studio.obs.link import LinkState, LinkStatus, ObsLink
from studio.obs.stream import StreamControl, StreamPhase
from studio.tasks import spawn

if TYPE_CHECKING:
    from studio.health.monitor import StreamHealth
    from studio.health.status import Verdict
    from studio.show.session import ShowController

log = logging.getLogger(__name__)

Clock = Callable[[], float]

STATES = ("obs_offline", "off", "starting", "live", "reconnecting", "obs_gone_while_live", "stopping",
          "show_running_stream_off")
ON_AIR_STATES = ("live", "reconnecting")  # viewers get a picture (or a frozen one while reconnecting)

_BY_LINK: weakref.WeakKeyDictionary[ObsLink, OnAir] = weakref.WeakKeyDictionary()
_BY_SHOW: weakref.WeakKeyDictionary[Any, OnAir] = weakref.WeakKeyDictionary()


class OnAir:
    def __init__(self, link: ObsLink, stream: StreamControl, health: StreamHealth | None = None,
                 show_controller: ShowController | None = None, *, clock: Clock = time.time) -> None:
        self.link = link
        self.stream = stream
        self.health = health
        self.show_controller = show_controller
        self.clock = clock
        self.changed = Signal("OnAir.changed")
        self.state = "obs_offline"
        self.severity = "warn"
        self.text = ""
        self.advice = ""
        self.health_word = ""
        self.notice = ""  # what the console changed in OBS after a reconnect, in plain words
        self.health_severity = "idle"
        # On air: the stream went live and nobody stopped it on purpose (an OBS crash keeps it).
        self._on_air = False
        self._stopping_on_purpose = False
        self._started_at: float | None = None  # wall clock of the first "live" of this on-air period
        self._frozen_seconds = 0.0  # the last period's time, shown after a stop
        self._was_connected = False
        self._last_logged_health: tuple[str, str] | None = None
        self._session_hooked: object | None = None
        self._last_state = "obs_offline"
        self._updating = False
        _BY_LINK[link] = self
        if show_controller is not None:
            _BY_SHOW[show_controller] = self
        link.status_changed.connect(self._on_link_status_changed)
        link.connected.connect(self._on_link_connected)
        stream.changed.connect(self._on_stream_changed)
        link.on("CurrentProgramSceneChanged", self._on_program_scene_changed)
        if health is not None:
            health.changed.connect(self._update)
        if show_controller is not None:
            show_controller.changed.connect(self._on_show_changed)
        self._update()

    @classmethod
    def of(cls, link: ObsLink, stream: StreamControl | None = None,
           health: StreamHealth | None = None) -> OnAir:
        """The OnAir of this OBS link (the core's); a panel used on its own gets one of its own."""
        found = _BY_LINK.get(link)
        if found is None:
            return cls(link, stream or StreamControl(link), health)
        if found.health is None and health is not None:
            found.health = health
            health.changed.connect(found._update)
            found._update()
        return found

    @staticmethod
    def for_show(show_controller: Any) -> OnAir | None:
        """The OnAir that watches this show controller (the core's), if any."""
        return _BY_SHOW.get(show_controller)

    # ----- reading -------------------------------------------------------------------------------
    @property
    def on_air(self) -> bool:
        """Viewers get the stream now (live, or OBS retrying the ingest)."""
        return self.state in ON_AIR_STATES

    @property
    def show_running(self) -> bool:
        controller = self.show_controller
        session = controller.session if controller is not None else None
        return session is not None and session.rundown.live

    @property
    def stream_seconds(self) -> float:
        """Stream time of this on-air period: from the first "live", across OBS restarts."""
        if self._started_at is None:
            return self._frozen_seconds
        return max(0.0, self.clock() - self._started_at)

    def stream_time_text(self) -> str:
        seconds = int(self.stream_seconds)
        return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"

    def on_air_step(self) -> dict[str, Any]:
        """The step on air, for the show log (empty when no show runs)."""
        controller = self.show_controller
        session = controller.session if controller is not None else None
        if session is None:
            return {}
        current = session.rundown.current
        return {"on_air_step": current.id if current else None,
                "on_air_title": current.title if current else None}

    # ----- the state -------------------------------------------------------------------------------
    def _compute(self) -> str:
        connected = self.link.state is LinkState.CONNECTED
        phase = self.stream.phase
        if not connected or phase is StreamPhase.UNKNOWN:
            if self._on_air or self.show_running:
                return "obs_gone_while_live"
            return "obs_offline"
        if phase is StreamPhase.STARTING:
            return "starting"
        if phase is StreamPhase.LIVE:
            return "live"
        if phase is StreamPhase.RECONNECTING:
            return "reconnecting"
        if phase is StreamPhase.STOPPING:
            return "stopping"
        if self.show_running or self._on_air:
            return "show_running_stream_off"
        return "off"

    def _follow_stream(self) -> None:
        """Keep the on-air period and its clock in step with what OBS reports."""
        phase = self.stream.phase
        connected = self.link.state is LinkState.CONNECTED
        now = self.clock()
        if phase in (StreamPhase.LIVE, StreamPhase.RECONNECTING):
            if not self._on_air:
                self._on_air = True
                self._stopping_on_purpose = False
                if self._started_at is None:
                    self._started_at = now
            obs_seconds = _timecode_seconds(self.stream.timecode)
            # The console opened while OBS was already streaming: OBS's own count is the longer one.
            if obs_seconds and self._started_at is not None and now - obs_seconds < self._started_at - 2:
                self._started_at = now - obs_seconds
        elif phase is StreamPhase.STOPPING:
            self._stopping_on_purpose = True
        elif phase is StreamPhase.OFF and connected and self._on_air and self._stopping_on_purpose:
            # Stopped on purpose: the on-air period is over. A stream that stopped by itself (OBS
            # killed and restarted) keeps it, and the alarm, until it is back or stopped on purpose.
            self._end_period()

    @property
    def can_acknowledge(self) -> bool:
        """The stream stopped by itself and no show runs: the user may say it is over."""
        return self.state == "show_running_stream_off" and not self.show_running

    def acknowledge_stop(self) -> None:
        """"The stream is over": a stream that stopped by itself (no show running) is off, not an alarm."""
        if self.can_acknowledge:
            self._end_period()
            self._update()

    def _end_period(self) -> None:
        self._on_air = False
        self._stopping_on_purpose = False
        self._frozen_seconds = self.stream_seconds
        self._started_at = None

    def _update(self, *_args: Any) -> None:
        if self._updating:  # logging an event changes the rundown, which calls back here
            return
        self._updating = True
        try:
            self._follow_stream()
            state = self._compute()
            verdict = self.health.verdict if self.health is not None else None
            self.state = state
            self.severity, self.text, self.advice = self._words(state, verdict)
            self.health_word, self.health_severity = self._health_words(state, verdict)
            before, self._last_state = self._last_state, state
            if state != before:
                self._log_transition(before, state)
            self._log_health(verdict)
        finally:
            self._updating = False
        self.changed.emit()

    def _words(self, state: str, verdict: Verdict | None) -> tuple[str, str, str]:
        if state == "obs_offline":
            return ("warn", translate("OnAir", "OBS is not connected"),
                    translate("OnAir", "Start OBS on this computer; the console connects by itself. If it "
                              "does not, check the address and password in the bar above."))
        if state == "off":
            return ("idle", translate("OnAir", "Not streaming"),
                    translate("OnAir", "Not streaming. Start the stream when the studio is ready."))
        if state == "starting":
            return ("warn", translate("OnAir", "Starting the stream…"),
                    translate("OnAir", "OBS is connecting to the platform. If this takes more than a "
                              "few seconds, check the push address (推流地址) and the network."))
        if state == "stopping":
            return ("warn", translate("OnAir", "Stopping the stream…"),
                    translate("OnAir", "OBS is ending the stream."))
        if state == "reconnecting":
            return ("alarm", translate("OnAir", "OBS lost the platform and is reconnecting"),
                    translate("OnAir", "OBS is reconnecting to the platform; viewers see a frozen picture. "
                              "Check the network (cable, router); OBS retries by itself."))
        if state == "obs_gone_while_live":
            return ("alarm", translate("OnAir", "OBS is gone — the stream is down"),
                    translate("OnAir", "OBS is not answering, viewers see nothing. Start OBS again now; the "
                              "console reconnects by itself, then press Start streaming."))
        if state == "show_running_stream_off" and not self.show_running:
            return ("alarm", translate("OnAir", "The stream stopped by itself — nothing is on air"),
                    translate("OnAir", "OBS stopped streaming without anyone stopping it (it may have been "
                              "restarted). Press Start streaming to go back on air."))
        if state == "show_running_stream_off":
            return ("alarm", translate("OnAir", "The show is running but the stream is OFF"),
                    translate("OnAir", "Viewers see nothing. Press Start streaming now to go back on air "
                              "— or, if the show is over, End show (结束直播) in the rundown."))
        # live
        from studio.health.status import Level, Reason

        if verdict is None or verdict.level is Level.IDLE or verdict.reason is Reason.NOT_STREAMING:
            return ("ok", translate("OnAir", "● LIVE — measuring the stream"),
                    translate("OnAir", "Measuring the bitrate… a verdict follows in a few seconds."))
        severity = {Level.STABLE: "ok", Level.LOW: "warn", Level.CRITICAL: "alarm"}[verdict.level]
        return (severity, translate("OnAir", "● LIVE — {word}").format(word=verdict.word), verdict.advice)

    def _health_words(self, state: str, verdict: Verdict | None) -> tuple[str, str]:
        from studio.health.status import Level, Reason

        if state in ("reconnecting", "obs_gone_while_live", "show_running_stream_off"):
            return translate("HealthStatus", "Critical"), "alarm"
        if state in ("off", "obs_offline", "stopping"):
            return translate("HealthStatus", "Idle"), "idle"
        if state == "starting":
            return translate("HealthStatus", "Measuring"), "warn"
        if verdict is None or verdict.level is Level.IDLE or verdict.reason is Reason.NOT_STREAMING:
            return translate("HealthStatus", "Measuring"), "ok"
        return verdict.word, {Level.STABLE: "ok", Level.LOW: "warn", Level.CRITICAL: "alarm"}[verdict.level]

    # ----- the show log ----------------------------------------------------------------------------
    def _record(self, type: str, **data: Any) -> None:
        controller = self.show_controller
        session = controller.session if controller is not None else None
        if session is None or session.rundown.ended:  # an ended show's log is closed
            return
        try:
            session.rundown.record(type, **self.on_air_step(), **data)
        except Exception:  # the log reports its own problems; the state shown never depends on it
            log.exception("could not log %s", type)

    def _log_transition(self, before: str, now: str) -> None:
        if now == "live" and before in ("starting", "off", "show_running_stream_off", "obs_offline"):
            self._record("stream_started", stream_seconds=round(self.stream_seconds, 1))
        elif now in ("off", "show_running_stream_off") and before in ("live", "stopping", "reconnecting"):
            self._record("stream_stopped", on_purpose=before == "stopping",
                         stream_seconds=round(self.stream_seconds, 1))

    def _log_health(self, verdict: Verdict | None) -> None:
        if verdict is None or not self.on_air:
            return
        key = (verdict.level.name.lower(), verdict.reason.value)
        if key != self._last_logged_health:
            self._last_logged_health = key
            self._record("health_changed", level=key[0], reason=key[1], word=verdict.word,
                         kbps=None if verdict.kbps is None else round(verdict.kbps, 1),
                         problems=list(verdict.problems))

    # ----- listeners --------------------------------------------------------------------------------
    def _on_link_status_changed(self, status: LinkStatus) -> None:
        if status.state is not LinkState.CONNECTED and self._was_connected:
            self._was_connected = False
            self._record("obs_disconnected", message=status.message, was_on_air=self._on_air)
        self._update()

    def _on_link_connected(self) -> None:
        if not self._was_connected:
            self._was_connected = True
            if self._on_air or self.show_running:
                self._record("obs_reconnected")
        controller = self.show_controller
        session = controller.session if controller is not None else None
        if session is not None and not session.rundown.ended:
            spawn(self._reconcile(session), name="onair-reconcile-overlays")
        spawn(self._read_canvas_fps(), name="onair-canvas-fps")
        self._update()

    async def _reconcile(self, session: Any) -> None:
        """OBS is back during a show: make it show what the show log says is on screen."""
        from studio.show.reconcile import reconcile

        obs_overlays = getattr(getattr(session.actions, "overlays", None), "overlays", None)
        if obs_overlays is None or not hasattr(obs_overlays, "shown_in_obs"):
            return
        try:
            text = await reconcile(session, obs_overlays, self.clock())
        except Exception as e:  # the next reconnect tries again; the show goes on
            log.warning("overlays not reconciled after the reconnect: %s", e)
            text = translate("OnAir", "OBS is back, but the console could not check what it shows ({error}). "
                             "Look at the overlays in OBS.").format(error=e)
        if text:
            self.notice = text
            self.changed.emit()

    async def _read_canvas_fps(self) -> None:
        if self.health is None:
            return
        try:
            video = await self.link.request("GetVideoSettings")
            numerator, denominator = float(video.get("fpsNumerator", 0)), float(video.get("fpsDenominator", 1))
        except Exception as e:  # the fps check is skipped; everything else still works
            log.debug("canvas fps not read: %s", e)
            return
        if numerator > 0 and denominator > 0:
            self.health.classifier.canvas_fps = numerator / denominator

    def _on_stream_changed(self) -> None:
        self._update()

    def _on_program_scene_changed(self, data: dict[str, Any]) -> None:
        name = data.get("sceneName")
        if name:
            self._record("scene_switched", scene=str(name))

    def _on_show_changed(self) -> None:
        controller = self.show_controller
        session = controller.session if controller is not None else None
        if session is not None and session is not self._session_hooked:
            self._session_hooked = session
            session.rundown.changed.connect(self._update)
            if not session.rundown.live and not session.rundown.ended and self.on_air:
                # A new show while the stream already runs (the playbook's order: stream first, then
                # 开播): its log starts with the stream that is on air.
                self._record("stream_started", stream_seconds=round(self.stream_seconds, 1),
                             already_on_air=True)
            spawn(self._adopt_logged_stream_time(session), name="onair-stream-time")
        self._update()

    async def _adopt_logged_stream_time(self, session: Any) -> None:
        """A resumed show: the stream time goes on from the first ``stream_started`` in its log."""
        from studio.show.log import read_log

        try:
            events = (await asyncio.to_thread(read_log, session.log.path)).events
        except Exception as e:  # the time starts again from now; nothing else depends on it
            log.debug("stream time not read from the show log: %s", e)
            return
        first = next((e for e in events if e.get("type") == "stream_started"), None)
        if first is None or any(e.get("type") == "show_ended" for e in events):
            return
        started = float(first.get("ts", 0.0)) - float(first.get("stream_seconds", 0.0) or 0.0)
        if self._started_at is None or started < self._started_at:
            self._started_at = started
            self._update()


def _timecode_seconds(timecode: str) -> float:
    """"HH:MM:SS" (OBS's outputTimecode) as seconds; 0 when empty or odd."""
    try:
        hours, minutes, seconds = (float(part) for part in timecode.split(":")[:3])
    except ValueError:
        return 0.0
    return hours * 3600 + minutes * 60 + seconds


# The colour each severity is shown in, the same in every panel.
SEVERITY_COLOURS = {"ok": "#1b7f3a", "warn": "#c77700", "alarm": "#c62828", "idle": "#7a7a7a"}
