"""Qt translations: our ``.ts`` files loaded into a QTranslator, and the core's text routed through Qt.

We read the Qt Linguist ``.ts`` source directly (``studio.i18n.load_ts``) instead of shipping
compiled ``.qm`` files: one source of truth, nothing generated in the tree, and the CLI (no Qt)
reads the very same file.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from studio import i18n

_installed: list[QTranslator] = []  # a QTranslator must outlive its use: keep a reference


class TsTranslator(QTranslator):
    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self._table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return self._table.get((context, source))

    def isEmpty(self) -> bool:
        return not self._table


def install_translations(app: QCoreApplication, language: str = "") -> str:
    """Install the UI language (``""`` = follow the system); returns the language chosen."""
    if not language:
        language = i18n.preferred_language(QLocale.system().name())
    keep = _installed
    if language != "en":
        ours = TsTranslator(i18n.load_ts(i18n.ts_path(language)))
        app.installTranslator(ours)
        keep.append(ours)
        qt_own = QTranslator()  # Qt's own dialogs (file picker, buttons), when the wheel ships them
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            keep.append(qt_own)
        QLocale.setDefault(QLocale(language))
    i18n.install(lambda context, text: QCoreApplication.translate(context, text))
    return language
