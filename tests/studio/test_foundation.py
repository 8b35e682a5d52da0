"""Unit tests for the small pieces everything stands on."""

from __future__ import annotations

import ast
import logging
from pathlib import Path

import pytest

from studio import i18n
from studio.config import Settings
from studio.keys.store import KeyringUnavailable, SecretStore
from studio.obs.target import parse_address
from studio.redact import RedactingFilter, redact, register_secret

ROOT = Path(__file__).resolve().parents[2]
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "qasync", "pyqtgraph", "shiboken6")


def test_core_has_no_qt_import():
    offenders = []
    for path in (ROOT / "studio").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in QT_MODULES]
    assert offenders == []


def test_core_does_not_import_ui():
    for path in (ROOT / "studio").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "from ui" not in text and "import ui" not in text, path


@pytest.mark.parametrize(("text", "expected"), [
    ("ws://127.0.0.1:4455", ("127.0.0.1", 4455)),
    ("127.0.0.1:4456", ("127.0.0.1", 4456)),
    ("  ws://studio-pc.local:4455/ ", ("studio-pc.local", 4455)),
    ("localhost", ("localhost", 4455)),
    ("ws://host:99999", None),
    ("ws://host:port", None),
    ("", None),
])
def test_parse_obs_address(text, expected):
    assert parse_address(text) == expected


def test_redaction_masks_registered_secrets_and_signatures():
    register_secret("canary-obs-password-123")
    text = "pw canary-obs-password-123 url rtmp://x/live/a?txSecret=4b886b81&txTime=7a1b2c3d"
    clean = redact(text)
    assert "canary-obs-password-123" not in clean
    assert "4b886b81" not in clean
    assert "txTime=7a1b2c3d" in clean  # the expiry is not a secret


def test_redacting_filter_cleans_exception_text():
    register_secret("canary-in-exception-456")
    try:
        raise ValueError("bad canary-in-exception-456")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed %s", ("canary-in-exception-456",),
                                   sys.exc_info())
    RedactingFilter().filter(record)
    assert "canary-in-exception-456" not in record.getMessage()
    assert record.exc_info is None


def test_obsws_python_logger_is_silenced():
    import studio.obs.link  # noqa: F401 - importing it silences obsws-python

    logger = logging.getLogger("obsws_python.baseclient.ObsClient")
    assert not logger.isEnabledFor(logging.CRITICAL)


def test_settings_round_trip_and_broken_file(tmp_path):
    path = tmp_path / "settings.json"
    s = Settings()
    s.obs.host, s.obs.port = "studio-pc", 4460
    s.extra["push_rooms"] = ["周五美妆专场"]
    s.save(path)
    loaded = Settings.load(path)
    assert (loaded.obs.host, loaded.obs.port) == ("studio-pc", 4460)
    assert loaded.extra["push_rooms"] == ["周五美妆专场"]
    path.write_text("{ not json", encoding="utf-8")
    assert Settings.load(path).obs.port == 4455  # defaults, never a crash


def test_ts_table_reads_finished_translations_only(tmp_path):
    ts = tmp_path / "t.ts"
    ts.write_text("""<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_CN">
<context><name>ObsLink</name>
<message><source>Not connected to OBS.</source><translation>未连接 OBS。</translation></message>
<message><source>Pending</source><translation type="unfinished">待定</translation></message>
</context></TS>""", encoding="utf-8")
    table = i18n.load_ts(ts)
    assert table == {("ObsLink", "Not connected to OBS."): "未连接 OBS。"}


@pytest.mark.parametrize(("system", "expected"), [
    ("zh_CN", "zh_CN"), ("zh_CN.UTF-8", "zh_CN"), ("zh_TW", "zh_CN"), ("en_US", "en"), ("de_DE", "en"),
])
def test_language_follows_the_system(system, expected, monkeypatch):
    monkeypatch.delenv("STUDIO_CONSOLE_LANG", raising=False)
    assert i18n.preferred_language(system) == expected


@pytest.mark.qt  # pyside6-lupdate
def test_shipped_chinese_covers_every_core_and_ui_string(tmp_path):
    """lupdate over studio/ and ui/ finds no string without a finished zh_CN translation.

    Run scripts/update-translations.sh and translate what it marks unfinished.
    """
    import shutil
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    shipped = i18n.ts_path("zh_CN")
    assert shipped.exists(), "resources/i18n/studio_zh_CN.ts is missing"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "pyside6-lupdate")
    copy = tmp_path / "studio_zh_CN.ts"
    shutil.copy(shipped, copy)
    sources = [str(p) for d in ("studio", "ui") for p in sorted((ROOT / d).rglob("*.py"))]
    subprocess.run([str(lupdate), *sources, "-no-obsolete", "-locations", "none", "-ts", str(copy)],
                   check=True, capture_output=True)
    root = ET.parse(copy).getroot()
    untranslated = [f"{ctx.findtext('name')}: {m.findtext('source')}"
                    for ctx in root.iter("context") for m in ctx.iter("message")
                    if m.find("translation") is not None
                    and (m.find("translation").get("type") == "unfinished"
                         or not (m.find("translation").text or "").strip())]
    assert untranslated == []


def test_unusable_keyring_is_refused_not_worked_around():
    from keyring.backends import fail

    store = SecretStore(backend=fail.Keyring())
    assert not store.usable()
    with pytest.raises(KeyringUnavailable) as refused:
        store.set("x", "secret-value")
    assert "plain files" in str(refused.value)


def test_redaction_masks_whole_tokens_not_parts_of_words():
    register_secret("plain")
    assert redact("explain the product") == "explain the product"
    assert redact("key=plain&x") == "key=***&x"
    assert redact("rtmp://host/live/plain") == "rtmp://host/live/***"
