"""A synthetic 2-hour show for the review tests: the real rundown, actions, show log and health
recorder driven by a hand-moved clock, plus the platform exports such a show would have.

``make_show(directory)`` returns a ``SyntheticShow`` with the log and health files and the script's
times (seconds after ``T0``) so the tests can compute the expected figures by hand.
The show (T0 = 2024-06-18 20:00 in UTC+8):

    0     开场 (segment)                30   announcement “welcome”
    180   lottery step; lottery “bag” started (10 min)
    240   explain fan (target 10 min) … 960 (12 min: an overrun of 2 min)
    960   draw step; “bag” drawn at 970
    1020  coupon step; coupon c199 pushed (5 min)
    1080  explain cup … 1680        OBS gone 1500–1590 (log + health samples)
    1680  segment 引导分享 … 1800
    1800  返场 fan … 2100; push at 1805 fails in the live room, again at 1810: done
    2100  lottery step; lottery “big” started
    2160  explain towel … 2760      scene switch at 2400, then the console CRASHES; resumed at 2490
    2760  draw step; “big” drawn at 2770
    2820  explain tea … 3420        low bitrate 3000–3019, dropped frames 3600–3604
    3420  segment 收尾 … 3720 (the flash sale planned before it is skipped); then nothing on air
          (gap 3720–3900)
    3900  返场 cup … 4500 (push at 3905); gap 4500–4600; announcement at 4600 (20 s); gap 4620–4800
    4800  返场 tea … 6000           OBS reconnecting to the ingest 5000–5029
    6000  coupon again (5 min, no step on air) … 6300; gap 6300–6600
    6600  announcement “coupon”; 6620 返场 towel … 7180; show ended at 7200
"""

from __future__ import annotations

import asyncio
import csv
import io
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from studio.health.history import Marker
from studio.health.record import HealthRecorder
from studio.health.sampler import Sample, SampleState
from studio.room.base import LiveRoom, Outcome, RoomAction, RoomRequest, RoomResult
from studio.show.log import ShowLog
from studio.show.plan import load_plan
from studio.show.rundown import Rundown
from studio.show.session import ShowSession
from tests.fakes.clock import FakeClock
from tests.fakes.show import FakeOverlays

T0 = 1_718_712_000.0  # 2024-06-18 12:00 UTC = 20:00 in Beijing
CST = timezone(timedelta(hours=8))
SHOW_S = 7200

PLAN = """
[show]
title = "夏日好物专场"
kind = "sales"
planned_minutes = 120
minutes_per_product = 10

[[products]]
id = "fan"
name = "便携折叠小风扇"
live_price = 49.90
goods_id = "10086001"

[[products]]
id = "cup"
name = "316 不锈钢保温杯"
live_price = 69.00
goods_id = "10086002"

[[products]]
id = "towel"
name = "冰感速干运动毛巾"
live_price = 19.90
goods_id = "10086003"

[[products]]
id = "tea"
name = "冷泡茶礼盒"
live_price = 99.00
goods_id = "10086004"

[[coupons]]
id = "c199"
name = "满199减30"
minutes = 5

[[lotteries]]
id = "bag"
prize = "品牌帆布包"
minutes = 10

[[lotteries]]
id = "big"
prize = "蓝牙耳机大奖"
minutes = 10

[[announcements]]
id = "welcome"
text = "欢迎来到直播间, 点关注不迷路"

[[announcements]]
id = "coupon"
text = "满199减30优惠券已发放, 先领券再下单"

[[order]]
step = "segment"
title = "开场: 介绍主播和今晚福利"
minutes = 3

[[order]]
step = "lottery"
ref = "bag"

[[order]]
step = "explain"
ref = "fan"

[[order]]
step = "draw"
ref = "bag"

[[order]]
step = "coupon"
ref = "c199"

[[order]]
step = "explain"
ref = "cup"

[[order]]
step = "segment"
title = "引导分享、加关注"
minutes = 2

[[order]]
step = "lottery"
ref = "big"

[[order]]
step = "explain"
ref = "towel"

[[order]]
step = "draw"
ref = "big"

[[order]]
step = "explain"
ref = "tea"

[[order]]
step = "flash_sale"
ref = "towel"
title = "毛巾秒杀"

[[order]]
step = "segment"
title = "收尾: 预告下一场"
minutes = 5
"""

# Health: what each second of the show looked like (seconds after T0).
OBS_GONE = (1500, 1590)
CRASH = (2400, 2490)  # the console is down: no events, no samples
LOW_BITRATE = (3000, 3020)
DROPPED = (3600, 3605)
RECONNECTING = (5000, 5030)
PUSH_FAILS_AT = 1805


