"""Screenshot the real window against a real lab OBS.

``python -m tests.lab.screenshot OUT.png [--lang zh_CN] [--stream]``

Starts Xvfb + OBS (and nginx when ``--stream``), opens the console as a user would see it,
connects, waits, and saves the window. Used for the README and to look at what we built.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

from tests.lab.processes import ObsInstance, RtmpIngest, XServer


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--stream", action="store_true", help="stream to a local nginx-rtmp first")
    parser.add_argument("--size", default="1440x900")
    args = parser.parse_args()
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
        if args.stream:
            ingest = RtmpIngest(work)
            ingest.start()
        return asyncio_main(args, obs, ingest)
    finally:
        obs.stop()
        if ingest:
            ingest.stop()
        x.stop()


def asyncio_main(args: argparse.Namespace, obs: ObsInstance, ingest: RtmpIngest | None) -> int:
    import qasync

    from studio.config import Settings
    from studio.keys.store import SecretStore
    from studio.obs.link import ConnectionTarget
    from ui.app import compose, prepare_qt

    class NoKeyring(SecretStore):
        def usable(self) -> bool:
            return False

    app, _ = prepare_qt(sys.argv[:1], args.lang)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def scenario() -> None:
        settings = Settings()
        settings.obs.port = obs.port
        console = compose(settings, NoKeyring())  # the app's own recipe: core, window, menus
        core, window = console.core, console.window
        w, h = (int(v) for v in args.size.split("x"))
        window.resize(w, h)
        window.show()
        core.link.configure(ConnectionTarget("127.0.0.1", obs.port, obs.password))
        core.link.start()
        await asyncio.sleep(1.5)
        if ingest:
            await core.link.request("SetStreamServiceSettings", {
                "streamServiceType": "rtmp_custom",
                "streamServiceSettings": {"server": ingest.server_url, "key": "screenshot"}})
            await core.stream.start()
        await asyncio.sleep(args.seconds)
        window.grab().save(args.out)
        if ingest:
            await core.stream.stop()
        await core.close()

    with loop:
        loop.run_until_complete(scenario())
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
