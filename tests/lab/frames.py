"""What a real OBS renders, read back: a link to a lab OBS, the canvas size, screenshots of a source
as RGB arrays, and the share of a box that has a colour (the overlay tests check pixels, not calls).
"""

from __future__ import annotations

import asyncio
import base64
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import numpy as np
from PySide6.QtGui import QImage

from studio.obs.link import ConnectionTarget, ObsLink
from studio.obs.overlay_layout import Box, Palette
from tests.lab.processes import LAB_SCENES
from tests.lab.waiting import wait_until


def rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


CARD_RGB = rgb(Palette().card)
TICKER_RGB = rgb(Palette().ticker)
IMAGE_RGB = (0x22, 0xC5, 0x5E)  # a green no overlay uses
# Screenshots of the program at a quarter size: a full 1080×1920 PNG is slow for OBS to encode on a
# busy machine, and a colour that fills a box shows just as well at a quarter of the pixels.
SCALE = 4


@asynccontextmanager
async def obs_connection(obs) -> AsyncIterator[ObsLink]:
    link = ObsLink(ConnectionTarget("127.0.0.1", obs.port, obs.password), request_timeout=15)
    link.start()
    try:
        await wait_until(lambda: link.state.value == "connected", timeout=15)
        yield link
    finally:
        await link.close()


async def set_canvas(link: ObsLink, width: int, height: int) -> None:
    await link.request("SetVideoSettings", {"baseWidth": width, "baseHeight": height,
                                            "outputWidth": width, "outputHeight": height})


async def screenshot(link: ObsLink, source: str, scale: int = 1) -> np.ndarray:
    """The source as OBS renders it now, as an H×W×3 array of RGB (``scale``: 4 = a quarter size)."""
    request: dict[str, object] = {"sourceName": source, "imageFormat": "png"}
    if scale > 1:
        size = await link.request("GetVideoSettings")
        request.update(imageWidth=size["baseWidth"] // scale, imageHeight=size["baseHeight"] // scale)
    answer = await link.request("GetSourceScreenshot", request)
    data = base64.b64decode(answer["imageData"].split(",", 1)[1])
    image = QImage.fromData(data, "PNG").convertToFormat(QImage.Format.Format_RGB888)
    row = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return row[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def colour_share(frame: np.ndarray, box: Box, rgb: tuple[int, int, int], tolerance: int = 12,
           scale: int = SCALE) -> float:
    """Share of the pixels in ``box`` (canvas pixels) that have colour ``rgb``."""
    region = frame[box.y // scale:box.bottom // scale, box.x // scale:box.right // scale].astype(int)
    close = np.all(np.abs(region - np.array(rgb)) <= tolerance, axis=2)
    return float(close.mean())


async def until_share(link, scene, box, rgb, predicate, timeout=5.0) -> float:
    """OBS renders on its own clock: look again until the frame shows what we wait for."""
    deadline = time.monotonic() + timeout
    while True:
        share = colour_share(await screenshot(link, scene, SCALE), box, rgb)
        if predicate(share) or time.monotonic() > deadline:
            return share
        await asyncio.sleep(0.1)


@asynccontextmanager
async def portrait_on_air(obs, width: int = 720, height: int = 1280) -> AsyncIterator[tuple[ObsLink, str]]:
    """A link to ``obs`` with a portrait canvas and the lab's first scene on program: ``(link, program)``."""
    async with obs_connection(obs) as link:
        await set_canvas(link, width, height)
        program = LAB_SCENES[0]
        await link.request("SetCurrentProgramScene", {"sceneName": program})
        yield link, program
