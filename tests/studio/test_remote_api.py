"""The local control API over real HTTP on loopback, with a fake pad (the real pad: tests/integration).

Run / refuse / 401 / rate limit, the Host and Origin guards (DNS rebinding, a cross-site form),
the token in every place a client may put it and nowhere in the logs, a fuzz of the routes without
the token, and the WebSocket's state push (measured and printed; only a generous bound asserted).
"""

from __future__ import annotations

import asyncio
import logging
import random
import socket
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
import pytest

from studio.errors import UserError
from studio.remote import auth
from studio.remote.api import RemoteApi
from studio.remote.state import RemoteState
from studio.show.actions import ActionKind, ActionResult, ActionStatus
from studio.show.rules import Verdict
from tests.fakes.pad import FakeKey, FakePad, sent

TOKEN = "t0k3n-Remote-Api-Test-aaaaaaaaaaaa"


def _pad() -> FakePad:
    refused = ActionResult(ActionKind.ANNOUNCEMENT, "welcome", "欢迎", ActionStatus.REFUSED,
                           refusal=Verdict(False, "公告每 5 分钟最多一次，14:05 后可再发", None, "announcement"))
    ask = ActionResult(ActionKind.COUPON, "c1", "满减券", ActionStatus.ASK)
    return FakePad([FakeKey("push", "F2", "商品上屏", "风扇"), FakeKey("announcement", "F6", "公告", "欢迎"),
                    FakeKey("coupon", "F3", "发券", "满减券"),
                    FakeKey("draw", "F5", "开奖", enabled=False, why_not="没有进行中的抽奖"),
                    FakeKey("boom", "F9", "坏键")],
                   {"push": sent(), "announcement": refused, "coupon": ask,
                    "draw": UserError("没有进行中的抽奖，先发起抽奖。"), "boom": RuntimeError("bug")})


@asynccontextmanager
async def serving(pad: FakePad | None = None, **kwargs) -> AsyncIterator[tuple[RemoteApi, FakePad]]:
    pad = pad or _pad()
    api = RemoteApi(RemoteState(pad), TOKEN, **kwargs)
    await api.start()
    try:
        yield api, pad
    finally:
        await api.stop()


@asynccontextmanager
async def client() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


def test_a_press_with_the_token_runs_the_pad_key_with_its_source(run):
    async def scenario():
        async with serving() as (api, pad), client() as http:
            # A stock Stream Deck "Website" button: a bare GET with the token in the query.
            async with http.get(f"{api.url()}/api/v1/actions/push/run?token={TOKEN}&source=streamdeck") as r:
                assert r.status == 200
                body = await r.json()
            assert body["ok"] is True and body["status"] == "sent"
            assert body["key"]["id"] == "push" and body["key"]["state"] == "ok"
            assert [t["outcome"] for t in body["targets"]] == ["done", "done"]
            # Companion's generic HTTP module: a POST with a header.
            async with http.post(f"{api.url()}/api/v1/actions/push/run?source=companion",
                                 headers={"Authorization": f"Bearer {TOKEN}"}) as r:
                assert r.status == 200
            async with http.post(f"{api.url()}/api/v1/actions/push/run",
                                 headers={"X-Studio-Token": TOKEN}) as r:
                assert r.status == 200
            # An unknown source is not trusted as a label: it is logged as "api".
            async with http.post(f"{api.url()}/api/v1/actions/push/run?source=pad&token={TOKEN}") as r:
                assert r.status == 200
            assert pad.runs == [("push", "streamdeck", False), ("push", "companion", False),
                                ("push", "api", False), ("push", "api", False)]

    run(scenario())


