"""The main window: the on-air strip and the connection bar on top, then one page at a time —
the show view in the chosen role layout (assistant 助理 / producer 导播 / solo 单人), the setup
pages, or a view (the review).

It holds no logic: it places the panels it is given, remembers the layout, the splitter sizes and
its own size (Qt's saveGeometry / QSplitter.saveState, in the settings file's "window" section)
and never resizes itself: its central widget has an explicit minimum size and every label and
button is fitted (``ui.layouts.fit``), so no text can push the window wider during a show.

Other panels come in through three places, one line each (see ``_add_pages``):
``add_setup_page`` (push keys, portrait studio, live room, plan editor, remote control…),
``add_view`` (the review…) and ``add_banner`` (a warning over every page: the show log…).

The window shows first: a setup page or a view may be given as a function that builds it
(importing its module there), and is built when it is first shown — its tab opened, its view
chosen — or first asked for (``window.keys_panel`` …). Only the show view and the banners are
built before the first paint.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.core import StudioCore
from studio.tasks import spawn
from ui import theme
from ui.layouts import DEFAULT_LAYOUT, LAYOUTS, RoleLayout, ShowPanels
from ui.layouts.fit import fit_text, one_line_messages
from ui.layouts.scene_row import SceneRow
from ui.layouts.strip import OnAirStrip
from ui.panels.action_pad import ActionPadPanel
from ui.panels.connection import ConnectionBar
from ui.panels.health import HealthPanel
from ui.panels.live_numbers import LiveNumbersStrip
from ui.panels.log_banner import ShowLogBanner
from ui.panels.rundown import RundownPanel
from ui.panels.scenes import ScenesPanel
from ui.panels.stream import StreamPanel

if TYPE_CHECKING:  # built on first show (see _add_pages): their modules load then
    from ui.panels.channels import ChannelsPanel
    from ui.panels.keys import KeysPanel
    from ui.panels.plan_editor import PlanEditorPanel
    from ui.panels.remote import RemotePanel
    from ui.panels.review import ReviewPanel
    from ui.panels.room import RoomPanel
    from ui.panels.setup import SetupPanel

log = logging.getLogger(__name__)

PREFS = "window"  # the settings file's section
MIN_SIZE = QSize(1100, 680)  # the central widget's: below 1366×768 less a title bar and a task bar
DEFAULT_SIZE = QSize(1600, 960)
SHOW_PAGE, SETUP_PAGE = 0, 1
TOGGLE_STYLE = ("QToolButton { padding: 2px 10px; }"
                "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text); "
                "font-weight: bold; border: 1px solid palette(highlight); border-radius: 3px; }")


class MainWindow(QMainWindow):
    close_requested = Signal()  # the app cleans up (OBS link, tasks) and then quits
    layout_changed = Signal(str)

    def __init__(self, core: StudioCore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Studio Console · 直播中控台"))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, str(self._prefs().get("theme", theme.DEFAULT_THEME)))

        # The show view's panels: one object each, placed by the layout in use; built when a layout
        # first places them (the others wait: the window shows first).
        self.connection_bar = ConnectionBar(core)
        # In every layout; its chart (pyqtgraph) is built when a layout shows it (producer) or
        # just after the first paint (build_later): the compact strip needs none of it.
        self.health_panel = HealthPanel(core.health, chart_later=True)
        self.panels = ShowPanels(stream=self._build_stream_panel, scenes=lambda: ScenesPanel(core.scenes),
                                 scene_row=lambda: SceneRow(core.scenes), rundown=lambda: RundownPanel(core.show),
                                 pad=lambda: ActionPadPanel(core.pad),
                                 compact_pad=lambda: ActionPadPanel(core.pad, compact=True),
                                 health=self.health_panel)
        self.onair_strip = OnAirStrip(core.stream, getattr(core, "onair", None))
        # The strip is the window's one on-air line (the same words, from core.onair): the bar's own
        # copy would say it twice and, wrapping when an alarm's advice is long, push the show view down.
        copy = getattr(self.connection_bar, "onair_line", None)
        if isinstance(copy, QWidget):
            copy.setVisible(False)
        self.pad_window: QWidget | None = None

        # Top: the strip, the layout switch, setup and the pad window — the same on every page.
        self.layout_buttons = QButtonGroup(self)
        self.layout_buttons.setExclusive(True)
        top = QHBoxLayout()
        top.setContentsMargins(6, 4, 6, 0)
        top.addWidget(self.onair_strip, 1)
        for name in LAYOUTS:
            button = QToolButton()
            button.setObjectName(f"layout_{name}")
            button.setText(RoleLayout.title(name))
            button.setToolTip(RoleLayout.description(name))
            button.setCheckable(True)
            button.setMinimumHeight(32)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _=False, n=name: self.set_layout(n))
            self.layout_buttons.addButton(button)
            top.addWidget(button)
        self.setup_button = QToolButton()
        self.setup_button.setObjectName("setupButton")
        self.setup_button.setText(self.tr("Setup"))
        self.setup_button.setToolTip(self.tr("Push keys, portrait studio, live room, show plan"))
        self.setup_button.setCheckable(True)
        self.setup_button.setMinimumHeight(32)
        self.setup_button.clicked.connect(self._on_setup_button_clicked)
        self.pad_button = QToolButton()
        self.pad_button.setObjectName("padWindowButton")
        self.pad_button.setText(self.tr("Pad window"))
        self.pad_button.setToolTip(self.tr("A small action pad that stays on top (over OBS, or on a second "
                                           "screen)"))
        self.pad_button.setCheckable(True)
        self.pad_button.setMinimumHeight(32)
        self.pad_button.clicked.connect(self._on_pad_button_clicked)
        top.addSpacing(8)
        top.addWidget(self.setup_button)
        top.addWidget(self.pad_button)
        toggles: list[QAbstractButton] = [*self.layout_buttons.buttons(), self.setup_button, self.pad_button]
        for toggle in toggles:
            # Which layout (or page) is on must be plain from across the desk.
            toggle.setStyleSheet(TOGGLE_STYLE)

        self.banners = QVBoxLayout()
        self.banners.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.show_page = QWidget()
        self.show_page.setObjectName("showPage")
        self._show_box = QVBoxLayout(self.show_page)
        self._show_box.setContentsMargins(0, 0, 0, 0)
        self.show_container: QWidget | None = None
        self.pages.addWidget(self.show_page)
        self.setup_tabs = QTabWidget()
        self.setup_tabs.setObjectName("setupTabs")
        self.pages.addWidget(self._page(self.tr("Setup"), self.setup_tabs, "setupPage"))
        self._views: dict[str, int] = {}
        # Pages given as a function: built on first show (a tab opened, a view chosen) or first use.
        self._later: dict[str, tuple[Callable[[QWidget], None], Callable[[], QWidget]]] = {}
        self._built: dict[str, QWidget] = {}
        self._later_tabs: dict[QWidget, str] = {}  # a setup tab's scroll area → its page's name
        self._later_views: dict[int, str] = {}  # a view's page index → its page's name
        self._splitter_timer = QTimer(self)
        self._splitter_timer.setSingleShot(True)
        self._splitter_timer.setInterval(0)
        self._splitter_timer.timeout.connect(self._on_splitter_timer_timeout)

        central = QWidget()
        central.setObjectName("central")
        # Explicit: the window's minimum is this, whatever the panels' texts ask for.
        central.setMinimumSize(MIN_SIZE)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.connection_bar)
        layout.addLayout(self.banners)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._add_pages()
        self.setup_tabs.currentChanged.connect(self._on_setup_tabs_current_changed)
        self.layout_name = ""
        self.set_layout(str(self._prefs().get("layout", DEFAULT_LAYOUT)), save=False)
        self._restore_geometry()
        if self._prefs().get("pad_window") is True:
            self.set_pad_window_visible(True)

    async def build_later(self) -> None:
        """What the first paint did not need, built on the loop once the window is on screen
        (``ui.app.start``): the health chart, when the layout shows the compact strip."""
        await self.health_panel.build_chart_later()

    def _build_stream_panel(self) -> StreamPanel:
        panel = StreamPanel(self.core.stream)
        # The same for the stream panel's advice line: the on-air strip carries the advice.
        advice = getattr(panel, "advice", None)
        if isinstance(advice, QWidget):
            advice.setVisible(False)
        return panel

    @property
    def stream_panel(self) -> StreamPanel:
        return self.panels.stream  # type: ignore[return-value]

    @property
    def scenes_panel(self) -> ScenesPanel:
        return self.panels.scenes  # type: ignore[return-value]

    @property
    def scene_row(self) -> SceneRow:
        return self.panels.scene_row

    @property
    def rundown_panel(self) -> RundownPanel:
        return self.panels.rundown  # type: ignore[return-value]

    @property
    def action_pad(self) -> ActionPadPanel:
        return self.panels.pad  # type: ignore[return-value]

    @property
    def compact_pad(self) -> ActionPadPanel:
        return self.panels.compact_pad  # type: ignore[return-value]

    # ----- where other panels go (one line each) ---------------------------------------------
    def _add_pages(self) -> None:
        core = self.core
        # Setup pages (outside the show view), each built when its tab is first opened:
        self.add_setup_page(self.tr("Push keys 推流密钥"), self._build_keys_panel, "keysPanel")
        self.add_setup_page(self.tr("Portrait studio 竖屏直播间"), self._build_setup_panel, "setupPanel")
        self.add_setup_page(self.tr("Live room 直播间"), self._build_room_panel, "roomPanel")
        self.add_setup_page(self.tr("Show plan 节目单"), self._build_plan_editor, "planEditor")
        self.add_setup_page(self.tr("Channels 视频号"), self._build_channels_panel, "channelsPanel")
        self.add_setup_page(self.tr("Remote control 遥控"),  # phone, Stream Deck, hotkeys
                            self._build_remote_panel, "remotePanel")
        self.add_banner(LiveNumbersStrip(core.show))  # the Channels live dashboard while a show runs
        # Views (each a page of its own, from the View menu): self.add_view(title, widget, name)
        self.review_action = self.add_view(self.tr("Review 复盘"), self._build_review_panel, "reviewPanel")
        self.show_log_banner = ShowLogBanner(core.show)  # red while the show log cannot be written
        self.add_banner(self.show_log_banner)
        # Banners (over every page): self.add_banner(widget)
        # The review offers the ended show's review over every page: it is there once a show runs.
        core.show.changed.connect(self._on_show_changed)

    # The pages built on first show: one function each, importing its panel's module.
    def _build_keys_panel(self) -> QWidget:
        from ui.panels.keys import KeysPanel

        return KeysPanel(self.core.rooms, self.core.link)

    def _build_setup_panel(self) -> QWidget:
        from ui.panels.setup import SetupPanel

        return SetupPanel(self.core.setup, settings=self.core.settings)

    def _build_room_panel(self) -> QWidget:
        from ui.panels.room import RoomPanel

        return RoomPanel(self.core.room_connection, on_push_url=self._on_room_push_url, desk=self.core.room_desk)

    def _build_plan_editor(self) -> QWidget:
        from ui.panels.plan_editor import PlanEditorPanel

        return PlanEditorPanel(self.core.plan_files)  # Open/Save as/recent plans, the core's plan file

    def _build_channels_panel(self) -> QWidget:
        from ui.panels.channels import ChannelsPanel

        return ChannelsPanel(self.core.room_targets)

    def _build_remote_panel(self) -> QWidget:
        from ui.panels.remote import RemotePanel

        return RemotePanel(self.core.remote, self.core.hotkeys)

    def _build_review_panel(self) -> QWidget:
        from ui.panels.review import ReviewPanel

        panel = ReviewPanel(self.core.show.directory)  # 复盘; offers the ended show's review
        panel.follow(self.core.show)
        panel.open_requested.connect(self.review_action.trigger)
        # Its banner goes where it always was: above the show log's.
        self.banners.insertWidget(self.banners.indexOf(self.show_log_banner), panel.ended_banner)
        return panel

    def _on_show_changed(self) -> None:
        if self.core.show.session is not None:
            self.review_panel  # noqa: B018 - built now, so the show's end is offered

    @property
    def keys_panel(self) -> KeysPanel:
        return self.page("keysPanel")  # type: ignore[return-value]

    @property
    def setup_panel(self) -> SetupPanel:
        return self.page("setupPanel")  # type: ignore[return-value]

    @property
    def room_panel(self) -> RoomPanel:
        return self.page("roomPanel")  # type: ignore[return-value]

    @property
    def plan_editor(self) -> PlanEditorPanel:
        return self.page("planEditor")  # type: ignore[return-value]

    @property
    def channels_panel(self) -> ChannelsPanel:
        return self.page("channelsPanel")  # type: ignore[return-value]

    @property
    def remote_panel(self) -> RemotePanel:
        return self.page("remotePanel")  # type: ignore[return-value]

    @property
    def review_panel(self) -> ReviewPanel:
        return self.page("reviewPanel")  # type: ignore[return-value]

    def add_setup_page(self, title: str, widget: QWidget | Callable[[], QWidget], object_name: str) -> QWidget | None:
        """A tab of the setup page; scrolls when taller than the window (the show view never does).

        ``widget`` may be a function that builds it: then it is built when the tab is first
        opened (or ``page(object_name)`` asks for it) and ``None`` is returned.
        """
        scroll = QScrollArea()
        scroll.setObjectName(f"{object_name}Scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        if isinstance(widget, QWidget):
            self._place_setup_page(scroll, widget, object_name)
        else:
            self._later[object_name] = (lambda built: self._place_setup_page(scroll, built, object_name), widget)
            self._later_tabs[scroll] = object_name
        self.setup_tabs.addTab(scroll, title)
        return widget if isinstance(widget, QWidget) else None

    def _place_setup_page(self, scroll: QScrollArea, widget: QWidget, object_name: str) -> None:
        widget.setObjectName(widget.objectName() or object_name)
        scroll.setWidget(widget)

    def add_view(self, title: str, widget: QWidget | Callable[[], QWidget], object_name: str) -> QAction:
        """A page of its own (e.g. the review), opened from the View menu; "Back to the show" returns.

        ``widget`` may be a function that builds it: then it is built when the view is first
        chosen (or ``page(object_name)`` asks for it).
        """
        if isinstance(widget, QWidget):
            widget.setObjectName(widget.objectName() or object_name)
            page = self._page(title, widget, f"{object_name}Page")
        else:
            page = self._page(title, None, f"{object_name}Page")
            box = page.layout()
            assert isinstance(box, QVBoxLayout)

            def place(built: QWidget) -> None:
                built.setObjectName(built.objectName() or object_name)
                box.addWidget(built, 1)

            self._later[object_name] = (place, widget)
        index = self.pages.addWidget(page)
        if not isinstance(widget, QWidget):
            self._later_views[index] = object_name
        self._views[object_name] = index
        action = QAction(title, self)
        action.setObjectName(f"view_{object_name}")
        action.triggered.connect(lambda: self.show_page_index(index))
        self.view_menu.insertAction(self._views_end, action)
        return action

    def page(self, object_name: str) -> QWidget:
        """The setup page or view called ``object_name``, built now if it was not yet shown."""
        later = self._later.pop(object_name, None)
        if later is not None:
            place, build = later
            widget = build()
            self._built[object_name] = widget
            place(widget)
            fit_text(widget)  # as every page was before it is first shown
        return self._built[object_name]

    def add_banner(self, widget: QWidget) -> None:
        """A line over every page (hide it when there is nothing to say)."""
        self.banners.addWidget(widget)

    def add_panel(self, title: str, widget: QWidget, object_name: str, *_: Any) -> QWidget | None:
        """Older name of ``add_setup_page``."""
        return self.add_setup_page(title, widget, object_name)

    def _page(self, title: str, widget: QWidget | None, object_name: str) -> QWidget:
        page = QWidget()
        page.setObjectName(object_name)
        header = QHBoxLayout()
        back = QPushButton(self.tr("◀ Back to the show"))
        back.setObjectName(f"{object_name}Back")
        back.clicked.connect(lambda: self.show_page_index(SHOW_PAGE))
        heading = QLabel(title)
        heading.setStyleSheet("font-weight: bold; font-size: 15px;")
        header.addWidget(back)
        header.addWidget(heading, 1)
        box = QVBoxLayout(page)
        box.setContentsMargins(6, 4, 6, 4)
        box.addLayout(header)
        if widget is not None:
            box.addWidget(widget, 1)
        return page

    # ----- menus ---------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.layout_actions = QActionGroup(self)
        self.layout_actions.setExclusive(True)
        for name, cls in LAYOUTS.items():
            action = QAction(RoleLayout.title(name), self)
            action.setObjectName(f"layoutAction_{name}")
            action.setCheckable(True)
            action.setShortcut(QKeySequence(cls.shortcut))
            action.setData(name)
            action.triggered.connect(lambda _=False, n=name: self.set_layout(n))
            self.layout_actions.addAction(action)
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        show_action = self.view_menu.addAction(self.tr("The show"))
        show_action.setShortcut(QKeySequence("Ctrl+0"))
        show_action.triggered.connect(lambda: self.show_page_index(SHOW_PAGE))
        setup_action = self.view_menu.addAction(self.tr("Setup…"))
        setup_action.setShortcut(QKeySequence("Ctrl+,"))
        setup_action.triggered.connect(lambda: self.show_page_index(SETUP_PAGE))
        self._views_end = self.view_menu.addSeparator()
        self.pad_action = self.view_menu.addAction(self.tr("Pad window (always on top)"))
        self.pad_action.setCheckable(True)
        self.pad_action.triggered.connect(self.set_pad_window_visible)
        theme_menu = self.view_menu.addMenu(self.tr("Theme"))
        self.theme_actions = QActionGroup(self)
        for name, title in (("dark", self.tr("Dark (dim studio)")), ("light", self.tr("Light"))):
            action = theme_menu.addAction(title)
            action.setObjectName(f"theme_{name}")
            action.setCheckable(True)
            action.setChecked(name == theme.current_theme())
            action.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            self.theme_actions.addAction(action)
        self.view_menu.addSeparator()
        reset = self.view_menu.addAction(self.tr("Reset layout"))
        reset.setObjectName("resetLayout")
        reset.triggered.connect(self.reset_layout)

    # ----- layouts -------------------------------------------------------------------------------
    def set_layout(self, name: str, *, save: bool = True) -> None:
        """Show the show view in role layout ``name``; remembered for the next start."""
        if name not in LAYOUTS:
            name = DEFAULT_LAYOUT
        if self.show_container is not None:
            self._remember_splitters()
            for panel in self.panels.all():  # out of the old container before it goes
                panel.hide()
                panel.setParent(None)
            self.show_container.hide()
            self._show_box.removeWidget(self.show_container)
            self.show_container.deleteLater()
        role = LAYOUTS[name]()
        container = role.build(self.panels)
        container.setObjectName(f"layout_{name}_view")
        self._show_box.addWidget(container)
        container.show()  # now, not on the next loop turn (a layout shows a new child later)
        self.show_container = container
        for panel in role.used(self.panels):
            panel.show()
        self.layout_name = name
        self._restore_splitters()
        one_line_messages(container)
        one_line_messages(self.connection_bar)
        fit_text(self.centralWidget())
        for button in self.layout_buttons.buttons():
            button.setChecked(button.objectName() == f"layout_{name}")
        for action in self.layout_actions.actions():
            action.setChecked(action.data() == name)
        self.show_page_index(SHOW_PAGE)
        self.layout_changed.emit(name)
        if save:
            self._prefs()["layout"] = name
            self._save_prefs()

    def show_page_index(self, index: int) -> None:
        if index == SETUP_PAGE:
            self._build_current_tab()
        elif index in self._later_views:
            self.page(self._later_views.pop(index))
        self.pages.setCurrentIndex(index)
        self.setup_button.setChecked(index == SETUP_PAGE)
        if index != SHOW_PAGE:
            fit_text(self.pages.currentWidget())

    def _build_current_tab(self) -> None:
        name = self._later_tabs.pop(self.setup_tabs.currentWidget(), None)
        if name is not None and name in self._later:
            self.page(name)

    def _on_setup_tabs_current_changed(self, _index: int) -> None:
        if self.pages.currentIndex() == SETUP_PAGE:
            self._build_current_tab()

    def _on_setup_button_clicked(self, checked: bool) -> None:
        self.show_page_index(SETUP_PAGE if checked else SHOW_PAGE)

    def _splitters(self) -> list[QSplitter]:
        if self.show_container is None:
            return []
        return [s for s in self.show_container.findChildren(QSplitter) if s.objectName()]

    def _remember_splitters(self) -> None:
        saved = self._prefs().setdefault("splitters", {})
        saved[self.layout_name] = {s.objectName(): _b64(s.saveState()) for s in self._splitters()}

    def _restore_splitters(self) -> None:
        # Splitter states are in pixels: apply them once the container has its real size (after
        # the window is shown and laid out), or a 640-px guess squashes them.
        self._splitter_timer.start()

    def _on_splitter_timer_timeout(self) -> None:
        if not self.isVisible():
            return  # showEvent starts the timer again
        saved = self._prefs().get("splitters", {}).get(self.layout_name, {})
        for split in self._splitters():
            state = saved.get(split.objectName())
            if isinstance(state, str):
                split.restoreState(QByteArray.fromBase64(state.encode("ascii")))

    def reset_layout(self) -> None:
        """Forget splitter sizes and the window's size; back to the defaults for this screen."""
        prefs = self._prefs()
        prefs.pop("splitters", None)
        prefs.pop("geometry", None)
        self.show_container, container = None, self.show_container
        if container is not None:
            for panel in self.panels.all():
                panel.hide()
                panel.setParent(None)
            self._show_box.removeWidget(container)
            container.deleteLater()
        self.set_layout(self.layout_name or DEFAULT_LAYOUT, save=False)
        self.setWindowState(Qt.WindowState.WindowNoState)
        self.resize(self._default_size())
        self._save_prefs()

    # ----- theme ---------------------------------------------------------------------------------
    def set_theme(self, name: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            name = theme.apply_theme(app, name)
        for action in self.theme_actions.actions():
            action.setChecked(action.objectName() == f"theme_{name}")
        self.onair_strip._render()  # its colours come from the theme
        self.health_panel.apply_chart_colours()
        self._prefs()["theme"] = name
        self._save_prefs()

    # ----- the pad window ------------------------------------------------------------------------
    def set_pad_window_visible(self, visible: bool) -> None:
        if visible and self.pad_window is None:
            from ui.pad_window import PadWindow

            self.pad_window = PadWindow(self.core, self._prefs)
            self.pad_window.closed.connect(lambda: self._on_pad_window_closed())
        if self.pad_window is not None:
            self.pad_window.setVisible(visible)
        self.pad_action.setChecked(visible)
        self.pad_button.setChecked(visible)
        self._prefs()["pad_window"] = visible

    def _on_pad_button_clicked(self, checked: bool) -> None:
        self.set_pad_window_visible(checked)

    def _on_pad_window_closed(self) -> None:
        self.pad_action.setChecked(False)
        self.pad_button.setChecked(False)
        self._prefs()["pad_window"] = False

    # ----- size and state ------------------------------------------------------------------------
    def _prefs(self) -> dict[str, Any]:
        # Fetched every time: Settings.refresh() replaces the sections in place.
        section = self.core.settings.extra.get(PREFS)
        if not isinstance(section, dict):
            section = {}
            self.core.settings.extra[PREFS] = section
        return section

    def _default_size(self) -> QSize:
        screen = self.screen()
        if screen is None:
            return DEFAULT_SIZE
        available = screen.availableGeometry().size()
        return QSize(min(DEFAULT_SIZE.width(), available.width()), min(DEFAULT_SIZE.height(), available.height()))

    def _restore_geometry(self) -> None:
        saved = self._prefs().get("geometry")
        if isinstance(saved, str) and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        self.resize(self._default_size())

    def remember_state(self) -> None:
        """Put the window's size and the splitters into the settings (saved by ``_save_prefs``)."""
        self._remember_splitters()
        self._prefs()["geometry"] = _b64(self.saveGeometry())

    def _save_prefs(self) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            self._save_now()
            return
        spawn(asyncio.to_thread(self._save_now), name="window-prefs-save")

    def _save_now(self) -> None:
        try:
            self.core.settings.save()
        except OSError as e:  # the layout is a comfort: never a reason to fail
            log.warning("window layout not saved: %s", e)

    async def _on_room_push_url(self, url: str) -> object:
        # Fetched from the platform: saved under the room id; the room panel asks before OBS is
        # re-pointed (the returned Repoint names the old and the new server); errors show there.
        room_id = self.core.room_connection.model.room_id
        return await self.core.take_push_url(url, self.tr("Mini-program room {id}").format(id=room_id))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._splitter_timer.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.remember_state()
        # At close, on this thread: the loop is about to stop, a background write could be cut off.
        self._save_now()
        if self.pad_window is not None:
            with contextlib.suppress(RuntimeError):
                self.pad_window.close()
        self.close_requested.emit()
        super().closeEvent(event)


def _b64(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")
