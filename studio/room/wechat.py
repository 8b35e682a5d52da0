"""Mini-program live (小程序直播) server API: rooms, push address, goods, goods push, subscriber notice.

Every call is JSON over HTTPS with ``?access_token=``; WeChat answers HTTP 200 with ``errcode`` /
``errmsg`` for refusals. This module turns those into plain words and a next step the UI can offer
(``WeChatError.next_step``), keeps the access token cached and fresh, and never lets a token or the
AppSecret reach a log or a message (``register_secret``; errors are raised ``from None`` so the
request URL with its token never ends up in a chained traceback).

Endpoints (paths relative to the configurable base URL, default ``https://api.weixin.qq.com/``; a
merchant's relay or the local emulator, ``studio.room.emulator``, can stand in):
``cgi-bin/stable_token``, ``wxa/business/getliveinfo``, ``wxaapi/broadcast/room/getpushurl`` (GET),
``wxaapi/broadcast/room/addgoods``, ``wxaapi/broadcast/goods/getapproved`` (GET),
``wxaapi/broadcast/goods/onsale``, ``wxaapi/broadcast/goods/push``,
``wxa/business/get_wxa_followers``, ``wxa/business/push_message``.
Read alongside WxJava's ``WxMaLiveService`` and EasyWeChat 5.x ``MiniProgram/Broadcast/Client.php``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp

from studio.errors import UserError
from studio.events import Signal
from studio.i18n import QT_TRANSLATE_NOOP, translate
from studio.redact import redact, register_secret
from studio.room.base import LiveRoom, Outcome, RoomAction, RoomRequest, RoomResult

log = logging.getLogger(__name__)

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


# ---------------------------------------------------------------------------------------------
# Goods and rooms


def fen_to_yuan(fen: int) -> Decimal:
    """Exact: 1999 fen → Decimal('19.99'); never a float."""
    return (Decimal(int(fen)) / 100).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Goods:
    """A product as WeChat lists it; prices are in fen (分), as every live API gives them."""

    goods_id: int
    name: str
    price_fen: int
    price2_fen: int = 0
    price_type: int = 1  # 1 one price, 2 a range price..price2, 3 discount: price was, price2 now
    cover_img: str = ""
    url: str = ""  # the mini-program page the product opens
    audit_status: int | None = None  # library only: 0 not submitted, 1 in review, 2 approved, 3 rejected

    @property
    def sale_price_yuan(self) -> Decimal:
        """The price a viewer pays: the discounted one for a discount, the lower end of a range."""
        return fen_to_yuan(self.price2_fen if self.price_type == 3 else self.price_fen)

    def price_text(self) -> str:
        price, price2 = fen_to_yuan(self.price_fen), fen_to_yuan(self.price2_fen)
        if self.price_type == 2:
            return f"¥{price}–¥{price2}"
        if self.price_type == 3:
            return translate("WeChatLive", "¥{now} (was ¥{was})").format(now=price2, was=price)
        return f"¥{price}"

    @classmethod
    def from_room_info(cls, raw: dict[str, Any]) -> Goods:  # getliveinfo's snake_case
        return cls(goods_id=int(raw.get("goods_id", 0)), name=str(raw.get("name", "")),
                   price_fen=int(raw.get("price", 0) or 0), price2_fen=int(raw.get("price2", 0) or 0),
                   price_type=int(raw.get("price_type", 1) or 1), cover_img=str(raw.get("cover_img", "")),
                   url=str(raw.get("url", "")))

    @classmethod
    def from_library(cls, raw: dict[str, Any], audit_status: int | None = None) -> Goods:  # camelCase
        return cls(goods_id=int(raw.get("goodsId", 0)), name=str(raw.get("name", "")),
                   price_fen=int(raw.get("price", 0) or 0), price2_fen=int(raw.get("price2", 0) or 0),
                   price_type=int(raw.get("priceType", 1) or 1), cover_img=str(raw.get("coverImgUrl", "")),
                   url=str(raw.get("url", "")),
                   audit_status=int(raw["auditStatus"]) if "auditStatus" in raw else audit_status)


@dataclass(frozen=True)
class Room:
    room_id: int
    name: str
    live_status: int
    anchor_name: str = ""
    start_time: int = 0  # Unix seconds
    end_time: int = 0
    cover_img: str = ""
    goods: tuple[Goods, ...] = ()

    @property
    def is_live(self) -> bool:
        return self.live_status == LIVE

    @property
    def status_text(self) -> str:
        return live_status_text(self.live_status)

    @classmethod
    def from_room_info(cls, raw: dict[str, Any]) -> Room:
        return cls(room_id=int(raw.get("roomid", 0)), name=str(raw.get("name", "")),
                   live_status=int(raw.get("live_status", 0)), anchor_name=str(raw.get("anchor_name", "")),
                   start_time=int(raw.get("start_time", 0) or 0), end_time=int(raw.get("end_time", 0) or 0),
                   cover_img=str(raw.get("cover_img", "")),
                   goods=tuple(Goods.from_room_info(g) for g in raw.get("goods", []) or []))


@dataclass(frozen=True)
class PlanProduct:
    """A room's product as the show plan wants it (kept independent of the plan module)."""

    name: str
    price_yuan: Decimal
    goods_id: str  # text, as every id in the plan: never a float
    image: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "price_yuan": str(self.price_yuan), "goods_id": self.goods_id,
                "image": self.image}


