"""The window shows first: setup pages and the review view are built when first shown (issue 16).

What a host sees must not change: every tab is there from the start, a tab's page is there once
it is opened, and the ended show's review is offered over the show view even if the review view
was never opened.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from studio.config import Settings
from studio.core import StudioCore
from studio.keys.store import SecretStore
from tests.fakes.keyring import MemoryKeyring
from ui.app import build_window
from ui.main_window import SETUP_PAGE


def _window(qtbot):
    core = StudioCore(Settings.load(), SecretStore(backend=MemoryKeyring()))
    window = build_window(core)
    qtbot.addWidget(window)
    window.show()
    return core, window


def test_setup_pages_are_built_when_their_tab_is_opened(qtbot, loop):
    from ui.panels.keys import KeysPanel
    from ui.panels.setup import SetupPanel

    core, window = _window(qtbot)
    titles = [window.setup_tabs.tabText(i) for i in range(window.setup_tabs.count())]
    assert titles[:4] == ["Push keys 推流密钥", "Portrait studio 竖屏直播间", "Live room 直播间", "Show plan 节目单"]
    assert window.findChild(KeysPanel) is None and window.findChild(SetupPanel) is None

    qtbot.mouseClick(window.setup_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == SETUP_PAGE
    keys = window.findChild(KeysPanel)
    assert keys is not None and keys.isVisible() and keys is window.keys_panel
    assert window.findChild(SetupPanel) is None  # not opened yet

    window.setup_tabs.setCurrentIndex(1)
    portrait = window.findChild(SetupPanel)
    assert portrait is not None and portrait.isVisible() and portrait is window.setup_panel
    assert window.setup_tabs.currentWidget().isAncestorOf(portrait)
    assert portrait.setup is core.setup


def test_a_panel_asked_for_is_built_in_its_tab(qtbot, loop):
    _, window = _window(qtbot)
    remote = window.remote_panel  # before its tab was ever opened
    tab = next(window.setup_tabs.widget(i) for i in range(window.setup_tabs.count())
               if window.setup_tabs.tabText(i) == "Remote control 遥控")
    assert tab.isAncestorOf(remote) and window.remote_panel is remote


def test_the_ended_show_is_offered_without_opening_the_review(qtbot, loop, run):
    from ui.panels.review import ReviewPanel

    core, window = _window(qtbot)
    assert window.findChild(ReviewPanel) is None
    session = run(core.show.start_new())
    session.rundown.start_show()
    run(session.end())
    banner = window.findChild(QPushButton, "reviewEndedBanner")
    assert banner is not None and banner.isVisible() and "复盘" in banner.text()
    assert window.show_page.isVisible()  # over the show view
    qtbot.mouseClick(banner, Qt.MouseButton.LeftButton)
    review = window.review_panel
    assert window.pages.currentWidget().isAncestorOf(review)
    qtbot.waitUntil(lambda: review.review is not None, timeout=20_000)
    assert review.review.log_path == str(session.log.path)
    run(core.show.close())


def test_the_review_view_is_built_when_chosen(qtbot, loop):
    from ui.panels.review import ReviewPanel

    _, window = _window(qtbot)
    action = window.findChild(type(window.view_menu.actions()[0]), "view_reviewPanel")
    assert action is not None and window.findChild(ReviewPanel) is None
    action.trigger()
    review = window.findChild(ReviewPanel)
    assert isinstance(review, QWidget) and review.isVisible()
    assert window.pages.currentWidget().isAncestorOf(review)


def test_a_layout_builds_only_the_panels_it_places(qtbot, loop):
    from ui.panels.action_pad import ActionPadPanel
    from ui.panels.scenes import ScenesPanel

    _, window = _window(qtbot)
    window.set_layout("solo", save=False)
    assert window.findChild(ScenesPanel) is None  # solo has the scene row, not the scenes list
    assert not window.panels.is_built("scenes") and not window.panels.is_built("compact_pad")
    pads = window.findChildren(ActionPadPanel)
    assert len(pads) == 1 and pads[0] is window.action_pad and pads[0].isVisible()

    window.set_layout("producer", save=False)
    scenes = window.findChild(ScenesPanel)
    assert scenes is not None and scenes.isVisible() and scenes is window.scenes_panel
    assert window.compact_pad.isVisible() and window.show_container.isAncestorOf(window.compact_pad)
    assert not window.action_pad.isVisible()  # built before, detached now
    window.set_layout("solo", save=False)
    assert window.action_pad.isVisible() and not window.scenes_panel.isVisible()


def test_the_health_chart_waits_behind_the_compact_strip_and_is_built_after_the_first_paint(qtbot, loop, run):
    from studio.health.history import MarkerKind

    core, window = _window(qtbot)  # the first start's layout: solo, the health panel as one line
    panel = window.health_panel
    assert window.layout_name == "solo" and panel.compact
    assert not panel.chart_built and window.findChild(QWidget, "healthChart") is None
    assert panel.isVisible() and panel.status_word.isVisible() and panel.status_word.text()  # from the start
    core.health.add_marker(MarkerKind.PRODUCT, "商品上屏 · 保温杯")  # before the chart exists

    run(window.build_later())  # what ui.app.start runs once the window is painted
    assert panel.chart_built and window.findChild(QWidget, "healthChart") is panel.plot
    assert not panel.plot.isVisible() and panel.isAncestorOf(panel.plot)  # hidden in the strip
    assert [m.label for m in panel._marker_list] == ["商品上屏 · 保温杯"]  # the history, drawn

    window.set_layout("producer", save=False)
    assert panel.plot.isVisible() and not panel.compact


def test_the_producer_layout_builds_the_chart_it_shows_before_the_first_paint(qtbot, loop):
    settings = Settings.load()
    settings.extra["window"] = {"layout": "producer"}
    window = build_window(StudioCore(settings, SecretStore(backend=MemoryKeyring())))
    qtbot.addWidget(window)
    assert window.health_panel.chart_built  # built with the window, not after its paint
    window.show()
    assert window.health_panel.plot.isVisible()


def test_switching_to_the_producer_layout_builds_the_chart_at_once(qtbot, loop):
    _, window = _window(qtbot)
    assert not window.health_panel.chart_built
    window.set_layout("producer", save=False)
    assert window.health_panel.chart_built and window.health_panel.plot.isVisible()
