"""Push-address parsing, table-driven: every form a host pastes, and garbage."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from studio.keys.pushurl import (
    PushAddress,
    PushAddressError,
    expiry_of_key,
    iso_utc,
    parse_push_address,
)
from studio.keys.store import mask_secret

# The playbook's example, with its real-looking signature (txTime 5efba7d0 = 2020-06-30 21:00 UTC).
WX_SERVER = "rtmp://wxalivepush.weixin.qq.com/live/"
WX_KEY = "wx40f8626ddf43d361_2796?txSecret=4b886b8127b82cde297c7ff6d76915a4&txTime=5efba7d0"
WX = WX_SERVER + WX_KEY
WX_EXPIRES = datetime(2020, 6, 30, 21, 0, 0, tzinfo=UTC)
FULL_WIDTH_WX = WX.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})  # ｒｔｍｐ：／／…

GOOD = [
    # (id, pasted text, server, key, expires_at)
    ("playbook example", WX, WX_SERVER, WX_KEY, WX_EXPIRES),
    ("chat label", f"推流地址：{WX}", WX_SERVER, WX_KEY, WX_EXPIRES),
    ("label, ascii colon, spaces", f"  推流地址: {WX}  \n", WX_SERVER, WX_KEY, WX_EXPIRES),
    ("surrounding sentence", f"老师，这是今晚的推流地址 {WX} 请在开播前填到OBS里。", WX_SERVER, WX_KEY,
     WX_EXPIRES),
    ("chinese full stop after", f"{WX}。", WX_SERVER, WX_KEY, WX_EXPIRES),
    ("ascii full stop after", f"Push address: {WX}. Thanks", WX_SERVER, WX_KEY, WX_EXPIRES),
    ("corner quotes", f"「{WX}」", WX_SERVER, WX_KEY, WX_EXPIRES),
    ("ascii quotes", f'"{WX}"', WX_SERVER, WX_KEY, WX_EXPIRES),
    ("full-width characters", FULL_WIDTH_WX, WX_SERVER, WX_KEY, WX_EXPIRES),
    ("full-width label and colon", f"推流地址：{FULL_WIDTH_WX}", WX_SERVER, WX_KEY, WX_EXPIRES),
    ("line break after live/", WX.replace("live/", "live/\n"), WX_SERVER, WX_KEY, WX_EXPIRES),
    ("line break before ?", WX.replace("?", "\n?"), WX_SERVER, WX_KEY, WX_EXPIRES),
    ("line break after &", WX.replace("&", "&\r\n"), WX_SERVER, WX_KEY, WX_EXPIRES),
    ("line break inside the signature", WX.replace("4b886b81", "4b886b81\n"), WX_SERVER, WX_KEY,
     WX_EXPIRES),
    ("ideographic space inside", WX.replace("live/", "live/\u3000"), WX_SERVER, WX_KEY, WX_EXPIRES),
    ("text on the next line", f"{WX}\n请勿外传", WX_SERVER, WX_KEY, WX_EXPIRES),
    ("dash list on the next line", f"{WX}\n- 服务器填 live/ 前面", WX_SERVER, WX_KEY, WX_EXPIRES),
    ("upper-case scheme", "RTMP://wxalivepush.weixin.qq.com/live/" + WX_KEY, "rtmp://wxalivepush.weixin.qq.com/live/",
     WX_KEY, WX_EXPIRES),
    ("rtmps", "rtmps://wxalivepush.weixin.qq.com/live/" + WX_KEY, "rtmps://wxalivepush.weixin.qq.com/live/",
     WX_KEY, WX_EXPIRES),
    ("tencent cloud push domain", "rtmp://123.livepush.myqcloud.com/live/show1?txSecret=abc&txTime=6A0B1C2D",
     "rtmp://123.livepush.myqcloud.com/live/", "show1?txSecret=abc&txTime=6A0B1C2D",
     datetime.fromtimestamp(0x6A0B1C2D, UTC)),
    ("live/ with a slash in the key", "rtmp://host.example/live/a/b?x=1", "rtmp://host.example/live/",
     "a/b?x=1", None),
    ("other service: last slash", "rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl",
     "rtmp://a.rtmp.youtube.com/live2/", "abcd-efgh-ijkl", None),
    ("other service with query", "rtmp://push.example.com/app/sub/stream?token=t0k/en",
     "rtmp://push.example.com/app/sub/", "stream?token=t0k/en", None),
    ("port and rtmps", "rtmps://live-api-s.facebook.com:443/rtmp/FB-123-0-Ab",
     "rtmps://live-api-s.facebook.com:443/rtmp/", "FB-123-0-Ab", None),
    ("loopback ingest", "rtmp://127.0.0.1:19350/live/studio-test", "rtmp://127.0.0.1:19350/live/",
     "studio-test", None),
]


@pytest.mark.parametrize(("text", "server", "key", "expires_at"),
                         [case[1:] for case in GOOD], ids=[case[0] for case in GOOD])
def test_parses(text: str, server: str, key: str, expires_at: datetime | None) -> None:
    address = parse_push_address(text)
    assert address.server == server
    assert address.key == key
    assert address.expires_at == expires_at


BAD = [
    # (id, pasted text, words the message must contain)
    ("empty", "", "Paste the push address"),
    ("only spaces", "  \n ", "Paste the push address"),
    ("plain words", "今晚八点开播", "No push address found"),
    ("web link", "https://mp.weixin.qq.com/live/console", "https:// link, not a push address"),
    ("srt", "srt://push.example.com:9000?streamid=abc", "srt:// link"),
    ("two addresses", f"{WX}\n{WX}", "2 push addresses"),
    ("no host", "rtmp:///live/abc", "no server name"),
    ("bad port", "rtmp://host.example:port/live/abc", "check the port"),
    ("no key after live/", "rtmp://wxalivepush.weixin.qq.com/live/", "no stream key"),
    ("live without slash", "rtmp://host.example/live", "no stream key"),
    ("only a host", "rtmp://host.example", "no stream key"),
    ("query but no key", "rtmp://host.example/live/?txSecret=a&txTime=5efba7d0", "no stream key"),
    ("cut before txTime", WX.split("&")[0], "cut off"),
    ("cut before signature", WX.split("?")[0], "cut off"),
    ("txTime without txSecret", "rtmp://h.example/live/k?txTime=5efba7d0", "cut off"),
    ("txTime not hex", WX.replace("5efba7d0", "tomorrow"), "txTime"),
    ("txTime empty", WX.replace("5efba7d0", ""), "txTime"),
    ("txTime too long", WX.replace("5efba7d0", "f" * 17), "txTime"),
    ("txTime out of range", WX.replace("5efba7d0", "f" * 16), "out of range"),
]


@pytest.mark.parametrize(("text", "words"), [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_refuses_with_a_reason(text: str, words: str) -> None:
    with pytest.raises(PushAddressError) as refused:
        parse_push_address(text)
    message = str(refused.value)
    assert words in message
    assert "4b886b8127b82cde297c7ff6d76915a4" not in message  # never the signature


def test_key_never_in_repr() -> None:
    address = parse_push_address(WX)
    assert "4b886b81" not in repr(address)
    assert "wxalivepush" in repr(address)


def test_expiry_and_mask() -> None:
    address = parse_push_address(WX)
    assert address.expired(WX_EXPIRES)
    assert not address.expired(datetime(2020, 6, 30, 20, 59, 59, tzinfo=UTC))
    assert address.expires_in_seconds(datetime(2020, 6, 30, 20, 0, tzinfo=UTC)) == 3600
    assert iso_utc(address.expires_at) == "2020-06-30T21:00:00Z"
    assert address.masked_key == "wx40••••a7d0"
    assert address.host == "wxalivepush.weixin.qq.com"
    no_expiry = parse_push_address("rtmp://127.0.0.1:1935/live/test-key")
    assert not no_expiry.expired(datetime(2100, 1, 1, tzinfo=UTC))
    assert no_expiry.expires_in_seconds(WX_EXPIRES) is None


@pytest.mark.parametrize(("secret", "masked"), [
    ("", ""),
    ("abc", "••••"),
    ("abcdefgh", "ab••••gh"),
    ("abcdefghijkl", "abc••••jkl"),
    ("abcdefghijklmnop", "abcd••••mnop"),
    (WX_KEY, "wx40••••a7d0"),
])
def test_mask_secret(secret: str, masked: str) -> None:
    assert mask_secret(secret) == masked


@pytest.mark.parametrize(("key", "expires_at"), [
    (WX_KEY, WX_EXPIRES),
    ("name?txSecret=x&TXTIME=5efba7d0", WX_EXPIRES),
    ("name", None),
    ("name?txTime=zz", None),
    ("", None),
])
def test_expiry_of_key_as_obs_holds_it(key: str, expires_at: datetime | None) -> None:
    assert expiry_of_key(key) == expires_at


def test_push_address_is_plain_data() -> None:
    address = PushAddress("rtmp://h/live/", "k", None)
    assert address == PushAddress("rtmp://h/live/", "k", None)


# ----- hostile pastes ---------------------------------------------------------------------------

@pytest.mark.parametrize("control", ["\x00", "\x01", "\x1b", "\x7f"])
def test_a_control_character_that_would_cut_the_key_is_refused(control):
    with pytest.raises(PushAddressError, match="control character"):
        parse_push_address(WX.replace("txSecret=4b88", f"txSecret=4b{control}88"))


def test_a_nul_anywhere_in_the_paste_is_refused():
    with pytest.raises(PushAddressError, match="control character"):
        parse_push_address(f"推流地址：{WX}\n备注\x00")


def test_a_wrapped_megabyte_is_refused_as_too_long_not_read_for_seconds():
    # Every piece ends in "/", so each line break continues the address: the old reader re-joined
    # and re-scanned the whole address per line (quadratic: 1 MB took 7.8 s).
    text = WX_SERVER + "wx_1?txSecret=" + "\n".join(["ab/cd"] * 200_000)
    with pytest.raises(PushAddressError, match="too long"):
        parse_push_address(text)


def test_a_long_chat_around_one_address_still_reads_it():
    address = parse_push_address("聊天记录 " * 100_000 + f"\n推流地址：{WX}\n" + "好的 " * 100_000)
    assert address.server == WX_SERVER and address.key == WX_KEY
