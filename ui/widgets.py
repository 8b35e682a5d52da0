"""Small pieces every panel uses: a message line, and running a coroutine from a click."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any, ClassVar

from PySide6.QtWidgets import QLabel, QWidget

from studio.errors import UserError
from studio.tasks import spawn


class MessageLine(QLabel):
    """One line under a panel: what just happened, or what went wrong and what to do."""

    STYLES: ClassVar[dict[str, str]] = {
        "info": "color: palette(text);",
        "ok": "color: #1b7f3a;",
        "error": "color: #b3261e; font-weight: bold;",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(self.textInteractionFlags())

    def show_message(self, text: str, kind: str = "info") -> None:
        self.setStyleSheet(self.STYLES.get(kind, ""))
        self.setText(text)
        self.setAccessibleDescription(kind)

    def clear_message(self) -> None:
        self.setText("")


def run_action(coro: Coroutine[Any, Any, Any], message: MessageLine, *, name: str,
               done_text: str | None = None) -> None:
    """Run ``coro`` in the background; its UserError lands in ``message`` in plain words."""

    async def wrapped() -> None:
        try:
            await coro
        except UserError as e:
            message.show_message(str(e), "error")
        else:
            if done_text:
                message.show_message(done_text, "ok")

    spawn(wrapped(), name=name)
