"""``frozen_build``: the Linux one-folder build, made once per run (tests/lab/frozen.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.lab.frozen import BINARY, ensure_frozen_build

__all__ = ["BINARY"]


@pytest.fixture(scope="session")
def frozen_build() -> Path:
    """The frozen app's folder; its executable is ``BINARY``."""
    return ensure_frozen_build()
