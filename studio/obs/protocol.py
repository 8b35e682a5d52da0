"""obs-websocket as the console sees it: the link's states, the address, and the login probe that
tells "refused", "silent", "not obs-websocket v5" and "wrong password" apart (obsws-python reports
them all as one generic error); which requests OBS may take long over, and its status codes in plain
words. ``studio.obs.link.ObsLink`` uses all of it; every name also imports from ``studio.obs.link``.
"""

from __future__ import annotations

import base64
import contextlib
import enum
import hashlib
import json
import logging
import struct
from dataclasses import dataclass
from typing import Any

from studio.i18n import QT_TRANSLATE_NOOP, translate

# websocket-client logs connection errors at ERROR on its own; we report them in plain words.
logging.getLogger("websocket").setLevel(logging.CRITICAL + 1)


# obs-websocket close codes (protocol.md, WebSocketCloseCode)
CLOSE_AUTH_FAILED = 4009
CLOSE_UNSUPPORTED_RPC = 4010


class LinkState(enum.Enum):
    DISCONNECTED = "disconnected"  # not started, or stopped on purpose
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"  # lost or not reachable: retrying with backoff
    AUTH_FAILED = "auth_failed"  # wrong or missing password: waits for a new one, never retries
    TOO_OLD = "too_old"  # something answers that is not obs-websocket v5 (OBS < 28)


@dataclass(frozen=True)
class LinkStatus:
    state: LinkState
    message: str = ""  # plain words, translated
    obs_version: str = ""
    websocket_version: str = ""
    platform: str = ""
    retry_in: float | None = None  # seconds until the next attempt, when one is planned
    attempt: int = 0
    # OBS's program scene as read while connecting, before CONNECTED was announced: a model that
    # shows "connected" can show this scene at once, never the previous connection's.
    program_scene: str = ""


@dataclass(frozen=True)
class ConnectionTarget:
    host: str
    port: int
    password: str = ""

    def describe(self) -> str:
        return f"ws://{self.host}:{self.port}"  # never the password


class ProbeFailure(Exception):
    def __init__(self, state: LinkState, message: str, *, refused: bool = False) -> None:
        super().__init__(message)
        self.state = state
        self.message = message
        self.refused = refused  # nothing listens on the port: watching it is cheap and safe


