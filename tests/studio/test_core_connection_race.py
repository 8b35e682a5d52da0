"""The newest OBS password wins over a keyring that answers late (an unlock prompt during start-up),
and a Connect whose settings cannot be saved (a full disk) still connects and says so."""

from __future__ import annotations

import asyncio
import errno
import threading

import pytest

from studio.config import Settings
from studio.core import StudioCore
from studio.errors import UserError
from studio.keys.store import OBS_PASSWORD, SecretStore
from studio.tasks import spawn
from tests.fakes.keyring import MemoryKeyring


class SlowToUnlock(MemoryKeyring):
    """The first read waits until the test lets it answer (the user is still at the unlock prompt)."""

    def __init__(self) -> None:
        super().__init__()
        self.answer = threading.Event()
        self.asked = threading.Event()
        self._first = True

    def get_password(self, service: str, username: str) -> str | None:
        value = super().get_password(service, username)  # what it held when asked
        if self._first:
            self._first = False
            self.asked.set()
            self.answer.wait(10)
        return value


def test_a_password_typed_during_start_up_beats_the_late_saved_one(run):
    ring = SlowToUnlock()
    store = SecretStore(backend=ring)
    store.set(OBS_PASSWORD, "old-saved-password")
    core = StudioCore(Settings(), store)

    async def scenario() -> tuple[str, str | None]:
        starting = spawn(core.start(), name="core-start")
        while not ring.asked.is_set():
            await asyncio.sleep(0.01)
        await core.set_connection("127.0.0.1", 4455, "new-typed-password")
        ring.answer.set()  # the keyring answers now, with the old password
        await starting
        used = core.link.target.password
        await core.close()
        return used, store.get(OBS_PASSWORD)

    used, kept = run(scenario())
    assert used == "new-typed-password" and kept == "new-typed-password"


def test_connect_on_a_full_disk_connects_and_says_the_address_was_not_kept(run, monkeypatch):
    core = StudioCore(Settings(), SecretStore(backend=MemoryKeyring()))

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(core.settings, "save", full)

    async def scenario() -> str:
        with pytest.raises(UserError) as refused:
            await core.set_connection("127.0.0.1", 4456, "pw-on-a-full-disk")
        target = core.link.target
        await core.close()
        assert (target.host, target.port, target.password) == ("127.0.0.1", 4456, "pw-on-a-full-disk")
        return str(refused.value)

    assert "could not be saved" in run(scenario())
