"""Typed settings, stored as JSON in the platform's config dir. Secrets never go here.

Passwords and push keys live in the OS keyring (``studio.keys.store``); this file holds only
what is safe to read over someone's shoulder.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from studio import APP_NAME

log = logging.getLogger(__name__)


def config_dir() -> Path:
    override = os.environ.get("STUDIO_CONSOLE_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Show logs and health history: durable data, not settings."""
    override = os.environ.get("STUDIO_CONSOLE_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass
class ObsSettings:
    host: str = "127.0.0.1"
    port: int = 4455

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}"


@dataclass
class Settings:
    obs: ObsSettings = field(default_factory=ObsSettings)
    language: str = ""  # "" = follow the system
    extra: dict[str, Any] = field(default_factory=dict)  # sections owned by other modules

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or config_dir() / "settings.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as e:
            # A broken settings file must not stop the show: start with defaults, keep the file.
            log.warning("settings file %s unreadable (%s); using defaults", path, e)
            return cls()
        obs = raw.get("obs", {})
        return cls(
            obs=ObsSettings(host=str(obs.get("host", "127.0.0.1")), port=int(obs.get("port", 4455))),
            language=str(raw.get("language", "")),
            extra={k: v for k, v in raw.items() if k not in ("obs", "language")},
        )

    def save(self, path: Path | None = None) -> None:
        path = path or config_dir() / "settings.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"obs": asdict(self.obs), "language": self.language, **self.extra}
        # Write-then-rename: a crash mid-write leaves the old file, never half a file.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
