"""Screenshots for issue 12 (zh_CN), against a real lab OBS streaming to a local nginx-rtmp.

``python -m tests.lab.shots_issue12 OUT_DIR [--extra-ts FILE.jsonl ...]``

1. ``issue12-obs-gone-alarm.png``: OBS killed during a running show — the red alarm, with what to do.
2. ``issue12-rundown.png``: the rundown with done / skipped / on air / next rows.
3. ``issue12-plan-problems.png``: the plan editor with a plan that has problems (line and field).

Same approach as ``tests.lab.screenshot``: Xvfb + openbox + OBS, the console as a user sees it,
``widget.grab()``. ``--extra-ts`` adds translations not merged into the .ts yet (JSON lines of
context/source/translation), so new strings show in Chinese too.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path

from tests.lab.processes import ObsInstance, RtmpIngest, XServer


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out_dir")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--size", default="1440x900")
    parser.add_argument("--extra-ts", nargs="*", default=[])
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="studio-shots12-"))
    os.environ["STUDIO_CONSOLE_CONFIG_DIR"] = str(work / "config")
    os.environ["STUDIO_CONSOLE_DATA_DIR"] = str(work / "data")
    os.environ["STUDIO_CONSOLE_DOCUMENTS_DIR"] = str(work / "documents")
    x = XServer(work)
    obs = ObsInstance(work, x.display)
    obs.start()
    ingest = RtmpIngest(work)
    ingest.start()
    try:
        os.environ["DISPLAY"] = x.display
        os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
        return asyncio_main(args, obs, ingest, work)
    finally:
        obs.stop()
        ingest.stop()
        x.stop()


def asyncio_main(args: argparse.Namespace, obs: ObsInstance, ingest: RtmpIngest, work: Path) -> int:
    import qasync
    from PySide6.QtWidgets import QApplication

    from studio.config import Settings
    from studio.core import StudioCore
    from studio.keys.store import SecretStore
    from studio.obs.link import ConnectionTarget, LinkState
    from studio.obs.names import PRODUCT_CARD
    from studio.show.plan_files import PlanFiles
    from ui.app import build_window
    from ui.i18n import TsTranslator, install_translations
    from ui.panels.plan_editor import PlanEditorPanel

    class NoKeyring(SecretStore):
        def usable(self) -> bool:
            return False

    app = QApplication(sys.argv[:1])
    install_translations(app, args.lang)
    extra: dict[tuple[str, str], str] = {}
    for name in args.extra_ts:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                extra[(entry["context"], entry["source"])] = entry["translation"]
    if extra:
        translator = TsTranslator(extra)
        app.installTranslator(translator)  # asked first: the strings not merged into the .ts yet
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    w, h = (int(v) for v in args.size.split("x"))

    async def wait_for(predicate, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
        for _ in range(int(timeout * 10)):
            if predicate():
                return
            await asyncio.sleep(0.1)
        raise RuntimeError("condition not met")

    async def scenario() -> None:
        # 3. The plan editor with a plan that has problems.
        broken = work / "documents" / "周五专场.toml"
        broken.parent.mkdir(parents=True, exist_ok=True)
        broken.write_text(
            '[show]\ntitle = "周五美妆专场"\nplanned_minutes = 120\n\n[[products]]\nid = "p1"\n'
            'name = "保湿精华 30ml"\nprice = 199\nlive_price = "一百五"\n\n[[announcements]]\nid = "a1"\n'
            'text = "上新"\n\n[[order]]\nstep = "explain"\nref = "p9"\n', encoding="utf-8")
        files = PlanFiles(Settings())
        editor = PlanEditorPanel(files)
        editor.resize(1100, 640)
        editor.show()
        await editor._open(broken)  # what Open… does once the file is picked
        await asyncio.sleep(1.0)
        editor.grab().save(str(out / "issue12-plan-problems.png"))
        editor.close()

        settings = Settings()
        settings.obs.port = obs.port
        core = StudioCore(settings, NoKeyring())
        window = build_window(core)
        window.resize(w, h)
        window.show()
        core.link.configure(ConnectionTarget("127.0.0.1", obs.port, obs.password))
        core.link.start()
        await wait_for(lambda: core.link.state is LinkState.CONNECTED)
        await core.link.request("SetStreamServiceSettings", {
            "streamServiceType": "rtmp_custom",
            "streamServiceSettings": {"server": ingest.server_url, "key": "shots12"}})
        await core.stream.start()
        await wait_for(lambda: core.onair.state == "live")
        session = await core.show.start_new()
        session.rundown.start_show()
        steps = session.rundown.steps
        core.show.clock = core.onair.clock  # real time: the rows show real durations
        await asyncio.sleep(1.0)
        session.rundown.advance()  # the opening done, the first announcement on air
        await asyncio.sleep(1.0)
        session.rundown.go_to(steps[4].id)  # the lottery and the flash sale left out: skipped
        await session.actions.push_product(session.actions.current_product_id() or "", confirmed=True)
        await asyncio.sleep(6.0)  # a few health samples
        # 2. The rundown: done / skipped / on air / next.
        window.grab().save(str(out / "issue12-rundown.png"))
        # 1. OBS killed mid-show.
        await asyncio.to_thread(obs.kill)
        await wait_for(lambda: core.onair.state == "obs_gone_while_live")
        await session.actions.take_off(PRODUCT_CARD)
        await asyncio.sleep(3.0)
        window.grab().save(str(out / "issue12-obs-gone-alarm.png"))
        await core.close()

    with loop:
        loop.run_until_complete(scenario())
    for name in ("issue12-obs-gone-alarm.png", "issue12-rundown.png", "issue12-plan-problems.png"):
        print(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
