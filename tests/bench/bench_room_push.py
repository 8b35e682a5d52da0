"""Goods push round trip through WeChatLiveClient vs a bare aiohttp POST, same emulator, same run.

Prints the ratio (client / bare); never asserts timings. Run: ``pytest tests/bench/bench_room_push.py -s``.
The client's overhead is the token cache lookup, its lock, errcode handling and the dataclass-free
JSON read: it should stay close to 1.0.
"""

from __future__ import annotations

import asyncio
import statistics
import time

import aiohttp

from studio.room.emulator import EmulatorState, WeChatEmulator
from studio.room.wechat import StableTokenSource, WeChatLiveClient

ROUNDS = 5
PUSHES_PER_ROUND = 200
ROOM, GOODS = 1001, 2001


async def _bench() -> dict[str, float]:
    state = EmulatorState().seed_demo()
    state.push_window = 0.0  # every push is accepted: we time the round trip, not the rule
    emulator = WeChatEmulator(state)
    url = await emulator.start()
    client = WeChatLiveClient(StableTokenSource("wx0000000000bench", "bench-secret"), base_url=url)
    token = await client.access_token()
    push_url = url + "wxaapi/broadcast/goods/push"
    body = {"roomId": ROOM, "goodsId": GOODS}
    bare_times: list[float] = []
    client_times: list[float] = []
    async with aiohttp.ClientSession() as bare:
        for _ in range(3):  # warm both paths (connections, first requests)
            await client.push_goods(ROOM, GOODS)
            async with bare.post(push_url, params={"access_token": token}, json=body) as r:
                await r.json()
        for _ in range(ROUNDS):  # interleaved rounds: drift in the machine hits both alike
            start = time.perf_counter()
            for _ in range(PUSHES_PER_ROUND):
                async with bare.post(push_url, params={"access_token": token}, json=body) as r:
                    answer = await r.json()
                    if answer["errcode"] != 0:
                        raise RuntimeError(answer)
            bare_times.append((time.perf_counter() - start) / PUSHES_PER_ROUND)
            start = time.perf_counter()
            for _ in range(PUSHES_PER_ROUND):
                await client.push_goods(ROOM, GOODS)
            client_times.append((time.perf_counter() - start) / PUSHES_PER_ROUND)
    await client.close()
    await emulator.stop()
    bare_ms = statistics.median(bare_times) * 1000
    client_ms = statistics.median(client_times) * 1000
    return {"bare_ms": bare_ms, "client_ms": client_ms, "ratio": client_ms / bare_ms,
            "pushes": len(state.pushes)}


def test_bench_room_push() -> None:
    result = asyncio.run(_bench())
    print(f"\ngoods push round trip over loopback ({ROUNDS}×{PUSHES_PER_ROUND}, median of rounds): "
          f"bare aiohttp POST {result['bare_ms']:.3f} ms, WeChatLiveClient {result['client_ms']:.3f} ms, "
          f"ratio client/bare = {result['ratio']:.2f}")
    assert result["pushes"] == 2 * 3 + 2 * ROUNDS * PUSHES_PER_ROUND  # every push really reached the room
