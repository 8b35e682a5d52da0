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
