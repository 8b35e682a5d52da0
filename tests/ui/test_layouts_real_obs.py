"""The role layouts against a real OBS, at a laptop's 1366×768 and at 1920×1080, in zh_CN and en.

For every visible widget of the show view: inside the window and inside its parent, no two visible
siblings overlapping, no label (or button) whose text is wider than its box unless it is elided
with the whole text as its tooltip, no scroll bar of a page that does not fit (lists may scroll
their rows, never sideways). And the window keeps its size through a 20-step rehearsal with a
live stream to a local ingest.
"""

from __future__ import annotations

import asyncio
from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QSplitterHandle,
    QTabBar,
    QWidget,
)

from studio.core import StudioCore
from tests.lab.console import core_for
from tests.lab.waiting import wait_until
from ui.i18n import install_translations
from ui.layouts import LAYOUTS
from ui.layouts.fit import FITTED, available_width, button_elided, is_plain_one_line, text_width
from ui.main_window import MainWindow

pytestmark = pytest.mark.integration

SIZES = [(1366, 768), (1920, 1080), (1, 1)]  # (1, 1): the smallest the window lets itself be made
LANGUAGES = ["zh_CN", "en"]
# Widgets whose insides are Qt's business (item views, editors, the chart), not the layout's.
OPAQUE = (QAbstractScrollArea, QComboBox, QAbstractSpinBox, QLineEdit, QTabBar, QProgressBar, QMenuBar)


@pytest.fixture
def language(request, qapp):
    lang = request.param
    install_translations(qapp, lang)
    yield lang
    install_translations(qapp, "en")


def _describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QPushButton)):
        text = widget.text().replace("\n", " ⏎ ")[:40]
    path = []
    w: QWidget | None = widget
    while w is not None and len(path) < 4:
        path.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return f"{type(widget).__name__} «{text}» in {'/'.join(reversed(path))}"


def _visible_children(widget: QWidget) -> list[QWidget]:
    return [c for c in widget.children()
            if isinstance(c, QWidget) and not c.isWindow() and c.isVisible()
            and not isinstance(c, QScrollBar) and not c.objectName().startswith("qt_")]


def layout_problems(window: MainWindow) -> list[str]:
    """Everything a tired assistant would trip over, as one line each (empty: all well)."""
    window.grab()  # paint once: elided labels set their tooltips while painting
    problems: list[str] = []
    window_rect = window.rect()

    def walk(widget: QWidget) -> None:
        children = _visible_children(widget)
        inside = QRect(QPoint(0, 0), widget.size())
        for child in children:
            where = QRect(child.mapTo(window, QPoint(0, 0)), child.size())
            if not window_rect.contains(where):
                problems.append(f"outside the window: {_describe(child)} at {where}")
            elif not inside.contains(child.geometry()):
                problems.append(f"cut off by its parent: {_describe(child)} {child.geometry()} in {inside}")
            if child.width() <= 0 or child.height() <= 0:
                problems.append(f"squeezed to nothing: {_describe(child)} {child.size()}")
        if not isinstance(widget, QSplitterHandle):
            boxes = [(c, c.geometry()) for c in children if not isinstance(c, QSplitterHandle)]
            for (a, ra), (b, rb) in combinations(boxes, 2):
                if ra.intersects(rb):
                    problems.append(f"overlap: {_describe(a)} {ra} and {_describe(b)} {rb}")
        for child in children:
            check_text(child)
            if not isinstance(child, OPAQUE) and not type(child).__module__.startswith("pyqtgraph"):
                walk(child)

    def check_text(widget: QWidget) -> None:
        if isinstance(widget, QLabel) and widget.text():
            rect = widget.contentsRect()
            if widget.wordWrap():
                if widget.heightForWidth(rect.width()) > rect.height() + 2:
                    problems.append(f"wrapped text cut at the bottom: {_describe(widget)} "
                                    f"needs {widget.heightForWidth(rect.width())} px, has {rect.height()}")
            elif is_plain_one_line(widget):
                if text_width(widget) > available_width(widget) and widget.toolTip() != widget.text():
                    problems.append(f"text wider than its box, no tooltip: {_describe(widget)}")
                lines = widget.text().count("\n") + 1
                if lines * widget.fontMetrics().lineSpacing() > rect.height() + 2:
                    problems.append(f"{lines} lines in a box {rect.height()} px high: {_describe(widget)}")
            else:
                doc = QTextDocument()
                doc.setDefaultFont(widget.font())
                doc.setHtml(widget.text())
                doc.setDocumentMargin(0)
                if doc.idealWidth() > rect.width() + 2:
                    problems.append(f"rich text wider than its box: {_describe(widget)} "
                                    f"{doc.idealWidth():.0f} > {rect.width()}")
        if isinstance(widget, QPushButton) and widget.text() and button_elided(widget) \
                and widget.property(FITTED) is not True:
            problems.append(f"button text clipped: {_describe(widget)}")

    walk(window.centralWidget())
    show = window.show_page
    for area in show.findChildren(QAbstractScrollArea):
        if not area.isVisible():
            continue
        if area.horizontalScrollBar().isVisible():
            problems.append(f"horizontal scroll bar: {_describe(area)}")
        if isinstance(area, QScrollArea) and area.verticalScrollBar().isVisible():
            problems.append(f"the page scrolls: {_describe(area)}")
    return problems


