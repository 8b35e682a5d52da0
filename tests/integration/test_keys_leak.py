"""The leak test: every key flow with a canary key, then search for the canary everywhere.

Each flow runs as its own process — the GUI's (the real KeysPanel on the real core, logging set up
as the app does it, at DEBUG) and every ``studio-console key`` command (``--debug``) — with HOME,
the XDG directories and TMPDIR pointed at a temp dir. Every log record any of them creates is
captured raw, before any redaction, through a log-record factory. Afterwards every file written
under the temp dir, every captured record and every line printed must hold the canary zero times.

The canary also goes where it must go — the real Secret Service and the real OBS — and the test
checks that it arrived there, so a flow that silently did nothing cannot pass.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path
from typing import Any

import pytest

from studio.obs.link import ConnectionTarget, ObsLink

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
ROOM = "周五美妆专场"
GUI_ROOM = "周六美妆专场"

# Installed before anything else in each child: records every log record as it is created.
RECORD_CAPTURE = textwrap.dedent("""
    import json, logging, os, traceback
    _records = open(os.environ["LEAK_RECORDS"], "a", encoding="utf-8")
    _make = logging.getLogRecordFactory()

    def _capture(*args, **kwargs):
        record = _make(*args, **kwargs)
        try:
            text = record.getMessage()
        except Exception:
            text = f"{record.msg!r} {record.args!r}"
        if record.exc_info and record.exc_info[1] is not None:
            text += "\\n" + "".join(traceback.format_exception(*record.exc_info))
        _records.write(json.dumps({"logger": record.name, "level": record.levelname, "text": text}) + "\\n")
        _records.flush()
        return record

    logging.setLogRecordFactory(_capture)
""")

CLI = RECORD_CAPTURE + textwrap.dedent("""
    import sys
    from ui.launcher import main
    sys.exit(main(sys.argv[1:]))
""")

GUI = RECORD_CAPTURE + textwrap.dedent("""
    import asyncio, logging, os, sys
    import qasync
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication
    from studio.core import StudioCore
    from studio.errors import UserError
    from studio.keys.apply import apply_to_obs, start_check
    from studio.keys.pushurl import parse_push_address
    from studio.keys.rooms import PushRooms
    from studio.obs.link import LinkState
    from ui.app import setup_logging
    from ui.panels.keys import KeysPanel

    setup_logging(debug=True)  # the app's own log file, at DEBUG
    log = logging.getLogger("leak-test")
    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    env = os.environ

    async def until(predicate, timeout=15):
        for _ in range(int(timeout / 0.05)):
            if predicate():
                return
            await asyncio.sleep(0.05)
        shown = globals().get("panel")
        raise SystemExit(f"timed out; message: {shown.message.text() if shown else None}")

    async def main():
        global panel
        first = StudioCore()
        # The OBS password, as the connection bar saves it: keyring + settings (host/port only).
        await first.set_connection("127.0.0.1", int(env["LEAK_OBS_PORT"]), env["LEAK_OBS_PASSWORD"])
        await first.close()
        core = StudioCore()  # the next launch: password read back from the keyring
        await core.start()
        await until(lambda: core.link.state is LinkState.CONNECTED)
        panel = KeysPanel(PushRooms(core.store, core.settings), core.link)
        panel.paste_box.setPlainText("推流地址：" + env["LEAK_ADDRESS"] + "\\n请勿外传")
        await until(lambda: panel.address is not None)
        panel.reveal_button.pressed.emit()
        panel.reveal_button.released.emit()
        panel.copy_button.click()
        assert QGuiApplication.clipboard().text() == panel.address.key
        panel.room_name.setText(env["LEAK_GUI_ROOM"])
        panel.save_button.click()
        await until(lambda: panel.room_rows())
        panel.apply_button.click()
        await until(lambda: "OBS now pushes" in panel.message.text())
        print("panel:", panel.message.text())
        # A pasted address that is wrong (unreadable txTime) around the canary.
        panel.paste_box.setPlainText(env["LEAK_ADDRESS"].replace("6f000000", "zz"))
        print("panel:", panel.message.text())
        log.warning("panel said: %s", panel.message.text())
        # The start check with an expired canary key in OBS (server: the lab's ingest, so even a
        # broken check could only ever push to loopback).
        expired = parse_push_address(env["LEAK_EXPIRED_ADDRESS"])
        await apply_to_obs(core.link, expired, allow_expired=True)
        core.stream.start_checks.append(start_check(core.link))
        try:
            await core.stream.start()
        except UserError as e:
            log.exception("start refused: %s", e)  # a traceback in the log, as a crash would write
            print("start:", e)
        else:
            raise SystemExit("an expired key was not refused")
        await apply_to_obs(core.link, panel.address or parse_push_address(env["LEAK_ADDRESS"]))
        panel.room_list.setCurrentItem(panel.room_list.topLevelItem(0))
        await until(lambda: panel.address is not None)
        panel.delete_button.click()
        await until(lambda: not panel.room_rows())
        await core.close()

    with loop:
        loop.run_until_complete(main())
