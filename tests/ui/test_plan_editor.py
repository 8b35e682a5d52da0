"""The plan editor: tables edit the plan, dragging reorders, import and save work off the Qt thread."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt

from studio.show.plan import load_plan
from ui.panels.plan_editor import PlanEditorPanel

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "show-plan.toml"


def _panel(qtbot, path=None):
    plan = load_plan(EXAMPLE)
    panel = PlanEditorPanel(plan, path)
    qtbot.addWidget(panel)
    return panel, plan


def test_tables_show_and_edit_the_plan(qtbot, loop):
    panel, plan = _panel(qtbot)
    assert panel.products.rowCount() == 3
    assert panel.products.item(0, 1).text() == "便携折叠小风扇"
    assert panel.products.item(0, 3).text() == "49.90"
    with qtbot.waitSignal(panel.changed):
        panel.products.item(0, 3).setText("39.9")
    assert plan.products[0].live_price == Decimal("39.90")
    panel.products.item(0, 7).setText("轻 / 静音")
    assert plan.products[0].talking_points == ["轻", "静音"]
    panel.products.item(0, 4).setText("很多")  # not a number: refused, shown, old value back
    assert plan.products[0].stock == 500 and panel.products.item(0, 4).text() == "500"
    assert "not a number" in panel.message.text()


def test_add_and_remove_rows_by_mouse(qtbot, loop):
    panel, plan = _panel(qtbot)
    panel.tabs.setCurrentIndex(3)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert len(plan.announcements) == 3 and plan.announcements[-1].id == "a1"
    panel.announcements.setCurrentCell(0, 0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert [a.id for a in plan.announcements] == ["coupon", "a1"]


def test_dragging_the_running_order_reorders_the_plan(qtbot, loop):
    panel, plan = _panel(qtbot)
    first, last = plan.order[0], plan.order[-1]
    # What a drag does under InternalMove: the model moves the row.
    moved = panel.order.model().moveRow(QModelIndex(), panel.order.count() - 1, QModelIndex(), 0)
    assert moved
    assert plan.order[0] is last and plan.order[1] is first
    assert panel.order.item(0).text().startswith("Draw the winners")  # the host's words, not "draw"


def test_kinds_are_shown_in_host_words_and_read_back_as_keys(qtbot, loop):
    panel, plan = _panel(qtbot)
    assert not any(panel.order.item(i).text().split(" · ")[0] in ("segment", "flash_sale", "explain")
                   for i in range(panel.order.count()))
    kind_cell = panel.lotteries.item(0, 2)
    assert kind_cell.text() == "Comment lottery (评论抽奖)" and plan.lotteries[0].kind == "comment"
    kind_cell.setText("Like lottery (点赞抽奖)")
    assert plan.lotteries[0].kind == "like"
    kind_cell.setText("like")  # the file's key typed by hand is read too
    assert plan.lotteries[0].kind == "like"


def test_import_adds_products_and_says_what_was_skipped(qtbot, loop, run, tmp_path):
    panel, plan = _panel(qtbot)
    goods = tmp_path / "goods.csv"
    goods.write_bytes("商品名称,商品ID,直播价\n凉席,10086009,99\n坏行,1.2E+18,1\n".encode("gbk"))
    run(panel.import_path(goods))
    assert [p.name for p in plan.products][-1] == "凉席" and plan.products[-1].id == "p1"
    assert panel.products.rowCount() == 4
    assert "Imported 1 products" in panel.message.text() and "row 3" in panel.message.text()


def test_save_writes_the_file_and_reports_problems(qtbot, loop, run, tmp_path):
    target = tmp_path / "plan.toml"
    panel, plan = _panel(qtbot, target)
    run(panel._save())
    assert load_plan(target) == plan and "no problems" in panel.message.text()
    plan.announcements[0].text = "短"
    run(panel._save())
    assert "1 problem(s)" in panel.message.text()
