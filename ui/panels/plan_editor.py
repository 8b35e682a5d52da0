"""The show-plan editor: tables for products, coupons, lotteries and announcements, the running
order as a list to drag, a goods-list import, and the plan's file: Open, New from a template, Save,
Save as, recent plans, with the file's path always in view and its problems listed (line, field).

``PlanEditorPanel(files)`` takes the core's ``PlanFiles``; ``PlanEditorPanel(plan, path=None)``
wraps an already-loaded plan. The plan is edited in place; ``changed`` (a Qt signal) fires after
every edit. Files are read and written off the Qt thread. File dialogs are opened non-modally and
answer through their signals (a static ``QFileDialog.get…`` would run a nested event loop under qasync).
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
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.show.importer import import_goods
from studio.show.kinds import key_for, lottery_words, step_words
from studio.show.plan import (
    Announcement,
    Coupon,
    Lottery,
    Plan,
    Product,
)
from studio.show.plan_files import PlanFiles, Saved, problem_line
from studio.tasks import spawn
from ui.widgets import MessageLine, run_action

# (attribute, kind) per table column; kind decides how the text is parsed back.
PRODUCT_COLUMNS = [("id", "text"), ("name", "text"), ("price", "money"), ("live_price", "money"),
                   ("stock", "int"), ("goods_id", "text"), ("image", "text"), ("talking_points", "list")]
COUPON_COLUMNS = [("id", "text"), ("name", "text"), ("detail", "text"), ("quantity", "int"),
                  ("minutes", "float")]
LOTTERY_COLUMNS = [("id", "text"), ("prize", "text"), ("kind", "lottery_kind"), ("minutes", "float"),
                   ("winners", "int"), ("keyword", "text")]
ANNOUNCEMENT_COLUMNS = [("id", "text"), ("text", "text")]


def _shown(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "list":
        return " / ".join(value)
    if kind == "lottery_kind":  # the host's words, not the file's key ("comment")
        return lottery_words(str(value))
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
    if kind == "lottery_kind":  # words back to the key; an unknown one stays as typed (the check names it)
        return key_for("lottery", text) or text
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

    def __init__(self, plan: Plan | PlanFiles, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.files = plan if isinstance(plan, PlanFiles) else PlanFiles.for_plan(plan, path)
        self.plan = self.files.plan
        self.file_dialog: QFileDialog | None = None  # the open/save dialog while it is shown
        self._rendering = False
        self.path_label = QLabel()
        self.path_label.setObjectName("planPath")
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open…"))
        self.new_button = QPushButton(self.tr("New from template"))
        self.new_menu = QMenu(self)
        self.new_button.setMenu(self.new_menu)
        self.recent_button = QPushButton(self.tr("Recent plans"))
        self.recent_menu = QMenu(self)
        self.recent_button.setMenu(self.recent_menu)
        self.save_as_button = QPushButton(self.tr("Save as…"))
        self.problem_title = QLabel()
        self.problem_title.setObjectName("planProblemTitle")
        self.problem_title.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("planProblems")
        self.problem_list.setMaximumHeight(120)
        self.problem_list.setStyleSheet("QListWidget { color: #b3261e; }")
        self.tabs = QTabWidget()
        self.products = self._table([self.tr("Id"), self.tr("Name"), self.tr("Price (¥)"),
                                     self.tr("Live price (¥)"), self.tr("Stock"), self.tr("Goods id"),
                                     self.tr("Image"), self.tr("Talking points (a / b)")])
        self.coupons = self._table([self.tr("Id"), self.tr("Name"), self.tr("Detail"), self.tr("Quantity"),
                                    self.tr("Minutes")])
        self.lotteries = self._table([self.tr("Id"), self.tr("Prize"), self.tr("Kind"),
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

        file_row = QHBoxLayout()
        for button in (self.open_button, self.new_button, self.recent_button, self.save_button,
                       self.save_as_button):
            file_row.addWidget(button)
        file_row.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.path_label)
        layout.addLayout(file_row)
        layout.addWidget(self.problem_title)
        layout.addWidget(self.problem_list)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self._bindings: list[tuple[QTableWidget, list[Any], list[tuple[str, str]]]] = []
        for table in (self.products, self.coupons, self.lotteries, self.announcements):
            table.cellChanged.connect(self._on_table_cell_changed)
        self.order.model().rowsMoved.connect(self._on_order_rows_moved)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.save_as_button.clicked.connect(self._on_save_as_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.new_menu.aboutToShow.connect(self._on_new_menu_about_to_show)
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        self.files.changed.connect(self._on_files_changed)
        self._on_files_changed()
        if self.files.problem:
            self.message.show_message(self.files.problem, "error")

    # The file ---------------------------------------------------------------------------

    def _bind(self) -> None:
        plan = self.plan
        self._bindings = [
            (self.products, plan.products, PRODUCT_COLUMNS), (self.coupons, plan.coupons, COUPON_COLUMNS),
            (self.lotteries, plan.lotteries, LOTTERY_COLUMNS),
            (self.announcements, plan.announcements, ANNOUNCEMENT_COLUMNS)]

    def _on_files_changed(self) -> None:
        self.plan = self.files.plan
        self._bind()
        self._render()
        self._render_file()

    def path_text(self) -> str:
        files = self.files
        if files.untitled:
            return self.tr("New plan, not saved yet — Save puts it in {path}").format(path=files.path)
        if files.read_only:
            return self.tr("Plan file: {path} — the shipped example, read-only: Save makes your own copy "
                           "in your documents").format(path=files.path)
        return self.tr("Plan file: {path}").format(path=files.path)

    def _render_file(self) -> None:
        self.path_label.setText(self.path_text())
        self.path_label.setToolTip(str(self.files.path))
        problems = self.files.problems
        self.problem_list.clear()
        for problem in problems:
            self.problem_list.addItem(problem_line(problem))
        self.problem_title.setText(self.tr("{count} problem(s) in this plan — fix them before the show:")
                                   .format(count=len(problems)) if problems else "")
        self.problem_title.setVisible(bool(problems))
        self.problem_list.setVisible(bool(problems))
        self.recent_button.setEnabled(bool(self.files.recent))

    def problem_lines(self) -> list[str]:
        return [self.problem_list.item(i).text() for i in range(self.problem_list.count())]

    def _file_dialog(self, title: str, filters: str, *, save: bool, on_selected: Any) -> QFileDialog:
        """A non-modal dialog; ``on_selected(path)`` runs when the user picks a file."""
        if self.file_dialog is not None:
            self.file_dialog.close()
        folder = str(self.files.target_folder() if self.files.read_only else self.files.path.parent)
        dialog = QFileDialog(self, title, folder, filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
        if save:
            dialog.setDefaultSuffix("toml")
            dialog.selectFile(self.files.path.name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: on_selected(Path(name)) if name else None)
        dialog.finished.connect(self._on_file_dialog_finished)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _on_file_dialog_finished(self, _result: int) -> None:
        self.file_dialog = None

    def _on_open_clicked(self) -> None:
        self._file_dialog(self.tr("Open a show plan"), self.tr("Show plans (*.toml);;All files (*)"),
                          save=False, on_selected=self.open_path)

    def open_path(self, path: Path) -> None:
        spawn(self._open(path), name="plan-open")

    async def _open(self, path: Path) -> None:
        opened = await self.files.open(path)
        if opened.problem:
            self.message.show_message(opened.problem, "error")
        elif opened.problems:
            self.message.show_message(self.tr("Opened {name}: {count} problem(s), listed above.").format(
                name=path.name, count=len(opened.problems)), "error")
        else:
            self.message.show_message(self.tr("Opened {name}. The plan has no problems.").format(
                name=path.name), "ok")

    def _on_new_menu_about_to_show(self) -> None:
        self.new_menu.clear()
        for label, template in self.files.templates():
            action = self.new_menu.addAction(label)
            action.triggered.connect(lambda _=False, t=template: self.new_from(t))

    def new_from(self, template: Path | None) -> None:
        spawn(self._new(template), name="plan-new")

    async def _new(self, template: Path | None) -> None:
        await self.files.new_from_template(template)
        self.message.show_message(self.tr("New plan. Edit it, then Save."), "info")

    def _on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        for path in self.files.recent:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))

    def _on_save_as_clicked(self) -> None:
        self._file_dialog(self.tr("Save the show plan as"), self.tr("Show plans (*.toml)"), save=True,
                          on_selected=self.save_as_path)

    def save_as_path(self, path: Path) -> None:
        spawn(self._save(path), name="plan-save-as")

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
                entry = QListWidgetItem(f"{step_words(step.step)} · {self.plan.step_title(step)}")
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

    def _on_import_clicked(self) -> None:
        self._file_dialog(self.tr("Import a goods list"),
                          self.tr("Goods lists (*.xlsx *.xls *.csv *.txt);;All files (*)"), save=False,
                          on_selected=self.import_path)

    def import_path(self, path: Path) -> asyncio.Task[None]:
        """Import a goods list in the background; what went wrong shows in the message line."""
        return run_action(self._import_from(path), self.message, name="plan-import")

    async def _import_from(self, path: Path) -> None:
        result = await asyncio.to_thread(import_goods, path)
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

    async def _save(self, path: Path | None = None) -> None:
        try:
            saved = await (self.files.save() if path is None else self.files.save_as(path))
        except OSError as e:
            reason = str(e.strerror or e)
            self.message.show_message(self.tr("Could not save the plan: {reason}. Check the folder and "
                                              "try again.").replace("{reason}", reason), "error")
            return
        self.message.show_message(self.saved_text(saved), "error" if saved.problems else "ok")

    def saved_text(self, saved: Saved) -> str:
        text = self.tr("Saved as {path}.").format(path=saved.path)
        if saved.copied_from is not None:
            text = self.tr("The example plan is read-only: your changes are saved as your own copy, "
                           "{path}.").format(path=saved.path)
        if saved.problems:
            return text + " " + self.tr("{count} problem(s) to fix before the show, listed above.").format(
                count=len(saved.problems))
        return text + " " + self.tr("The plan has no problems.")
