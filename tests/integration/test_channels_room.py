"""The Channels target against a local replica of the console, in Debian's Chromium (Playwright).

No test reaches the real site: the console map's base URL is the replica on 127.0.0.1, and the
suite runs in a network namespace with only loopback.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from studio.room.base import Outcome, RoomAction, RoomRequest
from studio.room.channels import ChannelsRoom, ConsoleState, load_console_map
from studio.room.channels.console import find_browser
from tests.lab.channels_replica import ChannelsReplica, ReplicaState

pytestmark = pytest.mark.integration

WAIT_S = 2.0  # how long the console may take to show an element here (the replica is local and quick)


@pytest.fixture(scope="module")
def replica() -> Iterator[ChannelsReplica]:
    if find_browser() is None:
        pytest.fail("no Chromium: run scripts/install-system-deps.sh") if _ci() else pytest.skip("no Chromium")
    server = ChannelsReplica().start()
    yield server
    server.stop()


def _ci() -> bool:
    import os

    return bool(os.environ.get("CI") or os.environ.get("STUDIO_REQUIRE_LAB"))


@pytest.fixture
def fresh(replica: ChannelsReplica) -> ChannelsReplica:
    replica.control(live=True, variant="normal", dialog=False, cover=False, delay_ms=0, explaining=set(),
                    records=[], goods=ReplicaState().goods)
    return replica


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("channels-profile")


def make_room(replica: ChannelsReplica, profile: Path, **kw: Any) -> ChannelsRoom:
    console_map = load_console_map(Path("/nonexistent")).with_base_url(replica.base_url)
    return ChannelsRoom("测试小店", profile, console_map, wait_s=kw.pop("wait_s", WAIT_S), **kw)


@pytest.fixture
def room(fresh: ChannelsReplica, profile: Path, run: Callable[..., Any],
         x_server: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[ChannelsRoom]:
    """A room whose browser profile is logged in (logged in once, in a visible window on Xvfb)."""
    monkeypatch.setenv("DISPLAY", x_server.display)
    r = make_room(fresh, profile)
    if run(r.connect(), timeout=30) is ConsoleState.LOGGED_OUT:
        login = asyncio.ensure_future(r.login(wait_s=20))
        run(asyncio.sleep(1.0))
        fresh.control(scanned=True)  # the person scans the QR code with the phone
        assert run(login, timeout=40) is ConsoleState.LIVE
    assert r.console_state is ConsoleState.LIVE
    yield r
    run(r.close(), timeout=20)


def _push(goods_id: str, title: str = "保温杯") -> RoomRequest:
    return RoomRequest(RoomAction.PUSH_GOODS, goods_id=goods_id, title=title)


def test_explain_toggles_the_goods_row_and_end_explain_toggles_it_off(
        room: ChannelsRoom, fresh: ChannelsReplica, run: Callable[..., Any]) -> None:
    result = run(room.perform(_push("10000002", "帆布包")), timeout=30)
    assert result.outcome is Outcome.DONE, result.message
    assert fresh.snapshot()["explaining"] == ["10000002"]
    again = run(room.perform(_push("10000002", "帆布包")), timeout=30)
    assert again.outcome is Outcome.DONE and "already" in again.message  # no second click
    end = run(room.perform(RoomRequest(RoomAction.END_EXPLAIN, goods_id="10000002", title="帆布包")), timeout=30)
    assert end.outcome is Outcome.DONE, end.message
    records = fresh.snapshot()["records"]
    assert [r["kind"] for r in records] == ["explain", "end_explain"]
    assert fresh.snapshot()["explaining"] == []


def test_an_announcement_is_typed_in_the_comment_box_inside_the_shadow_root_and_pinned(
        room: ChannelsRoom, fresh: ChannelsReplica, run: Callable[..., Any]) -> None:
    text = "整点抽奖，关注主播不迷路"
    result = run(room.perform(RoomRequest(RoomAction.ANNOUNCEMENT, title=text)), timeout=30)
    assert result.outcome is Outcome.DONE, result.message
    assert fresh.snapshot()["records"] == [{"kind": "comment", "text": text}, {"kind": "pin", "text": text}]
    plain = "欢迎新进直播间的朋友"
    result = run(room.perform(RoomRequest(RoomAction.ANNOUNCEMENT, title=plain, details={"pin": False})),
                 timeout=30)
    assert result.outcome is Outcome.DONE and "pinned" not in result.message
    assert fresh.snapshot()["records"][-1] == {"kind": "comment", "text": plain}


def test_the_gift_dialog_over_the_goods_list_is_closed_first(
        room: ChannelsRoom, fresh: ChannelsReplica, run: Callable[..., Any]) -> None:
    fresh.control(dialog=True)
    run(room.connect(), timeout=30)  # the goods page reloads with the dialog over it
    result = run(room.perform(_push("10000001")), timeout=30)
    assert result.outcome is Outcome.DONE, result.message
    assert fresh.snapshot()["explaining"] == ["10000001"]


def test_a_link_covered_by_an_unknown_layer_is_not_clicked_through_and_becomes_a_manual_step(
        room: ChannelsRoom, fresh: ChannelsReplica, run: Callable[..., Any]) -> None:
    """The fast click hit-tests the link first: a layer over it (a guide mask the map does not
    know) sends the click the slow, checked way, which refuses within the bound; nothing lands."""
    fresh.control(cover=True)
    run(room.connect(), timeout=30)
    started = time.monotonic()
    result = run(room.perform(_push("10000001")), timeout=60)
    assert result.outcome is Outcome.MANUAL and "covered" in result.message, result.message
    assert fresh.snapshot()["records"] == []  # the mask took no click through to the link
    assert time.monotonic() - started < room.action_timeout + 2
    fresh.control(cover=False)
    run(room.connect(), timeout=30)
    result = run(room.perform(_push("10000001")), timeout=30)
    assert result.outcome is Outcome.DONE, result.message
    assert fresh.snapshot()["explaining"] == ["10000001"]


def test_explain_after_the_list_reordered_finds_the_row_again(
        room: ChannelsRoom, fresh: ChannelsReplica, run: Callable[..., Any]) -> None:
    """The row's place is remembered as a hint only: a list in another order still hits the right goods."""
    assert run(room.perform(_push("10000003", "防晒霜")), timeout=30).outcome is Outcome.DONE
    goods = list(reversed(fresh.state.goods))
    fresh.control(goods=goods)
    run(room.connect(), timeout=30)
    end = RoomRequest(RoomAction.END_EXPLAIN, goods_id="10000003", title="防晒霜")
    assert run(room.perform(end), timeout=30).outcome is Outcome.DONE
    assert run(room.perform(_push("10000001")), timeout=30).outcome is Outcome.DONE
    assert fresh.snapshot()["records"][-3:] == [{"kind": "explain", "id": "10000003"},
                                                 {"kind": "end_explain", "id": "10000003"},
                                                 {"kind": "explain", "id": "10000001"}]


