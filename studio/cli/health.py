"""``studio-console health --seconds N [--json]``: the stream's health, one sample a second.

For scripts and support: time, kbit/s, dropped frames %, congestion and the status word
(稳定/偏低/危险), computed exactly as the console's health dock does (bytes over OBS's own output
time, a verdict over a sustained window). It polls OBS itself through its own ``StreamControl``.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from typing import Any

from studio.cli import EXIT_OK, run
from studio.cli._common import add_command, add_obs_options, obs_link, print_json
from studio.health.monitor import StreamHealth
from studio.health.sampler import Sample, SampleState
from studio.health.status import Verdict
from studio.i18n import translate
from studio.obs.stream import StreamControl


def register(commands: Any) -> None:
    health = add_command(commands, "health", translate(
        "Cli", "print stream health samples: kbit/s, dropped frames, congestion, status"))
    health.add_argument("--seconds", type=_positive, default=10.0, metavar="N",
                        help=translate("Cli", "how long to sample (default 10)"))
    health.add_argument("--json", action="store_true",
                        help=translate("Cli", "machine-readable output at the end"))
    add_obs_options(health)
    health.set_defaults(handler=lambda args: run(_health(args)))


def _positive(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(translate("Cli", "must be more than 0"))
    return value


async def _health(args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = []
    async with obs_link(args) as link:
        stream = StreamControl(link)
        health = StreamHealth(link, stream, record=False)

        def on_health_changed() -> None:
            assert health.last is not None
            row = sample_row(health.last, health.verdict)
            rows.append(row)
            if not args.json:
                print(text_line(health.last, health.verdict), flush=True)

        health.changed.connect(on_health_changed)
        if not args.json:
            print(translate("HealthCli", "time      kbit/s   dropped  congestion  status"), flush=True)
        loop = asyncio.get_running_loop()
        start = loop.time()
        deadline = start + args.seconds
        tick = 0
        while loop.time() < deadline:
            await stream.poll_once()
            await health.sampler.drain()
            tick += 1
            # A fixed rate (not "sleep 1 s after the work"), so N seconds give about N samples.
            await asyncio.sleep(max(0.0, min(start + tick * stream.poll_interval, deadline) - loop.time()))
        await health.close()
    if args.json:
        verdict = health.verdict
        print_json({"samples": rows, "status": {
            "level": verdict.level.name.lower(), "reason": verdict.reason.value,
            "word": verdict.word, "advice": verdict.advice,
            "kbps": None if verdict.kbps is None else round(verdict.kbps, 1)}})
    elif not rows:
        print(translate("HealthCli", "No samples: OBS did not answer."), file=sys.stderr)
    return EXIT_OK


def sample_row(sample: Sample, verdict: Verdict) -> dict[str, Any]:
    row = sample.as_dict()
    row["time_local"] = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(sample.time))
    row["status"] = verdict.level.name.lower()  # stable / low / critical / idle
    row["status_reason"] = verdict.reason.value
    return row


def text_line(sample: Sample, verdict: Verdict) -> str:
    clock = time.strftime("%H:%M:%S", time.localtime(sample.time))
    if sample.state is SampleState.RECONNECTING:
        figures = translate("HealthCli", "— OBS reconnecting to the platform —")
    elif sample.state is SampleState.OBS_GONE:
        figures = translate("HealthCli", "— OBS not answering —")
    elif sample.state is SampleState.OFF:
        figures = translate("HealthCli", "— not streaming —")
    else:
        kbps = "     —" if sample.kbps is None else f"{sample.kbps:6.0f}"
        dropped = "     —" if sample.dropped_pct is None else f"{sample.dropped_pct:5.2f}%"
        congestion = "     —" if sample.congestion is None else f"{sample.congestion * 100:5.1f}%"
        figures = f"{kbps}   {dropped}   {congestion}   "
    return f"{clock}  {figures}  {verdict.word}"
