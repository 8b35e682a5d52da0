"""Product images for the card: a path is checked, a URL fetched once through the given session."""

from __future__ import annotations

import asyncio
from pathlib import Path

from studio.obs.overlays.images import MAX_IMAGE_BYTES, ImageFiles
from tests.fakes.http import FakeSession

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def test_a_url_is_fetched_once_through_the_injected_session(tmp_path: Path) -> None:
    url = "https://img.example.com/goods/cooker.png"
    session = FakeSession()
    session.serve(url, 200, PNG)
    images = ImageFiles(tmp_path, session)  # type: ignore[arg-type]
    warnings: list[str] = []
    first = asyncio.run(images.local_file(url, warnings))
    again = asyncio.run(images.local_file(url, warnings))
    assert first == again and Path(first).read_bytes() == PNG and first.endswith(".png")
    assert session.fetched == [url] and warnings == []


def test_refusals_become_warnings_and_no_file(tmp_path: Path) -> None:
    missing, huge = "https://img.example.com/404.png", "https://img.example.com/huge.jpg"
    session = FakeSession()
    session.serve(missing, 404, b"")
    session.serve(huge, 200, b"x" * (MAX_IMAGE_BYTES + 1))
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
