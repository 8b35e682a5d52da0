"""A local replica of the Channels web console's structure (视频号助手), for tests only.

It copies what public tools that drive the real console record of its structure, not its look:
- ``/platform/live/liveBuild`` — the live console: the comment box lives inside the wujie
  micro-frontend, a ``wujie-app.wujie_iframe`` host element with an *open shadow root* (not an
  iframe); the send button carries ``disabled`` until the box holds text, and the box empties
  after sending;
- ``/platform/live/commodity/onsale/index`` — the goods page (a second tab): rows with the goods id
  after a checkbox and a 讲解 / 结束讲解 link; sometimes a "送礼物" dialog covers the list;
- redirects: to ``/login.html`` when logged out, to the home page ``/platform`` when not live.

The page records every click and message it received (``GET /_replica/state``); a test changes
its state with ``POST /_replica/control`` (``logged_in``, ``live``, ``variant`` = "changed" renames
the classes as a console update would, ``dialog``, ``cover`` = a transparent layer the map does
not know over the whole goods page, ``delay_ms`` before a click takes effect).
It runs on 127.0.0.1 in a thread of its own, so sync and async tests can use it alike.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.lab.threads import in_thread

COOKIE = "replica_session"


@dataclass
class ReplicaState:
    logged_in: bool = True
    live: bool = True
    variant: str = "normal"  # "changed": a console update renamed its classes
    dialog: bool = False  # the "送礼物" pop-up covering the goods list
    cover: bool = False  # an element the console map does not know lies over the goods list
    delay_ms: int = 0  # how long the console takes to flip a 讲解 link
    scanned: bool = False  # the person has scanned the login QR code with the phone
    goods: list[dict[str, Any]] = field(default_factory=lambda: [
        {"id": "10000001", "name": "保温杯"}, {"id": "10000002", "name": "帆布包"},
        {"id": "10000003", "name": "防晒霜"}])
    explaining: set[str] = field(default_factory=set)
    records: list[dict[str, Any]] = field(default_factory=list)
    session: str = field(default_factory=lambda: secrets.token_hex(8))


_LIVE_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>直播中控台</title></head><body>
<div class="account-info"><span class="finder-nickname">测试小店</span></div>
<wujie-app class="wujie_iframe"></wujie-app>
<script>
const host = document.querySelector('wujie-app');
const root = host.attachShadow({mode: 'open'});
root.innerHTML = `<div class="live-message-container"><div class="live-message-list"></div>
  <div class="action-popover" style="display:none"><div class="action-popover__action-item">回复</div>
  <div class="action-popover__action-item">上墙</div></div>
  <div class="__BOX__"><textarea placeholder="说点什么"></textarea><button class="send-btn disabled">发送</button></div>
  </div>`;
const box = root.querySelector('textarea'), send = root.querySelector('.send-btn');
const list = root.querySelector('.live-message-list'), menu = root.querySelector('.action-popover');
let chosen = null;
const record = data => fetch('/_replica/record', {method: 'POST', body: JSON.stringify(data)});
box.addEventListener('input', () => send.classList.toggle('disabled', box.value === ''));
send.addEventListener('click', async () => {
  if (send.classList.contains('disabled')) return;
  const text = box.value;
  await record({kind: 'comment', text});
  box.value = ''; send.classList.add('disabled');
  const item = document.createElement('div');
  item.className = 'live-message-item-container';
  item.innerHTML = '<span class="nickname">测试小店</span><span class="message-content"></span>';
  item.querySelector('.message-content').textContent = text;
  item.addEventListener('click', () => { chosen = text; menu.style.display = 'block'; });
  list.appendChild(item);
});
menu.querySelectorAll('.action-popover__action-item').forEach(a => a.addEventListener('click', async () => {
  menu.style.display = 'none';
  if (a.textContent === '上墙') await record({kind: 'pin', text: chosen});
}));
</script></body></html>"""

_GOODS_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>直播商品</title></head><body>
__DIALOG__
<div class="commodity-list-wrap"><div class="table-body-wrap"><div><span>__ROWS__</span></div></div></div>
<script>
document.querySelectorAll('.close-btn-x').forEach(b => b.addEventListener('click', () =>
  b.closest('.weui-desktop-dialog').remove()));
document.querySelectorAll('.action-link span').forEach(link => link.addEventListener('click', async () => {
  const id = link.dataset.id;
  const r = await fetch('/_replica/toggle', {method: 'POST', body: JSON.stringify({id})});
  link.textContent = (await r.json()).text;
}));
</script></body></html>"""

_ROW = """<div class="table-row-wrap"><input type="checkbox"><span>{id}</span><span class="name">{name}</span>
<div class="__PROMO__"><a class="action-link"><span class="__LINK__" data-id="{id}">{text}</span></a></div></div>"""

_DIALOG = """<div class="weui-desktop-dialog"><p>直播间讲解支持「送礼物」模式</p>
<button class="weui-desktop-dialog__close-btn-x close-btn-x">×</button></div>"""


_COVER = """<div class="guide-mask" style="position:fixed;inset:0;z-index:9;background:transparent"></div>"""


class ChannelsReplica:
    def __init__(self) -> None:
        self.state = ReplicaState()
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # --- pages -----------------------------------------------------------------------------

    def _logged_in(self, request: web.Request) -> bool:
        return self.state.logged_in and request.cookies.get(COOKIE) == self.state.session

    async def _login_page(self, request: web.Request) -> web.Response:
        return web.Response(content_type="text/html", text="""<!doctype html><meta charset="utf-8">
