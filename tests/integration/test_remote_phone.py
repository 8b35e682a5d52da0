"""The phone page in headless Chromium with a phone viewport (Playwright driving the system
chromium): press a button, see the action on a real OBS's program output (overlay pixels), watch
the button go pending → done, the state arrive over the WebSocket, and the page reconnect by itself
after the console's server went away. Also takes the screenshot for the docs and the README."""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path
from typing import Any

import pytest

from studio.i18n import install, load_ts, ts_path
from studio.obs.overlay_layout import layout_for
from studio.obs.overlays import ObsOverlays
from studio.remote.api import RemoteApi
from studio.remote.state import RemoteState
from studio.room.dryrun import DryRunRoom
from studio.show.actions import ObsOverlaysAdapter
from studio.show.log import read_log
from studio.show.pad import Pad
from studio.show.plan import load_plan
from studio.show.session import ShowController
from tests.fakes.show import EXAMPLE
from tests.lab.frames import (
    CARD_RGB,
    SCALE,
    colour_share,
    portrait_on_air,
    screenshot,
    until_share,
)
from tests.lab.threads import in_thread

pytestmark = pytest.mark.integration

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
# WeChat's in-app browser on Android (XWeb): the page must not depend on anything newer.
WECHAT_UA = ("Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like "
             "Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/1110005 MMWEBSDK/20230805 "
             "MicroMessenger/8.0.42.2460(0x28002A3B) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64")
TOKEN = "phone-test-token-0123456789abcdefgh"
DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_phone_page_presses_push_and_the_card_reaches_obs(obs_factory, run, tmp_path):
    if not os.path.exists(CHROMIUM):
        pytest.fail("chromium missing (scripts/install-system-deps.sh)")
    obs = obs_factory()
    # STUDIO_DOCS_SCREENSHOTS=1 refreshes the picture in docs/ (and the README); zh_CN as on a desk.
    shot = DOCS / "remote-phone.png" if os.environ.get("STUDIO_DOCS_SCREENSHOTS") else tmp_path / "phone.png"
    table = load_ts(ts_path("zh_CN"))
    install(lambda context, text: table.get((context, text), text))
    try:
        seen, on, controller = run(_scenario(obs, tmp_path, shot), timeout=180)
    finally:
        install(lambda context, text: text)
    print("\nphone page saw:", {k: v for k, v in seen.items() if k not in ("errors", "network")})
    assert shot.stat().st_size > 10_000
    assert on > 0.6, f"the card covers only {on:.0%} of its place on the program output"
    assert "token" not in seen["address_bar"]
    assert "✓" in seen["result"]
    assert seen["draw_disabled"] and seen["draw_text"]
    assert "扫描" in seen["notice"]
    assert seen["while_away"] in ("连接已断开", "重新连接中…")
    assert seen["errors"] == []
    # While the server was away the browser logs refused / reset connections; at the end, the 401.
    assert all("net::ERR_" in line or "WebSocket" in line or "401" in line
               for line in seen["network"]), seen["network"]
    events = [e for e in read_log(controller.session.log.path).events if e["type"] == "action_result"]
    assert [(e["action"], e["source"]) for e in events] == [("push_product", "phone")]


async def _scenario(obs, tmp_path, shot):
    async with portrait_on_air(obs) as (link, program):
        card = layout_for(720, 1280).card
        assert colour_share(await screenshot(link, program, SCALE), card, CARD_RGB) < 0.01

        overlays = ObsOverlaysAdapter(ObsOverlays(link), plan_dir=EXAMPLE.parent)
        controller = ShowController(load_plan(EXAMPLE), DryRunRoom(), overlays, directory=tmp_path / "show")
        pad = Pad(controller)
        await controller.start_new()
        controller.session.rundown.start_show()
        api = RemoteApi(RemoteState(pad, show=controller), TOKEN)
        await api.start()
        loop = asyncio.get_running_loop()
        port = api.port

        def on_loop(coro: Any) -> None:  # from the browser's thread
            asyncio.run_coroutine_threadsafe(coro, loop).result(30)

        async def start_again() -> None:
            api.requested_port = port
            await api.start()

        def browse() -> dict[str, Any]:
            from playwright.sync_api import expect, sync_playwright

            seen: dict[str, Any] = {}
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
                try:
                    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                                  is_mobile=True, has_touch=True, locale="zh-CN",
                                                  user_agent=WECHAT_UA)
                    page = context.new_page()
                    errors: list[str] = []  # script errors: none allowed
                    network: list[str] = []  # the browser's own lines while the server was away
                    page.on("pageerror", lambda e: errors.append(str(e)))
                    page.on("console", lambda m: network.append(m.text) if m.type == "error" else None)
                    page.goto(f"http://127.0.0.1:{port}/?token={TOKEN}")
                    expect(page.locator("#conn")).to_have_text("已连接", timeout=10000)
                    seen["address_bar"] = page.url  # the token is taken out of it
                    button = page.locator("#key-push")
                    button.wait_for()
                    seen["push_label"] = button.inner_text()
                    button.tap()
                    # pending first, then done (the dry-run room and OBS both answer)
                    expect(button).to_have_attribute("data-state", re.compile("pending|done"), timeout=5000)
                    expect(button).to_have_attribute("data-state", "done", timeout=20000)
                    seen["result"] = page.locator("#key-push .result").inner_text()
                    seen["on_air"] = page.locator("#onair-title").inner_text()
                    page.screenshot(path=str(shot))
                    # A key that cannot be pressed shows why, and is disabled.
                    seen["draw_disabled"] = page.locator("#key-draw").is_disabled()
                    seen["draw_text"] = page.locator("#key-draw .subject").inner_text()
                    # The console's server goes away and comes back: the page reconnects by itself.
                    on_loop(api.stop())
                    expect(page.locator("#conn")).not_to_have_text("已连接", timeout=10000)
                    seen["while_away"] = page.locator("#conn").inner_text()
                    on_loop(start_again())
                    expect(page.locator("#conn")).to_have_text("已连接", timeout=20000)
                    seen["after_reconnect"] = page.locator("#key-push").get_attribute("data-state")
                    # A rotated token: the page says to scan again and presses nothing.
                    loop.call_soon_threadsafe(api.set_token, "another-token-0123456789abcdefghijk")
                    expect(page.locator("#notice")).to_be_visible(timeout=10000)
                    seen["notice"] = page.locator("#notice").inner_text()
                    seen["errors"], seen["network"] = errors, network
                finally:
                    browser.close()
            return seen

        try:
            seen = await in_thread(browse, "the browser scenario").finished(timeout=120)
            on = await until_share(link, program, card, CARD_RGB, lambda s: s > 0.6, timeout=8)
        finally:
            await api.stop()
            await controller.close()
        return seen, on, controller


