"""The show log: a durable, append-only record of a show, one timestamped JSON event per line.

Every action, cue, scene switch and health event is appended *as it happens*: written, flushed and
fsync'd before ``append`` returns, so a crash or ``kill -9`` loses nothing already logged. A kill
in the middle of a write can leave a torn last line; ``read_log`` skips it (and says so) instead of
refusing the whole log. The rundown (``studio.show.rundown``) rebuilds its state — on-air step,
running timers, rule tallies — by replaying these events; other components add their own event
types (``scene_switched``, ``health``, ``action_result`` …), which the rundown ignores.

Secrets never reach the file: fields whose names look like credentials are dropped, and every line
passes through ``studio.redact.redact`` (registered secrets and ``txSecret=…`` shapes are masked).

A write that fails (disk full, a USB drive pulled, a read-only remount) never reaches the caller:
``append`` still returns the event, which stays in memory, in order, and is written — from a line
boundary, a short write's half line cut off first, so two events are never glued together — with
the next ``append`` or ``flush_pending()`` once the disk takes it again. Meanwhile ``problem``
says in plain words what is wrong and what to do ("… free disk space on /home …"), and
``problem_changed`` fires (with the new problem or None) when it starts and when it is over.
Write-ahead holds on a full disk too: before ``append`` returns, an event the disk refused is
also in the temp folder (``spill_path``, usually another drive), each once, so neither closing
nor a ``kill -9`` before space returns loses it; the next ``ShowLog.open`` of that log writes the
spilled events in, and a log that catches up removes its spill. Until then they are part of the
log for every reader: ``read_log`` adds them after the file's events (by seq, each once), so the
resume offer, ``find_unfinished`` (a spilled ``show_ended``) and the review see them.

Group commit: ``with log.batch(): log.append(...); log.append(...)`` writes the events appended in
the block (on this thread) with one write and one fsync when it ends, instead of one of each per
event: the show actions write the four events that follow the targets' answers so. Inside the block
``append`` returns each event at once (numbered, in memory); the block is the acknowledgement, so it
must stay synchronous (no ``await`` inside: nothing outside the process can learn of an event
before the block has made it durable). A batch is all-or-nothing on a line boundary: the file
holds all of it or, after a refusal, is cut back at once to the line before it (when the drive
allows even that; else before the next write), and a refused batch waits in memory and in the spill
exactly as single events do. Another thread's ``append`` waits for the block, so a batch's lines
stay together and in seq order.

Line format: ``{"seq": 12, "ts": 1718712000.25, "type": "step_started", ...data}``; ``ts`` is Unix
seconds from the injected clock, ``seq`` counts from 1 in each file.

API: ``ShowLog.create(directory, clock)`` / ``ShowLog.open(path, clock)`` (continue after resume),
``log.append(type, **data) -> dict``, ``with log.batch(): ...`` (one fsync for many),
``read_log(path) -> LogContents`` (the file and its spill; ``spilled=False``: the file alone),
``find_unfinished(directory) -> Path | None`` (the newest log without ``show_ended``).

One file on purpose (~500 lines): the writer, the cut-back, the spill and the reader keep one
invariant between them — every line whole, each event once, in seq order — and reading it in one
place is how the next engineer keeps it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from studio.errors import UserError
from studio.events import Signal
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
    spilled: int = 0  # events of ``events`` read from the temp folder (refused at close), not yet in the file

    @property
    def finished(self) -> bool:
        return any(e.get("type") == SHOW_ENDED for e in self.events)


class ShowLog:
    """Append-only; one instance per show. Thread-safe (health samplers may log from a thread).

    ``problem_changed`` may fire on whichever thread appended: a widget marshals it to its own.
    """

    def __init__(self, path: Path, clock: Clock = time.time, next_seq: int = 1) -> None:
        self.path = Path(path)
        self._clock = clock
        self._seq = next_seq
        # Re-entrant: a batch holds it for its block, and the block's own appends take it again.
        self._lock = threading.RLock()
        self._batch_depth = 0  # > 0 inside ``batch()``: appends wait for the block's one write
        self._fd = -1
        self._good_size = 0  # bytes of whole, fsync'd lines in the file: a failed write is cut back here
        self._torn = False  # a failed write may have left part of a line after _good_size
        self._pending: list[bytes] = []  # acknowledged events not yet on disk, oldest first
        self.problem: str | None = None  # plain words while the log cannot be written
        self.problem_changed = Signal("ShowLog.problem_changed")  # (str | None)
        self.failed_writes = 0  # for tests and diagnostics
        self._last_error: OSError = OSError()
        self._spill_used = False  # the spill holds events of this log: remove it once they are in the file
        self._in_spill = 0  # how many of the first ``_pending`` lines are in the spill already
        self._spill_failed = False  # the temp folder refused too (logged once)
        self._open_file()
        if self._fd < 0:
            self._report_problem()

    # ----- the file ----------------------------------------------------------------------------
    def _open_file(self) -> bool:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Binary append: one os.write per event, so a line is never interleaved with another.
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0),
                               0o600)
            self._good_size = os.fstat(self._fd).st_size
        except OSError as e:
            self._fd = -1
            self._last_error = e
            return False
        return True

    @classmethod
    def create(cls, directory: Path, clock: Clock = time.time, name: str = "") -> ShowLog:
        stamp = datetime.fromtimestamp(clock()).strftime("%Y%m%d-%H%M%S")
        base = f"{stamp}-{name}" if name else stamp
        path = Path(directory) / f"{_safe(base)}{LOG_SUFFIX}"
        n = 1
        while path.exists() or spill_path(path).exists():  # a stale spill would join a new log
            n += 1
            path = Path(directory) / f"{_safe(base)}-{n}{LOG_SUFFIX}"
        return cls(path, clock)

    @classmethod
    def open(cls, path: Path, clock: Clock = time.time) -> tuple[ShowLog, LogContents]:
        """Continue an existing log (after a crash); returns it with what it already holds."""
        contents = read_log(path, spilled=False)
        repaired = True
        if contents.torn_tail or contents.missing_newline:
            try:
                _repair_tail(Path(path))
            except OSError as e:  # a full disk: the log object mends the tail itself once it can write
                log.warning("show log %s: tail not repaired yet (%s)", path, e)
                repaired = False
        last = _last_seq(contents.events)
        spilled = _read_spill(Path(path), after=last)
        if spilled:
            contents.events.extend(event for event, _ in spilled)
            last = int(spilled[-1][0]["seq"])
        show_log = cls(path, clock, next_seq=last + 1)
        with show_log._lock:
            if not repaired:
                if contents.torn_tail:  # cut the torn line off before the next write
                    show_log._good_size, show_log._torn = _whole_size(Path(path)), True
                else:  # the last event is whole: end its line before the next one
                    show_log._pending.insert(0, b"")
            if spilled:  # what a full disk refused before the console last stopped: into the log now
                show_log._pending.extend(line for _, line in spilled)
                show_log._in_spill = len(show_log._pending)
                show_log._spill_used = True
                show_log._flush_locked()
            elif spill_path(Path(path)).exists():  # only events the file has already (a kill before the unlink)
                show_log._spill_used = True
                show_log._remove_spill_locked()
        return show_log, contents

    def append(self, type: str, **data: Any) -> dict[str, Any]:
        """Log one event and return it (as it was written, secrets removed).

        Durable (fsync'd) before it returns when the disk takes it; when not, it is kept in memory
        and written in order as soon as the disk takes it again: never an OSError to the caller.
        """
        with self._lock:
            event: dict[str, Any] = {"seq": self._seq, "ts": round(self._clock(), 3), "type": type}
            event.update(_without_secrets(data))
            line = redact(json.dumps(event, ensure_ascii=False, separators=(",", ":"), default=str))
            if "\n" in line:  # json.dumps escapes newlines; a redaction can never add one
                raise ValueError("a show-log line must be one line")
            self._seq += 1
            self._pending.append((line + "\n").encode("utf-8"))
            changed = self._flush_locked() if not self._batch_depth else False
        if changed:
            self.problem_changed.emit(self.problem)
        return json.loads(line)  # type: ignore[no-any-return]

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group commit: the events appended in the block are written with one write and one fsync
        when it ends (a nested block commits with the outermost). Keep the block synchronous.

        All-or-nothing on a line boundary; a refusal is handled as for ``append`` (memory, spill,
        ``problem``); events appended before the block raised are written all the same (the
        rundown has applied them). Other threads' appends wait for the block.
        """
        self._lock.acquire()
        self._batch_depth += 1
        changed = False
        try:
            yield
        finally:
            self._batch_depth -= 1
            try:
                if not self._batch_depth and (self._pending or self._fd < 0):
                    changed = self._flush_locked()
            finally:
                self._lock.release()
            if changed:
                self.problem_changed.emit(self.problem)

    def flush_pending(self) -> bool:
        """Try again to write what the disk refused; True when nothing is waiting any more.

        The show's tick loop calls it every second, so the log catches up without a new event.
        """
        with self._lock:
            if not self._pending and self._fd >= 0:
                return True
            changed = self._flush_locked()
            done = not self._pending
        if changed:
            self.problem_changed.emit(self.problem)
        return done

    @property
    def pending(self) -> int:
        """Events acknowledged but not yet on disk."""
        return len(self._pending)

    def _flush_locked(self) -> bool:
        """Write every pending line; returns True when ``problem`` changed."""
        before = self.problem
        try:
            if self._fd < 0 and not self._open_file():
                raise self._last_error
            if self._torn:
                # Cut a half-written line off, so the next line starts on a boundary.
                os.ftruncate(self._fd, self._good_size)
                self._torn = False
            self._write_pending()
        except OSError as e:
            self.failed_writes += 1
            self._last_error = e
            self._report_problem()
            self._spill_locked()
        else:
            self.problem = None
            if before is not None:
                log.warning("show log %s: writable again, caught up", self.path)
            self._in_spill = 0
            self._remove_spill_locked()
        return self.problem != before

    def _remove_spill_locked(self) -> None:
        """Every spilled event is in the file now: the spill has done its work."""
        if not self._spill_used or self._pending:
            return
        try:
            spill_path(self.path).unlink(missing_ok=True)
        except OSError as e:  # harmless: readers skip spilled events the file already has
            log.warning("show log %s: its spill could not be removed (%s)", self.path, e)
        self._spill_used = False

    def _write_pending(self) -> None:
        """Every waiting line in one write, then one fsync: a batch, or a catch-up of thousands of
        events, costs one of each.

        Nothing counts as written before the fsync succeeded: on any failure the file is cut back
        at once to the last whole, fsync'd line (else before the retry: ``_torn``), and every line
        stays waiting — so the file never holds a part of what was refused.
        """
        if not self._pending:
            return
        # b"": a whole last event whose newline was lost (``open``)
        data = memoryview(b"".join(payload or b"\n" for payload in self._pending))
        total = 0
        try:
            while total < len(data):
                n = os.write(self._fd, data[total:])
                if n <= 0:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                total += n
            os.fsync(self._fd)
        except OSError:
            if total > 0 and not self._torn:  # some of it is in the file: cut it off now if the drive lets us
                try:
                    os.ftruncate(self._fd, self._good_size)
                except OSError:
                    self._torn = True  # cut back before the next write instead
            raise
        self._good_size += total
        self._pending.clear()

    def _report_problem(self) -> None:
        e = self._last_error
        if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            message = translate("ShowLog", "The show log cannot be written: free disk space on {where}. The "
                                           "show goes on; {count} event(s) wait in memory and are written as "
                                           "soon as there is space.")
        else:
            message = translate("ShowLog", "The show log cannot be written to {where} ({reason}). The show goes "
                                           "on; {count} event(s) wait in memory. Check the drive, or free "
                                           "space on it.")
        text = message.format(where=_mount_point(self.path), reason=e.strerror or type(e).__name__,
                              count=len(self._pending))
        if self.problem is None:
            log.error("show log %s cannot be written: %s", self.path, e)
        self.problem = text

    def close(self) -> None:
        with self._lock:
            if self._pending:
                self._flush_locked()  # a refusal spills what is not in the spill yet
            if self._pending:
                if self._in_spill < len(self._pending):
                    lines = sum(1 for line in self._pending[self._in_spill:] if line)
                    log.error("show log %s closed with %d event(s) never written (%s; the temp folder "
                              "refused them too)", self.path, lines, self.problem)
                else:
                    log.warning("show log %s: %d event(s) the disk refused are kept in %s until the log "
                                "is opened again", self.path, len(self._pending), spill_path(self.path))
                self._pending.clear()
                self._in_spill = 0
            if self._fd >= 0:
                os.close(self._fd)
                self._fd = -1

    def _spill_locked(self) -> None:
        """Events the disk refused: onto another drive (the temp folder) at once, each once, for the
        next ``open`` of this log (after a close or a crash), which writes them into it; they stay
        waiting in memory too, and are written here as soon as the disk takes them."""
        lines = [line for line in self._pending[self._in_spill:] if line]
        if not lines:
            self._in_spill = len(self._pending)
            return
        spill = spill_path(self.path)
        size = 0
        try:
            spill.parent.mkdir(parents=True, exist_ok=True)
            with open(spill, "ab") as f:
                size = f.tell()
                f.write(b"".join(lines))
                f.flush()
                os.fsync(f.fileno())
        except OSError as e:
            with contextlib.suppress(OSError):  # never a half line the next spill would glue onto
                if spill.exists():
                    os.truncate(spill, size)
            if not self._spill_failed:
                log.error("show log %s: the refused events cannot be kept in %s either (%s); they wait in "
                          "memory only", self.path, spill.parent, e)
            self._spill_failed = True
            return
        self._spill_failed = False
        self._spill_used = True
        self._in_spill = len(self._pending)

    def __enter__(self) -> ShowLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_log(path: Path, *, spilled: bool = True) -> LogContents:
    """What the show log holds: every whole event of the file, then (``spilled``) the events a full
    disk refused when the console closed and that wait in the temp folder for the next ``open``
    (by seq, each once, in order, only those newer than the file's last). Every reader — the resume
    offer, ``find_unfinished``, the review — sees the show as it was acknowledged."""
    contents = _read_file(path)
    if spilled:
        extra = _read_spill(Path(path), after=_last_seq(contents.events))
        contents.events.extend(event for event, _ in extra)
        contents.spilled = len(extra)
    return contents


def _read_file(path: Path) -> LogContents:
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


def _last_seq(events: list[dict[str, Any]]) -> int:
    seqs = [e["seq"] for e in events if isinstance(e.get("seq"), int) and not isinstance(e["seq"], bool)]
    return max(seqs, default=0)


def find_unfinished(directory: Path) -> Path | None:
    """The newest show log in ``directory`` that has no ``show_ended`` (a spilled one counts): a
    show to offer to resume. "Newest" is when it was last written, in the file or in its spill."""
    logs = sorted(Path(directory).glob(f"*{LOG_SUFFIX}"), key=_last_written, reverse=True)
    for path in logs:
        contents = read_log(path)
        if contents.events and not contents.finished:
            return path
    return None


def _last_written(path: Path) -> float:
    written = path.stat().st_mtime
    try:
        return max(written, spill_path(path).stat().st_mtime)
    except OSError:  # no spill (the usual case)
        return written


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


def spill_path(path: Path) -> Path:
    """Where events a full disk refused at close wait for the log's next ``open``."""
    digest = hashlib.sha1(str(Path(path).resolve()).encode("utf-8")).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / "studio-console-unwritten" / f"{digest}-{Path(path).name}"


def _read_spill(path: Path, after: int) -> list[tuple[dict[str, Any], bytes]]:
    """Spilled events of ``path`` newer than ``after`` (by seq, each once, in order)."""
    try:
        raw = spill_path(path).read_bytes()
    except OSError:
        return []
    by_seq: dict[int, tuple[dict[str, Any], bytes]] = {}
    for chunk in raw.split(b"\n"):
        event = _parse(chunk) if chunk.strip() else None
        if event is not None and isinstance(event.get("seq"), int) and not isinstance(event["seq"], bool) \
                and event["seq"] > after:
            by_seq.setdefault(event["seq"], (event, chunk + b"\n"))
    return [by_seq[seq] for seq in sorted(by_seq)]


def _whole_size(path: Path) -> int:
    """Bytes up to and including the last newline: where a torn tail starts."""
    raw = path.read_bytes()
    return raw.rfind(b"\n") + 1


def _mount_point(path: Path) -> str:
    """The drive a host frees space on: the mount point holding ``path`` (its folder if unknown)."""
    folder = Path(path).resolve().parent
    probe = folder
    try:
        while not os.path.ismount(probe) and probe.parent != probe:
            probe = probe.parent
    except OSError:
        return str(folder)
    return str(probe)


def _without_secrets(data: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in data.items():
        if _SECRET_FIELD.search(key):
            continue
        clean[key] = _without_secrets(value) if isinstance(value, dict) else value
    return clean


def _safe(name: str) -> str:
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", name)[:80]
