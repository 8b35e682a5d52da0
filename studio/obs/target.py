"""Where OBS is and its password: from flags, else the environment, else the saved connection."""

from __future__ import annotations

import os
from collections.abc import Mapping

from studio.config import Settings
from studio.obs.link import ConnectionTarget
from studio.secrets import OBS_PASSWORD, SecretStore


def resolve_target(host: str | None = None, port: int | None = None, password: str | None = None, *,
                   env: Mapping[str, str] | None = None, settings: Settings | None = None,
                   store: SecretStore | None = None) -> ConnectionTarget:
    env = os.environ if env is None else env
    settings = settings or Settings.load()
    host = host or env.get("OBS_HOST") or settings.obs.host
    if port is None:
        port = int(env["OBS_PORT"]) if env.get("OBS_PORT") else settings.obs.port
    if password is None:
        password = env.get("OBS_PASSWORD")
    if password is None:
        store = store or SecretStore()
        password = store.get(OBS_PASSWORD) if store.usable() else None
    return ConnectionTarget(host=host, port=port, password=password or "")


def parse_address(text: str) -> tuple[str, int] | None:
    """"ws://host:port", "host:port" or "host" (port 4455) → (host, port); None if malformed."""
    text = text.strip().removeprefix("ws://").removeprefix("wss://").rstrip("/")
    if not text:
        return None
    host, _, port_text = text.rpartition(":") if ":" in text else (text, "", "4455")
    if not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        return None
    return host, int(port_text)
