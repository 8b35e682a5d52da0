"""``studio-console show check PLAN [--json]``: validate a show plan, every problem with its line.

Exit 0 when the plan is fine, 1 when it has problems (each printed as ``FILE:LINE: message``),
2 when the file cannot be read at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from studio.cli import EXIT_OK, EXIT_PROBLEM
from studio.cli._common import add_actions, add_command, add_json_option, print_json
from studio.i18n import translate
from studio.show.plan import check_plan_text
from studio.show.plan.validate import read_plan_text


def register(commands: Any) -> None:
    show = add_command(commands, "show", translate("Cli", "the show plan: check it before the show"))
    sub = add_actions(show, "show_command")
    check = add_command(sub, "check", translate(
        "Cli", "validate a show plan; prints every problem with its line"))
    check.add_argument("plan", type=Path, help=translate("Cli", "the plan file (.toml)"))
    add_json_option(check)
    check.set_defaults(handler=_check)


def _check(args: argparse.Namespace) -> int:
    path: Path = args.plan
    plan, problems = check_plan_text(read_plan_text(path))
    if args.json:
        summary = None
        if plan is not None:
            summary = {"title": plan.show.title, "products": len(plan.products),
                       "coupons": len(plan.coupons), "lotteries": len(plan.lotteries),
                       "announcements": len(plan.announcements), "steps": len(plan.order)}
        print_json({"file": str(path), "ok": not problems, "plan": summary,
                    "problems": [p.as_dict() for p in problems]})
    elif problems:
        for problem in problems:
            print(f"{path}:{problem.line}: {problem.message}")
        print(translate("Cli", "{count} problem(s) in the show plan.").format(count=len(problems)),
              file=sys.stderr)
    else:
        assert plan is not None
        print(translate("Cli", "The show plan is fine: {products} products, {lotteries} lotteries, "
                               "{steps} steps.").format(products=len(plan.products),
                                                        lotteries=len(plan.lotteries),
                                                        steps=len(plan.order)))
    return EXIT_PROBLEM if problems else EXIT_OK
