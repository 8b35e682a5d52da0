"""``studio-console channels …`` in-process, with an in-memory keyring and the store stub on loopback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from studio.cli import EXIT_FAILED, EXIT_OK, EXIT_PROBLEM, main
from studio.config import Settings
from studio.room.channels.accounts import ChannelsAccounts
from studio.secrets import SecretStore
from tests.fakes.keyring import MemoryKeyring
from tests.lab.channels_store_stub import StoreStub


def _add_account(name: str = "小店A", app_id: str = "", secret: str = "") -> None:
    settings = Settings.load()
    accounts = ChannelsAccounts(settings, SecretStore())
    accounts.add(name, store_app_id=app_id)
    if secret:
        accounts.set_store_secret(app_id, secret)
    settings.save()


def test_list_and_use(ring: MemoryKeyring, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["channels", "list"]) == EXIT_OK
    assert "No Channels account" in capsys.readouterr().out
    _add_account(app_id="wxstore1", secret="cli-store-secret")
    assert main(["channels", "use", "小店A"]) == EXIT_OK
    capsys.readouterr()
    assert main(["channels", "list", "--json"]) == EXIT_OK
    rows: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    assert rows == [{"name": "小店A", "logged_in_once": False, "store_api": True, "timed_messages": 0,
                     "used_for_show": True}]
    assert main(["channels", "use", "nobody"]) == EXIT_FAILED
    assert "no Channels account" in capsys.readouterr().err


def test_dashboard_saves_the_days_newest_live_for_the_review(ring: MemoryKeyring, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    _add_account(app_id="wxstore1", secret="cli-store-secret")
    stub = StoreStub()
    base = stub.start()
    try:
        stub.answers["channels/livedashboard/getlivelist"] = {"errcode": 0, "live_items": [
            {"export_id": "exp-9", "create_time": 9}]}
        stub.answers["channels/livedashboard/getlivedata"] = {
            "errcode": 0, "live_ec_data_summary": json.dumps({"online_audience_count": 12})}
        out = tmp_path / "dashboard.json"
        code = main(["channels", "dashboard", "小店A", "--out", str(out), "--date", "20241201",
                     "--api-base-url", base])
        assert code == EXIT_OK, capsys.readouterr().err
        assert json.loads(out.read_text(encoding="utf-8"))["live_ec_data_summary"] == '{"online_audience_count": 12}'
        assert ("channels/livedashboard/getlivelist", {"ds": 20241201}) in stub.requests
        stub.answers["channels/livedashboard/getlivelist"] = {"errcode": 0, "live_items": []}
        assert main(["channels", "dashboard", "小店A", "--out", str(out), "--api-base-url", base]) == EXIT_PROBLEM
        assert main(["channels", "dashboard", "小店A", "--out", str(out), "--date", "1.12."]) == EXIT_FAILED
    finally:
        stub.stop()
    captured = capsys.readouterr()
    assert "cli-store-secret" not in captured.out + captured.err


def test_dashboard_without_store_credentials_says_where_to_add_them(ring: MemoryKeyring, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    _add_account()
    assert main(["channels", "dashboard", "小店A", "--out", str(tmp_path / "x.json")]) == EXIT_FAILED
    assert "AppID and AppSecret" in capsys.readouterr().err