class ScriptedRoom(LiveRoom):
    """A live room that takes everything, except the calls a test told it to fail."""

    def __init__(self) -> None:
        self.name = "小程序直播间 1001"
        self.fail_next: set[RoomAction] = set()
        self.performed: list[RoomRequest] = []

    def supports(self, action: RoomAction) -> bool:
        return True

    async def perform(self, request: RoomRequest) -> RoomResult:
        self.performed.append(request)
        if request.action in self.fail_next:
            self.fail_next.discard(request.action)
            return RoomResult(self.name, Outcome.FAILED, "网络超时, 请重试", error_code=-1)
        return RoomResult(self.name, Outcome.DONE, "ok")


@dataclass
class SyntheticShow:
    log: Path
    health: list[Path]
    plan: Path
    clock: FakeClock
    room: ScriptedRoom
    step_ids: dict[str, str] = field(default_factory=dict)  # a name in the script → step id


def health_state(t: int) -> tuple[SampleState, float | None, float | None]:
    """(state, kbps, dropped %) of second ``t`` of the show."""
    if OBS_GONE[0] <= t < OBS_GONE[1]:
        return SampleState.OBS_GONE, None, None
    if RECONNECTING[0] <= t < RECONNECTING[1]:
        return SampleState.RECONNECTING, None, None
    kbps = 600.0 if LOW_BITRATE[0] <= t < LOW_BITRATE[1] else 2400.0 + (t % 7) * 10
    dropped = 2.5 if DROPPED[0] <= t < DROPPED[1] else 0.0
    return SampleState.LIVE, kbps, dropped


def _sample(t: int) -> Sample:
    state, kbps, dropped = health_state(t)
    return Sample(time=T0 + t, mono=float(t), state=state, kbps=kbps, dropped_pct=dropped,
                  congestion=0.0 if state is SampleState.LIVE else None, fps=30.0 if kbps else None)


def write_health(directory: Path, start: int, end: int, markers: list[tuple[int, str, str]] = ()) -> Path:
    recorder = HealthRecorder(directory, wall_clock=lambda: T0 + start)
    path = recorder.begin(T0 + start)
    for t in range(start, end):
        recorder.write_sample(_sample(t))
    for t, kind, label in markers:
        recorder.write_marker(Marker(T0 + t, kind, label))
    recorder.close()
    return path


def make_show(directory: Path) -> SyntheticShow:
    directory.mkdir(parents=True, exist_ok=True)
    plan_path = directory / "plan.toml"
    plan_path.write_text(PLAN, encoding="utf-8")
    plan = load_plan(plan_path)
    clock = FakeClock(T0)
    room = ScriptedRoom()
    overlays = FakeOverlays()
    shows = directory / "shows"
    show = SyntheticShow(shows / "20240618-200000-夏日好物专场.showlog.jsonl", [], plan_path, clock, room)

    def at(t: float) -> None:
        clock.now = T0 + t

    async def first_part() -> None:
        log = ShowLog(show.log, clock)
        rundown = Rundown(plan, clock=clock, sink=log.append)
        session = ShowSession(plan, log, rundown, _actions(rundown, room, overlays, clock), clock)
        actions = session.actions
        at(0)
        rundown.start_show()
        at(30)
        assert (await actions.push_announcement("welcome")).status.value == "sent"
        at(180)
        rundown.advance()
        assert (await actions.start_lottery("bag")).status.value == "sent"
        at(240)
        assert (await actions.explain("fan")).status.value == "sent"
        show.step_ids["fan"] = rundown.current.id
        at(960)
        rundown.advance()
        at(970)
        assert (await actions.draw_lottery("bag")).status.value == "sent"
        at(1020)
        rundown.advance()
        assert (await actions.push_coupon("c199")).status.value == "sent"
        at(1080)
        assert (await actions.explain("cup")).status.value == "sent"
        at(OBS_GONE[0])
        rundown.record("obs_disconnected", reason="connection closed")
        at(OBS_GONE[1])
        rundown.record("obs_reconnected")
        at(1680)
        rundown.advance()
        at(1800)
        rundown.rerun("fan", now=True)
        show.step_ids["fan_rerun"] = rundown.current.id
        at(PUSH_FAILS_AT)
        room.fail_next.add(RoomAction.PUSH_GOODS)
        assert (await actions.push_product("fan", confirmed=True)).status.value == "partial"
        at(1810)
        assert (await actions.push_product("fan", confirmed=True)).status.value == "sent"
        at(2100)
        rundown.advance()
        assert (await actions.start_lottery("big")).status.value == "sent"
        at(2160)
        assert (await actions.explain("towel")).status.value == "sent"
        at(CRASH[0])
        rundown.record("scene_switched", scene="产品特写")
        log.close()  # the console dies here: nothing more is logged until the resume

    async def second_part() -> None:
        at(CRASH[1])
        session = await ShowSession.resume(plan, show.log, room, overlays, clock=clock)
        rundown, actions = session.rundown, session.actions

        def end_step() -> None:
            # The host ends what is on air without starting the next step (the skipped flash sale
            # stays pending): the rundown's own event for it.
            rundown.record("step_ended", step=rundown.current.id)
        at(2760)
        rundown.advance()
        at(2770)
        assert (await actions.draw_lottery("big")).status.value == "sent"
        at(2820)
        assert (await actions.explain("tea", confirmed=True)).status.value == "sent"
        at(3420)
        closing = next(x for x in rundown.steps if x.title.startswith("收尾"))
        rundown.go_to(closing.id)  # 收尾: the flash sale before it is skipped
        at(3720)
        rundown.advance()  # the end of the list: nothing on air
        at(3900)
        rundown.rerun("cup", now=True)
        await actions.push_product("cup", confirmed=True)
        at(3905)
        at(4500)
        end_step()
        at(4600)
        assert (await actions.push_announcement(text="新人下单再送小样")).status.value == "sent"
        at(4800)
        rundown.rerun("tea", now=True)
        at(6000)
        end_step()
        assert (await actions.push_coupon("c199", confirmed=True)).status.value == "sent"
        at(6600)
        assert (await actions.push_announcement("coupon", confirmed=True)).status.value == "sent"
        at(6620)
        rundown.rerun("towel", now=True)
        at(7180)
        end_step()
        at(SHOW_S)
        rundown.end_show()
        await session.close()

    asyncio.run(first_part())
    asyncio.run(second_part())
    health = directory / "health"
    show.health = [write_health(health, 0, CRASH[0], [(0, "stream_started", "Stream started")]),
                   write_health(health, CRASH[1], SHOW_S)]
    return show


