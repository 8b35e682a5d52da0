"""``studio-console setup …``: the one-click portrait studio from the command line.

    setup portrait --resolution 720p|1080p [--landscape] [--background PATH] [--layout NAME]
                   [--camera VALUE] [--window VALUE] [--json]
    setup switch-resolution 720p|1080p [--json]      the one-click drop to 720P (and back)
    setup layouts [--json]                           the layouts --layout takes
    setup devices [--json]                           cameras and windows as OBS lists them

Same rules and messages as the setup panel: nothing is changed while OBS outputs anything.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from studio.cli import EXIT_OK, run
from studio.cli._common import add_actions, add_command, add_json_option, add_obs_options, obs_link, print_json
from studio.i18n import translate
from studio.obs.presets import RESOLUTIONS, resolution
from studio.obs.setup import (
    DEFAULT_BACKGROUND,
    DEFAULT_LAYOUT,
    LAYOUTS,
    SetupPlan,
    SetupReport,
    StudioSetup,
    layout_title,
)


def register(commands: Any) -> None:
    setup = add_command(commands, "setup", translate(
        "Cli", "one-click portrait studio: canvas, background, camera, PPT window, output preset"))
    sub = add_actions(setup, "setup_command")

    portrait = add_command(sub, "portrait", translate(
        "Cli", "set up the live room scene in OBS (portrait unless --landscape)"))
    portrait.add_argument("--resolution", required=True, type=str.lower, choices=list(RESOLUTIONS),
                          help=translate("Cli", "720p (1800 kbps) or 1080p (3000 kbps)"))
    portrait.add_argument("--landscape", action="store_true",
                          help=translate("Cli", "1280×720 / 1920×1080 instead"))
    portrait.add_argument("--background", type=Path, default=DEFAULT_BACKGROUND,
                          help=translate("Cli", "background picture (PNG/JPG), scaled to cover the canvas "
                                                "(default: the console's own)"))
    portrait.add_argument("--layout", choices=list(LAYOUTS), default=DEFAULT_LAYOUT,
                          help=translate("Cli", "where camera and PPT go (default %(default)s; see "
                                                "`setup layouts`)"))
    portrait.add_argument("--camera", help=translate(
        "Cli", "camera as `setup devices` lists it (default: keep, or the first camera)"))
    portrait.add_argument("--window", help=translate(
        "Cli", "PPT window as `setup devices` lists it (default: keep, or the open slide show)"))
    add_json_option(portrait)
    add_obs_options(portrait)
    portrait.set_defaults(handler=lambda args: run(_portrait(args)))

    switch = add_command(sub, "switch-resolution", translate(
        "Cli", "switch between 720P and 1080P in one go (canvas or output size, and bitrate)"))
    switch.add_argument("resolution", type=str.lower, choices=list(RESOLUTIONS),
                        help=translate("Cli", "the resolution to switch to"))
    add_json_option(switch)
    add_obs_options(switch)
    switch.set_defaults(handler=lambda args: run(_switch(args)))

    layouts = add_command(sub, "layouts", translate("Cli", "list the layouts"))
    add_json_option(layouts)
    layouts.set_defaults(handler=_layouts)

    devices = add_command(sub, "devices", translate(
        "Cli", "list cameras and capturable windows as OBS sees them"))
    add_json_option(devices)
    add_obs_options(devices)
    devices.set_defaults(handler=lambda args: run(_devices(args)))


def _print_report(report: SetupReport, as_json: bool) -> None:
    if as_json:
        print_json(report.to_json())
        return
    w, h = report.output
    print(translate("Cli", "Scene: {scene}").format(scene=report.scene))
    print(translate("Cli", "Canvas {cw}×{ch}, output {w}×{h}").format(
        cw=report.canvas[0], ch=report.canvas[1], w=w, h=h))
    if report.bitrate_applied:
        print(translate("Cli", "Output preset: x264, video {kbps} kbps, audio 160 kbps").format(
            kbps=report.video_kbps))
    for line in report.manual_steps:
        print(translate("Cli", "To do by hand: {step}").format(step=line))
    for line in report.notes:
        print(translate("Cli", "Note: {note}").format(note=line))


async def _portrait(args: argparse.Namespace) -> int:
    plan = SetupPlan(resolution(args.resolution), portrait=not args.landscape,
                     background=args.background, layout=args.layout, camera=args.camera,
                     window=args.window)
    async with obs_link(args) as link:
        report = await StudioSetup(link).apply(plan)
    _print_report(report, args.json)
    return EXIT_OK


async def _switch(args: argparse.Namespace) -> int:
    async with obs_link(args) as link:
        report = await StudioSetup(link).switch_resolution(resolution(args.resolution))
    _print_report(report, args.json)
    return EXIT_OK


def _layouts(args: argparse.Namespace) -> int:
    if args.json:
        print_json([{"name": name, "title": layout_title(name)} for name in LAYOUTS])
    else:
        for name in LAYOUTS:
            print(f"{name:18} {layout_title(name)}")
    return EXIT_OK


async def _devices(args: argparse.Namespace) -> int:
    async with obs_link(args) as link:
        devices = await StudioSetup(link).list_devices()
    if args.json:
        print_json(devices.to_json())
        return EXIT_OK
    print(translate("Cli", "Cameras ({kind}):").format(kind=devices.camera_kind or "-"))
    for camera in devices.cameras:
        print(f"  {camera.name}\t--camera {camera.value!r}")
    print(translate("Cli", "Windows ({kind}):").format(kind=devices.window_kind or "-"))
    for window in devices.windows:
        mark = "*" if window.value == devices.preselected_window else " "
        print(f"{mark} {window.name}\t--window {window.value!r}")
    for note in devices.notes:
        print(translate("Cli", "Note: {note}").format(note=note))
    return EXIT_OK
