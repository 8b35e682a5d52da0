"""The show-plan editor: tables for products, coupons, lotteries and announcements, the running
order as a list to drag, a goods-list import and save (with the plan check's result).

``PlanEditorPanel(plan, path=None)`` edits ``plan`` (a ``studio.show.plan.Plan``) in place; ``changed``
(a Qt signal) fires after every edit. Files are read and written off the Qt thread.
"""

from __future__ import annotations

import asyncio
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.errors import UserError
from studio.show.importer import import_goods
from studio.show.plan import (
    Announcement,
    Coupon,
    Lottery,
    Plan,
    Product,
    check_plan_text,
    plan_to_toml,
    save_plan,
)
from studio.tasks import spawn
from ui.widgets import MessageLine

# (attribute, kind) per table column; kind decides how the text is parsed back.
PRODUCT_COLUMNS = [("id", "text"), ("name", "text"), ("price", "money"), ("live_price", "money"),
                   ("stock", "int"), ("goods_id", "text"), ("image", "text"), ("talking_points", "list")]
COUPON_COLUMNS = [("id", "text"), ("name", "text"), ("detail", "text"), ("quantity", "int"),
                  ("minutes", "float")]
LOTTERY_COLUMNS = [("id", "text"), ("prize", "text"), ("kind", "text"), ("minutes", "float"),
                   ("winners", "int"), ("keyword", "text")]
ANNOUNCEMENT_COLUMNS = [("id", "text"), ("text", "text")]