""")


def _needles(*secrets: str) -> list[bytes]:
    found = []
    for secret in secrets:
        found += [secret.encode("utf-8"), secret.encode("utf-16-le"), secret.upper().encode()]
    return found


def _hits(data: bytes, needles: list[bytes]) -> bool:
    return any(n in data for n in needles)


def test_no_key_or_password_reaches_a_file_a_log_or_the_screen(real_keyring, obs_factory, rtmp_ingest,
                                                               tmp_path: Path, run: Any) -> None:
    canary_secret = uuid.uuid4().hex  # 32 hex, like a real txSecret
    canary_password = "obs-canary-" + uuid.uuid4().hex
    key = f"wx40f8626ddf43d361_2796?txSecret={canary_secret}&txTime=6f000000"
    address = f"rtmp://wxalivepush.weixin.qq.com/live/{key}"
    expired_address = f"{rtmp_ingest.server_url}leak-expired?txSecret={canary_secret}&txTime=5efba7d0"
    obs = obs_factory(password=canary_password)

    home = tmp_path / "home"
    for sub in (".config", ".local/share", ".local/state", ".cache", "tmp", "run"):
        (home / sub).mkdir(parents=True)
    (home / "run").chmod(0o700)
    records = tmp_path / "records.log"  # outside home: it is what we search, not what we scan
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("STUDIO_CONSOLE_", "OBS_", "XDG_", "PYTHON_KEYRING"))}
    env.update(real_keyring.env)
    env.update({
        "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"), "XDG_STATE_HOME": str(home / ".local/state"),
        "XDG_CACHE_HOME": str(home / ".cache"), "XDG_RUNTIME_DIR": str(home / "run"),
        "TMPDIR": str(home / "tmp"), "QT_QPA_PLATFORM": "offscreen", "STUDIO_CONSOLE_LANG": "en",
        "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1", "LEAK_RECORDS": str(records),
        "LEAK_OBS_PORT": str(obs.port), "LEAK_OBS_PASSWORD": canary_password,
        "LEAK_ADDRESS": address, "LEAK_EXPIRED_ADDRESS": expired_address, "LEAK_GUI_ROOM": GUI_ROOM,
    })
    outputs: list[tuple[str, subprocess.CompletedProcess[bytes]]] = []

    def child(name: str, code: str, *argv: str, stdin: str = "", expect: int = 0) -> str:
        done = subprocess.run([sys.executable, "-c", code, *argv], input=stdin.encode(), env=env,
                              cwd=home, capture_output=True, timeout=90)
        outputs.append((name, done))
        assert done.returncode == expect, (
            f"{name}: exit {done.returncode}\n{done.stdout.decode()}\n{done.stderr.decode()[-3000:]}")
        return done.stdout.decode()

    def cli(*argv: str, stdin: str = "", expect: int = 0) -> str:
        return child(" ".join(argv), CLI, "--debug", "key", *argv, stdin=stdin, expect=expect)

    child("gui", GUI)
    parsed = json.loads(cli("parse", "--json", stdin=f"推流地址：{address}\n"))
    assert parsed["key"] == "wx40••••0000" and parsed["expired"] is False
    cli("parse", stdin=address)
    cli("parse", stdin=address.replace("6f000000", "zz"), expect=2)
    cli("parse", stdin=address.split("&")[0], expect=2)
    cli("save", ROOM, stdin=expired_address, expect=2)  # expired: refused
    cli("save", ROOM, stdin=f"推流地址：{address}")
    listed = json.loads(cli("list", "--json"))
    assert [row["room"] for row in listed] == [ROOM] and listed[0]["key"] == "wx40••••0000"
    cli("list")
    # No --password and no $OBS_PASSWORD: the password comes from the keyring, where the GUI put it.
    assert "read back from OBS" in cli("apply", ROOM)

    # The canary went where it belongs: the real OBS holds the key...
    async def obs_key() -> str:
        link = ObsLink(ConnectionTarget("127.0.0.1", obs.port, canary_password))
        await link.connect_once()
        answer = await link.request("GetStreamServiceSettings")
        await link.close()
        return str(answer["streamServiceSettings"]["key"])

    assert run(obs_key()) == key
    cli("delete", ROOM)
    cli("delete", ROOM, expect=2)
    assert json.loads(cli("list", "--json")) == []

    # ...and the flows really ran and wrote where the app writes.
    settings_file = home / ".config/studio-console/settings.json"
    log_file = home / ".local/share/studio-console/logs/console.log"
    assert settings_file.exists() and log_file.exists()
    assert json.loads(settings_file.read_text(encoding="utf-8"))["obs"]["port"] == obs.port
    captured = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    for expected in ("push address saved for room", "push address applied to OBS", "start refused",
                     "push address deleted"):
        assert any(expected in r["text"] for r in captured), (
            f"no log record {expected!r}: the capture or a flow is broken")

    # The search itself can find the canary (it is in OBS's own settings, outside our home).
    needles = _needles(canary_secret, canary_password)
    assert any(_hits(p.read_bytes(), needles) for p in obs.home.rglob("*") if p.is_file())

    leaks = [str(p.relative_to(home)) for p in home.rglob("*")
             if p.is_file() and _hits(p.read_bytes(), needles)]
    assert leaks == [], f"canary found in files: {leaks}"
    for name, done in outputs:
        assert not _hits(done.stdout, needles), f"canary on stdout of {name}"
        assert not _hits(done.stderr, needles), f"canary on stderr of {name}"
    bad_records = [r for r in captured if _hits(r["text"].encode(), needles)]
    assert bad_records == [], f"canary in log records: {bad_records[:5]}"
