"""Small pieces every panel uses: a message line, and running a coroutine from a click (``run_action``)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, ClassVar, TypeVar

from PySide6.QtWidgets import QLabel, QWidget

from studio.errors import UserError
from studio.tasks import spawn

T = TypeVar("T")


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


def run_action(coro: Coroutine[Any, Any, T], message: MessageLine, *, name: str,
               done_text: str | Callable[[T], str | None] | None = None,
               on_error: Callable[[UserError], None] | None = None,
               finally_: Callable[[], None] | None = None) -> asyncio.Task[None]:
    """Run ``coro`` in the background (``studio.tasks.spawn``); its UserError lands in ``message``.

    The one helper for "a click starts a coroutine": panels never write their own ``except
    UserError`` around an awaited call. ``done_text`` is shown on success (a string, or a function
    of the result returning one or None); ``on_error(e)`` runs after the error is shown (e.g. to
    offer a fix); ``finally_()`` runs either way (e.g. to re-render). Anything that is not a
    UserError is a bug: it propagates, ``spawn`` logs it and the tests fail on it.
    """

    async def wrapped() -> None:
        try:
            result = await coro
        except UserError as e:
            message.show_message(str(e), "error")
            if on_error is not None:
                on_error(e)
        else:
            text = done_text(result) if callable(done_text) else done_text
            if text:
                message.show_message(text, "ok")
        finally:
            if finally_ is not None:
                finally_()

    return spawn(wrapped(), name=name)


def show_user_error(message: MessageLine, call: Callable[[], Any]) -> bool:
    """Run a quick synchronous ``call``; a UserError lands in ``message``. True when it succeeded."""
    try:
        call()
    except UserError as e:
        message.show_message(str(e), "error")
        return False
    return True