def goods_to_plan_products(goods: Iterable[Goods]) -> list[PlanProduct]:
    """The room's goods (fen) → the show plan's products (yuan, goods id as text), in room order."""
    return [PlanProduct(name=g.name, price_yuan=g.sale_price_yuan, goods_id=str(g.goods_id),
                        image=g.cover_img) for g in goods]


# ---------------------------------------------------------------------------------------------
# Access tokens


@dataclass(frozen=True)
class AccessToken:
    value: str = field(repr=False)
    expires_in: float  # seconds, as WeChat says


class TokenSource(ABC):
    """Where access tokens come from. ``force`` asks for a new one (the cached one was refused)."""

    @abstractmethod
    async def fetch(self, session: aiohttp.ClientSession, base_url: str, *, force: bool) -> AccessToken:
        ...


class StableTokenSource(TokenSource):
    """``cgi-bin/stable_token`` with AppID + AppSecret; works only from whitelisted IPs (40164)."""

    def __init__(self, app_id: str, app_secret: str) -> None:
        register_secret(app_secret)
        self.app_id = app_id
        self._secret = app_secret

    async def fetch(self, session: aiohttp.ClientSession, base_url: str, *, force: bool) -> AccessToken:
        body = {"grant_type": "client_credential", "appid": self.app_id, "secret": self._secret,
                "force_refresh": force}
        answer = await _read_json(session.post(urljoin(base_url, "cgi-bin/stable_token"), json=body),
                                  "stable_token")
        return _token_from(answer, "stable_token")


class TokenServiceSource(TokenSource):
    """The merchant's own token service (their server is whitelisted; this computer need not be).

    Contract: ``GET <url>`` answers ``{"access_token": "...", "expires_in": 7200}`` (WeChat's own
    shape; an ``errcode`` is passed on). A forced refresh adds ``force_refresh=1`` to the query.
    """

    def __init__(self, url: str) -> None:
        # The URL may carry the service's own key in its query: keep that out of logs too.
        register_secret(urlsplit(url).query)
        self.url = url

    async def fetch(self, session: aiohttp.ClientSession, base_url: str, *, force: bool) -> AccessToken:
        params = {"force_refresh": "1"} if force else None
        answer = await _read_json(session.get(self.url, params=params), "token service")
        return _token_from(answer, "token service")


