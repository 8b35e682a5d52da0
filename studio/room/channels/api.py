"""The official Channels / 微信小店 server APIs the console uses: store coupons and live numbers.

Same request path as the mini-program client (``studio.room.wechat.WeChatLiveClient.call``): the
access token cached and refreshed once on 40001/40014/42001, -1 backed off, errcodes in plain words.
The merchant's store credentials (AppID + AppSecret, or their own token service) come from the
keyring like the mini-program's.

- coupons: ``channels/ec/coupon/create`` → ``update_status`` 2 (生效) to start a flash coupon; 4 (作废)
  stops it early; its receive window ends by itself at the planned minute;
- live numbers: ``channels/livedashboard/getlivelist {ds}`` → the live's ``export_id`` →
  ``getlivedata {export_id}``. Its blocks arrive as JSON *strings* in some versions and objects in
  others; both are read. A number the answer does not carry stays ``None`` — never invented.
- after the show: ``channels/finderlive/get_finder_live_data_list {start_time?, end_time?,
  last_buffer?}`` (permission set 160; the range is compared with each live's *close* time) →
  ``item[]`` — one row per live with whole-show totals (观看人数, 最高在线, 人均观看时长, 新增粉丝,
  评论, 分享, 喝彩), no time series and no goods — paged by ``last_buffer`` while ``continue_flag``.
  The pages and the lives read are bounded (``AFTER_SHOW_MAX_PAGES``, ``AFTER_SHOW_MAX_LIVES``), as
  is every answer's size (the client's). A field the answer lacks stays ``None``, never 0.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from studio.i18n import QT_TRANSLATE_NOOP, translate
from studio.room.channels.coupons import StoreCoupon, coupon_problems
from studio.room.wechat import WeChatError, WeChatLiveClient

log = logging.getLogger(__name__)

CHINA = dt.timezone(dt.timedelta(hours=8))  # the platform's day for getlivelist's ds
STATUS_ACTIVE, STATUS_VOID = 2, 4
AFTER_SHOW_API = "channels/finderlive/get_finder_live_data_list"
AFTER_SHOW_MAX_PAGES = 50  # a cursor that never ends (or repeats) stops here
AFTER_SHOW_MAX_LIVES = 2000
# get_finder_live_data_list's per-live fields → the review's names for them
AFTER_SHOW_FIELDS = {
    "total_audience_count": "viewers",  # 观看人数
    "max_online_count": "online_peak",  # 最高在线
    "audiences_avg_seconds": "avg_watch_s",  # 人均观看时长 (s)
    "new_follow_count": "new_followers",  # 新增粉丝
    "new_follow_count_biz": "new_followers_biz",  # 公众号新增粉丝
    "total_comment_count": "comments",  # 评论条数
    "forward_count": "shares",  # 分享次数
    "total_cheer_count": "cheers",  # 喝彩次数
}

# The store's coupon errcodes, in a host's words.
_COUPON_ERRORS = {
    10021001: QT_TRANSLATE_NOOP("ChannelsApi", "The store says the coupon is not in a state that allows this "
                                               "(it may have ended already)."),
    10021037: QT_TRANSLATE_NOOP("ChannelsApi", "The store does not know this coupon any more."),
    48001: QT_TRANSLATE_NOOP("ChannelsApi", "The store has not opened this API to the console: turn it on in "
                                            "视频号助手 → 开放能力 → 开放场景."),
}


class CouponRefused(WeChatError):
    """The coupon breaks the store's rules: nothing was sent."""


@dataclass(frozen=True)
class LiveNumbers:
    """What the live dashboard said at ``at`` (Unix seconds). ``None``: the answer had no such number."""

    at: float
    export_id: str
    online: int | None = None
    viewers: int | None = None
    new_followers: int | None = None
    orders: int | None = None
    gmv_fen: int | None = None
    comments: int | None = None

    def as_event(self) -> dict[str, Any]:
        """The show-log event's fields (``live_numbers``), for the health dock and the review."""
        return {"export_id": self.export_id, "online": self.online, "viewers": self.viewers,
                "new_followers": self.new_followers, "orders": self.orders, "gmv_fen": self.gmv_fen,
                "comments": self.comments}


@dataclass(frozen=True)
class AfterShowLive:
    """One live as ``get_finder_live_data_list`` reports it after the show: whole-show totals.

    ``figures`` holds every name of ``AFTER_SHOW_FIELDS``; ``None`` where the answer had no such
    field (or no number in it) — never 0. ``start``/``duration_s`` are None when not given."""

    export_id: str
    start: int | None  # live_start_time, Unix seconds
    duration_s: int | None  # live_duration_in_seconds
    figures: dict[str, int | None]

    @property
    def end(self) -> int | None:
        return None if self.start is None or self.duration_s is None else self.start + self.duration_s

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> AfterShowLive:
        return cls(str(item.get("export_id", "") or ""), _int(item.get("live_start_time")),
                   _int(item.get("live_duration_in_seconds")),
                   {name: _int(item.get(field)) for field, name in AFTER_SHOW_FIELDS.items()})


@dataclass(frozen=True)
class AfterShowData:
    """What ``get_finder_live_data_list`` answered: the lives (oldest first) and the raw items, as
    saved for ``studio-console review --platform-data``."""

    lives: list[AfterShowLive]
    items: list[dict[str, Any]]
    truncated: bool = False  # the bound on pages or lives was reached: older or newer lives may be missing


