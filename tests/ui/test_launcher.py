"""The entry point refuses, in one plain line, to start when a stray ``studio`` folder hides the package."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _launch(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([sys.executable, "-m", "ui.launcher", *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_a_stray_studio_folder_is_named_not_a_traceback(tmp_path):
    (tmp_path / "studio").mkdir()  # e.g. a folder of show recordings called "studio"
    (tmp_path / "studio" / "notes.txt").write_text("not code")
    done = _launch(tmp_path, "--version")
    assert done.returncode == 2, done.stderr
    assert str(tmp_path / "studio") in done.stderr and "Traceback" not in done.stderr
    assert "挡住" in done.stderr


def test_a_stray_studio_package_is_named_too(tmp_path):
    (tmp_path / "studio").mkdir()
    (tmp_path / "studio" / "__init__.py").write_text("")
    done = _launch(tmp_path, "--version")
    assert done.returncode == 2 and str(tmp_path / "studio") in done.stderr, done.stderr


def test_without_a_stray_folder_the_cli_runs(tmp_path):
    done = _launch(tmp_path, "--version")
    assert done.returncode == 0 and "studio-console" in done.stdout, done.stderr
