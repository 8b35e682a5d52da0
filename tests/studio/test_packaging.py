"""Packaging metadata stays consistent with the code (the builds: tests/integration/test_packaging.py)."""

from __future__ import annotations

import configparser
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_desktop_entry_runs_the_console_script():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "packaging" / "studio-console.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Version"] == "1.4" and section["Type"] == "Application"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert section["Exec"].split()[0] in scripts
    assert section["Name[zh_CN]"] == "直播中控台"


# The spec, the installer and the tarball are built for real in tests/integration/test_packaging.py,
# test_frozen_linux.py and test_wheel.py (greps of the spec could not fail).


def test_license_is_gpl3_or_later():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert meta["license"] == "GPL-3.0-or-later"
    assert "GNU GENERAL PUBLIC LICENSE" in (ROOT / "LICENSE").read_text()[:200]


def test_every_tool_ci_runs_is_installed_by_the_test_extras():
    # CI once failed on a fresh machine: lint-imports was only in a hand-grown local venv.
    import re

    script = (ROOT / ".ci" / "run").read_text()
    tools = set(re.findall(r"\.venv/bin/([\w-]+)", script))
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["test"]
    packages = {re.split(r"[<>=;\[ ]", requirement, maxsplit=1)[0].lower() for requirement in extras}
    provided_by = {"ruff": "ruff", "mypy": "mypy", "lint-imports": "import-linter"}
    assert tools, "no .venv tool found in .ci/run: the pattern is out of date"
    for tool in tools:
        assert tool in provided_by, f".ci/run calls {tool}: say which package installs it"
        assert provided_by[tool] in packages, f"{provided_by[tool]} (for {tool}) is not in the test extras"
