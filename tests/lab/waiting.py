"""Waiting for the loop to reach a state, without sleeps sprinkled through the tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


async def wait_until(predicate: Callable[[], bool], timeout: float = 10.0, step: float = 0.02) -> None:
    """Poll ``predicate`` on the loop until it holds; fail with a clear message on timeout."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await asyncio.sleep(step)


class LoopWatch:
    """Measures how long the loop went without running a 10 ms ticker: a stalled UI shows here.

    ``async with LoopWatch() as watch: ...`` then ``watch.longest_gap`` (seconds).
    """

    def __init__(self, step: float = 0.01) -> None:
        self.step = step
        self.gaps: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        loop = asyncio.get_running_loop()
        last = loop.time()
        while True:
            await asyncio.sleep(self.step)
            now = loop.time()
            self.gaps.append(now - last)
            last = now

    async def __aenter__(self) -> LoopWatch:
        self._task = asyncio.ensure_future(self._tick())
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._task:
            self._task.cancel()

    @property
    def longest_gap(self) -> float:
        return max(self.gaps, default=0.0)
