"""The console's core objects, built once and handed to whoever shows them (GUI, tests).

Composition lives here, not in the window: the window receives a ready ``StudioCore`` and binds
widgets to its parts, so the same wiring is used in tests without any widget.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from studio.config import Settings
from studio.errors import ObsError, UserError
from studio.health.monitor import StreamHealth
from studio.i18n import translate
from studio.keys.rooms import PushRooms
from studio.keys.store import OBS_PASSWORD, SecretStore
from studio.obs.link import ConnectionTarget, ObsLink
from studio.obs.overlays import ObsOverlays
from studio.obs.scenes import ScenesModel
from studio.obs.stream import StreamControl
from studio.onair import OnAir
from studio.redact import register_secret
from studio.resources import resource_path
from studio.room.manual import ManualRoom
from studio.room.settings import RoomConnection
from studio.show.actions import ObsOverlaysAdapter, ShowActions
from studio.show.pad import Pad
from studio.show.plan_files import PlanFiles
from studio.show.room_desk import RoomDesk
from studio.show.session import ShowController
from studio.tasks import spawn

if TYPE_CHECKING:  # built on first use, after the first paint (see StudioCore.remote / .hotkeys)
    from studio.obs.setup import StudioSetup
    from studio.remote.hotkeys.service import GlobalHotkeys
    from studio.remote.service import RemoteControl

EXAMPLE_PLAN = resource_path("examples", "show-plan.toml")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Repoint:
    """Where OBS streams now and where a fetched push address would point it (nothing secret)."""

    room: str
    old_server: str  # "" when OBS could not be asked
    new_server: str
    new_key: str  # masked
    apply: Callable[[], Awaitable[None]]


class StudioCore:
    def __init__(self, settings: Settings | None = None, store: SecretStore | None = None) -> None:
        self.settings = settings or Settings.load()
        self.store = store or SecretStore()
        self.link = ObsLink(ConnectionTarget(self.settings.obs.host, self.settings.obs.port))
        self._connection_inputs = 0  # addresses/passwords entered: the newest always wins
        self._connection_lock = asyncio.Lock()
        self.scenes = ScenesModel(self.link)
        self.stream = StreamControl(self.link)
        # Push keys per live room; shares our Settings so nobody saves a stale copy.
        self.rooms = PushRooms(self.store, self.settings)
        # Never go live with an expired push key: refused before OBS is asked (its module loads
        # with the first Start, not with the window).
        self.stream.start_checks.append(self._logged_key_check(self._expired_key_check))
        self.health = StreamHealth(self.link, self.stream)
        self.room_connection = RoomConnection(self.settings, self.store)
        self.overlays = ObsOverlays(self.link)
        # The plan file (never raises: a broken plan is named on screen, the example runs the show).
        self.plan_files = PlanFiles(self.settings)
        self.plan = self.plan_files.show_plan()
        self.plan_path = self.plan_files.path if self.plan_files.usable else EXAMPLE_PLAN
        self.plan_files.changed.connect(self._on_plan_files_changed)
        # The live-room target is chosen per show by the setting the live-room panel shows
        # (mini-program room, rehearsal, manual checklist, dry run) and kept with the show's log.
        self.room_targets = self.room_connection.targets
        self.show: ShowController = ShowController(self.plan, ManualRoom(),
                                   ObsOverlaysAdapter(self.overlays, plan_dir=self.plan_path.parent),
                                   targets=self.room_targets)
        # The action pad's keys, for every way of pressing them (window, hotkeys, remote API);
        # product pushes and lotteries become markers on the health chart.
        self.pad = Pad(self.show, markers=self.health.add_marker)
        self.room_targets.products = lambda: list(self.show.plan.products)
        self._show_room: object | None = None  # the live room the running show drives
        # The live-room panel's buttons go through here, never to the WeChat client: while a show
        # runs, each of its room calls is in the show's log (written ahead, like the pad's).
        self.room_desk = RoomDesk(self.room_connection, self._running_actions)
        self.show.changed.connect(self._on_show_changed)
        # One truth for what is on air: every panel showing stream, show or OBS state reads it.
        self.onair = OnAir(self.link, self.stream, self.health, self.show)
        self.keyring_problem: str | None = None  # plain words when the keyring cannot be used

    # Buttons anywhere (issue 18): the same pad from a phone, a Stream Deck or global hotkeys.
    # Built on first use — ``start()`` (after the window's first paint) or the remote page —
    # not with the window: their modules are not needed to show it. The API is off until
    # switched on; the hotkey backend opens only once a hotkey is set.
    @functools.cached_property
    def remote(self) -> RemoteControl:
        from studio.remote.service import RemoteControl
        from studio.remote.state import RemoteState

        return RemoteControl(RemoteState(self.pad, show=self.show, health=self.health, onair=self.onair),
                             self.settings, self.store)

    @functools.cached_property
    def hotkeys(self) -> GlobalHotkeys:
        from studio.remote.hotkeys.service import GlobalHotkeys

        hotkeys = GlobalHotkeys(self.pad, self.settings, lambda: self.plan_path)
        self.plan_files.changed.connect(hotkeys.plan_changed)  # each plan has its own hotkeys
        return hotkeys

    @functools.cached_property
    def setup(self) -> StudioSetup:
        """The portrait setup, built on first use (its page, the wizard): not with the window."""
        from studio.obs.setup import StudioSetup

        return StudioSetup(self.link)

    async def start(self) -> None:
        """Read the saved password (off the loop) and start connecting; returns at once."""
        password = ""
        typed_before = self._connection_inputs
        try:
            stored: str | None = await asyncio.to_thread(self.store.get, OBS_PASSWORD)
            password = stored or ""
        except UserError as e:
            self.keyring_problem = str(e)
        # The keyring may answer late (an unlock prompt): a password typed meanwhile is newer than
        # the saved one and must win, or the right new password would read as "Wrong password".
        if self._connection_inputs == typed_before:
            self.link.configure(ConnectionTarget(self.settings.obs.host, self.settings.obs.port, password))
        self.link.start()
        # Changes made outside the window (``studio-console key save`` …) show up here too.
        self._settings_watch = spawn(self.settings.watch(), name="settings-watch")
        spawn(self.remote.start_if_enabled(), name="remote-start")
        spawn(self.hotkeys.apply(), name="hotkeys-apply")

    async def set_connection(self, host: str, port: int, password: str | None) -> None:
        """Save a new OBS address (settings) and password (keyring), then reconnect at once.

        ``password=None`` keeps the saved one. If the keyring cannot take the password it is
        still used for this session, and the UserError tells the user it was not saved.
        """
        self._connection_inputs += 1  # a late keyring answer in start() no longer overrides this
        if password is not None:
            register_secret(password)
        async with self._connection_lock:  # one after the other: the keyring ends with the newest
            problem: UserError | None = None
            self.settings.obs.host, self.settings.obs.port = host, port
            try:
                await asyncio.to_thread(self.settings.save)
            except OSError as e:  # a full disk: connect anyway, and say the address was not kept
                problem = UserError(translate(
                    "StudioCore", "The OBS address could not be saved ({reason}); it is used until the "
                    "console closes. Free some disk space, then press Connect again to keep it.").format(
                    reason=e.strerror or type(e).__name__))
            if password is None:
                password = self.link.target.password
            else:
                try:
                    # A closure, not arguments: loop debug logs print a call's arguments.
                    await asyncio.to_thread(lambda: self.store.set(OBS_PASSWORD, password))
                    self.keyring_problem = None
                except UserError as e:
                    problem = problem or e
                    self.keyring_problem = str(e)
            self.link.configure(ConnectionTarget(host, port, password))
        if problem is not None:
            raise problem

    async def _expired_key_check(self) -> None:
        from studio.keys.apply import start_check

        await start_check(self.link)()

    def _logged_key_check(self, check: Callable[[], Awaitable[None]]) -> Callable[[], Awaitable[None]]:
        """The expired-key refusal also goes into the running show's log: a fault for the review."""

        async def logged() -> None:
            from studio.keys.apply import ExpiredKey

            try:
                await check()
            except ExpiredKey as e:
                session = self.show.session
                if session is not None and not session.ended:
                    session.rundown.record("key_expired", message=str(e))
                raise

        return logged

    def _on_show_changed(self) -> None:
        # A room that runs things during a show (a Channels account: live numbers, timed messages)
        # is told when a show starts and ends against it; what it logs goes into the show's log.
        session = self.show.session
        running = session is not None and not session.ended
        room = session.actions.room if session is not None and running else None
        if self._show_room is not None and self._show_room is not room:
            stopped = getattr(self._show_room, "show_stopped", None)
            if callable(stopped):
                spawn(stopped(), name="room-show-stopped")
        self._show_room = room
        started = getattr(room, "show_started", None)
        if session is not None and callable(started):
            started(session.rundown.record)

    def _running_actions(self) -> ShowActions | None:
        """The running show's actions (None before a show, and once it has ended)."""
        session = self.show.session
        return session.actions if session is not None and not session.ended else None

    def _on_plan_files_changed(self) -> None:
        # A plan opened or saved without problems is the next show's plan (never mid-show).
        if self.plan_files.usable and self.show.session is None:
            self.plan, self.plan_path = self.plan_files.plan, self.plan_files.path
            self.show.plan = self.plan

    def problems(self) -> list[str]:
        """What could not be read at start-up (settings, plan, keyring), in plain words."""
        found = list(self.settings.problems)
        plan_problem = self.plan_files.summary()
        if plan_problem:
            found.append(plan_problem)
        if self.keyring_problem:
            found.append(self.keyring_problem)
        if self.show.problem:
            found.append(self.show.problem)
        return found

    async def take_push_url(self, url: str, room_name: str) -> Repoint:
        """A push address fetched from the live room goes into the keyring. Changing where OBS
        streams is a confirmed step: the returned ``Repoint`` names the old and the new server, and
        ``await repoint.apply()`` does it once the user agreed."""
        from studio.keys.apply import apply_to_obs
        from studio.keys.pushurl import parse_push_address

        address = parse_push_address(url)
        await asyncio.to_thread(lambda: self.rooms.save(room_name, address))
        old = ""
        try:
            current = await self.link.request("GetStreamServiceSettings")
            old = str((current.get("streamServiceSettings") or {}).get("server", ""))
        except ObsError as e:  # the question still names the new server
            log.info("OBS's current stream server not read: %s", e)

        async def apply() -> None:
            await apply_to_obs(self.link, address)

        return Repoint(room_name, old, address.server, address.masked_key, apply)

    async def close(self) -> None:
        watch = getattr(self, "_settings_watch", None)
        if watch is not None:
            watch.cancel()
        if "hotkeys" in self.__dict__:  # never built: nothing to close (and nothing to import now)
            await self.hotkeys.close()
        if "remote" in self.__dict__:
            await self.remote.close()
        await self.show.close()
        await self.overlays.close()
        await self.room_connection.close()
        await self.health.close()
        await self.link.close()
