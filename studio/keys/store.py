"""The keyring store, as ``studio.keys`` has always offered it: it lives in ``studio.secrets`` (a base
module, so ``studio.obs`` can read the OBS password without importing ``studio.keys``).
"""

from studio.secrets import MASK, OBS_PASSWORD, KeyringUnavailable, SecretStore, mask_secret

__all__ = ["MASK", "OBS_PASSWORD", "KeyringUnavailable", "SecretStore", "mask_secret"]
