"""``studio-console key parse|save|list|apply|delete``: push addresses, kept in the OS keyring.

The address is read from stdin (never an argument: arguments show up in ``ps`` and shell history).
Keys are only ever printed masked.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import datetime
from typing import Any

from studio.cli import EXIT_OK, run
from studio.cli._common import add_actions, add_command, add_json_option, add_obs_options, obs_link, print_json
from studio.i18n import translate
from studio.keys.apply import apply_to_obs, local_time_text, refuse_if_expired
from studio.keys.pushurl import PushAddress, iso_utc, now_utc, parse_push_address
from studio.keys.rooms import PushRooms, RoomEntry, RoomNotFound, clean_room_name
from studio.keys.store import SecretStore


def register(commands: Any) -> None:
    key = add_command(commands, "key", translate(
        "Cli", "push addresses (推流地址): parse, keep in the keyring, apply to OBS"))
    sub = add_actions(key, "key_command")

    parse = add_command(sub, "parse", translate(
        "Cli", "split the push address on stdin into server and (masked) key"))
    add_json_option(parse)
    parse.set_defaults(handler=_parse)

    save = add_command(sub, "save", translate(
        "Cli", "save the push address on stdin for a live room (keyring only)"))
    save.add_argument("room", help=translate("Cli", "the live room's name, e.g. 周五美妆专场"))
    save.set_defaults(handler=_save)

    listing = add_command(sub, "list", translate("Cli", "saved rooms, keys masked, with expiry"))
    add_json_option(listing)
    listing.set_defaults(handler=_list)

    apply = add_command(sub, "apply", translate(
        "Cli", "set a saved room's server and key in OBS (not while streaming)"))
    apply.add_argument("room", help=translate("Cli", "the saved room's name (see `key list`)"))
    add_obs_options(apply)
    apply.set_defaults(handler=lambda args: run(_apply(args)))

    delete = add_command(sub, "delete", translate("Cli", "forget a saved room and its key"))
    delete.add_argument("room", help=translate("Cli", "the saved room's name (see `key list`)"))
    delete.set_defaults(handler=_delete)


def read_stdin() -> str:
    """stdin as text: UTF-8 (with or without BOM), else GB18030 (a Chinese Windows console pipe)."""
    if sys.stdin.isatty():
        print(translate("Cli", "Paste the push address, then press Ctrl-D (on Windows: Ctrl-Z, Enter)."),
              file=sys.stderr)
    raw = sys.stdin.buffer.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def _expiry_text(expires_at: datetime | None, expired: bool) -> str:
    if expires_at is None:
        return translate("Cli", "no expiry in the address")
    if expired:
        return translate("Cli", "{time} — EXPIRED, get a new push address").format(
            time=local_time_text(expires_at))
    return local_time_text(expires_at)


def _describe(address: PushAddress) -> dict[str, Any]:
    return {"server": address.server, "key": address.masked_key,
            "expires_at": iso_utc(address.expires_at), "expired": address.expired(now_utc())}


def _parse(args: argparse.Namespace) -> int:
    address = parse_push_address(read_stdin())
    info = _describe(address)
    if args.json:
        print_json(info)
    else:
        print(translate("Cli", "Server:     {server}").format(server=address.server))
        print(translate("Cli", "Stream key: {key}").format(key=address.masked_key))
        print(translate("Cli", "Expires:    {expiry}").format(
            expiry=_expiry_text(address.expires_at, info["expired"])))
    return EXIT_OK


def _rooms() -> PushRooms:
    return PushRooms(SecretStore())


def _save(args: argparse.Namespace) -> int:
    address = parse_push_address(read_stdin())
    refuse_if_expired(address, now_utc())
    entry = _rooms().save(args.room, address)
    print(translate("Cli", "Saved the push address for “{room}” in the system keyring (key {key}, "
                    "expires {expiry}).").format(room=entry.name, key=address.masked_key,
                                                 expiry=_expiry_text(address.expires_at, False)))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    rooms = _rooms()
    now = now_utc()
    rows = [_row(rooms, entry, now) for entry in rooms.entries()]
    if args.json:
        print_json([row for row, _ in rows])
        return EXIT_OK
    if not rows:
        print(translate("Cli", "No saved rooms. Save one with: studio-console key save ROOM < address.txt"))
    for row, expires_at in rows:
        expiry = row.get("problem") or _expiry_text(expires_at, row["expired"])
        print(f"{row['room']}\t{row['server']}\t{row['key'] or ''}\t{expiry}")
    return EXIT_OK


def _row(rooms: PushRooms, entry: RoomEntry, now: datetime) -> tuple[dict[str, Any], datetime | None]:
    try:
        address = rooms.load(entry.name)  # a locked keyring raises KeyringUnavailable: one clear line
    except RoomNotFound as e:
        # The index knows the room but the keyring lost it: list it, say so, show nothing secret.
        return ({"room": entry.name, "server": "", "key": None, "expires_at": iso_utc(entry.expires_at),
                 "expired": entry.expired(now), "saved_at": iso_utc(entry.saved_at), "problem": str(e)},
                entry.expires_at)
    return ({"room": entry.name, "server": address.server, "key": address.masked_key,
             "expires_at": iso_utc(address.expires_at), "expired": address.expired(now),
             "saved_at": iso_utc(entry.saved_at)}, address.expires_at)


async def _apply(args: argparse.Namespace) -> int:
    address = await asyncio.to_thread(_rooms().load, args.room)
    refuse_if_expired(address, now_utc())
    async with obs_link(args) as link:
        applied = await apply_to_obs(link, address)
    print(translate("Cli", "OBS now pushes to {server} with key {key} (read back from OBS and "
                    "checked).").format(server=applied.server, key=applied.masked_key))
    return EXIT_OK


def _delete(args: argparse.Namespace) -> int:
    name = clean_room_name(args.room)
    _rooms().delete(name)
    print(translate("Cli", "Deleted the push address of “{room}”.").format(room=name))
    return EXIT_OK
