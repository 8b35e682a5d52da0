"""``studio-console remote …``: the running console's remote control, from a script or a Stream
Deck "run a command" button.

- ``remote status [--json]``: on or off (the settings), and whether a console answers on the port;
- ``remote press KEY [--confirmed] [--json]``: press a pad key of the running console, through its
  API with the install's token (from the keyring) — the same press as a click, logged with source
  "api"; exit 0 when done, 2 when not sent (the reason on stderr);
- ``remote url [--key KEY]``: the phone page's link, or a Stream Deck "Website" URL for one key.
  Both carry the token: share them only with the team.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

import aiohttp

from studio.cli import EXIT_FAILED, EXIT_OK, run
from studio.cli._common import add_actions, add_command, add_json_option, print_json
from studio.config import Settings
from studio.errors import UserError
from studio.i18n import translate
from studio.keys.store import SecretStore
from studio.remote.auth import load_or_create_token
from studio.remote.service import DEFAULT_PORT, SECTION, detect_lan_address

TIMEOUT_SECONDS = 20.0


def register(commands: Any) -> None:
    remote = add_command(commands, "remote", translate(
        "Cli", "the running console's remote control (status, press a key, links)"))
    sub = add_actions(remote, "remote_command")
    status = add_command(sub, "status", translate(
        "Cli", "is the remote control on, and does the console answer"))
    add_json_option(status)
    status.set_defaults(handler=lambda args: run(_status(args)))
    press = add_command(sub, "press", translate(
        "Cli", "press a pad key of the running console (explain, push, coupon …)"))
    press.add_argument("key", help=translate("Cli", "the pad key's id: explain, push, coupon, lottery, draw, next …"))
    press.add_argument("--confirmed", action="store_true",
                       help=translate("Cli", "answer yes to \"interrupt the explanation?\""))
    add_json_option(press)
    press.set_defaults(handler=lambda args: run(_press(args)))
    url = add_command(sub, "url", translate(
        "Cli", "the phone link, or a Stream Deck URL for one key (contains the token)"))
    url.add_argument("--key", help=translate("Cli", "a pad key id: print its Stream Deck \"Website\" URL"))
    url.set_defaults(handler=lambda args: run(_url(args)))


def _port(settings: Settings) -> int:
    section = settings.extra.get(SECTION)
    try:
        return int(section.get("port", DEFAULT_PORT)) if isinstance(section, dict) else DEFAULT_PORT
    except (TypeError, ValueError):
        return DEFAULT_PORT


def _base(settings: Settings) -> str:
    return f"http://127.0.0.1:{_port(settings)}"


async def _answers(base: str) -> bool:
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=3)) as http, http.get(base + "/") as r:
            return r.status == 200
    except (aiohttp.ClientError, TimeoutError, OSError):
        return False


async def _status(args: argparse.Namespace) -> int:
    settings = await asyncio.to_thread(Settings.load)
    section = settings.extra.get(SECTION)
    section = section if isinstance(section, dict) else {}
    base = _base(settings)
    answering = await _answers(base)
    data = {"enabled": bool(section.get("enabled", False)), "lan": bool(section.get("lan", False)),
            "port": _port(settings), "answering": answering}
    if args.json:
        print_json(data)
    elif answering:
        print(translate("RemoteCli", "Remote control is on: {url}").format(url=base))
    else:
        print(translate("RemoteCli", "Remote control is off (nothing answers at {url}). Turn it on in the "
                                     "console's remote control settings.").format(url=base))
    return EXIT_OK


async def _token() -> str:
    store = SecretStore()
    return await asyncio.to_thread(load_or_create_token, store)


async def _press(args: argparse.Namespace) -> int:
    settings = await asyncio.to_thread(Settings.load)
    base = _base(settings)
    token = await _token()
    url = f"{base}/api/v1/actions/{args.key}/run"
    params = {"source": "api", **({"confirmed": "1"} if args.confirmed else {})}
    try:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS)) as http, \
                http.post(url, params=params, headers={"Authorization": f"Bearer {token}"}) as r:
            body = await r.json(content_type=None)
            status = r.status
    except (aiohttp.ClientError, TimeoutError, OSError):
        raise UserError(translate("RemoteCli", "The console does not answer at {url}. Start the console and turn "
                                               "its remote control on.").format(url=base)) from None
    if args.json:
        print_json({"http": status, **body})
    elif status in (200, 207):
        print(body.get("message", ""))
    if status == 200:
        return EXIT_OK
    if not args.json:
        print(body.get("message", ""), file=sys.stderr)
    return EXIT_FAILED


async def _url(args: argparse.Namespace) -> int:
    settings = await asyncio.to_thread(Settings.load)
    token = await _token()
    base = _base(settings)
    section = settings.extra.get(SECTION)
    if isinstance(section, dict) and section.get("lan"):  # a phone reaches the LAN address, not loopback
        lan = detect_lan_address()
        if lan:
            base = f"http://{lan}:{_port(settings)}"
    if args.key:
        print(f"{base}/api/v1/actions/{args.key}/run?token={token}&source=streamdeck")
    else:
        print(f"{base}/?token={token}")
    return EXIT_OK
