"""Click → 讲解 toggled on the local Channels replica: through ChannelsRoom (the console's loop →
the browser thread → the page, the link's flipped text checked after the click, every wait
bounded) against Playwright clicking the same element directly (``locator.click()`` and a wait
for the flipped text), in the same run.

Both run in the same process, each against its own replica and browser (so neither sees the
other's state). The measurement is interleaved pair by pair, and the order inside a pair
alternates, so a slow moment of the shared machine falls on both sides; a warm-up is left out.
Printed: the ratio of the medians, the median of the per-pair ratios and the spread of the
per-block ratios. Target ≤ 1.2×. No assertion on time.

A second line compares with ``click(force=True)`` — Playwright's click without its actionability
waits (two animation frames for "stable", the hit test): the floor of a direct Playwright click,
to show what the console's own hit test and in-page watch cost against it.
"""

from __future__ import annotations

import asyncio
import statistics
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from studio.room.base import RoomAction, RoomRequest
from studio.room.channels import ChannelsRoom, ConsoleState, load_console_map
from studio.room.channels.console import BROWSER_ARGS, find_browser
from tests.bench.figures import median_ms, p90_ms
from tests.lab.channels_replica import ChannelsReplica, logged_in_profile

pytestmark = pytest.mark.integration
WARM_UP, BLOCKS, PER_BLOCK = 6, 10, 20  # 200 measured toggles each side
LINK = 'span[data-id="10000001"]'


def test_bench_channels_explain_toggle(tmp_path: Path, run: Any, capsys: pytest.CaptureFixture[str]) -> None:
    if find_browser() is None:
        pytest.fail("no Chromium: run scripts/install-system-deps.sh")
    ours_replica, bare_replica = ChannelsReplica().start(), ChannelsReplica().start()
    logged_in_profile(ours_replica, tmp_path / "ours")
    room = ChannelsRoom("bench", tmp_path / "ours",
                        load_console_map(Path("/nonexistent")).with_base_url(ours_replica.base_url), wait_s=3)
    bare_loop = asyncio.new_event_loop()
    threading.Thread(target=bare_loop.run_forever, daemon=True).start()
    bare: dict[str, Any] = {}

    async def bare_open() -> None:
        from playwright.async_api import async_playwright

        bare["pw"] = await async_playwright().start()
        bare["browser"] = await bare["pw"].chromium.launch(executable_path=find_browser(), headless=True,
                                                          args=[*BROWSER_ARGS, "--no-sandbox"])
        context = await bare["browser"].new_context(viewport={"width": 1280, "height": 900})
        await context.add_cookies([bare_replica.log_in_cookie()])
        page = await context.new_page()
        await page.goto(bare_replica.base_url + "/platform/live/commodity/onsale/index")
        bare["page"] = page

    async def bare_toggle(on: bool, force: bool = False) -> float:
        page = bare["page"]
        t0 = time.perf_counter()
        await page.locator(LINK).click(force=force)
        await page.wait_for_function(f"t => document.querySelector('{LINK}').textContent.trim() === t",
                                     arg="结束讲解" if on else "讲解")
        return time.perf_counter() - t0

    def bare_once(on: bool, force: bool = False) -> float:
        return asyncio.run_coroutine_threadsafe(bare_toggle(on, force), bare_loop).result(60)

    def ours_once(on: bool) -> float:
        action = RoomAction.PUSH_GOODS if on else RoomAction.END_EXPLAIN
        t0 = time.perf_counter()
        result = run(room.perform(RoomRequest(action, goods_id="10000001", title="保温杯")), timeout=60)
        took = time.perf_counter() - t0
        assert result.ok, result.message
        return took

    bare_times: list[float] = []
    force_times: list[float] = []
    ours_times: list[float] = []
    pair_ratios: list[float] = []
    block_ratios: list[float] = []
    toggles = 0
    try:
        asyncio.run_coroutine_threadsafe(bare_open(), bare_loop).result(60)
        assert run(room.connect(), timeout=60) is ConsoleState.LIVE
        for n in range(WARM_UP):
            bare_once(True)
            bare_once(False, force=True)
            ours_once(n % 2 == 0)
            toggles += 1
        for _block in range(BLOCKS):
            bare_block, ours_block = [], []
            for i in range(PER_BLOCK):
                on = toggles % 2 == 0
                # the direct side turns 讲解 on with click() and off again with click(force=True)
                if i % 2 == 0:
                    b = bare_once(True)
                    o = ours_once(on)
                else:
                    o = ours_once(on)
                    b = bare_once(True)
                force_times.append(bare_once(False, force=True))
                toggles += 1
                bare_block.append(b)
                ours_block.append(o)
                pair_ratios.append(o / b)
            bare_times += bare_block
            ours_times += ours_block
            block_ratios.append(statistics.median(ours_block) / statistics.median(bare_block))
        # every toggle really landed, each one checked by the page's own record
        assert len(ours_replica.snapshot()["records"]) == toggles
        assert len(bare_replica.snapshot()["records"]) == 2 * toggles
    finally:
        run(room.close(), timeout=30)

        async def bare_close() -> None:
            await bare["browser"].close()
            await bare["pw"].stop()

        if "browser" in bare:
            asyncio.run_coroutine_threadsafe(bare_close(), bare_loop).result(60)
        bare_loop.call_soon_threadsafe(bare_loop.stop)
        ours_replica.stop()
        bare_replica.stop()
    b, o = median_ms(bare_times), median_ms(ours_times)
    with capsys.disabled():
        print(f"\n[bench] Channels 讲解 toggle, {len(ours_times)} each (interleaved, {WARM_UP} warm-up left out): "
              f"Playwright direct median {b:.1f} ms, console {o:.1f} ms, ratio of medians "
              f"{o / b:.3f}x, median pair ratio {statistics.median(pair_ratios):.3f}x, block ratios "
              f"{min(block_ratios):.3f}–{max(block_ratios):.3f}x (p90 direct "
              f"{p90_ms(bare_times):.1f} ms, console {p90_ms(ours_times):.1f} ms)")
        f = median_ms(force_times)
        print(f"[bench] against Playwright's click(force=True) (no actionability waits) + the same wait: median "
              f"{f:.1f} ms, ratio {o / f:.3f}x")
