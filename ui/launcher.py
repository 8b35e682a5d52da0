"""The ``studio-console`` entry point: a command runs the CLI, none opens the window.

No Qt import at module level, so CLI commands start fast and work where Qt cannot load.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    wants_window = not args or all(a in ("--debug",) for a in args)
    if wants_window:
        from ui.app import run_app

        return run_app(debug="--debug" in args)
    from studio.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
