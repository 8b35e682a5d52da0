"""The remote control's guards: the token, the Host and Origin checks, and rate limits.

- One random token per install, kept in the OS keyring (never in a file); rotated in one click.
- Compared with ``hmac.compare_digest``: the time taken does not depend on how much of a guess
  was right.
- The Host header must name an address the server is bound to (127.0.0.1 / localhost, and the
  LAN address only in LAN mode): a DNS-rebinding page (evil.example → 127.0.0.1) is refused.
- A browser's cross-site request (``Origin`` or ``Sec-Fetch-Site`` naming another site) is
  refused before the token is looked at, so a web page the assistant happens to open cannot
  press a button even if it guessed the URL.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from studio.keys.store import SecretStore
from studio.redact import register_secret

TOKEN_NAME = "remote-control-token"
TOKEN_BYTES = 24  # 32 URL-safe characters


def new_token() -> str:
    token = secrets.token_urlsafe(TOKEN_BYTES)
    register_secret(token)
    return token


def load_or_create_token(store: SecretStore) -> str:
    """The install's token from the keyring, created on first use. Blocks: call via to_thread."""
    token = store.get(TOKEN_NAME)
    if token:
        return token
    token = new_token()
    store.set(TOKEN_NAME, token)
    return token


def rotate_token(store: SecretStore) -> str:
    """A new token in the keyring; every old URL, QR code and Stream Deck button stops working."""
    token = new_token()
    store.set(TOKEN_NAME, token)
    return token


def token_matches(candidate: str | None, token: str) -> bool:
    """Constant-time compare (the same time whatever the guess); an empty token never matches."""
    if not token:
        return False
    given = (candidate or "").encode("utf-8", "surrogatepass")
    return hmac.compare_digest(given, token.encode("utf-8"))


def bearer(header: str | None) -> str | None:
    """The token of an ``Authorization: Bearer …`` header."""
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def host_names(addresses: Iterable[str], port: int) -> frozenset[str]:
    """The Host header values the server answers to: each bound address (and localhost) with the port."""
    names: set[str] = set()
    for address in addresses:
        shown = f"[{address}]" if ":" in address else address
        names.add(f"{shown}:{port}".lower())
        if address in ("127.0.0.1", "::1"):
            names.add(f"localhost:{port}")
        if port == 80:
            names.add(shown.lower())
    return frozenset(names)


def host_allowed(host: str | None, allowed: frozenset[str]) -> bool:
    return bool(host) and host.strip().lower() in allowed  # type: ignore[union-attr]


def origin_allowed(origin: str | None, allowed_hosts: frozenset[str]) -> bool:
    """No Origin (Stream Deck, Companion, curl) is fine; a browser's must be this very server."""
    if origin is None:
        return True
    parts = urlsplit(origin.strip())
    if parts.scheme != "http" or not parts.netloc:
        return False  # "null" (sandboxed frames, file://), other schemes
    return parts.netloc.lower() in allowed_hosts


def fetch_site_allowed(value: str | None) -> bool:
    """``Sec-Fetch-Site``: a browser says where a request comes from; only our own page may press."""
    return value is None or value.strip().lower() in ("same-origin", "none")


@dataclass
class _Bucket:
    tokens: float
    at: float


@dataclass
class RateLimiter:
    """A token bucket per client: ``burst`` requests at once, then ``rate`` per second.

    ``retry_after(key)`` takes one request's worth and returns None, or the seconds to wait."""

    rate: float
    burst: float
    clock: Callable[[], float] = time.monotonic
    max_clients: int = 1024
    _buckets: dict[str, _Bucket] = field(default_factory=dict)

    def retry_after(self, key: str) -> float | None:
        now = self.clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_clients:  # never grows without bound
                self._buckets.clear()
            bucket = self._buckets[key] = _Bucket(self.burst, now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return None
        return (1.0 - bucket.tokens) / self.rate if self.rate > 0 else 60.0

    def charge(self, key: str) -> None:
        """Take one request's worth without asking (a wrong token costs even when it was let in)."""
        self.retry_after(key)