def test_a_changed_console_gives_a_manual_step_within_a_bounded_wait(
        room: ChannelsRoom, fresh: ChannelsReplica, run: Callable[..., Any]) -> None:
    fresh.control(variant="changed")
    run(room.connect(), timeout=30)
    assert room.console_state is ConsoleState.CHANGED
    started = time.monotonic()
    result = run(room.perform(_push("10000001")), timeout=60)
    took = time.monotonic() - started
    assert result.outcome is Outcome.MANUAL
    assert "changed" in result.message and "by hand" in result.message
    assert [s.action for s in room.pending] == [RoomAction.PUSH_GOODS]  # the checklist step is there
    assert fresh.snapshot()["records"] == []  # nothing was clicked
    assert took < 3 * room.action_timeout  # bounded (never the forever-wait of a changed page)
    comment = run(room.perform(RoomRequest(RoomAction.ANNOUNCEMENT, title="欢迎来到直播间")), timeout=60)
    assert comment.outcome is Outcome.MANUAL and len(room.pending) == 2


def test_a_changed_console_works_again_with_an_override_file_and_no_release(
        fresh: ChannelsReplica, profile: Path, run: Callable[..., Any], tmp_path: Path,
        room: ChannelsRoom) -> None:
    """What docs/channels.md tells a user to do when the page changed: put the new selectors in
    channels-selectors.json (only the keys that changed); the same console then works again."""
    fresh.control(variant="changed")
    override = tmp_path / "channels-selectors.json"
    override.write_text(json.dumps({"base_url": fresh.base_url, "selectors": {
        "in_live_console": ".live-msg-editor-v2",
        "comment_textarea": ".live-msg-editor-v2 textarea",
        "comment_send": ".live-msg-editor-v2 button",
        "explain_link": ".promote-v2 .action-link span[class*=\"explain-btn\"]"}}), encoding="utf-8")
    fixed = ChannelsRoom("测试小店", profile, load_console_map(override), wait_s=WAIT_S)
    run(room.close(), timeout=20)  # one browser per profile at a time
    try:
        assert run(fixed.connect(), timeout=30) is ConsoleState.LIVE, fixed.problem
        assert run(fixed.perform(_push("10000002", "帆布包")), timeout=30).outcome is Outcome.DONE
        said = run(fixed.perform(RoomRequest(RoomAction.ANNOUNCEMENT, title="新版控制台", details={"pin": False})),
                   timeout=30)
        assert said.outcome is Outcome.DONE, said.message
        assert fresh.snapshot()["records"] == [{"kind": "explain", "id": "10000002"},
                                               {"kind": "comment", "text": "新版控制台"}]
    finally:
        run(fixed.close(), timeout=20)


