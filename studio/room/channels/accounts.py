"""Channels accounts: one per room, each with its own browser profile (its login) and, when the
merchant set them, its 微信小店 API credentials.

Settings keep only what is safe to read over a shoulder (``Settings.extra["channels"]``): the
account names, the store's AppID, a browser path. The store's AppSecret lives in the keyring; the
login lives in the browser profile under the data dir, never a password.

    accounts = ChannelsAccounts(settings, store)
    accounts.add("小店A")                       # a profile dir is made on first login
    room = await accounts.build_room("小店A")   # ChannelsRoom, with coupons/numbers if credentials
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.config import Settings, data_dir
from studio.errors import UserError
from studio.i18n import translate
from studio.redact import register_secret
from studio.room.channels.api import ChannelsApi
from studio.room.channels.room import ChannelsRoom
from studio.room.channels.selectors import load_console_map
from studio.room.channels.timed import TimedMessage
from studio.secrets import SecretStore

SECTION = "channels"
NAME_MAX = 40


def store_secret_name(app_id: str) -> str:
    return f"channels-store-secret:{app_id}"


@dataclass(frozen=True)
class ChannelsAccount:
    name: str
    store_app_id: str = ""  # 微信小店 AppID for coupons and live numbers ("" = console only)
    browser: str = ""  # a Chrome/Edge/Chromium path when the usual places do not have one
    timed_messages: tuple[TimedMessage, ...] = ()  # 定时发言 while a show runs

    def profile_dir(self) -> Path:
        # A readable part and a hash: two names that clean up alike never share a login.
        slug = re.sub(r"[^0-9A-Za-z_-]+", "_", self.name)[:24].strip("_") or "account"
        digest = hashlib.sha1(self.name.encode("utf-8")).hexdigest()[:8]
        return data_dir() / "channels" / f"{slug}-{digest}"


class ChannelsAccounts:
    def __init__(self, settings: Settings, store: SecretStore) -> None:
        self.settings = settings
        self.store = store
        # One room per account for the console's life: a browser profile can be open in one
        # browser only, so the setup panel's login and the show's target share it.
        self._rooms: dict[str, ChannelsRoom] = {}

    async def room(self, name: str) -> ChannelsRoom:
        """The account's room, built once (the same object for the setup panel and the show)."""
        room = self._rooms.get(name)
        if room is None:
            room = self._rooms[name] = await self.build_room(name)
        return room

    async def close(self) -> None:
        rooms, self._rooms = list(self._rooms.values()), {}
        for room in rooms:
            await room.close()

    def _section(self) -> dict[str, Any]:
        raw = self.settings.extra.get(SECTION)
        return raw if isinstance(raw, dict) else {}

    def all(self) -> list[ChannelsAccount]:
        accounts = []
        items = self._section().get("accounts")
        for item in items if isinstance(items, list) else []:  # a hand-edited file may hold anything
            if isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
                raw_rows = item.get("timed_messages")
                rows: list[Any] = raw_rows if isinstance(raw_rows, list) else []
                timed = tuple(m for m in (TimedMessage.from_settings(r) for r in rows) if m is not None)
                accounts.append(ChannelsAccount(item["name"], str(item.get("store_app_id", "") or ""),
                                                str(item.get("browser", "") or ""), timed))
        return accounts

    def get(self, name: str) -> ChannelsAccount:
        for account in self.all():
            if account.name == name:
                return account
        raise UserError(translate("ChannelsAccounts", "There is no Channels account “{name}”. Add it under Setup → "
                                                      "Live room → Channels.").format(name=name))

    def add(self, name: str, store_app_id: str = "", browser: str = "",
            timed_messages: tuple[TimedMessage, ...] | None = None) -> ChannelsAccount:
        """Add (or update) an account; the caller saves the settings (off the loop).
        ``timed_messages=None`` keeps the account's timed messages as they are."""
        name = name.strip()
        if not name or len(name) > NAME_MAX:
            raise UserError(translate("ChannelsAccounts", "Give the Channels account a name of 1 to 40 characters "
                                                          "(e.g. the shop's name)."))
        before = next((a for a in self.all() if a.name == name), None)
        if timed_messages is None:
            timed_messages = before.timed_messages if before is not None else ()
        account = ChannelsAccount(name, store_app_id.strip(), browser.strip(), timed_messages)
        self._write([*(a for a in self.all() if a.name != name), account])
        return account

    def remove(self, name: str) -> None:
        self._write([a for a in self.all() if a.name != name])

    def _write(self, accounts: list[ChannelsAccount]) -> None:
        self.settings.extra[SECTION] = {**self._section(), "accounts": [
            {"name": a.name, "store_app_id": a.store_app_id, "browser": a.browser,
             "timed_messages": [m.as_settings() for m in a.timed_messages]} for a in accounts]}

    def set_store_secret(self, app_id: str, secret: str) -> None:
        """Blocking (keyring): call through ``asyncio.to_thread``."""
        register_secret(secret)
        self.store.set(store_secret_name(app_id), secret)

    async def build_room(self, name: str, *, base_url: str | None = None, api_base_url: str | None = None,
                         headless: bool = True) -> ChannelsRoom:
        """The account's room: the web console, plus the store API when its secret is in the keyring.
        ``base_url``/``api_base_url``: the local replica and stub in rehearsal and tests."""
        account = self.get(name)
        console_map = load_console_map()
        if base_url:
            console_map = console_map.with_base_url(base_url)
        store_api = None
        if account.store_app_id:
            secret = await asyncio.to_thread(self.store.get, store_secret_name(account.store_app_id))
            if secret:
                from studio.room.wechat import DEFAULT_BASE_URL, StableTokenSource, WeChatLiveClient

                client = WeChatLiveClient(StableTokenSource(account.store_app_id, secret),
                                          base_url=api_base_url or DEFAULT_BASE_URL)
                store_api = ChannelsApi(client)
        return ChannelsRoom(account.name, account.profile_dir(), console_map, browser=account.browser,
                            headless=headless, store=store_api, timed_messages=account.timed_messages)
