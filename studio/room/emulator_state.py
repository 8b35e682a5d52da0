"""What the local mini-program live emulator knows (``studio.room.emulator``): rooms and their
status, the goods library with audit status, each room's shelf, quotas, access tokens that can be
expired on demand, subscribers, every request it saw — and WeChat's own words for each errcode.
Plain data, no server: tests may change it directly; ``WeChatEmulator`` serves it over HTTP.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

CHINA = dt.timezone(dt.timedelta(hours=8))  # WeChat's "day" for quotas and the once-a-day notice

# errcode → errmsg, in WeChat's words (the client shows its own plain words).
ERRMSG = {
    0: "ok",
    -1: "system error",
    40001: "invalid credential, access_token is invalid or not latest",
    40013: "invalid appid",
    40014: "invalid access_token",
    40125: "invalid appsecret",
    40164: "invalid ip, not in whitelist",
    41001: "access_token missing",
    42001: "access_token expired",
    45009: "reach max api daily quota limit",
    300004: "goods not exist",
    300017: "goods not audited",
    300022: "room not exist",
    300023: "room is not live",
    300047: "goods is pushing, please wait",
    300052: "goods is off sale",
    300053: "goods not in room",
    9410000: "room list is empty",
    9410005: "another room has pushed today",
    9410006: "room is not in live status",
}


@dataclass
class EmuGoods:
    goods_id: int
    name: str
    price_fen: int
    price2_fen: int = 0
    price_type: int = 1
    cover_img: str = ""
    url: str = "pages/goods/detail"
    audit_status: int = 2  # 0 not submitted, 1 in review, 2 approved, 3 rejected


@dataclass
class EmuRoom:
    room_id: int
    name: str
    live_status: int = 102
    anchor_name: str = "主播"
    start_time: int = 0
    end_time: int = 0
    shelf: dict[int, bool] = field(default_factory=dict)  # goods id → on sale, in shelf order


@dataclass
class EmulatorState:
    """Everything the emulator knows. Tests may change it directly (in-process) or over HTTP."""

    clock: Callable[[], float] = time.monotonic
    wall_clock: Callable[[], float] = time.time
    app_id: str | None = None  # None: any AppID is accepted; set to check it (40013)
    app_secret: str | None = None  # None: any AppSecret is accepted; set to check it (40125)
    token_lifetime: float = 7200.0
    push_window: float = 2.0  # seconds a goods push stays "in progress" (300047)
    push_server: str = "rtmp://127.0.0.1:1935/live/"  # where getpushurl's address points
    ip_whitelisted: bool = True
    delay: float = 0.0  # seconds every API answer waits (a slow network, for UI tests)
    rooms: dict[int, EmuRoom] = field(default_factory=dict)
    library: dict[int, EmuGoods] = field(default_factory=dict)
    followers: list[str] = field(default_factory=list)
    quotas: dict[str, int] = field(default_factory=dict)  # api → calls left today (absent: unlimited)
    failures: list[tuple[str | None, int]] = field(default_factory=list)  # (api or any, errcode) queue
    tokens: dict[str, float] = field(default_factory=dict)  # token → expires at (clock)
    push_busy_until: dict[int, float] = field(default_factory=dict)
    pushes: list[dict[str, int]] = field(default_factory=list)  # every accepted goods push
    notices: list[dict[str, Any]] = field(default_factory=list)  # every accepted subscriber notice
    calls: dict[str, int] = field(default_factory=dict)  # api → calls accepted today (quota counter)
    requests: dict[str, int] = field(default_factory=dict)  # api → every request, refused ones too
    # Every API request in order: {"api", "query" (no access_token), "body", "errcode"}.
    request_log: list[dict[str, Any]] = field(default_factory=list)
    day: dt.date | None = None

    def today(self) -> dt.date:
        return dt.datetime.fromtimestamp(self.wall_clock(), CHINA).date()

    def new_day(self) -> None:
        """The day rolled over (China time): daily counters start again."""
        self.day = self.today()
        self.calls.clear()

    # -- tokens --------------------------------------------------------------------------------

    def issue_token(self, force: bool) -> tuple[str, int]:
        now = self.clock()
        if not force:
            alive = [(t, exp) for t, exp in self.tokens.items() if exp > now]
            if alive:
                token, expires = max(alive, key=lambda te: te[1])
                return token, int(expires - now)
        token = "EMU_" + secrets.token_urlsafe(24)
        self.tokens[token] = now + self.token_lifetime
        return token, int(self.token_lifetime)

    def expire_tokens(self) -> None:
        now = self.clock()
        for token in self.tokens:
            self.tokens[token] = min(self.tokens[token], now)

    def check_token(self, token: str | None) -> int:
        if not token:
            return 41001
        if not token.startswith("EMU_"):
            return 40014
        expires = self.tokens.get(token)
        if expires is None:
            return 40001
        return 42001 if expires <= self.clock() else 0

    # -- demo data -----------------------------------------------------------------------------

    def seed_demo(self) -> EmulatorState:
        """A rehearsal room that is live, one that is not, and a small goods library."""
        goods = [
            EmuGoods(2001, "云南小粒咖啡 500g", 6990, cover_img="https://example.invalid/coffee.png"),
            EmuGoods(2002, "手工牛轧糖礼盒", 12800, 9900, price_type=3),
            EmuGoods(2003, "保温杯 480ml", 8900, 12900, price_type=2),
            EmuGoods(2004, "蓝牙耳机（审核中）", 19900, audit_status=1),
            EmuGoods(2005, "围巾 羊毛", 15900),
        ]
        self.library = {g.goods_id: g for g in goods}
        now = int(self.wall_clock())
        self.rooms = {
            1001: EmuRoom(1001, "彩排直播间 · 今晚好物", live_status=101, start_time=now,
                          end_time=now + 4 * 3600, shelf={2001: True, 2002: True, 2003: False}),
            1002: EmuRoom(1002, "明晚专场", live_status=102, start_time=now + 86400,
                          end_time=now + 86400 + 3 * 3600),
        }
        self.followers = [f"o_emu_follower_{i:04d}" for i in range(5)]
        return self

    def snapshot(self) -> dict[str, Any]:
        return {
            "rooms": {rid: {"name": r.name, "live_status": r.live_status,
                            "shelf": {str(g): on for g, on in r.shelf.items()}}
                      for rid, r in self.rooms.items()},
            "library": {gid: {"name": g.name, "audit_status": g.audit_status}
                        for gid, g in self.library.items()},
            "quotas": dict(self.quotas),
            "calls": dict(self.calls),
            "requests": dict(self.requests),
            "pushes": list(self.pushes),
            "request_log": list(self.request_log),
            "notices": list(self.notices),
            "valid_tokens": sum(1 for exp in self.tokens.values() if exp > self.clock()),
        }
