"""The live room (小程序直播): settings, rooms with status in words, the show's room, its push
address, its goods (yuan) with push / on-sale / off-sale, the approved goods library, rehearsal.

Every button starts a background task (``ui.widgets.run_action``); the panel never waits on the
network. Errors land in the message line; when WeChat's refusal has a fix (put on sale, add to the
room) the panel offers it as one button.

No button calls the WeChat client: each room call goes through the core's ``RoomDesk``
(``studio.show.room_desk``), which writes it into the running show's log like the pad's presses.
With no show running the result line says the call is in no show log.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.errors import UserError
from studio.i18n import translate
from studio.room.matching import GoodsMatch
from studio.room.settings import RoomConnection, RoomSettings
from studio.room.target import KIND_TITLES, KINDS
from studio.room.wechat import NEXT_ADD_GOODS, NEXT_PUT_ON_SALE, Goods, WeChatError
from studio.show.room_desk import DeskAnswer, RoomDesk
from ui.widgets import MessageLine, run_action

PushUrlCallback = Callable[[str], Any]


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(text: str, key: int | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if key is not None:
        item.setData(Qt.ItemDataRole.UserRole, key)
    return item


class RoomPanel(QWidget):
    """``RoomPanel(connection, on_push_url=None, desk=core.room_desk)``: ``on_push_url(url)``
    receives a fetched push address (a secret: hand it to the push-key code, never show or log it);
    ``desk`` makes the room calls (the core's, so they reach the running show's log; without one,
    a desk of this connection that logs nothing, and says so)."""

    def __init__(self, connection: RoomConnection, on_push_url: PushUrlCallback | None = None,
                 parent: QWidget | None = None, *, desk: RoomDesk | None = None) -> None:
        super().__init__(parent)
        self.connection = connection
        self.model = connection.model
        self.desk = desk or RoomDesk(connection)
        self.on_push_url = on_push_url
        self._offer: Callable[[], Coroutine[Any, Any, DeskAnswer[None]]] | None = None
        self._last_pushed: int | None = None  # the product a refused push was about

        # Settings
        saved = connection.room_settings
        self.app_id = QLineEdit(saved.app_id)
        self.app_id.setPlaceholderText(self.tr("wx…"))
        self.app_secret = QLineEdit()
        self.app_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.app_secret.setPlaceholderText(self.tr("kept in the system keyring; empty keeps the saved one"))
        self.token_service = QLineEdit(saved.token_service_url)
        self.token_service.setPlaceholderText(self.tr("optional: your own token service's address"))
        self.base_url = QLineEdit(saved.api_base_url)
        self.save_button = QPushButton(self.tr("Save"))
        self.rehearsal = QCheckBox(self.tr("Rehearsal (彩排): use the local emulator, no real room"))
        self.rehearsal.setChecked(saved.rehearsal)
        settings_box = QGroupBox(self.tr("Live-room settings"))
        form = QFormLayout(settings_box)
        form.addRow(self.tr("AppID"), self.app_id)
        form.addRow(self.tr("AppSecret"), self.app_secret)
        form.addRow(self.tr("Token service"), self.token_service)
        form.addRow(self.tr("API address"), self.base_url)
        form.addRow(self.rehearsal, self.save_button)

        # The show's live-room target: chosen here, visibly, kept with the show once it starts.
        self.targets = connection.targets
        target_box = QGroupBox(self.tr("What the show's one-click buttons drive"))
        target_layout = QVBoxLayout(target_box)
        self.target_group = QButtonGroup(self)
        self.target_buttons: dict[str, QRadioButton] = {}
        for kind in KINDS:
            radio = QRadioButton(translate("RoomTargets", KIND_TITLES[kind]))
            radio.setObjectName(f"target_{kind}")
            self.target_group.addButton(radio)
            self.target_buttons[kind] = radio
            target_layout.addWidget(radio)
            radio.toggled.connect(lambda on, k=kind: self._on_target_toggled(k, on))
        self.target_label = QLabel()
        self.target_label.setObjectName("targetLabel")
        self.target_label.setWordWrap(True)
        target_layout.addWidget(self.target_label)

        # Rooms
        self.rooms_table = _table([self.tr("Room"), self.tr("Name"), self.tr("Status"), self.tr("Starts")])
        self.refresh_button = QPushButton(self.tr("Refresh rooms"))
        self.use_room_button = QPushButton(self.tr("Use for this show"))
        self.push_url_button = QPushButton(self.tr("Fetch push address (推流地址)"))
        self.show_room = QLabel()
        self.show_room.setObjectName("showRoom")
        room_buttons = QHBoxLayout()
        for button in (self.refresh_button, self.use_room_button, self.push_url_button):
            room_buttons.addWidget(button)

        # Goods of the show's room and the library
        self.goods_table = _table([self.tr("Goods id"), self.tr("Name"), self.tr("Price"), self.tr("Sale")])
        self.push_button = QPushButton(self.tr("Push on screen (上屏)"))
        self.on_sale_button = QPushButton(self.tr("On sale"))
        self.off_sale_button = QPushButton(self.tr("Off sale"))
        self.notify_button = QPushButton(self.tr("Notify subscribers (推送本场直播)"))
        goods_buttons = QHBoxLayout()
        for button in (self.push_button, self.on_sale_button, self.off_sale_button, self.notify_button):
            goods_buttons.addWidget(button)
        self.library_table = _table([self.tr("Goods id"), self.tr("Name"), self.tr("Price")])
        self.load_library_button = QPushButton(self.tr("Load approved goods"))
        self.add_button = QPushButton(self.tr("Add to the show's room"))
        library_buttons = QHBoxLayout()
        library_buttons.addWidget(self.load_library_button)
        library_buttons.addWidget(self.add_button)
        # Before the show: the plan's products against the room's goods.
        self.match_button = QPushButton(self.tr("Check the plan's products against the room"))
        self.match_summary = QLabel()
        self.match_summary.setWordWrap(True)
        self.match_table = _table([self.tr("Product"), self.tr("Goods id"), self.tr("In the room?"),
                                   self.tr("What to do")])
        self.match_table.setVisible(False)
        self.add_matched_button = QPushButton(self.tr("Add the approved ones to the room"))
        self.add_matched_button.setVisible(False)
        self._match: GoodsMatch | None = None
        self.manual_note = QLabel(self.tr("Coupons, lotteries and announcements have no API in mini-program "
                                          "live: do them in the anchor app; the checklist ticks them off."))
        self.manual_note.setWordWrap(True)

        self.busy_label = QLabel(self.tr("Talking to WeChat…"))
        self.busy_label.setVisible(False)
        self.message = MessageLine()
        # Changing where OBS streams is always confirmed, naming the old and the new server.
        self.repoint_bar = QWidget()
        self.repoint_bar.setObjectName("repointConfirm")
        self.repoint_text = QLabel()
        self.repoint_text.setWordWrap(True)
        self.repoint_yes = QPushButton(self.tr("Point OBS there"))
        self.repoint_no = QPushButton(self.tr("Keep OBS as it is"))
        repoint_row = QHBoxLayout(self.repoint_bar)
        repoint_row.addWidget(self.repoint_text, 1)
        repoint_row.addWidget(self.repoint_yes)
        repoint_row.addWidget(self.repoint_no)
        self.repoint_bar.setVisible(False)
        self._repoint: Any = None
        self.repoint_yes.clicked.connect(self._on_repoint_yes_clicked)
        self.repoint_no.clicked.connect(self._on_repoint_no_clicked)
        self.offer_button = QPushButton()
        self.offer_button.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(target_box)
        layout.addWidget(settings_box)
        layout.addWidget(self.show_room)
        layout.addWidget(self.rooms_table, 1)
        layout.addLayout(room_buttons)
        layout.addWidget(self.repoint_bar)
        layout.addWidget(QLabel(self.tr("Goods in the show's room")))
        layout.addWidget(self.goods_table, 2)
        layout.addLayout(goods_buttons)
        layout.addWidget(QLabel(self.tr("Approved goods library")))
        layout.addWidget(self.library_table, 1)
        layout.addLayout(library_buttons)
        layout.addWidget(self.match_button)
        layout.addWidget(self.match_summary)
        layout.addWidget(self.match_table, 1)
        layout.addWidget(self.add_matched_button)
        layout.addWidget(self.manual_note)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.message)
        layout.addWidget(self.offer_button)

        self.save_button.clicked.connect(self._on_save_clicked)
        self.rehearsal.toggled.connect(self._on_rehearsal_toggled)
        self.refresh_button.clicked.connect(self._on_refresh_clicked)
        self.use_room_button.clicked.connect(self._on_use_room_clicked)
        self.push_url_button.clicked.connect(self._on_push_url_clicked)
        self.push_button.clicked.connect(self._on_push_clicked)
        self.on_sale_button.clicked.connect(lambda: self._on_sale_clicked(True))
        self.off_sale_button.clicked.connect(lambda: self._on_sale_clicked(False))
        self.notify_button.clicked.connect(self._on_notify_clicked)
        self.load_library_button.clicked.connect(self._on_load_library_clicked)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.offer_button.clicked.connect(self._on_offer_clicked)
        self.match_button.clicked.connect(self._on_match_clicked)
        self.add_matched_button.clicked.connect(self._on_add_matched_clicked)
        self.targets.changed.connect(self._on_targets_changed)
        self._on_targets_changed()
        self.model.changed.connect(self._on_model_changed)
        self.model.busy.connect(self._on_model_busy)
        self._on_model_changed()

    # -- rendering ---------------------------------------------------------------------------

    def _on_model_changed(self) -> None:
        model = self.model
        self.rooms_table.setRowCount(len(model.rooms))
        for row, room in enumerate(model.rooms):
            starts = (dt.datetime.fromtimestamp(room.start_time).strftime("%m-%d %H:%M")
                      if room.start_time else "")
            marker = "▶ " if room.room_id == model.room_id else ""
            self.rooms_table.setItem(row, 0, _item(f"{marker}{room.room_id}", room.room_id))
            self.rooms_table.setItem(row, 1, _item(room.name, room.room_id))
            self.rooms_table.setItem(row, 2, _item(room.status_text, room.room_id))
            self.rooms_table.setItem(row, 3, _item(starts, room.room_id))
        picked = model.room
        if picked is not None:
            self.show_room.setText(self.tr("Show's room: {name} ({id}) — {status}").format(
                name=picked.name, id=picked.room_id, status=picked.status_text))
        elif model.room_id is not None:
            self.show_room.setText(self.tr("Show's room: {id} (refresh the rooms to see it)").format(
                id=model.room_id))
        else:
            self.show_room.setText(self.tr("No room picked for this show yet."))
        self._fill_goods(self.goods_table, model.goods, with_sale=True)
        self._fill_goods(self.library_table, model.library, with_sale=False)

    def _fill_goods(self, table: QTableWidget, goods: tuple[Goods, ...] | list[Goods],
                    with_sale: bool) -> None:
        table.setRowCount(len(goods))
        for row, g in enumerate(goods):
            table.setItem(row, 0, _item(str(g.goods_id), g.goods_id))
            table.setItem(row, 1, _item(g.name, g.goods_id))
            table.setItem(row, 2, _item(g.price_text(), g.goods_id))
            if with_sale:
                on_sale = self.model.on_sale(g.goods_id)
                text = "" if on_sale is None else self.tr("on sale") if on_sale else self.tr("off sale")
                table.setItem(row, 3, _item(text, g.goods_id))

    def _on_targets_changed(self) -> None:
        kind = self.targets.kind
        radio = self.target_buttons[kind]
        if not radio.isChecked():
            radio.blockSignals(True)
            radio.setChecked(True)
            radio.blockSignals(False)
        self.target_label.setText(self.tr("A show started now drives: {target}. A running show keeps the "
                                          "target it started with.").format(target=self.targets.label()))
        self.match_button.setEnabled(self.targets.products is not None)

    def _on_target_toggled(self, kind: str, on: bool) -> None:
        if not on or kind == self.targets.kind:
            return

        async def choose() -> str:
            await self.targets.choose(kind)
            return self.tr("The next show drives: {target}.").format(target=self.targets.label())

        self._run(choose(), name="room-target")

    def _show_match(self, report: GoodsMatch) -> None:
        self._match = report
        self.match_summary.setText(report.summary())
        self.match_table.setVisible(True)
        self.match_table.setRowCount(len(report.rows))
        words = {"id": self.tr("yes (by goods id)"), "name": self.tr("yes (by name)"),
                 "not_in_room": self.tr("no — approved"), "unapproved": self.tr("no — not approved"),
                 "missing": self.tr("no — not found")}
        for row, r in enumerate(report.rows):
            self.match_table.setItem(row, 0, _item(r.product_name))
            self.match_table.setItem(row, 1, _item("" if r.goods_id is None else str(r.goods_id)))
            self.match_table.setItem(row, 2, _item(words.get(r.status, r.status)))
            self.match_table.setItem(row, 3, _item(r.advice))
        self.add_matched_button.setVisible(bool(report.addable))

    def _on_match_clicked(self) -> None:
        products = self.targets.products

        async def check() -> str:
            if products is None:
                return ""
            answer = await self.desk.match_plan(products())
            self._show_match(answer.value)
            return answer.value.summary()

        self._run(check(), name="room-match", room_call=True)

    def _on_add_matched_clicked(self) -> None:
        report = self._match
        if report is None or not report.addable:
            return
        ids = sorted(set(report.addable))
        products = self.targets.products

        async def add() -> str:
            added = await self.desk.add_goods(ids)
            if products is not None:
                self._show_match((await self.desk.match_plan(products())).value)
            return self._logged(self.tr("{count} products added to the room.").format(count=len(ids)), added)

        self._run(add(), name="room-add-matched", room_call=True)

    def _on_model_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)

    # -- running actions ---------------------------------------------------------------------

    def _run(self, coro: Coroutine[Any, Any, str | None], name: str, *, room_call: bool = False) -> None:
        """Run an action in the background (``run_action``); its text or its plain-words error
        lands in the message. ``room_call``: an error also says when no show log has it."""
        self._set_offer(None, "")
        self.message.clear_message()

        def failed(error: UserError) -> None:
            if room_call and not self.desk.logging:
                self.message.show_message(self._logged(str(error), None), "error")
            if isinstance(error, WeChatError):
                self._offer_fix(error)

        run_action(coro, self.message, name=name, done_text=_text, on_error=failed)

    def _logged(self, text: str, answer: DeskAnswer[Any] | None) -> str:
        """The result line, saying when the call is in no show's log (no show was running)."""
        if answer is not None and answer.logged:
            return text
        return self.tr("{result} (Not in a show log: no show is running.)").format(result=text)

    def _selected(self, table: QTableWidget) -> int | None:
        rows = table.selectionModel().selectedRows()
        if not rows:
            return None
        item = table.item(rows[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _need(self, table: QTableWidget, what: str) -> int | None:
        key = self._selected(table)
        if key is None:
            self.message.show_message(what, "error")
        return key

    def _offer_fix(self, error: WeChatError) -> None:
        goods_id = self._last_pushed
        if goods_id is None:
            return
        if error.next_step == NEXT_PUT_ON_SALE:
            self._set_offer(lambda: self._put_on_sale_and_push(goods_id),
                            self.tr("Put it on sale, then push"))
        elif error.next_step == NEXT_ADD_GOODS:
            self._set_offer(lambda: self._add_and_push(goods_id), self.tr("Add it to the room, then push"))

    def _set_offer(self, action: Callable[[], Coroutine[Any, Any, DeskAnswer[None]]] | None, text: str) -> None:
        self._offer = action
        self.offer_button.setText(text)
        self.offer_button.setVisible(action is not None)

    def _on_offer_clicked(self) -> None:
        action = self._offer
        if action is not None:
            self._run(self._wrap(action()), name="room-offer", room_call=True)

    async def _wrap(self, coro: Coroutine[Any, Any, DeskAnswer[None]]) -> str:
        return self._logged(self.tr("Done: the product is on screen."), await coro)

    async def _put_on_sale_and_push(self, goods_id: int) -> DeskAnswer[None]:
        await self.desk.set_on_sale(goods_id, True)
        return await self.desk.push_goods(goods_id)

    async def _add_and_push(self, goods_id: int) -> DeskAnswer[None]:
        await self.desk.add_goods([goods_id])
        return await self.desk.push_goods(goods_id)

    # -- slots -------------------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        current = self.connection.room_settings
        new = RoomSettings(app_id=self.app_id.text().strip(), api_base_url=self.base_url.text().strip(),
                           token_service_url=self.token_service.text().strip(), room_id=current.room_id,
                           rehearsal=current.rehearsal, rehearsal_url=current.rehearsal_url)
        secret = self.app_secret.text()
        self.app_secret.clear()  # never left in a widget longer than needed

        async def save() -> str:
            await self.connection.save(new, secret or None)
            return self.tr("Live-room settings saved.")

        self._run(save(), name="room-save")

    def _on_rehearsal_toggled(self, on: bool) -> None:
        async def switch() -> str:
            await self.connection.set_rehearsal(on)
            if on:
                await self.desk.refresh_rooms()
                return self.tr("Rehearsal on: the console talks to the local emulator, not a real room.")
            return self.tr("Rehearsal off: the console talks to the real live room.")

        self._run(switch(), name="room-rehearsal")

    def _on_refresh_clicked(self) -> None:
        async def refresh() -> str:
            rooms = await self.desk.refresh_rooms()
            return self.tr("{count} rooms.").format(count=len(rooms.value))

        self._run(refresh(), name="room-refresh", room_call=True)

    def _on_use_room_clicked(self) -> None:
        room_id = self._need(self.rooms_table, self.tr("Select a room in the list first."))
        if room_id is None:
            return

        async def use() -> str:
            await self.connection.select_room(room_id)
            return self.tr("Room {id} is the show's room.").format(id=room_id)

        self._run(use(), name="room-use")

    def _on_push_url_clicked(self) -> None:
        async def fetch() -> str:
            url = (await self.desk.fetch_push_url()).value
            if self.on_push_url is None:
                return self.tr("Push address fetched, but nothing takes it yet.")
            result = self.on_push_url(url)
            if inspect.isawaitable(result):
                result = await result
            if hasattr(result, "new_server") and hasattr(result, "apply"):
                self._ask_repoint(result)
                return self.tr("Push address fetched and saved in the keyring. OBS is not changed until "
                               "you confirm below.")
            return self.tr("Push address fetched and handed to the stream settings.")

        self._run(fetch(), name="room-push-url", room_call=True)

    def _ask_repoint(self, repoint: Any) -> None:
        old = repoint.old_server or self.tr("(OBS could not be asked)")
        self._repoint = repoint
        self.repoint_text.setText(self.tr(
            "Change where OBS streams? Now: {old}. New: {new} (key {key}, {room}). While OBS is "
            "streaming, stop the stream first.").format(old=old, new=repoint.new_server,
                                                        key=repoint.new_key, room=repoint.room))
        self.repoint_bar.setVisible(True)
        self.repoint_no.setFocus()

    def _on_repoint_yes_clicked(self) -> None:
        repoint, self._repoint = self._repoint, None
        self.repoint_bar.setVisible(False)
        if repoint is None:
            return

        async def apply() -> str:
            await repoint.apply()
            return self.tr("OBS now streams to {new} (was {old}).").format(
                new=repoint.new_server, old=repoint.old_server or "?")

        self._run(apply(), name="room-repoint")

    def _on_repoint_no_clicked(self) -> None:
        self._repoint = None
        self.repoint_bar.setVisible(False)
        self.message.show_message(self.tr("OBS still streams where it did. The new push address is saved "
                                          "in the keyring (Push keys)."), "info")

    def _on_push_clicked(self) -> None:
        goods_id = self._need(self.goods_table, self.tr("Select a product in the room's goods first."))
        if goods_id is None:
            return
        self._last_pushed = goods_id

        async def push() -> str:
            answer = await self.desk.push_goods(goods_id)
            return self._logged(self.tr("Product {id} is on screen.").format(id=goods_id), answer)

        self._run(push(), name="room-push", room_call=True)

    def _on_sale_clicked(self, on_sale: bool) -> None:
        goods_id = self._need(self.goods_table, self.tr("Select a product in the room's goods first."))
        if goods_id is None:
            return

        async def sale() -> str:
            answer = await self.desk.set_on_sale(goods_id, on_sale)
            text = self.tr("Product {id} is on sale.").format(id=goods_id) if on_sale else \
                self.tr("Product {id} is off sale.").format(id=goods_id)
            return self._logged(text, answer)

        self._run(sale(), name="room-sale", room_call=True)

    def _on_notify_clicked(self) -> None:
        async def notify() -> str:
            answer = await self.desk.notify_subscribers()
            return self._logged(self.tr("{count} subscribers notified.").format(count=answer.value), answer)

        self._run(notify(), name="room-notify", room_call=True)

    def _on_load_library_clicked(self) -> None:
        async def load() -> str:
            goods = await self.desk.load_library()
            return self.tr("{count} approved goods.").format(count=len(goods.value))

        self._run(load(), name="room-library", room_call=True)

    def _on_add_clicked(self) -> None:
        goods_id = self._need(self.library_table, self.tr("Select a product in the approved goods first."))
        if goods_id is None:
            return

        async def add() -> str:
            answer = await self.desk.add_goods([goods_id])
            return self._logged(self.tr("Product {id} added to the room.").format(id=goods_id), answer)

        self._run(add(), name="room-add", room_call=True)


def _text(done: str | None) -> str | None:
    return done