<title>登录</title><div class="login-qrcode">请用微信扫码登录</div>
<script>setInterval(async () => {  // the real page polls until the phone has scanned the code
  if ((await (await fetch('/_replica/scanned')).json()).scanned) location = '/_replica/scan';
}, 200);</script>""")

    async def _scanned(self, request: web.Request) -> web.Response:
        return web.json_response({"scanned": self.state.scanned})

    async def _scan(self, request: web.Request) -> web.Response:
        with self._lock:
            self.state.logged_in, self.state.scanned = True, False
        response = web.HTTPFound("/platform")
        response.set_cookie(COOKIE, self.state.session, max_age=86400)  # a login that outlives the browser
        raise response

    async def _home(self, request: web.Request) -> web.Response:
        if not self._logged_in(request):
            raise web.HTTPFound("/login.html")
        return web.Response(content_type="text/html", text="""<!doctype html><meta charset="utf-8">
<div class="account-info"><span class="finder-nickname">测试小店</span></div><p>视频号助手首页</p>""")

    async def _live(self, request: web.Request) -> web.Response:
        if not self._logged_in(request):
            raise web.HTTPFound("/login.html")
        if not self.state.live:
            raise web.HTTPFound("/platform")
        box = "live-message-input-container" if self.state.variant == "normal" else "live-msg-editor-v2"
        return web.Response(content_type="text/html", text=_LIVE_PAGE.replace("__BOX__", box))

    async def _goods(self, request: web.Request) -> web.Response:
        if not self._logged_in(request):
            raise web.HTTPFound("/login.html")
        if not self.state.live:
            raise web.HTTPFound("/platform")
        changed = self.state.variant != "normal"
        rows = "".join(
            _ROW.format(id=g["id"], name=g["name"],
                        text="结束讲解" if g["id"] in self.state.explaining else "讲解")
            .replace("__PROMO__", "promote-v2" if changed else "promoting-wrap")
            .replace("__LINK__", "explain-btn" if changed else "promoting-btn")
            for g in self.state.goods)
        page = _GOODS_PAGE.replace("__ROWS__", rows).replace(
            "__DIALOG__", (_DIALOG if self.state.dialog else "") + (_COVER if self.state.cover else ""))
        return web.Response(content_type="text/html", text=page)

    # --- what the page sends ---------------------------------------------------------------

    async def _record(self, request: web.Request) -> web.Response:
        data = json.loads(await request.text())
        with self._lock:
            self.state.records.append(data)
        return web.json_response({"ok": True})

    async def _toggle(self, request: web.Request) -> web.Response:
        data = json.loads(await request.text())
        if self.state.delay_ms:
            await asyncio.sleep(self.state.delay_ms / 1000)
        goods_id = str(data["id"])
        with self._lock:
            on = goods_id not in self.state.explaining
            if on:
                self.state.explaining = {goods_id}  # one product explained at a time
            else:
                self.state.explaining.discard(goods_id)
            self.state.records.append({"kind": "explain" if on else "end_explain", "id": goods_id})
        return web.json_response({"text": "结束讲解" if on else "讲解"})

    async def _control(self, request: web.Request) -> web.Response:
        data = json.loads(await request.text())
        self.control(**data)
        return web.json_response({"ok": True})

    async def _state(self, request: web.Request) -> web.Response:
        return web.json_response(self.snapshot())

    # --- for tests -------------------------------------------------------------------------

    def control(self, **changes: Any) -> None:
        with self._lock:
            for key, value in changes.items():
                if key == "logged_in" and not value:
                    self.state.session = secrets.token_hex(8)  # every saved cookie is now stale
                if not hasattr(self.state, key):
                    raise KeyError(key)
                setattr(self.state, key, value)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {"records": list(self.state.records), "explaining": sorted(self.state.explaining),
                    "live": self.state.live, "logged_in": self.state.logged_in}

    def log_in_cookie(self) -> dict[str, Any]:
        """The cookie a logged-in browser profile holds (Playwright's add_cookies shape)."""
        import time

        return {"name": COOKIE, "value": self.state.session, "url": self.base_url, "expires": time.time() + 86400}

    # --- lifecycle -------------------------------------------------------------------------

    def start(self) -> ChannelsReplica:
        ready = threading.Event()

        def main() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            app = web.Application()
            app.add_routes([
                web.get("/login.html", self._login_page), web.get("/_replica/scan", self._scan),
                web.get("/_replica/scanned", self._scanned),
                web.get("/platform", self._home), web.get("/platform/", self._home),
                web.get("/platform/live/liveBuild", self._live),
                web.get("/platform/live/commodity/onsale/index", self._goods),
                web.post("/_replica/record", self._record), web.post("/_replica/toggle", self._toggle),
                web.post("/_replica/control", self._control), web.get("/_replica/state", self._state)])
            self._runner = web.AppRunner(app, access_log=None)
            loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            loop.run_until_complete(site.start())
            server = site._server
            assert server is not None
            self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._runner.cleanup())
            loop.close()

        self._thread = threading.Thread(target=main, name="channels-replica", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the Channels replica did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)


def logged_in_profile(replica: ChannelsReplica, profile: Any) -> None:
    """Put the replica's login cookie into a browser profile, as a past QR-code login would have."""
    import asyncio as _asyncio

    from playwright.async_api import async_playwright

    from studio.room.channels.console import BROWSER_ARGS, find_browser

    async def main() -> None:
        async with async_playwright() as p:
            context = await p.chromium.launch_persistent_context(
                str(profile), executable_path=find_browser(), headless=True,
                args=[*BROWSER_ARGS, "--no-sandbox"])
            await context.add_cookies([replica.log_in_cookie()])
            await context.close()

    # on a thread of its own: callers may be inside a running loop
    in_thread(lambda: _asyncio.run(main()), "putting the login cookie into the profile").result(timeout=60)