async def _connected_window(qtbot, core: StudioCore, layout: str, size: tuple[int, int]) -> MainWindow:
    window = MainWindow(core)
    qtbot.addWidget(window)
    window.set_layout(layout, save=False)
    window.resize(*size)
    window.show()
    core.link.start()
    await wait_until(lambda: core.scenes.available and core.scenes.scenes, timeout=10)
    await core.show.start_new()
    await asyncio.sleep(0.3)  # a few renders: the first health sample, the rundown's tick
    return window


@pytest.mark.parametrize("language", LANGUAGES, indirect=True)
@pytest.mark.parametrize("size", SIZES, ids=["1366x768", "1920x1080", "minimum"])
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_layout_fits_without_overlap_clipping_or_scroll_bars(qtbot, shared_obs, run, layout, size, language):
    core = core_for(shared_obs)

    async def scenario():
        window = await _connected_window(qtbot, core, layout, size)
        try:
            if size == (1, 1):
                assert window.size() == window.minimumSizeHint()
                assert window.width() <= 1366 and window.height() <= 768 - 60, "a laptop with a task bar"
            else:
                assert window.size().width() == size[0] and window.size().height() == size[1], \
                    f"the window did not take {size}: its minimum is {window.minimumSizeHint()}"
            assert window.onair_strip.isVisible() and window.onair_strip.width() > size[0] * 0.5
            problems = layout_problems(window)
            assert not problems, "\n".join(problems)
        finally:
            await core.close()

    run(scenario(), timeout=30)


def test_rehearsal_of_20_steps_never_resizes_the_window(qtbot, obs_factory, rtmp_ingest, run, tmp_path):
    obs = obs_factory()
    core = core_for(obs)
    size = (1366, 768)

    async def scenario():
        window = await _connected_window(qtbot, core, "solo", size)
        await core.link.request("SetStreamServiceSettings", {
            "streamServiceType": "rtmp_custom",
            "streamServiceSettings": {"server": rtmp_ingest.server_url, "key": "rehearsal"}})
        await core.stream.start()
        await wait_until(lambda: window.onair_strip.state == "live", timeout=15)
        assert "LIVE" in window.onair_strip.word.text() and window.onair_strip.property("look") == "live"
        before = window.size()
        pressed: list[str] = []
        order = ["next", "explain", "push", "coupon", "announcement", "lottery", "draw", "take_off"]
        for step in range(20):
            if step == 10:  # what made it grow: a long product name on the F keys and in the results
                for product in core.plan.products:
                    product.name = product.name + " · 超长的商品名称用来测试窗口会不会被撑大 Extra long name"
            key_id = next((k for k in order[step % len(order):] + order if core.pad.key(k).enabled), None)
            assert key_id is not None, [core.pad.key(k).why_not for k in order]
            try:
                await core.pad.run(key_id, confirmed=True)
            except Exception as e:  # a refusal is a result too: it shows on the key
                pressed.append(f"{key_id}: {e}")
            else:
                pressed.append(key_id)
            for layout in LAYOUTS:  # one click each way, mid-show
                window.set_layout(layout, save=False)
                await asyncio.sleep(0.02)  # Qt lays the new container out on the loop
                assert window.size() == before, f"step {step} ({key_id}) in {layout}: {window.size()}"
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.2)  # the strip's clock ticks and the rundown re-draws
        assert window.size() == before
        problems = layout_problems(window)
        if problems:
            shot = tmp_path / "after-rehearsal.png"
            window.grab().save(str(shot))
            raise AssertionError(f"after the rehearsal (see {shot}):\n" + "\n".join(problems))
        assert window.onair_strip.time.text() != "", "the stream time is on the strip"
        await core.stream.stop()
        await core.close()

    run(scenario(), timeout=90)
