"""Put a push address into OBS (custom server + stream key), and guard the start of a stream.

- ``apply_to_obs``: refused while OBS streams (we ask GetStreamStatus first, and OBS's own refusal,
  code 500, is turned into the same words), then read back with GetStreamServiceSettings and
  compared without ever showing the key.
- ``expired_key_check``: a StreamControl start check; refuses to start when the key OBS holds has
  expired (the key in OBS is what counts, whoever typed it there).
- ``expiry_warning``: plain words when a key expires before the planned end of the show.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from studio.errors import ObsRequestFailed, UserError
from studio.i18n import translate
from studio.keys.pushurl import PushAddress, expiry_of_key, now_utc
from studio.keys.store import mask_secret
from studio.obs.stream import StartCheck
from studio.redact import register_secret

log = logging.getLogger(__name__)

CUSTOM_SERVICE = "rtmp_custom"
_OUTPUT_RUNNING = 500  # obs-websocket RequestStatus::OutputRunning


class ObsRequester(Protocol):
    """What this module needs of ``studio.obs.link.ObsLink`` (tests may pass a stand-in)."""

    async def request(self, request_type: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        ...


class KeyApplyRefused(UserError):
    """OBS is streaming: a new key now would cut the show."""


class KeyNotConfirmed(UserError):
    """OBS took the request but reads back something else."""


class ExpiredKey(UserError):
    """The push address's txTime has passed: the platform will refuse the stream."""


@dataclass(frozen=True)
class AppliedKey:
    """What OBS holds after an apply, as the UI may show it."""

    server: str
    masked_key: str
    expires_at: datetime | None


def local_time_text(moment: datetime) -> str:
    """A moment in the host's own time zone, as a message shows it."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def refuse_if_expired(address: PushAddress, now: datetime) -> None:
    if address.expires_at is not None and address.expired(now):
        raise ExpiredKey(translate(
            "PushKeyApply", "This push address expired at {time}. Get a new one in the live console "
            "(直播控制台 → 推流地址) and paste it here.").format(time=local_time_text(address.expires_at)))


def _streaming_refusal() -> KeyApplyRefused:
    return KeyApplyRefused(translate(
        "PushKeyApply", "OBS is streaming right now, so the push address cannot be changed (it would cut the "
        "show). Stop the stream first, then apply the new address."))


async def apply_to_obs(link: ObsRequester, address: PushAddress, *, now: datetime | None = None,
                       allow_expired: bool = False) -> AppliedKey:
    """Set OBS's stream service to this server + key, then read it back to confirm."""
    register_secret(address.key)
    if not allow_expired:
        refuse_if_expired(address, now or now_utc())
    status = await link.request("GetStreamStatus")
    if status.get("outputActive") or status.get("outputReconnecting"):
        raise _streaming_refusal()
    try:
        await link.request("SetStreamServiceSettings", {
            "streamServiceType": CUSTOM_SERVICE,
            # use_auth off: a push address carries its own signature; stale user/password from an
            # earlier custom server must not be sent along.
            "streamServiceSettings": {"server": address.server, "key": address.key, "use_auth": False},
        })
    except ObsRequestFailed as e:
        if e.code == _OUTPUT_RUNNING:  # the stream started between our check and the request
            raise _streaming_refusal() from None
        raise
    held = await read_obs_service(link)
    same_key = held is not None and hmac.compare_digest(held.key.encode(), address.key.encode())
    if held is None or held.server != address.server or not same_key:
        log.warning("push address read back from OBS differs (server %s, key %s)",
                    "same" if held is not None and held.server == address.server else "different",
                    "same" if same_key else "different")
        raise KeyNotConfirmed(translate(
            "PushKeyApply", "OBS did not keep the push address (reading it back gave something else). Open "
            "OBS → Settings → Stream and check the server and stream key, or apply again."))
    log.info("push address applied to OBS: server %s, key %s", address.server, mask_secret(address.key))
    return AppliedKey(server=held.server, masked_key=mask_secret(held.key), expires_at=address.expires_at)


async def read_obs_service(link: ObsRequester) -> PushAddress | None:
    """Server and key OBS holds now (any service type); None when OBS has no key set."""
    answer = await link.request("GetStreamServiceSettings")
    settings = answer.get("streamServiceSettings") or {}
    key = str(settings.get("key") or "")
    register_secret(key)
    if not key:
        return None
    return PushAddress(server=str(settings.get("server") or ""), key=key, expires_at=expiry_of_key(key))


async def expired_key_check(link: ObsRequester, *, now: datetime | None = None) -> None:
    """Raises ExpiredKey when the stream key in OBS has a txTime in the past."""
    held = await read_obs_service(link)
    if held is None or held.expires_at is None:
        return
    if held.expired(now or now_utc()):
        raise ExpiredKey(translate(
            "PushKeyApply", "Not starting: the push address in OBS expired at {time}, so the platform would "
            "refuse the stream. Get a new push address in the live console (直播控制台 → 推流地址) "
            "and apply it.").format(time=local_time_text(held.expires_at)))


def start_check(link: ObsRequester, clock: Callable[[], datetime] = now_utc) -> StartCheck:
    """``expired_key_check`` bound to a link, for ``StreamControl.start_checks.append(...)``."""

    async def check() -> None:
        await expired_key_check(link, now=clock())

    return check


def expiry_warning(expires_at: datetime | None, planned_end: datetime | None,
                   now: datetime | None = None) -> str | None:
    """Plain words when the key stops working before the show is planned to end; else None."""
    if expires_at is None:
        return None
    now = now or now_utc()
    if expires_at <= now:
        return translate("PushKeyApply", "This push address expired at {time}. Get a new one in the live "
                         "console.").format(time=local_time_text(expires_at))
    if planned_end is not None and expires_at < planned_end:
        short = planned_end - expires_at
        return translate(
            "PushKeyApply", "This push address expires at {time}, {minutes} min before the planned end "
            "of the show ({end}). The stream will be cut then: get a fresh address before going live."
        ).format(time=local_time_text(expires_at), end=local_time_text(planned_end),
                 minutes=max(1, int(short / timedelta(minutes=1))))
    return None
