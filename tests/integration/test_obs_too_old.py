"""Something that speaks websocket but not obs-websocket 5 (OBS 27's 4.x plugin waits silently)."""

from __future__ import annotations

import asyncio
import threading

import pytest
from aiohttp import web

from studio.obs.link import ConnectionTarget, LinkState, ObsLink

pytestmark = pytest.mark.integration


class V4LikeServer:
    """A websocket server on loopback that accepts the upgrade and never sends Hello."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.port = 0
        ready = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self.thread.start()
        ready.wait(5)

    def _run(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self.loop)

        async def handler(request: web.Request) -> web.WebSocketResponse:
            ws = web.WebSocketResponse()
            await ws.prepare(request)
            async for _ in ws:  # obs-websocket 4.x answers requests only; says nothing first
                pass
            return ws

        app = web.Application()
        app.router.add_get("/", handler)
        self.runner = web.AppRunner(app)
        self.loop.run_until_complete(self.runner.setup())
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        self.loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]
        ready.set()
        self.loop.run_forever()

    def close(self) -> None:
        async def stop() -> None:
            await self.runner.cleanup()
        asyncio.run_coroutine_threadsafe(stop(), self.loop).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


def test_websocket_without_v5_hello_is_too_old(run):
    server = V4LikeServer()
    link = ObsLink(ConnectionTarget("127.0.0.1", server.port, "x"), connect_timeout=1.0)
    try:
        status = run(link.connect_once())
        assert status.state is LinkState.TOO_OLD
        assert "28" in status.message
    finally:
        run(link.close())
        server.close()