def _token_from(answer: dict[str, Any], api: str) -> AccessToken:
    code = int(answer.get("errcode", 0) or 0)
    if code:
        raise error_for(code, str(answer.get("errmsg", "")), api)
    value = answer.get("access_token")
    if not isinstance(value, str) or not value:
        raise WeChatUnreachable(translate("WeChatLive", "The token service answered without an access token. "
                                          "Check its address in the live-room settings."), api=api)
    register_secret(value)
    return AccessToken(value, float(answer.get("expires_in", 7200) or 7200))


async def _read_json(request: Any, api: str) -> dict[str, Any]:
    """Await an aiohttp request context and read its JSON; network trouble → WeChatUnreachable."""
    try:
        async with request as response:
            if response.status != 200:
                raise WeChatUnreachable(translate(
                    "WeChatLive", "The live-room server answered HTTP {status} to “{api}”. If you use a relay "
                    "or token service, check that it is running.").format(status=response.status, api=api),
                    api=api, next_step=NEXT_RETRY)
            data = await response.json(content_type=None)
    except (aiohttp.ClientError, TimeoutError, ValueError) as e:
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


# ---------------------------------------------------------------------------------------------
# The client


class WeChatLiveClient:
    """Async client for the mini-program live API. Runs on the loop, never blocks it.

    ``clock`` (seconds, monotonic) and ``sleep`` are injectable so tests need no real waiting.
    """

    PAGE = 100  # rooms and goods per page (the API allows up to 100)
    FOLLOWERS_PAGE = 2000  # get_wxa_followers' maximum
    PUSH_MESSAGE_BATCH = 1000  # openids per push_message call

    def __init__(self, tokens: TokenSource, *, base_url: str = DEFAULT_BASE_URL,
                 session: aiohttp.ClientSession | None = None, timeout: float = 10.0,
                 refresh_margin: float = 300.0, busy_backoff: Sequence[float] = (0.5, 1.0, 2.0),
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep) -> None:
        self.tokens = tokens
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self._session = session
        self._owns_session = session is None
        self._timeout = timeout
        self._refresh_margin = refresh_margin
        self._busy_backoff = tuple(busy_backoff)
        self._clock = clock
        self._sleep = sleep
        self._token: str | None = None
        self._token_expires_at = 0.0
        self._token_lock = asyncio.Lock()
        self.token_fetches = 0  # how many tokens were fetched (tests and diagnostics)

    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self._timeout))
            self._owns_session = True
        return self._session

    async def close(self) -> None:
        if self._owns_session and self._session is not None and not self._session.closed:
            await self._session.close()

    # -- tokens --------------------------------------------------------------------------------

    async def access_token(self, *, refused: str | None = None) -> str:
        """The cached token, fetched again when it is near expiry or ``refused`` is the cached one.

        One fetch for many waiting calls: the lock makes latecomers reuse the fresh token.
        """
        async with self._token_lock:
            stale = self._token is None or self._clock() >= self._token_expires_at
            if refused is not None and refused == self._token:
                stale = True
            if stale:
                token = await self.tokens.fetch(self.session(), self.base_url, force=refused is not None)
                self.token_fetches += 1
                # Refresh before WeChat's expiry: a margin, but never more than half the lifetime.
                margin = min(self._refresh_margin, token.expires_in / 2)
                self._token = token.value
                self._token_expires_at = self._clock() + token.expires_in - margin
            assert self._token is not None
            return self._token

    def forget_token(self) -> None:
        self._token = None

    # -- the one request path ------------------------------------------------------------------

    async def call(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                   body: dict[str, Any] | None = None, api: str = "") -> dict[str, Any]:
        """One API call: token added, refused token refreshed once, -1 backed off, errcode raised."""
        api = api or path.rsplit("/", 1)[-1]
        token = await self.access_token()
        token_retried = False
        busy_tries = 0
        while True:
            query = {**(params or {}), "access_token": token}
            request = self.session().request(method, urljoin(self.base_url, path), params=query,
                                             json=body if method == "POST" else None)
            answer = await _read_json(request, api)
            code = int(answer.get("errcode", 0) or 0)
            if code == 0:
                return answer
            if code in TOKEN_INVALID and not token_retried:
                log.info("%s: access token refused (errcode %s); fetching a new one", api, code)
                token_retried = True
                token = await self.access_token(refused=token)
                continue
            if code == SYSTEM_BUSY:
                if busy_tries < len(self._busy_backoff):
                    await self._sleep(self._busy_backoff[busy_tries])
                    busy_tries += 1
                    continue
                raise WeChatError(translate("WeChatLive", _BUSY).format(tries=busy_tries + 1), code=code,
                                  api=api, next_step=NEXT_RETRY)
            raise error_for(code, str(answer.get("errmsg", "")), api)

    # -- rooms ---------------------------------------------------------------------------------

    async def rooms(self) -> list[Room]:
        """All rooms, newest first as WeChat lists them (paged through getliveinfo)."""
        rooms: list[Room] = []
        start = 0
        while True:
            try:
                answer = await self.call("POST", "wxa/business/getliveinfo",
                                         body={"start": start, "limit": self.PAGE}, api="getliveinfo")
            except WeChatError as e:
                if e.code == ROOM_LIST_EMPTY:  # WeChat's way of saying "no rooms"
                    return rooms
                raise
            page = answer.get("room_info", []) or []
            rooms.extend(Room.from_room_info(r) for r in page)
            total = int(answer.get("total", 0) or 0)
            start += len(page)
            if not page or start >= total:
                return rooms

    async def room(self, room_id: int) -> Room:
        for room in await self.rooms():
            if room.room_id == room_id:
                return room
        raise error_for(300022, api="getliveinfo")

    async def push_url(self, room_id: int) -> str:
        """The room's push address (推流地址): a credential — registered as a secret at once."""
        answer = await self.call("GET", "wxaapi/broadcast/room/getpushurl", params={"roomId": room_id},
                                 api="getpushurl")
        address = str(answer.get("pushAddr", ""))
        register_secret(address)
        for part in urlsplit(address).query.split("&"):
            register_secret(part.partition("=")[2])
        return address

    # -- goods ---------------------------------------------------------------------------------

    async def approved_goods(self, status: int = 2) -> list[Goods]:
        """The goods library with the given audit status (2 = approved), all pages."""
        goods: list[Goods] = []
        offset = 0
        while True:
            answer = await self.call("GET", "wxaapi/broadcast/goods/getapproved",
                                     params={"offset": offset, "limit": self.PAGE, "status": status},
                                     api="getapproved")
            page = answer.get("goods", []) or []
            goods.extend(Goods.from_library(g, audit_status=status) for g in page)
            offset += len(page)
            if not page or offset >= int(answer.get("total", 0) or 0):
                return goods

    async def add_goods(self, room_id: int, goods_ids: Sequence[int]) -> None:
        await self.call("POST", "wxaapi/broadcast/room/addgoods",
                        body={"ids": [int(g) for g in goods_ids], "roomId": room_id}, api="addgoods")

    async def set_on_sale(self, room_id: int, goods_id: int, on_sale: bool) -> None:
        await self.call("POST", "wxaapi/broadcast/goods/onsale",
                        body={"roomId": room_id, "goodsId": goods_id, "onSale": 1 if on_sale else 0},
                        api="onsale")

    async def push_goods(self, room_id: int, goods_id: int) -> None:
        """商品上屏: the product pops up in the viewers' room."""
        await self.call("POST", "wxaapi/broadcast/goods/push", body={"roomId": room_id, "goodsId": goods_id},
                        api="push")

    # -- subscribers ---------------------------------------------------------------------------

    async def followers(self) -> list[str]:
        """OpenIDs of the long-term subscribers (长期订阅用户), all pages."""
        openids: list[str] = []
        page_break: int | None = None
        while True:
            body: dict[str, Any] = {"limit": self.FOLLOWERS_PAGE}
            if page_break:
                body["page_break"] = page_break
            answer = await self.call("POST", "wxa/business/get_wxa_followers", body=body,
                                     api="get_wxa_followers")
            page = answer.get("followers", []) or []
            openids.extend(str(f["openid"]) for f in page if f.get("openid"))
            page_break = int(answer.get("page_break", 0) or 0)
            if len(page) < self.FOLLOWERS_PAGE or not page_break:
                return openids

    async def push_message(self, room_id: int, openids: Sequence[str]) -> str:
        answer = await self.call("POST", "wxa/business/push_message",
                                 body={"room_id": room_id, "user_openid": list(openids)}, api="push_message")
        return str(answer.get("message_id", ""))

    async def notify_subscribers(self, room_id: int) -> int:
        """推送本场直播 to every subscriber (once a day, only while live); returns how many."""
        openids = await self.followers()
        if not openids:
            return 0
        for start in range(0, len(openids), self.PUSH_MESSAGE_BATCH):
            await self.push_message(room_id, openids[start:start + self.PUSH_MESSAGE_BATCH])
        return len(openids)


