"""An OS keyring in a dict (the real one is tested with the lab's gnome-keyring).

``locked = True`` makes it refuse like a locked Secret Service; deleting what is not there raises
``PasswordDeleteError``, as the real backends do. ``NoKeyring()`` is a ``SecretStore`` on a machine
without a usable keyring (the window tests that are about OBS, not the keyring).
"""

from __future__ import annotations

import keyring.errors
from keyring.backend import KeyringBackend

from studio.secrets import SecretStore


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.locked = False

    def _check(self) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("locked")

    def get_password(self, service: str, username: str) -> str | None:
        self._check()
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check()
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._check()
        if self.items.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


class NoKeyring(SecretStore):
    """A store that says no keyring is usable here: nothing is read from or written to one."""

    def usable(self) -> bool:
        return False
