"""studio.events.Signal: failing listeners, weak references to bound methods, disconnecting."""

from __future__ import annotations

import gc
import logging

from studio.events import Signal


class Listener:
    def __init__(self) -> None:
        self.seen: list[object] = []

    def on_changed(self, value: object) -> None:
        self.seen.append(value)


def test_signal_survives_a_failing_listener(caplog, background_failures):
    signal = Signal("test")
    seen = []
    signal.connect(lambda v: 1 / 0)
    disconnect = signal.connect(seen.append)
    with caplog.at_level(logging.ERROR):
        signal.emit(5)
    assert seen == [5]
    assert "listener of test failed" in caplog.text
    disconnect()
    signal.emit(6)
    assert seen == [5]
    # Each raise is counted: left there, these would fail the test at teardown.
    assert ["ZeroDivisionError" in f for f in background_failures.take()] == [True, True]


def test_a_bound_method_does_not_keep_its_object_alive():
    signal: Signal[[int]] = Signal("changed")
    listener = Listener()
    signal.connect(listener.on_changed)
    signal.emit(1)
    assert listener.seen == [1] and signal.listener_count() == 1
    del listener
    gc.collect()
    assert signal.listener_count() == 0
    signal.emit(2)  # nothing to call, nothing raised


def test_a_lambda_is_kept_until_disconnected():
    signal = Signal("changed")
    seen: list[int] = []
    disconnect = signal.connect(lambda v: seen.append(v))
    gc.collect()
    signal.emit(1)
    disconnect()
    signal.emit(2)
    assert seen == [1] and signal.listener_count() == 0


def test_disconnect_a_bound_method_by_itself():
    signal = Signal("changed")
    listener = Listener()
    signal.connect(listener.on_changed)
    signal.disconnect(listener.on_changed)
    signal.emit(1)
    assert listener.seen == []


def test_a_listener_of_a_deleted_qt_object_is_dropped_quietly(caplog, background_failures):
    class Gone:
        def on_changed(self) -> None:
            raise RuntimeError("Internal C++ object (QLabel) already deleted.")

    signal = Signal("changed")
    gone = Gone()
    signal.connect(gone.on_changed)
    with caplog.at_level(logging.WARNING):
        signal.emit()
        signal.emit()
    assert signal.listener_count() == 0 and caplog.text == ""
    assert background_failures.take() == []
