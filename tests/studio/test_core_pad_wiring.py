"""The composition root wires the pad: one Pad over the show, the live-room target chosen by the
settings the live-room panel shows, the plan's products for the pre-show match, health markers."""

from __future__ import annotations

from studio.config import Settings
from studio.core import StudioCore
from studio.health.history import MarkerKind
from studio.keys.store import SecretStore
from studio.room.dryrun import DryRunRoom
from studio.room.emulator import EmulatorState, WeChatEmulator
from studio.room.settings import RoomSettings
from studio.room.wechat import WeChatLiveRoom
from studio.show.log import read_log
from studio.show.pad import Pad
from tests.fakes.keyring import MemoryKeyring
from tests.lab.waiting import wait_until


def test_the_core_holds_one_pad_driving_the_chosen_target(run, tmp_path):
    settings = Settings(extra={"show_target": {"kind": "dryrun"}})
    core = StudioCore(settings, SecretStore(backend=MemoryKeyring()))
    try:
        assert isinstance(core.pad, Pad) and core.pad.controller is core.show
        assert core.show.targets is core.room_connection.targets is core.room_targets
        assert core.pad.target_label == "Dry run, nothing sent (演练，不发送) (when the show starts)"
        assert [p.id for p in core.room_targets.products()] == [p.id for p in core.show.plan.products]
        core.show.directory = tmp_path
        session = run(core.show.start_new())
        assert isinstance(session.actions.room, DryRunRoom)
        assert core.pad.target_label == "Dry run, nothing sent (演练，不发送)"
        run(core.pad.run("next"))
        before = len(core.health.history.markers)
        run(core.pad.run("push"))
        marker = list(core.health.history.markers)[before:]
        assert [(m.kind, m.label.startswith("Pushed: ")) for m in marker] == [(MarkerKind.PRODUCT, True)]
    finally:
        run(core.close())


def test_the_background_match_of_plan_and_room_goods_is_in_the_show_log(run, tmp_path):
    emulator = WeChatEmulator(EmulatorState().seed_demo())
    run(emulator.start())
    settings = Settings(extra={"show_target": {"kind": "miniprogram"}})
    RoomSettings(room_id=1001, rehearsal=True, rehearsal_url=emulator.url).store_in(settings)
    core = StudioCore(settings, SecretStore(backend=MemoryKeyring()))
    try:
        core.show.directory = tmp_path
        session = run(core.show.start_new())
        assert isinstance(session.actions.room, WeChatLiveRoom)

        def matches() -> list[dict]:
            return [e for e in read_log(session.log.path).events
                    if e["type"] == "room_call" and e.get("action") == "match_goods"]

        run(wait_until(lambda: bool(matches())))
        call, = matches()
        assert call["outcome"] == "done" and call["source"] == "background" and isinstance(call["latency_ms"], int)
        assert "1001" in call["target"]
    finally:
        run(core.close())
        run(emulator.stop())
