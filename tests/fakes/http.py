"""An ``aiohttp.ClientSession`` that answers from a script, for the HTTP clients' unit tests.

``queue(path, *answers)`` lines up JSON answers for an API path (``wxa/business/...``), answered
in order; ``serve(url, status, body)`` sets raw bytes for a plain GET (product images). A request
for anything not scripted raises ``AssertionError``: a misspelt path fails the test instead of
passing on a default "ok". Every request is recorded in ``requests`` as ``(path, access_token)``
and every GET in ``fetched``.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any


class FakeResponse:
    """The parts of aiohttp's response the console reads: status, content_length, content."""

    def __init__(self, body: bytes, status: int = 200) -> None:
        self.status = status
        self._body = body
        self.content_length = len(body)
        self.content = self

    @classmethod
    def of_json(cls, data: dict[str, Any]) -> FakeResponse:
        return cls(json.dumps(data, ensure_ascii=False).encode("utf-8"))

    async def __aenter__(self) -> FakeResponse:
        return self

    async def __aexit__(self, *exc: Any) -> None:
        return None

    async def iter_chunked(self, size: int) -> AsyncIterator[bytes]:
        for start in range(0, len(self._body), size):
            yield self._body[start:start + size]

    async def read(self, limit: int = -1) -> bytes:
        return self._body if limit < 0 else self._body[:limit]


class FakeSession:
    closed = False

    def __init__(self) -> None:
        self.answers: dict[str, list[dict[str, Any]]] = {}
        self.files: dict[str, tuple[int, bytes]] = {}
        self.requests: list[tuple[str, str]] = []
        self.fetched: list[str] = []
        self.refused_token: str | None = None  # answer 40001 to this token, whatever is queued

    def queue(self, path: str, *answers: dict[str, Any]) -> None:
        self.answers.setdefault(path, []).extend(answers)

    def serve(self, url: str, status: int, body: bytes) -> None:
        self.files[url] = (status, body)

    def request(self, method: str, url: str, params: dict[str, Any], json: Any = None) -> FakeResponse:
        path = url.split("/", 3)[3]
        self.requests.append((path, params["access_token"]))
        if params["access_token"] == self.refused_token:
            return FakeResponse.of_json({"errcode": 40001})
        queue = self.answers.get(path)
        if not queue:
            raise AssertionError(f"FakeSession: no answer queued for {method} {path}")
        return FakeResponse.of_json(queue.pop(0))

    def get(self, url: str, **_kwargs: Any) -> FakeResponse:
        self.fetched.append(url)
        if url not in self.files:
            raise AssertionError(f"FakeSession: nothing served at {url}")
        status, body = self.files[url]
        return FakeResponse(body, status)

    async def close(self) -> None:
        self.closed = True
