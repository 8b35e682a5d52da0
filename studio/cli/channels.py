"""``studio-console channels list|check|use|dashboard|live-data``: WeChat Channels (视频号) accounts from scripts.

- ``list [--json]``: the accounts, whether each has logged in once and has its store API;
- ``check ACCOUNT [--json]``: open its web console (headless, the saved login) and say what it
  shows — exit 0 when it is live and usable, 1 when not (logged out, not live, page changed) —
  and which page map it used (the shipped selectors, or the user's ``channels-selectors.json``);
- ``use ACCOUNT``: the next show's one-click buttons drive this account;
- ``dashboard ACCOUNT --out FILE [--date YYYYMMDD]``: the day's newest live from the live dashboard
  (``getlivedata``), saved as JSON for ``studio-console review SHOWLOG --platform-data FILE``;
- ``live-data [ACCOUNT] [--showlog SHOWLOG | --days N] [--out FILE] [--json]``: the after-show data
  (``get_finder_live_data_list``: 观看人数, 最高在线, 人均观看时长, 新增粉丝, 评论, 分享, 喝彩 per
  live) — printed, or saved for ``review SHOWLOG --platform-data FILE``. With ``--showlog`` only the
  live that overlaps that show; exit 1 when there is none. A figure WeChat did not give reads "—"
  (``null`` in JSON), never 0.
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
    live_data = add_command(sub, "live-data", translate(
        "Cli", "the after-show data of the lives (viewers, peak online, watch time, follows, comments), "
               "printed or saved for `review --platform-data`"))
    live_data.add_argument("account", nargs="?", help=translate(
        "Cli", "the Channels account's name (default: the show's account, or the only one)"))
    live_data.add_argument("--showlog", type=Path, help=translate(
        "Cli", "only the live that overlaps this show (its show log, or its name in the shows folder)"))
    live_data.add_argument("--days", type=float, default=7.0, help=translate(
        "Cli", "without --showlog: the lives that closed in the last DAYS days (default %(default)s)"))
    live_data.add_argument("--out", type=Path, help=translate(
        "Cli", "save the lives to this JSON file, for `review SHOWLOG --platform-data FILE`"))
    add_json_option(live_data)
    live_data.add_argument("--api-base-url", help=argparse.SUPPRESS)  # a local stub in tests
    listing.set_defaults(handler=lambda args: run(_list(args)))
    check.set_defaults(handler=lambda args: run(_check(args)))
    use.set_defaults(handler=lambda args: run(_use(args)))
    dashboard.set_defaults(handler=lambda args: run(_dashboard(args)))
    live_data.set_defaults(handler=lambda args: run(_live_data(args)))


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
    from studio.config import config_dir
    from studio.room.channels import ConsoleState, load_console_map
    from studio.room.channels.selectors import OVERRIDE_NAME

    targets = _targets()
    room = await targets.channels.build_room(args.account)
    try:
        state = await room.connect()
    finally:
        await room.close()
    source = load_console_map().source  # the map build_room used: shipped, or the user's override file
    if args.json:
        print_json({"account": args.account, "state": state.value, "problem": room.problem, "page_map": source})
    else:
        print(room.problem or translate("ChannelsCli", "The Channels console is open and live."))
        print(translate("ChannelsCli", "Page map: built in (an override goes to {path}).").format(
            path=config_dir() / OVERRIDE_NAME) if source == "shipped" else
            translate("ChannelsCli", "Page map: {path}").format(path=source))
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


def _account_for(targets: Any, name: str | None) -> str:
    """The named account; else the show's Channels account; else the only one."""
    from studio.errors import UserError

    if name:
        return str(targets.channels.get(name).name)  # a plain error for an unknown account
    if targets.kind == "channels" and targets.channels_account:
        return str(targets.channels_account)
    accounts = list(targets.channels.all())
    if len(accounts) == 1:
        return str(accounts[0].name)
    raise UserError(translate("ChannelsCli", "Name the Channels account ({names}).").format(
        names="、".join(a.name for a in accounts) or translate("ChannelsCli", "none yet: add one in Setup → Channels")))


