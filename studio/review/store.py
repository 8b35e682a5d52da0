"""The improvement plan (改进计划) of each review: free text per section, saved with the review and
shown again when the next show of the same plan title or room is prepared.

One JSON file, ``data_dir()/reviews/notes.json``, written atomically (temp file, fsync, rename)::

    store = NotesStore()
    store.save(review_key(log_path), {"products": "…"}, title="夏日好物专场", room="1001", start=…)
    store.notes(review_key(log_path))              # {"products": "…"}
    store.previous(title="夏日好物专场", before=now)  # the newest earlier review of that plan or room

Blocking (file I/O): from the GUI call it through ``asyncio.to_thread``.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.config import data_dir, write_atomically
from studio.errors import UserError
from studio.i18n import translate

SECTIONS = ("timeline", "products", "rhythm", "technical", "plan")


def section_title(section: str) -> str:
    return {"timeline": translate("Review", "Timeline"), "products": translate("Review", "Products"),
            "rhythm": translate("Review", "Rhythm"), "technical": translate("Review", "Technical"),
            "plan": translate("Review", "Next show")}.get(section, section)


def review_key(log_path: Path | str) -> str:
    """A review is keyed by its show log's file name (stable when the folder moves)."""
    return Path(log_path).name


@dataclass(frozen=True)
class SavedNotes:
    key: str
    title: str
    room: str
    start: float | None
    notes: dict[str, str]


class NotesStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "reviews" / "notes.json"

    def _load(self) -> dict[str, Any]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as e:
            raise UserError(translate("Review", "The saved improvement notes in {path} could not be read ({reason}). "
                                                "Nothing was changed; move the file away to start afresh.").format(
                path=self.path, reason=e)) from None
        return raw if isinstance(raw, dict) else {}

    def notes(self, key: str) -> dict[str, str]:
        entry = self._load().get(key) or {}
        return {k: str(v) for k, v in (entry.get("notes") or {}).items()}

    def save(self, key: str, notes: dict[str, str], *, title: str = "", room: str = "",
             start: float | None = None) -> None:
        data = self._load()
        kept = {k: v for k, v in notes.items() if v.strip()}
        data[key] = {"title": title, "room": room, "start": start, "saved_at": time.time(), "notes": kept}
        try:
            write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"),
                             prefix=".notes-")
        except OSError as e:
            raise UserError(translate("Review", "The improvement notes could not be saved to {path}: {reason}. "
                                                "Free some disk space or check the folder, then save again.").format(
                path=self.path, reason=e.strerror or e)) from None

    def previous(self, *, title: str = "", room: str = "", before: float | None = None) -> SavedNotes | None:
        """The newest saved review of the same plan title or room (started before ``before``)."""
        best: SavedNotes | None = None
        for key, entry in self._load().items():
            if not entry.get("notes"):
                continue
            same = (title and entry.get("title") == title) or (room and entry.get("room") == room)
            start = entry.get("start")
            if not same or (before is not None and start is not None and start >= before):
                continue
            if best is None or (start or 0) > (best.start or 0):
                best = SavedNotes(key, str(entry.get("title", "")), str(entry.get("room", "")), start,
                                  {k: str(v) for k, v in entry["notes"].items()})
        return best
