"""The show's live-room target: chosen by a setting, built per show, kept in the show log and the
same one again on resume (whatever the settings say by then)."""

from __future__ import annotations

import pytest

from studio.config import Settings
from studio.keys.store import SecretStore
from studio.room.dryrun import DryRunRoom
from studio.room.manual import ManualRoom
from studio.room.settings import RoomConnection, RoomSettings
from studio.room.target import DRYRUN, MANUAL, MINIPROGRAM
from studio.room.wechat import WeChatLiveRoom
from studio.show.log import read_log
from studio.show.pad import Pad
from studio.show.plan import load_plan
from studio.show.session import ShowController
from tests.fakes.clock import FakeClock
from tests.fakes.keyring import MemoryKeyring
from tests.fakes.show import EXAMPLE, FakeOverlays

EMULATOR_URL = "http://127.0.0.1:9/"  # never called here: building a client sends nothing


@pytest.fixture
def connection(run):
    connection = RoomConnection(Settings(), SecretStore(backend=MemoryKeyring()), builtin_emulator=False)
    yield connection
    run(connection.close())


def _controller(connection, tmp_path, clock, made):
    controller = ShowController(load_plan(EXAMPLE), ManualRoom(), FakeOverlays(), directory=tmp_path, clock=clock,
                                targets=connection.targets)
    made.append(controller)
    return controller


def test_the_choice_is_a_setting_and_says_what_it_drives(run, connection):
    targets = connection.targets
    assert targets.kind == MANUAL and "Manual checklist" in targets.label()
    changed = []
    targets.changed.connect(lambda: changed.append(targets.kind))
    run(targets.choose(DRYRUN))
    assert changed == [DRYRUN] and connection.settings.extra["show_target"] == {"kind": DRYRUN}
    assert "Dry run" in targets.label()
    room = run(targets.build(None))
    assert isinstance(room, DryRunRoom) and room.spec()["kind"] == DRYRUN
    run(targets.choose(MINIPROGRAM))
    assert "no room picked" in targets.label()
    with pytest.raises(ValueError):
        run(targets.choose("carrier pigeon"))


def test_a_miniprogram_target_without_a_room_says_so_before_the_show(run, connection):
    run(connection.targets.choose(MINIPROGRAM))
    room = run(connection.targets.build(None))
    assert isinstance(room, ManualRoom)  # every action still lands in the checklist
    problem = run(room.preflight())
    assert problem and "No mini-program room is picked" in problem


def test_a_rehearsal_room_is_labelled_as_such(run, connection):
    run(connection.save(RoomSettings(room_id=1001, rehearsal=True, rehearsal_url=EMULATOR_URL)))
    run(connection.targets.choose(MINIPROGRAM))
    assert connection.targets.label() == "Mini-program live room 1001 · rehearsal (彩排)"
    room = run(connection.targets.build(None))
    assert isinstance(room, WeChatLiveRoom) and room.room_id == 1001 and room.rehearsal
    assert room.client.base_url == EMULATOR_URL
    assert room.spec() == {"kind": MINIPROGRAM, "room_id": 1001, "rehearsal": True,
                           "label": "Mini-program live room 1001 · rehearsal (彩排)"}
    run(room.close())


def test_resume_mid_show_keeps_the_chosen_target(run, connection, tmp_path, controllers):
    clock = FakeClock()
    run(connection.save(RoomSettings(room_id=1001, rehearsal=True, rehearsal_url=EMULATOR_URL)))
    run(connection.targets.choose(MINIPROGRAM))
    first = _controller(connection, tmp_path, clock, controllers)
    pad = Pad(first)
    assert pad.target_label.startswith("Mini-program live room 1001 · rehearsal")
    session = run(first.start_new())
    assert isinstance(session.actions.room, WeChatLiveRoom)
    assert pad.target_label == "Mini-program live room 1001 · rehearsal (彩排)"
    session.rundown.start_show()
    path = session.log.path  # the app "crashes" here: the log stays unfinished

    # Meanwhile someone changes the settings: the next show would be a dry run in room 1002.
    run(connection.select_room(1002))
    run(connection.targets.choose(DRYRUN))
    second = _controller(connection, tmp_path, clock, controllers)
    pad2 = Pad(second)
    run(second.look_for_resume())
    resumed = run(second.resume())
    room = resumed.actions.room
    assert isinstance(room, WeChatLiveRoom), run(room.preflight())
    assert room.room_id == 1001 and room.rehearsal
    assert pad2.target_label == "Mini-program live room 1001 · rehearsal (彩排)"
    targets = [e for e in read_log(path).events if e["type"] == "room_target"]
    assert [(t["target"]["kind"], t["target"]["room_id"], t["resumed"]) for t in targets] == [
        (MINIPROGRAM, 1001, False), (MINIPROGRAM, 1001, True)]
    # A new show follows the settings again.
    fresh = run(second.start_new())
    assert isinstance(fresh.actions.room, DryRunRoom)


def test_resume_of_a_manual_show_stays_manual(run, connection, tmp_path, controllers):
    clock = FakeClock()
    first = _controller(connection, tmp_path, clock, controllers)
    run(first.start_new()).rundown.start_show()
    run(connection.targets.choose(DRYRUN))
    second = _controller(connection, tmp_path, clock, controllers)
    run(second.look_for_resume())
    assert type(run(second.resume()).actions.room) is ManualRoom
