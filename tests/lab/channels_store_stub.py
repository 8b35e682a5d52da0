"""A loopback stand-in for api.weixin.qq.com's Channels / 微信小店 calls, on a thread of its own.

Answers ``cgi-bin/stable_token`` with a fresh token each time, refuses any other call whose token is
not the newest (40001), can answer 42001 once (``expire_next``), and otherwise answers what a test
put in ``answers[path]``; a path with no scripted answer gets errcode 99999, so a call the test did
not expect fails loudly. Every request is kept in ``requests``.
"""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

from aiohttp import web


class StoreStub:
    """Answers like api.weixin.qq.com for the calls the console makes; records every request."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.tokens = 0
        self.expire_next = False  # the next call answers 42001 once
        self.answers: dict[str, dict[str, Any]] = {}
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
        if path not in self.answers:  # a stub never invents an answer: the test says what to answer
            return web.json_response({"errcode": 99999, "errmsg": f"stub: nothing scripted for {path}"})
        return web.json_response(self.answers[path])

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


