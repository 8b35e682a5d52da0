"""``studio-console room list|goods|push``: the mini-program live room from scripts.

Uses the saved live-room settings (AppSecret from the keyring); ``--base-url`` points at another
server, e.g. the emulator (``studio-console emulator``) for a rehearsal.
"""

from __future__ import annotations

import argparse
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.cli import EXIT_OK, EXIT_PROBLEM, run
from studio.cli._common import add_actions, add_command, add_json_option, print_json
from studio.i18n import translate

if TYPE_CHECKING:
    from studio.room.wechat import WeChatLiveClient


def register(commands: Any) -> None:
    room = add_command(commands, "room", translate(
        "Cli", "the mini-program live room: rooms, goods, goods push"))
    sub = add_actions(room, "room_command")
    rooms = add_command(sub, "list", translate("Cli", "list the rooms with their status"))
    add_json_option(rooms)
    goods = add_command(sub, "goods", translate("Cli", "list a room's goods (prices in yuan)"))
    goods.add_argument("room_id", type=int, help=translate("Cli", "the room's id (see `room list`)"))
    add_json_option(goods)
    push = add_command(sub, "push", translate("Cli", "push a product on screen in a live room (商品上屏)"))
    push.add_argument("room_id", type=int, help=translate("Cli", "the room's id (see `room list`)"))
    push.add_argument("goods_id", type=int, help=translate("Cli", "the product's goods id (see `room goods`)"))
    match = add_command(sub, "match", translate(
        "Cli", "check a show plan's products against a room's goods before the show"))
    match.add_argument("plan", help=translate("Cli", "the show plan file (TOML)"))
    match.add_argument("room_id", type=int, help=translate("Cli", "the room's id (see `room list`)"))
    add_json_option(match)
    target = add_command(sub, "target", translate(
        "Cli", "show or choose what the show's one-click buttons drive"))
    target.add_argument("kind", nargs="?", choices=["miniprogram", "manual", "dryrun"],
                        help=translate("Cli", "miniprogram (the picked room; rehearsal if it is on), "
                                              "manual (checklist), dryrun"))
    for parser in (rooms, goods, push, match):
        parser.add_argument("--base-url", help=translate(
            "Cli", "API address instead of the saved one (e.g. the emulator's)"))
    rooms.set_defaults(handler=lambda args: run(_list(args)))
    goods.set_defaults(handler=lambda args: run(_goods(args)))
    push.set_defaults(handler=lambda args: run(_push(args)))
    match.set_defaults(handler=lambda args: run(_match(args)))
    target.set_defaults(handler=lambda args: run(_target(args)))


@asynccontextmanager
async def _client(args: argparse.Namespace) -> AsyncIterator[WeChatLiveClient]:
    # Imported here: aiohttp is not loaded for every other command's start.
    from studio.config import Settings
    from studio.keys.store import SecretStore
    from studio.room.settings import RoomConnection, RoomSettings

    settings = Settings.load()
    if args.base_url:
        # A URL given here is a one-off: the saved settings are not changed.
        room_settings = RoomSettings.from_settings(settings)
        if room_settings.rehearsal:
            room_settings.rehearsal_url = args.base_url
        else:
            room_settings.api_base_url = args.base_url
        room_settings.validate()
        room_settings.store_in(settings)
    connection = RoomConnection(settings, SecretStore(), builtin_emulator=False)
    client = await connection.build_client()
    try:
        yield client
    finally:
        await client.close()


async def _list(args: argparse.Namespace) -> int:
    async with _client(args) as client:
        rooms = await client.rooms()
    if args.json:
        print_json([{"room_id": r.room_id, "name": r.name, "live_status": r.live_status,
                     "status": r.status_text, "anchor": r.anchor_name, "start_time": r.start_time,
                     "end_time": r.end_time, "goods": len(r.goods)} for r in rooms])
    else:
        for r in rooms:
            print(f"{r.room_id:>8}  {r.status_text:<20} {r.name}")
    return EXIT_OK


async def _goods(args: argparse.Namespace) -> int:
    async with _client(args) as client:
        room = await client.room(args.room_id)
    if args.json:
        print_json([{"goods_id": g.goods_id, "name": g.name, "price_yuan": str(g.sale_price_yuan),
                     "price": g.price_text(), "image": g.cover_img} for g in room.goods])
    else:
        for g in room.goods:
            print(f"{g.goods_id:>8}  {g.price_text():<24} {g.name}")
    return EXIT_OK


async def _push(args: argparse.Namespace) -> int:
    async with _client(args) as client:
        await client.push_goods(args.room_id, args.goods_id)
    print(translate("Cli", "Goods {goods} pushed on screen in room {room}.").format(
        goods=args.goods_id, room=args.room_id))
    return EXIT_OK


async def _match(args: argparse.Namespace) -> int:
    from studio.room.matching import match_goods
    from studio.show.plan import load_plan

    plan = load_plan(Path(args.plan))
    async with _client(args) as client:
        room = await client.room(args.room_id)
        approved = await client.approved_goods(2)
        unapproved = [g for status in (0, 1, 3) for g in await client.approved_goods(status)]
    report = match_goods(plan.products, room.goods, approved=approved, unapproved=unapproved)
    if args.json:
        print_json([{"product": r.product_id, "name": r.product_name, "status": r.status,
                     "goods_id": r.goods_id, "advice": r.advice} for r in report.rows])
    else:
        for r in report.rows:
            goods = "" if r.goods_id is None else str(r.goods_id)
            print(f"{r.product_id:<12} {goods:>8}  {r.status:<12} {r.product_name}  {r.advice}".rstrip())
        print(report.summary())
    return EXIT_OK if not report.problems else EXIT_PROBLEM


async def _target(args: argparse.Namespace) -> int:
    from studio.config import Settings
    from studio.room.settings import RoomConnection
    from studio.secrets import SecretStore

    connection = RoomConnection(Settings.load(), SecretStore(), builtin_emulator=False)
    try:
        if args.kind:
            await connection.targets.choose(args.kind)
        print(translate("Cli", "The show's one-click buttons drive: {target}").format(
            target=connection.targets.label()))
    finally:
        await connection.close()
    return EXIT_OK
