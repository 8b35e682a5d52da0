"""The ``studio-console`` entry point: a command runs the CLI, none opens the window.

No Qt import at module level, so CLI commands start fast and work where Qt cannot load.

``studio`` and ``ui`` are generic top-level names: a folder called ``studio`` in the current
directory (``python -m``) or on ``PYTHONPATH`` can hide the installed package. That is checked
first and explained in one line, instead of an ImportError deep in the start-up.
"""

from __future__ import annotations

import gc
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_SHADOWED = 2


def shadowing_problem() -> str | None:
    """Plain words when ``studio`` is not the console's own package (next to this ``ui``)."""
    if getattr(sys, "frozen", False):
        return None  # a frozen build imports only from itself
    spec = importlib.util.find_spec("studio")
    origin = spec.origin if spec is not None else None
    ours = Path(__file__).resolve().parent.parent
    if origin is None or not origin.endswith("__init__.py"):
        where = list(spec.submodule_search_locations or []) if spec is not None else []
        folder = where[0] if where else "?"
    elif Path(origin).resolve().parent.parent != ours:
        folder = str(Path(origin).resolve().parent)
    else:
        return None
    # Bilingual on purpose: the translations live in the very package that cannot be found.
    return (f"A folder named “studio” ({folder}) hides the console's own package. Start the console "
            f"from another folder, or rename that folder.\n"
            f"有一个名为“studio”的文件夹（{folder}）挡住了中控台自己的程序包。请在别的文件夹里启动中控台，"
            f"或给那个文件夹改名。")


def main(argv: Sequence[str] | None = None) -> int:
    problem = shadowing_problem()
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_SHADOWED
    args = list(sys.argv[1:] if argv is None else argv)
    wants_window = not args or all(a in ("--debug",) for a in args)
    if wants_window:
        # What the start allocates lives on (modules, classes, the window's widgets): collecting
        # cycles among it before the first paint is wasted work (~70 ms of a ~1 s start, measured
        # with gc.callbacks). run_app switches the collector back on once the window is painted.
        gc.disable()
        # numpy's OpenBLAS starts a thread per core at import, and they spin before they sleep
        # (~50 ms of CPU in the start, measured with perf). The console's numpy work (the health
        # chart's decimation, a few arrays of samples) never calls BLAS: one thread is plenty.
        # A user's own setting wins.
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        try:
            # The core before Qt: once PySide6 is imported, shiboken's import hook reads the source
            # of every module imported after it (looking for ``from __feature__ import``): ~300 of
            # them (the core's and numpy's) for ~60 ms and ~7 MB of source lines kept in
            # linecache. Imported first, the core and numpy (its health history) skip that.
            import studio.core  # noqa: F401
            from ui.app import run_app

            return run_app(debug="--debug" in args)
        finally:
            gc.enable()
    from studio.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
