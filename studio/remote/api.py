"""The local control API: HTTP + WebSocket inside the app's running loop (aiohttp ``AppRunner`` +
``TCPSite``; never ``web.run_app``, which would own the loop and the signals).

Routes (all under ``/api/v1`` need the token: ``Authorization: Bearer …``, ``X-Studio-Token`` or
``?token=`` — the last one for a stock Stream Deck "Website" button, which sends a bare GET):

- ``GET  /api/v1/actions``            the pad now: ids, labels, enabled, why not
- ``POST|GET /api/v1/actions/{id}/run`` press a key (``?source=streamdeck|companion|phone|api``,
  ``?confirmed=1`` to answer "interrupt the explanation?"). 200 done, 207 partly done, 409 not
  sent (a rule, or a question to confirm), 502 failed, 404 no such key
- ``GET  /api/v1/state``              on air, next, timers, health, keys
- ``GET  /api/v1/ws``                 a WebSocket streaming the state on every change
- ``GET  /``                          the phone page (static, no data in it; it calls the API)

Every press goes through ``pad.run(key_id, source=...)``: the same rules, feedback and log as a
click. Guards, in this order: Host header (DNS rebinding) → rate limit → cross-site browser request
(Origin / Sec-Fetch-Site) → token. Requests are not access-logged: a URL can carry the token.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable, Iterable
from importlib import resources
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

from studio.errors import UserError
from studio.i18n import translate
from studio.remote import auth
from studio.remote.state import RemoteState, key_dict
from studio.tasks import every, spawn

log = logging.getLogger(__name__)

API = "/api/v1"
SOURCES = ("api", "phone", "streamdeck", "companion")
TRUE_WORDS = ("1", "true", "yes", "on")
STATIC_FILES = {"/": ("index.html", "text/html"), "/phone.js": ("phone.js", "application/javascript"),
                "/phone.css": ("phone.css", "text/css")}
# A phone's clock on the page only needs a beat a second; changes go out at once.
BEAT_SECONDS = 1.0
HTTP_FOR_STATUS = {"sent": 200, "partial": 207, "ask": 409, "refused": 409, "failed": 502}
CLOSE_TOKEN_ROTATED = 4001

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class PortInUse(UserError):
    pass


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(text=json.dumps(data, ensure_ascii=False), status=status,
                        content_type="application/json", headers={"Cache-Control": "no-store", **(headers or {})})


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    return _json({"ok": False, "status": "error", "message": message}, status, headers)


def _static_text(name: str) -> str:
    return resources.files("studio.remote").joinpath("static", name).read_text(encoding="utf-8")


class RemoteApi:
    """``RemoteApi(state, token, addresses=("127.0.0.1",), port=0)``; ``await start()`` binds one
    site per address (127.0.0.1 always; a LAN address only when given), ``await stop()``.

    ``token`` may be replaced while running (``set_token``): open WebSockets are closed."""

    def __init__(self, state: RemoteState, token: str, *, addresses: Iterable[str] = ("127.0.0.1",),
                 port: int = 0, limiter: auth.RateLimiter | None = None,
                 failures: auth.RateLimiter | None = None) -> None:
        self.state = state
        self._token = token
        self.addresses = tuple(dict.fromkeys(addresses))
        self.requested_port = port
        self.port = 0
        # Every request from one client: bursts of a Stream Deck are fine, a flood is not.
        self.limiter = limiter or auth.RateLimiter(rate=10.0, burst=30.0)
        # Wrong tokens: ten tries, then one every five seconds (a guess is hopeless anyway).
        self.failures = failures or auth.RateLimiter(rate=0.2, burst=10.0)
        self._runner: web.AppRunner | None = None
        self._allowed_hosts: frozenset[str] = frozenset()
        self._sockets: dict[web.WebSocketResponse, asyncio.Event] = {}
        self._latest = ""
        self._push_scheduled = False
        self._beat: asyncio.Task[None] | None = None
        self._unbind: Callable[[], None] | None = None
        self._static: dict[str, str] = {}

    # --- life -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._runner is not None

    def url(self, address: str | None = None) -> str:
        host = address or self.addresses[0]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.port}"

    async def start(self) -> None:
        if self._runner is not None:
            return
        self._static = {path: await asyncio.to_thread(_static_text, name)
                        for path, (name, _) in STATIC_FILES.items()}
        app = web.Application(middlewares=[self._guard], client_max_size=16 * 1024)
        app.router.add_get(f"{API}/actions", self._on_actions)
        app.router.add_route("*", f"{API}/actions/{{key_id}}/run", self._on_run)
        app.router.add_route("*", f"{API}/actions/{{key_id}}/fix", self._on_fix)
        app.router.add_get(f"{API}/state", self._on_state)
        app.router.add_get(f"{API}/ws", self._on_ws)
        for path in STATIC_FILES:
            app.router.add_get(path, self._on_static)
        app.router.add_get("/favicon.ico", self._on_favicon)
        # No access log: a Stream Deck's URL carries the token in its query.
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        port = self.requested_port
        try:
            for address in self.addresses:
                site = web.TCPSite(runner, address, port, reuse_address=True)
                await site.start()
                if port == 0:  # the first site picks a free port; the others share it
                    port = int(runner.addresses[0][1])
        except OSError as e:
            await runner.cleanup()
            raise PortInUse(translate(
                "RemoteApi", "The remote control could not listen on {address} port {port} ({error}). "
                             "Another program may use that port: pick another port in the remote "
                             "control settings.").format(address=address, port=port, error=e.strerror or e)
            ) from None
        self.port = port
        self._runner = runner
        self._allowed_hosts = auth.host_names(self.addresses, port)
        self._unbind = self.state.changed.connect(self._on_state_changed)
        self._beat = spawn(self._beat_loop(), name="remote-beat")
        log.info("remote control listening on %s", ", ".join(self.url(a) for a in self.addresses))

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is None:
            return
        if self._unbind is not None:
            self._unbind()
            self._unbind = None
        if self._beat is not None:
            self._beat.cancel()
            await asyncio.gather(self._beat, return_exceptions=True)
            self._beat = None
        await self._close_sockets(WSCloseCode.GOING_AWAY, b"stopped")
        await runner.cleanup()
        log.info("remote control stopped")

    def set_token(self, token: str) -> None:
        """A rotated token: from now on only the new one opens the door; open sockets close."""
        self._token = token
        if self._sockets:
            spawn(self._close_sockets(CLOSE_TOKEN_ROTATED, b"token rotated"), name="remote-close-sockets")

    async def _close_sockets(self, code: int, message: bytes) -> None:
        sockets = list(self._sockets)
        await asyncio.gather(*(ws.close(code=code, message=message) for ws in sockets), return_exceptions=True)

    # --- guards ---------------------------------------------------------------------------

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not auth.host_allowed(request.headers.get("Host"), self._allowed_hosts):
            return _error(403, translate("RemoteApi", "This address is not the console's."))
        client = request.remote or "?"
        wait = self.limiter.retry_after(client)
        if wait is not None:
            return _error(429, translate("RemoteApi", "Too many requests. Wait a moment, then press again."),
                          {"Retry-After": str(max(1, round(wait)))})
        if not request.path.startswith(API + "/"):
            return await handler(request)
        if not (auth.origin_allowed(request.headers.get("Origin"), self._allowed_hosts)
                and auth.fetch_site_allowed(request.headers.get("Sec-Fetch-Site"))):
            return _error(403, translate("RemoteApi", "A request from another web page is refused."))
        given = (auth.bearer(request.headers.get("Authorization")) or request.headers.get("X-Studio-Token")
                 or request.query.get("token"))
        if not auth.token_matches(given, self._token):
            wait = self.failures.retry_after(client)
            if wait is not None:
                return _error(429, translate("RemoteApi", "Too many wrong tokens. Wait, then scan the "
                                                          "console's QR code again."),
                              {"Retry-After": str(max(1, round(wait)))})
            log.warning("remote control: refused a request without a valid token from %s", client)
            return _error(401, translate("RemoteApi", "The token is missing or wrong. Scan the QR code "
                                                      "in the console's remote control settings again."),
                          {"WWW-Authenticate": "Bearer"})
        return await handler(request)

    # --- routes ---------------------------------------------------------------------------

    async def _on_static(self, request: web.Request) -> web.StreamResponse:
        _, content_type = STATIC_FILES[request.path]
        host = request.headers.get("Host", "")
        return web.Response(text=self._static[request.path], content_type=content_type, charset="utf-8",
                            headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
                                     "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff",
                                     "Content-Security-Policy":
                                         f"default-src 'self'; connect-src 'self' ws://{host}; "
                                         "img-src 'self' data:; frame-ancestors 'none'"})

    async def _on_favicon(self, request: web.Request) -> web.StreamResponse:
        return web.Response(status=204, headers={"Cache-Control": "max-age=86400"})

    async def _on_actions(self, request: web.Request) -> web.StreamResponse:
        return _json({"target": self.state.pad.target_label, "keys": self.state.keys()})

    async def _on_state(self, request: web.Request) -> web.StreamResponse:
        return _json(self.state.snapshot())

    async def _on_run(self, request: web.Request) -> web.StreamResponse:
        confirmed = request.query.get("confirmed", "").lower() in TRUE_WORDS
        return await self._press(request, lambda key_id, source: self.state.pad.run(
            key_id, source=source, confirmed=confirmed))

    async def _on_fix(self, request: web.Request) -> web.StreamResponse:
        """The one-click fix a key offers after a refusal (``key.fix``), e.g. add to the room and push."""
        return await self._press(request, lambda key_id, source: self.state.pad.run_fix(key_id, source=source))

    async def _press(self, request: web.Request, call: Callable[[str, str], Awaitable[Any]]) -> web.StreamResponse:
        if request.method not in ("GET", "POST"):
            return _error(405, translate("RemoteApi", "Use GET or POST to press a key."), {"Allow": "GET, POST"})
        key_id = request.match_info["key_id"]
        pad = self.state.pad
        try:
            pad.key(key_id)
        except KeyError:
            return _error(404, translate("RemoteApi", "There is no key “{key}” on the pad.").format(key=key_id))
        source = request.query.get("source", "api")
        if source not in SOURCES:
            source = "api"
        try:
            result = await call(key_id, source)
        except UserError as e:
            return _json({"ok": False, "status": "error", "message": str(e), "key": key_dict(pad.key(key_id))}, 409)
        except Exception:
            log.exception("remote press of %s failed", key_id)
            return _error(500, translate("RemoteApi", "The key could not be pressed (an unexpected error, written "
                                                      "to the console's log). Use the console's own pad."))
        status = getattr(result.status, "value", str(result.status))
        body = {"ok": status == "sent", "status": status, "message": result.message,
                "key": key_dict(pad.key(key_id)),
                "targets": [{"target": t.target, "name": t.name, "outcome": getattr(t.outcome, "value", t.outcome),
                             "message": t.message} for t in getattr(result, "targets", [])]}
        return _json(body, HTTP_FOR_STATUS.get(status, 200))

    async def _on_ws(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(heartbeat=15.0, max_msg_size=4096)
        await ws.prepare(request)
        wake = asyncio.Event()
        self._sockets[ws] = wake
        sender = spawn(self._send_loop(ws, wake), name="remote-ws-send")
        await ws.send_str(self._message())
        try:
            async for message in ws:  # the page sends nothing we act on; presses go over HTTP
                if message.type == WSMsgType.ERROR:
                    break
        finally:
            self._sockets.pop(ws, None)
            sender.cancel()
            await asyncio.gather(sender, return_exceptions=True)
        return ws

    # --- pushing the state ----------------------------------------------------------------

    def _message(self) -> str:
        self._latest = json.dumps({"type": "state", **self.state.snapshot()}, ensure_ascii=False)
        return self._latest

    def _on_state_changed(self) -> None:
        # Several changes in one loop turn (a press changes the pad and the rundown) → one message.
        if self._push_scheduled or not self._sockets:
            return
        self._push_scheduled = True
        asyncio.get_running_loop().call_soon(self._push)

    def _push(self) -> None:
        self._push_scheduled = False
        if not self._sockets:
            return
        self._message()
        for wake in self._sockets.values():
            wake.set()

    async def _send_loop(self, ws: web.WebSocketResponse, wake: asyncio.Event) -> None:
        # One sender per client, always the newest state: a slow phone skips states, never piles up.
        while not ws.closed:
            await wake.wait()
            wake.clear()
            with contextlib.suppress(ConnectionError, RuntimeError):
                await ws.send_str(self._latest)

    async def _beat_loop(self) -> None:
        await every(BEAT_SECONDS, self._beat_once, what="remote state beat")  # one bad beat never ends it

    def _beat_once(self) -> None:
        if self._sockets:
            self._push()