def test_not_live_says_start_the_live_in_the_anchor_app_first(
        room: ChannelsRoom, fresh: ChannelsReplica, run: Callable[..., Any]) -> None:
    fresh.control(live=False)
    state = run(room.connect(), timeout=30)
    assert state is ConsoleState.NOT_LIVE
    assert "anchor app" in room.problem
    result = run(room.perform(_push("10000001")), timeout=30)
    assert result.outcome is Outcome.REFUSED and "anchor app" in result.message


def test_goods_missing_from_the_live_is_a_refusal_with_what_to_do(
        room: ChannelsRoom, fresh: ChannelsReplica, run: Callable[..., Any]) -> None:
    result = run(room.perform(_push("99999999", "不存在的商品")), timeout=30)
    assert result.outcome is Outcome.REFUSED
    assert "99999999" in result.message and "add it" in result.message


def test_a_console_slower_than_the_bound_becomes_a_manual_step(
        room: ChannelsRoom, fresh: ChannelsReplica, run: Callable[..., Any]) -> None:
    room.action_timeout = 1.5
    fresh.control(delay_ms=6000)  # the click never lands in time
    result = run(room.perform(_push("10000003", "防晒霜")), timeout=30)
    assert result.outcome is Outcome.MANUAL
    assert len(room.pending) == 1


def test_logged_out_profile_is_told_to_log_in(
        fresh: ChannelsReplica, tmp_path: Path, run: Callable[..., Any]) -> None:
    r = make_room(fresh, tmp_path / "new-profile")
    try:
        assert run(r.connect(), timeout=30) is ConsoleState.LOGGED_OUT
        result = run(r.perform(_push("10000001")), timeout=30)
        assert result.outcome is Outcome.REFUSED and "Log in" in result.message
    finally:
        run(r.close(), timeout=20)


def test_the_loop_never_waits_on_the_browser(
        room: ChannelsRoom, fresh: ChannelsReplica, run: Callable[..., Any]) -> None:
    """A slow console click runs on the browser's thread: the console's loop keeps ticking."""
    fresh.control(delay_ms=800)
    gaps: list[float] = []

    async def watch(stop: asyncio.Event) -> None:
        last = time.monotonic()
        while not stop.is_set():
            await asyncio.sleep(0.01)
            now = time.monotonic()
            gaps.append(now - last)
            last = now

    async def scenario() -> Outcome:
        stop = asyncio.Event()
        watcher = asyncio.ensure_future(watch(stop))
        result = await room.perform(_push("10000001"))
        stop.set()
        await watcher
        return result.outcome

    assert run(scenario(), timeout=30) is Outcome.DONE
    assert max(gaps) < 0.25


def test_preflight_says_why_a_show_cannot_start_and_the_spec_resumes_the_same_account(
        room: ChannelsRoom, fresh: ChannelsReplica, run: Callable[..., Any]) -> None:
    assert run(room.preflight(), timeout=30) is None
    fresh.control(live=False)
    problem = run(room.preflight(), timeout=30)
    assert problem is not None and "anchor app" in problem
    assert room.spec()["kind"] == "channels" and room.spec()["account"] == "测试小店"
    assert "测试小店" in room.target_label


def test_the_cli_check_says_what_the_console_shows(fresh: ChannelsReplica, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from studio.cli import EXIT_OK, EXIT_PROBLEM, main
    from studio.config import Settings, config_dir
    from studio.room.channels.accounts import ChannelsAccounts
    from studio.secrets import SecretStore
    from tests.fakes.keyring import MemoryKeyring
    from tests.lab.channels_replica import logged_in_profile

    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "channels-selectors.json").write_text(json.dumps({"base_url": fresh.base_url}))
    settings = Settings.load()
    accounts = ChannelsAccounts(settings, SecretStore(backend=MemoryKeyring()))
    logged_in_profile(fresh, accounts.add("测试小店").profile_dir())
    settings.save()
    assert main(["channels", "check", "测试小店", "--json"]) == EXIT_OK
    checked = json.loads(capsys.readouterr().out)
    assert checked["state"] == "live" and checked["page_map"] == str(config_dir() / "channels-selectors.json")
    fresh.control(live=False)
    assert main(["channels", "check", "测试小店"]) == EXIT_PROBLEM
    out = capsys.readouterr().out
    assert "anchor app" in out and "Page map: " + str(config_dir() / "channels-selectors.json") in out
