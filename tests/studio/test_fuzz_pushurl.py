"""Property tests over the push-address parser: whatever is pasted, ``parse_push_address`` gives an
address or a PushAddressError in plain words — never another exception — quickly (hypothesis'
deadline for small pastes) and in CPU time linear in the paste (tests/growth.py); a key it returns
was never cut short."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.keys import pushurl
from studio.keys.pushurl import PushAddressError, parse_push_address
from tests.growth import assert_linear

FUZZ = settings(max_examples=200, deadline=timedelta(milliseconds=1500), database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

WX = "rtmp://wxalivepush.weixin.qq.com/live/wx40f8626ddf43d361_2796?txSecret=4b886b8127b82cde297c7ff6d76915a4&txTime=6f000000"
pieces = st.one_of(
    st.sampled_from(["rtmp://", "rtmps://", "live/", "?", "&", "=", "txSecret=", "txTime=", "\n", " ", "\u3000",
                     "：", "/", "%", "\x00", "\x1b", "推流地址", "ｒｔｍｐ：／／", ":99999999", "@", "[", "]", "#",
                     "weixin.qq.com", "ffffffffffffffff", "-", "."]),
    st.text(max_size=12),
)


@pytest.fixture(autouse=True)
def _no_registered_secrets(monkeypatch):
    """Fuzzed keys must not join the process-wide secret list (they would mask words in other tests)."""
    monkeypatch.setattr(pushurl, "register_secret", lambda value: None)


def _check(text: str) -> None:
    try:
        address = parse_push_address(text)
    except PushAddressError as e:
        assert str(e)
        return
    assert address.server.startswith(("rtmp://", "rtmps://")) and address.key
    assert "\x00" not in address.key and len(address.server) + len(address.key) <= pushurl.MAX_ADDRESS_LENGTH


@pytest.mark.parametrize("pastes", [st.lists(pieces, max_size=40).map("".join), st.text(max_size=3000)],
                         ids=["address-shaped", "any text"])
def test_no_paste_crashes_the_parser(pastes: st.SearchStrategy[str]) -> None:
    @FUZZ
    @given(pastes)
    def check(text: str) -> None:
        _check(text)

    check()


@FUZZ
@given(st.text(max_size=200), st.text(max_size=200), st.integers(0, len(WX)), st.sampled_from(["\n", " ", "\r\n", ""]))
def test_an_address_in_a_chat_wrapped_anywhere(before: str, after: str, cut: int, gap: str) -> None:
    _check(before + WX[:cut] + gap + WX[cut:] + after)


@pytest.mark.parametrize("piece", ["ab/", "rtmp://", "a&", "\n/", "x " * 3, "推流地址：", "txSecret=a\n"])
def test_megabyte_pastes_stay_linear(piece: str) -> None:
    assert_linear(lambda times: _check("rtmp://h/live/k?" + piece * times), 10_000, most=50_000)  # ≤ ~4 MB
