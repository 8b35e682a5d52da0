"""Applying a push address and the start check, against the in-memory OBS of tests/fakes (real OBS:
integration)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from studio.errors import ObsRequestFailed
from studio.keys.apply import (
    ExpiredKey,
    KeyApplyRefused,
    KeyNotConfirmed,
    apply_to_obs,
    expired_key_check,
    expiry_warning,
    start_check,
)
from studio.keys.pushurl import parse_push_address
from tests.fakes.obs import FakeObs

SIGNATURE = "4b886b8127b82cde297c7ff6d76915a4"
EXPIRES = datetime(2029, 1, 5, 1, 29, 36, tzinfo=UTC)  # txTime 6f000000
ADDRESS = parse_push_address(
    f"rtmp://wxalivepush.weixin.qq.com/live/wx40f8626ddf43d361_2796?txSecret={SIGNATURE}&txTime=6f000000")
BEFORE = EXPIRES - timedelta(hours=1)
AFTER = EXPIRES + timedelta(seconds=1)


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_apply_sets_custom_server_and_reads_back() -> None:
    obs = FakeObs()
    applied = run(apply_to_obs(obs, ADDRESS, now=BEFORE))
    assert obs.names == ["GetStreamStatus", "SetStreamServiceSettings", "GetStreamServiceSettings"]
    assert obs.service == {"streamServiceType": "rtmp_custom", "streamServiceSettings": {
        "server": "rtmp://wxalivepush.weixin.qq.com/live/", "key": ADDRESS.key, "use_auth": False}}
    assert applied.server == "rtmp://wxalivepush.weixin.qq.com/live/"
    assert applied.masked_key == "wx40••••0000"
    assert applied.expires_at == EXPIRES
    assert SIGNATURE not in repr(applied)


def test_refused_while_streaming_without_touching_obs() -> None:
    obs = FakeObs()
    obs.active.add("stream")
    with pytest.raises(KeyApplyRefused, match="streaming right now"):
        run(apply_to_obs(obs, ADDRESS, now=BEFORE))
    assert "SetStreamServiceSettings" not in obs.names


def test_obs_own_refusal_reads_the_same() -> None:
    obs = FakeObs()
    obs.refuse["SetStreamServiceSettings"] = 500  # OutputRunning: the stream started after our check
    with pytest.raises(KeyApplyRefused, match="streaming right now"):
        run(apply_to_obs(obs, ADDRESS, now=BEFORE))


def test_other_obs_refusal_passes_through() -> None:
    obs = FakeObs()
    obs.refuse["SetStreamServiceSettings"] = 203
    with pytest.raises(ObsRequestFailed):
        run(apply_to_obs(obs, ADDRESS, now=BEFORE))


def test_read_back_mismatch_is_reported_without_the_key(caplog: pytest.LogCaptureFixture) -> None:
    obs = FakeObs()
    obs.mangle_stream_key = True
    with pytest.raises(KeyNotConfirmed) as refused:
        run(apply_to_obs(obs, ADDRESS, now=BEFORE))
    assert SIGNATURE[:8] not in str(refused.value)
    assert all(SIGNATURE[:8] not in r.getMessage() for r in caplog.records)


def test_expired_address_is_not_applied() -> None:
    obs = FakeObs()
    with pytest.raises(ExpiredKey, match="expired at"):
        run(apply_to_obs(obs, ADDRESS, now=AFTER))
    assert obs.names == []
    run(apply_to_obs(obs, ADDRESS, now=AFTER, allow_expired=True))  # tests and repairs may


def test_start_check_refuses_an_expired_key_in_obs() -> None:
    obs = FakeObs()
    run(apply_to_obs(obs, ADDRESS, now=BEFORE))
    run(expired_key_check(obs, now=BEFORE))  # fine
    with pytest.raises(ExpiredKey, match="Not starting") as refused:
        run(expired_key_check(obs, now=EXPIRES))
    assert SIGNATURE not in str(refused.value)
    clock = iter([BEFORE, AFTER])
    check = start_check(obs, clock=lambda: next(clock))
    run(check())
    with pytest.raises(ExpiredKey):
        run(check())


def test_start_check_lets_keys_without_expiry_through() -> None:
    obs = FakeObs()
    run(expired_key_check(obs, now=AFTER))  # no key at all
    run(apply_to_obs(obs, parse_push_address("rtmp://127.0.0.1:1935/live/plain"), now=AFTER))
    run(expired_key_check(obs, now=AFTER))


def test_expiry_warning() -> None:
    assert expiry_warning(None, EXPIRES, now=BEFORE) is None
    assert expiry_warning(EXPIRES, None, now=BEFORE) is None
    assert expiry_warning(EXPIRES, EXPIRES, now=BEFORE) is None  # ends right when it expires
    warning = expiry_warning(EXPIRES, EXPIRES + timedelta(minutes=90), now=BEFORE)
    assert warning is not None and "90 min before the planned end" in warning
    expired = expiry_warning(EXPIRES, None, now=AFTER)
    assert expired is not None and "expired" in expired
