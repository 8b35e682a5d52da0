"""Start the console: QApplication, translations, the qasync loop, the core, the window.

The asyncio loop is created here and only here (FeelUOwn's habit); everything else gets it from
``asyncio.get_event_loop()`` while it runs.

Start-up order (the window shows first): Qt and the translations, then the core objects and the
window (cheap: nothing is connected, read or started), ``show()``, and only after the first paint
the slow part: the OBS connection, the keyring read, resuming a show. The heavy libraries those
need (the keyring backends, obs-websocket's client, aiohttp for the live room and its emulator)
are imported by the code that uses them, so they load then too.

``compose()`` is the one recipe for "core + window"; the screenshot script and the tests call it
rather than copying it.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import logging.handlers
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from studio import APP_NAME, __version__
from studio.config import Settings, data_dir, default_settings_path
from studio.redact import install_on_root
from studio.tasks import cancel_all, spawn

if TYPE_CHECKING:
    from studio.core import StudioCore
    from studio.keys.store import SecretStore
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

# Benchmarks and the frozen-build smoke test: at the first paint, print one JSON line (seconds of
# CPU, peak memory) to stdout and quit. Nothing else changes.
REPORT_FIRST_PAINT = "STUDIO_CONSOLE_REPORT_FIRST_PAINT"


def setup_logging(debug: bool) -> None:
    logs = data_dir() / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    file_handler = logging.handlers.RotatingFileHandler(
        logs / "console.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    root.addHandler(file_handler)
    # qasync logs every executor call with its arguments and result at DEBUG: a secret passed to
    # asyncio.to_thread would land in a raw record. Silence it at the source, as for obsws-python.
    logging.getLogger("qasync").setLevel(logging.INFO)
    if debug:
        root.addHandler(logging.StreamHandler(sys.stderr))
    install_on_root()


def prepare_qt(argv: Sequence[str] | None = None, language: str = "") -> tuple[QApplication, str]:
    """The QApplication with our names and translations; returns it and the language chosen."""
    from ui.i18n import install_translations

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_NAME)  # Wayland's app id: the .desktop file's name
    return app, install_translations(app, language)


@dataclass
class Console:
    """What ``compose`` builds: the core objects and the window bound to them (nothing started)."""

    core: StudioCore
    window: MainWindow


def build_window(core: StudioCore) -> MainWindow:
    """The window with every panel bound to ``core``."""
    from ui.main_window import MainWindow

    return MainWindow(core)


def compose(settings: Settings | None = None, store: SecretStore | None = None) -> Console:
    """The core and its window, as the app builds them. Connect with ``start(console)``."""
    from studio.core import StudioCore

    core = StudioCore(settings, store)
    console = Console(core, build_window(core))
    # The window's Help menu when it has one, else ours (menus are the window's; this is one entry).
    help_menu = getattr(console.window, "help_menu", None) or console.window.menuBar().addMenu(
        QCoreApplication.translate("FirstRunWizard", "&Help"))
    wizard_action = help_menu.addAction(QCoreApplication.translate("FirstRunWizard", "First-run wizard…"))
    wizard_action.setObjectName("firstRunWizardAction")
    wizard_action.triggered.connect(lambda: open_wizard(console))
    return console


def open_wizard(console: Console) -> QWidget:
    """The first-run wizard beside the window; "portrait setup" opens that setup page after it."""
    from ui.wizard import open_first_run

    return open_first_run(console.core, console.window, on_portrait_setup=lambda: show_portrait_setup(console))


def show_portrait_setup(console: Console) -> None:
    window = console.window
    from ui import main_window

    window.show_page_index(main_window.SETUP_PAGE)
    tabs, panel = window.setup_tabs, window.setup_panel
    for i in range(tabs.count()):
        page = tabs.widget(i)
        if page is panel or (page is not None and page.isAncestorOf(panel)):
            tabs.setCurrentIndex(i)


class _FirstPaint(QObject):
    """Resolves a future after the first paint of the window or any widget in it.

    Watches the whole application: a window covered by opaque children gets no paint of its own.
    """

    def __init__(self, widget: QWidget, done: asyncio.Future[None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._done = done
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Paint and not self._done.done() and isinstance(watched, QWidget)
                and watched.window() is self._widget):
            QTimer.singleShot(0, self._on_painted)
        return False

    def _on_painted(self) -> None:
        if not self._done.done():
            self._done.set_result(None)


async def first_paint(widget: QWidget, timeout: float = 3.0) -> None:
    """Return once ``widget`` has been painted (or after ``timeout``: never wait forever)."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    watcher = _FirstPaint(widget, done)
    try:
        await asyncio.wait_for(asyncio.shield(done), timeout)
    except TimeoutError:
        log.info("no paint event within %.1f s; starting anyway", timeout)
    finally:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(watcher)
        watcher.deleteLater()


def start(console: Console) -> None:
    """The slow part, after the window is on screen: connect to OBS, read the keyring, resume;
    then what the window left for later (its health chart)."""
    spawn(console.core.start(), name="core-start")
    spawn(console.core.show.look_for_resume(), name="look-for-resume")
    spawn(console.window.build_later(), name="window-build-later")


def _report_first_paint() -> None:
    import resource

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux
    print(json.dumps({"painted_at": time.time(), "cpu_s": time.process_time(), "peak_kb": peak_kb}),
          flush=True)
    os._exit(0)  # a measurement: skip teardown


def run_app(debug: bool = False) -> int:
    import qasync

    setup_logging(debug)
    first_run = not default_settings_path().exists()
    settings = Settings.load()
    app, language = prepare_qt(sys.argv, settings.language)
    log.info("Studio Console %s starting, language %s", __version__, language)

    app.setQuitOnLastWindowClosed(False)  # closing the window ends main(), which cleans up, then quits
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    report = bool(os.environ.get(REPORT_FIRST_PAINT))

    async def main() -> None:
        console = compose(settings)
        console.window.close_requested.connect(closed.set)
        console.window.show()
        await first_paint(console.window)
        if report:
            _report_first_paint()
        gc.enable()  # the launcher paused the collector for the start (see ui.launcher)
        start(console)
        if first_run:
            open_wizard(console)
        await closed.wait()
        await console.core.close()
        await cancel_all()

    with loop:
        try:
            loop.run_until_complete(main())
        except RuntimeError as e:  # the platform quit the application under us (logout)
            log.warning("event loop ended early: %s", e)
    return 0
