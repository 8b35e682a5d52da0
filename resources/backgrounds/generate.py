"""Regenerate portrait-default.png: a quiet studio gradient, 720×1280, a few kB.

Run: python resources/backgrounds/generate.py  (standard library only). Rows are uniform, so the
PNG compresses to almost nothing; OBS scales it to cover 1080×1920 or a landscape canvas.
"""

import struct
import zlib
from pathlib import Path

WIDTH, HEIGHT = 720, 1280
TOP, MIDDLE, BOTTOM = (28, 32, 74), (96, 52, 120), (214, 120, 118)  # night blue → plum → coral


def mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> bytes:
    return bytes(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def row_colour(y: int) -> bytes:
    t = y / (HEIGHT - 1)
    return mix(TOP, MIDDLE, t / 0.55) if t < 0.55 else mix(MIDDLE, BOTTOM, (t - 0.55) / 0.45)


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def main() -> None:
    raw = b"".join(b"\x00" + row_colour(y) * WIDTH for y in range(HEIGHT))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    Path(__file__).with_name("portrait-default.png").write_bytes(png)


if __name__ == "__main__":
    main()
