"""Push addresses into a real OBS: apply, read back, refusal while streaming, the start check.

Streams only ever go to the lab's nginx-rtmp (``rtmp_ingest``). The wxalivepush address is
applied and read back, never streamed to.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from studio.errors import ObsError
from studio.keys.apply import ExpiredKey, KeyApplyRefused, apply_to_obs, read_obs_service, start_check
from studio.keys.pushurl import PushAddress, parse_push_address
from studio.obs.link import ConnectionTarget, ObsLink
from studio.obs.stream import StreamControl
from tests.lab.waiting import wait_until

pytestmark = pytest.mark.integration

SIGNATURE = "4b886b8127b82cde297c7ff6d76915a4"
WX = f"rtmp://wxalivepush.weixin.qq.com/live/wx40f8626ddf43d361_2796?txSecret={SIGNATURE}&txTime=6f000000"
PAST = "5efba7d0"  # 2020-06-30 21:00 UTC
FUTURE = "6f000000"  # 2029-01-05


def _link(obs: Any) -> ObsLink:
    return ObsLink(ConnectionTarget("127.0.0.1", obs.port, obs.password))


def _ingest_address(ingest: Any, name: str, tx_time: str) -> PushAddress:
    return parse_push_address(f"{ingest.server_url}{name}?txSecret={SIGNATURE}&txTime={tx_time}")


async def _assert_pointed_at_ingest(link: ObsLink, ingest: Any) -> None:
    """Every stream this module starts goes to the local nginx ingest: checked in OBS right before the
    start (WX's wxalivepush address is only ever applied and read back, never streamed to; and the
    suite runs in a network namespace with loopback only)."""
    server = (await link.request("GetStreamServiceSettings"))["streamServiceSettings"]["server"]
    assert server.startswith(ingest.server_url) and server.startswith("rtmp://127.0.0.1"), server


async def _stop_stream(link: ObsLink) -> None:
    status = await link.request("GetStreamStatus")
    if status.get("outputActive"):
        await link.request("StopStream")
    for _ in range(100):
        if not (await link.request("GetStreamStatus")).get("outputActive"):
            return
        await asyncio.sleep(0.1)


def test_apply_wechat_address_and_read_back(obs_factory, run) -> None:
    obs = obs_factory()
    link = _link(obs)
    address = parse_push_address(f"推流地址：{WX}")

    async def scenario() -> None:
        await link.connect_once()
        applied = await apply_to_obs(link, address)
        assert applied.server == "rtmp://wxalivepush.weixin.qq.com/live/"
        assert applied.masked_key == "wx40••••0000"
        answer = await link.request("GetStreamServiceSettings")
        assert answer["streamServiceType"] == "rtmp_custom"
        assert answer["streamServiceSettings"]["server"] == "rtmp://wxalivepush.weixin.qq.com/live/"
        assert answer["streamServiceSettings"]["key"] == address.key
        held = await read_obs_service(link)
        assert held == address
        await link.close()

    run(scenario())


def test_refused_while_streaming_by_us_and_by_obs(obs_factory, rtmp_ingest, run) -> None:
    obs = obs_factory()
    link = _link(obs)
    live = _ingest_address(rtmp_ingest, "studio-keys-live", FUTURE)

    class StaleStatus:
        """Forwards to the real OBS but says 'not streaming': only OBS's own refusal is left."""

        async def request(self, request_type: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
            if request_type == "GetStreamStatus":
                return {"outputActive": False}
            return await link.request(request_type, data)

    async def scenario() -> None:
        await link.connect_once()
        await apply_to_obs(link, live)
        await _assert_pointed_at_ingest(link, rtmp_ingest)
        await link.request("StartStream")
        try:
            await wait_until(lambda: bool(rtmp_ingest.stream_bytes_in("studio-keys-live")), timeout=15)
            with pytest.raises(KeyApplyRefused, match="streaming right now"):
                await apply_to_obs(link, parse_push_address(WX))
            with pytest.raises(KeyApplyRefused, match="streaming right now"):
                await apply_to_obs(StaleStatus(), parse_push_address(WX))
            held = await read_obs_service(link)
            assert held == live  # OBS still pushes where it did
        finally:
            await _stop_stream(link)
        # Stopped: the same apply now goes through.
        await apply_to_obs(link, parse_push_address(WX))
        await link.close()

    run(scenario(), timeout=40)


def test_start_check_refuses_an_expired_key(obs_factory, rtmp_ingest, run) -> None:
    obs = obs_factory()
    link = _link(obs)
    stream = StreamControl(link)
    stream.start_checks.append(start_check(link))

    async def scenario() -> None:
        link.start()
        await wait_until(lambda: stream.phase.value == "off", timeout=15)
        # Typed into OBS by hand (not through us), already expired: the check reads OBS itself.
        await apply_to_obs(link, _ingest_address(rtmp_ingest, "studio-keys-expired", PAST),
                           allow_expired=True)
        await _assert_pointed_at_ingest(link, rtmp_ingest)
        with pytest.raises(ExpiredKey, match="Not starting") as refused:
            await stream.start()
        assert SIGNATURE not in str(refused.value)
        await asyncio.sleep(1.0)  # would be enough for OBS to connect to the ingest
        assert not (await link.request("GetStreamStatus"))["outputActive"]
        assert rtmp_ingest.stream_bytes_in("studio-keys-expired") is None

        # A fresh key passes the check and the stream really starts (to the lab ingest).
        await apply_to_obs(link, _ingest_address(rtmp_ingest, "studio-keys-fresh", FUTURE))
        await _assert_pointed_at_ingest(link, rtmp_ingest)
        await stream.start()
        try:
            await wait_until(lambda: bool(rtmp_ingest.stream_bytes_in("studio-keys-fresh")), timeout=15)
        finally:
            await _stop_stream(link)
        await link.close()

    run(scenario(), timeout=45)


def test_apply_without_obs_says_not_connected(run) -> None:
    link = ObsLink(ConnectionTarget("127.0.0.1", 1, "x"))
    with pytest.raises(ObsError):
        run(apply_to_obs(link, parse_push_address(WX)))