def test_refusals_questions_and_errors_come_back_in_plain_words_with_their_http_status(run):
    async def scenario():
        async with serving() as (api, pad), client() as http:
            headers = {"Authorization": f"Bearer {TOKEN}"}
            async with http.post(f"{api.url()}/api/v1/actions/announcement/run", headers=headers) as r:
                assert r.status == 409
                body = await r.json()
                assert body["status"] == "refused" and "5 分钟" in body["message"]
            async with http.post(f"{api.url()}/api/v1/actions/coupon/run", headers=headers) as r:
                assert r.status == 409 and (await r.json())["status"] == "ask"
            async with http.post(f"{api.url()}/api/v1/actions/coupon/run?confirmed=1", headers=headers) as r:
                assert r.status == 409
            async with http.post(f"{api.url()}/api/v1/actions/draw/run", headers=headers) as r:
                assert r.status == 409
                body = await r.json()
                assert body["message"] == "没有进行中的抽奖，先发起抽奖。" and body["key"]["why_not"]
            async with http.post(f"{api.url()}/api/v1/actions/boom/run", headers=headers) as r:
                assert r.status == 500 and "bug" not in (await r.text())
            async with http.post(f"{api.url()}/api/v1/actions/nope/run", headers=headers) as r:
                assert r.status == 404
            async with http.put(f"{api.url()}/api/v1/actions/push/run", headers=headers) as r:
                assert r.status == 405
            assert pad.runs == [("announcement", "api", False), ("coupon", "api", False),
                                ("coupon", "api", True), ("draw", "api", False), ("boom", "api", False)]

    run(scenario())


def test_actions_and_state_list_the_pad(run):
    async def scenario():
        async with serving() as (api, _), client() as http:
            headers = {"Authorization": f"Bearer {TOKEN}"}
            async with http.get(f"{api.url()}/api/v1/actions", headers=headers) as r:
                body = await r.json()
            assert body["target"] == "演练（不发送）"
            draw = next(k for k in body["keys"] if k["id"] == "draw")
            assert draw == {"id": "draw", "shortcut": "F5", "label": "开奖", "subject": "", "enabled": False,
                            "why_not": "没有进行中的抽奖", "state": "idle", "last_result": "", "fix": None}
            async with http.get(f"{api.url()}/api/v1/state", headers=headers) as r:
                state = await r.json()
            assert state["v"] == 1 and len(state["keys"]) == 5 and state["show"] is None

    run(scenario())


def test_without_the_right_token_nothing_runs_and_the_answer_is_401(run):
    async def scenario():
        async with serving(failures=auth.RateLimiter(rate=1e6, burst=1e6)) as (api, pad), client() as http:
            base = f"{api.url()}/api/v1/actions/push/run"
            for url, headers in [(base, {}), (f"{base}?token=", {}), (f"{base}?token={TOKEN[:-1]}", {}),
                                 (f"{base}?token={TOKEN}x", {}), (f"{base}?token={TOKEN.upper()}", {}),
                                 (base, {"Authorization": f"Basic {TOKEN}"}),
                                 (base, {"Cookie": f"token={TOKEN}"}),
                                 (f"{base}?Token={TOKEN}", {})]:
                async with http.post(url, headers=headers) as r:
                    assert r.status == 401, url
                    assert r.headers["WWW-Authenticate"] == "Bearer"
                    assert "扫" in (await r.json())["message"] or "QR" in (await r.json())["message"]
            for path in ("/api/v1/actions", "/api/v1/state", "/api/v1/ws"):
                async with http.get(api.url() + path) as r:
                    assert r.status == 401
            assert pad.runs == []

    run(scenario())


def test_fuzzing_the_routes_without_the_token_never_runs_anything(run):
    rng = random.Random(18)
    words = ["api", "v1", "actions", "push", "run", "state", "ws", "..", "%2e%2e", "", "coupon", "%00",
             "run/", "actions%2Fpush", "v2", "RUN", "push;token=x", "draw", "static", "index.html"]
    methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]
    near = [TOKEN[:-1], TOKEN + "=", TOKEN[1:], " " + TOKEN, TOKEN.swapcase(), "", "null", "undefined"]

    async def scenario():
        async with serving(limiter=auth.RateLimiter(rate=1e6, burst=1e6),
                           failures=auth.RateLimiter(rate=1e6, burst=1e6)) as (api, pad), client() as http:
            statuses: dict[int, int] = {}
            for _ in range(400):
                path = "/" + "/".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
                if rng.random() < 0.5:
                    path = "/api/v1/" + "/".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
                query = rng.choice(["", f"?token={rng.choice(near)}", "?source=phone&confirmed=1",
                                    f"?tok={TOKEN}", f"?x=1&token={rng.choice(near)}&token2={TOKEN}"])
                headers = rng.choice([{}, {"Authorization": f"Bearer {rng.choice(near)}"},
                                      {"X-Studio-Token": rng.choice(near)}, {"Authorization": TOKEN},
                                      {"X-Token": TOKEN}])
                method = rng.choice(methods)
                async with http.request(method, api.url() + path + query, headers=headers,
                                        allow_redirects=False) as r:
                    statuses[r.status] = statuses.get(r.status, 0) + 1
                    if r.status < 400:
                        # Only the static phone page may answer without the token.
                        assert method in ("GET", "HEAD") and not path.startswith("/api/"), (method, path, r.status)
            print(f"\nfuzz: statuses {dict(sorted(statuses.items()))}")
            assert pad.runs == []
            assert statuses.get(401, 0) > 50  # the fuzz did reach the guarded routes

    run(scenario(), timeout=60)


