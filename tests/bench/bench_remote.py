"""A press over the remote API (HTTP on loopback → pad.run) vs the same press from the pad itself.

The API's presses come from another program (a Stream Deck or Companion is one): a small client
process on one keep-alive connection, so its own work does not run on the console's loop.

Both run the real pad over a real show log on disk (the live room and the overlay are in-memory
fakes, so the action is as cheap as it gets and the API's overhead shows at its largest), in
interleaved rounds in the same process so that drift of the machine hits both alike. Prints the
ratio of medians; target ≤ 1.2×. No assertion on time.
"""

from __future__ import annotations

import statistics
import time

import aiohttp
import pytest

from studio.remote.api import RemoteApi
from studio.remote.auth import RateLimiter
from studio.remote.state import RemoteState
from studio.show.pad import Pad
from studio.show.plan import load_plan
from studio.show.session import ShowController
from tests.fakes.room import FakeRoom
from tests.fakes.show import EXAMPLE, FakeOverlays

ROUNDS, PER_ROUND = 6, 15
TOKEN = "bench-token-0123456789abcdefghijklmn"
# The presser is another program, as a Stream Deck or Companion is: one keep-alive connection,
# "N" on stdin presses N times, the round-trip seconds come back on stdout, one line a press.
CLIENT = r"""
import http.client, sys, time
port, token, path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
conn = http.client.HTTPConnection("127.0.0.1", port)
for line in sys.stdin:
    for _ in range(int(line)):
        t0 = time.perf_counter()
        conn.request("POST", path, headers={"Authorization": "Bearer " + token})
        answer = conn.getresponse()
        answer.read()
        print(time.perf_counter() - t0, answer.status, flush=True)
"""


class Presser:
    """The out-of-process client; ``await press(n)`` returns n round trips (the loop serves meanwhile)."""

    def __init__(self, port: int, path: str) -> None:
        import subprocess
        import sys

        self.process = subprocess.Popen([sys.executable, "-c", CLIENT, str(port), TOKEN, path],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    async def press(self, n: int) -> list[float]:
        import asyncio

        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{n}\n")
        self.process.stdin.flush()
        times = []
        for _ in range(n):
            line = await asyncio.to_thread(self.process.stdout.readline)
            seconds, status = line.split()
            assert status == "200", line
            times.append(float(seconds))
        return times

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(10)


def test_bench_remote_press_vs_pad_press(run, tmp_path, capsys):
    pad_times: list[float] = []
    api_times: list[float] = []
    state_times: list[float] = []

    async def scenario() -> None:
        controller = ShowController(load_plan(EXAMPLE), FakeRoom(), FakeOverlays(), directory=tmp_path / "show")
        pad = Pad(controller)
        await controller.start_new()
        controller.session.rundown.start_show()
        # The bench presses faster than any hand: lift the rate limit for it.
        api = RemoteApi(RemoteState(pad, show=controller), TOKEN, limiter=RateLimiter(rate=1e6, burst=1e6))
        await api.start()
        headers = {"Authorization": f"Bearer {TOKEN}"}
        presser = Presser(api.port, "/api/v1/actions/push/run?source=api")
        try:
            async with aiohttp.ClientSession() as http:
                for _ in range(ROUNDS):
                    for _ in range(PER_ROUND):
                        t0 = time.perf_counter()
                        result = await pad.run("push")
                        pad_times.append(time.perf_counter() - t0)
                        assert result.status.value == "sent"
                    api_times.extend(await presser.press(PER_ROUND))
                    for _ in range(PER_ROUND):
                        t0 = time.perf_counter()
                        async with http.get(f"{api.url()}/api/v1/state", headers=headers) as r:
                            await r.read()
                        state_times.append(time.perf_counter() - t0)
        finally:
            presser.close()
            await api.stop()
            await controller.close()

    run(scenario(), timeout=300)
    p, a, s = (statistics.median(x) * 1000 for x in (pad_times, api_times, state_times))
    with capsys.disabled():
        print(f"\n[bench] press 商品上屏, {ROUNDS * PER_ROUND} each, median: from the pad {p:.2f} ms, over the "
              f"remote API {a:.2f} ms → ratio {a / p:.2f}× (target ≤ 1.2×); GET /api/v1/state alone "
              f"{s:.2f} ms")


@pytest.mark.integration
def test_bench_remote_press_vs_pad_press_with_a_real_obs(obs_factory, run, tmp_path, capsys):
    """The same, with the product card really drawn in OBS (the dry-run room): the press as a host
    sees it. Marked integration: it needs the lab's OBS."""
    from studio.obs.overlays import ObsOverlays
    from studio.room.dryrun import DryRunRoom
    from studio.show.actions import ObsOverlaysAdapter
    from tests.lab.frames import obs_connection, set_canvas

    obs = obs_factory()
    pad_times: list[float] = []
    api_times: list[float] = []

    async def scenario() -> None:
        async with obs_connection(obs) as link:
            await set_canvas(link, 720, 1280)
            overlays = ObsOverlaysAdapter(ObsOverlays(link), plan_dir=EXAMPLE.parent)
            controller = ShowController(load_plan(EXAMPLE), DryRunRoom(), overlays, directory=tmp_path / "show")
            pad = Pad(controller)
            await controller.start_new()
            controller.session.rundown.start_show()
            api = RemoteApi(RemoteState(pad, show=controller), TOKEN, limiter=RateLimiter(rate=1e6, burst=1e6))
            await api.start()
            presser = Presser(api.port, "/api/v1/actions/push/run?source=api")
            try:
                for _ in range(40):  # alternating press by press: OBS's own pace hits both alike
                    t0 = time.perf_counter()
                    result = await pad.run("push")
                    pad_times.append(time.perf_counter() - t0)
                    assert result.status.value == "sent", result.message
                    api_times.extend(await presser.press(1))
            finally:
                presser.close()
                await api.stop()
                await controller.close()

    run(scenario(), timeout=300)
    p, a = (statistics.median(x) * 1000 for x in (pad_times, api_times))
    with capsys.disabled():
        print(f"\n[bench] press 商品上屏 with a real OBS overlay, {len(pad_times)} each, median: from the pad "
              f"{p:.1f} ms, over the remote API {a:.1f} ms → ratio {a / p:.2f}× (target ≤ 1.2×)")
