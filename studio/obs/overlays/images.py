"""Product images as local files OBS can read: a path is checked, an http(s) URL fetched once.

Downloads go through an ``aiohttp.ClientSession`` the caller may pass in (tests and the composition
root share one); without one, a short-lived session is made per download. Files are cached by the
URL's hash in ``cache`` (the data dir's ``overlay-images`` by default) and written atomically.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from studio.errors import UserError
from studio.i18n import translate

if TYPE_CHECKING:
    import aiohttp

MAX_IMAGE_BYTES = 10 * 1024 * 1024
_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp")


class ImageFiles:
    def __init__(self, cache: Path | None = None, session: aiohttp.ClientSession | None = None) -> None:
        self._cache = cache
        self._session = session

    async def local_file(self, image: str, warnings: list[str]) -> str:
        """A local file OBS can read for ``image``, or "" with the reason appended to ``warnings``."""
        if urlparse(image).scheme in ("http", "https"):
            try:
                return str(await self.download(image))
            except UserError as e:
                warnings.append(str(e))
                return ""
        path = Path(image).expanduser()
        if not await asyncio.to_thread(path.is_file):
            warnings.append(translate(
                "Overlays", "The product image {path} was not found; the card is shown without it.").format(
                    path=path))
            return ""
        return str(path.resolve())

    async def download(self, url: str) -> Path:
        import aiohttp

        from studio.config import data_dir

        cache = self._cache or data_dir() / "overlay-images"
        suffix = Path(urlparse(url).path).suffix.lower()
        if suffix not in _SUFFIXES:
            suffix = ".img"
        target = cache / (hashlib.sha256(url.encode()).hexdigest()[:32] + suffix)
        if await asyncio.to_thread(target.is_file):
            return target
        failed = translate("Overlays", "The product image could not be downloaded ({reason}); the card "
                           "is shown without it.")
        timeout = aiohttp.ClientTimeout(total=8)
        try:
            if self._session is not None:
                body = await _fetch(self._session, url, timeout, failed)
            else:
                async with aiohttp.ClientSession(timeout=timeout) as session:
                    body = await _fetch(session, url, timeout, failed)
        except (aiohttp.ClientError, TimeoutError) as e:
            raise UserError(failed.format(reason=type(e).__name__)) from None
        if len(body) > MAX_IMAGE_BYTES:
            raise UserError(failed.format(reason=translate("Overlays", "larger than 10 MB")))
        await asyncio.to_thread(_write_atomically, target, body)
        return target


async def _fetch(session: aiohttp.ClientSession, url: str, timeout: aiohttp.ClientTimeout,
                 failed: str) -> bytes:
    async with session.get(url, timeout=timeout) as response:
        if response.status != 200:
            raise UserError(failed.format(reason=f"HTTP {response.status}"))
        return await response.content.read(MAX_IMAGE_BYTES + 1)


def _write_atomically(target: Path, body: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + f".{os.getpid()}.part")
    partial.write_bytes(body)
    partial.replace(target)
