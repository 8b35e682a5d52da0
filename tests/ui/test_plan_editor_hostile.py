"""The plan editor and a hostile goods list: what once crashed the import (and left the editor
silent) now imports the readable rows or says in plain words why the file cannot be read."""

from __future__ import annotations

from studio.show.plan import load_plan
from tests.fakes.show import EXAMPLE
from ui.panels.plan_editor import PlanEditorPanel


def test_an_absurd_price_imports_the_row_without_it(qtbot, loop, run, tmp_path):
    plan = load_plan(EXAMPLE)
    panel = PlanEditorPanel(plan, None)
    qtbot.addWidget(panel)
    goods = tmp_path / "goods.csv"
    goods.write_text("商品名称,价格,库存\n凉席,1e999999,1e999999\n", encoding="utf-8")
    run(panel.import_path(goods))
    assert plan.products[-1].name == "凉席" and plan.products[-1].price is None
    assert "Imported 1 products" in panel.message.text()


def test_an_unreadable_goods_file_is_said_in_the_editor(qtbot, loop, run, tmp_path):
    plan = load_plan(EXAMPLE)
    panel = PlanEditorPanel(plan, None)
    qtbot.addWidget(panel)
    goods = tmp_path / "goods.xls"
    goods.write_text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                     'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>'
                     '<Row><Cell ss:Index="999999999"><Data>x</Data></Cell></Row></Table></Worksheet>'
                     "</Workbook>", encoding="utf-8")
    run(panel.import_path(goods))
    assert "Could not read goods.xls" in panel.message.text()
