"""A clock a test moves by hand: ``clock()`` is now, ``await clock.sleep(s)`` waits until the test
moves time past it with ``await clock.advance(s)`` (sleepers wake in order), so a 20 s ticker
needs no 20 s. Synchronous code just sets ``clock.now``.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools

T0 = 1_718_712_000.0  # 2024-06-18 12:00 UTC (20:00 in UTC+8): the show tests' start


class FakeClock:
    def __init__(self, now: float = T0) -> None:
        self.now = now
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(0.0, seconds), next(self._order), future))
        await future

    async def advance(self, seconds: float) -> None:
        end = self.now + seconds
        await settle()
        while self._sleepers and self._sleepers[0][0] <= end:
            wake_at, _, future = heapq.heappop(self._sleepers)
            self.now = max(self.now, wake_at)
            if not future.done():
                future.set_result(None)
            await settle()
        self.now = end
        await settle()

    @property
    def sleeping(self) -> int:
        return sum(1 for _, _, f in self._sleepers if not f.done())


async def settle() -> None:
    """Let every task that can run, run (the fakes answer at once)."""
    for _ in range(25):
        await asyncio.sleep(0)
