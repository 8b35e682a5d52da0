"""The Channels web console (视频号助手) driven through a real browser: 讲解 on/off and comments.

Channels has no API for the 讲解 pop-up or for comments, so the assistant's own logged-in console is
driven the way a person would: the live console page (comments, inside the wujie micro-frontend — a
host element with an *open shadow root*, which Playwright's CSS engine pierces) and the goods page in
a second tab (each goods row has its 讲解 / 结束讲解 link).

Every wait is bounded. When the page does not look the way ``selectors.json`` says within that
bound, the result is ``ConsoleChanged`` ("the Channels console changed — do it by hand"), never a
hang: the public tool this is modelled on waits forever and freezes when the page changes.

``ChannelsConsole`` runs on the browser's own loop (``worker.BrowserThread``); ``ChannelsRoom``
(``room.py``) is what the console's own loop talks to. Logging in happens once in a visible window;
the browser profile (cookies) is kept per account, never the password.
"""

from __future__ import annotations

import enum
import logging
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from studio.errors import UserError
from studio.i18n import translate
from studio.room.channels.selectors import ConsoleMap

log = logging.getLogger(__name__)

DEFAULT_WAIT_S = 8.0  # how long an element may take to appear before the page counts as changed
LOGIN_WAIT_S = 300.0  # a person scanning the QR code with the phone
BROWSER_ARGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check"]


# In the page, in one round trip, before the click: the goods row of ``q.goods`` (tried first at
# ``q.hint``, where it was last time), its 讲解 link's text, whether a dialog covers the list, or
# which part of the page did not match. When the link says ``q.other`` it is scrolled into view and
# hit-tested (what Playwright's own click checks, without its animation-frame waits); then a
# watch is armed that resolves as soon as the link says ``q.want`` (a MutationObserver on the
# page, so the check after the click needs no polling and no second lookup).
_PREPARE = """q => {
  const dialog = !!document.querySelector(q.dialog);
  const rows = document.querySelectorAll(q.row);
  if (!rows.length) return {changed: q.row, dialog};
  const order = [];
  if (q.hint !== null && q.hint < rows.length) order.push(q.hint);
  for (let i = 0; i < rows.length; i++) if (i !== q.hint) order.push(i);
  let index = null;
  for (const i of order) {
    const ident = rows[i].querySelector(q.id);
    if (!ident) return {changed: q.id, dialog};
    if (ident.textContent.trim() === q.goods) { index = i; break; }
  }
  if (index === null) return {index: null, dialog};
  const link = rows[index].querySelector(q.link);
  if (!link) return {changed: q.link, dialog};
  const text = link.textContent.trim();
  if (text !== q.other || dialog) return {index, text, dialog};
  let box = link.getBoundingClientRect();
  if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) {
    link.scrollIntoView({block: 'center', inline: 'center'});
    box = link.getBoundingClientRect();
  }
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  let hit = document.elementFromPoint(x, y);
  while (hit && hit.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  const clear = box.width > 0 && box.height > 0 && !!hit && (hit === link || link.contains(hit));
  const says = () => {
    const row = document.querySelectorAll(q.row)[index];
    const l = row && row.querySelector(q.link);
    return !!l && l.textContent.trim() === q.want;
  };
  const waits = window.__studioConsoleWaits || (window.__studioConsoleWaits = {});
  waits[q.token] = new Promise(resolve => {
    let timer = null;
    const observer = new MutationObserver(() => {
      if (says()) { observer.disconnect(); clearTimeout(timer); resolve(true); }
    });
    observer.observe(document.body, {subtree: true, childList: true, characterData: true});
    timer = setTimeout(() => { observer.disconnect(); resolve(says()); }, q.wait_ms);
  });
  return {index, text, dialog, x, y, clear};
}"""
# After the click: the watch armed above (true once the link says what it should, false when the
# bound ran out first).
_AWAIT_FLIP = """token => {
  const waits = window.__studioConsoleWaits || {};
  const wait = waits[token];
  delete waits[token];
  return wait ? wait : false;
}"""
class ConsoleState(enum.Enum):
    CLOSED = "closed"  # no browser yet
    LOGGED_OUT = "logged_out"  # the console sent us to its login page
    NOT_LIVE = "not_live"  # logged in, but no live is running (the console redirects home)
    LIVE = "live"  # the live console and the goods page are open
    CHANGED = "changed"  # the page no longer matches selectors.json


class ChannelsError(UserError):
    """A Channels console problem, in plain words with what to do."""