def _shown(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "list":
        return " / ".join(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _parsed(text: str, kind: str) -> Any:
    """The cell's text as the plan's value; ValueError when it cannot be one."""
    text = text.strip()
    if kind == "text":
        return text
    if kind == "list":
        return [part.strip() for part in text.split("/") if part.strip()]
    if not text:
        return None
    if kind == "money":
        try:
            return Decimal(text.lstrip("¥￥")).quantize(Decimal("0.01"))
        except InvalidOperation:
            raise ValueError(text) from None
    if kind == "int":
        return int(text)
    return float(text)


class PlanEditorPanel(QWidget):
    changed = Signal()

    def __init__(self, plan: Plan, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.path = path
        self._rendering = False
        self.tabs = QTabWidget()
        self.products = self._table([self.tr("Id"), self.tr("Name"), self.tr("Price (¥)"),
                                     self.tr("Live price (¥)"), self.tr("Stock"), self.tr("Goods id"),
                                     self.tr("Image"), self.tr("Talking points (a / b)")])
        self.coupons = self._table([self.tr("Id"), self.tr("Name"), self.tr("Detail"), self.tr("Quantity"),
                                    self.tr("Minutes")])
        self.lotteries = self._table([self.tr("Id"), self.tr("Prize"), self.tr("Kind (comment/like)"),
                                      self.tr("Minutes"), self.tr("Winners"), self.tr("Keyword")])
        self.announcements = self._table([self.tr("Id"), self.tr("Text (4–34 characters)")])
        self.order = QListWidget()
        self.order.setObjectName("runningOrder")
        self.order.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.order.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tabs.addTab(self.products, self.tr("Products"))
        self.tabs.addTab(self.coupons, self.tr("Coupons"))
        self.tabs.addTab(self.lotteries, self.tr("Lotteries"))
        self.tabs.addTab(self.announcements, self.tr("Announcements"))
        self.tabs.addTab(self.order, self.tr("Running order (drag to reorder)"))
        self.add_button = QPushButton(self.tr("Add row"))
        self.remove_button = QPushButton(self.tr("Remove row"))
        self.import_button = QPushButton(self.tr("Import goods list…"))
        self.save_button = QPushButton(self.tr("Save"))
        self.message = MessageLine()

        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button, self.save_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self._bindings: list[tuple[QTableWidget, list[Any], list[tuple[str, str]]]] = [
            (self.products, plan.products, PRODUCT_COLUMNS), (self.coupons, plan.coupons, COUPON_COLUMNS),
            (self.lotteries, plan.lotteries, LOTTERY_COLUMNS),
            (self.announcements, plan.announcements, ANNOUNCEMENT_COLUMNS)]
        for table, _, _ in self._bindings:
            table.cellChanged.connect(self._on_table_cell_changed)
        self.order.model().rowsMoved.connect(self._on_order_rows_moved)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self._render()

    # Rendering ---------------------------------------------------------------------------

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _render(self) -> None:
        self._rendering = True
        try:
            for table, items, columns in self._bindings:
                table.setRowCount(len(items))
                for row, item in enumerate(items):
                    for col, (attr, kind) in enumerate(columns):
                        table.setItem(row, col, QTableWidgetItem(_shown(getattr(item, attr), kind)))
            self.order.clear()
            for step in self.plan.order:
                entry = QListWidgetItem(f"{step.step} · {self.plan.step_title(step)}")
                entry.setData(Qt.ItemDataRole.UserRole, step)
                self.order.addItem(entry)
        finally:
            self._rendering = False

    # Edits -------------------------------------------------------------------------------

    def _on_table_cell_changed(self, row: int, col: int) -> None:
        if self._rendering:
            return
        table = self.sender()
        for bound, items, columns in self._bindings:
            if bound is table and row < len(items):
                attr, kind = columns[col]
                cell = bound.item(row, col)
                try:
                    value = _parsed(cell.text() if cell else "", kind)
                except ValueError:
                    self.message.show_message(self.tr("“{text}” is not a number. Type digits, e.g. 59.9.")
                                              .replace("{text}", cell.text() if cell else ""), "error")
                    self._render()
                    return
                setattr(items[row], attr, value)
                self.message.clear_message()
                self.changed.emit()

    def _on_order_rows_moved(self, *args: Any) -> None:
        self.plan.order[:] = [self.order.item(i).data(Qt.ItemDataRole.UserRole)
                              for i in range(self.order.count())]
        self.changed.emit()

    def _on_add_clicked(self) -> None:
        index = self.tabs.currentIndex()
        if index == 0:
            self.plan.products.append(Product(self.plan.next_id("p"), self.tr("New product")))
        elif index == 1:
            self.plan.coupons.append(Coupon(self.plan.next_id("c"), self.tr("New coupon")))
        elif index == 2:
            self.plan.lotteries.append(Lottery(self.plan.next_id("l"), self.tr("New prize")))
        elif index == 3:
            self.plan.announcements.append(Announcement(self.plan.next_id("a"), self.tr("New announcement")))
        else:
            return
        self._render()
        self.changed.emit()

    def _on_remove_clicked(self) -> None:
        index = self.tabs.currentIndex()
        if index < len(self._bindings):
            table, items, _ = self._bindings[index]
            row = table.currentRow()
            if 0 <= row < len(items):
                del items[row]
        else:
            row = self.order.currentRow()
            if 0 <= row < len(self.plan.order):
                del self.plan.order[row]
        self._render()
        self.changed.emit()

    # Files -------------------------------------------------------------------------------

    def choose_goods_file(self) -> str:
        """Asks for the goods list; tests replace it. A dialog in a slot, never in a coroutine."""
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a goods list"), "",
            self.tr("Goods lists (*.xlsx *.xls *.csv *.txt);;All files (*)"))
        return name

    def _on_import_clicked(self) -> None:
        name = self.choose_goods_file()
        if name:
            spawn(self._import_from(Path(name)), name="plan-import")

    async def _import_from(self, path: Path) -> None:
        try:
            result = await asyncio.to_thread(import_goods, path)
        except UserError as e:
            self.message.show_message(str(e), "error")
            return
        taken = {p.id for p in self.plan.products}
        for product in result.products:
            if product.id in taken:
                product.id = self.plan.next_id("p")
            taken.add(product.id)
            self.plan.products.append(product)
        self._render()
        self.changed.emit()
        text = self.tr("Imported {count} products from {name}.").replace(
            "{count}", str(len(result.products))).replace("{name}", path.name)
        if result.problems:
            first = result.problems[0]
            text += " " + self.tr("{count} rows skipped; row {row}: {message}").replace(
                "{count}", str(len(result.problems))).replace("{row}", str(first.row)).replace(
                "{message}", first.message)
        self.message.show_message(text, "error" if result.problems else "ok")

    def _on_save_clicked(self) -> None:
        spawn(self._save(), name="plan-save")

    async def _save(self) -> None:
        if self.path is None:
            self.message.show_message(self.tr("Choose where to save the plan first."), "error")
            return
        try:
            await asyncio.to_thread(save_plan, self.plan, self.path)
        except OSError as e:
            reason = str(e.strerror or e)
            self.message.show_message(self.tr("Could not save the plan: {reason}. Check the folder and "
                                              "try again.").replace("{reason}", reason), "error")
            return
        _, problems = check_plan_text(plan_to_toml(self.plan))
        if problems:
            text = self.tr("Saved. {count} problem(s) to fix; the first: {message}")
            self.message.show_message(text.replace("{count}", str(len(problems))).replace(
                "{message}", problems[0].message), "error")
        else:
            self.message.show_message(self.tr("Saved. The plan has no problems."), "ok")