def _actions(rundown: Rundown, room: LiveRoom, overlays: FakeOverlays, clock: FakeClock) -> Any:
    from studio.show.actions import ShowActions
    return ShowActions(rundown, room, overlays, clock)


# --- the platform's exports ------------------------------------------------------------------------

MISSING_MINUTES = (25, 26)  # no row at all
EMPTY_ORDERS_MINUTE = 40  # a row whose orders cell is empty


def minute_values(k: int) -> dict[str, float]:
    """What the platform counted in minute ``k`` of the show (20:00 + k)."""
    return {"online": 100.0 + k, "visitors": 10.0 + k % 5, "clicks": float(k % 7),
            "orders": float(k % 3), "revenue": 49.9 * (k % 3)}


def minute_rows(time_only: bool = False) -> list[list[Any]]:
    header = ["时间", "实时在线人数", "进入直播间人数", "商品点击人数", "成交订单数", "成交金额(元)"]
    rows: list[list[Any]] = [["直播间分钟数据 2024-06-18"], header]
    for k in range(SHOW_S // 60):
        if k in MISSING_MINUTES:
            continue
        when = datetime(2024, 6, 18, 20, 0) + timedelta(minutes=k)
        v = minute_values(k)
        orders: Any = "" if k == EMPTY_ORDERS_MINUTE else int(v["orders"])
        stamp: Any = when.strftime("%H:%M") if time_only else when.strftime("%Y-%m-%d %H:%M")
        rows.append([stamp, int(v["online"]), int(v["visitors"]), int(v["clicks"]), orders, f"{v['revenue']:.2f}"])
    return rows


PRODUCT_TABLE = [
    ["商品信息", "商品id", "曝光人数", "点击人数", "成交订单数", "成交人数", "成交金额(分)", "讲解次数"],
    ["便携折叠小风扇", "10086001", "1.2万", 800, 64, 60, 319360, 2],
    ["316 不锈钢保温杯", "10086002", "9800", 500, 30, 29, 207000, 2],
    ["冰感速干运动毛巾", "10086003", "5000", 300, 80, 75, 159200, 2],
    ["冷泡茶礼盒", "10086004", "7000", 420, "--", "", "", 2],
]


def write_minutes_csv(path: Path, encoding: str = "utf-8-sig") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(minute_rows())
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_products_csv(path: Path, encoding: str = "gb18030") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(PRODUCT_TABLE)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_export_xlsx(path: Path) -> Path:
    """One workbook, two sheets: 分钟数据 (time-only cells, as Excel keeps them) and 商品数据."""
    from datetime import time

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "分钟数据"
    for row in minute_rows(time_only=True):
        if row and isinstance(row[0], str) and ":" in row[0] and len(row) > 1:
            hours, minutes = row[0].split(":")
            row = [time(int(hours), int(minutes)), *row[1:]]
            row[-1] = float(row[-1])
        sheet.append(row)
    products = book.create_sheet("商品数据")
    for row in PRODUCT_TABLE:
        products.append(row)
    book.save(path)
    return path


# --- a long show for the benchmark ------------------------------------------------------------------


def long_plan(products: int = 20) -> str:
    lines = ['[show]', 'title = "十二小时马拉松专场"', 'planned_minutes = 720', 'minutes_per_product = 10', '']
    for n in range(products):
        lines += ["[[products]]", f'id = "p{n}"', f'name = "长播商品 {n:02d} 号"', f"live_price = {19.9 + n}",
                  f'goods_id = "{20000000 + n}"', ""]
    lines += ["[[lotteries]]", 'id = "hourly"', 'prize = "整点福袋"', "minutes = 10", ""]
    lines += ["[[coupons]]", 'id = "c50"', 'name = "满99减10"', "minutes = 5", ""]
    for n in range(products):
        lines += ["[[order]]", 'step = "explain"', f'ref = "p{n}"', ""]
    return "\n".join(lines)


def make_long_show(directory: Path, hours: int = 12, actions: int = 300) -> tuple[Path, Path]:
    """A show of ``hours`` with ``actions`` actions (explanations, pushes, lotteries, coupons,
    announcements, 返场) and a 1 Hz health record; returns (show log, health file). Written
    without fsync per line (only the reading is measured)."""
    import json as _json

    directory.mkdir(parents=True, exist_ok=True)
    plan_path = directory / "long.toml"
    plan_path.write_text(long_plan(), encoding="utf-8")
    plan = load_plan(plan_path)
    clock = FakeClock(T0)
    events: list[dict[str, Any]] = []

    def sink(type: str, **data: Any) -> dict[str, Any]:
        event = _json.loads(_json.dumps({"seq": len(events) + 1, "ts": round(clock(), 3), "type": type, **data},
                                        ensure_ascii=False, default=str))
        events.append(event)
        return event

    rundown = Rundown(plan, clock=clock, sink=sink)
    rundown.start_show()
    length = hours * 3600
    step = length / (actions + 1)
    lottery_open = False
    for n in range(actions):
        clock.now = T0 + (n + 1) * step
        kind = n % 6
        if kind == 0:
            if rundown.advance() is None:
                rundown.rerun(f"p{n % 20}", now=True)
            current = rundown.current
            rundown.record("action_result", action="explain", ref=current.ref if current else "", status="sent",
                           targets=[{"target": "room", "outcome": "done"}])
        elif kind == 1:
            rundown.goods_pushed(f"p{n % 20}")
            rundown.record("overlay_shown", overlay="product_card", ref=f"p{n % 20}", title=f"长播商品 {n % 20:02d} 号",
                           until=None)
            rundown.record("action_result", action="push_product", ref=f"p{n % 20}", status="sent",
                           targets=[{"target": "room", "outcome": "done"}, {"target": "overlay", "outcome": "done"}])
        elif kind == 2:
            if lottery_open:
                rundown.draw_lottery("hourly")
            else:
                rundown.start_lottery("hourly")
            lottery_open = not lottery_open
        elif kind == 3:
            rundown.coupon_pushed("c50")
        elif kind == 4:
            rundown.announcement_pushed("欢迎新朋友, 点关注不迷路")
        else:
            rundown.record("room_call", action="push_goods", outcome="done" if n % 30 else "failed",
                           latency_ms=120 + n % 50, message="" if n % 30 else "系统繁忙")
            rundown.record("scene_switched", scene=f"机位 {n % 3 + 1}")
    clock.now = T0 + length
    rundown.end_show()
    log_path = directory / "shows" / "long.showlog.jsonl"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log_path.write_text("".join(_json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n" for e in events),
                        encoding="utf-8")
    health = directory / "health" / "health-long.jsonl"
    health.parent.mkdir(parents=True, exist_ok=True)
    with open(health, "w", encoding="utf-8") as f:
        f.write(_json.dumps({"type": "show", "version": 1, "started": T0}) + "\n")
        for t in range(length):
            state = "reconnecting" if t % 3600 < 20 and t > 60 else "live"
            kbps = None if state != "live" else 2400.0 + (t % 97) - (1900.0 if t % 5000 < 15 else 0.0)
            record = {"type": "sample", "time": T0 + t, "state": state, "kbps": kbps,
                      "dropped_pct": 0.0 if state == "live" else None, "dropped_frames": 0, "total_frames": 30 * t,
                      "congestion": 0.0, "encoder_skipped_pct": 0.0, "render_lag_pct": 0.0, "render_ms": 1.2,
                      "cpu_pct": 12.5, "fps": 30.0}
            f.write(_json.dumps(record, separators=(",", ":")) + "\n")
    return log_path, health
