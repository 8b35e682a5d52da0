"""Channels after-show data (``get_finder_live_data_list``) against the store stub over loopback,
through the review's platform-data interface and the CLI: paging, token handling, bounds, and
missing figures staying missing."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from studio.cli import EXIT_FAILED, EXIT_OK, EXIT_PROBLEM, main
from studio.config import Settings, data_dir
from studio.review.model import build_review
from studio.review.platform import UnreadablePlatformFile, read_platform_files
from studio.review.report import summary
from studio.room.channels import api as channels_api
from studio.room.channels.accounts import ChannelsAccounts
from studio.room.channels.api import AFTER_SHOW_API, ChannelsApi
from studio.room.wechat import StableTokenSource, WeChatError, WeChatLiveClient
from studio.secrets import SecretStore
from tests.fakes.keyring import MemoryKeyring
from tests.fakes.review import SHOW_S, T0, make_show
from tests.lab.channels_store_stub import StoreStub


def live(export_id: str, start: float, minutes: float, **fields: Any) -> dict[str, Any]:
    """A live as WeChat lists it; ``fields`` given as None are left out (WeChat did not send them)."""
    item: dict[str, Any] = {"export_id": export_id, "live_start_time": int(start),
                            "live_duration_in_seconds": int(minutes * 60), "total_audience_count": 5321,
                            "total_cheer_count": 88, "forward_count": 45, "total_comment_count": 987,
                            "audiences_avg_seconds": 143, "max_online_count": 612, "new_follow_count": 77,
                            "new_follow_count_biz": 3}
    for key, value in fields.items():
        if value is None:
            item.pop(key, None)
        else:
            item[key] = value
    return item


# the synthetic show (tests.fakes.review) runs T0 … T0 + 2 h; the platform's live began 2 min earlier
THE_SHOW = live("export/show", T0 - 120, SHOW_S / 60 + 3)
YESTERDAY = live("export/yesterday", T0 - 86_400, 90, total_audience_count=1000)
LATER = live("export/later", T0 + 4 * 3600, 30, max_online_count=None, total_cheer_count=None)


def with_stub(scenario: Callable[[StoreStub, ChannelsApi], Awaitable[None]]) -> None:
    stub = StoreStub()
    base = stub.start()

    async def main_() -> None:
        client = WeChatLiveClient(StableTokenSource("wxstore0000000001", "store-secret-for-tests"), base_url=base,
                                  busy_backoff=(0.0,))
        try:
            await scenario(stub, ChannelsApi(client, clock=lambda: T0))
        finally:
            await client.close()

    try:
        asyncio.run(main_())
    finally:
        stub.stop()


# --- the API ----------------------------------------------------------------------------------


def test_all_pages_are_read_with_the_cursor_and_the_range_goes_to_wechat() -> None:
    async def scenario(stub: StoreStub, api: ChannelsApi) -> None:
        stub.after_show, stub.after_show_page = [YESTERDAY, THE_SHOW, LATER], 2
        data = await api.after_show_data(T0 - 2 * 86_400, T0 + 86_400)
        assert [x.export_id for x in data.lives] == ["export/yesterday", "export/show", "export/later"]
        assert not data.truncated
        calls = [body for path, body in stub.requests if path == AFTER_SHOW_API]
        assert calls[0] == {"start_time": int(T0) - 2 * 86_400, "end_time": int(T0) + 86_400}
        assert calls[1]["last_buffer"].startswith("buf-") and len(calls) == 2
        show = data.lives[1]
        assert show.start == int(T0) - 120 and show.duration_s == SHOW_S + 180
        assert show.figures == {"viewers": 5321, "online_peak": 612, "avg_watch_s": 143, "new_followers": 77,
                                "new_followers_biz": 3, "comments": 987, "shares": 45, "cheers": 88}
        # only the lives that closed inside the range (WeChat compares the close time)
        narrow = await api.after_show_data(T0, T0 + 3 * 3600)
        assert [x.export_id for x in narrow.lives] == ["export/show"]

    with_stub(scenario)


def test_a_field_wechat_did_not_send_stays_missing_never_zero() -> None:
    async def scenario(stub: StoreStub, api: ChannelsApi) -> None:
        odd = live("export/odd", T0, 60, max_online_count=None, audiences_avg_seconds="",
                   total_comment_count="many", live_duration_in_seconds=None)
        stub.answers[AFTER_SHOW_API] = {"errcode": 0, "item": [odd, {"no": "export id"}, "junk"],
                                        "continue_flag": False}
        data = await api.after_show_data()
        assert len(data.lives) == 1
        only = data.lives[0]
        assert only.figures["online_peak"] is None and only.figures["avg_watch_s"] is None
        assert only.figures["comments"] is None and only.figures["viewers"] == 5321
        assert only.duration_s is None and only.end is None
        assert stub.requests[-1] == (AFTER_SHOW_API, {})  # no range: WeChat's own default

    with_stub(scenario)


def test_a_refused_token_is_refreshed_once_and_busy_is_backed_off() -> None:
    async def scenario(stub: StoreStub, api: ChannelsApi) -> None:
        stub.after_show = [THE_SHOW]
        assert len((await api.after_show_data()).lives) == 1
        stub.revoke_token()  # another service fetched a token: ours is refused with 40001
        assert len((await api.after_show_data()).lives) == 1
        stub.expire_next = True  # 42001
        assert len((await api.after_show_data()).lives) == 1
        assert stub.tokens == 4  # the first token, then one fetch per refusal (the revoke counts one)
        stub.answers[AFTER_SHOW_API] = [{"errcode": -1, "errmsg": "system busy"}]
        assert len((await api.after_show_data()).lives) == 1  # backed off once, then the scripted lives
        stub.answers[AFTER_SHOW_API] = [{"errcode": -1, "errmsg": "system busy"}] * 2
        with pytest.raises(WeChatError) as busy:
            await api.after_show_data()
        assert busy.value.code == -1

    with_stub(scenario)


def test_paging_is_bounded_and_a_repeated_cursor_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    async def scenario(stub: StoreStub, api: ChannelsApi) -> None:
        page = {"errcode": 0, "item": [THE_SHOW], "continue_flag": True, "last_buffer": "same"}
        stub.answers[AFTER_SHOW_API] = [page] * 5
        data = await api.after_show_data()
        assert data.truncated and len(data.lives) == 1
        assert stub.paths().count(AFTER_SHOW_API) == 2  # the cursor came back unchanged: stopped
        monkeypatch.setattr(channels_api, "AFTER_SHOW_MAX_PAGES", 3)
        stub.after_show, stub.after_show_page = [live(f"export/{n}", T0 + n * 3600, 10) for n in range(10)], 1
        stub.answers.pop(AFTER_SHOW_API)
        data = await api.after_show_data()
        assert data.truncated and [x.export_id for x in data.lives] == ["export/0", "export/1", "export/2"]

    with_stub(scenario)


def test_unscripted_and_refused_calls_fail_in_plain_words() -> None:
    async def scenario(stub: StoreStub, api: ChannelsApi) -> None:
        with pytest.raises(WeChatError) as unscripted:
            await api.after_show_data()
        assert unscripted.value.code == 99999
        stub.answers[AFTER_SHOW_API] = {"errcode": 48001, "errmsg": "api unauthorized"}
        with pytest.raises(WeChatError) as refused:
            await api.after_show_data()
        assert refused.value.code == 48001 and "开放能力" in str(refused.value)

    with_stub(scenario)


# --- the review's platform-data interface ------------------------------------------------------


def _file(path: Path, *items: dict[str, Any], raw: bool = False) -> Path:
    body: dict[str, Any] = ({"errcode": 0, "errmsg": "ok", "item": list(items), "continue_flag": False} if raw
                            else {"kind": "studio-console/channels-after-show", "item": list(items)})
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_live_that_overlaps_the_show_gives_its_whole_show_figures(tmp_path: Path) -> None:
    path = _file(tmp_path / "after.json", YESTERDAY, THE_SHOW, LATER)
    data = read_platform_files([path], show_start=T0, show_end=T0 + SHOW_S)
    assert data.sources == ["channels_after_show"]
    assert data.show["viewers"] == 5321 and data.show["online_peak"] == 612 and data.show["avg_watch_s"] == 143
    assert data.minutes == [] and data.products == []  # one row per live: nothing per minute is invented
    assert data.alignment is not None
    assert any("export/show" in note for note in data.alignment.notes)
    # the raw API answer saved by hand reads the same
    raw = read_platform_files([_file(tmp_path / "raw.json", THE_SHOW, raw=True)], show_start=T0,
                              show_end=T0 + SHOW_S)
    assert raw.show == data.show


def test_no_overlapping_live_gives_no_figures_and_says_so(tmp_path: Path) -> None:
    path = _file(tmp_path / "after.json", YESTERDAY, LATER)
    data = read_platform_files([path], show_start=T0, show_end=T0 + SHOW_S)
    assert data.show == {}
    assert data.alignment is not None and any("none of its 2" in note for note in data.alignment.notes)


def test_the_clock_offset_moves_the_lives_too(tmp_path: Path) -> None:
    path = _file(tmp_path / "after.json", LATER)
    data = read_platform_files([path], show_start=T0, show_end=T0 + SHOW_S, offset_s=-4 * 3600)
    assert data.show["viewers"] == 5321  # the platform's clock was 4 h off: the live is this show's


def test_a_file_that_is_not_live_data_is_refused_in_plain_words(tmp_path: Path) -> None:
    refusal = tmp_path / "refusal.json"
    refusal.write_text('{"errcode": 48001, "errmsg": "api unauthorized", "item": []}', encoding="utf-8")
    with pytest.raises(UnreadablePlatformFile, match="48001"):
        read_platform_files([refusal], show_start=T0, show_end=T0 + SHOW_S)
    no_start = _file(tmp_path / "nostart.json", live("export/x", T0, 10, live_start_time=None))
    with pytest.raises(UnreadablePlatformFile, match="no Channels live"):
        read_platform_files([no_start], show_start=T0, show_end=T0 + SHOW_S)


def test_the_review_shows_the_figures_and_missing_ones_as_missing(tmp_path: Path) -> None:
    show = make_show(tmp_path / "made")
    gaps = live("export/show", T0 - 120, SHOW_S / 60 + 3, total_cheer_count=None, forward_count=None)
    path = _file(tmp_path / "after.json", gaps)
    first = build_review(show.log, health_paths=show.health)
    assert first.start is not None
    platform = read_platform_files([path], show_start=first.start, show_end=first.end or first.start)
    review = build_review(show.log, health_paths=show.health, platform=platform)
    totals = review.platform_totals()
    assert totals["online_peak"] == 612 and totals["viewers"] == 5321
    assert totals["cheers"] is None and totals["shares"] is None  # missing, never 0
    assert totals["orders"] is None  # the after-show data has no orders: not made up from anything
    lines = dict(summary(review))
    assert lines["Viewers (platform)"] == "5,321" and lines["Peak online"] == "612"
    assert lines["Average watch time"] == "2 min 23 s"
    assert lines["Shares"] == "missing" and lines["Cheers (喝彩)"] == "missing"
    assert review.as_dict()["platform"]["totals"]["comments"] == 987


# --- the CLI --------------------------------------------------------------------------------------


def _account(name: str = "小店A") -> None:
    settings = Settings.load()
    accounts = ChannelsAccounts(settings, SecretStore())
    accounts.add(name, store_app_id="wxstore1")
    accounts.set_store_secret("wxstore1", "after-show-store-secret")
    settings.save()


def test_live_data_saves_the_shows_live_and_review_imports_it(ring: MemoryKeyring, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    _account()
    made = make_show(tmp_path / "made")
    shows = data_dir() / "shows"
    shows.mkdir(parents=True)
    shutil.copy(made.log, shows / made.log.name)
    stub = StoreStub()
    base = stub.start()
    out = tmp_path / "after-show.json"
    try:
        stub.after_show, stub.after_show_page = [YESTERDAY, THE_SHOW, LATER], 1
        code = main(["channels", "live-data", "--showlog", made.log.name, "--out", str(out), "--api-base-url", base])
        captured = capsys.readouterr()
        assert code == EXIT_OK, captured.err
        assert "export/show" in captured.out and "5,321" in captured.out and "review SHOWLOG" in captured.out
        body = next(b for p, b in stub.requests if p == AFTER_SHOW_API)
        assert body["start_time"] == int(T0) and body["end_time"] >= int(T0) + SHOW_S  # around the show
        saved = json.loads(out.read_text(encoding="utf-8"))
        assert [i["export_id"] for i in saved["item"]] == ["export/show"]  # only the show's live
        assert main(["channels", "live-data", "小店A", "--days", "100000", "--json", "--api-base-url", base]) == 0
        rows = json.loads(capsys.readouterr().out)
        assert [r["export_id"] for r in rows] == ["export/yesterday", "export/show", "export/later"]
        assert rows[2]["online_peak"] is None and rows[2]["cheers"] is None  # null, never 0
        stub.after_show = [YESTERDAY]
        assert main(["channels", "live-data", "--showlog", made.log.name, "--api-base-url", base]) == EXIT_PROBLEM
        assert "no live that overlaps" in capsys.readouterr().err
    finally:
        stub.stop()
    assert main(["review", made.log.name, "--platform-data", str(out), "--tz", "+08:00", "--json"]) == EXIT_OK
    review = json.loads(capsys.readouterr().out)
    assert review["platform"]["sources"] == ["channels_after_show"]
    assert review["platform"]["totals"]["viewers"] == 5321 and review["platform"]["totals"]["online_peak"] == 612
    assert main(["review", made.log.name, "--platform-data", str(out), "--tz", "+08:00"]) == EXIT_OK
    printed = capsys.readouterr()
    assert "5,321" in printed.out
    assert "after-show-store-secret" not in printed.out + printed.err


def test_live_data_names_the_account_to_use_and_needs_store_credentials(ring: MemoryKeyring, tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings.load()
    accounts = ChannelsAccounts(settings, SecretStore())
    accounts.add("小店A")
    accounts.add("小店B")
    settings.save()
    assert main(["channels", "live-data"]) == EXIT_FAILED
    assert "小店A" in capsys.readouterr().err
    assert main(["channels", "live-data", "小店B"]) == EXIT_FAILED
    assert "AppSecret" in capsys.readouterr().err
    assert main(["channels", "live-data", "小店A", "--showlog", str(tmp_path / "none.showlog.jsonl")]) == EXIT_FAILED
    assert "No show log" in capsys.readouterr().err
