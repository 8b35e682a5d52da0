"""The health dock's strip of the Channels live numbers: follows the show, missing stays missing."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from studio.events import Signal
from studio.room.channels.api import LiveNumbers
from studio.room.channels.numbers import LiveNumbersWatch
from ui.panels.live_numbers import LiveNumbersStrip


class NoApi:
    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"the strip must not call the API ({name})")


def test_the_strip_shows_each_reading_of_the_running_shows_room(qtbot: Any) -> None:
    controller = SimpleNamespace(changed=Signal("test.changed"), session=None)
    strip = LiveNumbersStrip(controller)  # type: ignore[arg-type]
    qtbot.addWidget(strip)
    assert strip.isHidden()
    watch = LiveNumbersWatch(NoApi())  # type: ignore[arg-type]
    controller.session = SimpleNamespace(actions=SimpleNamespace(room=SimpleNamespace(numbers=watch)))
    controller.changed.emit()
    watch.numbers.emit(LiveNumbers(at=0, export_id="e", online=321, viewers=5200, new_followers=None,
                                   orders=88, gmv_fen=1234500))
    assert strip.text() == "Online 321 · viewers 5,200 · new followers — · orders 88 · sales ¥12,345.00"
    controller.session = None
    controller.changed.emit()
    watch.numbers.emit(LiveNumbers(at=1, export_id="e", online=1))
    assert "321" in strip.text() and strip.isHidden()  # unbound: the old show's watch is ignored
