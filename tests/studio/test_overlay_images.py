"""Product images for the card: a path is checked, a URL fetched once through the given session."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from studio.obs.overlays.images import MAX_IMAGE_BYTES, ImageFiles

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


class _Content:
    def __init__(self, body: bytes) -> None:
        self.body = body

    async def read(self, limit: int) -> bytes:
        return self.body[:limit]


class _Response:
    def __init__(self, status: int, body: bytes) -> None:
        self.status = status
        self.content = _Content(body)

    async def __aenter__(self) -> _Response:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None


class ScriptedSession:
    """The one ``aiohttp.ClientSession`` call the images make (``get``); anything else raises."""

    def __init__(self, answers: dict[str, tuple[int, bytes]]) -> None:
        self.answers = answers
        self.fetched: list[str] = []

    def get(self, url: str, **_kwargs: Any) -> _Response:
        self.fetched.append(url)
        status, body = self.answers[url]
        return _Response(status, body)


def test_a_url_is_fetched_once_through_the_injected_session(tmp_path: Path) -> None:
    url = "https://img.example.com/goods/cooker.png"
    session = ScriptedSession({url: (200, PNG)})
    images = ImageFiles(tmp_path, session)  # type: ignore[arg-type]
    warnings: list[str] = []
    first = asyncio.run(images.local_file(url, warnings))
    again = asyncio.run(images.local_file(url, warnings))
    assert first == again and Path(first).read_bytes() == PNG and first.endswith(".png")
    assert session.fetched == [url] and warnings == []


def test_refusals_become_warnings_and_no_file(tmp_path: Path) -> None:
    missing, huge = "https://img.example.com/404.png", "https://img.example.com/huge.jpg"
    session = ScriptedSession({missing: (404, b""), huge: (200, b"x" * (MAX_IMAGE_BYTES + 1))})
    images = ImageFiles(tmp_path, session)  # type: ignore[arg-type]
    warnings: list[str] = []
    assert asyncio.run(images.local_file(missing, warnings)) == ""
    assert asyncio.run(images.local_file(huge, warnings)) == ""
    assert "HTTP 404" in warnings[0] and "10 MB" in warnings[1]
    assert not list(tmp_path.iterdir())


def test_a_local_path_is_checked_not_copied(tmp_path: Path) -> None:
    picture = tmp_path / "cup.png"
    picture.write_bytes(PNG)
    images = ImageFiles(tmp_path / "cache")
    warnings: list[str] = []
    assert asyncio.run(images.local_file(str(picture), warnings)) == str(picture.resolve())
    assert asyncio.run(images.local_file(str(tmp_path / "gone.png"), warnings)) == ""
    assert "was not found" in warnings[0]