class ChannelsApi:
    def __init__(self, client: WeChatLiveClient, clock: Callable[[], float] = time.time) -> None:
        self.client = client
        self._clock = clock

    # --- coupons -----------------------------------------------------------------------------

    async def start_flash_coupon(self, coupon: StoreCoupon) -> str:
        """Create the coupon and make it take effect now; its id. Rules checked before sending."""
        problems = coupon_problems(coupon)
        if problems:
            raise CouponRefused(" ".join(problems), api="coupon/create")
        answer = await self._call("channels/ec/coupon/create", coupon.body(self._clock()), "coupon/create")
        data: dict[str, Any] = answer["data"] if isinstance(answer.get("data"), dict) else answer
        coupon_id = str(data.get("coupon_id", "") or "")
        if not coupon_id:
            raise WeChatError(translate("ChannelsApi", "The store created no coupon (its answer had no id). Check "
                                                       "the coupons list in the store's back office."),
                              api="coupon/create")
        await self.set_coupon_status(coupon_id, STATUS_ACTIVE)
        return coupon_id

    async def stop_coupon(self, coupon_id: str) -> None:
        """End a coupon early (作废): viewers can no longer take it; coupons already taken stay valid."""
        await self.set_coupon_status(coupon_id, STATUS_VOID)

    async def set_coupon_status(self, coupon_id: str, status: int) -> None:
        await self._call("channels/ec/coupon/update_status", {"coupon_id": coupon_id, "status": status},
                         "coupon/update_status")

    # --- live numbers ------------------------------------------------------------------------

    async def current_export_id(self, day: dt.date | None = None) -> str | None:
        """The newest live of the day (China time) on the dashboard, or None when there is none."""
        ds = int((day or dt.datetime.fromtimestamp(self._clock(), CHINA).date()).strftime("%Y%m%d"))
        answer = await self._call("channels/livedashboard/getlivelist", {"ds": ds}, "getlivelist")
        items = [i for i in answer.get("live_items", []) or [] if isinstance(i, dict) and i.get("export_id")]
        if not items:
            return None
        newest = max(items, key=lambda i: int(i.get("create_time", 0) or 0))
        return str(newest["export_id"])

    async def dashboard(self, export_id: str) -> dict[str, Any]:
        """The whole ``getlivedata`` answer (what the review imports as a Channels dashboard file)."""
        return await self._call("channels/livedashboard/getlivedata", {"export_id": export_id}, "getlivedata")

    async def live_numbers(self, export_id: str) -> LiveNumbers:
        answer = await self.dashboard(export_id)
        summary = _block(answer, "live_ec_data_summary")
        dashboard = _block(answer, "live_dashboard_data")
        inner = dashboard.get("live_dashboard_data")
        board: dict[str, Any] = inner if isinstance(inner, dict) else dashboard
        watch: dict[str, Any] = board["summary"] if isinstance(board.get("summary"), dict) else {}
        return LiveNumbers(
            at=self._clock(), export_id=export_id,
            online=_int(summary.get("online_audience_count")),
            viewers=_int(summary.get("cumulative_audience_count", watch.get("new_watch_uv"))),
            new_followers=_int(summary.get("new_follow_count", watch.get("new_follow_uv"))),
            orders=_int(summary.get("total_pay_pv")),
            gmv_fen=_int(summary.get("total_gmv")),
            comments=_int(summary.get("new_comment_count", watch.get("comment_uv"))))

    # --- after the show ----------------------------------------------------------------------

    async def after_show_data(self, start_time: float | None = None,
                              end_time: float | None = None) -> AfterShowData:
        """Every live whose close time lies in [start_time, end_time] (Unix seconds; both optional),
        all pages, with their whole-show totals."""
        body: dict[str, Any] = {}
        if start_time is not None:
            body["start_time"] = int(start_time)
        if end_time is not None:
            body["end_time"] = int(end_time)
        items: dict[str, dict[str, Any]] = {}  # export_id → the item (a page repeated is read once)
        cursors: set[str] = set()
        truncated = False
        for _page in range(AFTER_SHOW_MAX_PAGES):
            answer = await self._call(AFTER_SHOW_API, body, "get_finder_live_data_list")
            page = answer.get("item")
            if page is not None and not isinstance(page, list):
                log.warning("get_finder_live_data_list: item is a %s, not a list; ignored", type(page).__name__)
                page = None
            for item in page or []:
                if isinstance(item, dict) and item.get("export_id"):
                    items.setdefault(str(item["export_id"]), item)
            if len(items) >= AFTER_SHOW_MAX_LIVES:
                truncated = True
                break
            cursor = answer.get("last_buffer")
            if not answer.get("continue_flag") or not isinstance(cursor, str) or not cursor:
                break
            if cursor in cursors:
                log.warning("get_finder_live_data_list: the same last_buffer twice; stopped")
                truncated = True
                break
            cursors.add(cursor)
            body = {**body, "last_buffer": cursor}
        else:
            log.warning("get_finder_live_data_list: still more after %d pages; stopped", AFTER_SHOW_MAX_PAGES)
            truncated = True
        raw = list(items.values())[:AFTER_SHOW_MAX_LIVES]
        lives = sorted((AfterShowLive.from_item(i) for i in raw), key=lambda live: live.start or 0)
        return AfterShowData(lives, raw, truncated)

    async def _call(self, path: str, body: dict[str, Any], api: str) -> dict[str, Any]:
        try:
            return await self.client.call("POST", path, body=body, api=api)
        except WeChatError as e:
            words = _COUPON_ERRORS.get(e.code or 0)
            if words is None:
                raise
            raise WeChatError(translate("ChannelsApi", words), code=e.code, api=api) from None


def _block(answer: dict[str, Any], key: str) -> dict[str, Any]:
    """One dashboard block: an object, or an object encoded as a JSON string (both are seen)."""
    value = answer.get(key)
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            log.warning("getlivedata: %s is not JSON; ignored", key)
            return {}
    return value if isinstance(value, dict) else {}


def _int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(float(value))
    except (TypeError, ValueError, OverflowError):
        return None
