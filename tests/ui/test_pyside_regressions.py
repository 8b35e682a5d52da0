"""Guards against Qt-binding bugs that would crash a long show.

PySide6 6.12.0 drops a reference to ``True`` on every ``Signal.emit``. On Python 3.11 the
interpreter aborts ("bool_dealloc") after about a thousand emits — and qasync emits one for every
``call_soon_threadsafe``, i.e. for every OBS request answer and every OBS event. pyproject.toml
keeps that version out; this test fails if one comes back.
"""

from __future__ import annotations

import asyncio
import sys
import threading

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_signal_emit_keeps_bool_refcount(qapp):
    emitter = _Emitter()
    emitter.fired.connect(lambda _v: None)
    before = sys.getrefcount(True)
    for _ in range(3000):
        emitter.fired.emit(1)
    assert sys.getrefcount(True) >= before - 500  # a leak per emit would lose thousands


def test_many_thread_handoffs_through_qasync(loop):
    """10,000 events from another thread land on the loop, as in a long show."""
    received = []
    before = sys.getrefcount(True)

    def producer() -> None:
        for i in range(10_000):
            loop.call_soon_threadsafe(received.append, i)

    async def scenario() -> None:
        thread = threading.Thread(target=producer)
        thread.start()
        while thread.is_alive() or len(received) < 10_000:
            await asyncio.sleep(0.01)

    loop.run_until_complete(asyncio.wait_for(scenario(), 30))
    assert received == list(range(10_000))
    assert sys.getrefcount(True) >= before - 500  # a leak per emit would lose thousands
