"""The one connection to OBS: a request worker, events handed to the loop, heartbeat, reconnect.

obsws-python is blocking and not thread-safe (request ids are random and never checked), so:
- every request runs on ONE worker thread, in order (a single-thread executor);
- a request that times out poisons the socket (a late answer would be read as the next one's), so
  a timeout drops the connection and the supervisor reconnects;
- EventClient's own thread only hands events to the asyncio loop (``call_soon_threadsafe``);
- a heartbeat notices a dead peer; reconnect runs with backoff; a wrong password is never retried
  (OBS would see a retry storm, the user a flicker): we wait for a new password.

Before obsws-python connects we make one small probe of our own (Hello + Identify over
websocket-client, obsws-python's own transport), because obsws-python reports "refused", "silent",
"not obs-websocket v5" and "wrong password" all as one generic error, and the states a host sees
must tell them apart. The probe, the states and OBS's status codes in words live in
``studio.obs.protocol`` (re-exported here).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import socket
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from studio.errors import ObsNotConnected, ObsRequestFailed
from studio.events import Signal
from studio.i18n import translate
from studio.obs.protocol import (
    HEARTBEAT_ANSWER_S,
    INSTANT_REQUESTS,
    SLOW_REQUESTS,
    ConnectionTarget,
    LinkState,
    LinkStatus,
    ProbeFailure,
    _ProbeFailure,
    probe,
    request_error_message,
)
from studio.tasks import spawn

log = logging.getLogger(__name__)

# obsws-python logs the password at INFO, every request (stream keys included) at DEBUG and its
# own tracebacks at ERROR. None of that may reach a log file or a user: silence it at the source.
_obsws_logger = logging.getLogger("obsws_python")
_obsws_logger.setLevel(logging.CRITICAL + 1)
_obsws_logger.propagate = False

__all__ = ["HEARTBEAT_ANSWER_S", "ConnectionTarget", "LinkState", "LinkStatus", "ObsLink", "ProbeFailure",
           "_ProbeFailure", "probe"]


class _EventForwarder:
    """Stands in for obsws-python's Callback: every event goes to one function, as raw dict data."""

    def __init__(self, deliver: Callable[[str, dict[str, Any]], None]) -> None:
        self._deliver = deliver

    def trigger(self, event: str, data: dict[str, Any]) -> None:
        self._deliver(event, data)


class _Connection:
    """One live pair of obsws-python clients. Touched only on the worker thread."""

    def __init__(self, generation: int, requests: Any, events: Any) -> None:
        self.generation = generation
        self.requests = requests
        self.events = events

    def events_alive(self) -> bool:
        worker = getattr(self.events, "worker", None)
        return bool(worker and worker.is_alive())

    def abort(self) -> None:
        # shutdown(), not close(): close() waits for a goodbye a dead peer never sends. The socket
        # is shut down first: that wakes a thread blocked reading it (a frozen OBS), close alone does not.
        for client in (self.requests, self.events):
            with contextlib.suppress(Exception):
                client.base_client.ws.sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(Exception):
                client.base_client.ws.shutdown()


