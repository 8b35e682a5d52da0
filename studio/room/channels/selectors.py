"""Where things are on the Channels web console, as data: ``selectors.json`` beside this module.

The console (视频号助手, ``channels.weixin.qq.com``) changes without notice. Its selectors live in a
data file so they can be updated without a release: a file of the same shape at
``<config dir>/channels-selectors.json`` replaces the shipped one, key by key. A file that does not
parse, or lacks a key, is named in the error and the shipped value is used for what is missing.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from studio.config import config_dir

log = logging.getLogger(__name__)

OVERRIDE_NAME = "channels-selectors.json"
_SECTIONS = ("pages", "url_patterns", "selectors", "texts")


@dataclass(frozen=True)
class ConsoleMap:
    """The console's addresses, selectors and button texts (see selectors.json for the keys)."""

    base_url: str
    pages: dict[str, str]
    url_patterns: dict[str, str]
    selectors: dict[str, str]
    texts: dict[str, str]
    disabled_class: str
    source: str  # where it came from: "shipped" or the override file's path

    def url(self, page: str) -> str:
        return self.base_url.rstrip("/") + self.pages[page]

    def with_base_url(self, base_url: str) -> ConsoleMap:
        """The same map against another host (the local replica in tests and rehearsal)."""
        return ConsoleMap(base_url, self.pages, self.url_patterns, self.selectors, self.texts,
                          self.disabled_class, self.source)


def _shipped() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("selectors.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def load_console_map(override: Path | None = None) -> ConsoleMap:
    """The shipped map, with the user's override file (if any) laid over it key by key."""
    data = _shipped()
    source = "shipped"
    path = override if override is not None else config_dir() / OVERRIDE_NAME
    if path.is_file():
        try:
            extra = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(extra, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as e:
            log.warning("Channels selectors override %s ignored: %s", path, e)
        else:
            for section in _SECTIONS:
                if isinstance(extra.get(section), dict):
                    data[section].update({str(k): str(v) for k, v in extra[section].items()})
            for key in ("base_url", "disabled_class"):
                if isinstance(extra.get(key), str):
                    data[key] = extra[key]
            source = str(path)
    pages, patterns, selectors, texts = (dict(data[s]) for s in _SECTIONS)
    return ConsoleMap(str(data["base_url"]), pages, patterns, selectors, texts, str(data["disabled_class"]),
                      source)