# ---------------------------------------------------------------------------------------------
# The live-room target for the show's actions


class WeChatLiveRoom(LiveRoom):
    """The mini-program live room as a target: goods push and sale flags and subscriber notice by
    API; coupons, lotteries and announcements have no server API and stay manual steps."""

    SUPPORTED = frozenset({RoomAction.PUSH_GOODS, RoomAction.GOODS_ON_SALE, RoomAction.GOODS_OFF_SALE,
                           RoomAction.SUBSCRIBER_PUSH})

    def __init__(self, client: WeChatLiveClient, room_id: int, name: str = "", *,
                 owns_client: bool = True) -> None:
        self.client = client
        self.room_id = room_id
        self._owns_client = owns_client
        self.name = name or translate("WeChatLive", "Mini-program live room {room}").format(room=room_id)

    def supports(self, action: RoomAction) -> bool:
        return action in self.SUPPORTED

    async def perform(self, request: RoomRequest) -> RoomResult:
        if not self.supports(request.action):
            return RoomResult(self.name, Outcome.MANUAL, translate(
                "WeChatLive", "The mini-program live API cannot do this: do it in the anchor app or the live "
                "console (直播控制台), then tick it off."))
        try:
            message = await self._do(request)
        except WeChatUnreachable as e:
            return RoomResult(self.name, Outcome.FAILED, str(e), e.code, e.next_step or NEXT_RETRY)
        except WeChatError as e:
            return RoomResult(self.name, Outcome.REFUSED, str(e), e.code, e.next_step)
        return RoomResult(self.name, Outcome.DONE, message)

    async def _do(self, request: RoomRequest) -> str:
        title = request.title or str(request.goods_id or "")
        if request.action is RoomAction.SUBSCRIBER_PUSH:
            count = await self.client.notify_subscribers(self.room_id)
            return translate("WeChatLive", "{count} subscribers notified.").format(count=count)
        goods_id = _goods_id(request.goods_id)
        if request.action is RoomAction.PUSH_GOODS:
            await self.client.push_goods(self.room_id, goods_id)
            return translate("WeChatLive", "“{title}” is on screen in the room.").format(title=title)
        on_sale = request.action is RoomAction.GOODS_ON_SALE
        await self.client.set_on_sale(self.room_id, goods_id, on_sale)
        if on_sale:
            return translate("WeChatLive", "“{title}” is on sale.").format(title=title)
        return translate("WeChatLive", "“{title}” is off sale.").format(title=title)

    async def close(self) -> None:
        if self._owns_client:
            await self.client.close()