def probe(target: ConnectionTarget, timeout: float) -> dict[str, Any]:
    """Hello + Identify on a throw-away socket; returns the Identified payload or raises ProbeFailure.

    Blocking: run it on the worker thread.
    """
    import websocket  # websocket-client: loaded on the first connect, not with the window

    where = target.describe()
    ws = websocket.WebSocket()
    try:
        try:
            ws.connect(f"ws://{target.host}:{target.port}", timeout=timeout)
        except ConnectionRefusedError as e:
            raise ProbeFailure(LinkState.RECONNECTING, translate(
                "ObsLink", "OBS is not running at {where}, or its WebSocket server is off "
                "(OBS: Tools → WebSocket Server Settings).").format(where=where), refused=True) from e
        except (websocket.WebSocketTimeoutException, TimeoutError) as e:
            raise ProbeFailure(LinkState.RECONNECTING, translate(
                "ObsLink", "Nothing answers at {where}. Is OBS frozen, or is this the right port?"
            ).format(where=where)) from e
        except (websocket.WebSocketException, OSError) as e:
            raise ProbeFailure(LinkState.RECONNECTING, translate(
                "ObsLink", "Cannot reach OBS at {where}: {reason}").format(where=where, reason=e)) from e
        try:
            hello = json.loads(ws.recv())
        except (websocket.WebSocketTimeoutException, TimeoutError) as e:
            # A websocket that never says Hello: obs-websocket 4.x (OBS 27 and older) waits for the
            # client to speak first.
            raise ProbeFailure(LinkState.TOO_OLD, too_old_message()) from e
        except (ValueError, websocket.WebSocketException, OSError) as e:
            raise ProbeFailure(LinkState.TOO_OLD, too_old_message()) from e
        if not isinstance(hello, dict) or hello.get("op") != 0 or "rpcVersion" not in hello.get("d", {}):
            raise ProbeFailure(LinkState.TOO_OLD, too_old_message())
        identify: dict[str, Any] = {"rpcVersion": 1, "eventSubscriptions": 0}
        auth = hello["d"].get("authentication")
        if auth:
            if not target.password:
                raise ProbeFailure(LinkState.AUTH_FAILED, translate(
                    "ObsLink", "OBS asks for a password. Enter the one shown in OBS: "
                    "Tools → WebSocket Server Settings → Show Connect Info."))
            secret = base64.b64encode(hashlib.sha256((target.password + auth["salt"]).encode()).digest())
            identify["authentication"] = base64.b64encode(
                hashlib.sha256(secret + auth["challenge"].encode()).digest()).decode()
        ws.send(json.dumps({"op": 1, "d": identify}))
        try:
            opcode, data = ws.recv_data(control_frame=True)
        except (websocket.WebSocketException, OSError) as e:
            raise ProbeFailure(LinkState.RECONNECTING, translate(
                "ObsLink", "OBS closed the connection while logging in. Retrying.")) from e
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            code = struct.unpack("!H", data[:2])[0] if len(data) >= 2 else 0
            if code == CLOSE_AUTH_FAILED:
                raise ProbeFailure(LinkState.AUTH_FAILED, translate(
                    "ObsLink", "Wrong OBS password. Copy it again from OBS: Tools → WebSocket Server "
                    "Settings → Show Connect Info."))
            if code == CLOSE_UNSUPPORTED_RPC:
                raise ProbeFailure(LinkState.TOO_OLD, too_old_message())
            raise ProbeFailure(LinkState.RECONNECTING, translate(
                "ObsLink", "OBS refused the connection (code {code}). Retrying.").format(code=code))
        identified = json.loads(data)
        if identified.get("op") != 2:
            raise ProbeFailure(LinkState.TOO_OLD, too_old_message())
        return dict(identified["d"])
    finally:
        with contextlib.suppress(Exception):
            ws.shutdown()


def too_old_message() -> str:
    return translate("ObsLink", "This OBS does not speak obs-websocket 5. Update OBS to version 28 or "
                     "newer (it has the WebSocket server built in).")


# Requests OBS answers only after real work on its own UI or graphics thread (loading a scene
# collection or profile, resetting video): these may take seconds without OBS being frozen.
SLOW_REQUESTS = frozenset({
    "SetCurrentSceneCollection", "CreateSceneCollection", "SetCurrentProfile", "CreateProfile",
    "RemoveProfile", "SetVideoSettings", "SetStreamServiceSettings", "SaveSourceScreenshot",
    "GetSourceScreenshot", "Sleep", "StartStream", "StopStream", "StartRecord", "StopRecord",
})


# Requests obs-websocket answers on its own thread without waiting for OBS's UI: the heartbeat's
# GetVersion and the 1 Hz polls. An alive OBS answers them in milliseconds, however busy it is.
INSTANT_REQUESTS = frozenset({"GetVersion", "GetStats", "GetStreamStatus", "GetRecordStatus",
                               "GetOutputStatus"})
HEARTBEAT_ANSWER_S = 1.2


# obs-websocket RequestStatus codes that deserve their own words.
REQUEST_CODES = {
    203: QT_TRANSLATE_NOOP("ObsLink", "OBS is busy with something else. Try again in a moment."),
    207: QT_TRANSLATE_NOOP("ObsLink", "OBS does not allow this while studio mode is off."),
    500: QT_TRANSLATE_NOOP("ObsLink",
                           "OBS cannot do this while the output is running. Stop the stream first."),
    501: QT_TRANSLATE_NOOP("ObsLink", "OBS cannot do this while the output is not running."),
    600: QT_TRANSLATE_NOOP("ObsLink", "OBS has nothing by that name."),
    601: QT_TRANSLATE_NOOP("ObsLink", "Something with that name already exists in OBS."),
}


def request_error_message(request_type: str, code: int) -> str:
    text = REQUEST_CODES.get(code)
    if text:
        return translate("ObsLink", text)
    return translate("ObsLink", "OBS refused the request {request} (code {code}).").format(
        request=request_type, code=code)


# The name link.py had for it (tests and benches catch it).
_ProbeFailure = ProbeFailure
