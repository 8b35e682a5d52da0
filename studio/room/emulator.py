"""A local stand-in for the mini-program live API, for rehearsal (彩排) and tests.

It answers the same paths, bodies and error codes as ``api.weixin.qq.com`` (see
``studio.room.wechat``) and keeps state: rooms and their status, the goods library with audit
status, each room's shelf with on-sale flags, the push-in-progress window, daily quotas, access
tokens that can be expired on demand, and subscribers with the once-a-day notice.

A control endpoint lets a test or a rehearsing host change that state::

    POST /_emulator/control  {"action": "set_room_status", "room_id": 1001, "live_status": 101}
    GET  /_emulator/state

Start it inside a running loop with ``await WeChatEmulator().start()`` (aiohttp's
``AppRunner``/``TCPSite``, so it shares the GUI's qasync loop), or ``run_blocking()`` from the CLI.
It binds 127.0.0.1 and has no access log: request URLs carry ``access_token=``. The state it
serves is plain data in ``studio.room.emulator_state`` (its names import from here too).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import secrets
from collections.abc import Callable
from typing import Any

import aiohttp
from aiohttp import web

from studio.room.emulator_state import CHINA, ERRMSG, EmuGoods, EmulatorState, EmuRoom

__all__ = ["CHINA", "CONTROL_PATH", "ERRMSG", "REHEARSAL_APP_ID", "STATE_PATH", "EmuGoods", "EmuRoom",
           "EmulatorState", "WeChatEmulator", "control"]

log = logging.getLogger(__name__)

CONTROL_PATH = "/_emulator/control"
STATE_PATH = "/_emulator/state"
REHEARSAL_APP_ID = "wx0000000000rehearsal"


class _Refused(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


class WeChatEmulator:
    def __init__(self, state: EmulatorState | None = None, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.state = state if state is not None else EmulatorState().seed_demo()
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None
        self._message_ids = itertools.count(1)
        self.app = web.Application()
        routes = [
            ("POST", "/cgi-bin/stable_token", self._stable_token),
            ("GET", "/token-service", self._token_service),
            ("POST", "/wxa/business/getliveinfo", self._getliveinfo),
            ("GET", "/wxaapi/broadcast/room/getpushurl", self._getpushurl),
            ("POST", "/wxaapi/broadcast/room/addgoods", self._addgoods),
            ("GET", "/wxaapi/broadcast/goods/getapproved", self._getapproved),
            ("POST", "/wxaapi/broadcast/goods/onsale", self._onsale),
            ("POST", "/wxaapi/broadcast/goods/push", self._push),
            ("POST", "/wxa/business/get_wxa_followers", self._followers),
            ("POST", "/wxa/business/push_message", self._push_message),
            ("POST", CONTROL_PATH, self._control),
            ("GET", STATE_PATH, self._state),
        ]
        for method, path, handler in routes:
            self.app.router.add_route(method, path, handler)

    # -- lifecycle -----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def token_service_url(self) -> str:
        return self.url + "token-service"

    async def start(self) -> str:
        """Listen on the running loop; returns the base URL (a free port when ``port`` is 0)."""
        # access_log=None: aiohttp's access log would write every URL, access_token included.
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        server = site._server
        if self.port == 0 and server is not None:
            sockets = getattr(server, "sockets", None) or []
            self.port = int(sockets[0].getsockname()[1])
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def run_blocking(self, on_started: Callable[[str], None] | None = None) -> None:
        """Serve until Ctrl+C (KeyboardInterrupt propagates to the caller)."""

        async def serve() -> None:
            url = await self.start()
            if on_started:
                on_started(url)
            try:
                await asyncio.Event().wait()
            finally:
                await self.stop()

        asyncio.run(serve())

    # -- plumbing ------------------------------------------------------------------------------

    async def _answer(self, request: web.Request, api: str, body_needed: bool,
                      handler: Callable[[dict[str, Any]], dict[str, Any]], *,
                      quota: bool = True) -> web.Response:
        """Common checks in WeChat's order: token, injected failures, quota; then the handler."""
        state = self.state
        if state.delay:
            await asyncio.sleep(state.delay)
        if state.day != state.today():
            state.new_day()
        state.requests[api] = state.requests.get(api, 0) + 1
        entry: dict[str, Any] = {"api": api, "query": {k: v for k, v in request.query.items()
                                                       if k != "access_token"}, "body": None, "errcode": None}
        state.request_log.append(entry)
        if body_needed:
            try:
                entry["body"] = await request.json()
            except ValueError:
                entry["body"] = None
        try:
            code = state.check_token(request.query.get("access_token"))
            if code:
                raise _Refused(code)
            self._injected_failure(api)
            if quota:
                left = state.quotas.get(api)
                if left is not None:
                    if left <= 0:
                        raise _Refused(45009)
                    state.quotas[api] = left - 1
            state.calls[api] = state.calls.get(api, 0) + 1
            body: dict[str, Any] = {}
            if body_needed:
                try:
                    raw = await request.json()
                except ValueError:
                    raw = None
                if not isinstance(raw, dict):
                    return _json({"errcode": 47001, "errmsg": "data format error"})
                body = raw
            else:
                body = dict(request.query)
            answer = handler(body)
        except _Refused as refused:
            entry["errcode"] = refused.code
            return _json({"errcode": refused.code, "errmsg": ERRMSG.get(refused.code, "error")})
        entry["errcode"] = 0
        return _json({"errcode": 0, "errmsg": "ok", **answer})

    def _injected_failure(self, api: str) -> None:
        for i, (target, code) in enumerate(self.state.failures):
            if target in (None, api):
                del self.state.failures[i]
                raise _Refused(code)

    def _room(self, room_id: Any) -> EmuRoom:
        try:
            return self.state.rooms[int(room_id)]
        except (KeyError, TypeError, ValueError):
            raise _Refused(300022) from None

    # -- tokens --------------------------------------------------------------------------------

    async def _stable_token(self, request: web.Request) -> web.Response:
        if self.state.delay:
            await asyncio.sleep(self.state.delay)
        try:
            body = await request.json()
        except ValueError:
            body = {}
        return _json(self._token_answer(str(body.get("appid", "")), str(body.get("secret", "")),
                                        bool(body.get("force_refresh")), "stable_token"))

    async def _token_service(self, request: web.Request) -> web.Response:
        """Stands in for a merchant's own token service (no AppSecret on the console's side)."""
        force = request.query.get("force_refresh") in ("1", "true")
        return _json(self._token_answer(None, None, force, "token_service"))

    def _token_answer(self, app_id: str | None, secret: str | None, force: bool, api: str) -> dict[str, Any]:
        state = self.state
        try:
            self._injected_failure(api)
            if not state.ip_whitelisted and api == "stable_token":
                raise _Refused(40164)
            if app_id is not None and state.app_id is not None and app_id != state.app_id:
                raise _Refused(40013)
            if secret is not None and state.app_secret is not None and secret != state.app_secret:
                raise _Refused(40125)
        except _Refused as refused:
            return {"errcode": refused.code, "errmsg": ERRMSG.get(refused.code, "error")}
        token, expires_in = state.issue_token(force)
        return {"access_token": token, "expires_in": expires_in}

    # -- rooms ---------------------------------------------------------------------------------

    async def _getliveinfo(self, request: web.Request) -> web.Response:
        def handle(body: dict[str, Any]) -> dict[str, Any]:
            rooms = list(self.state.rooms.values())
            if not rooms:
                raise _Refused(9410000)
            start, limit = int(body.get("start", 0)), min(int(body.get("limit", 10)), 100)
            page = rooms[start:start + limit]
            return {"room_info": [self._room_info(r) for r in page], "total": len(rooms)}

        return await self._answer(request, "getliveinfo", True, handle)

    def _room_info(self, room: EmuRoom) -> dict[str, Any]:
        goods = []
        for goods_id in room.shelf:
            g = self.state.library.get(goods_id)
            if g is not None:
                goods.append({"goods_id": g.goods_id, "name": g.name, "price": g.price_fen,
                              "price2": g.price2_fen, "price_type": g.price_type, "cover_img": g.cover_img,
                              "url": g.url})
        return {"roomid": room.room_id, "name": room.name, "live_status": room.live_status,
                "anchor_name": room.anchor_name, "start_time": room.start_time, "end_time": room.end_time,
                "cover_img": "", "share_img": "", "goods": goods}

    async def _getpushurl(self, request: web.Request) -> web.Response:
        def handle(query: dict[str, Any]) -> dict[str, Any]:
            room = self._room(query.get("roomId"))
            expires = int(self.state.wall_clock()) + 24 * 3600
            key = f"{REHEARSAL_APP_ID}_{room.room_id}?txSecret={secrets.token_hex(16)}&txTime={expires:x}"
            return {"pushAddr": self.state.push_server.rstrip("/") + "/" + key}

        return await self._answer(request, "getpushurl", False, handle)

    # -- goods ---------------------------------------------------------------------------------

    async def _getapproved(self, request: web.Request) -> web.Response:
        def handle(query: dict[str, Any]) -> dict[str, Any]:
            status = int(query.get("status", 2))
            offset, limit = int(query.get("offset", 0)), min(int(query.get("limit", 30)), 100)
            matching = [g for g in self.state.library.values() if g.audit_status == status]
            return {"total": len(matching), "goods": [
                {"goodsId": g.goods_id, "name": g.name, "price": g.price_fen, "price2": g.price2_fen,
                 "priceType": g.price_type, "coverImgUrl": g.cover_img, "url": g.url, "thirdPartyTag": 0}
                for g in matching[offset:offset + limit]]}

        return await self._answer(request, "getapproved", False, handle)

    async def _addgoods(self, request: web.Request) -> web.Response:
        def handle(body: dict[str, Any]) -> dict[str, Any]:
            room = self._room(body.get("roomId"))
            ids = [int(i) for i in body.get("ids", [])]
            for goods_id in ids:
                goods = self.state.library.get(goods_id)
                if goods is None:
                    raise _Refused(300004)
                if goods.audit_status != 2:
                    raise _Refused(300017)
            for goods_id in ids:
                room.shelf.setdefault(goods_id, True)  # goods join a room on sale
            return {}

        return await self._answer(request, "addgoods", True, handle)

    async def _onsale(self, request: web.Request) -> web.Response:
        def handle(body: dict[str, Any]) -> dict[str, Any]:
            room = self._room(body.get("roomId"))
            goods_id = int(body.get("goodsId", 0))
            if goods_id not in room.shelf:
                raise _Refused(300053)
            room.shelf[goods_id] = bool(int(body.get("onSale", 0)))
            return {}

        return await self._answer(request, "onsale", True, handle)

    async def _push(self, request: web.Request) -> web.Response:
        def handle(body: dict[str, Any]) -> dict[str, Any]:
            state = self.state
            room = self._room(body.get("roomId"))
            goods_id = int(body.get("goodsId", 0))
            if room.live_status != 101:
                raise _Refused(300023)
            if goods_id not in room.shelf:
                raise _Refused(300053)
            if not room.shelf[goods_id]:
                raise _Refused(300052)
            now = state.clock()
            if state.push_busy_until.get(room.room_id, 0.0) > now:
                raise _Refused(300047)
            state.push_busy_until[room.room_id] = now + state.push_window
            state.pushes.append({"room_id": room.room_id, "goods_id": goods_id})
            return {}

        return await self._answer(request, "push", True, handle)

    # -- subscribers ---------------------------------------------------------------------------

    async def _followers(self, request: web.Request) -> web.Response:
        def handle(body: dict[str, Any]) -> dict[str, Any]:
            limit = min(int(body.get("limit", 200)), 2000)
            start = int(body.get("page_break", 0) or 0)
            page = self.state.followers[start:start + limit]
            following = start + len(page)
            return {"followers": [{"openid": o, "subscribe_time": 0, "room_id": 0, "room_status": 0}
                                  for o in page],
                    "page_break": following if following < len(self.state.followers) else 0}

        return await self._answer(request, "get_wxa_followers", True, handle)

    async def _push_message(self, request: web.Request) -> web.Response:
        def handle(body: dict[str, Any]) -> dict[str, Any]:
            state = self.state
            room = self._room(body.get("room_id"))
            if room.live_status != 101:
                raise _Refused(9410006)
            today = str(state.today())
            done_today = [n for n in state.notices if n["day"] == today]
            # Once a day per mini program: WeChat refuses a second room; more batches of the same
            # room's notice (up to 1000 openids each) are accepted.
            if any(n["room_id"] != room.room_id for n in done_today):
                raise _Refused(9410005)
            message_id = str(next(self._message_ids))
            state.notices.append({"room_id": room.room_id, "day": today, "message_id": message_id,
                                  "openids": len(body.get("user_openid", []))})
            return {"message_id": message_id}

        return await self._answer(request, "push_message", True, handle)

    # -- control (tests, rehearsal) ------------------------------------------------------------

    async def _state(self, request: web.Request) -> web.Response:
        return _json(self.state.snapshot())

    async def _control(self, request: web.Request) -> web.Response:
        try:
            body = await request.json()
            self.control(body)
        except (ValueError, KeyError, TypeError) as e:
            return _json({"ok": False, "error": f"{type(e).__name__}: {e}"}, status=400)
        return _json({"ok": True})

    def control(self, command: dict[str, Any]) -> None:
        """Change the state. Actions: expire_tokens, set_room_status, add_room, remove_room,
        add_library_goods, set_audit, remove_from_room, set_quota, fail_next, set_push_window,
        set_push_server, set_whitelisted, set_credentials, set_delay, set_followers, new_day."""
        state = self.state
        action = command["action"]
        if action == "expire_tokens":
            state.expire_tokens()
        elif action == "set_room_status":
            state.rooms[int(command["room_id"])].live_status = int(command["live_status"])
        elif action == "add_room":
            room_id = int(command["room_id"])
            state.rooms[room_id] = EmuRoom(room_id, str(command.get("name", f"room {room_id}")),
                                           int(command.get("live_status", 102)))
        elif action == "remove_room":
            state.rooms.pop(int(command["room_id"]), None)
        elif action == "add_library_goods":
            goods = EmuGoods(int(command["goods_id"]), str(command["name"]), int(command["price_fen"]),
                             int(command.get("price2_fen", 0)), int(command.get("price_type", 1)),
                             audit_status=int(command.get("audit_status", 2)))
            state.library[goods.goods_id] = goods
        elif action == "set_audit":
            state.library[int(command["goods_id"])].audit_status = int(command["audit_status"])
        elif action == "remove_from_room":
            state.rooms[int(command["room_id"])].shelf.pop(int(command["goods_id"]), None)
        elif action == "set_quota":
            if command.get("remaining") is None:
                state.quotas.pop(str(command["api"]), None)
            else:
                state.quotas[str(command["api"])] = int(command["remaining"])
        elif action == "fail_next":
            for _ in range(int(command.get("count", 1))):
                state.failures.append((command.get("api"), int(command["errcode"])))
        elif action == "set_push_window":
            state.push_window = float(command["seconds"])
        elif action == "set_push_server":
            state.push_server = str(command["server"])
        elif action == "set_whitelisted":
            state.ip_whitelisted = bool(command["whitelisted"])
        elif action == "set_credentials":
            state.app_id, state.app_secret = command.get("app_id"), command.get("app_secret")
        elif action == "set_delay":
            state.delay = float(command["seconds"])
        elif action == "set_followers":
            state.followers = [str(o) for o in command["openids"]]
        elif action == "new_day":
            state.notices.clear()
            state.calls.clear()
            state.push_busy_until.clear()
        else:
            raise KeyError(action)


def _json(data: dict[str, Any], status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=_dumps)


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


async def control(base_url: str, action: str, **fields: Any) -> dict[str, Any]:
    """Send one control command to a running emulator (tests, scripts). Loopback only."""
    async with aiohttp.ClientSession() as session, session.post(
            base_url.rstrip("/") + CONTROL_PATH, json={"action": action, **fields}) as response:
        answer: dict[str, Any] = await response.json()
        if not answer.get("ok"):
            raise ValueError(answer.get("error", "control refused"))
        return answer
