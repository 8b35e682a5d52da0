"""Live-room settings and the connection built from them.

What is safe to read over someone's shoulder goes in ``Settings.extra["wechat_live"]``: the AppID,
the API base URL (a relay may stand in for ``api.weixin.qq.com``), the merchant's token-service
URL, the show's room and rehearsal mode. The AppSecret goes in the OS keyring only.

Rehearsal mode (彩排) points the console at the local emulator (``studio.room.emulator``): either
one the user started (``studio-console emulator``; its URL in ``rehearsal_url``) or, in the GUI,
one the console starts by itself on a free loopback port. Nothing then reaches a real room.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from studio.config import Settings
from studio.errors import UserError
from studio.i18n import translate
from studio.redact import register_secret
from studio.room.target import RoomTargets
from studio.room.wechat import (
    DEFAULT_BASE_URL,
    NEXT_CHECK_SETTINGS,
    NoCredentials,
    StableTokenSource,
    TokenServiceSource,
    WeChatLiveClient,
    WeChatRoomModel,
)
from studio.secrets import SecretStore

if TYPE_CHECKING:  # the emulator (aiohttp's server) loads only when rehearsal starts it
    from studio.room.emulator import WeChatEmulator

log = logging.getLogger(__name__)
SECTION = "wechat_live"
# The emulator accepts any AppSecret unless told otherwise. Not a word: it is registered as a
# secret like any AppSecret, and a common word would then be masked in every log line.
REHEARSAL_SECRET = "emulator-rehearsal-appsecret-0"


TOKEN_SERVICE_URL_SECRET = "wechat-live-token-service-url"  # the full URL, key included, in the keyring


def token_service_public_url(url: str) -> str:
    """The token-service URL without its secret part (query, user and password, fragment): what
    settings.json may hold. ``https://u:pw@tokens.example/t?key=…`` → ``https://tokens.example/t``."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def app_secret_name(app_id: str) -> str:
    """The keyring entry of an AppID's AppSecret (one per mini program)."""
    return f"wechat-live-appsecret:{app_id}"


@dataclass
class RoomSettings:
    app_id: str = ""
    api_base_url: str = DEFAULT_BASE_URL
    token_service_url: str = ""  # set: tokens come from the merchant's server, no AppSecret here
    room_id: int | None = None  # the show's room
    rehearsal: bool = False  # 彩排: talk to the local emulator, never to a real room
    rehearsal_url: str = ""  # an emulator's URL; "" = the one the console starts itself

    @classmethod
    def from_settings(cls, settings: Settings) -> RoomSettings:
        raw = settings.extra.get(SECTION)
        if not isinstance(raw, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: v for k, v in raw.items() if k in known}
        room = values.get("room_id")
        values["room_id"] = int(room) if isinstance(room, int | str) and str(room).isdigit() else None
        values["rehearsal"] = bool(values.get("rehearsal", False))
        for name in ("app_id", "api_base_url", "token_service_url", "rehearsal_url"):
            if name in values:
                values[name] = str(values[name] or "").strip()
        settings_obj = cls(**values)
        if not settings_obj.api_base_url:
            settings_obj.api_base_url = DEFAULT_BASE_URL
        return settings_obj

    def store_in(self, settings: Settings) -> None:
        settings.extra[SECTION] = asdict(self)

    def validate(self) -> None:
        """Raise a UserError saying which field is wrong and how it should look."""
        for label, url in ((translate("RoomSettings", "API address"), self.api_base_url),
                           (translate("RoomSettings", "token service address"), self.token_service_url),
                           (translate("RoomSettings", "rehearsal emulator address"), self.rehearsal_url)):
            if url and (urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc):
                raise UserError(translate(
                    "RoomSettings", "The {field} “{url}” is not a web address. It should look like "
                    "https://api.weixin.qq.com/.").format(field=label, url=url))
        if self.app_id and not self.app_id.startswith("wx"):
            raise UserError(translate("RoomSettings", "The AppID “{app_id}” does not look like a mini program's "
                                      "AppID (it starts with wx). Copy it from 微信公众平台 → 开发管理.")
                            .format(app_id=self.app_id))


