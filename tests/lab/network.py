"""Loopback stand-ins for a network that misbehaves (the lab never talks to anything but lo)."""

from __future__ import annotations

import socket
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any


def closed_port() -> int:
    """A loopback port nobody listens on (bound for a moment to pick it, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SilentListener:
    """A loopback port that accepts connections and never says a word."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
                self.accepted.append(conn)
            except OSError:
                return

    def close(self) -> None:
        self._stop = True
        self.sock.close()
        for c in self.accepted:
            c.close()


@asynccontextmanager
async def http_server(path: str, handler: Callable[[Any], Awaitable[Any]]) -> AsyncIterator[str]:
    """An aiohttp server on a free loopback port answering GET ``path`` with ``handler`` (any other
    path is a 404); yields its base URL ``http://127.0.0.1:PORT`` and is gone on leaving."""
    from aiohttp import web

    app = web.Application()
    app.router.add_get(path, handler)
    runner = web.AppRunner(app)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()
