"""A one-line strip of the live room's own numbers (Channels live dashboard), for the health dock.

``LiveNumbersStrip(controller)`` follows the running show: when its live room has a numbers watch
(a Channels account with its 微信小店 API), each reading shows as "在线 321 · 观看 5200 · …"; a
number the dashboard did not give shows as "—", never a guess. Hidden when there is nothing to show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from studio.show.session import ShowController


class LiveNumbersStrip(QLabel):
    def __init__(self, controller: ShowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveNumbers")
        self.controller = controller
        self._unbind: Callable[[], None] | None = None
        self.setVisible(False)
        controller.changed.connect(self._on_controller_changed)
        self._on_controller_changed()

    def _on_controller_changed(self) -> None:
        if self._unbind is not None:
            self._unbind()
            self._unbind = None
        session = self.controller.session
        watch = getattr(session.actions.room, "numbers", None) if session is not None else None
        if watch is None:
            self.setVisible(False)
            return
        self._unbind = watch.numbers.connect(self._on_numbers)
        if watch.latest is not None:
            self._on_numbers(watch.latest)

    def _on_numbers(self, reading: Any) -> None:
        def n(value: int | None) -> str:
            return "—" if value is None else f"{value:,}"

        gmv = "—" if reading.gmv_fen is None else f"¥{reading.gmv_fen / 100:,.2f}"
        self.setText(self.tr("Online {online} · viewers {viewers} · new followers {follows} · orders {orders} · "
                             "sales {gmv}").format(online=n(reading.online), viewers=n(reading.viewers),
                                                   follows=n(reading.new_followers), orders=n(reading.orders),
                                                   gmv=gmv))
        self.setToolTip(self.tr("From the Channels live dashboard; updated about once a minute."))
        self.setVisible(True)
