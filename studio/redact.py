"""Keep secrets out of every log record, whatever a library or a careless f-string puts there.

Every secret the console touches is registered here the moment it is read or typed; a filter on
the root handlers masks registered values and anything shaped like a push signature.
"""

from __future__ import annotations

import logging
import re
import threading

_PATTERNS = [
    re.compile(r"(txSecret=)[^&\s'\"]+", re.IGNORECASE),
    re.compile(r"(access_token=)[^&\s'\"]+", re.IGNORECASE),
    re.compile(r"(secret=)[^&\s'\"]+", re.IGNORECASE),
]
_secrets: set[str] = set()
_lock = threading.Lock()
MIN_SECRET_LENGTH = 4  # masking "a" everywhere would make logs unreadable and protect nothing


def register_secret(value: str | None) -> None:
    if value and len(value) >= MIN_SECRET_LENGTH:
        with _lock:
            _secrets.add(value)


def redact(text: str) -> str:
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            # Whole tokens only: a password "plain" must not turn every "explain" in a show log
            # into "ex***" (the log is replayed on resume, so mangled words would corrupt state).
            text = re.sub(rf"(?<![0-9A-Za-z]){re.escape(secret)}(?![0-9A-Za-z])", "***", text)
    for pattern in _PATTERNS:
        text = pattern.sub(r"\1***", text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if record.exc_info and record.exc_info[1] is not None:
            # Exception texts are rendered later by the formatter: render and clean them now.
            formatted = logging.Formatter().formatException(record.exc_info)
            clean = clean + "\n" + redact(formatted)
            record.exc_info = None
            record.exc_text = None
        if clean != message or record.args:
            record.msg, record.args = clean, None
        return True


def install_on_root() -> None:
    """Attach the filter to every handler of the root logger (call after handlers exist)."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
