"""A deleted panel drops out of its model's signals: emitting afterwards calls nothing, logs nothing."""

from __future__ import annotations

import gc
import logging

import pytest
import shiboken6

from studio.obs.scenes import ScenesModel
from tests.fakes.obs import FakeLink
from ui.panels.scenes import ScenesPanel

pytestmark = pytest.mark.qt


def test_a_deleted_scenes_panel_is_not_called_again(qtbot, caplog):
    model = ScenesModel(FakeLink())  # type: ignore[arg-type]
    panel = ScenesPanel(model)
    before = model.changed.listener_count()
    assert before >= 1
    shiboken6.delete(panel)  # the C++ widget is gone, as after deleteLater in the window
    del panel
    gc.collect()
    with caplog.at_level(logging.DEBUG, logger="studio.events"):
        model.changed.emit()
    assert model.changed.listener_count() == before - 1
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert "already deleted" not in caplog.text


def test_a_panel_kept_by_python_but_deleted_in_qt_is_dropped_quietly(qtbot, caplog):
    model = ScenesModel(FakeLink())  # type: ignore[arg-type]
    panel = ScenesPanel(model)
    before = model.changed.listener_count()
    shiboken6.delete(panel)  # a Python reference remains: only the C++ side is gone
    with caplog.at_level(logging.WARNING):
        model.changed.emit()
        model.changed.emit()
    assert model.changed.listener_count() == before - 1
    assert "already deleted" not in caplog.text
    assert panel is not None
