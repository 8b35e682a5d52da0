"""Keep the show's health samples and markers on disk for the review after the show.

One JSON-lines file per show under ``data_dir()/health/`` (``health-YYYYmmdd-HHMMSS.jsonl``): a
header line, then one line per sample or marker, appended and flushed as they come, so a crash
loses at most the line being written. JSON lines rather than CSV because samples and markers share
the file in time order; ``read_show`` gives them back.

Writes run on one worker thread of their own (ordered, never on the Qt/asyncio thread). Samples
hold no secrets: no push address or key ever reaches this file. A write the disk refuses (full)
is kept and written later from a line boundary (a short write's half line is cut off first), so
two lines are never glued together and the review gets every sample once the disk has room.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from studio.config import data_dir
from studio.health.history import Marker
from studio.health.sampler import Sample
from studio.i18n import translate

log = logging.getLogger(__name__)
FORMAT_VERSION = 1
MAX_PENDING_LINES = 100_000  # > 24 h of samples waiting for disk space; beyond, the oldest go


def health_dir() -> Path:
    return data_dir() / "health"


class HealthRecorder:
    def __init__(self, directory: Path | None = None, *,
                 wall_clock: Callable[[], float] = time.time) -> None:
        self.directory = directory
        self.wall_clock = wall_clock
        self.path: Path | None = None
        # Plain words when saving failed (set on the worker thread; read it on the loop: the
        # monitor shows it with the next sample). The chart goes on either way.
        self.problem: str | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="health-recorder")
        self._last: Future[None] | None = None
        # Owned by the worker thread: the file, how much of it is whole lines, what waits for space.
        self._fd: int | None = None
        self._good_size = 0
        self._torn = False
        self._pending: deque[bytes] = deque(maxlen=MAX_PENDING_LINES)

    def begin(self, started: float | None = None) -> Path:
        """Start a new show file (called when a stream starts); returns its path."""
        started = self.wall_clock() if started is None else started
        directory = self.directory or health_dir()
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(started))
        path = directory / f"health-{stamp}.jsonl"
        number = 1
        while path.exists():  # two shows in one second (tests): never overwrite
            number += 1
            path = directory / f"health-{stamp}-{number}.jsonl"
        self.path = path
        self._submit(self._open_on_worker, path,
                     {"type": "show", "version": FORMAT_VERSION, "started": round(started, 3)})
        return path

    def write_sample(self, sample: Sample) -> None:
        if self.path is not None:
            self._submit(self._write_on_worker, {"type": "sample", **sample.as_dict()})

    def write_marker(self, marker: Marker) -> None:
        if self.path is not None:
            self._submit(self._write_on_worker, {"type": "marker", "time": round(marker.time, 3),
                                                 "kind": marker.kind, "label": marker.label})

    def end(self) -> None:
        """The show ended: close its file (later samples need a new ``begin``)."""
        if self.path is not None:
            self.path = None
            self._submit(self._close_on_worker)

    def flush(self, timeout: float = 5.0) -> None:
        """Block until every line so far is on disk (tests and shutdown; not on the Qt thread)."""
        if self._last is not None:
            self._last.result(timeout)

    def close(self) -> None:
        self.end()
        self._executor.shutdown(wait=True)

    # ----- on the worker thread ----------------------------------------------------------------
    def _submit(self, fn: Callable[..., None], *args: Any) -> None:
        with contextlib.suppress(RuntimeError):  # shut down: the console is closing
            self._last = self._executor.submit(self._guarded, fn, *args)

    def _guarded(self, fn: Callable[..., None], *args: Any) -> None:
        try:
            fn(*args)
        except OSError as e:
            message = translate("HealthRecorder", "Cannot save the stream health to {path}: {reason}. The "
                                "chart goes on; free some disk space or check the folder's "
                                "permissions.").format(path=self.path or "", reason=e.strerror or e)
            log.warning("health recorder: %s", e)
            self.problem = message

    def _open_on_worker(self, path: Path, header: dict[str, Any]) -> None:
        self._close_on_worker()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        self._good_size, self._torn = os.fstat(self._fd).st_size, False
        self._write_on_worker(header)

    def _write_on_worker(self, record: dict[str, Any]) -> None:
        if self._fd is None:
            return
        self._pending.append((json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode())
        self._flush_on_worker()

    def _flush_on_worker(self) -> None:
        fd = self._fd
        if fd is None:
            return
        if self._torn:  # a failed write may have left half a line: cut it off first
            os.ftruncate(fd, self._good_size)
            self._torn = False
        while self._pending:
            line = self._pending[0]
            written = 0
            try:
                while written < len(line):
                    n = os.write(fd, line[written:])
                    if n <= 0:
                        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                    written += n
            except OSError:
                self._torn = written > 0 or self._torn
                raise
            self._good_size += written
            self._pending.popleft()
        if self.problem is not None:
            log.warning("health recorder: writable again, caught up")
            self.problem = None

    def _close_on_worker(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                self._flush_on_worker()
            if self._pending:
                log.error("health recorder: %d line(s) never written (disk full?)", len(self._pending))
                self._pending.clear()
            os.close(self._fd)
            self._fd = None


def read_show(path: Path) -> tuple[list[Sample], list[Marker]]:
    """Samples and markers of a saved show (a torn last line from a crash is skipped)."""
    samples: list[Sample] = []
    markers: list[Marker] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if record.get("type") == "sample":
                samples.append(Sample.from_dict(record))
            elif record.get("type") == "marker":
                markers.append(Marker(float(record["time"]), str(record["kind"]), str(record["label"])))
    return samples, markers
