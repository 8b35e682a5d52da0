"""Goods-list import from the files back offices really produce (each generated here)."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal

import pytest

from studio.show.importer import (
    NeedsColumnMapping,
    UnreadableGoodsFile,
    import_goods,
    sniff_format,
)

HEADER = ["商品名称", "商品ID", "价格(元)", "直播价（元）", "库存", "主图"]
ROWS = [
    ["便携折叠小风扇", "1234567890123456789", 89, 49.9, 500, "https://img/fan.png"],
    ["316 不锈钢保温杯", "1234567890123456790", 129, 69, 300, ""],
]


def _check_goods(result, fmt):
    assert result.source_format == fmt
    assert [p.name for p in result.products] == ["便携折叠小风扇", "316 不锈钢保温杯"]
    fan, cup = result.products
    assert fan.goods_id == "1234567890123456789" and cup.goods_id == "1234567890123456790"
    assert (fan.price, fan.live_price, fan.stock) == (Decimal("89.00"), Decimal("49.90"), 500)
    assert (cup.price, cup.live_price) == (Decimal("129.00"), Decimal("69.00"))
    assert fan.image == "https://img/fan.png"
    assert [p.id for p in result.products] == ["p1", "p2"]


def _xlsx(rows, tmp_path, name="goods.xlsx"):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def test_xlsx_with_a_title_row_above_the_header(tmp_path):
    path = _xlsx([["商品导出 2024-06-18"], [], HEADER, *ROWS], tmp_path)
    result = import_goods(path)
    assert result.header_row == 3
    _check_goods(result, "xlsx")


def test_xlsx_whose_dimension_lies_like_a_wps_file(tmp_path):
    path = _xlsx([HEADER, *ROWS], tmp_path)
    raw = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(raw, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1"/>', data)
                assert count == 1
            dst.writestr(item, data)
    path.write_bytes(raw.getvalue())
    _check_goods(import_goods(path), "xlsx")


def test_e_notation_and_rounded_numeric_ids_are_refused(tmp_path):
    path = _xlsx([HEADER,
                  ["好商品", "1.23457E+18", 10, 5, 1, ""],
                  ["数字 id", 1.2345678901234568e18, 10, 5, 1, ""],
                  ["短 id", 10086001, 10, 5, 1, ""]], tmp_path)
    result = import_goods(path)
    assert [p.name for p in result.products] == ["短 id"]
    assert result.products[0].goods_id == "10086001"
    assert [p.row for p in result.problems] == [2, 3]
    assert "E+" in result.problems[0].message and "lost" in result.problems[1].message


def test_real_xls(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("商品")
    for r, row in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    path = tmp_path / "goods.xls"
    book.save(str(path))
    assert path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    _check_goods(import_goods(path), "xls")


def test_html_table_saved_as_xls_in_gbk(tmp_path):
    cells = "".join(f"<th>{h}</th>" for h in HEADER)
    body = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in ROWS)
    html = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head>'
            f"<body><table><tr><td colspan=6>商品列表</td></tr><tr>{cells}</tr>{body}</table></body></html>")
    path = tmp_path / "export.xls"
    path.write_bytes(html.encode("gbk"))
    assert sniff_format(path.read_bytes()) == "html"
    _check_goods(import_goods(path), "html")


def test_spreadsheetml_saved_as_xls(tmp_path):
    def row(values):
        return "<Row>" + "".join(f'<Cell><Data ss:Type="String">{v}</Data></Cell>' for v in values) + "</Row>"

    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
           '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table>'
           + "".join(row(r) for r in [HEADER, *ROWS]) + "</Table></Worksheet></Workbook>")
    path = tmp_path / "xml.xls"
    path.write_text(xml, "utf-8")
    _check_goods(import_goods(path), "spreadsheetml")


def test_gbk_csv_from_excel_on_a_chinese_system(tmp_path):
    lines = ["商品导出,,,,,", ",".join(HEADER)] + [",".join(str(v) for v in row) for row in ROWS]
    path = tmp_path / "goods.csv"
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # really not UTF-8
    result = import_goods(path)
    assert result.header_row == 2
    _check_goods(result, "csv")


def test_utf8_bom_csv_with_fen_prices_and_synonyms(tmp_path):
    text = "商品标题\t商品id\t售价(分)\t总库存\t规格\n冰感毛巾\t10086003\t1990\t1,000\t蓝色\n"
    path = tmp_path / "xiaodian.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = import_goods(path)
    assert result.fen_columns == ["price"]
    (towel,) = result.products
    assert towel.name == "冰感毛巾 蓝色" and towel.goods_id == "10086003"
    assert towel.price == towel.live_price == Decimal("19.90") and towel.stock == 1000


def test_rows_without_a_name_are_reported_with_their_row(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("名称,价格\n风扇,10\n,20\n\n杯子,30\n", "utf-8")
    result = import_goods(path)
    assert [p.name for p in result.products] == ["风扇", "杯子"]
    assert [(p.row, "No product name" in p.message) for p in result.problems] == [(3, True)]


def test_unknown_name_column_asks_for_a_mapping(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("货品,价格,库存\n风扇,10,5\n", "utf-8")
    with pytest.raises(NeedsColumnMapping) as asked:
        import_goods(path)
    assert asked.value.headers == ["货品", "价格", "库存"]
    result = import_goods(path, mapping={"name": 0})
    assert result.products[0].name == "风扇" and result.products[0].stock == 5


def test_extension_is_ignored_and_broken_files_say_so(tmp_path):
    path = _xlsx([HEADER, *ROWS], tmp_path, name="really-xlsx.csv")
    assert import_goods(path).source_format == "xlsx"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a zip at all")
    with pytest.raises(UnreadableGoodsFile, match="Could not read"):
        import_goods(broken)


# ----- hostile goods lists: once crashes, now rows with plain words or one UserError -------------

@pytest.mark.parametrize("cell", ["1e999999", "1E+400", "-1e999999", "NaN", "Infinity", "9" * 5000])
def test_an_absurd_price_or_stock_is_not_read_and_never_crashes(tmp_path, cell):
    path = tmp_path / "goods.csv"
    path.write_text(f"商品名称,价格,库存\n风扇,{cell},{cell}\n杯子,69,300\n", encoding="utf-8")
    result = import_goods(path)
    fan, cup = result.products
    assert fan.name == "风扇" and fan.price is None and fan.live_price is None and fan.stock is None
    assert cup.price == Decimal("69.00") and cup.stock == 300
    # ... and the user is told which row lost its price (it once vanished without a word)
    assert [problem.row for problem in result.problems] == [2]
    assert "show plan page" in result.problems[0].message and cell[:40] in result.problems[0].message


def test_a_spreadsheetml_cell_far_to_the_right_is_refused_not_allocated(tmp_path):
    path = tmp_path / "goods.xls"
    path.write_text(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>'
        '<Row><Cell><Data>商品名称</Data></Cell><Cell><Data>价格</Data></Cell></Row>'
        '<Row><Cell ss:Index="999999999"><Data>x</Data></Cell></Row>'
        '</Table></Worksheet></Workbook>', encoding="utf-8")
    with pytest.raises(UnreadableGoodsFile):
        import_goods(path)
