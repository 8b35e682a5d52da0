"""Translations for messages the core produces (errors and states a host reads).

The core marks text with ``translate(context, text)``, the call ``pyside6-lupdate`` extracts, and
formats placeholders afterwards: ``translate("ObsLink", "No scene named {name}").format(name=n)``.
The source of truth is Qt's translation files, ``resources/i18n/studio_<lang>.ts``: the GUI loads
them into a ``QTranslator`` (``ui/i18n.py``); the CLI, which has no Qt, reads the same file here.
"""

from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from studio.resources import resource_path

I18N_DIR = resource_path("i18n")
SUPPORTED = ("zh_CN", "en")

Translator = Callable[[str, str], str]
_translator: Translator = lambda context, text: text  # noqa: E731 - identity until installed


def translate(context: str, text: str) -> str:
    return _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for extraction without translating it yet (translate it when shown)."""
    return text


def install(translator: Translator) -> None:
    global _translator
    _translator = translator


def load_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation from a Qt ``.ts`` file; unfinished entries are skipped."""
    table: dict[tuple[str, str], str] = {}
    if not path.exists():
        return table
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            tr = msg.find("translation")
            if source is None or tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if tr.text:
                table[(name, source)] = tr.text
    return table


def ts_path(language: str) -> Path:
    return I18N_DIR / f"studio_{language}.ts"


def preferred_language(system_locale: str | None = None) -> str:
    """zh_CN on a Chinese system, English otherwise; ``STUDIO_CONSOLE_LANG`` overrides."""
    forced = os.environ.get("STUDIO_CONSOLE_LANG")
    if forced:
        return "zh_CN" if forced.lower().startswith("zh") else "en"
    if system_locale is None:
        system_locale = (os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES")
                         or os.environ.get("LANG") or locale.getlocale()[0] or "")
    return "zh_CN" if system_locale.lower().startswith("zh") else "en"


def install_for_cli() -> str:
    """Install the table-based translator for the CLI; returns the language chosen."""
    language = preferred_language()
    if language != "en":
        table = load_ts(ts_path(language))
        install(lambda context, text: table.get((context, text), text))
    return language
