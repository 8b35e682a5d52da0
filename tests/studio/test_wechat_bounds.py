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
from tests.lab.network import http_server

CHUNK = b"x" * 65536


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
        async with http_server("/answer", _sixty_megabytes(sent, declare)) as base, \
                aiohttp.ClientSession() as session:
            with pytest.raises(WeChatUnreachable) as refused:
                await read_json(session.get(f"{base}/answer"), "getgoodsware")
        return str(refused.value)

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
        async with http_server("/answer", handler) as base, aiohttp.ClientSession() as session:
            return await read_json(session.get(f"{base}/answer"), "getgoodsware")

    answer = asyncio.run(scenario())
    assert len(answer["goods"]) == 20_000
    assert parsed_on and threading.main_thread() not in parsed_on


def test_a_deeply_nested_answer_is_a_plain_words_error():
    async def handler(request: web.Request) -> web.Response:
        return web.Response(body=b"[" * 200_000 + b"]" * 200_000, content_type="application/json")

    async def scenario() -> None:
        async with http_server("/answer", handler) as base, aiohttp.ClientSession() as session:
            with pytest.raises(WeChatUnreachable):
                await read_json(session.get(f"{base}/answer"), "getgoodsware")

    asyncio.run(scenario())
