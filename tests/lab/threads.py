"""Work on a thread of its own whose result, or exception, comes back to the test: Playwright's sync
API or an event loop of its own, while the test's loop keeps serving the console meanwhile."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any


class Worker:
    """``fn()`` running on its own thread from the moment it is made."""

    def __init__(self, fn: Callable[[], Any], what: str) -> None:
        self.what = what
        self._fn = fn
        self._out: list[Any] = []
        self._errors: list[BaseException] = []
        self._thread = threading.Thread(target=self._run, name=what)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._out.append(self._fn())
        except BaseException as e:  # handed to the test, which raises it
            self._errors.append(e)

    def _outcome(self) -> Any:
        if self._thread.is_alive():
            raise AssertionError(f"{self.what} did not finish")
        if self._errors:
            raise self._errors[0]
        return self._out[0]

    def result(self, timeout: float) -> Any:
        """Block until ``fn`` returned: its value, or what it raised (AssertionError if it runs on)."""
        self._thread.join(timeout)
        return self._outcome()

    async def finished(self, timeout: float) -> Any:
        """As ``result``, but waits without blocking the running loop."""
        deadline = asyncio.get_running_loop().time() + timeout
        while self._thread.is_alive() and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        return self._outcome()


def in_thread(fn: Callable[[], Any], what: str = "the work on its own thread") -> Worker:
    return Worker(fn, what)
