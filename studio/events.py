"""A tiny observer, so the core can announce changes without knowing about Qt.

Widgets connect to a model's ``Signal`` in their ``__init__`` (napari's habit); the core emits on
the asyncio loop's thread, which under qasync is the Qt thread.

A bound method is held by a weak reference (FeelUOwn's ``dispatch.py``, napari's events): a panel
that is deleted drops out of every model's signals by itself, so the model never calls into a
deleted widget and never keeps one alive. A plain function or a lambda is held as given (nothing
else would keep it alive); disconnect it with the function ``connect`` returns. A listener whose
Qt object is gone already (PySide's "Internal C++ object … already deleted") is dropped quietly.

Signals say their arguments where that is simple: ``Signal[[str, str]]`` is emitted with two
strings (mypy checks every ``emit``; ``connect`` stays loose, so a lambda needs no annotation); an
unparametrized ``Signal`` takes anything, as before.
"""

from __future__ import annotations

import inspect
import logging
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, overload

if TYPE_CHECKING:
    from typing_extensions import ParamSpec

    P = ParamSpec("P", default=...)  # an unparametrized Signal takes any arguments
else:
    from typing import ParamSpec

    P = ParamSpec("P")  # defaults for ParamSpec are typing-only before Python 3.13

log = logging.getLogger(__name__)

ListenerFailure = Callable[[str, BaseException], None]
_failure_listeners: list[ListenerFailure] = []


def on_listener_failure(listener: ListenerFailure) -> Callable[[], None]:
    """Call ``listener(signal_name, exception)`` whenever a slot raises (the test fixtures fail the
    test with it); returns a function that removes the listener again."""
    _failure_listeners.append(listener)
    return lambda: _failure_listeners.remove(listener) if listener in _failure_listeners else None


class _Slot:
    """One connection: a weak reference to a bound method, or the callable itself."""

    __slots__ = ("_ref", "_strong")

    def __init__(self, slot: Callable[..., Any], on_dead: Callable[[weakref.WeakMethod[Any]], None]) -> None:
        if inspect.ismethod(slot):
            self._ref: weakref.WeakMethod[Any] | None = weakref.WeakMethod(slot, on_dead)
            self._strong: Callable[..., Any] | None = None
        else:
            self._ref = None
            self._strong = slot

    def resolve(self) -> Callable[..., Any] | None:
        return self._ref() if self._ref is not None else self._strong

    def holds(self, slot: Callable[..., Any]) -> bool:
        return self.resolve() == slot


def _deleted_qt_object(error: BaseException) -> bool:
    return isinstance(error, RuntimeError) and "already deleted" in str(error)


class Signal(Generic[P]):
    def __init__(self, name: str = "") -> None:
        self.name = name
        self._slots: list[_Slot] = []

    @overload
    def connect(self: Signal[...], slot: Callable[..., Any]) -> Callable[[], None]: ...

    @overload
    def connect(self, slot: Callable[P, Any]) -> Callable[[], None]: ...

    def connect(self, slot: Callable[..., Any]) -> Callable[[], None]:
        """Connect ``slot``; returns a function that disconnects it again."""
        self._slots.append(_Slot(slot, self._on_slot_dead))
        return lambda: self.disconnect(slot)

    def disconnect(self, slot: Callable[..., Any]) -> None:
        for connection in self._slots:
            if connection.holds(slot):
                self._slots.remove(connection)
                return

    def emit(self, *args: P.args, **kwargs: P.kwargs) -> None:
        # One failing listener must not stop the others (a broken panel never stops the show).
        for connection in list(self._slots):
            slot = connection.resolve()
            if slot is None:
                continue
            try:
                slot(*args, **kwargs)
            except Exception as e:
                if _deleted_qt_object(e):
                    log.debug("listener of %s belonged to a deleted widget: dropped", self.name or "a signal")
                    if connection in self._slots:
                        self._slots.remove(connection)
                    continue
                log.exception("listener of %s failed", self.name or "a signal")
                for listener in list(_failure_listeners):
                    listener(self.name, e)

    def listener_count(self) -> int:
        """How many listeners are still connected (dead weak references not counted)."""
        return sum(1 for connection in self._slots if connection.resolve() is not None)

    def _on_slot_dead(self, ref: weakref.WeakMethod[Any]) -> None:
        self._slots = [c for c in self._slots if c._ref is not ref]
