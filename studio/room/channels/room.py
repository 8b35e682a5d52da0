"""ChannelsRoom: a WeChat Channels (视频号) live room as a set of capabilities.

- 讲解 on / off (``PUSH_GOODS`` / ``END_EXPLAIN``) and comments (``ANNOUNCEMENT`` posted in the
  comment box) go through the assistant's logged-in web console (``console.ChannelsConsole``);
- everything else — and anything the console cannot do right now because its page changed or the
  browser is stuck — becomes a checklist step, exactly as in ``ManualRoom`` (this class *is* a
  ``ManualRoom``, so the pad shows and ticks its steps the same way);
- a live that is not running, a logged-out console or goods missing from the live's list is a
  refusal that says what to do.

The browser runs on its own thread and loop (``worker.BrowserThread``); every call has a bound
(``action_timeout``), after which the step is handed to the assistant instead.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from studio.events import Signal
from studio.i18n import QT_TRANSLATE_NOOP, translate
from studio.room.base import Outcome, RoomAction, RoomRequest, RoomResult
from studio.room.channels.api import ChannelsApi, CouponRefused
from studio.room.channels.console import (
    DEFAULT_WAIT_S,
    LOGIN_WAIT_S,
    BrowserNotFound,
    ChannelsConsole,
    ChannelsError,
    ConsoleChanged,
    ConsoleState,
)
from studio.room.channels.coupons import store_coupon
from studio.room.channels.numbers import LiveNumbersWatch
from studio.room.channels.selectors import ConsoleMap, load_console_map
from studio.room.channels.timed import TimedMessage, TimedMessages
from studio.room.channels.worker import BrowserThread
from studio.room.manual import ManualRoom
from studio.room.wechat import WeChatError

T = TypeVar("T")
ACTION_TIMEOUT_S = 3 * DEFAULT_WAIT_S  # a browser that has not acted by then is stuck: hand it over
BY_CONSOLE = (RoomAction.PUSH_GOODS, RoomAction.END_EXPLAIN, RoomAction.ANNOUNCEMENT)
_POSTED = (QT_TRANSLATE_NOOP("ChannelsRoom", "Posted and pinned (上墙) in the Channels comments: “{text}”."),
           QT_TRANSLATE_NOOP("ChannelsRoom", "Posted in the Channels comments: “{text}”."))
# (讲解 on?, did the click change anything?) → what the host reads
_DONE_TEXTS = {
    (True, True): QT_TRANSLATE_NOOP("ChannelsRoom", "Explaining “{title}” on Channels (讲解 on)."),
    (True, False): QT_TRANSLATE_NOOP("ChannelsRoom", "“{title}” was already being explained on Channels."),
    (False, True): QT_TRANSLATE_NOOP("ChannelsRoom", "Explanation of “{title}” ended on Channels."),
    (False, False): QT_TRANSLATE_NOOP("ChannelsRoom", "“{title}” was not being explained on Channels."),
}


class ChannelsRoom(ManualRoom):
    def __init__(self, account: str, profile_dir: Path, console_map: ConsoleMap | None = None,
                 browser: str = "", wait_s: float = DEFAULT_WAIT_S, action_timeout: float = ACTION_TIMEOUT_S,
                 headless: bool = True, clock: Callable[[], float] = time.time,
                 store: ChannelsApi | None = None, timed_messages: Sequence[TimedMessage] = ()) -> None:
        super().__init__(translate("ChannelsRoom", "Channels {account}").format(account=account), clock)
        self.account = account
        self.console_state = ConsoleState.CLOSED
        self.problem = ""  # plain words: why the console cannot be used now ("" when it can)
        self.status_changed = Signal("channels_room.status_changed")
        self.action_timeout = action_timeout
        self.store = store  # 微信小店 API (coupons) when the merchant set its credentials
        self.coupons: dict[str, str] = {}  # plan coupon id → the store's coupon id, to stop it early
        self.numbers: LiveNumbersWatch | None = None  # live numbers while a show runs (store API)
        self.timed_messages = list(timed_messages)  # the account's 定时发言, posted while a show runs
        self.timed: TimedMessages | None = None
        self._thread = BrowserThread(f"channels-{account}")
        self._console = ChannelsConsole(console_map or load_console_map(), profile_dir, browser, wait_s, headless)

    # --- what the show sees (studio.room.base.LiveRoom) ------------------------------------

    @property
    def timeout(self) -> float:  # type: ignore[override]
        # The show waits a little longer than our own bound, so the hand-over to a checklist step
        # (with its reason) is what the pad shows, not a bare "did not answer".
        return self.action_timeout + 2.0

    @property
    def target_label(self) -> str:
        return translate("ChannelsRoom", "Channels {account} · web console").format(account=self.account)

    def spec(self) -> dict[str, Any]:
        return {"kind": "channels", "account": self.account, "label": self.target_label}

    async def preflight(self) -> str | None:
        """Before the show: the console must be logged in and live, or the start says why."""
        try:
            state = await self.connect()
        except ChannelsError as e:
            return str(e)
        return None if state is ConsoleState.LIVE else self.problem

    def supports(self, action: RoomAction) -> bool:
        return action in BY_CONSOLE or (action is RoomAction.COUPON and self.store is not None)

    # --- session ---------------------------------------------------------------------------

    async def connect(self) -> ConsoleState:
        """Open the console (headless, with the saved login); the state says what it showed."""
        return await self._session(self._console.connect, self.action_timeout)

    async def login(self, wait_s: float = LOGIN_WAIT_S) -> ConsoleState:
        """A visible browser window on the login page, until the person has logged in."""
        return await self._session(lambda: self._console.login(wait_s), wait_s + self.action_timeout)

    async def _session(self, call: Callable[[], Awaitable[ConsoleState]], timeout: float) -> ConsoleState:
        try:
            state = await self._thread.run(call, timeout)
        except ChannelsError as e:
            self._set_state(ConsoleState.LOGGED_OUT if not isinstance(e, BrowserNotFound)
                            else ConsoleState.CLOSED, str(e))
            raise
        except TimeoutError:
            self._set_state(ConsoleState.CHANGED, _stuck(timeout))
            return self.console_state
        words = {ConsoleState.LOGGED_OUT: translate("ChannelsRoom", "Not logged in: press “Log in”."),
                 ConsoleState.NOT_LIVE: translate("ChannelsRoom", "No live running: start it in the anchor "
                                                                   "app first."),
                 ConsoleState.CHANGED: translate("ChannelsRoom", "The Channels console changed: pushes become "
                                                                  "steps to do by hand.")}
        self._set_state(state, words.get(state, ""))
        return state

    def _set_state(self, state: ConsoleState, problem: str) -> None:
        if (state, problem) != (self.console_state, self.problem):
            self.console_state, self.problem = state, problem
            self.status_changed.emit()

    # --- actions ---------------------------------------------------------------------------

    async def perform(self, request: RoomRequest) -> RoomResult:
        if request.action is RoomAction.COUPON and self.store is not None:
            return await self._coupon(request, self.store)
        if request.action not in BY_CONSOLE:
            return await super().perform(request)
        try:
            if request.action is RoomAction.ANNOUNCEMENT:
                # An announcement (公告) stays in view the Channels way: posted, then on the wall (上墙).
                pin = bool(request.details.get("pin", True))
                await self._run(lambda: self._console.post_comment(request.title, pin=pin))
                text = _POSTED[0] if pin else _POSTED[1]
                return RoomResult(self.name, Outcome.DONE, translate("ChannelsRoom", text).format(text=request.title))
            on = request.action is RoomAction.PUSH_GOODS
            goods_id = request.goods_id or ""
            changed = await self._run(lambda: self._console.set_explaining(goods_id, on))
        except (ConsoleChanged, BrowserNotFound, TimeoutError) as e:
            message = str(e) if not isinstance(e, TimeoutError) else _stuck(self.action_timeout)
            self._set_state(ConsoleState.CHANGED if not isinstance(e, BrowserNotFound) else ConsoleState.CLOSED,
                            message)
            step = await super().perform(request)  # the checklist step appears: never a silent failure
            return RoomResult(self.name, Outcome.MANUAL, f"{message} {step.message}", next_step=step.next_step)
        except ChannelsError as e:  # not live, logged out, goods not listed: say what to do
            return RoomResult(self.name, Outcome.REFUSED, str(e))
        self._set_state(ConsoleState.LIVE, "")
        text = _DONE_TEXTS[(on, changed)]
        return RoomResult(self.name, Outcome.DONE, translate("ChannelsRoom", text).format(
            title=request.title or goods_id))

    async def _coupon(self, request: RoomRequest, store: ChannelsApi) -> RoomResult:
        """A flash coupon by the store API: rules checked first; words it cannot read → by hand."""
        d = request.details
        coupon = store_coupon(request.title, str(d.get("detail", "")), d.get("quantity"),
                              float(d.get("minutes") or 5.0))
        if coupon is None:
            step = await super().perform(request)
            return RoomResult(self.name, Outcome.MANUAL, translate(
                "ChannelsRoom", "“{detail}” is not a coupon the store API can make (it takes 满199减30, 8折, "
                                "满2件8折 or 立减10元).").format(detail=d.get("detail", "")) + " " + step.message,
                next_step=step.next_step)
        try:
            coupon_id = await store.start_flash_coupon(coupon)
        except CouponRefused as e:
            return RoomResult(self.name, Outcome.REFUSED, str(e))
        except WeChatError as e:
            return RoomResult(self.name, Outcome.FAILED, str(e), error_code=e.code, next_step=e.next_step)
        self.coupons[str(d.get("coupon", request.title))] = coupon_id
        return RoomResult(self.name, Outcome.DONE, translate(
            "ChannelsRoom", "Coupon “{name}” is live in the store for {minutes} min (store id {id}).").format(
            name=coupon.name, minutes=f"{coupon.minutes:g}", id=coupon_id))

    def show_started(self, sink: Callable[..., Any]) -> None:
        """A show runs against this room: its live numbers (store API) and its timed messages
        start, each writing into ``sink`` (the show's log). Called again on resume: same room,
        the new log."""
        if self.store is not None:
            if self.numbers is None:
                self.numbers = LiveNumbersWatch(self.store, sink)
            self.numbers.sink = sink
            self.numbers.start()
        if self.timed_messages:
            if self.timed is None:
                self.timed = TimedMessages(self.perform, self.timed_messages, sink)
            self.timed.sink = sink
            self.timed.start()

    async def show_stopped(self) -> None:
        """The show ended (or another target took over): nothing more is posted or polled."""
        if self.numbers is not None:
            await self.numbers.stop()
        if self.timed is not None:
            await self.timed.stop()
            self.timed = None

    async def stop_coupon(self, plan_coupon_id: str) -> None:
        """End a running store coupon before its window ends (作废)."""
        if self.store is None or plan_coupon_id not in self.coupons:
            return
        await self.store.stop_coupon(self.coupons.pop(plan_coupon_id))

    async def _run(self, call: Callable[[], Awaitable[T]]) -> T:
        return await self._thread.run(call, self.action_timeout)

    async def close(self) -> None:
        await self.show_stopped()
        try:
            await self._thread.run(self._console.close, 10)
        except (TimeoutError, RuntimeError):
            pass
        self._thread.stop()
        if self.store is not None:
            await self.store.client.close()


def _stuck(seconds: float) -> str:
    return translate("ChannelsRoom", "The Channels console did not answer within {seconds} s — do it by hand "
                                     "in the console.").format(seconds=int(seconds))
