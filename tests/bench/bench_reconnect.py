"""Reconnect after an OBS restart: from OBS's websocket being ready to the console saying
"connected" with the restarted OBS's program scene, over 10 restarts, against OBS's own
start-to-ready time measured in the same run (and the old backoff-only behaviour, 4 restarts).

Run: ``pytest tests/bench/bench_reconnect.py -s``. "Ready" is the first moment a Hello + Identify
of our own succeeds (polled every 10 ms from a thread). Prints medians, worst and ratios; asserts
only that every restart ended connected on the right scene (the measured thing worked).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import threading
import time

import pytest

from studio.obs.link import ConnectionTarget, LinkState, ObsLink, _ProbeFailure, probe
from studio.obs.scenes import ScenesModel
from tests.lab.processes import LAB_SCENES
from tests.lab.waiting import wait_until

pytestmark = pytest.mark.integration
RESTARTS, OLD_RESTARTS = 10, 4


def _ready_watcher(target: ConnectionTarget, found: dict[str, float], stop: threading.Event) -> threading.Thread:
    def poll() -> None:
        while not stop.is_set():
            try:
                probe(target, 0.5)
            except (_ProbeFailure, OSError):
                time.sleep(0.01)
                continue
            found["ready"] = time.monotonic()
            return

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    return thread


def _restarts(obs, run, count: int, **link_options) -> tuple[list[float], list[float]]:
    target = ConnectionTarget("127.0.0.1", obs.port, obs.password)
    link = ObsLink(target, **link_options)
    scenes = ScenesModel(link)
    connected: dict[str, float] = {}
    expected = {"scene": ""}

    def on_status(status) -> None:
        if status.state is LinkState.CONNECTED and scenes.program == expected["scene"] and "at" not in connected:
            connected["at"] = time.monotonic()

    link.status_changed.connect(on_status)
    to_connected: list[float] = []
    start_to_ready: list[float] = []

    async def cycle(n: int) -> None:
        await asyncio_to_thread(obs.stop)
        expected["scene"] = LAB_SCENES[n % len(LAB_SCENES)]
        path = obs.home / ".config/obs-studio/basic/scenes/Lab.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["current_scene"] = data["current_program_scene"] = expected["scene"]
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        connected.clear()
        await wait_until(lambda: link.state is not LinkState.CONNECTED, timeout=10)
        found: dict[str, float] = {}
        stop = threading.Event()
        launched = time.monotonic()
        watcher = _ready_watcher(target, found, stop)
        await asyncio_to_thread(obs.start)
        await wait_until(lambda: "at" in connected and "ready" in found, timeout=30)
        stop.set()
        watcher.join(2)
        start_to_ready.append(found["ready"] - launched)
        to_connected.append(max(0.0, connected["at"] - found["ready"]))
        await wait_until(lambda: scenes.available, timeout=10)  # its refresh done before the next stop
        assert scenes.program == expected["scene"]

    async def scenario() -> None:
        link.start()
        await wait_until(lambda: scenes.available, timeout=20)
        for n in range(count):
            await cycle(n + 1)
        await link.close()

    run(scenario(), timeout=60 * count)
    return to_connected, start_to_ready


async def asyncio_to_thread(fn):
    return await asyncio.to_thread(fn)


def _line(name: str, values: list[float], baseline: float) -> str:
    median, worst = statistics.median(values), max(values)
    within = sum(v <= 1.0 for v in values)
    return (f"{name}: median {median:.2f} s, worst {worst:.2f} s ({median / baseline:.2f}× / {worst / baseline:.2f}× "
            f"OBS's start-to-ready), {within} of {len(values)} within 1 s")


def test_bench_reconnect_after_obs_restart(obs_factory, run):
    obs = obs_factory()
    ours, ready = _restarts(obs, run, RESTARTS)
    old, old_ready = _restarts(obs, run, OLD_RESTARTS, port_watch_interval=0)  # the backoff alone
    baseline = statistics.median(ready + old_ready)
    print(f"\nOBS start-to-ready (websocket answers Hello+Identify): median {baseline:.2f} s, "
          f"worst {max(ready + old_ready):.2f} s over {len(ready) + len(old_ready)} starts (baseline)")
    print(_line(f"ready → connected + right scene, port watch ({RESTARTS} restarts)", ours, baseline))
    print(_line(f"ready → connected + right scene, backoff only ({OLD_RESTARTS} restarts)", old, baseline))
    print(f"port watch vs backoff only: median {statistics.median(ours) / max(statistics.median(old), 1e-3):.2f}×")
