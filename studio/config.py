"""Typed settings, stored as JSON in the platform's config dir. Secrets never go here.

Passwords and push keys live in the OS keyring (``studio.keys.store``); this file holds only
what is safe to read over someone's shoulder.

The window and the CLI (``studio-console key save`` …) write the same file, sometimes at the same
moment. So a save never writes "my whole copy": it takes an OS file lock, re-reads what is on
disk, applies only what *this* object changed since it last read or wrote the file (field by
field, deletions included), and replaces the file atomically. A room saved by the CLI while the
window was open survives the window's next save; a room deleted by the CLI does not come back.
``refresh()`` (polled by ``watch()``) brings changes made outside into this object.

A file that cannot be read, or a field of the wrong type, never stops the console: the field
takes its default, ``problems`` says what was wrong in plain words, and the file on disk is left
as it was (a broken file is kept beside the new one when a save has to replace it).
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import logging
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from studio import APP_NAME
from studio.errors import UserError
from studio.events import Signal
from studio.i18n import translate
from studio.tasks import every

log = logging.getLogger(__name__)

_MISSING: Any = object()
_ENSURE_DICT: Any = object()
Change = tuple[tuple[str, ...], Any]  # (path of keys, new value; _MISSING: deleted; _ENSURE_DICT: a section)


def config_dir() -> Path:
    override = os.environ.get("STUDIO_CONSOLE_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Show logs and health history: durable data, not settings."""
    override = os.environ.get("STUDIO_CONSOLE_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_settings_path() -> Path:
    return config_dir() / "settings.json"


@dataclass
class ObsSettings:
    host: str = "127.0.0.1"
    port: int = 4455

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}"


# ----- the merge rules (pure) ------------------------------------------------------------------
def changes_between(base: Any, current: Any, prefix: tuple[str, ...] = ()) -> list[Change]:
    """What turns ``base`` into ``current``, key by key through nested dicts."""
    if not (isinstance(base, dict) and isinstance(current, dict)):
        return [] if base == current else [(prefix, copy.deepcopy(current))]
    out: list[Change] = []
    for key in list(base) + [k for k in current if k not in base]:
        old, new = base.get(key, _MISSING), current.get(key, _MISSING)
        if old == new:
            continue
        if isinstance(new, dict) and (old is _MISSING or isinstance(old, dict)):
            # A section added here merges with one another writer added meanwhile.
            if old is _MISSING:
                out.append(((*prefix, str(key)), _ENSURE_DICT))
            out.extend(changes_between({} if old is _MISSING else old, new, (*prefix, str(key))))
        else:
            out.append(((*prefix, str(key)), _MISSING if new is _MISSING else copy.deepcopy(new)))
    return out


