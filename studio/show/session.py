"""One running show, bundled so the GUI builds a single object: plan + show log + rundown + actions
+ the 1 Hz tick loop, and the resume offer after a crash.

    offer = await find_resume_offer(shows_dir())          # None, or "Resume the show from 20:41?"
    session = await ShowSession.resume(plan, offer.path, room, overlays) if offer and the host agrees
    session = await ShowSession.new(plan, room, overlays)  # otherwise
    session.start_ticking()                                 # cues, timers, overlay expiry, 1 Hz
    session.rundown.start_show(); await session.actions.push_product("fan") ...
    await session.close()

File work (creating, reading and replaying the log) runs off the loop thread. Each event the
rundown appends is one small fsync'd write, done where the event happens.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from studio.config import data_dir
from studio.errors import UserError
from studio.events import Signal
from studio.i18n import translate
from studio.room.base import LiveRoom, RoomAction, RoomProvider
from studio.room.manual import ManualStep
from studio.show.actions import OverlayTarget, ShowActions
from studio.show.log import LogContents, ShowLog, find_unfinished, read_log
from studio.show.plan import Plan
from studio.show.rundown import Cue, Rundown
from studio.tasks import spawn

log = logging.getLogger(__name__)
Clock = Callable[[], float]
TICK_SECONDS = 1.0


def shows_dir() -> Path:
    """Where show logs live (one file per show)."""
    return data_dir() / "shows"


@dataclass(frozen=True)
class ResumeOffer:
    """An unfinished show found at start-up: what the "Resume the show from …?" question needs."""

    path: Path
    title: str
    started_at: float | None  # show_started, Unix seconds; None if the show never went on air
    last_event_at: float  # the last thing logged before the app stopped
    events: int

    def started_text(self) -> str:
        at = self.started_at if self.started_at is not None else self.last_event_at
        return datetime.fromtimestamp(at).strftime("%H:%M")


def _offer_from(path: Path, contents: LogContents) -> ResumeOffer:
    started = next((e for e in contents.events if e.get("type") == "show_started"), None)
    return ResumeOffer(path, str(started.get("title", "")) if started else "",
                       float(started["ts"]) if started else None,
                       float(contents.events[-1].get("ts", 0.0)), len(contents.events))


async def find_resume_offer(directory: Path | None = None) -> ResumeOffer | None:
    """The newest show log without an end, as an offer to resume; None when there is none."""

    def look() -> ResumeOffer | None:
        folder = directory or shows_dir()
        if not folder.is_dir():
            return None
        try:
            path = find_unfinished(folder)
            return _offer_from(path, read_log(path)) if path is not None else None
        except (OSError, UserError) as e:
            # Whatever is on disk, the window opens: this is said on screen, nothing is touched.
            raise ShowLogsUnreadable(translate(
                "ShowSession", "The show logs in {folder} could not be read ({error}), so an unfinished "
                "show cannot be offered to resume. Check the folder's permissions; the files are left "
                "as they are.").format(folder=folder, error=getattr(e, "strerror", None) or e)) from None

    return await asyncio.to_thread(look)


class ShowLogsUnreadable(UserError):
    pass


class ShowSession:
    def __init__(self, plan: Plan, show_log: ShowLog, rundown: Rundown, actions: ShowActions,
                 clock: Clock) -> None:
        self.plan = plan
        self.log = show_log
        self.rundown = rundown
        self.actions = actions
        self.clock = clock
        self.cue = Signal("session.cue")  # a cue fired: the rundown panel shows it big
        self._ticker: asyncio.Task[None] | None = None
        rundown.cue.connect(self.cue.emit)
        self._logged_steps: set[str] = set()
        self._watch_checklist()

    # ----- the manual checklist, kept in the show log so a resumed show has it back -------------------
    def _watch_checklist(self) -> None:
        room = self.actions.manual_room
        if room is None:
            return
        self._logged_steps = {s.id for s in room.steps}
        room.changed.connect(self._on_checklist_changed)

    def _on_checklist_changed(self) -> None:
        room = self.actions.manual_room
        if room is None or self.rundown.ended:
            return
        for step in room.steps:
            if step.id not in self._logged_steps:
                self._logged_steps.add(step.id)
                self.rundown.record("manual_step_added", step=step.id, action=step.action.value,
                                    title=step.title, instruction=step.instruction)

    @property
    def ended(self) -> bool:
        return self.rundown.ended

    async def end(self) -> None:
        """结束直播: ``show_ended`` into the log, the clock stops, the log is closed. The show is
        never offered to resume again; its rundown stays on screen as it ended."""
        if self.rundown.live:
            self.rundown.end_show()
        await self.close()

    @classmethod
    async def new(cls, plan: Plan, room: LiveRoom, overlays: OverlayTarget | None = None,
                  directory: Path | None = None, clock: Clock = time.time) -> ShowSession:
        show_log = await asyncio.to_thread(ShowLog.create, directory or shows_dir(), clock,
                                           plan.show.title)
        rundown = Rundown(plan, clock=clock, sink=show_log.append)
        return cls(plan, show_log, rundown, ShowActions(rundown, room, overlays, clock, show_log=show_log), clock)

    @classmethod
    async def resume(cls, plan: Plan, path: Path, room: LiveRoom, overlays: OverlayTarget | None = None,
                     clock: Clock = time.time) -> ShowSession:
        """Continue the show logged in ``path``: on-air step, timers, rule tallies and what the
        console had on screen all come back from the log; nothing already logged is lost."""
        show_log, contents = await asyncio.to_thread(ShowLog.open, path, clock)
        rundown = Rundown.resume(plan, contents.events, clock=clock, sink=show_log.append)
        actions = ShowActions(rundown, room, overlays, clock, show_log=show_log)
        actions.restore(contents.events)
        checklist = actions.manual_room
        if checklist is not None:
            checklist.restore(_checklist_from(contents.events))
        session = cls(plan, show_log, rundown, actions, clock)
        rundown.record("show_resumed", events=len(contents.events), torn_tail=contents.torn_tail)
        return session

    async def tick_once(self) -> list[Cue]:
        """One beat: cues and finished timers in the rundown, expired overlays off screen."""
        cues = self.rundown.tick()
        await self.actions.tick()
        return cues

    def start_ticking(self, interval: float = TICK_SECONDS) -> None:
        if self._ticker is None or self._ticker.done():
            self._ticker = spawn(self._tick_loop(interval), name="show-tick")

    async def _tick_loop(self, interval: float) -> None:
        # One failed beat (a full disk, a broken overlay) must not stop the cues for the rest of
        # the show: log it and beat again. The show log catches up here when the disk is back.
        while True:
            try:
                if self.log.pending:  # on the loop, as appends are: problem_changed fires here
                    self.log.flush_pending()
                await self.tick_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("show tick failed; the next one follows in %.0f s", interval)
            await asyncio.sleep(interval)

    async def close(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            await asyncio.gather(self._ticker, return_exceptions=True)
            self._ticker = None
        await asyncio.to_thread(self.log.close)


class ShowController:
    """What the GUI holds for the show: the resume offer at start-up, then the running session.

    ``ShowController(plan, room, overlays)``; ``await look_for_resume()`` sets ``offer``;
    ``await resume()`` or ``await start_new()`` builds ``session`` and starts its tick loop.
    ``changed`` fires when the offer or the session changes, so panels re-bind.
    """

    def __init__(self, plan: Plan, room: LiveRoom, overlays: OverlayTarget | None = None,
                 directory: Path | None = None, clock: Clock = time.time,
                 targets: RoomProvider | None = None) -> None:
        self.plan = plan
        self.room = room  # the target when there is no provider (``targets``)
        # The live-room target is chosen per show: built from the settings for a new show, and
        # from the show log's ``room_target`` for a resumed one (the same room again).
        self.targets = targets
        self._built_room: LiveRoom | None = None
        self.overlays = overlays
        self.directory = directory
        self.clock = clock
        self.offer: ResumeOffer | None = None
        self.session: ShowSession | None = None
        self.problem: str | None = None  # plain words when the show logs could not be read
        self.changed = Signal("show_controller.changed")

    async def look_for_resume(self) -> ResumeOffer | None:
        try:
            self.offer, self.problem = await find_resume_offer(self.directory), None
        except ShowLogsUnreadable as e:
            self.offer, self.problem = None, str(e)
        self.changed.emit()
        return self.offer

    async def resume(self) -> ShowSession:
        if self.offer is None:
            raise UserError(translate("ShowSession", "There is no unfinished show to resume."))
        room = self.room
        if self.targets is not None:
            room = await self.targets.build(await asyncio.to_thread(_room_target, self.offer.path))
        session = await ShowSession.resume(self.plan, self.offer.path, room, self.overlays,
                                           clock=self.clock)
        session.rundown.record("room_target", target=room.spec(), resumed=True)
        return await self._use(session, room)

    async def start_new(self) -> ShowSession:
        """A new show log; an unfinished one stays on disk (and is no longer offered this time)."""
        room = await self.targets.build(None) if self.targets is not None else self.room
        session = await ShowSession.new(self.plan, room, self.overlays, self.directory, self.clock)
        session.rundown.record("room_target", target=room.spec(), resumed=False)
        return await self._use(session, room)

    async def _use(self, session: ShowSession, room: LiveRoom | None = None) -> ShowSession:
        if self.session is not None:
            await self.session.close()
        if self._built_room is not None and self._built_room is not room:
            await self._built_room.close()
        self._built_room = room if self.targets is not None else None
        self.session, self.offer = session, None
        session.start_ticking()
        self.changed.emit()
        return session

    async def end_show(self) -> None:
        """End the running show (a confirmed step in the window): see ``ShowSession.end``."""
        if self.session is None:
            raise UserError(translate("ShowSession", "No show is running."))
        await self.session.end()
        self.offer = None
        self.changed.emit()

    async def close(self) -> None:
        if self.session is not None:
            await self.session.close()
        if self._built_room is not None:
            await self._built_room.close()
            self._built_room = None


def _checklist_from(events: list[dict[str, Any]]) -> list[ManualStep]:
    """The manual steps a show log recorded (added, then ticked off), in order."""
    steps: dict[str, ManualStep] = {}
    for event in events:
        kind = event.get("type")
        ident = str(event.get("step", ""))
        if kind == "manual_step_added" and ident:
            try:
                action = RoomAction(event.get("action"))
            except ValueError:
                continue
            steps[ident] = ManualStep(ident, action, str(event.get("title", "")),
                                      str(event.get("instruction", "")), float(event.get("ts", 0.0)))
        elif kind == "manual_step_done" and ident in steps:
            steps[ident].done_at = float(event.get("ts", 0.0))
    return list(steps.values())


def _room_target(path: Path) -> dict[str, Any] | None:
    """The live-room target a show log says the show drove (its last ``room_target``)."""
    targets = [e for e in read_log(path).events if e.get("type") == "room_target"]
    target = targets[-1].get("target") if targets else None
    return target if isinstance(target, dict) else None
