"""Push addresses saved per live room, under a name the host gives ("周五美妆专场").

The address itself (server and key) lives only in the OS keyring, one entry per room. An index of
room names lives in the settings file (``push_rooms``): a keyring cannot list its entries on every
platform, and the index only holds what is safe to read over someone's shoulder — the room name,
the server's host name, the expiry and when it was saved. No key, no masked key, no signature.

Every method blocks (keyring, settings file): from the loop, call them through ``asyncio.to_thread``.
"""

from __future__ import annotations

import json
import logging
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from studio.config import Settings
from studio.errors import UserError
from studio.i18n import translate
from studio.keys.pushurl import PushAddress, expiry_of_key, iso_utc, now_utc
from studio.keys.store import SecretStore, mask_secret
from studio.redact import register_secret

log = logging.getLogger(__name__)

SETTINGS_SECTION = "push_rooms"
ENTRY_PREFIX = "push-address:"  # keyring entry name: push-address:<room name>
MAX_NAME_LENGTH = 40


class RoomNotFound(UserError):
    pass


class BadRoomName(UserError):
    pass


@dataclass(frozen=True)
class RoomEntry:
    """One saved room as the index knows it: nothing secret."""

    name: str
    host: str
    expires_at: datetime | None
    saved_at: datetime | None

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and now >= self.expires_at

    def to_index(self) -> dict[str, Any]:
        return {"host": self.host, "expires_at": iso_utc(self.expires_at),
                "saved_at": iso_utc(self.saved_at)}

    @classmethod
    def from_index(cls, name: str, data: Any) -> RoomEntry:
        data = data if isinstance(data, dict) else {}
        return cls(name=name, host=str(data.get("host", "")),
                   expires_at=_parse_time(data.get("expires_at")),
                   saved_at=_parse_time(data.get("saved_at")))


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def clean_room_name(name: str) -> str:
    """The room name as saved: trimmed, full-width letters folded; refused when unusable."""
    cleaned = unicodedata.normalize("NFKC", name or "").strip()
    if not cleaned:
        raise BadRoomName(translate("PushRooms", "Give the live room a name, e.g. 周五美妆专场."))
    if "://" in cleaned or "txsecret" in cleaned.lower():
        # A name ends up in the settings file: a pasted address in the name box would leak the key.
        raise BadRoomName(translate(
            "PushRooms", "That looks like a push address, not a room name. Paste the address in the "
            "address box and give the room a short name."))
    if len(cleaned) > MAX_NAME_LENGTH:
        raise BadRoomName(translate(
            "PushRooms", "The room name is too long ({length} characters). Use at most {limit}."
        ).format(length=len(cleaned), limit=MAX_NAME_LENGTH))
    if any(unicodedata.category(c).startswith("C") for c in cleaned):
        raise BadRoomName(translate("PushRooms", "The room name cannot contain line breaks or tabs."))
    return cleaned


class PushRooms:
    """Saved push addresses. Share the app's ``Settings`` object so nobody saves a stale copy."""

    def __init__(self, store: SecretStore, settings: Settings | None = None, *,
                 settings_path: Path | None = None,
                 clock: Callable[[], datetime] = now_utc) -> None:
        self.store = store
        self.settings = settings if settings is not None else Settings.load(settings_path)
        self.settings_path = settings_path
        self.clock = clock
        self._lock = threading.Lock()

    # ----- the index (no secrets) --------------------------------------------------------------
    def entries(self) -> list[RoomEntry]:
        """Saved rooms, soonest expiry first (no expiry last). Reads no secret."""
        with self._lock:
            index = dict(self._index())
        rooms = [RoomEntry.from_index(name, data) for name, data in index.items()]
        far = datetime.max.replace(tzinfo=now_utc().tzinfo)
        return sorted(rooms, key=lambda r: (r.expires_at or far, r.name))

    def entry(self, name: str) -> RoomEntry:
        name = clean_room_name(name)
        with self._lock:
            data = self._index().get(name)
        if data is None:
            raise RoomNotFound(self._not_found_message(name))
        return RoomEntry.from_index(name, data)

    def _index(self, *, create: bool = False) -> dict[str, Any]:
        """The rooms section; only a write creates it (reading must not look like a change)."""
        section = self.settings.extra.get(SETTINGS_SECTION)
        if not isinstance(section, dict):
            section = {}
            if create:
                self.settings.extra[SETTINGS_SECTION] = section
        return section

    # ----- secrets -----------------------------------------------------------------------------
    def save(self, name: str, address: PushAddress) -> RoomEntry:
        """Keyring first: if it refuses, nothing is written anywhere (no plain-text fallback)."""
        name = clean_room_name(name)
        register_secret(address.key)
        self.store.set(ENTRY_PREFIX + name, json.dumps({"server": address.server, "key": address.key}))
        entry = RoomEntry(name=name, host=address.host, expires_at=address.expires_at,
                          saved_at=self.clock())
        with self._lock:
            self._index(create=True)[name] = entry.to_index()
            try:
                self.settings.save(self.settings_path)
            except OSError:
                # The key is in the keyring but nobody could find it: take it out again.
                del self._index()[name]
                self.store.delete(ENTRY_PREFIX + name)
                raise UserError(translate(
                    "PushRooms", "Could not write the list of rooms to the settings folder. Check that "
                    "the disk is not full and try again.")) from None
        log.info("push address saved for room %s (expires %s)", name, iso_utc(address.expires_at))
        return entry

    def load(self, name: str) -> PushAddress:
        name = clean_room_name(name)
        raw = self.store.get(ENTRY_PREFIX + name)
        if raw is None:
            if name in self._index():
                raise RoomNotFound(translate(
                    "PushRooms", "The push address of “{name}” is no longer in the system keyring. Paste "
                    "it again and save.").format(name=name))
            raise RoomNotFound(self._not_found_message(name))
        try:
            data = json.loads(raw)
            server, key = str(data["server"]), str(data["key"])
        except (ValueError, KeyError, TypeError):
            raise RoomNotFound(translate(
                "PushRooms", "The saved push address of “{name}” is damaged. Paste it again and save."
            ).format(name=name)) from None
        register_secret(key)
        entry = RoomEntry.from_index(name, self._index().get(name))
        return PushAddress(server=server, key=key, expires_at=expiry_of_key(key) or entry.expires_at)

    def masked_key(self, name: str) -> str:
        return mask_secret(self.load(name).key)

    def delete(self, name: str) -> bool:
        """True when the room existed. The keyring entry goes first: a locked keyring keeps both."""
        name = clean_room_name(name)
        removed_secret = self.store.delete(ENTRY_PREFIX + name)
        with self._lock:
            known = self._index().pop(name, None) is not None
            if known:
                self.settings.save(self.settings_path)
        if not (removed_secret or known):
            raise RoomNotFound(self._not_found_message(name))
        log.info("push address deleted for room %s", name)
        return True

    def _not_found_message(self, name: str) -> str:
        names = "、".join(sorted(self._index())) or translate("PushRooms", "none yet")
        return translate("PushRooms", "No saved room named “{name}”. Saved rooms: {names}").format(
            name=name, names=names)

