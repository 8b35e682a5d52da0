"""``studio-console channels list|check|use|dashboard``: WeChat Channels (视频号) accounts from scripts.

- ``list [--json]``: the accounts, whether each has logged in once and has its store API;
- ``check ACCOUNT [--json]``: open its web console (headless, the saved login) and say what it
  shows — exit 0 when it is live and usable, 1 when not (logged out, not live, page changed);
- ``use ACCOUNT``: the next show's one-click buttons drive this account;
- ``dashboard ACCOUNT --out FILE [--date YYYYMMDD]``: the day's newest live from the live dashboard
  (``getlivedata``), saved as JSON for ``studio-console review SHOWLOG --platform-data FILE``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from studio.cli import EXIT_FAILED, EXIT_OK, EXIT_PROBLEM, run
from studio.cli._common import add_actions, add_command, add_json_option, print_json
from studio.i18n import translate


def register(commands: Any) -> None:
    channels = add_command(commands, "channels", translate(
        "Cli", "WeChat Channels (视频号) accounts: login state, show target, live dashboard"))
    sub = add_actions(channels, "channels_command")
    listing = add_command(sub, "list", translate("Cli", "the Channels accounts"))
    add_json_option(listing)
    check = add_command(sub, "check", translate("Cli", "open an account's web console and say what it shows"))
    check.add_argument("account", help=translate("Cli", "the Channels account's name (see `channels list`)"))
    add_json_option(check)
    use = add_command(sub, "use", translate("Cli", "make an account the target of the next show's buttons"))
    use.add_argument("account", help=translate("Cli", "the Channels account's name (see `channels list`)"))
    dashboard = add_command(sub, "dashboard", translate(
        "Cli", "save the day's live dashboard data (for `review --platform-data`)"))
    dashboard.add_argument("account", help=translate("Cli", "the Channels account's name (see `channels list`)"))
    dashboard.add_argument("--out", required=True, help=translate("Cli", "the JSON file to write"))
    dashboard.add_argument("--date", help=translate("Cli", "the live's day, YYYYMMDD (China time; default today)"))
    dashboard.add_argument("--api-base-url", help=argparse.SUPPRESS)  # a local stub in tests
    listing.set_defaults(handler=lambda args: run(_list(args)))
    check.set_defaults(handler=lambda args: run(_check(args)))
    use.set_defaults(handler=lambda args: run(_use(args)))
    dashboard.set_defaults(handler=lambda args: run(_dashboard(args)))


def _targets() -> Any:
    from studio.config import Settings
    from studio.room.settings import RoomConnection
    from studio.secrets import SecretStore

    return RoomConnection(Settings.load(), SecretStore(), builtin_emulator=False).targets


async def _list(args: argparse.Namespace) -> int:
    import asyncio

    from studio.room.channels.accounts import store_secret_name

    targets = _targets()
    rows = []
    for account in targets.channels.all():
        secret = bool(account.store_app_id) and bool(await asyncio.to_thread(
            targets.channels.store.get, store_secret_name(account.store_app_id)))
        rows.append({"name": account.name, "logged_in_once": account.profile_dir().is_dir(),
                     "store_api": secret, "timed_messages": len(account.timed_messages),
                     "used_for_show": targets.kind == "channels" and targets.channels_account == account.name})
    if args.json:
        print_json(rows)
    elif not rows:
        print(translate("ChannelsCli", "No Channels account yet. Add one in the window: Setup → Channels."))
    for row in rows if not args.json else []:
        marks = [translate("ChannelsCli", "used for the show") if row["used_for_show"] else "",
                 translate("ChannelsCli", "store API") if row["store_api"] else "",
                 "" if row["logged_in_once"] else translate("ChannelsCli", "never logged in")]
        print(f"{row['name']}\t{' · '.join(m for m in marks if m)}")
    return EXIT_OK


async def _check(args: argparse.Namespace) -> int:
    from studio.room.channels import ConsoleState

    targets = _targets()
    room = await targets.channels.build_room(args.account)
    try:
        state = await room.connect()
    finally:
        await room.close()
    if args.json:
        print_json({"account": args.account, "state": state.value, "problem": room.problem})
    else:
        print(room.problem or translate("ChannelsCli", "The Channels console is open and live."))
    return EXIT_OK if state is ConsoleState.LIVE else EXIT_PROBLEM


async def _use(args: argparse.Namespace) -> int:
    targets = _targets()
    targets.channels.get(args.account)  # a plain error for an unknown account
    await targets.choose("channels", account=args.account)
    print(translate("ChannelsCli", "The next show drives Channels {account}.").format(account=args.account))
    return EXIT_OK


async def _dashboard(args: argparse.Namespace) -> int:
    import asyncio

    from studio.room.channels.api import ChannelsApi

    day = None
    if args.date:
        try:
            day = dt.datetime.strptime(args.date, "%Y%m%d").date()
        except ValueError:
            print(translate("ChannelsCli", "--date takes the day as YYYYMMDD, e.g. 20241201."),
                  file=sys.stderr)
            return EXIT_FAILED
    targets = _targets()
    room = await targets.channels.build_room(args.account, api_base_url=args.api_base_url)
    api: ChannelsApi | None = room.store
    try:
        if api is None:
            print(translate("ChannelsCli", "The account “{account}” has no 微信小店 AppID and AppSecret: add them in "
                                           "Setup → Channels.").format(account=args.account),
                  file=sys.stderr)
            return EXIT_FAILED
        export_id = await api.current_export_id(day)
        if export_id is None:
            print(translate("ChannelsCli", "The live dashboard lists no live on that day."),
                  file=sys.stderr)
            return EXIT_PROBLEM
        answer = await api.dashboard(export_id)
    finally:
        await room.close()
    out = Path(args.out)
    text = json.dumps(answer, ensure_ascii=False, indent=1)
    await asyncio.to_thread(out.write_text, text, encoding="utf-8")
    print(translate("ChannelsCli", "Saved the live dashboard of {export_id} to {path}.").format(
        export_id=export_id, path=out))
    return EXIT_OK