def test_phone_page_asks_before_interrupting_offers_the_fix_and_shows_refusals(run, tmp_path):
    """The page's own logic against a scripted pad: the question, the fix button, a refusal's reason."""
    from studio.show.actions import ActionKind, ActionResult, ActionStatus
    from studio.show.rules import Verdict
    from tests.fakes.pad import FakeFix, FakeKey, FakePad, sent

    class AskingPad(FakePad):
        async def run(self, key_id, *, source="pad", confirmed=False):
            if key_id == "coupon" and not confirmed:
                self.runs.append((key_id, source, confirmed))
                return ActionResult(ActionKind.COUPON, "c1", "满减券", ActionStatus.ASK)
            return await super().run(key_id, source=source, confirmed=confirmed)

    refused = ActionResult(ActionKind.ANNOUNCEMENT, "a", "公告", ActionStatus.REFUSED,
                           refusal=Verdict(False, "公告每 5 分钟最多一次", None, "announcement"))
    pad = AskingPad([FakeKey("coupon", "F3", "发券", "满减券"), FakeKey("announcement", "F6", "公告", "欢迎"),
                     FakeKey("push", "F2", "商品上屏", "风扇", state="error", last_result="商品不在直播间",
                             fix=FakeFix("add_goods", "加入直播间并上屏"))],
                    {"coupon": sent(ActionKind.COUPON, "c1", "满减券"), "announcement": refused,
                     "push:fix": sent()})

    async def scenario():
        api = RemoteApi(RemoteState(pad), TOKEN)
        await api.start()

        def browse() -> dict[str, str]:
            from playwright.sync_api import expect, sync_playwright

            seen: dict[str, str] = {}
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
                try:
                    page = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                               has_touch=True, user_agent=WECHAT_UA).new_page()
                    page.goto(f"http://127.0.0.1:{api.port}/?token={TOKEN}")
                    expect(page.locator("#conn")).to_have_text("已连接", timeout=10000)
                    coupon = page.locator("#key-coupon")
                    coupon.tap()
                    expect(coupon.locator(".label")).to_have_text("再按一次确认", timeout=5000)
                    coupon.tap()
                    expect(coupon).to_have_attribute("data-state", "done", timeout=5000)
                    page.locator("#key-announcement").tap()
                    expect(page.locator("#key-announcement")).to_have_attribute("data-state", "failed")
                    seen["refused"] = page.locator("#key-announcement .result").inner_text()
                    fix = page.locator("#fix-push")
                    expect(fix).to_be_visible()
                    seen["fix"] = fix.inner_text()
                    fix.tap()
                    expect(page.locator("#key-push")).to_have_attribute("data-state", "done", timeout=5000)
                    expect(fix).to_be_hidden(timeout=5000)
                finally:
                    browser.close()
            return seen

        try:
            return await in_thread(browse, "the browser scenario").finished(timeout=90)
        finally:
            await api.stop()

    seen = run(scenario(), timeout=120)
    assert pad.runs == [("coupon", "phone", False), ("coupon", "phone", True), ("announcement", "phone", False),
                        ("push:fix", "phone", False)]
    assert "未发送" in seen["refused"] and "5 分钟" in seen["refused"]
    assert "加入直播间并上屏" in seen["fix"]
