"""``studio-console <command>``: the same core as the GUI, for scripts and Stream Deck buttons.

Every command module in this package has ``register(subparsers)``; it sets ``handler`` on its
parser, a function ``(args) -> int`` (the exit code). A failure the user can act on is one clear
line on stderr and a non-zero exit; never a traceback (``--debug`` shows one).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence

from studio import __version__
from studio.errors import UserError
from studio.i18n import QT_TRANSLATE_NOOP, install_for_cli, translate
from studio.redact import install_on_root

EXIT_OK = 0
EXIT_PROBLEM = 1  # the command ran and found something wrong (doctor, show check)
EXIT_FAILED = 2  # the command could not do what was asked
EXIT_INTERNAL = 70

# argparse's own words (Python 3.11–3.13 look them up through gettext at call time): marked here
# for lupdate under one context, translated by ``_argparse_gettext`` — so ``--help`` and its errors
# read Chinese on a Chinese system like the rest of the console.
ARGPARSE_TEXTS = frozenset((
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "optional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("Argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("Argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("Argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("Argparse", "can't open '%(filename)s': %(error)s"),
))


def _argparse_gettext(text: str) -> str:
    return translate("Argparse", text) if text in ARGPARSE_TEXTS else text


def _argparse_ngettext(singular: str, plural: str, n: int) -> str:
    return _argparse_gettext(singular if n == 1 else plural)


def translate_argparse() -> None:
    """Route argparse's own texts (usage, options, errors) through our translations."""
    argparse._ = _argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = _argparse_ngettext  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    translate_argparse()
    parser = argparse.ArgumentParser(
        prog="studio-console",
        description=translate("Cli", "直播中控台 · Studio Console. Without a command, opens the console window."))
    parser.add_argument("--version", action="version", version=f"studio-console {__version__}",
                        help=translate("Cli", "show the version and exit"))
    parser.add_argument("--debug", action="store_true", help=translate("Cli", "show tracebacks and debug logs"))
    commands = parser.add_subparsers(dest="command", metavar=translate("Cli", "COMMAND"),
                                     title=translate("Cli", "commands"))
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    install_for_cli()
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    install_on_root()
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_FAILED
    try:
        return int(handler(args))
    except UserError as e:
        print(str(e), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception as e:
        if args.debug:
            raise
        logging.getLogger(__name__).debug("internal error", exc_info=True)
        print(translate("Cli", "Internal error ({kind}). Run again with --debug for details.").format(
            kind=type(e).__name__), file=sys.stderr)
        return EXIT_INTERNAL


def run(coro: object) -> int:
    """Run a command's coroutine on a fresh loop."""
    return int(asyncio.run(coro))  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
