"""Parse a push address (推流地址) into what OBS wants: server, stream key, and when it expires.

Pure: no I/O, no clock of its own (pass ``now``). Hosts paste addresses out of chats, so the text
may carry a label (``推流地址：``), spaces, full-width characters or line breaks inside the address;
all of that is cleaned up here, and anything that is not one push address is refused with a
message that says what is wrong.

Split rules (playbook §1): a path that starts with ``live/`` splits after it — server up to and
including ``live/``, key everything after it, query string included. Any other address splits at
the last ``/`` before the query, as OBS's own server/key fields are usually filled.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlsplit

from studio.errors import UserError
from studio.i18n import translate
from studio.keys.store import mask_secret
from studio.redact import register_secret

SCHEMES = ("rtmp", "rtmps")
_START = re.compile(r"rtmps?://", re.IGNORECASE)
_ANY_SCHEME = re.compile(r"\b([a-z][a-z0-9+.-]{1,10})://", re.IGNORECASE)
# Characters an rtmp URL may contain. Quotes and brackets are left out on purpose: in a chat they
# wrap the address rather than belong to it.
_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#@!$&*+,;=%\[\]]+")
_TRAILING_PUNCTUATION = ".,;:!"
# A wrapped line continues the address when the break falls on a separator.
# Not "." or "-": a sentence's full stop or a list's dash after the address must not be glued on.
_JOINS_AFTER = "/?&=_%"
_JOINS_BEFORE = "/?&=%"
MAX_ADDRESS_LENGTH = 4096  # a real push address is a few hundred characters; a longer one is not one
_GAP = re.compile(r"[ \t\r\n\u3000]+")  # a line break or spaces inside the address
_HEX = re.compile(r"[0-9a-fA-F]{1,16}")
WECHAT_HOST_SUFFIX = "weixin.qq.com"


class PushAddressError(UserError):
    """The pasted text is not one usable push address; the message says why."""


@dataclass(frozen=True)
class PushAddress:
    server: str  # e.g. rtmp://wxalivepush.weixin.qq.com/live/
    key: str = field(repr=False)  # a credential: never in a repr, a log or a message
    expires_at: datetime | None = None  # from txTime (UTC); None when the address has none

    @property
    def host(self) -> str:
        return urlsplit(self.server).hostname or ""

    @property
    def masked_key(self) -> str:
        return mask_secret(self.key)

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and now >= self.expires_at

    def expires_in_seconds(self, now: datetime) -> float | None:
        return None if self.expires_at is None else (self.expires_at - now).total_seconds()


def parse_push_address(text: str) -> PushAddress:
    """The one push address in ``text``; raises PushAddressError saying what is wrong."""
    url = find_address(text)
    parts = _split_url(url)
    scheme, netloc, path, query = parts
    if not netloc or not _host_of(url):
        raise PushAddressError(translate(
            "PushAddress", "The push address has no server name after {scheme}://. Copy the whole address "
            "again from the live console (直播控制台).").format(scheme=scheme))
    # Split on the path: the query may itself contain slashes.
    path_and_query = path + (f"?{query}" if query else "")
    prefix = f"{scheme}://{netloc}"
    if path.rstrip("/") == "/live":
        server, key = prefix + "/live/", ""
    elif path.startswith("/live/"):
        server = prefix + "/live/"
        key = path_and_query[len("/live/"):]
    else:
        cut = path.rfind("/")
        server = prefix + path[: cut + 1] if cut >= 0 else prefix + "/"
        key = path_and_query[cut + 1:] if cut >= 0 else path_and_query
    register_secret(key)
    register_secret(url)
    register_secret(urlsplit(url).password)  # rtmp://user:password@host/… is rare, but a secret
    if not key or key.startswith("?"):
        raise PushAddressError(translate(
            "PushAddress", "The push address has no stream key after “{server}”. Copy the whole address "
            "again; the key is the part after live/.").format(server=server))
    params = {name.lower(): value for name, value in parse_qsl(query, keep_blank_values=True)}
    is_wechat = _host_of(url).endswith(WECHAT_HOST_SUFFIX)
    if ("txsecret" in params) != ("txtime" in params) or (is_wechat and "txsecret" not in params):
        raise PushAddressError(translate(
            "PushAddress", "The push address looks cut off: it should carry both txSecret and txTime. Copy "
            "the whole address again from the live console (直播控制台)."))
    expires_at = None
    if "txtime" in params:
        expires_at = _expiry_of(params["txtime"])
    return PushAddress(server=server, key=key, expires_at=expires_at)


def find_address(text: str) -> str:
    """The push URL inside pasted text: label, quotes and line breaks removed."""
    # Full-width letters, digits, colons and slashes from a Chinese input method become ASCII.
    text = unicodedata.normalize("NFKC", text or "")
    starts = [m.start() for m in _START.finditer(text)]
    if not starts:
        if not text.strip():
            raise PushAddressError(translate(
                "PushAddress", "Nothing to read. Paste the push address (推流地址) from the live console."))
        other = _ANY_SCHEME.search(text)
        if other:
            raise PushAddressError(translate(
                "PushAddress", "This is a {scheme}:// link, not a push address. A push address starts "
                "with rtmp:// or rtmps:// (live console → 推流地址).").format(scheme=other.group(1)))
        raise PushAddressError(translate(
            "PushAddress", "No push address found. It starts with rtmp:// — copy it from the live console "
            "(直播控制台 → 推流地址)."))
    if len(starts) > 1:
        raise PushAddressError(translate(
            "PushAddress", "The text holds {count} push addresses. Paste only the one for this show."
        ).format(count=len(starts)))
    if "\x00" in text:
        raise PushAddressError(_control_character_message())
    url, end = _read_url(text, starts[0])
    if end < len(text) and unicodedata.category(text[end]) == "Cc" and not text[end].isspace():
        raise PushAddressError(_control_character_message())  # it would cut the key short
    return url


def _control_character_message() -> str:
    return translate("PushAddress", "The pasted text holds an invisible control character that would cut "
                     "the stream key short. Copy the address again from the live console (直播控制台), "
                     "or type it.")


def _read_url(text: str, start: int) -> tuple[str, int]:
    """The address from ``start`` across wrapped lines, and where its last piece ended.

    Linear in the text: pieces are collected, never re-joined or re-scanned while reading.
    """
    pieces: list[str] = []
    pos = end = start
    has_secret = has_time = False
    length = 0
    tail = ""  # the last characters read, lower case: a name may wrap across a line break
    while True:
        chunk = _URL_CHARS.match(text, pos)
        if chunk is None:
            break
        piece = chunk.group(0)
        if pieces and not _continues(pieces[-1], piece, has_secret and not has_time):
            break
        pieces.append(piece)
        length += len(piece)
        if length > MAX_ADDRESS_LENGTH:
            raise PushAddressError(translate(
                "PushAddress", "This is far too long to be a push address (more than {limit} characters). "
                "Copy only the address from the live console (直播控制台 → 推流地址).").format(
                limit=MAX_ADDRESS_LENGTH))
        window = tail + piece.lower()
        has_secret = has_secret or "txsecret=" in window
        has_time = has_time or "txtime=" in window
        tail = window[-16:]
        pos = end = chunk.end()
        gap = _GAP.match(text, pos)
        if gap is None:
            break
        pos = gap.end()
    return "".join(pieces).rstrip(_TRAILING_PUNCTUATION), end


def _continues(last_piece: str, piece: str, unfinished_signature: bool) -> bool:
    """Whether ``piece`` after a line break is still part of the address (a chat wrapped it)."""
    if last_piece.endswith(tuple(_JOINS_AFTER)) or piece.startswith(tuple(_JOINS_BEFORE)):
        return True
    # The signature wrapped mid-value: an address that has txSecret but no txTime yet is unfinished.
    return unfinished_signature


def _split_url(url: str) -> tuple[str, str, str, str]:
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError on a port that is not a number
    except ValueError:
        raise PushAddressError(translate(
            "PushAddress", "The server part of the push address is not valid (check the port after the "
            "colon). Copy the whole address again.")) from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:  # pragma: no cover - _START only finds rtmp/rtmps
        raise PushAddressError(translate("PushAddress", "A push address starts with rtmp:// or rtmps://."))
    return scheme, parts.netloc, parts.path, parts.query


def _host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _expiry_of(value: str) -> datetime:
    if not _HEX.fullmatch(value):
        raise PushAddressError(translate(
            "PushAddress", "The expiry time in the push address (txTime) cannot be read. Copy the whole "
            "address again from the live console."))
    try:
        return datetime.fromtimestamp(int(value, 16), UTC)
    except (OverflowError, OSError, ValueError):
        raise PushAddressError(translate(
            "PushAddress", "The expiry time in the push address (txTime) is out of range. Copy the whole "
            "address again from the live console.")) from None


def expiry_of_key(key: str) -> datetime | None:
    """txTime of a stream key as OBS holds it (``name?txSecret=…&txTime=…``); None when absent or bad."""
    _, _, query = key.partition("?")
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name.lower() == "txtime":
            try:
                return _expiry_of(value)
            except PushAddressError:
                return None
    return None


def iso_utc(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC with a Z, as the CLI prints it: 2020-06-30T21:00:00Z."""
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_utc() -> datetime:
    return datetime.now(UTC)
