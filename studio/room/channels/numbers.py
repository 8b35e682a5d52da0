"""Live numbers from the Channels dashboard while on air, about once a minute.

``LiveNumbersWatch(api, sink)`` polls ``ChannelsApi.live_numbers`` for today's newest live and
hands each reading to ``numbers`` (the health dock) and to ``sink`` (normally the show log's
``append``, as ``live_numbers`` events the review reads). One failed poll is named in ``problem``
and the loop goes on; it never dies from one bad answer.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from studio.errors import UserError
from studio.events import Signal
from studio.room.channels.api import ChannelsApi, LiveNumbers
from studio.tasks import spawn

log = logging.getLogger(__name__)
POLL_SECONDS = 60.0  # the dashboard itself updates in minutes, not seconds


class LiveNumbersWatch:
    def __init__(self, api: ChannelsApi, sink: Callable[..., Any] | None = None,
                 interval: float = POLL_SECONDS) -> None:
        self.api = api
        self.sink = sink
        self.interval = interval
        self.latest: LiveNumbers | None = None
        self.problem = ""
        self.numbers = Signal("live_numbers.numbers")  # emits the LiveNumbers
        self._export_id: str | None = None
        self._task: asyncio.Task[None] | None = None

    async def poll_once(self) -> LiveNumbers | None:
        try:
            if self._export_id is None:
                self._export_id = await self.api.current_export_id()
            if self._export_id is None:
                self.problem = ""
                return None
            reading = await self.api.live_numbers(self._export_id)
        except UserError as e:
            self.problem = str(e)
            return None
        except Exception:  # a strange answer must not end the watch for the rest of the show
            log.exception("Channels live numbers: poll failed")
            self.problem = "unexpected error"
            return None
        self.latest, self.problem = reading, ""
        self.numbers.emit(reading)
        if self.sink is not None:
            self.sink("live_numbers", **reading.as_event())
        return reading

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = spawn(self._loop(), name="channels-live-numbers")

    async def _loop(self) -> None:
        while True:
            await self.poll_once()
            await asyncio.sleep(self.interval)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
