"""The console's core objects, built once and handed to whoever shows them (GUI, tests).

Composition lives here, not in the window: the window receives a ready ``StudioCore`` and binds
widgets to its parts, so the same wiring is used in tests without any widget.
"""

from __future__ import annotations

import asyncio
import logging

from studio.config import Settings
from studio.errors import UserError
from studio.health.monitor import StreamHealth
from studio.keys.apply import start_check as expired_key_start_check
from studio.keys.rooms import PushRooms
from studio.keys.store import OBS_PASSWORD, SecretStore
from studio.obs.link import ConnectionTarget, ObsLink
from studio.obs.scenes import ScenesModel
from studio.obs.stream import StreamControl
from studio.redact import register_secret

log = logging.getLogger(__name__)


class StudioCore:
    def __init__(self, settings: Settings | None = None, store: SecretStore | None = None) -> None:
        self.settings = settings or Settings.load()
        self.store = store or SecretStore()
        self.link = ObsLink(ConnectionTarget(self.settings.obs.host, self.settings.obs.port))
        self.scenes = ScenesModel(self.link)
        self.stream = StreamControl(self.link)
        # Push keys per live room; shares our Settings so nobody saves a stale copy.
        self.rooms = PushRooms(self.store, self.settings)
        # Never go live with an expired push key: refused before OBS is asked.
        self.stream.start_checks.append(expired_key_start_check(self.link))
        self.health = StreamHealth(self.link, self.stream)
        self.keyring_problem: str | None = None  # plain words when the keyring cannot be used

    async def start(self) -> None:
        """Read the saved password (off the loop) and start connecting; returns at once."""
        password = ""
        try:
            stored: str | None = await asyncio.to_thread(self.store.get, OBS_PASSWORD)
            password = stored or ""
        except UserError as e:
            self.keyring_problem = str(e)
        self.link.configure(ConnectionTarget(self.settings.obs.host, self.settings.obs.port, password))
        self.link.start()

    async def set_connection(self, host: str, port: int, password: str | None) -> None:
        """Save a new OBS address (settings) and password (keyring), then reconnect at once.

        ``password=None`` keeps the saved one. If the keyring cannot take the password it is
        still used for this session, and the UserError tells the user it was not saved.
        """
        self.settings.obs.host, self.settings.obs.port = host, port
        await asyncio.to_thread(self.settings.save)
        problem: UserError | None = None
        if password is None:
            password = self.link.target.password
        else:
            register_secret(password)
            try:
                # A closure, not arguments: loop debug logs print a call's arguments.
                await asyncio.to_thread(lambda: self.store.set(OBS_PASSWORD, password))
                self.keyring_problem = None
            except UserError as e:
                problem = e
                self.keyring_problem = str(e)
        self.link.configure(ConnectionTarget(host, port, password))
        if problem is not None:
            raise problem

    async def close(self) -> None:
        await self.health.close()
        await self.link.close()
