"""``studio-console emulator [--port N]``: a local stand-in for the mini-program live API.

For rehearsal (彩排) and scripts: it binds 127.0.0.1, prints its URL and runs until Ctrl+C. Point
the console at it with rehearsal mode (live-room settings → rehearsal address) or ``--base-url``.
"""

from __future__ import annotations

import argparse
from typing import Any

from studio.cli import EXIT_OK
from studio.cli._common import add_command
from studio.errors import UserError
from studio.i18n import translate

DEFAULT_PORT = 8787


def register(commands: Any) -> None:
    emulator = add_command(commands, "emulator", translate(
        "Cli", "run a local stand-in for the mini-program live API (rehearsal, tests)"))
    emulator.add_argument("--port", type=int, default=DEFAULT_PORT, help=translate(
        "Cli", "port on 127.0.0.1 (default %(default)s; 0 = any free port)"))
    emulator.set_defaults(handler=_emulator)


def _emulator(args: argparse.Namespace) -> int:
    if not 0 <= args.port < 65536:
        raise UserError(translate("Cli", "Port {port} is not a port number (0–65535).").format(
            port=args.port))
    # Imported here: aiohttp is not loaded for every other command's start.
    from studio.room.emulator import CONTROL_PATH, REHEARSAL_APP_ID, WeChatEmulator

    server = WeChatEmulator(port=args.port)

    def started(url: str) -> None:
        print(translate("Cli", "Mini-program live emulator running at {url}").format(url=url), flush=True)
        print(translate("Cli", "Rehearsal AppID: {app_id} (any AppSecret). Control: POST {url} "
                        "Press Ctrl+C to stop.").format(app_id=REHEARSAL_APP_ID,
                                                         url=url.rstrip("/") + CONTROL_PATH), flush=True)

    try:
        server.run_blocking(on_started=started)
    except OSError as e:
        raise UserError(translate("Cli", "Could not listen on 127.0.0.1:{port} ({reason}). Pick another "
                                  "port with --port.").format(port=args.port, reason=e.strerror)) from None
    except KeyboardInterrupt:
        print(translate("Cli", "Emulator stopped."))
    return EXIT_OK