def test_a_dns_rebinding_host_is_refused_even_with_the_token(run):
    async def scenario():
        async with serving() as (api, pad), client() as http:
            url = f"{api.url()}/api/v1/actions/push/run?token={TOKEN}"
            for host in (f"evil.example:{api.port}", "evil.example", f"127.0.0.1.evil.example:{api.port}",
                         f"127.0.0.1:{api.port + 1}", ""):
                async with http.post(url, headers={"Host": host}) as r:
                    assert r.status == 403, host
            async with http.get(f"{api.url()}/", headers={"Host": f"evil.example:{api.port}"}) as r:
                assert r.status == 403
            for host in (f"127.0.0.1:{api.port}", f"localhost:{api.port}", f"LOCALHOST:{api.port}"):
                async with http.post(url, headers={"Host": host}) as r:
                    assert r.status == 200, host
            assert len(pad.runs) == 3

    run(scenario())


def test_a_cross_site_page_cannot_press_even_knowing_the_url(run):
    async def scenario():
        async with serving() as (api, pad), client() as http:
            url = f"{api.url()}/api/v1/actions/push/run?token={TOKEN}"
            # A form on another site posting to the console (the browser adds Origin and Sec-Fetch-Site).
            form = {"Origin": "http://evil.example", "Content-Type": "application/x-www-form-urlencoded",
                    "Sec-Fetch-Site": "cross-site"}
            for headers in (form, {"Origin": "http://evil.example"}, {"Origin": "null"},
                            {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
                            {"Origin": f"https://127.0.0.1:{api.port}"},
                            {"Origin": f"http://127.0.0.1:{api.port + 1}"}):
                async with http.post(url, headers=headers, data="a=1") as r:
                    assert r.status == 403, headers
            # An <img src> on another page: a GET with Sec-Fetch-Site: cross-site.
            async with http.get(url, headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Dest": "image"}) as r:
                assert r.status == 403
            assert pad.runs == []
            # The console's own phone page may.
            async with http.post(url, headers={"Origin": api.url(), "Sec-Fetch-Site": "same-origin"}) as r:
                assert r.status == 200
            assert pad.runs == [("push", "api", False)]

    run(scenario())


def test_websocket_refuses_another_origin_and_a_missing_token(run):
    async def scenario():
        async with serving() as (api, _), client() as http:
            ws_url = f"ws://127.0.0.1:{api.port}/api/v1/ws"
            for url, headers in [(f"{ws_url}?token={TOKEN}", {"Origin": "http://evil.example"}),
                                 (f"{ws_url}?token={TOKEN}", {"Origin": "http://localhost.evil.example"}),
                                 (ws_url, {}), (f"{ws_url}?token=wrong", {"Origin": api.url()})]:
                with pytest.raises(aiohttp.WSServerHandshakeError) as error:
                    async with http.ws_connect(url, headers=headers):
                        pass
                assert error.value.status in (401, 403)
            async with http.ws_connect(f"{ws_url}?token={TOKEN}", headers={"Origin": api.url()}) as ws:
                first = await ws.receive_json(timeout=5)
                assert first["type"] == "state"

    run(scenario())


def test_websocket_pushes_a_change_at_once(run, monkeypatch):
    monkeypatch.setattr("studio.remote.api.BEAT_SECONDS", 60.0)  # only the change itself can deliver it

    async def scenario():
        async with serving() as (api, pad), client() as http, \
                http.ws_connect(f"ws://127.0.0.1:{api.port}/api/v1/ws?token={TOKEN}") as ws:
            first = await ws.receive_json(timeout=5)
            assert next(k for k in first["keys"] if k["id"] == "draw")["enabled"] is False
            delays = []
            for n in range(10):
                await asyncio.sleep(0.05)
                changed_at = time.perf_counter()
                pad.set_key("draw", enabled=n % 2 == 0, why_not="")
                while True:
                    message = await ws.receive_json(timeout=5)
                    if next(k for k in message["keys"] if k["id"] == "draw")["enabled"] is (n % 2 == 0):
                        break
                delays.append((time.perf_counter() - changed_at) * 1000)
            print(f"\nWebSocket: change → state on the client: median {sorted(delays)[5]:.1f} ms, "
                  f"max {max(delays):.1f} ms (target 100 ms)")
            assert max(delays) < 2000  # generous; with the beat off, it was the change that pushed

    run(scenario())


def test_rate_limit_answers_429_and_nothing_runs_past_it(run):
    async def scenario():
        clock = [0.0]
        limiter = auth.RateLimiter(rate=1.0, burst=3.0, clock=lambda: clock[0])
        failures = auth.RateLimiter(rate=0.1, burst=2.0, clock=lambda: clock[0])
        async with serving(limiter=limiter, failures=failures) as (api, pad), client() as http:
            url = f"{api.url()}/api/v1/actions/push/run?token={TOKEN}"
            codes = []
            for _ in range(5):
                async with http.post(url) as r:
                    codes.append(r.status)
                    if r.status == 429:
                        assert int(r.headers["Retry-After"]) >= 1
            assert codes == [200, 200, 200, 429, 429]
            assert len(pad.runs) == 3
            clock[0] += 10.0  # the bucket refills
            codes = []
            for _ in range(3):  # wrong tokens: two tries, then 429 even if the next one is right
                async with http.post(f"{api.url()}/api/v1/actions/push/run?token=guess") as r:
                    codes.append(r.status)
            assert codes == [401, 401, 429]
            assert len(pad.runs) == 3

    run(scenario())


def test_the_token_is_never_logged(run, caplog):
    caplog.set_level(logging.DEBUG)

    async def scenario():
        async with serving() as (api, _), client() as http:
            async with http.get(f"{api.url()}/api/v1/actions/push/run?token={TOKEN}") as r:
                assert r.status == 200
            async with http.get(f"{api.url()}/api/v1/actions/boom/run?token={TOKEN}") as r:
                assert r.status == 500
            async with http.get(f"{api.url()}/api/v1/actions/push/run?token={TOKEN}x") as r:
                assert r.status == 401
            async with http.ws_connect(f"ws://127.0.0.1:{api.port}/api/v1/ws?token={TOKEN}") as ws:
                await ws.receive_json(timeout=5)

    run(scenario())
    text = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert "refused a request without a valid token" in text  # the log did see these requests
    assert TOKEN not in text and TOKEN[:12] not in text


def test_token_compare_is_constant_time(monkeypatch):
    calls = []
    real = auth.hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    assert auth.token_matches(TOKEN, TOKEN)
    assert not auth.token_matches(TOKEN[:-1] + "b", TOKEN)
    assert not auth.token_matches("", TOKEN) and not auth.token_matches(None, TOKEN)
    assert not auth.token_matches("x" * 1000, TOKEN)
    assert not auth.token_matches("\udcff", TOKEN)  # a lone surrogate from a bad query
    assert not auth.token_matches("", "")  # an unset token opens nothing
    # Every compare (but the unset one) went through hmac.compare_digest, as bytes.
    assert len(calls) == 6 and all(isinstance(a, bytes) and isinstance(b, bytes) for a, b in calls)


def test_new_tokens_are_long_random_and_registered_as_secrets():
    from studio.redact import redact

    tokens = {auth.new_token() for _ in range(20)}
    assert len(tokens) == 20 and all(len(t) >= 32 for t in tokens)
    token = tokens.pop()
    assert token not in redact(f"GET /api/v1/actions/push/run?token={token}")


def _lan_address() -> str | None:
    """A non-loopback address of this machine (no packet is sent: UDP connect only picks a route)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_binds_loopback_only_unless_lan_is_asked_for(run):
    lan = _lan_address()

    async def scenario():
        async with serving() as (api, _):
            assert api._runner is not None
            assert {a[0] for a in api._runner.addresses} == {"127.0.0.1"}
            if lan is not None:
                with pytest.raises(OSError):
                    _, writer = await asyncio.wait_for(asyncio.open_connection(lan, api.port), 2)
                    writer.close()
        if lan is None:
            return
        async with serving(addresses=("127.0.0.1", lan)) as (api, pad), client() as http:
            assert {a[0] for a in api._runner.addresses} == {"127.0.0.1", lan}
            async with http.post(f"http://{lan}:{api.port}/api/v1/actions/push/run?token={TOKEN}") as r:
                assert r.status == 200
            assert pad.runs == [("push", "api", False)]

    run(scenario())


def test_the_phone_page_is_served_without_data_and_with_a_strict_policy(run):
    async def scenario():
        async with serving() as (api, _), client() as http:
            async with http.get(f"{api.url()}/?token={TOKEN}") as r:
                assert r.status == 200 and r.content_type == "text/html"
                html = await r.text()
                assert "lang=\"zh-CN\"" in html and TOKEN not in html
                assert "default-src 'self'" in r.headers["Content-Security-Policy"]
                assert r.headers["Referrer-Policy"] == "no-referrer"
            for path in ("/phone.js", "/phone.css"):
                async with http.get(api.url() + path) as r:
                    assert r.status == 200
                    text = await r.text()
                    assert "http://" not in text.replace("ws://", "") and "https://" not in text  # no CDN

    run(scenario())


def test_rotating_the_token_closes_open_sockets_and_refuses_the_old_one(run):
    async def scenario():
        async with serving() as (api, pad), client() as http:
            async with http.ws_connect(f"ws://127.0.0.1:{api.port}/api/v1/ws?token={TOKEN}") as ws:
                await ws.receive_json(timeout=5)
                api.set_token("a-brand-new-token-0123456789abcdef")
                message = await ws.receive(timeout=5)
                while message.type == aiohttp.WSMsgType.TEXT:
                    message = await ws.receive(timeout=5)
                assert ws.close_code == 4001
            async with http.post(f"{api.url()}/api/v1/actions/push/run?token={TOKEN}") as r:
                assert r.status == 401
            async with http.post(f"{api.url()}/api/v1/actions/push/run?token=a-brand-new-token-0123456789abcdef") as r:
                assert r.status == 200
            assert len(pad.runs) == 1

    run(scenario())


def test_a_busy_port_is_a_plain_words_error(run):
    async def scenario():
        async with serving() as (api, _):
            other = RemoteApi(RemoteState(_pad()), TOKEN, port=api.port)
            with pytest.raises(UserError) as error:
                await other.start()
            assert str(api.port) in str(error.value) and not other.running

    run(scenario())


def test_the_phone_script_is_plain_es5_for_old_in_app_browsers():
    """WeChat's in-app browser on older phones: no arrow functions, let/const, template strings,
    optional chaining, async/await or fetch in the page's script."""
    from importlib import resources

    script = resources.files("studio.remote").joinpath("static", "phone.js").read_text(encoding="utf-8")
    code = "\n".join(line.split("//")[0] for line in script.splitlines())
    for construct in ("=>", "`", "?.", "let ", "const ", "async ", "await ", "fetch(", "class "):
        assert construct not in code, construct


def test_the_fix_a_key_offers_is_one_press_away(run):
    from tests.fakes.pad import FakeFix

    pad = FakePad([FakeKey("push", "F2", "商品上屏", "风扇", state="error", last_result="商品不在直播间",
                           fix=FakeFix("add_goods", "加入直播间并上屏"))],
                  {"push:fix": sent(), "push": sent()})

    async def scenario():
        async with serving(pad) as (api, _), client() as http:
            async with http.get(f"{api.url()}/api/v1/actions?token={TOKEN}") as r:
                assert (await r.json())["keys"][0]["fix"] == {"id": "add_goods", "label": "加入直播间并上屏"}
            async with http.post(f"{api.url()}/api/v1/actions/push/fix?source=phone&token={TOKEN}") as r:
                assert r.status == 200
                assert (await r.json())["key"]["fix"] is None
            async with http.post(f"{api.url()}/api/v1/actions/push/fix") as r:
                assert r.status == 401
        assert pad.runs == [("push:fix", "phone", False)]

    run(scenario())


def test_the_phone_page_ships_in_the_wheel_and_the_frozen_build():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = (root / "packaging" / "studio-console.spec").read_text(encoding="utf-8")
    assert '"studio" / "remote" / "static"' in spec and '"studio/remote/static"' in spec
    assert 'collect_submodules("Xlib")' in spec
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert all(f'"*.{ext}"' in pyproject for ext in ("html", "js", "css"))
