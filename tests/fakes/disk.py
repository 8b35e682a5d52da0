"""A full disk for the show log's writes: replaces ``studio.show.log``'s ``os.write``."""

from __future__ import annotations

import errno
import os

import pytest

from studio.show import log as log_module


class FullDisk:
    """While ``full``, a write stores a part of its bytes (``keep`` of them, or half when ``keep`` is
    None: a short write) and the next one fails with ENOSPC; ``half_written`` counts the short ones."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, keep: int | None = None) -> None:
        self.full = False
        self.keep = keep
        self.half_written = 0
        self._real = os.write
        self._short_done = False
        monkeypatch.setattr(log_module.os, "write", self.write)

    def write(self, fd: int, data: bytes) -> int:
        if not self.full:
            return self._real(fd, data)
        keep = len(data) // 2 if self.keep is None else self.keep
        if not self._short_done and len(data) > keep > 0:
            self._short_done = True
            self.half_written += 1
            return self._real(fd, bytes(data[:keep]))
        self._short_done = False
        raise OSError(errno.ENOSPC, "No space left on device")
