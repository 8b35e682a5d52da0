"""Timed messages (定时发言): each line every N minutes while the show runs, logged, never fatal."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from studio.config import Settings
from studio.room.base import Outcome, RoomAction, RoomRequest, RoomResult
from studio.room.channels.accounts import ChannelsAccounts
from studio.room.channels.timed import TimedMessage, TimedMessages
from studio.secrets import SecretStore
from tests.fakes.clock import FakeClock
from tests.fakes.keyring import MemoryKeyring


def test_each_line_goes_out_on_its_own_interval_and_is_logged() -> None:
    clock = FakeClock(1000.0)
    sent: list[RoomRequest] = []
    logged: list[tuple[str, dict[str, Any]]] = []

    async def perform(request: RoomRequest) -> RoomResult:
        sent.append(request)
        if request.title == "坏":
            raise RuntimeError("the browser fell over")
        return RoomResult("Channels", Outcome.DONE, "posted")

    timed = TimedMessages(perform, [TimedMessage("关注主播", 5), TimedMessage("整点抽奖", 2, pin=True),
                                    TimedMessage("坏", 3)], sink=lambda t, **d: logged.append((t, d)), clock=clock)

    async def minutes(n: int) -> None:
        for _ in range(n):
            await clock.advance(60)
            await timed.tick()

    asyncio.run(minutes(10))
    titles = [r.title for r in sent]
    assert titles.count("关注主播") == 2 and titles.count("整点抽奖") == 5 and titles.count("坏") == 3
    assert all(r.action is RoomAction.ANNOUNCEMENT and r.details["timed"] for r in sent)
    assert [r.details["pin"] for r in sent if r.title == "整点抽奖"] == [True] * 5
    assert len(logged) == 7 and logged[0] == ("timed_message", {"text": "整点抽奖", "pin": True, "outcome": "done",
                                                                "message": "posted"})


@pytest.mark.parametrize("row", [{"text": "", "every_minutes": 5}, {"text": "x", "every_minutes": float("nan")},
                                 {"text": "x", "every_minutes": True}, {"text": "x" * 201, "every_minutes": 5},
                                 "just text", {"every_minutes": 5}])
def test_a_bad_row_in_the_settings_is_skipped(row: Any) -> None:
    assert TimedMessage.from_settings(row) is None


def test_at_most_once_a_minute_and_the_rows_live_with_the_account(tmp_path: Path) -> None:
    assert TimedMessage.from_settings({"text": "刷屏", "every_minutes": 0.01}) == TimedMessage("刷屏", 1.0)
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"channels": {"accounts": [
        {"name": "小店A", "timed_messages": [{"text": "关注主播", "every_minutes": 10}, {"text": ""}]}]}}))
    accounts = ChannelsAccounts(Settings.load(path), SecretStore(backend=MemoryKeyring()))
    assert accounts.get("小店A").timed_messages == (TimedMessage("关注主播", 10.0),)
    accounts.add("小店A", store_app_id="wx1")  # updating the account keeps its lines
    assert accounts.get("小店A").timed_messages == (TimedMessage("关注主播", 10.0),)
    room = asyncio.run(accounts.build_room("小店A"))
    assert room.timed_messages == [TimedMessage("关注主播", 10.0)]
    asyncio.run(room.close())


def test_the_core_tells_the_room_when_a_show_starts_and_ends_against_it(tmp_path: Path) -> None:
    """The composition root: a room with show hooks is started with the show's log, stopped at its end."""
    from types import SimpleNamespace

    from studio.core import StudioCore

    core = StudioCore(Settings.load(tmp_path / "settings.json"), SecretStore(backend=MemoryKeyring()))
    calls: list[Any] = []

    class Room:
        def show_started(self, sink: Any) -> None:
            calls.append(("started", sink))

        async def show_stopped(self) -> None:
            calls.append("stopped")

    async def scenario() -> None:
        room = Room()
        record = object()
        session = SimpleNamespace(ended=False, actions=SimpleNamespace(room=room),
                                  rundown=SimpleNamespace(record=record))
        core.show.session = session  # type: ignore[assignment]
        core._on_show_changed()  # what show.changed calls (the other listeners want a real session)
        assert calls == [("started", record)]
        session.ended = True
        core._on_show_changed()
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        assert calls[-1] == "stopped"
        core.show.session = None

    asyncio.run(scenario())


def test_the_panels_lines_round_trip_and_bad_lines_are_named() -> None:
    from studio.room.channels.timed import format_lines, parse_lines

    messages, bad = parse_lines("10 关注主播不迷路\n\n15分钟 上墙 整点抽奖，别走开\n每隔一会儿 说点什么\n0.5 太快了")
    assert messages == [TimedMessage("关注主播不迷路", 10), TimedMessage("整点抽奖，别走开", 15, pin=True),
                        TimedMessage("太快了", 1.0)]
    assert bad == [4]
    assert parse_lines(format_lines(messages)) == (messages, [])