def apply_changes(target: dict[str, Any], changes: list[Change]) -> dict[str, Any]:
    """``target`` with ``changes`` applied (in place; returned for convenience)."""
    for path, value in changes:
        if not path:
            continue
        node = target
        for key in path[:-1]:
            child = node.get(key)
            if not isinstance(child, dict):
                if value is _MISSING:
                    node = {}
                    break
                child = node[key] = {}
            node = child
        if value is _MISSING:
            node.pop(path[-1], None)
        elif value is _ENSURE_DICT:
            if not isinstance(node.get(path[-1]), dict):
                node[path[-1]] = {}
        else:
            node[path[-1]] = value
    return target


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """An OS lock on ``<path>.lock`` (the file itself is replaced, so it cannot carry the lock)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+b") as handle:
        if sys.platform == "win32":  # pragma: no cover - Windows
            import msvcrt

            handle.seek(0)
            for _ in range(600):  # LK_NBLCK fails at once while another holds it: keep trying
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
                    break
                except OSError:
                    time.sleep(0.05)
            try:
                yield
            finally:
                handle.seek(0)
                with contextlib.suppress(OSError):
                    msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _read_raw(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """(the file's JSON object, problem). (None, None) when there is no file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None
    except OSError as e:
        return None, translate("Settings", "The settings file {path} cannot be read ({error}). The console "
                               "uses its defaults; check the file's permissions.").format(path=path, error=e)
    try:
        raw = json.loads(text)
    except ValueError as e:
        return None, translate("Settings", "The settings file {path} is damaged ({error}). The console uses "
                               "its defaults and leaves the file as it is; fix or delete it.").format(
                                   path=path, error=e)
    if not isinstance(raw, dict):
        return None, translate("Settings", "The settings file {path} does not hold settings. The console "
                               "uses its defaults and leaves the file as it is.").format(path=path)
    return raw, None


def write_atomically(path: Path, data: bytes, *, prefix: str = ".", suffix: str = ".tmp",
                     mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` all or nothing: a temp file in the same folder, flushed to the disk,
    then renamed over ``path``. A crash or a full disk mid-write leaves the previous file whole and
    no temp file behind (the error is raised). ``mode``: the file's permissions (by default the temp
    file's: the owner's only). The one atomic write (settings, plans, review notes and reports)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path


def _write_atomic(path: Path, data: dict[str, Any]) -> None:
    write_atomically(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"),
                     prefix=".settings-", suffix=".json")



class SettingsNotSaved(UserError, OSError):
    """The settings file could not be written: nothing else changed, the setting holds until closing."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(translate(
            "Settings", "The settings could not be saved to {path} ({reason}). The change holds until the "
                        "console closes: free some disk space or check the folder's permissions, then "
                        "do it again to keep it.").format(path=path, reason=error.strerror or type(error).__name__))
        self.errno, self.strerror, self.filename = error.errno, error.strerror, str(path)  # as OSError reads

    def __str__(self) -> str:  # the plain words, not OSError's "[Errno 28] …"
        return str(self.args[0])

@dataclass
class Settings:
    obs: ObsSettings = field(default_factory=ObsSettings)
    language: str = ""  # "" = follow the system
    extra: dict[str, Any] = field(default_factory=dict)  # sections owned by other modules
    # Not settings: where they came from, what the file held then, and what was wrong with it.
    path: Path | None = field(default=None, repr=False, compare=False)
    problems: list[str] = field(default_factory=list, repr=False, compare=False)
    _base: dict[str, Any] | None = field(default=None, repr=False, compare=False)
    _mtime: tuple[int, int, int] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.changed = Signal("Settings.changed")  # () after refresh() brought in outside changes
        self._lock = threading.RLock()

    # ----- as a plain dict -----------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"obs": asdict(self.obs), "language": self.language, **copy.deepcopy(self.extra)}

    @staticmethod
    def _parse(raw: dict[str, Any], path: Path | None) -> tuple[ObsSettings, str, dict[str, Any], list[str]]:
        """Field by field: a wrong type gives that field's default and one line in ``problems``."""
        problems: list[str] = []

        def wrong(name: str, value: Any) -> None:
            problems.append(translate(
                "Settings", "In the settings file {path}, “{field}” has a value the console cannot use "
                "({value}); it uses the default instead.").format(path=path or "", field=name,
                                                                  value=json.dumps(value, ensure_ascii=False)))

        defaults = ObsSettings()
        obs_raw = raw.get("obs", {})
        if not isinstance(obs_raw, dict):
            wrong("obs", obs_raw)
            obs_raw = {}
        host: Any = obs_raw.get("host", defaults.host)
        if not isinstance(host, str) or not host.strip():
            wrong("obs.host", host)
            host = defaults.host
        port: Any = obs_raw.get("port", defaults.port)
        if isinstance(port, str) and port.strip().isdigit():
            port = int(port)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            wrong("obs.port", port)
            port = defaults.port
        language: Any = raw.get("language", "")
        if not isinstance(language, str):
            wrong("language", language)
            language = ""
        extra = {k: copy.deepcopy(v) for k, v in raw.items() if k not in ("obs", "language")}
        return ObsSettings(host=host, port=port), language, extra, problems

    def _adopt(self, raw: dict[str, Any]) -> list[str]:
        obs, language, extra, problems = self._parse(raw, self.path)
        self.obs.host, self.obs.port = obs.host, obs.port
        self.language = language
        # In place: other modules may hold this dict.
        self.extra.clear()
        self.extra.update(extra)
        return problems

    # ----- load, save, refresh ---------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or default_settings_path()
        settings = cls(path=path)
        raw, problem = _read_raw(path)
        if problem:
            # A broken settings file must not stop the show: start with defaults, keep the file.
            log.warning("%s", problem)
            settings.problems.append(problem)
        settings.problems.extend(settings._adopt(raw or {}))
        settings._base = settings.to_dict() if raw is not None else None
        settings._mtime = _mtime_of(path)
        return settings

    def save(self, path: Path | None = None) -> None:
        """Merge what this object changed into the file on disk (see the module's docstring).

        A disk that refuses (full, read-only, no permission) raises ``SettingsNotSaved``: plain words
        for whichever panel saved, and still an ``OSError`` for callers that carry on without it."""
        path = path or self.path or default_settings_path()
        try:
            self._save(path)
        except SettingsNotSaved:
            raise
        except OSError as e:
            raise SettingsNotSaved(path, e) from e

    def _save(self, path: Path) -> None:
        with self._lock, file_lock(path):
            disk, problem = _read_raw(path)
            if problem and path.exists():
                # Never destroy what the user had: keep the unreadable file beside the new one.
                keep = path.with_name(f"{path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
                with contextlib.suppress(OSError):
                    os.replace(path, keep)
                    log.warning("unreadable settings kept as %s", keep)
            base = self._base if self._base is not None and path == self.path else \
                Settings().to_dict()
            merged = apply_changes(copy.deepcopy(disk or {}), changes_between(base, self.to_dict()))
            _write_atomic(path, merged)
            self.path = path
            self.problems = self._adopt(merged)
            self._base = self.to_dict()
            self._mtime = _mtime_of(path)

    def refresh(self, *, emit: bool = True) -> bool:
        """Take in what changed on disk since this object last read or wrote it, keeping changes
        made here and not saved yet. True when something changed (``changed`` is emitted unless
        ``emit=False``: from a worker thread, the caller emits on the loop)."""
        path = self.path or default_settings_path()
        with self._lock:
            mtime = _mtime_of(path)
            if mtime == self._mtime and self.path is not None:
                return False
            raw, problem = _read_raw(path)
            self._mtime = mtime
            if raw is None:
                if problem and problem not in self.problems:
                    self.problems = [problem]
                    if emit:
                        self.changed.emit()
                    return True
                return False
            before = self.to_dict()
            local = changes_between(self._base if self._base is not None else Settings().to_dict(), before)
            self.path = path
            self.problems = self._adopt(apply_changes(copy.deepcopy(raw), local))
            obs, language, extra, _ = self._parse(raw, path)
            self._base = {"obs": asdict(obs), "language": language, **extra}
            moved = self.to_dict() != before
        if moved and emit:
            self.changed.emit()
        return moved

    async def watch(self, interval: float = 2.0) -> None:
        """Poll the file (off the loop) and take in outside changes; never dies of one failure."""
        await every(interval, self._take_in_outside_changes, what="settings refresh")

    async def _take_in_outside_changes(self) -> None:
        # The file work off the loop; the listeners (widgets) are told on the loop.
        if await asyncio.to_thread(self.refresh, emit=False):
            self.changed.emit()


def _mtime_of(path: Path) -> tuple[int, int, int] | None:
    """The file's identity: an atomic replace gives a new inode even within one clock tick."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size
