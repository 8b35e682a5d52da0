"""Secrets in the OS keyring behind one small class: Windows Credential Manager, macOS Keychain,
SecretService on Linux. There is no fallback: no keyring means the secret is saved nowhere.
A base module: the OBS password (``studio.obs.target``), push keys and room tokens all use it.

All calls block (dbus, a Keychain prompt): from the loop, call them through ``asyncio.to_thread``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from studio import APP_NAME
from studio.errors import UserError
from studio.i18n import translate
from studio.redact import register_secret

if TYPE_CHECKING:  # keyring (every backend, dbus) loads on first use, after the window shows
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

OBS_PASSWORD = "obs-websocket-password"


class KeyringUnavailable(UserError):
    pass


def _is_unusable(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return True
    if module.startswith("keyrings.alt"):  # plain-text or weakly encrypted files: refuse
        return True
    if name == "ChainerBackend":
        return not getattr(backend, "backends", [])
    return False


class SecretStore:
    def __init__(self, service: str = APP_NAME, backend: KeyringBackend | None = None) -> None:
        self.service = service
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        import keyring

        return self._backend or keyring.get_keyring()

    def backend_name(self) -> str:
        b = self.backend
        return f"{type(b).__module__.removeprefix('keyring.backends.')}.{type(b).__name__}"

    def usable(self) -> bool:
        return not _is_unusable(self.backend)

    def check(self) -> None:
        if not self.usable():
            raise KeyringUnavailable(translate(
                "SecretStore", "No usable system keyring ({backend}). Secrets are never saved in plain "
                "files: on Linux start your desktop's keyring (e.g. GNOME Keyring) and unlock it; "
                "on Windows and macOS the system one is used.").format(backend=self.backend_name()))

    def get(self, name: str) -> str | None:
        self.check()
        import keyring.errors

        try:
            value = self.backend.get_password(self.service, name)
        except keyring.errors.KeyringError as e:
            raise KeyringUnavailable(self._locked_message(e)) from None
        register_secret(value)
        return value

    def set(self, name: str, value: str) -> None:
        self.check()
        import keyring.errors

        register_secret(value)
        try:
            self.backend.set_password(self.service, name, value)
        except keyring.errors.KeyringError as e:
            raise KeyringUnavailable(self._locked_message(e)) from None

    def delete(self, name: str) -> bool:
        """True when something was deleted."""
        self.check()
        import keyring.errors

        try:
            self.backend.delete_password(self.service, name)
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.KeyringError as e:
            raise KeyringUnavailable(self._locked_message(e)) from None
        return True

    def _locked_message(self, error: Exception) -> str:
        log.warning("keyring refused: %s", type(error).__name__)
        return translate("SecretStore", "The system keyring refused ({backend}): it may be locked. Unlock it "
                         "and try again.").format(backend=self.backend_name())


MASK = "••••"


def mask_secret(value: str | None, visible: int = 4) -> str:
    """A secret as the UI may show it: the first and last ``visible`` characters, never more than
    a quarter of it (a short secret shows less), e.g. ``wx40••••a7d0``."""
    if not value:
        return ""
    shown = min(visible, len(value) // 4)
    if shown == 0:
        return MASK
    return f"{value[:shown]}{MASK}{value[-shown:]}"
