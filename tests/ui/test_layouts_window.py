"""The window's own behaviour: layouts in one click and remembered, size and splitters kept, reset,
themes, setup and views outside the show view, the pad window, the health strip and chart, Qt's
dialogs in Chinese, and the portrait form's defaults (the last one against a real OBS)."""

from __future__ import annotations

import asyncio
from typing import Any

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QSplitter, QWidget

from studio.config import Settings
from studio.core import StudioCore
from studio.keys.store import SecretStore
from studio.obs.link import ConnectionTarget, ObsLink
from studio.obs.setup import StudioSetup
from tests.fakes.keyring import MemoryKeyring
from tests.lab.waiting import wait_until
from ui import theme
from ui.i18n import install_translations
from ui.layouts import DEFAULT_LAYOUT, LAYOUTS
from ui.main_window import SETUP_PAGE, SHOW_PAGE, MainWindow
from ui.panels.health import CHART_MIN_HEIGHT, COMPACT_HEIGHT
from ui.panels.setup import SetupPanel


def _window(qtbot: Any, settings: Settings | None = None) -> MainWindow:
    core = StudioCore(settings or Settings.load(), SecretStore(backend=MemoryKeyring()))
    window = MainWindow(core)
    qtbot.addWidget(window)
    window.show()
    return window


async def _saved(key: str) -> dict[str, Any]:
    """The window's section of the settings file once ``key`` reached the disk (saved off the loop)."""
    await wait_until(lambda: key in Settings.load().extra.get("window", {}), timeout=5)
    return Settings.load().extra["window"]


def _button(window: MainWindow, name: str) -> QWidget:
    button = window.findChild(QWidget, name)
    assert button is not None, name
    return button


@pytest.fixture(autouse=True)
def _dark_again(qapp):
    yield
    theme.apply_theme(qapp, theme.DEFAULT_THEME)


def test_one_click_switches_the_layout_and_the_next_start_remembers(qtbot, run):
    async def scenario():
        window = _window(qtbot)
        assert window.layout_name == DEFAULT_LAYOUT
        qtbot.mouseClick(_button(window, "layout_producer"), Qt.MouseButton.LeftButton)
        assert window.layout_name == "producer"
        assert window.scenes_panel.isVisible() and window.compact_pad.isVisible()
        assert not window.action_pad.isVisible() and not window.rundown_panel.isVisible()
        assert window.health_panel.plot.isVisible()
        qtbot.mouseClick(_button(window, "layout_assistant"), Qt.MouseButton.LeftButton)
        assert window.action_pad.isVisible() and window.rundown_panel.isVisible()
        assert not window.scenes_panel.isVisible() and not window.health_panel.plot.isVisible()
        assert [b.isChecked() for b in window.layout_buttons.buttons()] == [n == "assistant" for n in LAYOUTS]
        await wait_until(lambda: Settings.load().extra.get("window", {}).get("layout") == "assistant")

        again = _window(qtbot, Settings.load())  # what is on disk: a restart
        assert again.layout_name == "assistant"
        assert again.action_pad.isVisible()

    run(scenario())


def test_the_menu_and_its_shortcuts_switch_too(qtbot, run):
    async def scenario():
        window = _window(qtbot)
        for action in window.layout_actions.actions():
            action.trigger()
            assert window.layout_name == action.data()
            assert action.isChecked()
        shortcuts = [a.shortcut().toString() for a in window.layout_actions.actions()]
        assert shortcuts == ["Ctrl+1", "Ctrl+2", "Ctrl+3"]

    run(scenario())


def test_the_on_air_strip_is_the_same_in_every_layout(qtbot, run):
    async def scenario():
        window = _window(qtbot)
        window.resize(1366, 768)
        seen = set()
        for name in LAYOUTS:
            window.set_layout(name, save=False)
            strip = window.onair_strip
            assert strip.isVisible()
            seen.add((strip.mapTo(window, strip.rect().topLeft()).y(), strip.height(), strip.word.text()))
        assert len(seen) == 1, seen
        assert window.onair_strip.state == "obs_offline"

    run(scenario())