class RoomConnection:
    """The live-room side of the console: settings, the AppSecret in the keyring, rehearsal, and
    the ``WeChatRoomModel`` the panel shows. All methods run on the loop; keyring and file work
    go through ``asyncio.to_thread``."""

    def __init__(self, settings: Settings, store: SecretStore, *, builtin_emulator: bool = True) -> None:
        self.settings = settings
        self.store = store
        self._builtin_emulator_allowed = builtin_emulator
        self.emulator: WeChatEmulator | None = None
        self.model = WeChatRoomModel(self.build_client)
        self.model.room_id = self.room_settings.room_id
        # The show's live-room target (mini-program room / manual checklist / dry run).
        self.targets = RoomTargets(self)

    @property
    def room_settings(self) -> RoomSettings:
        return RoomSettings.from_settings(self.settings)

    async def save(self, room_settings: RoomSettings, app_secret: str | None = None) -> None:
        """Save the settings (and the AppSecret in the keyring when one is given); next calls use them."""
        room_settings.validate()
        if app_secret:
            app_secret = app_secret.strip()
            register_secret(app_secret)
            if not room_settings.app_id:
                raise UserError(translate("RoomSettings", "Enter the AppID before the AppSecret: the secret is "
                                          "saved for that AppID."))
            await asyncio.to_thread(self.store.set, app_secret_name(room_settings.app_id), app_secret)
        await self._keep_token_key_in_keyring(room_settings)
        await self._save_settings(room_settings)
        await self.model.reset_client()

    async def set_rehearsal(self, on: bool) -> None:
        """Switch rehearsal mode. Rooms of the other mode are forgotten (a rehearsal room is not real)."""
        room_settings = self.room_settings
        if room_settings.rehearsal == on:
            return
        room_settings.rehearsal = on
        room_settings.room_id = None
        await self._save_settings(room_settings)
        await self.model.reset_client()
        self.model.rooms = []
        self.model.library = []
        self.model.select_room(None)
        if not on:
            await self._stop_emulator()

    async def select_room(self, room_id: int | None) -> None:
        room_settings = self.room_settings
        room_settings.room_id = room_id
        await self._save_settings(room_settings)
        self.model.select_room(room_id)
        self.targets.changed.emit()  # the label of the target a new show would drive

    async def _keep_token_key_in_keyring(self, room_settings: RoomSettings) -> None:
        """A token-service URL with a key in it: the whole URL to the keyring, the URL without its
        key to the settings (shown in the settings form; the key is added back when calling)."""
        url = room_settings.token_service_url
        if not url:
            return
        public = token_service_public_url(url)
        if public != url:
            register_secret(url)
            register_secret(urlsplit(url).query)
            register_secret(urlsplit(url).password)
            await asyncio.to_thread(self.store.set, TOKEN_SERVICE_URL_SECRET, url)
            room_settings.token_service_url = public

    async def _token_service_url(self, rs: RoomSettings) -> str:
        """The URL to call: the keyring's full one when it belongs to the address in the settings."""
        if token_service_public_url(rs.token_service_url) != rs.token_service_url:
            # An older settings file with the key in it: move the key to the keyring now.
            full = rs.token_service_url
            await self._keep_token_key_in_keyring(rs)
            await self._save_settings(rs)
            return full
        saved: str | None = await asyncio.to_thread(self.store.get, TOKEN_SERVICE_URL_SECRET)
        if saved and token_service_public_url(saved) == rs.token_service_url:
            register_secret(urlsplit(saved).query)
            return saved
        return rs.token_service_url

    async def _save_settings(self, room_settings: RoomSettings) -> None:
        room_settings.store_in(self.settings)
        await asyncio.to_thread(self.settings.save)

    async def build_client(self, rehearsal: bool | None = None) -> WeChatLiveClient:
        """A client for the current settings; raises NoCredentials (plain words) when incomplete.
        ``rehearsal`` overrides the setting (a resumed show keeps the mode it started in)."""
        rs = self.room_settings
        if rehearsal is not None:
            rs.rehearsal = rehearsal
        if rs.rehearsal:
            from studio.room.emulator import REHEARSAL_APP_ID

            url = rs.rehearsal_url or await self._start_emulator()
            return WeChatLiveClient(StableTokenSource(rs.app_id or REHEARSAL_APP_ID, REHEARSAL_SECRET),
                                    base_url=url)
        if rs.token_service_url:
            url = await self._token_service_url(rs)
            return WeChatLiveClient(TokenServiceSource(url), base_url=rs.api_base_url)
        if not rs.app_id:
            raise NoCredentials(translate("RoomSettings", "The live room is not set up: enter the mini program's "
                                          "AppID and AppSecret (or your token service's address) in the "
                                          "live-room settings, or turn on rehearsal."),
                                next_step=NEXT_CHECK_SETTINGS)
        secret = await asyncio.to_thread(self.store.get, app_secret_name(rs.app_id))
        if not secret:
            raise NoCredentials(translate("RoomSettings", "No AppSecret is saved for {app_id}. Enter it in the "
                                          "live-room settings (it is kept in the system keyring).")
                                .format(app_id=rs.app_id), next_step=NEXT_CHECK_SETTINGS)
        return WeChatLiveClient(StableTokenSource(rs.app_id, secret), base_url=rs.api_base_url)

    async def _start_emulator(self) -> str:
        if not self._builtin_emulator_allowed:
            raise NoCredentials(translate("RoomSettings", "Rehearsal mode needs the emulator: start it with "
                                          "“studio-console emulator” and pass its address with "
                                          "--base-url."), next_step=NEXT_CHECK_SETTINGS)
        if self.emulator is None:
            from studio.room.emulator import WeChatEmulator

            emulator = WeChatEmulator()
            await emulator.start()
            self.emulator = emulator
            log.info("rehearsal emulator started on %s", emulator.url)
        return self.emulator.url

    async def _stop_emulator(self) -> None:
        if self.emulator is not None:
            await self.emulator.stop()
            self.emulator = None

    async def close(self) -> None:
        await self.model.close()
        await self.targets.close()
        await self._stop_emulator()
