"""A hostile or misconfigured live-room server: a 60 MB answer is refused after at most 8 MB read,
and a big answer is parsed off the loop (the Qt thread), never on it. Real HTTP on loopback."""

from __future__ import annotations

import asyncio
import json
import threading

import aiohttp
import pytest
from aiohttp import web

from studio.room.wechat import errors as wechat_errors
from studio.room.wechat.errors import MAX_ANSWER_BYTES, WeChatUnreachable, read_json

CHUNK = b"x" * 65536


async def _serve(handler) -> tuple[web.AppRunner, str]:
    app = web.Application()
    app.router.add_get("/answer", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}/answer"


def _sixty_megabytes(sent: dict[str, int], declare: bool):
    async def handler(request: web.Request) -> web.StreamResponse:
        size = 60 * 1024 * 1024
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        if declare:
            response.content_length = size
        await response.prepare(request)
        try:
            await response.write(b'{"errcode": 0, "filler": "')
            while sent["bytes"] < size:
                await response.write(CHUNK)
                sent["bytes"] += len(CHUNK)
            await response.write(b'"}')
        except (ConnectionError, RuntimeError):
            pass
        return response

    return handler


@pytest.mark.parametrize("declare", [False, True])
def test_a_sixty_megabyte_answer_is_refused_not_read(declare):
    sent = {"bytes": 0}

    async def scenario() -> str:
        runner, url = await _serve(_sixty_megabytes(sent, declare))
        try:
            async with aiohttp.ClientSession() as session:
                with pytest.raises(WeChatUnreachable) as refused:
                    await read_json(session.get(url), "getgoodsware")
            return str(refused.value)
        finally:
            await runner.cleanup()

    message = asyncio.run(scenario())
    assert "far larger" in message
    assert sent["bytes"] < 60 * 1024 * 1024  # the client stopped reading; it never took it all


def test_a_big_answer_is_parsed_off_the_loop(monkeypatch):
    parsed_on: list[threading.Thread] = []
    real_loads = json.loads

    def spy(text, *args, **kwargs):
        parsed_on.append(threading.current_thread())
        return real_loads(text, *args, **kwargs)

    monkeypatch.setattr(wechat_errors.json, "loads", spy)
    goods = [{"goodsId": n, "name": "冰感速干运动毛巾" * 4, "price": 4990} for n in range(20_000)]
    body = json.dumps({"errcode": 0, "goods": goods}, ensure_ascii=False).encode()
    assert 64 * 1024 < len(body) < MAX_ANSWER_BYTES

    async def handler(request: web.Request) -> web.Response:
        return web.Response(body=body, content_type="application/json")

    async def scenario() -> dict:
        runner, url = await _serve(handler)
        try:
            async with aiohttp.ClientSession() as session:
                return await read_json(session.get(url), "getgoodsware")
        finally:
            await runner.cleanup()

    answer = asyncio.run(scenario())
    assert len(answer["goods"]) == 20_000
    assert parsed_on and threading.main_thread() not in parsed_on


def test_a_deeply_nested_answer_is_a_plain_words_error():
    async def handler(request: web.Request) -> web.Response:
        return web.Response(body=b"[" * 200_000 + b"]" * 200_000, content_type="application/json")

    async def scenario() -> None:
        runner, url = await _serve(handler)
        try:
            async with aiohttp.ClientSession() as session:
                with pytest.raises(WeChatUnreachable):
                    await read_json(session.get(url), "getgoodsware")
        finally:
            await runner.cleanup()

    asyncio.run(scenario())