def test_size_and_splitters_are_saved_and_reset_forgets_them(qtbot, monkeypatch, run):
    async def scenario():
        window = _window(qtbot)
        window.set_layout("assistant")
        await asyncio.sleep(0.05)
        split = window.show_container.findChild(QSplitter, "assistantSplit")
        split.setSizes([400, 900])
        wanted = split.sizes()
        window.close()  # saves, on this thread
        prefs = Settings.load().extra["window"]
        assert QByteArray.fromBase64(prefs["geometry"].encode()) == window.saveGeometry()
        assert "assistantSplit" in prefs["splitters"]["assistant"]

        restored: list[QByteArray] = []
        original = MainWindow.restoreGeometry
        monkeypatch.setattr(MainWindow, "restoreGeometry",
                            lambda self, data: restored.append(QByteArray(data)) or original(self, data))
        again = _window(qtbot, Settings.load())
        assert restored == [window.saveGeometry()]
        split = again.show_container.findChild(QSplitter, "assistantSplit")
        await wait_until(lambda: split.sizes() == wanted, timeout=2)

        again.findChild(type(again.layout_actions.actions()[0]), "resetLayout").trigger()
        await wait_until(lambda: "geometry" not in Settings.load().extra["window"])
        prefs = Settings.load().extra["window"]
        assert "splitters" not in prefs
        split = again.show_container.findChild(QSplitter, "assistantSplit")
        await asyncio.sleep(0.05)
        assert split.sizes() != wanted

    run(scenario())


def test_the_window_never_asks_for_more_than_a_laptop(qtbot, run):
    async def scenario():
        window = _window(qtbot)
        for name in LAYOUTS:
            window.set_layout(name, save=False)
            hint = window.minimumSizeHint()
            assert hint.width() <= 1366 and hint.height() <= 768 - 60, (name, hint)

    run(scenario())


def test_dark_and_light_themes_are_kept(qtbot, qapp, run):
    async def scenario():
        window = _window(qtbot)
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == theme.DARK.window
        window.findChild(type(window.theme_actions.actions()[0]), "theme_light").trigger()
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == theme.LIGHT.window
        assert window.health_panel.plot.backgroundBrush().color().name() == theme.LIGHT.base
        assert (await _saved("theme"))["theme"] == "light"
        theme.apply_theme(qapp, "dark")
        _window(qtbot, Settings.load())
        assert qapp.palette().color(QPalette.ColorRole.Window).name() == theme.LIGHT.window

    run(scenario())


def test_setup_has_its_own_page_and_others_have_a_place(qtbot, run):
    async def scenario():
        window = _window(qtbot)
        qtbot.mouseClick(window.setup_button, Qt.MouseButton.LeftButton)
        assert window.pages.currentIndex() == SETUP_PAGE and not window.show_page.isVisible()
        # Each tab's page is built when the tab is first opened (the window shows first).
        assert window.setup_tabs.widget(1).widget() is None
        names = []
        for i in range(window.setup_tabs.count()):
            window.setup_tabs.setCurrentIndex(i)
            names.append(window.setup_tabs.widget(i).widget().objectName())
        assert names[:4] == ["keysPanel", "setupPanel", "roomPanel", "planEditor"]
        window.setup_tabs.setCurrentIndex(0)
        for panel in (window.keys_panel, window.setup_panel, window.room_panel, window.plan_editor):
            assert not window.show_page.isAncestorOf(panel)
        qtbot.mouseClick(window.findChild(QWidget, "setupPageBack"), Qt.MouseButton.LeftButton)
        assert window.pages.currentIndex() == SHOW_PAGE and not window.setup_button.isChecked()

        # One line each for the panels still to come:
        window.add_setup_page("Remote control", QLabel("remote"), "remotePage")
        assert window.setup_tabs.tabText(window.setup_tabs.count() - 1) == "Remote control"
        review = QLabel("the review")
        action = window.add_view("Review", review, "reviewPanel")
        assert action in window.view_menu.actions()
        action.trigger()
        assert review.isVisible() and not window.show_page.isVisible()
        banner = QLabel("the show log cannot be written")
        window.add_banner(banner)
        window.show_page_index(SHOW_PAGE)
        await asyncio.sleep(0.02)
        assert banner.isVisible()

    run(scenario())


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_pad_window_stays_on_top_and_closes_cleanly(qtbot, run):
    async def scenario():
        window = _window(qtbot)
        qtbot.mouseClick(window.pad_button, Qt.MouseButton.LeftButton)
        pad = window.pad_window
        assert pad is not None and pad.isVisible()
        qtbot.addWidget(pad)
        assert pad.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
        assert pad.pad.compact and pad.strip.isVisible()
        assert pad.height() < 200
        pad.close()
        assert not window.pad_button.isChecked() and not window.pad_action.isChecked()
        assert window._prefs()["pad_window"] is False

    run(scenario())


