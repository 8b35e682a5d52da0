"""The review view: a past show opens with its timeline, health chart, products, faults; clicking a
moment makes the health chart jump there; notes are saved; platform data, exports, compare."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt

from studio.config import data_dir
from studio.review.store import NotesStore, review_key
from tests.fakes.review import T0, make_show, write_minutes_csv
from ui.panels.review import JUMP_SPAN_S, ReviewPanel


@pytest.fixture
def show(tmp_path):
    made = make_show(tmp_path / "made")
    shutil.copytree(made.health[0].parent, data_dir() / "health")  # where the review looks for it
    return made


@pytest.fixture
def panel(qtbot, show):
    widget = ReviewPanel(directory=show.log.parent)
    qtbot.addWidget(widget)
    widget.resize(1400, 1000)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


async def _wait(task):
    await task


def _open(panel, run, path: Path) -> None:
    run(_wait(panel.open_log(path)), timeout=60)
    assert panel.review is not None, panel.message.text()


def test_a_past_show_opens_from_the_list_with_every_part(panel, show, run):
    entries = run(panel.refresh())
    assert panel.show_list.count() == 1 and "夏日好物专场" in panel.show_list.itemText(0)
    assert entries[0].finished
    _open(panel, run, Path(panel.show_list.currentData()))
    review = panel.review
    assert "夏日好物专场" in panel.summary_label.text() and "OBS gone" in panel.summary_label.text()
    assert panel.steps_table.rowCount() == len(review.steps) == 17
    assert panel.moments_table.rowCount() == len(review.moments)
    assert panel.faults_table.rowCount() == 6
    assert panel.products_table.rowCount() == 4
    assert panel.lotteries_table.rowCount() == 2
    assert len(panel.health_curve.getData()[0]) > 7000
    assert not panel.skipped_label.isVisible()  # a clean log: nothing skipped


def _centre(panel) -> float:
    low, high = panel.health_plot.getViewBox().viewRange()[0]
    return (low + high) / 2


def test_clicking_a_moment_makes_the_health_chart_jump_there(panel, show, run, qtbot):
    _open(panel, run, show.log)
    review = panel.review
    row = next(i for i, m in enumerate(review.moments) if m.kind == "scene")  # 20:40, just before the crash
    at = review.moments[row].at
    table = panel.moments_table
    table.scrollToItem(table.item(row, 0))
    rect = table.visualItemRect(table.item(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _centre(panel) == pytest.approx(at, abs=1)
    low, high = panel.health_plot.getViewBox().viewRange()[0]
    assert high - low == pytest.approx(JUMP_SPAN_S, rel=0.01)
    assert panel.time_cursor.isVisible() and panel.time_cursor.value() == pytest.approx(at)

    # A point on the timeline chart: the failed push at 20:30:05, clicked where it is drawn.
    failed = next(m for m in review.moments if m.status == "partial")
    plot = panel.timeline_plot
    plot.setXRange(failed.at - 120, failed.at + 120, padding=0)
    qtbot.wait(50)
    scene = plot.getViewBox().mapViewToScene(QPointF(failed.at, 1))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(scene))
    assert _centre(panel) == pytest.approx(failed.at, abs=1)

    # A fault in the technical table: OBS gone at 20:25.
    panel.tabs.setCurrentIndex(3)
    faults = panel.faults_table
    cell = faults.visualItemRect(faults.item(0, 0)).center()
    qtbot.mouseClick(faults.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert panel.tabs.currentIndex() == 0
    assert _centre(panel) == pytest.approx(T0 + 1500, abs=1)


def test_notes_are_saved_and_come_back(panel, show, run, qtbot):
    _open(panel, run, show.log)
    panel.tabs.setCurrentIndex(4)
    edit = panel.note_edits["products"]
    edit.setPlainText("风扇讲解超时: 下次 10 分钟")  # QTest types ASCII only
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, " ok")
    qtbot.mouseClick(panel.save_notes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in panel.message.text(), timeout=10_000)
    assert NotesStore().notes(review_key(show.log)) == {"products": "风扇讲解超时: 下次 10 分钟 ok"}
    again = ReviewPanel(directory=show.log.parent)
    qtbot.addWidget(again)
    _open(again, run, show.log)
    assert again.note_edits["products"].toPlainText() == "风扇讲解超时: 下次 10 分钟 ok"


def test_platform_data_export_and_compare(panel, show, run, tmp_path):
    _open(panel, run, show.log)
    csv = write_minutes_csv(tmp_path / "minutes.csv")
    run(_wait(panel.import_platform([csv])), timeout=60)
    assert "aligned" in panel.message.text()
    headers = [panel.products_table.horizontalHeaderItem(c).text() for c in range(panel.products_table.columnCount())]
    assert "Orders" in headers
    fan_row = next(r for r in range(4) if panel.products_table.item(r, 1).text() == "便携折叠小风扇")
    assert panel.products_table.item(fan_row, headers.index("Orders")).text() == "16"
    assert panel.alignment_table.rowCount() >= 3
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    run(_wait(panel.export(html, "html")), timeout=60)
    run(_wait(panel.export(pdf, "pdf")), timeout=60)
    assert "便携折叠小风扇" in html.read_text(encoding="utf-8") and pdf.read_bytes()[:4] == b"%PDF"
    run(_wait(panel.compare_with(show.log)), timeout=60)
    assert panel.tabs.currentIndex() == 5
    assert panel.compare_tables[1].rowCount() == 4  # per product


def test_a_torn_log_opens_and_says_what_was_skipped(panel, show, run, tmp_path):
    torn = tmp_path / "torn.showlog.jsonl"
    data = show.log.read_bytes()
    torn.write_bytes(data[: len(data) * 2 // 3])
    _open(panel, run, torn)
    assert panel.skipped_label.isVisible()
    assert "cut off" in panel.skipped_label.text() and "no end of the show" in panel.skipped_label.text()


def test_when_the_show_ends_its_review_is_one_click_away(qtbot, run, tmp_path):
    from studio.room.dryrun import DryRunRoom
    from studio.show.plan import load_plan
    from studio.show.session import ShowController
    from tests.fakes.review import PLAN

    plan_path = tmp_path / "plan.toml"
    plan_path.write_text(PLAN, encoding="utf-8")
    controller = ShowController(load_plan(plan_path), DryRunRoom(), directory=tmp_path / "shows")
    widget = ReviewPanel(directory=tmp_path / "shows")
    qtbot.addWidget(widget)
    widget.show()
    NotesStore().save("earlier.showlog.jsonl", {"rhythm": "第二个抽奖提前到 20:30"}, title="夏日好物专场",
                      start=T0)
    widget.follow(controller)
    # Preparing a show of that plan: last time's improvement plan is in view.
    qtbot.waitUntil(lambda: widget.last_plan_label.isVisible(), timeout=10_000)
    assert "第二个抽奖提前到 20:30" in widget.last_plan_label.text()
    session = run(controller.start_new())
    session.rundown.start_show()
    assert not widget.ended_button.isVisible()  # on air: nothing to review yet
    run(session.end())
    assert widget.ended_button.isVisible() and "复盘" in widget.ended_button.text()
    assert not widget.ended_banner.isHidden()  # the window shows this one over every page
    with qtbot.waitSignal(widget.open_requested, timeout=5000):
        qtbot.mouseClick(widget.ended_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.review is not None, timeout=20_000)
    assert widget.review.log_path == str(session.log.path) and widget.review.ended_cleanly
    assert not widget.ended_button.isVisible() and widget.ended_banner.isHidden()
    run(controller.close())


def test_an_export_with_unknown_headers_gets_a_mapping_step(panel, show, run, qtbot, tmp_path):
    _open(panel, run, show.log)
    odd = tmp_path / "odd.csv"
    rows = ["when,people here,paid"] + [f"2024-06-18 20:{k:02d},{100 + k},{k % 3}" for k in range(10)]
    odd.write_text("\n".join(rows) + "\n", encoding="utf-8")
    run(_wait(panel.import_platform([odd])), timeout=60)
    assert panel.mapping_box.isVisible() and "odd.csv" in panel.mapping_label.text()
    combos = panel.mapping_combos
    assert [combos["time"].itemText(i) for i in range(combos["time"].count())] == \
        ["—", "1: when", "2: people here", "3: paid"]
    combos["time"].setCurrentIndex(1)
    combos["online"].setCurrentIndex(2)
    combos["orders"].setCurrentIndex(3)
    qtbot.mouseClick(panel.mapping_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.review.platform is not None, timeout=20_000)
    assert not panel.mapping_box.isVisible()
    minutes = panel.review.platform.minutes
    assert [(m.at - T0, m.values) for m in minutes[:2]] == [(0, {"online": 100.0, "orders": 0.0}),
                                                            (60, {"online": 101.0, "orders": 1.0})]


def test_the_charts_keep_the_shows_clock(panel, show):
    from studio.review.model import build_review
    from tests.fakes.review import CST

    panel.show_review(build_review(show.log, health_paths=show.health, tz=CST))
    axis = panel.health_plot.getAxis("bottom")
    assert axis.utcOffset == -8 * 3600  # UTC+8, as the tables say, whatever this computer's zone
    assert "20:25" in axis.tickStrings([T0 + 1500], 1, 60)[0]
    low, high = panel.health_plot.getViewBox().viewRange()[1]
    assert low == 0 and high > 2400  # from zero: the 800 / 1200 levels are in view


def test_the_window_has_the_review_view_and_offers_it_when_the_show_ends(qtbot, loop, run):
    from studio.config import Settings
    from studio.core import StudioCore
    from studio.keys.store import SecretStore
    from tests.fakes.keyring import MemoryKeyring
    from ui.app import build_window

    core = StudioCore(Settings.load(), SecretStore(backend=MemoryKeyring()))
    window = build_window(core)
    qtbot.addWidget(window)
    window.show()
    review = window.review_panel
    action = window.findChild(type(window.view_menu.actions()[0]), "view_reviewPanel")
    assert action is not None and "复盘" in action.text()
    action.trigger()
    assert window.pages.currentWidget().isAncestorOf(review)
    window.show_page_index(0)  # back to the show
    session = run(core.show.start_new())
    session.rundown.start_show()
    run(session.end())
    assert review.ended_banner.isVisible()  # over the show view: the review is one click away
    qtbot.mouseClick(review.ended_banner, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.review is not None, timeout=20_000)
    assert window.pages.currentWidget().isAncestorOf(review)
    assert review.review.log_path == str(session.log.path)
    run(core.show.close())
