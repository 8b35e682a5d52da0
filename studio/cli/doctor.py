"""``studio-console doctor [--json]``: exit 0 only when all is well."""

from __future__ import annotations

import argparse
from typing import Any

from studio.cli import EXIT_OK, EXIT_PROBLEM, run
from studio.cli._common import add_command, add_json_option, add_obs_options, print_json
from studio.doctor import run_checks
from studio.i18n import translate
from studio.obs.target import resolve_target


def register(commands: Any) -> None:
    doctor = add_command(commands, "doctor", translate(
        "Cli", "check OBS, versions, output mode, keyring and fonts"))
    add_json_option(doctor)
    add_obs_options(doctor)
    doctor.set_defaults(handler=lambda args: run(_doctor(args)))


async def _doctor(args: argparse.Namespace) -> int:
    checks = await run_checks(resolve_target(args.host, args.port, args.password), timeout=args.timeout)
    ok = all(c.ok for c in checks)
    if args.json:
        print_json({"ok": ok, "checks": [c.as_dict() for c in checks]})
    else:
        for c in checks:
            print(f"{'OK  ' if c.ok else 'FAIL'} {c.name:12} {c.detail}")
    return EXIT_OK if ok else EXIT_PROBLEM
