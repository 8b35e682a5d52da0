"""Start the console: QApplication, translations, the qasync loop, the core, the window.

The asyncio loop is created here and only here (FeelUOwn's habit); everything else gets it from
``asyncio.get_event_loop()`` while it runs.
"""

from __future__ import annotations

import asyncio
import logging
import logging.handlers
import sys

import qasync
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from studio import APP_NAME, __version__
from studio.config import Settings, data_dir
from studio.core import StudioCore
from studio.redact import install_on_root
from studio.tasks import cancel_all, spawn
from ui.i18n import install_translations
from ui.main_window import MainWindow

log = logging.getLogger(__name__)


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


def build_window(core: StudioCore) -> MainWindow:
    """The window with every panel bound to ``core`` (also used by the screenshot script)."""
    return MainWindow(core)


def run_app(debug: bool = False) -> int:
    setup_logging(debug)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_NAME)
    settings = Settings.load()
    language = install_translations(app, settings.language)
    log.info("Studio Console %s starting, language %s", __version__, language)

    app.setQuitOnLastWindowClosed(False)  # closing the window ends main(), which cleans up, then quits
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)

    async def main() -> None:
        core = StudioCore(settings)
        window = build_window(core)
        window.close_requested.connect(closed.set)
        window.show()
        spawn(core.start(), name="core-start")
        spawn(core.show.look_for_resume(), name="look-for-resume")
        await closed.wait()
        await core.close()
        await cancel_all()

    with loop:
        try:
            loop.run_until_complete(main())
        except RuntimeError as e:  # the platform quit the application under us (logout)
            log.warning("event loop ended early: %s", e)
    return 0
