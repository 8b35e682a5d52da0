"""``studio-console remote``: status, press a key of the running console, links (the console's API
runs on this test's loop; the command runs on a thread of its own, as from a shell)."""

from __future__ import annotations

import asyncio
import json

import pytest

from studio.cli import main
from studio.config import Settings
from studio.remote.api import RemoteApi
from studio.remote.state import RemoteState
from studio.show.actions import ActionKind, ActionResult, ActionStatus
from studio.show.rules import Verdict
from tests.fakes.pad import FakeKey, FakePad, sent

TOKEN = "cli-token-0123456789abcdefghijklmnop"


@pytest.fixture
def console(run, monkeypatch):
    async def token() -> str:
        return TOKEN

    monkeypatch.setattr("studio.cli.remote._token", token)
    refused = ActionResult(ActionKind.ANNOUNCEMENT, "a", "公告", ActionStatus.REFUSED,
                           refusal=Verdict(False, "公告每 5 分钟最多一次", None, "announcement"))
    pad = FakePad([FakeKey("push", "F2", "商品上屏"), FakeKey("announcement", "F6", "公告")],
                  {"push": sent(), "announcement": refused})
    api = RemoteApi(RemoteState(pad), TOKEN)
    run(api.start())
    settings = Settings.load()
    settings.extra["remote"] = {"enabled": True, "port": api.port}
    settings.save()
    yield api, pad
    run(api.stop())


def _cli(run, *argv: str) -> int:
    return run(asyncio.to_thread(main, list(argv)))


def test_press_runs_the_key_of_the_running_console(run, console, capsys):
    _, pad = console
    assert _cli(run, "remote", "press", "push") == 0
    assert pad.runs == [("push", "api", False)]
    assert "done" in capsys.readouterr().out
    assert _cli(run, "remote", "press", "announcement") == 2
    assert "5 分钟" in capsys.readouterr().err
    assert _cli(run, "remote", "press", "nope", "--json") == 2
    assert json.loads(capsys.readouterr().out)["http"] == 404


def test_status_and_urls(run, console, capsys):
    api, _ = console
    assert _cli(run, "remote", "status", "--json") == 0
    assert json.loads(capsys.readouterr().out) == {"enabled": True, "lan": False, "port": api.port, "answering": True}
    assert _cli(run, "remote", "url", "--key", "push") == 0
    assert capsys.readouterr().out.strip() == \
        f"http://127.0.0.1:{api.port}/api/v1/actions/push/run?token={TOKEN}&source=streamdeck"


def test_press_without_a_console_says_so(run, monkeypatch, capsys):
    async def token() -> str:
        return TOKEN

    monkeypatch.setattr("studio.cli.remote._token", token)
    settings = Settings.load()
    settings.extra["remote"] = {"port": 1}  # nothing listens there
    settings.save()
    assert _cli(run, "remote", "press", "push") == 2
    assert "does not answer" in capsys.readouterr().err
