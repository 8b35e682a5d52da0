"""``RemoteControl``: what the core holds for the remote control. Off by default; on with one switch.

Settings live under ``settings.extra["remote"]`` (``enabled``, ``lan``, ``port``); the token lives
in the OS keyring only. ``switch(True)`` reads (or creates) the token and starts the API on
127.0.0.1 — plus the desk's LAN address when ``lan`` is on, so a phone on the same Wi-Fi can reach
it. ``problem`` says in plain words why it is off when it could not start (keyring, port).
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from studio.config import Settings
from studio.errors import UserError
from studio.events import Signal
from studio.i18n import translate
from studio.keys.store import SecretStore
from studio.remote import auth
from studio.remote.state import RemoteState

if TYPE_CHECKING:  # aiohttp's server loads when the remote is turned on, not at start-up
    from studio.remote.api import RemoteApi

log = logging.getLogger(__name__)

SECTION = "remote"
DEFAULT_PORT = 17650  # fixed, so a Stream Deck button's URL keeps working across restarts


def detect_lan_address() -> str | None:
    """The address this computer has on the desk's network (the route out; no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: never reached, UDP connect only picks a route
            address = str(s.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


class RemoteControl:
    def __init__(self, state: RemoteState, settings: Settings, store: SecretStore, *,
                 lan_address: Callable[[], str | None] = detect_lan_address) -> None:
        self.state = state
        self.settings = settings
        self.store = store
        self.lan_address = lan_address
        self.api: RemoteApi | None = None
        self.token: str | None = None
        self.problem: str | None = None
        self.exposed: str | None = None  # the LAN address served, in LAN mode
        self.changed = Signal("RemoteControl.changed")
        self._lock = asyncio.Lock()

    # --- settings ---------------------------------------------------------------------------

    def _section(self) -> dict[str, Any]:
        section = self.settings.extra.get(SECTION)
        return section if isinstance(section, dict) else {}

    def _save(self, **values: Any) -> None:
        section = dict(self._section())
        section.update(values)
        self.settings.extra[SECTION] = section

    @property
    def enabled(self) -> bool:
        return bool(self._section().get("enabled", False))

    @property
    def lan(self) -> bool:
        return bool(self._section().get("lan", False))

    @property
    def port(self) -> int:
        try:
            port = int(self._section().get("port", DEFAULT_PORT))
        except (TypeError, ValueError):
            return DEFAULT_PORT
        return port if 0 <= port < 65536 else DEFAULT_PORT

    @property
    def running(self) -> bool:
        return self.api is not None and self.api.running

    # --- what the panel shows ---------------------------------------------------------------

    def base_url(self) -> str | None:
        if self.api is None or not self.api.running:
            return None
        return self.api.url(self.exposed or "127.0.0.1")

    def phone_url(self) -> str | None:
        """The phone page with the token: what the QR code holds. Never log it."""
        base = self.base_url()
        return f"{base}/?token={self.token}" if base and self.token else None

    def button_url(self, key_id: str, source: str = "streamdeck") -> str | None:
        """A Stream Deck "Website" (background GET) or Companion URL that presses one key."""
        base = self.base_url()
        if not base or not self.token:
            return None
        return f"{base}/api/v1/actions/{key_id}/run?token={self.token}&source={source}"

    # --- switching --------------------------------------------------------------------------

    async def start_if_enabled(self) -> None:
        """At start-up: on only when the user switched it on (``problem`` says why if it cannot)."""
        if self.enabled:
            try:
                await self._start()
            except UserError as e:
                log.warning("remote control not started: %s", e)

    async def switch(self, on: bool) -> None:
        """The one switch: saved, then the server starts or stops. Raises UserError when it cannot
        start (and stays off, with ``problem`` set)."""
        self._save(enabled=on)
        await asyncio.to_thread(self.settings.save)
        if on:
            await self._start()
        else:
            await self._stop()

    async def set_lan(self, on: bool) -> None:
        """LAN mode: the phone page and API also on this computer's network address."""
        self._save(lan=on)
        await asyncio.to_thread(self.settings.save)
        if self.running:
            await self._stop()
            await self._start()
        else:
            self.changed.emit()

    async def set_port(self, port: int) -> None:
        if not 1024 <= port < 65536:
            raise UserError(translate("RemoteControl", "Pick a port between 1024 and 65535."))
        self._save(port=port)
        await asyncio.to_thread(self.settings.save)
        if self.running:
            await self._stop()
            await self._start()

    async def rotate_token(self) -> None:
        """A new token: every phone, QR code and Stream Deck button made before stops working."""
        token = await asyncio.to_thread(auth.rotate_token, self.store)
        self.token = token
        if self.api is not None:
            self.api.set_token(token)
        self.changed.emit()

    async def close(self) -> None:
        await self._stop(emit=False)

    async def _start(self) -> None:
        async with self._lock:
            if self.running:
                return
            try:
                self.token = await asyncio.to_thread(auth.load_or_create_token, self.store)
                addresses = ["127.0.0.1"]
                self.exposed = None
                if self.lan:
                    lan = self.lan_address()
                    if lan is None:
                        raise UserError(translate(
                            "RemoteControl", "This computer has no network address for the phone to reach "
                                             "(no Wi-Fi or cable?). Connect it to the desk's network, or turn "
                                             "LAN access off."))
                    addresses.append(lan)
                    self.exposed = lan
                from studio.remote.api import RemoteApi

                api = RemoteApi(self.state, self.token, addresses=addresses, port=self.port)
                await api.start()
            except UserError as e:
                self.problem = str(e)
                self.api = None
                self.changed.emit()
                raise
            self.api, self.problem = api, None
            if self.exposed:
                log.warning("remote control open on the local network at %s", self.exposed)
        self.changed.emit()

    async def _stop(self, emit: bool = True) -> None:
        async with self._lock:
            api, self.api = self.api, None
            self.exposed = None
            if api is not None:
                await api.stop()
        if emit:
            self.changed.emit()