def _show_span(path: Path) -> tuple[Path, float, float]:
    """A show log's start and end (the first and last events), found by path or by name."""
    from studio.errors import UserError
    from studio.review.shows import list_shows
    from studio.show.session import shows_dir

    if not path.exists() and (shows_dir() / path.name).exists():
        path = shows_dir() / path.name
    if path.exists():
        for entry in list_shows(path.parent):
            if Path(entry.path).resolve() == path.resolve() and entry.start is not None:
                return path, entry.start, entry.end or entry.start
    raise UserError(translate("ChannelsCli", "No show log with a start at {path}. `studio-console review --list` "
                                             "shows the shows on this computer.").format(path=path))


def _live_line(live: Any) -> str:
    """One live in a line: its start (China time), length, id and the figures; "—" where missing."""
    from studio.room.channels.api import CHINA

    def fig(key: str) -> str:
        value = live.figures.get(key)
        return "—" if value is None else f"{value:,}"

    start = dt.datetime.fromtimestamp(live.start, CHINA).strftime("%Y-%m-%d %H:%M") if live.start else "?"
    minutes = "—" if live.duration_s is None else f"{live.duration_s / 60:.0f}"
    watch = live.figures.get("avg_watch_s")
    return translate("ChannelsCli", "{start} (China time), {minutes} min, live {id}: viewers {viewers} · peak "
                                    "online {peak} · average watch {watch} s · new followers {follows} · comments "
                                    "{comments} · shares {shares} · cheers {cheers}").format(
        start=start, minutes=minutes, id=live.export_id, viewers=fig("viewers"), peak=fig("online_peak"),
        watch="—" if watch is None else watch, follows=fig("new_followers"), comments=fig("comments"),
        shares=fig("shares"), cheers=fig("cheers"))


async def _live_data(args: argparse.Namespace) -> int:
    import asyncio
    import time

    from studio.review.platform_channels import ShowRow, after_show_file, best_show

    targets = _targets()
    account = _account_for(targets, args.account)
    span = _show_span(args.showlog) if args.showlog else None
    now = time.time()
    # The API compares its range with each live's close time: a show's live closes after it began
    # and, at the latest, some hours after the console's show ended.
    start_time, end_time = (span[1], span[2] + 6 * 3600) if span else (now - args.days * 86_400, now)
    room = await targets.channels.build_room(account, api_base_url=args.api_base_url)
    try:
        if room.store is None:
            print(translate("ChannelsCli", "The account “{account}” has no 微信小店 AppID and AppSecret: add them in "
                                           "Setup → Channels.").format(account=account), file=sys.stderr)
            return EXIT_FAILED
        data = await room.store.after_show_data(start_time, end_time)
    finally:
        await room.close()
    lives, items = data.lives, data.items
    if span is not None:  # the live the review will take for this show (the same rule)
        rows: list[ShowRow] = [(float(live.start), float(live.end or live.start), live.export_id, {})
                               for live in lives if live.start is not None]
        best = best_show(rows, span[1], span[2])
        lives = [live for live in lives if best is not None and live.export_id == best[2]][:1]
        items = [i for i in items if lives and str(i.get("export_id")) == lives[0].export_id][:1]
    if args.out is not None and lives:
        payload = after_show_file(items, account=account, start_time=start_time, end_time=end_time,
                                  fetched_at=now, truncated=data.truncated)
        text = json.dumps(payload, ensure_ascii=False, indent=1)
        await asyncio.to_thread(args.out.write_text, text, encoding="utf-8")
    if args.json:
        print_json([{"export_id": live.export_id, "start": live.start, "duration_s": live.duration_s,
                     **live.figures} for live in lives])
    else:
        for live in lives:
            print(_live_line(live))
    if data.truncated:
        print(translate("ChannelsCli", "WeChat had more lives than the console reads at once: some may be missing; "
                                       "narrow the range with --showlog or --days."), file=sys.stderr)
    if not lives:
        print(translate("ChannelsCli", "Channels lists no live that overlaps this show.") if span else
              translate("ChannelsCli", "Channels lists no live that closed in that time."), file=sys.stderr)
        return EXIT_PROBLEM
    if args.out is not None:
        print(translate("ChannelsCli", "Saved {count} Channels live(s) to {path}: review with `studio-console "
                                       "review SHOWLOG --platform-data {path}`.").format(count=len(lives),
                                                                                        path=args.out))
    return EXIT_OK

