"""Driving the panels' tables as a user does: pick the row of an id (the id a panel keeps in column 0's
``Qt.UserRole``, as ``ui.panels.room`` does)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableWidget


def select_row(table: QTableWidget, key: int) -> None:
    """Select the whole row whose column 0 holds ``key``, replacing the selection; raises if none does."""
    for row in range(table.rowCount()):
        if int(table.item(row, 0).data(Qt.ItemDataRole.UserRole)) == key:
            index = table.model().index(row, 0)
            table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
            return
    raise AssertionError(f"{key} not in table")
