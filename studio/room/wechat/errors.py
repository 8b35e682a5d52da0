"""Mini-program live errors: WeChat's errcodes in plain words with the next step the UI can offer,
and the reader that turns HTTP trouble into ``WeChatUnreachable``."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from studio.errors import UserError
from studio.i18n import QT_TRANSLATE_NOOP, translate
from studio.redact import redact

log = logging.getLogger("studio.room.wechat")

DEFAULT_BASE_URL = "https://api.weixin.qq.com/"

# errcodes that mean "this access token is no good": fetch a fresh one once and retry the call.
TOKEN_INVALID = frozenset({40001, 40014, 42001})
SYSTEM_BUSY = -1  # "系统繁忙": back off and retry
ROOM_LIST_EMPTY = 9410000  # getliveinfo's answer when the mini program has no rooms at all

# What the UI can offer after a refusal (RoomResult.next_step uses the same words).
NEXT_RETRY = "retry"
NEXT_PUT_ON_SALE = "put_on_sale"
NEXT_ADD_GOODS = "add_goods"
NEXT_START_LIVE = "start_live"
NEXT_PICK_ROOM = "pick_room"
NEXT_CHECK_SETTINGS = "check_settings"
NEXT_WHITELIST_IP = "whitelist_ip"
NEXT_TOMORROW = "tomorrow"

# errcode → (message, next step). Messages are marked for translation and translated when raised.
_ERRORS: dict[int, tuple[str, str | None]] = {
    300047: (QT_TRANSLATE_NOOP("WeChatLive", "A goods push is still running in the room. Wait a few "
                               "seconds, then push again."), NEXT_RETRY),
    300052: (QT_TRANSLATE_NOOP("WeChatLive", "This product is off sale (已下架) in the room. Put it on sale, "
                               "then push it."), NEXT_PUT_ON_SALE),
    300053: (QT_TRANSLATE_NOOP("WeChatLive", "This product is not in the room yet. Add it to the room, then "
                               "push it."), NEXT_ADD_GOODS),
    300023: (QT_TRANSLATE_NOOP("WeChatLive", "The room is not live. Press 开始直播 in the live console first, "
                               "then try again."), NEXT_START_LIVE),
    300022: (QT_TRANSLATE_NOOP("WeChatLive", "There is no such live room. Refresh the room list and pick the "
                               "show's room again."), NEXT_PICK_ROOM),
    45009: (QT_TRANSLATE_NOOP("WeChatLive", "Today's limit for this kind of call is used up. Do it in the "
                              "live console (直播控制台) today; the limit resets tomorrow."), NEXT_TOMORROW),
    40164: (QT_TRANSLATE_NOOP("WeChatLive", "WeChat refused this computer's IP address: it is not on the mini "
                              "program's IP whitelist. Add it in 微信公众平台 → 开发管理 → IP白名单, or "
                              "enter your own token service's address in the live-room settings."),
            NEXT_WHITELIST_IP),
    40013: (QT_TRANSLATE_NOOP("WeChatLive", "WeChat does not know this AppID. Check the AppID in the "
                              "live-room settings."), NEXT_CHECK_SETTINGS),
    40125: (QT_TRANSLATE_NOOP("WeChatLive", "The AppSecret is wrong. Copy it again from 微信公众平台 → "
                              "开发管理 and save it in the live-room settings."), NEXT_CHECK_SETTINGS),
    9410005: (QT_TRANSLATE_NOOP("WeChatLive", "Subscribers were already notified today (推送本场直播 works once "
                                "a day per mini program). Nothing was sent."), NEXT_TOMORROW),
    9410006: (QT_TRANSLATE_NOOP("WeChatLive", "Subscribers can only be notified while the room is live. Press "
                                "开始直播 first, then notify them."), NEXT_START_LIVE),
    300017: (QT_TRANSLATE_NOOP("WeChatLive", "This product has not passed review yet, so it cannot go into a "
                               "room. Pick an approved product."), None),
}
_TOKEN_REFUSED = QT_TRANSLATE_NOOP(
    "WeChatLive", "WeChat refused the access token even after a fresh one was fetched. Check the AppID and "
    "AppSecret (or your token service) in the live-room settings.")
_BUSY = QT_TRANSLATE_NOOP("WeChatLive", "WeChat's server is busy (tried {tries} times). Try again in a minute.")
_OTHER = QT_TRANSLATE_NOOP("WeChatLive", "WeChat refused “{api}”: {errmsg} (errcode {code}).")

# live_status → words a host uses (playbook terms).
_LIVE_STATUS: dict[int, str] = {
    101: QT_TRANSLATE_NOOP("WeChatLive", "live (直播中)"),
    102: QT_TRANSLATE_NOOP("WeChatLive", "not started (未开始)"),
    103: QT_TRANSLATE_NOOP("WeChatLive", "ended (已结束)"),
    104: QT_TRANSLATE_NOOP("WeChatLive", "banned (禁播)"),
    105: QT_TRANSLATE_NOOP("WeChatLive", "paused (暂停)"),
    106: QT_TRANSLATE_NOOP("WeChatLive", "abnormal (异常)"),
    107: QT_TRANSLATE_NOOP("WeChatLive", "expired (已过期)"),
}
LIVE = 101


def live_status_text(status: int) -> str:
    text = _LIVE_STATUS.get(status)
    if text is None:
        return translate("WeChatLive", "unknown status ({code})").format(code=status)
    return translate("WeChatLive", text)


class WeChatError(UserError):
    """WeChat (or the relay in between) refused or could not be reached; ``str()`` is plain words."""

    def __init__(self, message: str, *, code: int | None = None, api: str = "",
                 next_step: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.api = api
        self.next_step = next_step


class WeChatUnreachable(WeChatError):
    """No answer we could read: network down, relay broken, timeout. Retrying may help."""


class NoCredentials(WeChatError):
    """The live-room settings are incomplete (no AppID/AppSecret and no token service)."""


def error_for(code: int, errmsg: str = "", api: str = "") -> WeChatError:
    """The plain-words error for a WeChat errcode (the issue's table, then a generic line)."""
    if code in _ERRORS:
        text, next_step = _ERRORS[code]
        return WeChatError(translate("WeChatLive", text), code=code, api=api, next_step=next_step)
    if code in TOKEN_INVALID:
        return WeChatError(translate("WeChatLive", _TOKEN_REFUSED), code=code, api=api,
                           next_step=NEXT_CHECK_SETTINGS)
    if code == SYSTEM_BUSY:
        return WeChatError(translate("WeChatLive", _BUSY).format(tries=1), code=code, api=api,
                           next_step=NEXT_RETRY)
    # errmsg is WeChat's own English text; redact in case a relay echoes the request back.
    return WeChatError(translate("WeChatLive", _OTHER).format(api=api, errmsg=redact(errmsg)[:200], code=code),
                       code=code, api=api)


# The largest answer read at all: a page of 100 goods or rooms is well under 1 MB; anything far
# bigger is a misconfigured relay or a hostile server, and reading it would only freeze the window.
MAX_ANSWER_BYTES = 8 * 1024 * 1024
# Answers bigger than this are parsed on a worker thread, never on the loop (the Qt thread).
PARSE_ON_LOOP_BYTES = 64 * 1024


class AnswerTooLarge(ValueError):
    pass


async def _read_bounded(response: Any) -> bytes:
    declared = response.content_length
    if declared is not None and declared > MAX_ANSWER_BYTES:
        raise AnswerTooLarge(declared)
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_chunked(64 * 1024):
        size += len(chunk)
        if size > MAX_ANSWER_BYTES:
            raise AnswerTooLarge(size)
        chunks.append(chunk)
    return b"".join(chunks)


def _parse(body: bytes) -> Any:
    return json.loads(body.decode("utf-8-sig", errors="replace")) if body.strip() else None


async def read_json(request: Any, api: str) -> dict[str, Any]:
    """Await an aiohttp request context and read its JSON; network trouble → WeChatUnreachable.

    At most ``MAX_ANSWER_BYTES`` are read (a bigger answer is refused in plain words), and a big
    body is parsed off the loop, so no answer, however large, can freeze the window.
    """
    import aiohttp  # here, not at start-up: the window shows before aiohttp loads

    try:
        async with request as response:
            if response.status != 200:
                raise WeChatUnreachable(translate(
                    "WeChatLive", "The live-room server answered HTTP {status} to “{api}”. If you use a relay "
                    "or token service, check that it is running.").format(status=response.status, api=api),
                    api=api, next_step=NEXT_RETRY)
            body = await _read_bounded(response)
        data = _parse(body) if len(body) <= PARSE_ON_LOOP_BYTES else await asyncio.to_thread(_parse, body)
    except AnswerTooLarge:
        log.warning("%s: answer larger than %d bytes, not read", api, MAX_ANSWER_BYTES)
        raise WeChatUnreachable(translate(
            "WeChatLive", "The live-room server sent an answer to “{api}” far larger than any WeChat answer "
            "(over {limit} MB), so it was not read. Check the API address or relay in the live-room "
            "settings.").format(api=api, limit=MAX_ANSWER_BYTES // (1024 * 1024)), api=api) from None
    except (aiohttp.ClientError, TimeoutError, ValueError, RecursionError) as e:
        # Only the kind goes to the log: aiohttp's texts can contain the URL with its access_token.
        log.warning("%s: no readable answer (%s)", api, type(e).__name__)
        raise WeChatUnreachable(translate(
            "WeChatLive", "Could not reach the live-room server for “{api}” ({kind}). Check the network (and "
            "the API address in the live-room settings), then try again.").format(
                api=api, kind=type(e).__name__), api=api, next_step=NEXT_RETRY) from None
    if not isinstance(data, dict):
        raise WeChatUnreachable(translate("WeChatLive", "The live-room server gave an answer that is not "
                                          "WeChat's for “{api}”. Check the API address.").format(api=api),
                                api=api)
    return data
