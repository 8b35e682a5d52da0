"""Background tasks that are never lost: a reference is kept and a failure is logged.

A bare ``asyncio.create_task`` can be garbage-collected mid-flight and swallows its exception
(FeelUOwn's habit: every task goes through one helper).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

_running: set[asyncio.Task[Any]] = set()
FailureListener = Callable[[asyncio.Task[Any], BaseException], None]
_failure_listeners: list[FailureListener] = []


def on_failure(listener: FailureListener) -> Callable[[], None]:
    """Call ``listener(task, exception)`` whenever a spawned task fails (the test fixtures fail the
    test with it); returns a function that removes the listener again."""
    _failure_listeners.append(listener)
    return lambda: _failure_listeners.remove(listener) if listener in _failure_listeners else None


def spawn(coro: Coroutine[Any, Any, T], name: str | None = None) -> asyncio.Task[T]:
    task = asyncio.get_event_loop().create_task(coro, name=name)
    _running.add(task)
    task.add_done_callback(_finished)
    return task


def _finished(task: asyncio.Task[Any]) -> None:
    _running.discard(task)
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        log.error("background task %s failed", task.get_name(), exc_info=exc)
        for listener in list(_failure_listeners):
            listener(task, exc)


async def cancel_all() -> None:
    tasks = [t for t in _running if not t.done()]
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def every(seconds: float, step: Callable[[], Awaitable[object] | object], *, what: str,
                at_once: bool = False) -> None:
    """Call ``step()`` every ``seconds`` until cancelled (awaited when it returns an awaitable), the
    first time after one interval, or at once with ``at_once``. A step that raises is logged ("``what``
    failed") and the next one follows: a background loop never dies from one failed iteration. Run it
    through ``spawn``."""
    if not at_once:
        await asyncio.sleep(seconds)
    while True:
        try:
            result = step()
            if inspect.isawaitable(result):
                await result
        except Exception:
            log.exception("%s failed; the next one follows in %.1f s", what, seconds)
        await asyncio.sleep(seconds)