def _goods_id(value: str | None) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise WeChatError(translate("WeChatLive", "“{id}” is not a mini-program goods id (a number). Check the "
                                    "product's goods id in the show plan.").format(id=value)) from None


# ---------------------------------------------------------------------------------------------
# The model the live-room panel shows


class WeChatRoomModel:
    """Rooms, the show's room, its goods and the goods library, for the panel; emits ``changed``.

    It is handed a ready client by ``studio.room.settings.RoomConnection`` (which knows the
    settings, the keyring and rehearsal); every method runs on the loop and never blocks it.
    """

    def __init__(self, client_factory: Callable[[], Awaitable[WeChatLiveClient]]) -> None:
        self._client_factory = client_factory
        self._client: WeChatLiveClient | None = None
        self.changed = Signal("WeChatRoomModel.changed")
        self.busy = Signal("WeChatRoomModel.busy")  # (bool): a request is under way
        self.rooms: list[Room] = []
        self.room_id: int | None = None
        self.library: list[Goods] = []
        self.sale_state: dict[tuple[int, int], bool] = {}  # what this console last set (the API has no read)
        self.pending = 0

    async def client(self) -> WeChatLiveClient:
        if self._client is None:
            self._client = await self._client_factory()
        return self._client

    async def reset_client(self) -> None:
        """Settings changed: the next call builds a new client (new base URL, token source)."""
        old, self._client = self._client, None
        if old is not None:
            await old.close()

    @property
    def room(self) -> Room | None:
        return next((r for r in self.rooms if r.room_id == self.room_id), None)

    @property
    def goods(self) -> tuple[Goods, ...]:
        room = self.room
        return room.goods if room else ()

    def plan_products(self) -> list[PlanProduct]:
        return goods_to_plan_products(self.goods)

    def on_sale(self, goods_id: int) -> bool | None:
        if self.room_id is None:
            return None
        return self.sale_state.get((self.room_id, goods_id))

    async def _run(self, coro: Callable[[WeChatLiveClient], Awaitable[Any]]) -> Any:
        self.pending += 1
        self.busy.emit(True)
        try:
            return await coro(await self.client())
        finally:
            self.pending -= 1
            self.busy.emit(self.pending > 0)

    def _need_room(self) -> int:
        if self.room_id is None:
            raise WeChatError(translate("WeChatLive", "Pick the show's live room first."),
                              next_step=NEXT_PICK_ROOM)
        return self.room_id

    async def refresh_rooms(self) -> list[Room]:
        self.rooms = await self._run(lambda c: c.rooms())
        self.changed.emit()
        return self.rooms

    def select_room(self, room_id: int | None) -> None:
        self.room_id = room_id
        self.changed.emit()

    async def fetch_push_url(self) -> str:
        room_id = self._need_room()
        url: str = await self._run(lambda c: c.push_url(room_id))
        return url

    async def load_library(self) -> list[Goods]:
        self.library = await self._run(lambda c: c.approved_goods())
        self.changed.emit()
        return self.library

    async def add_goods(self, goods_ids: Sequence[int]) -> None:
        room_id = self._need_room()
        await self._run(lambda c: c.add_goods(room_id, goods_ids))
        await self.refresh_rooms()

    async def set_on_sale(self, goods_id: int, on_sale: bool) -> None:
        room_id = self._need_room()
        await self._run(lambda c: c.set_on_sale(room_id, goods_id, on_sale))
        self.sale_state[(room_id, goods_id)] = on_sale
        self.changed.emit()

    async def push_goods(self, goods_id: int) -> None:
        room_id = self._need_room()
        await self._run(lambda c: c.push_goods(room_id, goods_id))
        self.sale_state[(room_id, goods_id)] = True  # a push only succeeds for goods on sale

    async def notify_subscribers(self) -> int:
        room_id = self._need_room()
        count: int = await self._run(lambda c: c.notify_subscribers(room_id))
        return count

    async def live_room(self) -> WeChatLiveRoom:
        """The target for the show's one-click actions, bound to the picked room."""
        room_id = self._need_room()
        room = self.room
        return WeChatLiveRoom(await self.client(), room_id, room.name if room else "", owns_client=False)

    async def close(self) -> None:
        await self.reset_client()