class ObsLink:
    """Owns the connection to OBS. All public methods are called on the asyncio loop's thread."""

    def __init__(self, target: ConnectionTarget, *, request_timeout: float = 5.0,
                 connect_timeout: float = 3.0, heartbeat_interval: float = 1.0,
                 answer_timeout: float = 2.5, port_watch_interval: float = 0.05,
                 backoff: tuple[float, ...] = (0.5, 1, 2, 4, 8, 10)) -> None:
        self._target = target
        self.request_timeout = request_timeout
        self.connect_timeout = connect_timeout
        self.heartbeat_interval = heartbeat_interval
        # A request OBS has not answered for this long means OBS is frozen (or its machine is):
        # say so and reconnect, rather than show "connected" until the request times out.
        self.answer_timeout = answer_timeout
        # While OBS is not running, its port is tried this often (a refused TCP connect on the
        # same machine costs microseconds), so the console reconnects as soon as OBS is back
        # rather than when the backoff says. 0 turns the watch off (the backoff alone).
        self.port_watch_interval = port_watch_interval
        self.backoff = backoff
        # (when the worker sent the request it waits on, how long OBS may take to answer it)
        self._inflight: tuple[float, float] | None = None
        self._last_refused = False
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="obs-requests")
        self._loop: asyncio.AbstractEventLoop | None = None
        self._conn: _Connection | None = None  # owned by the worker thread; read-only elsewhere
        self._generation = 0
        self._status = LinkStatus(LinkState.DISCONNECTED, translate("ObsLink", "Not connected to OBS."))
        self._supervisor: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._lost = asyncio.Event()
        self._last_answer = 0.0
        self.attempts = 0  # connection attempts made, for tests and diagnostics
        self.status_changed = Signal("ObsLink.status_changed")  # (LinkStatus)
        self.connected = Signal("ObsLink.connected")  # () — models refresh on this
        self.event = Signal("ObsLink.event")  # (event_type: str, data: dict)
        self._event_slots: dict[str, Signal] = {}

    # ----- state -------------------------------------------------------------------------------
    @property
    def status(self) -> LinkStatus:
        return self._status

    @property
    def state(self) -> LinkState:
        return self._status.state

    @property
    def target(self) -> ConnectionTarget:
        return self._target

    def _set_status(self, status: LinkStatus) -> None:
        if status != self._status:
            if (status.state, status.message) != (self._status.state, self._status.message):
                log.info("OBS link: %s %s", status.state.value, status.message)
            self._status = status
            self.status_changed.emit(status)

    def on(self, event_type: str, slot: Callable[[dict[str, Any]], Any]) -> Callable[[], None]:
        """Call ``slot(data)`` on the loop for every OBS event of this type (e.g. "SceneListChanged")."""
        return self._event_slots.setdefault(event_type, Signal(event_type)).connect(slot)

    # ----- lifecycle ---------------------------------------------------------------------------
    def start(self) -> None:
        """Connect, and keep connected, in the background. Returns at once."""
        self._loop = asyncio.get_event_loop()
        if self._supervisor is None or self._supervisor.done():
            self._supervisor = spawn(self._supervise(), name="obs-link-supervisor")

    async def stop(self) -> None:
        if self._supervisor:
            self._supervisor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._supervisor
            self._supervisor = None
        await self._drop_connection()
        self._set_status(LinkStatus(LinkState.DISCONNECTED, translate("ObsLink", "Not connected to OBS.")))

    async def close(self) -> None:
        await self.stop()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def configure(self, target: ConnectionTarget) -> None:
        """New address or password: drop what we have and try again at once."""
        changed = target != self._target
        self._target = target
        if changed and self._conn is not None:
            self._lost.set()
        self.retry_now()

    def retry_now(self) -> None:
        self._wake.set()

    async def connect_once(self) -> LinkStatus:
        """One attempt, no supervisor (for the CLI). Returns the resulting status."""
        self._loop = asyncio.get_event_loop()
        await self._attempt()
        return self._status

    # ----- requests ----------------------------------------------------------------------------
    async def request(self, request_type: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send one request through the worker; returns OBS's responseData (may be empty)."""
        if self._conn is None or self.state is not LinkState.CONNECTED:
            raise ObsNotConnected(self._not_connected_message())
        # obsws-python (and websocket-client) load on the first connect, not with the window.
        import websocket
        from obsws_python.error import OBSSDKError, OBSSDKRequestError

        generation = self._generation
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(self._executor, self._send_on_worker, generation,
                                                request_type, data)
        except OBSSDKRequestError as e:
            raise ObsRequestFailed(request_error_message(request_type, e.code),
                                   request_type, e.code) from None
        except _StaleConnection:
            raise ObsNotConnected(self._not_connected_message()) from None
        except (OBSSDKError, websocket.WebSocketException, OSError, ValueError, KeyError) as e:
            log.warning("OBS request %s failed on the wire: %s", request_type, type(e).__name__)
            self._connection_lost(generation, translate(
                "ObsLink", "Lost the connection to OBS. Reconnecting…"))
            raise ObsNotConnected(translate(
                "ObsLink", "Lost the connection to OBS. Reconnecting…")) from None
        self._last_answer = time.monotonic()
        return result

    def _send_on_worker(self, generation: int, request_type: str,
                        data: dict[str, Any] | None) -> dict[str, Any]:
        conn = self._conn
        if conn is None or conn.generation != generation:
            raise _StaleConnection()
        if request_type in SLOW_REQUESTS:
            allowance = self.request_timeout
        elif request_type in INSTANT_REQUESTS:  # answered by obs-websocket's own thread, in ms
            allowance = min(self.answer_timeout, HEARTBEAT_ANSWER_S)
        else:
            allowance = self.answer_timeout
        self._inflight = (time.monotonic(), allowance)
        try:
            answer = conn.requests.send(request_type, data, raw=True)
        finally:
            self._inflight = None
        return dict(answer or {})

    def _not_connected_message(self) -> str:
        if self.state in (LinkState.AUTH_FAILED, LinkState.TOO_OLD, LinkState.RECONNECTING):
            return self._status.message
        return translate("ObsLink", "Not connected to OBS.")

    # ----- connecting --------------------------------------------------------------------------
    async def _supervise(self) -> None:
        failures = 0
        while True:
            self._wake.clear()
            await self._attempt()
            if self.state is LinkState.CONNECTED:
                failures = 0
                heartbeat = spawn(self._heartbeat(self._generation), name="obs-heartbeat")
                waiter = asyncio.ensure_future(self._lost.wait())
                try:
                    await waiter
                finally:
                    heartbeat.cancel()
                    waiter.cancel()
                await self._drop_connection()
                # OBS may be restarting: first retry at once, then back off.
                continue
            if self.state is LinkState.AUTH_FAILED:
                await self._wake.wait()  # a new password (configure) or an explicit retry
                continue
            delay = self.backoff[min(failures, len(self.backoff) - 1)]
            delay *= random.uniform(0.8, 1.2)  # jitter: many consoles must not hammer OBS in step
            failures += 1
            self._set_status(replace(self._status, retry_in=round(delay, 1), attempt=failures))
            # Nothing listened on the port: watch it and try the moment it opens. A port that
            # answered but not as OBS (silent, too old) is left to the backoff: no retry storm.
            watch = spawn(self._watch_port(self._target), name="obs-port-watch") \
                if self._last_refused and self.port_watch_interval > 0 else None
            try:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=delay)
            finally:
                if watch is not None:
                    watch.cancel()

    async def _watch_port(self, target: ConnectionTarget) -> None:
        """Wake the supervisor as soon as something accepts connections on OBS's port."""
        while True:
            try:
                _, writer = await asyncio.wait_for(asyncio.open_connection(target.host, target.port),
                                                   timeout=max(0.5, self.port_watch_interval))
            except (OSError, TimeoutError):
                await asyncio.sleep(self.port_watch_interval)
                continue
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()
            if target == self._target:
                self._wake.set()
            return

    async def _attempt(self) -> None:
        assert self._loop is not None
        self.attempts += 1
        self._lost.clear()
        was_connected_before = self.state in (LinkState.CONNECTED, LinkState.RECONNECTING)
        if self.state is LinkState.RECONNECTING:
            # Keep saying why the last try failed; only the countdown goes.
            self._set_status(replace(self._status, retry_in=None))
        else:
            self._set_status(LinkStatus(
                LinkState.RECONNECTING if was_connected_before else LinkState.CONNECTING,
                translate("ObsLink", "Connecting to OBS at {where}…").format(where=self._target.describe()),
                attempt=self._status.attempt))
        self._generation += 1
        generation = self._generation
        target = self._target
        try:
            version = await self._loop.run_in_executor(self._executor, self._open_on_worker,
                                                       generation, target)
        except ProbeFailure as failure:
            self._last_refused = failure.refused
            self._set_status(LinkStatus(failure.state, failure.message, attempt=self._status.attempt))
            return
        except Exception as e:  # anything else obsws-python raised while connecting
            self._last_refused = False
            log.warning("connecting to OBS failed: %s", type(e).__name__)
            self._set_status(LinkStatus(LinkState.RECONNECTING, translate(
                "ObsLink", "Could not connect to OBS at {where}. Retrying.").format(
                    where=target.describe())))
            return
        self._last_answer = time.monotonic()
        self._set_status(LinkStatus(
            LinkState.CONNECTED,
            translate("ObsLink", "Connected to OBS {obs} (WebSocket {ws}).").format(
                obs=version.get("obsVersion", "?"), ws=version.get("obsWebSocketVersion", "?")),
            obs_version=str(version.get("obsVersion", "")),
            websocket_version=str(version.get("obsWebSocketVersion", "")),
            platform=str(version.get("platformDescription", "")),
            program_scene=str(version.get("_programScene", ""))))
        self.connected.emit()

    def _open_on_worker(self, generation: int, target: ConnectionTarget) -> dict[str, Any]:
        import obsws_python  # here, on the worker: the window does not wait for it
        from obsws_python.error import OBSSDKRequestError

        self._close_on_worker()
        probe(target, self.connect_timeout)
        common = {"host": target.host, "port": target.port, "password": target.password,
                  "timeout": self.connect_timeout}
        requests = obsws_python.ReqClient(**common)
        try:
            requests.base_client.ws.settimeout(self.request_timeout)
            events = obsws_python.EventClient(**common)
        except Exception:
            requests.base_client.ws.shutdown()
            raise
        events.callback = _EventForwarder(
            lambda event_type, data: self._hand_event_to_loop(generation, event_type, data))
        self._conn = _Connection(generation, requests, events)
        version = dict(requests.send("GetVersion", raw=True) or {})
        # Read before CONNECTED is announced, so nobody shows the previous connection's scene.
        with contextlib.suppress(OBSSDKRequestError):
            program = requests.send("GetCurrentProgramScene", raw=True) or {}
            version["_programScene"] = program.get("currentProgramSceneName") or program.get("sceneName") or ""
        return version

    def _close_on_worker(self) -> None:
        if self._conn is not None:
            self._conn.abort()
            self._conn = None

    async def _drop_connection(self) -> None:
        if self._loop is None:
            return
        try:
            await self._loop.run_in_executor(self._executor, self._close_on_worker)
        except RuntimeError:  # executor already shut down
            pass

    def _connection_lost(self, generation: int, message: str) -> None:
        if generation != self._generation or self.state is not LinkState.CONNECTED:
            return
        self._set_status(LinkStatus(LinkState.RECONNECTING, message,
                                    obs_version=self._status.obs_version,
                                    websocket_version=self._status.websocket_version))
        self._lost.set()

    async def _heartbeat(self, generation: int) -> None:
        """A dead or frozen peer is noticed within about ``heartbeat_interval / 2 + answer_timeout``.

        When nothing came from OBS for half an interval, a GetVersion goes out (not awaited here);
        whatever request the worker waits on, once it waits longer than ``answer_timeout`` OBS is
        called not answering, the sockets are cut (waking the worker) and the link reconnects.
        """
        check = min(0.1, self.heartbeat_interval / 4)
        ping: asyncio.Task[dict[str, Any]] | None = None
        try:
            while True:
                await asyncio.sleep(check)
                conn = self._conn
                if conn is None or conn.generation != generation:
                    return
                if not conn.events_alive():
                    self._connection_lost(generation, translate(
                        "ObsLink", "OBS went away. Reconnecting as soon as it is back…"))
                    return
                now = time.monotonic()
                inflight = self._inflight
                if inflight is not None and now - inflight[0] > inflight[1]:
                    log.warning("OBS has not answered for %.1f s: treating it as frozen", now - inflight[0])
                    self._connection_lost(generation, translate(
                        "ObsLink", "OBS not answering: it may be frozen or overloaded. Reconnecting as soon "
                        "as it answers…"))
                    conn.abort()  # wakes the worker blocked on the frozen socket
                    return
                if (ping is None or ping.done()) and now - self._last_answer >= self.heartbeat_interval / 2:
                    ping = spawn(self._ping(), name="obs-heartbeat-ping")
        finally:
            if ping is not None:
                ping.cancel()

    async def _ping(self) -> dict[str, Any]:
        try:
            return await self.request("GetVersion")
        except (ObsNotConnected, ObsRequestFailed):
            return {}

    # ----- events ------------------------------------------------------------------------------
    def _hand_event_to_loop(self, generation: int, event_type: str, data: dict[str, Any]) -> None:
        # Runs on obsws-python's event thread: hand over, touch nothing here.
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            loop.call_soon_threadsafe(self._dispatch_event, generation, event_type, data)
        except RuntimeError:  # loop closing
            pass

    def _dispatch_event(self, generation: int, event_type: str, data: dict[str, Any]) -> None:
        if generation != self._generation:
            return  # from a connection we already dropped
        self._last_answer = time.monotonic()
        if event_type == "ExitStarted":
            self._connection_lost(generation, translate(
                "ObsLink", "OBS is closing. Reconnecting as soon as it is back…"))
        self.event.emit(event_type, data)
        slot = self._event_slots.get(event_type)
        if slot is not None:
            slot.emit(data)


class _StaleConnection(Exception):
    """The request was queued for a connection that has since been dropped."""
