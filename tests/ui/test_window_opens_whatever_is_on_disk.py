"""Whatever is on disk — a plan with problems, a plan that is not TOML, settings of the wrong type,
a damaged settings file — the window opens, names the problem on screen, and overwrites nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from studio.config import Settings
from studio.core import StudioCore
from studio.keys.store import SecretStore
from tests.fakes.keyring import MemoryKeyring
from ui.app import build_window


@pytest.mark.parametrize("plan_text, settings_extra", [
    ('[show]\ntitle = "周五"\n[[announcements]]\nid = "a1"\ntext = "短"\n', {"obs": {"port": "x"}}),
    ("[show\ntitle = ", {"obs": "nonsense"}),
    (None, {}),
])
def test_window_opens_and_names_the_problem(qtbot: Any, loop: Any, tmp_path: Path, plan_text: str | None,
                                            settings_extra: dict[str, Any]) -> None:
    config = Path(os.environ["STUDIO_CONSOLE_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    plan = tmp_path / "我的方案.toml"
    if plan_text is not None:
        plan.write_text(plan_text, encoding="utf-8")
    (config / "settings.json").write_text(json.dumps({"show_plan": str(plan), **settings_extra}),
                                          encoding="utf-8")
    before = {p: p.read_bytes() for p in (plan, config / "settings.json") if p.exists()}
    core = StudioCore(Settings.load(), SecretStore(backend=MemoryKeyring()))
    window = build_window(core)
    qtbot.addWidget(window)
    window.show()
    text = window.connection_bar.problems.text()
    assert window.connection_bar.problems.isVisible()
    assert str(plan) in text
    if settings_extra:
        assert "settings.json" in text
    assert core.plan.products  # the example runs the show meanwhile
    assert {p: p.read_bytes() for p in before} == before


def test_damaged_settings_file_is_named_and_kept(qtbot: Any, loop: Any) -> None:
    config = Path(os.environ["STUDIO_CONSOLE_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text("{ not json", encoding="utf-8")
    core = StudioCore(Settings.load(), SecretStore(backend=MemoryKeyring()))
    window = build_window(core)
    qtbot.addWidget(window)
    window.show()
    assert "damaged" in window.connection_bar.problems.text()
    assert (config / "settings.json").read_text(encoding="utf-8") == "{ not json"


def test_unreadable_show_logs_are_named_and_the_window_opens(qtbot: Any, loop: Any, run: Any) -> None:
    from studio.show.log import LOG_SUFFIX
    from studio.show.session import shows_dir

    shows = shows_dir()
    shows.mkdir(parents=True)
    (shows / f"2024-06-18-2000{LOG_SUFFIX}").mkdir()  # not a file: reading it fails (also as root)
    core = StudioCore(Settings.load(), SecretStore(backend=MemoryKeyring()))
    window = build_window(core)
    qtbot.addWidget(window)
    window.show()
    assert run(core.show.look_for_resume()) is None
    assert str(shows) in window.connection_bar.problems.text()
    assert (shows / f"2024-06-18-2000{LOG_SUFFIX}").is_dir()  # left as it was


def test_an_unwritable_health_record_is_named_and_the_window_opens(qtbot: Any, loop: Any) -> None:
    from studio.health.record import health_dir

    health_dir().parent.mkdir(parents=True, exist_ok=True)
    health_dir().write_text("not a folder", encoding="utf-8")  # where the record goes, a file is in the way
    core = StudioCore(Settings.load(), SecretStore(backend=MemoryKeyring()))
    window = build_window(core)
    qtbot.addWidget(window)
    window.show()
    recorder = core.health.recorder
    assert recorder is not None
    recorder.begin(1_718_712_000.0)  # a stream starts: the record cannot be opened
    recorder.flush()
    assert core.health.problem  # named in plain words, for the health panel
    assert health_dir().read_text(encoding="utf-8") == "not a folder"  # nothing overwritten
