"""``studio-console key …`` in-process, with an in-memory keyring (real keyring + OBS: integration)."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable

import pytest

from studio.cli import EXIT_FAILED, EXIT_OK, main
from tests.fakes.keyring import MemoryKeyring

SIGNATURE = "4b886b8127b82cde297c7ff6d76915a4"
ADDRESS = f"rtmp://wxalivepush.weixin.qq.com/live/wx40f8626ddf43d361_2796?txSecret={SIGNATURE}&txTime=6f000000"
EXPIRED = f"rtmp://wxalivepush.weixin.qq.com/live/wx40f8626ddf43d361_2796?txSecret={SIGNATURE}&txTime=5efba7d0"


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> Callable[..., tuple[int, str, str]]:
    def invoke(*argv: str, stdin: str | bytes = b"") -> tuple[int, str, str]:
        data = stdin.encode() if isinstance(stdin, str) else stdin
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert SIGNATURE not in out and SIGNATURE not in err
        return code, out, err

    return invoke


def test_parse_json(cli: Callable[..., tuple[int, str, str]]) -> None:
    code, out, _ = cli("key", "parse", "--json", stdin=f"推流地址：{ADDRESS}\n")
    assert code == EXIT_OK
    assert json.loads(out) == {"server": "rtmp://wxalivepush.weixin.qq.com/live/", "key": "wx40••••0000",
                               "expires_at": "2029-01-05T01:29:36Z", "expired": False}


def test_parse_expired_and_no_expiry(cli: Callable[..., tuple[int, str, str]]) -> None:
    code, out, _ = cli("key", "parse", "--json", stdin=EXPIRED)
    assert code == EXIT_OK
    assert json.loads(out)["expires_at"] == "2020-06-30T21:00:00Z"
    assert json.loads(out)["expired"] is True
    code, out, _ = cli("key", "parse", "--json", stdin="rtmp://127.0.0.1/live/abc-key")
    assert json.loads(out)["expires_at"] is None and json.loads(out)["expired"] is False


def test_parse_text_and_gbk_stdin(cli: Callable[..., tuple[int, str, str]]) -> None:
    code, out, _ = cli("key", "parse", stdin=f"推流地址：{ADDRESS}".encode("gb18030"))
    assert code == EXIT_OK
    assert "rtmp://wxalivepush.weixin.qq.com/live/" in out and "wx40••••0000" in out


@pytest.mark.parametrize("garbage", ["", "hello", "https://example.com/x", f"{ADDRESS} {ADDRESS}",
                                     ADDRESS.split("&")[0]])
def test_parse_garbage_is_one_line_and_non_zero(cli: Callable[..., tuple[int, str, str]],
                                                garbage: str) -> None:
    code, out, err = cli("key", "parse", "--json", stdin=garbage)
    assert code == EXIT_FAILED
    assert out == ""
    assert len(err.strip().splitlines()) == 1


def test_save_list_delete(cli: Callable[..., tuple[int, str, str]], ring: MemoryKeyring) -> None:
    code, out, _ = cli("key", "save", "周五美妆专场", stdin=ADDRESS)
    assert code == EXIT_OK and "周五美妆专场" in out and "wx40••••0000" in out
    assert len(ring.items) == 1
    code, out, _ = cli("key", "list", "--json")
    assert json.loads(out) == [{"room": "周五美妆专场", "server": "rtmp://wxalivepush.weixin.qq.com/live/",
                                "key": "wx40••••0000", "expires_at": "2029-01-05T01:29:36Z",
                                "expired": False, "saved_at": json.loads(out)[0]["saved_at"]}]
    code, out, _ = cli("key", "list")
    assert "周五美妆专场" in out and "wx40••••0000" in out
    code, out, _ = cli("key", "delete", "周五美妆专场")
    assert code == EXIT_OK and ring.items == {}
    code, out, _ = cli("key", "list", "--json")
    assert json.loads(out) == []
    code, _, err = cli("key", "delete", "周五美妆专场")
    assert code == EXIT_FAILED and "No saved room" in err


def test_save_refuses_expired_and_bad_input(cli: Callable[..., tuple[int, str, str]],
                                            ring: MemoryKeyring) -> None:
    code, _, err = cli("key", "save", "room", stdin=EXPIRED)
    assert code == EXIT_FAILED and "expired" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli("key", "save", "room", stdin="not an address")
    assert code == EXIT_FAILED and "No push address" in err
    code, _, err = cli("key", "save", " ", stdin=ADDRESS)
    assert code == EXIT_FAILED and "name" in err
    assert ring.items == {}


def test_locked_keyring_is_one_clear_line(cli: Callable[..., tuple[int, str, str]],
                                          ring: MemoryKeyring) -> None:
    ring.locked = True
    code, _, err = cli("key", "save", "room", stdin=ADDRESS)
    assert code == EXIT_FAILED and "locked" in err and len(err.strip().splitlines()) == 1


def test_apply_unknown_room_fails_before_obs(cli: Callable[..., tuple[int, str, str]],
                                             ring: MemoryKeyring) -> None:
    code, _, err = cli("key", "apply", "nowhere", "--port", "1")
    assert code == EXIT_FAILED and "No saved room named “nowhere”" in err


def test_list_with_a_room_lost_from_the_keyring(cli: Callable[..., tuple[int, str, str]],
                                                ring: MemoryKeyring) -> None:
    cli("key", "save", "room", stdin=ADDRESS)
    ring.items.clear()
    code, out, _ = cli("key", "list", "--json")
    row = json.loads(out)[0]
    assert code == EXIT_OK and row["key"] is None and "no longer in the system keyring" in row["problem"]