class ConsoleChanged(ChannelsError):
    def __init__(self, what: str) -> None:
        self.what = what  # which part did not match (for the log and the report)
        super().__init__(translate(
            "ChannelsConsole", "The Channels console changed ({what} not found) — do it by hand in the "
                               "console. Updated selectors can be put in channels-selectors.json.").format(what=what))


class NotLive(ChannelsError):
    def __init__(self) -> None:
        super().__init__(translate(
            "ChannelsConsole", "No live is running on Channels: start the live in the Channels anchor app "
                               "(视频号直播) first, then connect again."))


class LoggedOut(ChannelsError):
    def __init__(self) -> None:
        super().__init__(translate(
            "ChannelsConsole", "Not logged in to the Channels console: press “Log in” and scan the QR code "
                               "with WeChat."))


class GoodsNotListed(ChannelsError):
    def __init__(self, goods_id: str) -> None:
        super().__init__(translate(
            "ChannelsConsole", "Goods {id} is not in this live's goods list on Channels: add it to the live "
                               "in the console first.").format(id=goods_id))


class BrowserNotFound(ChannelsError):
    def __init__(self) -> None:
        super().__init__(translate(
            "ChannelsConsole", "No Chrome, Edge or Chromium was found on this computer. Install one (or set "
                               "its path under Channels settings), then try again."))


def find_browser(configured: str = "") -> str | None:
    """A Chromium-family browser already on this computer (the console never downloads one)."""
    candidates = [configured, os.environ.get("STUDIO_CONSOLE_BROWSER", "")]
    if sys.platform == "win32":
        for root in (os.environ.get("PROGRAMFILES", r"C:\Program Files"),
                     os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"),
                     os.environ.get("LOCALAPPDATA", "")):
            candidates += [rf"{root}\Microsoft\Edge\Application\msedge.exe",
                           rf"{root}\Google\Chrome\Application\chrome.exe"]
    elif sys.platform == "darwin":
        candidates += ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                       "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
                       "/Applications/Chromium.app/Contents/MacOS/Chromium"]
    else:
        candidates += [shutil.which(n) or "" for n in ("chromium", "chromium-browser", "google-chrome",
                                                         "google-chrome-stable", "microsoft-edge")]
    return next((c for c in candidates if c and Path(c).is_file()), None)