def test_health_is_one_line_for_the_assistant_and_a_real_chart_for_the_producer(qtbot, run):
    async def scenario():
        window = _window(qtbot)
        window.resize(1366, 768)
        window.set_layout("assistant", save=False)
        health = window.health_panel
        assert health.height() == COMPACT_HEIGHT and not health.plot.isVisible()
        window.set_layout("producer", save=False)
        await asyncio.sleep(0.05)
        assert health.plot.isVisible() and health.plot.height() >= CHART_MIN_HEIGHT
        # The 800/1200 labels sit at the right end of their lines, clear of the axis ticks on the left.
        view = health.plot.getViewBox().sceneBoundingRect()
        labels = [item.label for item in health.plot.getPlotItem().items
                  if isinstance(item, pg.InfiniteLine) and item.angle == 0 and item.label is not None]
        assert sorted(label.toPlainText() for label in labels) == ["1200", "800"]
        for label in labels:
            box = label.sceneBoundingRect()
            assert box.left() > view.center().x() and box.right() <= view.right() + 1, (label.toPlainText(), box, view)

    run(scenario())


def test_qt_file_dialog_speaks_chinese(qapp):
    install_translations(qapp, "zh_CN")
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts, texts
        assert not [t for t in texts if t.isascii() and t.strip()], texts
    finally:
        install_translations(qapp, "en")
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    assert "&Look in:" in [label.text() for label in dialog.findChildren(QLabel)]


def test_translations_switch_back_to_english(qapp):
    install_translations(qapp, "zh_CN")
    assert QApplication.translate("QFileDialog", "Look in:") != "Look in:"
    install_translations(qapp, "en")
    assert QApplication.translate("QFileDialog", "Look in:") == "Look in:"


@pytest.mark.integration
def test_portrait_by_default_and_the_background_is_remembered(qtbot, shared_obs, run, tmp_path):
    picture = tmp_path / "bg.png"
    from PySide6.QtGui import QImage

    image = QImage(90, 160, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    image.save(str(picture))
    settings = Settings.load()
    link = ObsLink(ConnectionTarget("127.0.0.1", shared_obs.port, shared_obs.password))
    panel = SetupPanel(StudioSetup(link), settings=settings)
    qtbot.addWidget(panel)

    async def scenario():
        link.start()
        await wait_until(lambda: panel.state is not None, timeout=10)
        assert not panel.state.portrait, "the lab's OBS is landscape"
        assert panel.orientation.currentData() is True, "the form still says 竖屏"
        assert "landscape" in panel.current.text()
        panel.background.setText(str(picture))
        panel._on_background_edited()
        await wait_until(lambda: Settings.load().extra.get("portrait", {}).get("background") == str(picture))
        await link.close()

    run(scenario())

    async def restart():
        again = SetupPanel(StudioSetup(ObsLink(ConnectionTarget("127.0.0.1", 1))), settings=Settings.load())
        qtbot.addWidget(again)
        assert again.background.text() == str(picture)
        assert again.orientation.currentData() is True
        await wait_until(lambda: not again.preview.pixmap().isNull())  # the remembered picture shows

    run(restart())


def test_a_message_that_comes_and_goes_moves_nothing(qtbot, run):
    async def scenario():
        window = _window(qtbot)
        window.resize(1366, 768)
        watched = {"solo": window.action_pad.pad["explain"].button, "producer": window.stream_panel.button,
                   "assistant": window.action_pad.pad["next"].button}
        long = "The platform refused the push: this product is not in the room yet — add it first. " * 3
        for name, button in watched.items():
            window.set_layout(name, save=False)
            await asyncio.sleep(0.05)
            before = (button.mapTo(window, button.rect().topLeft()), button.size())
            for line in (window.connection_bar.message, window.stream_panel.message, window.action_pad.message,
                         window.rundown_panel.message):
                line.show_message(long, "error")
                await asyncio.sleep(0.02)
                assert (button.mapTo(window, button.rect().topLeft()), button.size()) == before, (name, line)
                line.clear_message()
            await asyncio.sleep(0.02)
            assert (button.mapTo(window, button.rect().topLeft()), button.size()) == before

    run(scenario())
