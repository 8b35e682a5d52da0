"""Screenshot the real window against a real lab OBS.

``python -m tests.lab.screenshot OUT.png [--lang zh_CN] [--layout solo] [--stream]``
``python -m tests.lab.screenshot --all docs/ [--lang zh_CN] [--pending /tmp/tr]``

Starts Xvfb + OBS (and nginx when streaming), opens the console as a user would see it (a real X11
window), connects, and saves the window. ``--all DIR`` streams to a local ingest, starts the show
and presses a few keys, then saves one picture per role layout as ``DIR/layout-<name>-<lang>.png``
(1366×768 unless ``--size``). Pictures are stored with 256 colours: small files, sharp text.

``--pending DIR`` also loads the ``*.jsonl`` translations not merged into the ``.ts`` yet
(``{"context", "source", "translation"}`` a line), for pictures taken before the merge.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.lab.processes import ObsInstance, RtmpIngest, XServer

LAYOUTS = ("assistant", "producer", "solo")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", help="one picture (or use --all DIR)")
    parser.add_argument("--all", metavar="DIR", help="one picture per layout into DIR")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--layout", default="solo", choices=LAYOUTS)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--stream", action="store_true", help="stream to a local nginx-rtmp first")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--theme", default="dark", choices=("dark", "light"))
    parser.add_argument("--pending", metavar="DIR", help="also load DIR/*.jsonl translations")
    args = parser.parse_args()
    if not args.out and not args.all:
        parser.error("give OUT.png or --all DIR")
    work = Path(tempfile.mkdtemp(prefix="studio-shot-"))
    os.environ.setdefault("STUDIO_CONSOLE_CONFIG_DIR", str(work / "config"))
    os.environ.setdefault("STUDIO_CONSOLE_DATA_DIR", str(work / "data"))
    x = XServer(work)
    obs = ObsInstance(work, x.display)
    obs.start()
    ingest = None
    try:
        os.environ["DISPLAY"] = x.display
        os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
        if args.stream or args.all:
            ingest = RtmpIngest(work)
            ingest.start()
        return asyncio_main(args, obs, ingest)
    finally:
        obs.stop()
        if ingest:
            ingest.stop()
        x.stop()


def pending_table(directory: str) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for path in sorted(Path(directory).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
                table[(entry["context"], entry["source"])] = entry["translation"]
            except (ValueError, KeyError, TypeError):
                continue
    return table


def save_small(image: Any, path: Path) -> None:
    """PNG with an 8-bit palette fitted to the picture (Pillow's octree, no dithering): a third of
    the size, and every colour kept — a fixed colour cube turned the dim result lines under the
    pad's keys into broken glyphs that looked clipped, and a most-frequent-colours palette greyed
    them out."""
    import io

    from PIL import Image  # with fpdf2 (the review's PDF)
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    picture.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(path, optimize=True)


def asyncio_main(args: argparse.Namespace, obs: ObsInstance, ingest: RtmpIngest | None) -> int:
    import qasync

    from studio.config import Settings
    from studio.keys.store import SecretStore
    from studio.obs.link import ConnectionTarget
    from tests.fakes.keyring import MemoryKeyring
    from ui import theme
    from ui.app import compose, prepare_qt
    from ui.i18n import TsTranslator, _installed

    app, language = prepare_qt(sys.argv[:1], args.lang)
    if args.pending and language != "en":
        extra = TsTranslator(pending_table(args.pending))
        app.installTranslator(extra)
        _installed.append(extra)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    saved: list[Path] = []

    async def scenario() -> None:
        settings = Settings()
        settings.obs.port = obs.port
        settings.extra["window"] = {"layout": args.layout, "theme": args.theme}
        console = compose(settings, SecretStore(backend=MemoryKeyring()))  # the app's own recipe
        core, window = console.core, console.window
        theme.apply_theme(app, args.theme)
        w, h = (int(v) for v in args.size.split("x"))
        window.resize(w, h)
        window.show()
        core.link.configure(ConnectionTarget("127.0.0.1", obs.port, obs.password))
        core.link.start()
        for _ in range(100):
            if core.scenes.available:
                break
            await asyncio.sleep(0.1)
        if ingest:
            await core.link.request("SetStreamServiceSettings", {
                "streamServiceType": "rtmp_custom",
                "streamServiceSettings": {"server": ingest.server_url, "key": "screenshot"}})
            await core.stream.start()
        if args.all:
            await core.show.start_new()
            # A show under way: the second step on air, a coupon out, a product pushed and an
            # announcement sent, so the keys carry their (long) results as at a real desk.
            for key in ("next", "next", "coupon", "push", "announcement"):
                try:
                    await core.pad.run(key, confirmed=True)
                except Exception as e:  # a refusal shows on its key; the picture shows it too
                    print(f"{key}: {e}", file=sys.stderr)
                await asyncio.sleep(0.5)
        await asyncio.sleep(args.seconds)
        if args.all:
            out = Path(args.all)
            out.mkdir(parents=True, exist_ok=True)
            for name in LAYOUTS:
                window.set_layout(name, save=False)
                await asyncio.sleep(1.0)
                path = out / f"layout-{name}-{language}.png"
                save_small(window.grab().toImage(), path)
                saved.append(path)
        else:
            window.set_layout(args.layout, save=False)
            await asyncio.sleep(1.0)
            path = Path(args.out)
            save_small(window.grab().toImage(), path)
            saved.append(path)
        if ingest:
            await core.stream.stop()
        await core.close()

    with loop:
        loop.run_until_complete(scenario())
    for path in saved:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