class ChannelsConsole:
    """One account's console in one browser profile. Call from the browser thread only."""

    def __init__(self, console_map: ConsoleMap, profile_dir: Path, browser: str = "",
                 wait_s: float = DEFAULT_WAIT_S, headless: bool = True) -> None:
        self.map = console_map
        self.profile_dir = Path(profile_dir)
        self.browser = browser
        self.wait_ms = int(wait_s * 1000)
        self.headless = headless
        self.state = ConsoleState.CLOSED
        self._playwright: Any = None
        self._context: Any = None
        self._console: Any = None  # the live console page (comments)
        self._goods: Any = None  # the goods page (讲解 links), a second tab
        self._rows: dict[str, int] = {}  # goods id → its row's index when last seen (tried first)
        self._token = 0  # names the in-page watch of each 讲解 click

    # --- browser ---------------------------------------------------------------------------

    async def _launch(self, headless: bool) -> None:
        if self._context is not None:
            return
        executable = find_browser(self.browser)
        if executable is None:
            raise BrowserNotFound()
        from playwright.async_api import async_playwright  # heavy: only when Channels is used

        self.profile_dir.mkdir(parents=True, exist_ok=True)
        args = list(BROWSER_ARGS)
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--no-sandbox")  # Chromium refuses to start as root otherwise
        self._playwright = await async_playwright().start()
        self._context = await self._playwright.chromium.launch_persistent_context(
            str(self.profile_dir), executable_path=executable, headless=headless, args=args,
            viewport={"width": 1280, "height": 900})
        self._context.set_default_timeout(self.wait_ms)

    async def close(self) -> None:
        context, playwright = self._context, self._playwright
        self._context = self._playwright = self._console = self._goods = None
        self.state = ConsoleState.CLOSED
        if context is not None:
            try:
                await context.close()
            except Exception:  # the browser may already be gone (closed by the user)
                log.debug("closing the Channels browser failed", exc_info=True)
        if playwright is not None:
            await playwright.stop()

    # --- session ---------------------------------------------------------------------------

    async def login(self, wait_s: float = LOGIN_WAIT_S) -> ConsoleState:
        """A visible window on the login page; returns once the person has logged in."""
        await self.close()
        await self._launch(headless=False)
        page = await self._page()
        await page.goto(self.map.url("login"), wait_until="domcontentloaded")
        try:
            await page.wait_for_selector(self.map.selectors["logged_in"], timeout=int(wait_s * 1000))
        except Exception as e:
            raise LoggedOut() from e
        return await self.connect()

    async def connect(self) -> ConsoleState:
        """Open the live console and the goods page; the state says what the console showed."""
        await self._launch(self.headless)
        page = await self._page()
        await page.goto(self.map.url("live_console"), wait_until="domcontentloaded")
        self.state = await self._where(page)
        if self.state is not ConsoleState.LIVE:  # what was open before no longer counts
            self._console = None
            if self._goods is not None and not self._goods.is_closed():
                await self._goods.close()
            self._goods = None
        else:
            self._console = page
            if self._goods is None or self._goods.is_closed():
                self._goods = await self._context.new_page()
            await self._goods.goto(self.map.url("goods"), wait_until="domcontentloaded")
            state = await self._where(self._goods, expect="goods_list")
            if state is not ConsoleState.LIVE:
                self.state = state
        return self.state

    async def _page(self) -> Any:
        pages = [p for p in self._context.pages if not p.is_closed()]
        return pages[0] if pages else await self._context.new_page()

    async def _where(self, page: Any, expect: str = "in_live_console") -> ConsoleState:
        """Login page, home page (not live) or the expected element — whichever comes first."""
        login = re.compile(self.map.url_patterns["login"])
        home = re.compile(self.map.url_patterns["home"])
        selector = self.map.selectors[expect]
        deadline_ms = self.wait_ms
        step_ms = 100
        waited = 0
        while waited <= deadline_ms:
            url = page.url
            if login.search(url):
                return ConsoleState.LOGGED_OUT
            if home.search(url):
                return ConsoleState.NOT_LIVE
            if await page.locator(selector).count() > 0:
                return ConsoleState.LIVE
            await page.wait_for_timeout(step_ms)
            waited += step_ms
        log.warning("Channels console: %s not found on %s", selector, page.url)
        return ConsoleState.CHANGED

    async def _ready(self, page: Any, expect: str) -> Any:
        """The page for an action, or the error that says why it cannot be used now."""
        if page is None or page.is_closed():
            state = await self.connect()
            page = self._console if expect == "in_live_console" else self._goods
            if state is not ConsoleState.LIVE or page is None:
                raise self._error(state, expect)
        # The page is open: only the address can say logged out / not live (no round trip); what
        # the action looks for next says whether the page still matches.
        url = page.url
        for state, pattern in ((ConsoleState.LOGGED_OUT, "login"), (ConsoleState.NOT_LIVE, "home")):
            if re.search(self.map.url_patterns[pattern], url):
                self.state = state
                raise self._error(state, expect)
        return page

    def _error(self, state: ConsoleState, what: str) -> ChannelsError:
        if state is ConsoleState.LOGGED_OUT:
            return LoggedOut()
        if state is ConsoleState.NOT_LIVE:
            return NotLive()
        return ConsoleChanged(what)

    # --- actions ---------------------------------------------------------------------------

    async def set_explaining(self, goods_id: str, on: bool = True) -> bool:
        """讲解 on (or off) for one goods row; False when it already was. Checked after the click.

        Three calls to the page: one ``_PREPARE`` (finds the row — where it was last time first —,
        reads its link, scrolls and hit-tests it, arms the watch for the flipped text), a real mouse
        click through Playwright at the link's centre, and the armed watch, bounded by ``wait_s``.
        When the hit test finds something else over the link (a pop-up the map does not know), the
        click is Playwright's own, which waits for the link to be clickable — within the same bound.
        """
        page = await self._ready(self._goods, "goods_list")
        s, texts = self.map.selectors, self.map.texts
        want, other = (texts["end_explain"], texts["explain"]) if on else (texts["explain"], texts["end_explain"])
        self._token += 1
        token = f"t{self._token}"
        query = {"row": s["goods_row"], "id": s["goods_row_id"], "link": s["explain_link"],
                 "dialog": s["dialog_close"], "goods": goods_id, "hint": self._rows.get(goods_id),
                 "want": want, "other": other, "token": token, "wait_ms": self.wait_ms}
        found = await page.evaluate(_PREPARE, query)
        if found.get("dialog"):  # "直播间讲解支持「送礼物」模式" and other pop-ups cover the list
            await page.locator(s["dialog_close"]).first.click()
            if not found.get("changed") and found.get("index") is not None:
                found = await page.evaluate(_PREPARE, query)  # the list as it is now, watch armed
        if found.get("changed"):
            raise ConsoleChanged(found["changed"])
        if found.get("index") is None:
            self._rows.pop(goods_id, None)
            raise GoodsNotListed(goods_id)
        index = int(found["index"])
        self._rows[goods_id] = index
        current = found.get("text", "")
        if current == want:
            return False
        if current != other:
            raise ConsoleChanged(f"{s['explain_link']} = {current!r}")
        if found.get("clear"):
            await page.mouse.click(found["x"], found["y"])
            flipped = await self._flipped(page, token)
        else:  # something covers the link: Playwright's click waits (bounded) until it is clickable
            log.info("Channels console: the 讲解 link of %s is covered; clicking it the slow way", goods_id)
            try:
                await page.locator(s["goods_row"]).nth(index).locator(s["explain_link"]).first.click()
            except Exception as e:
                await self._drop_watch(page, token)
                raise ConsoleChanged(f"{s['explain_link']} (covered)") from e
            flipped = await self._flipped(page, token)
        if not flipped:
            raise ConsoleChanged(f"{s['explain_link']} → {want}")
        return True

    async def _flipped(self, page: Any, token: str) -> bool:
        """The armed watch's answer: it ends by itself after ``wait_s`` at the latest."""
        try:
            return bool(await page.evaluate(_AWAIT_FLIP, token))
        except Exception as e:  # the page went away under the click (navigated, closed)
            log.warning("Channels console: no answer after the 讲解 click: %s", e)
            return False

    async def _drop_watch(self, page: Any, token: str) -> None:
        try:
            await page.evaluate("t => { delete (window.__studioConsoleWaits || {})[t]; }", token)
        except Exception:
            log.debug("dropping a 讲解 watch failed", exc_info=True)

    async def post_comment(self, text: str, pin: bool = False) -> None:
        """Type ``text`` in the live console's comment box and send it; checked after sending.
        ``pin``: then put it on the wall (上墙), the Channels way to keep a message in view."""
        page = await self._ready(self._console, "in_live_console")
        s = self.map.selectors
        box = page.locator(s["comment_textarea"])
        send = page.locator(s["comment_send"])
        if await box.count() == 0:
            raise ConsoleChanged(s["comment_textarea"])
        if await send.count() == 0:
            raise ConsoleChanged(s["comment_send"])
        await box.first.fill(text)
        disabled = self.map.disabled_class
        try:  # the send button is enabled only once the box holds text
            await page.wait_for_function(
                "([el, cls]) => !el.classList.contains(cls) && !el.disabled",
                arg=[await send.first.element_handle(), disabled], timeout=self.wait_ms)
        except Exception as e:
            raise ConsoleChanged(f"{s['comment_send']} (still {disabled})") from e
        await send.first.click()
        try:  # sent: the console empties the box
            await page.wait_for_function("el => el.value === ''", arg=await box.first.element_handle(),
                                         timeout=self.wait_ms)
        except Exception as e:
            raise ConsoleChanged(f"{s['comment_textarea']} (not emptied after sending)") from e
        if pin:
            await self._pin(page, text)

    async def _pin(self, page: Any, text: str) -> None:
        """Find our message in the comment list (newest last), open its menu, press 上墙."""
        s = self.map.selectors
        newer = page.locator(s["new_comments"])
        if await newer.count() > 0 and await newer.first.is_visible():
            await newer.first.click()  # "新消息": the list holds only what was loaded
        mine = page.locator(s["comment_item"]).filter(has_text=text)
        try:
            await mine.last.wait_for(state="visible", timeout=self.wait_ms)
        except Exception as e:
            raise ConsoleChanged(f"{s['comment_item']} “{text[:20]}”") from e
        # A DOM click, as the public driver does: a pointer click on the message never completed
        # against the replica (its menu opens under the pointer), and the list re-lays out as
        # messages arrive.
        await mine.last.dispatch_event("click")
        action = page.locator(s["comment_action"]).filter(has_text=self.map.texts["pin"])
        try:
            await action.first.wait_for(state="visible", timeout=self.wait_ms)
        except Exception as e:
            raise ConsoleChanged(f"{s['comment_action']} {self.map.texts['pin']}") from e
        await action.first.dispatch_event("click")
