"""The console's core pointed at a lab OBS, without a keyring (the window tests are about OBS)."""

from __future__ import annotations

from typing import Any

from studio.config import Settings
from studio.core import StudioCore
from studio.obs.link import ConnectionTarget
from tests.fakes.keyring import NoKeyring


def core_for(obs: Any, password: str | None = None) -> StudioCore:
    """A core for ``obs`` (a ``tests.lab.processes.ObsInstance``): quick reconnects, not started yet;
    ``password`` (default: OBS's own) is what the console tries."""
    settings = Settings()
    settings.obs.host, settings.obs.port = "127.0.0.1", obs.port
    core = StudioCore(settings, NoKeyring())
    core.link.backoff = (0.2, 0.5, 1.0)
    core.link.configure(ConnectionTarget("127.0.0.1", obs.port, obs.password if password is None else password))
    return core
