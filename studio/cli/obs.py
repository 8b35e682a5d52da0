"""``studio-console obs scenes [--json]`` and ``studio-console obs switch NAME``."""

from __future__ import annotations

import argparse
from typing import Any

from studio.cli import EXIT_OK, run
from studio.cli._common import add_obs_options, obs_link, print_json
from studio.errors import ObsRequestFailed, UserError
from studio.i18n import translate


def register(commands: Any) -> None:
    obs = commands.add_parser("obs", help="control OBS: list and switch scenes")
    sub = obs.add_subparsers(dest="obs_command", metavar="ACTION", required=True)
    scenes = sub.add_parser("scenes", help="list the scenes; the program scene is marked *")
    scenes.add_argument("--json", action="store_true", help="machine-readable output")
    add_obs_options(scenes)
    scenes.set_defaults(handler=lambda args: run(_scenes(args)))
    switch = sub.add_parser("switch", help="switch the program scene")
    switch.add_argument("name", help="scene name, exactly as in OBS")
    add_obs_options(switch)
    switch.set_defaults(handler=lambda args: run(_switch(args)))


async def _scenes(args: argparse.Namespace) -> int:
    async with obs_link(args) as link:
        answer = await link.request("GetSceneList")
    scenes = sorted(answer.get("scenes", []), key=lambda s: s.get("sceneIndex", 0), reverse=True)
    names = [s["sceneName"] for s in scenes]
    program = answer.get("currentProgramSceneName")
    if args.json:
        print_json({"scenes": names, "program": program,
                    "preview": answer.get("currentPreviewSceneName")})
    else:
        for name in names:
            print(f"{'*' if name == program else ' '} {name}")
    return EXIT_OK


async def _switch(args: argparse.Namespace) -> int:
    async with obs_link(args) as link:
        try:
            await link.request("SetCurrentProgramScene", {"sceneName": args.name})
        except ObsRequestFailed as e:
            if e.code == 600:
                answer = await link.request("GetSceneList")
                names = ", ".join(s["sceneName"] for s in answer.get("scenes", []))
                raise UserError(translate("Cli", "No scene named “{name}”. Scenes: {names}").format(
                    name=args.name, names=names)) from None
            raise
    return EXIT_OK
