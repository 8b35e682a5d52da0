"""``studio-console emulator`` as a real process, and ``room list|goods|push`` against it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest

from studio.cli import EXIT_FAILED, EXIT_OK, main
from studio.config import Settings
from studio.room.settings import RoomSettings

LAUNCH = "import sys; from studio.cli import main; sys.exit(main())"


@pytest.fixture
def emulator_process() -> Iterator[tuple[subprocess.Popen[str], str]]:
    env = {**os.environ, "STUDIO_CONSOLE_LANG": "en"}
    proc = subprocess.Popen([sys.executable, "-c", LAUNCH, "emulator", "--port", "0"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    first = proc.stdout.readline()  # blocks until the server listens (or the process dies)
    assert "running at http://127.0.0.1:" in first, proc.stderr.read() if proc.stderr else first
    url = first.split("running at ", 1)[1].strip()
    yield proc, url
    if proc.poll() is None:
        proc.kill()
        proc.wait(10)


def rehearse_against(url: str) -> None:
    settings = Settings()
    RoomSettings(rehearsal=True, rehearsal_url=url).store_in(settings)
    settings.save()


def test_emulator_serves_loopback_and_stops_on_ctrl_c(emulator_process):
    proc, url = emulator_process
    assert url.startswith("http://127.0.0.1:")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == EXIT_OK, err
    assert "Emulator stopped." in out and "Traceback" not in err


def test_room_commands_against_the_emulator(emulator_process, capsys):
    _, url = emulator_process
    rehearse_against(url)
    assert main(["room", "list", "--json"]) == EXIT_OK
    rooms = json.loads(capsys.readouterr().out)
    assert rooms[0]["room_id"] == 1001 and rooms[0]["status"] == "live (直播中)"
    assert main(["room", "goods", "1001", "--json"]) == EXIT_OK
    goods = json.loads(capsys.readouterr().out)
    assert goods[0] == {"goods_id": 2001, "name": "云南小粒咖啡 500g", "price_yuan": "69.90",
                        "price": "¥69.90", "image": "https://example.invalid/coffee.png"}
    assert main(["room", "push", "1001", "2001"]) == EXIT_OK
    assert "pushed" in capsys.readouterr().out
    assert main(["room", "push", "1001", "2003"]) == EXIT_FAILED  # off sale in the demo room
    err = capsys.readouterr().err
    assert "off sale" in err and "Traceback" not in err
    assert main(["room", "list"]) == EXIT_OK
    assert "1001  live (直播中)" in capsys.readouterr().out


def test_room_commands_without_settings_say_what_to_set(capsys):
    assert main(["room", "list"]) == EXIT_FAILED
    assert "AppID and AppSecret" in capsys.readouterr().err


def test_emulator_refuses_a_bad_port(capsys):
    assert main(["emulator", "--port", "70000"]) == EXIT_FAILED
    assert "not a port number" in capsys.readouterr().err


def test_room_match_and_target_commands(emulator_process, capsys, tmp_path):
    _, url = emulator_process
    rehearse_against(url)
    plan = tmp_path / "plan.toml"
    plan.write_text('[show]\ntitle = "t"\nkind = "sales"\nplanned_minutes = 60\n'
                    '[[products]]\nid = "coffee"\nname = "咖啡"\nprice = 10\nlive_price = 9\ngoods_id = "2001"\n'
                    '[[products]]\nid = "scarf"\nname = "围巾 羊毛"\nprice = 10\nlive_price = 9\n',
                    encoding="utf-8")
    assert main(["room", "match", str(plan), "1001", "--json"]) == 1  # the scarf is not in the room yet
    rows = json.loads(capsys.readouterr().out)
    assert [(r["product"], r["status"], r["goods_id"]) for r in rows] == [("coffee", "id", 2001),
                                                                          ("scarf", "not_in_room", 2005)]
    assert main(["room", "target"]) == EXIT_OK
    assert "Manual checklist" in capsys.readouterr().out
    assert main(["room", "target", "dryrun"]) == EXIT_OK
    assert "Dry run" in capsys.readouterr().out
    assert Settings.load().extra["show_target"] == {"kind": "dryrun"}
