"""The HTTP client of the mini-program live API: one request path (token, refresh on a refused
token, back-off on -1, errcode → ``WeChatError``) and the calls the console makes."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from studio.i18n import translate
from studio.redact import register_secret
from studio.room.wechat.errors import (
    _BUSY,
    DEFAULT_BASE_URL,
    NEXT_RETRY,
    ROOM_LIST_EMPTY,
    SYSTEM_BUSY,
    TOKEN_INVALID,
    WeChatError,
    WeChatUnreachable,
    error_for,
)
from studio.room.wechat.errors import read_json as _read_json
from studio.room.wechat.models import Goods, Room
from studio.room.wechat.tokens import TokenSource

if TYPE_CHECKING:  # aiohttp loads with the first live-room request, not at start-up
    import aiohttp

log = logging.getLogger("studio.room.wechat")

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
        self._closed = False

    def session(self) -> aiohttp.ClientSession:
        if self._closed:
            # A call after close (a retry timer or a background match outliving the show) would open
            # a session nobody closes: it fails in plain words instead.
            raise WeChatUnreachable(translate("WeChatLive", "The connection to the live room was closed (the "
                                                            "show ended or the settings changed). Try again."))
        if self._session is None or self._session.closed:
            import aiohttp

            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self._timeout))
            self._owns_session = True
        return self._session

    async def close(self) -> None:
        self._closed = True
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
