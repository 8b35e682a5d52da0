"""A loopback stand-in for api.weixin.qq.com's Channels / 微信小店 calls, on a thread of its own.

Answers ``cgi-bin/stable_token`` with a fresh token each time, refuses any other call whose token is
not the newest (40001; ``revoke_token()`` makes the current one stale, as WeChat does when another
service fetched a token), can answer 42001 once (``expire_next``), and otherwise answers what a test
put in ``answers[path]`` — one answer, or a list answered in turn (a list used up is unscripted
again; for the after-show call below, a list goes first, then ``after_show``); a path with no
scripted answer gets errcode 99999, so a call the test did not expect fails loudly. Every
request is kept in ``requests``.

``channels/finderlive/get_finder_live_data_list`` can instead be scripted with the lives
themselves (``after_show``: the items as WeChat gives them): the stub keeps the lives whose close
time (``live_start_time + live_duration_in_seconds``) lies in the request's [start_time, end_time],
answers ``after_show_page`` of them per page with an opaque ``last_buffer`` and ``continue_flag``,
and refuses a ``last_buffer`` it never gave (errcode 47001).
"""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

from aiohttp import web

AFTER_SHOW = "channels/finderlive/get_finder_live_data_list"


class StoreStub:
    """Answers like api.weixin.qq.com for the calls the console makes; records every request."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.tokens = 0
        self.expire_next = False  # the next call answers 42001 once
        self.answers: dict[str, dict[str, Any] | list[dict[str, Any]]] = {}
        self.after_show: list[dict[str, Any]] | None = None  # get_finder_live_data_list's lives
        self.after_show_page = 2
        self._cursors: dict[str, int] = {}  # last_buffer given → where the next page starts
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    async def _handle(self, request: web.Request) -> web.Response:
        path = request.path.lstrip("/")
        body = json.loads(await request.text() or "{}")
        self.requests.append((path, body))
        if path == "cgi-bin/stable_token":
            self.tokens += 1
            return web.json_response({"access_token": f"TOKEN{self.tokens}", "expires_in": 7200})
        if self.expire_next:
            self.expire_next = False
            return web.json_response({"errcode": 42001, "errmsg": "access_token expired"})
        if request.query.get("access_token") != f"TOKEN{self.tokens}":
            return web.json_response({"errcode": 40001, "errmsg": "invalid credential"})
        answer = self.answers.get(path)
        if isinstance(answer, list):
            answer = answer.pop(0) if answer else None
        if answer is None and path == AFTER_SHOW and self.after_show is not None:
            return web.json_response(self._after_show(body))  # what answers[path] scripted goes first
        if answer is None:  # a stub never invents an answer: the test says what to answer
            return web.json_response({"errcode": 99999, "errmsg": f"stub: nothing scripted for {path}"})
        return web.json_response(answer)

    def _after_show(self, body: dict[str, Any]) -> dict[str, Any]:
        assert self.after_show is not None
        cursor = body.get("last_buffer")
        if cursor:
            if cursor not in self._cursors:
                return {"errcode": 47001, "errmsg": "data format error: last_buffer"}
            start = self._cursors[cursor]
        else:
            start = 0

        def closes(item: dict[str, Any]) -> int:
            return int(item.get("live_start_time", 0) or 0) + int(item.get("live_duration_in_seconds", 0) or 0)

        lives = [i for i in self.after_show
                 if ("start_time" not in body or closes(i) >= body["start_time"])
                 and ("end_time" not in body or closes(i) <= body["end_time"])]
        page = lives[start:start + self.after_show_page]
        more = start + self.after_show_page < len(lives)
        answer: dict[str, Any] = {"errcode": 0, "errmsg": "ok", "item": page, "continue_flag": more}
        if more:
            token = f"buf-{len(self._cursors) + 1}-{start + self.after_show_page}"
            self._cursors[token] = start + self.after_show_page
            answer["last_buffer"] = token
        return answer

    def revoke_token(self) -> None:
        """The token handed out last is no longer valid (another service fetched a new one)."""
        self.tokens += 1

    def start(self) -> str:
        """Serve on 127.0.0.1 from a thread of its own; the base URL."""
        ready = threading.Event()

        def main() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            app = web.Application()
            app.router.add_route("*", "/{tail:.*}", self._handle)
            self._runner = web.AppRunner(app, access_log=None)
            loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            loop.run_until_complete(site.start())
            self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._runner.cleanup())
            loop.close()

        self._thread = threading.Thread(target=main, name="store-stub", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the store stub did not start")
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests if p != "cgi-bin/stable_token"]


