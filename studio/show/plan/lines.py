"""Where each key and table of a TOML text is (``tomllib`` gives values, not positions)."""

from __future__ import annotations

import re
from typing import Any


class KeyLines:
    """Where each key and table of a TOML text is, so problems can name their line.

    ``tomllib`` gives values but no positions; this scanner walks the text once, skipping strings,
    comments and the inside of multi-line arrays, and records the line of every ``[table]``,
    ``[[array.table]]`` (with its index) and ``key =``.
    """

    _KEY = re.compile(r"\s*([A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')\s*=")

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[Any, ...], int] = {}
        counts: dict[str, int] = {}
        table: tuple[Any, ...] = ()
        depth = 0  # open [ or { of a value spanning lines
        in_string: str | None = None  # the delimiter of an open multi-line string
        for number, line in enumerate(text.splitlines(), start=1):
            if in_string is None and depth == 0:
                header = _header(line)
                key = self._KEY.match(line)
                if header and not key:
                    array, name = header
                    if array:
                        index = counts.get(name, 0)
                        counts[name] = index + 1
                        table = (name, index)
                    else:
                        table = (name,)
                    self.lines.setdefault(table, number)
                    continue
                if key:
                    self.lines.setdefault((*table, key.group(1).strip("\"'")), number)
            depth, in_string = _scan_line(line, depth, in_string)

    def line_of(self, *path: Any) -> int:
        """The line of the most specific part of ``path`` that is in the text (else 0)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 0


def _header(line: str) -> tuple[bool, str] | None:
    """``[name]`` → (False, name), ``[[name]]`` → (True, name); None when ``line`` is no header.

    A scan, not a regular expression: a lazy pattern on a header with a long run of spaces inside
    a quoted name backtracked quadratically (16 K spaces: 0.8 s; 160 K: over a minute).
    """
    stripped = line.lstrip()
    if not stripped.startswith("["):
        return None
    array = stripped.startswith("[[")
    start = 2 if array else 1
    end = stripped.find("]", start)
    if end < 0:
        return None
    name = stripped[start:end].strip().strip("\"'")
    return (array, name) if name else None


def _scan_line(line: str, depth: int, in_string: str | None) -> tuple[int, str | None]:
    """Bracket depth and open multi-line string after ``line``, ignoring strings and comments."""
    i = 0
    while i < len(line):
        if in_string is not None:
            end = line.find(in_string, i)
            if end < 0:
                return depth, in_string
            i = end + len(in_string)
            in_string = None
            continue
        ch = line[i]
        if ch == "#":
            break
        if line.startswith('"""', i) or line.startswith("'''", i):
            in_string = line[i:i + 3]
            i += 3
            continue
        if ch in "\"'":
            # A one-line string: skip to its closing quote (basic strings honour backslashes).
            j = i + 1
            while j < len(line) and line[j] != ch:
                j += 2 if ch == '"' and line[j] == "\\" else 1
            i = j + 1
            continue
        if ch in "[{":
            depth += 1
        elif ch in "]}":
            depth = max(0, depth - 1)
        i += 1
    return depth, in_string
