"""The show log: a durable, append-only record of a show, one timestamped JSON event per line.

Every action, cue, scene switch and health event is appended *as it happens*: written, flushed and
fsync'd before ``append`` returns, so a crash or ``kill -9`` loses nothing already logged. A kill
in the middle of a write can leave a torn last line; ``read_log`` skips it (and says so) instead of
refusing the whole log. The rundown (``studio.show.rundown``) rebuilds its state — on-air step,
running timers, rule tallies — by replaying these events; other components add their own event
types (``scene_switched``, ``health``, ``action_result`` …), which the rundown ignores.

Secrets never reach the file: fields whose names look like credentials are dropped, and every line
passes through ``studio.redact.redact`` (registered secrets and ``txSecret=…`` shapes are masked).

Line format: ``{"seq": 12, "ts": 1718712000.25, "type": "step_started", ...data}``; ``ts`` is Unix
seconds from the injected clock, ``seq`` counts from 1 in each file.

API: ``ShowLog.create(directory, clock)`` / ``ShowLog.open(path, clock)`` (continue after resume),
``log.append(type, **data) -> dict``, ``read_log(path) -> LogContents``,
``find_unfinished(directory) -> Path | None`` (the newest log without ``show_ended``).
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from studio.errors import UserError
from studio.i18n import translate
from studio.redact import redact

log = logging.getLogger(__name__)

Clock = Callable[[], float]
SHOW_ENDED = "show_ended"
LOG_SUFFIX = ".showlog.jsonl"
# Field names that may carry a credential: never written, whatever a caller passes.
_SECRET_FIELD = re.compile(r"(secret|password|passwd|token|push_?key|stream_?key|app_?secret|"
                           r"push_?url|txsecret)", re.IGNORECASE)


@dataclass
class LogContents:
    events: list[dict[str, Any]] = field(default_factory=list)
    torn_tail: bool = False  # the last line was cut short (a kill mid-write) and was skipped
    bad_lines: list[int] = field(default_factory=list)  # other unreadable lines (1-based)
    missing_newline: bool = False  # the last event is whole but its newline was not written

    @property
    def finished(self) -> bool:
        return any(e.get("type") == SHOW_ENDED for e in self.events)


class ShowLog:
    """Append-only; one instance per show. Thread-safe (health samplers may log from a thread)."""

    def __init__(self, path: Path, clock: Clock = time.time, next_seq: int = 1) -> None:
        self.path = Path(path)
        self._clock = clock
        self._seq = next_seq
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Binary append: one os.write per event, so a line is never interleaved with another.
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0),
                           0o600)

    @classmethod
    def create(cls, directory: Path, clock: Clock = time.time, name: str = "") -> ShowLog:
        stamp = datetime.fromtimestamp(clock()).strftime("%Y%m%d-%H%M%S")
        base = f"{stamp}-{name}" if name else stamp
        path = Path(directory) / f"{_safe(base)}{LOG_SUFFIX}"
        n = 1
        while path.exists():
            n += 1
            path = Path(directory) / f"{_safe(base)}-{n}{LOG_SUFFIX}"
        return cls(path, clock)

    @classmethod
    def open(cls, path: Path, clock: Clock = time.time) -> tuple[ShowLog, LogContents]:
        """Continue an existing log (after a crash); returns it with what it already holds."""
        contents = read_log(path)
        if contents.torn_tail or contents.missing_newline:
            _repair_tail(Path(path))
        last = max((int(e.get("seq", 0)) for e in contents.events), default=0)
        return cls(path, clock, next_seq=last + 1), contents

    def append(self, type: str, **data: Any) -> dict[str, Any]:
        """Write one event durably and return it (as it was written, secrets removed)."""
        with self._lock:
            event: dict[str, Any] = {"seq": self._seq, "ts": round(self._clock(), 3), "type": type}
            event.update(_without_secrets(data))
            line = redact(json.dumps(event, ensure_ascii=False, separators=(",", ":"), default=str))
            if "\n" in line:  # json.dumps escapes newlines; a redaction can never add one
                raise ValueError("a show-log line must be one line")
            payload = (line + "\n").encode("utf-8")
            written = 0
            while written < len(payload):
                written += os.write(self._fd, payload[written:])
            os.fsync(self._fd)
            self._seq += 1
        return json.loads(line)  # type: ignore[no-any-return]

    def close(self) -> None:
        with self._lock:
            if self._fd >= 0:
                os.close(self._fd)
                self._fd = -1

    def __enter__(self) -> ShowLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_log(path: Path) -> LogContents:
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise UserError(translate("ShowLog", "No show log at {path}.").format(path=path)) from None
    contents = LogContents()
    *complete, tail = raw.split(b"\n")  # ``tail`` is what follows the last newline: b"" when whole
    for number, chunk in enumerate(complete, start=1):
        if not chunk.strip():
            continue
        event = _parse(chunk)
        if event is None:
            contents.bad_lines.append(number)
            log.warning("show log %s: line %d unreadable, skipped", path, number)
        else:
            contents.events.append(event)
    if tail.strip():
        event = _parse(tail)
        if event is None:
            contents.torn_tail = True  # cut mid-write by a crash: nothing of it can be trusted
        else:
            contents.events.append(event)  # whole, only its newline was lost
            contents.missing_newline = True
    return contents


def _parse(chunk: bytes) -> dict[str, Any] | None:
    try:
        event = json.loads(chunk.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    return event if isinstance(event, dict) and "type" in event else None


def find_unfinished(directory: Path) -> Path | None:
    """The newest show log in ``directory`` that has no ``show_ended``: a show to offer to resume."""
    logs = sorted(Path(directory).glob(f"*{LOG_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for path in logs:
        contents = read_log(path)
        if contents.events and not contents.finished:
            return path
    return None


def _repair_tail(path: Path) -> None:
    """Make the next event start on a line of its own: drop a torn line, or end a whole one."""
    raw = path.read_bytes()
    tail = raw[raw.rfind(b"\n") + 1:]
    with open(path, "r+b") as f:
        if _parse(tail) is None:
            f.truncate(len(raw) - len(tail))
        else:
            f.seek(0, os.SEEK_END)
            f.write(b"\n")
        f.flush()
        os.fsync(f.fileno())


def _without_secrets(data: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in data.items():
        if _SECRET_FIELD.search(key):
            continue
        clean[key] = _without_secrets(value) if isinstance(value, dict) else value
    return clean


def _safe(name: str) -> str:
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", name)[:80]
