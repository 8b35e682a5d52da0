"""Pieces shared by the command modules: OBS connection options and a one-shot link."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from studio.errors import ObsNotConnected
from studio.i18n import translate
from studio.obs.link import LinkState, ObsLink
from studio.obs.target import resolve_target


def add_command(commands: Any, name: str, text: str, **kwargs: Any) -> argparse.ArgumentParser:
    """A (sub)command whose one translated line is both its entry in the parent's list and the
    description at the top of its own ``--help``."""
    parser: argparse.ArgumentParser = commands.add_parser(name, help=text, description=text, **kwargs)
    return parser


def add_actions(parser: argparse.ArgumentParser, dest: str) -> Any:
    """The ACTION sub-commands of a command group (``key save``, ``obs switch`` …), titled in words."""
    return parser.add_subparsers(dest=dest, metavar=translate("Cli", "ACTION"), required=True,
                                 title=translate("Cli", "actions"))


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=translate("Cli", "machine-readable output"))


def add_obs_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(translate(
        "Cli", "OBS connection (default: $OBS_HOST/$OBS_PORT/$OBS_PASSWORD, else the saved connection)"))
    group.add_argument("--host", help=translate("Cli", "OBS host"))
    group.add_argument("--port", type=int, help=translate("Cli", "obs-websocket port"))
    group.add_argument("--password", help=translate("Cli", "obs-websocket password (prefer $OBS_PASSWORD)"))
    group.add_argument("--timeout", type=float, default=3.0,
                       help=translate("Cli", "seconds to wait for OBS (default 3)"))


@asynccontextmanager
async def obs_link(args: argparse.Namespace) -> AsyncIterator[ObsLink]:
    """Connect once, or raise ObsNotConnected with the link's plain-words reason."""
    target = resolve_target(args.host, args.port, args.password)
    link = ObsLink(target, connect_timeout=args.timeout, request_timeout=max(args.timeout, 3.0))
    try:
        status = await link.connect_once()
        if status.state is not LinkState.CONNECTED:
            raise ObsNotConnected(status.message)
        yield link
    finally:
        await link.close()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
