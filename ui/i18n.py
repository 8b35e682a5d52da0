"""Qt translations: our ``.ts`` files loaded into a QTranslator, and the core's text routed through Qt.

We read the Qt Linguist ``.ts`` source directly (``studio.i18n.load_ts``) instead of shipping
compiled ``.qm`` files: one source of truth, nothing generated in the tree, and the CLI (no Qt)
reads the very same file.

Qt's own dialogs (the file picker, message-box buttons) take their Chinese from
``qtbase_zh_CN.qm``, which the PySide6-Essentials wheel ships in ``PySide6/Qt/translations``
(``QLibraryInfo.TranslationsPath``; a PyInstaller bundle keeps the same layout). That file lags
behind Qt 6's source strings in two places the file picker shows — "&Look in:" and "Files of
&type:" gained an accelerator, the file still has "Look in:" — so ``AcceleratorFallback`` answers
a Qt string with an ``&`` from the same file's entry without it, adding the accelerator the
Chinese way: "查找范围(&L)：".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from studio import i18n

_installed: list[QTranslator] = []  # a QTranslator must outlive its use: keep a reference

_COLONS = (":", "：")


class TsTranslator(QTranslator):
    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self._table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return self._table.get((context, source))

    def isEmpty(self) -> bool:
        return not self._table


def with_accelerator(source: str, translated: str) -> str:
    """"&Look in:" + "查找范围：" → "查找范围(&L)：" (the accelerator letter after the words)."""
    index = source.find("&")
    if index < 0 or index + 1 >= len(source) or source[index + 1] == "&":
        return translated
    letter = source[index + 1].upper()
    colon = next((c for c in _COLONS if translated.endswith(c)), "")
    words = translated[: len(translated) - len(colon)] if colon else translated
    return f"{words}(&{letter}){colon}"


class AcceleratorFallback(QTranslator):
    """Qt strings whose accelerator the shipped ``.qm`` does not know yet (see the module's doc)."""

    def __init__(self, qt_own: QTranslator) -> None:
        super().__init__()
        self._qt = qt_own

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        if not context.startswith("Q") or "&" not in source:
            return None
        found = self._qt.translate(context, source.replace("&", "", 1), disambiguation, n)
        return with_accelerator(source, found) if found else None

    def isEmpty(self) -> bool:
        return False


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def remove_translations(app: QCoreApplication) -> None:
    """Back to the source language (English); used before installing another language."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()


def install_translations(app: QCoreApplication, language: str = "") -> str:
    """Install the UI language (``""`` = follow the system); returns the language chosen."""
    if not language:
        language = i18n.preferred_language(QLocale.system().name())
    remove_translations(app)
    keep = _installed
    if language != "en":
        ours = TsTranslator(i18n.load_ts(i18n.ts_path(language)))
        app.installTranslator(ours)
        keep.append(ours)
        qt_own = QTranslator()  # Qt's own dialogs (file picker, buttons)
        if qt_own.load(f"qtbase_{language}", qt_translations_dir()):
            fallback = AcceleratorFallback(qt_own)
            app.installTranslator(fallback)  # asked after qt_own (the last installed is asked first)
            app.installTranslator(qt_own)
            keep.extend((fallback, qt_own))
        QLocale.setDefault(QLocale(language))
    else:
        QLocale.setDefault(QLocale.system())
    i18n.install(lambda context, text: QCoreApplication.translate(context, text))
    return language
