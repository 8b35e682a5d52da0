"""Click → 讲解 toggled on the local Channels replica: through ChannelsRoom (loop → browser thread →
page, checked after the click) against Playwright clicking the same kind of element directly.

Both run in the same process against their own replica (so neither sees the other's state), in
interleaved rounds. Target ≤ 1.2×. Prints the ratio of medians; no assertion on time.
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
from tests.lab.channels_replica import ChannelsReplica, logged_in_profile

pytestmark = pytest.mark.integration
ROUNDS, PER_ROUND = 5, 8


def test_bench_channels_explain_toggle(tmp_path: Path, run: Any, capsys: pytest.CaptureFixture[str]) -> None:
    if find_browser() is None:
        pytest.fail("no Chromium: run scripts/install-system-deps.sh")
    ours_replica, bare_replica = ChannelsReplica().start(), ChannelsReplica().start()
    logged_in_profile(ours_replica, tmp_path / "ours")
    room = ChannelsRoom("bench", tmp_path / "ours",
                        load_console_map(Path("/nonexistent")).with_base_url(ours_replica.base_url), wait_s=3)
    bare_times: list[float] = []
    ours_times: list[float] = []
    bare_loop = asyncio.new_event_loop()
    threading.Thread(target=bare_loop.run_forever, daemon=True).start()
    bare: dict[str, Any] = {}

    async def bare_open() -> None:
        from playwright.async_api import async_playwright

        bare["pw"] = await async_playwright().start()
        bare["browser"] = await bare["pw"].chromium.launch(executable_path=find_browser(), headless=True,
                                                          args=[*BROWSER_ARGS, "--no-sandbox"])
        context = await bare["browser"].new_context()
        await context.add_cookies([bare_replica.log_in_cookie()])
        page = await context.new_page()
        await page.goto(bare_replica.base_url + "/platform/live/commodity/onsale/index")
        bare["page"] = page

    async def bare_toggle(i: int) -> None:
        link = bare["page"].locator('span[data-id="10000001"]')
        want = "结束讲解" if i % 2 == 0 else "讲解"
        t0 = time.perf_counter()
        await link.click()
        await bare["page"].wait_for_function(
            "([el, t]) => el.textContent.trim() === t", arg=[await link.element_handle(), want])
        bare_times.append(time.perf_counter() - t0)

    def on_bare(coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, bare_loop).result(60)

    try:
        on_bare(bare_open())
        assert run(room.connect(), timeout=60) is ConsoleState.LIVE
        for _ in range(ROUNDS):
            for i in range(PER_ROUND):
                on_bare(bare_toggle(i))
                action = RoomAction.PUSH_GOODS if i % 2 == 0 else RoomAction.END_EXPLAIN
                t0 = time.perf_counter()
                result = run(room.perform(RoomRequest(action, goods_id="10000001", title="保温杯")), timeout=60)
                ours_times.append(time.perf_counter() - t0)
                assert result.ok, result.message
        assert len(ours_replica.snapshot()["records"]) == ROUNDS * PER_ROUND  # every toggle really landed
    finally:
        run(room.close(), timeout=30)

        async def bare_close() -> None:
            await bare["browser"].close()
            await bare["pw"].stop()

        if "browser" in bare:
            on_bare(bare_close())
        bare_loop.call_soon_threadsafe(bare_loop.stop)
        ours_replica.stop()
        bare_replica.stop()
    b, o = statistics.median(bare_times), statistics.median(ours_times)
    with capsys.disabled():
        print(f"\n[bench] Channels 讲解 toggle, {len(ours_times)} each: Playwright direct median {b * 1000:.1f} ms, "
              f"console {o * 1000:.1f} ms, ratio {o / b:.3f}x (p90 direct "
              f"{statistics.quantiles(bare_times, n=10)[-1] * 1000:.1f} ms, console "
              f"{statistics.quantiles(ours_times, n=10)[-1] * 1000:.1f} ms)")
