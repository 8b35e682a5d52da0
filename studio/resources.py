"""Where the shipped files are: translations, the example plan, backgrounds — one helper for all.

``resources/`` stays at the top of the source tree and is installed as the package
``studio_console_resources`` (setup.py maps it with ``package_dir``), so a wheel carries it. This
module finds it, in order:

1. the installed package, through ``importlib.resources`` (a wheel or an up-to-date editable install);
2. a frozen build (PyInstaller puts it in ``sys._MEIPASS/studio_console_resources``);
3. the source tree: ``resources/`` beside ``studio/`` (running from a checkout).

Call ``resource_path("i18n", "studio_zh_CN.ts")``; never build a path to ``resources/`` by hand.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import importlib.util
import sys
from functools import cache
from pathlib import Path

PACKAGE = "studio_console_resources"
_SOURCE_TREE = Path(__file__).resolve().parent.parent / "resources"
_keep = contextlib.ExitStack()  # holds an extracted copy alive when the package is zipped


@cache
def resources_root() -> Path:
    """The directory that holds ``i18n/``, ``examples/`` and ``backgrounds/``."""
    try:
        files = importlib.resources.files(PACKAGE)
    except ModuleNotFoundError:
        files = None
    if isinstance(files, Path):
        return files  # a regular package on disk: a wheel install
    if files is not None:  # a namespace package (a frozen build's data folder) or a zip
        spec = importlib.util.find_spec(PACKAGE)
        for location in (spec.submodule_search_locations or []) if spec else []:
            if Path(location).is_dir():
                return Path(location)
        return _keep.enter_context(importlib.resources.as_file(files))
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and (Path(frozen) / PACKAGE).is_dir():
        return Path(frozen) / PACKAGE
    return _SOURCE_TREE


def resource_path(*parts: str) -> Path:
    """A shipped file or folder, e.g. ``resource_path("examples", "show-plan.toml")``."""
    return resources_root().joinpath(*parts)
