"""A thread with an asyncio loop of its own, where the browser lives.

Playwright talks to its driver process over pipes from the loop it was started on. Keeping it on a
private loop in a private thread means a stuck page, a slow browser start or a driver that hangs can
never stall the console's loop (the Qt thread): callers await ``run(coro_factory, timeout)``, which
gives up after ``timeout`` and cancels the work on the browser's side.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")


class BrowserThread:
    def __init__(self, name: str = "channels-browser") -> None:
        self._name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._ready.clear()
        self._thread = threading.Thread(target=self._main, name=self._name, daemon=True)
        self._thread.start()
        self._ready.wait(5)

    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in pending:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.close()

    def submit(self, factory: Callable[[], Awaitable[T]]) -> concurrent.futures.Future[T]:
        """Start ``factory()`` on the browser's loop; a concurrent future of its result."""
        self.start()
        loop = self._loop
        if loop is None:
            raise RuntimeError("the browser thread did not start")

        async def call() -> T:
            return await factory()

        return asyncio.run_coroutine_threadsafe(call(), loop)

    async def run(self, factory: Callable[[], Awaitable[T]], timeout: float) -> T:
        """Await ``factory()`` run on the browser's loop; TimeoutError (and the work cancelled)
        after ``timeout`` seconds."""
        future = self.submit(factory)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except TimeoutError:
            future.cancel()
            raise

    def stop(self, timeout: float = 5.0) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)
        self._loop = self._thread = None
