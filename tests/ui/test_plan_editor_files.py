"""Plan files in the editor: the shipped example is read-only, problems are listed (line, field),
Open / New / Save as / recent plans, non-modal dialogs, and a broken plan never stops the console."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from studio.config import Settings
from studio.show.plan import load_plan
from studio.show.plan_files import EXAMPLE_PLAN, PlanFiles
from tests.lab.waiting import wait_until
from ui.panels.plan_editor import PlanEditorPanel


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return tmp_path / "docs"


def _panel(qtbot: Any, files: PlanFiles) -> PlanEditorPanel:
    panel = PlanEditorPanel(files)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_editing_the_example_saves_a_copy_in_the_documents(qtbot: Any, loop: Any, run: Any, docs: Path,
                                                           tmp_path: Path) -> None:
    before = _digest(EXAMPLE_PLAN)
    settings = Settings.load(tmp_path / "settings.json")
    files = PlanFiles(settings, documents=docs)
    panel = _panel(qtbot, files)
    assert files.path == EXAMPLE_PLAN and files.read_only
    assert str(EXAMPLE_PLAN) in panel.path_label.text() and "read-only" in panel.path_label.text()
    panel.products.item(0, 1).setText("我的小风扇")
    run(panel._save())
    assert _digest(EXAMPLE_PLAN) == before  # the shipped file is untouched
    assert files.path.parent == docs and files.path.exists() and not files.read_only
    assert load_plan(files.path).products[0].name == "我的小风扇"
    assert "read-only" in panel.message.text() and str(files.path) in panel.message.text()
    assert str(files.path) in panel.path_label.text()
    # Remembered as the current and a recent plan, in the settings file.
    again = Settings.load(tmp_path / "settings.json")
    assert again.extra["show_plan"] == str(files.path) and again.extra["recent_plans"][0] == str(files.path)


def test_a_plan_with_problems_is_saved_only_as_the_users_file_with_problems_listed(
        qtbot: Any, loop: Any, run: Any, docs: Path) -> None:
    before = _digest(EXAMPLE_PLAN)
    files = PlanFiles(Settings(), documents=docs)
    panel = _panel(qtbot, files)
    panel.tabs.setCurrentIndex(3)
    panel.announcements.item(0, 1).setText("短短")  # 2 characters: the platform wants 4–34
    run(panel._save())
    assert _digest(EXAMPLE_PLAN) == before
    assert files.path.parent == docs
    lines = panel.problem_lines()
    assert lines and "Announcement 1 · text" in lines[0] and lines[0].startswith("Line ")
    assert panel.problem_list.isVisible()
    assert "1 problem(s)" in panel.message.text()
    # The show never runs a plan with problems; the editor keeps the user's version.
    assert not files.usable and files.show_plan().announcements[0].text != "短短"


def test_open_save_as_and_recent_through_non_modal_dialogs(qtbot: Any, loop: Any, run: Any, docs: Path,
                                                           tmp_path: Path) -> None:
    files = PlanFiles(Settings(), documents=docs)
    panel = _panel(qtbot, files)
    panel.save_as_button.click()
    dialog = panel.file_dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()  # shown, and click() returned at once
    target = tmp_path / "周五专场.toml"
    dialog.fileSelected.emit(str(target))  # what the dialog emits when the user picks the name
    run(wait_until(lambda: target.exists() and files.path == target and str(target) in panel.path_label.text()))
    broken = tmp_path / "broken.toml"
    broken.write_text('[show]\ntitle = "x"\n[[products]]\nid = "p1"\nname = "a"\nprice = "abc"\n',
                      encoding="utf-8")
    panel.open_button.click()
    panel.file_dialog.fileSelected.emit(str(broken))
    run(wait_until(lambda: files.path == broken))
    assert panel.problem_lines() and "Product 1 · price" in panel.problem_lines()[0]
    assert files.recent == [broken, target]  # readable with problems: recent, to come back and fix it
    assert files.settings.extra["show_plan"] == str(target)  # but not the next start's show plan
    panel.recent_menu.aboutToShow.emit()
    assert [a.text() for a in panel.recent_menu.actions()] == [str(broken), str(target)]
    panel.recent_menu.actions()[1].trigger()
    run(wait_until(lambda: files.path == target and "no problems" in panel.message.text()))
    assert panel.problem_lines() == [] and "no problems" in panel.message.text()


def test_new_from_template(qtbot: Any, loop: Any, run: Any, docs: Path) -> None:
    files = PlanFiles(Settings(), documents=docs)
    panel = _panel(qtbot, files)
    panel.new_menu.aboutToShow.emit()
    labels = [a.text() for a in panel.new_menu.actions()]
    assert len(labels) == 2
    panel.new_menu.actions()[1].trigger()  # the empty plan
    run(wait_until(lambda: files.untitled))
    assert panel.products.rowCount() == 0 and "not saved yet" in panel.path_label.text()
    run(panel._save())
    assert files.path.parent == docs and files.path.exists() and not files.untitled


@pytest.mark.parametrize("content", [b"[show\ntitle = 1", b"\xff\xfe\x00garbage", None,
                                     '[show]\ntitle = "x"\n[[announcements]]\nid = "a1"\ntext = "短"\n'
                                     .encode()])
def test_whatever_plan_is_on_disk_the_core_opens_and_names_it(tmp_path: Path, content: bytes | None) -> None:
    plan_path = tmp_path / "mine.toml"
    if content is not None:
        plan_path.write_bytes(content)
    settings = Settings()
    settings.extra["show_plan"] = str(plan_path)
    files = PlanFiles(settings)
    summary = files.summary()
    assert summary and str(plan_path) in summary
    assert files.show_plan().products  # the show still has the example to run
    if content is not None:
        assert plan_path.read_bytes() == content  # nothing overwritten
