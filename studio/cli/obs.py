"""``studio-console obs scenes [--json]`` and ``studio-console obs switch NAME``."""

from __future__ import annotations

import argparse
from typing import Any

from studio.cli import EXIT_OK, run
from studio.cli._common import add_actions, add_command, add_json_option, add_obs_options, obs_link, print_json
from studio.errors import ObsRequestFailed, UserError
from studio.i18n import translate


def register(commands: Any) -> None:
    obs = add_command(commands, "obs", translate("Cli", "control OBS: list and switch scenes"))
    sub = add_actions(obs, "obs_command")
    scenes = add_command(sub, "scenes", translate("Cli", "list the scenes; the program scene is marked *"))
    add_json_option(scenes)
    add_obs_options(scenes)
    scenes.set_defaults(handler=lambda args: run(_scenes(args)))
    switch = add_command(sub, "switch", translate("Cli", "switch the program scene"))
    switch.add_argument("name", help=translate("Cli", "scene name, exactly as in OBS"))
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
