"""Property tests over the goods importer: whatever the file, ``import_goods`` gives products (with
row problems) or one UserError in plain words — never another exception — within a time bound
that grows with the file (hypothesis' per-example deadline)."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.errors import UserError
from studio.show.importer import MAX_PRICE, import_goods

FUZZ = settings(max_examples=120, deadline=timedelta(milliseconds=2000), database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HEADERS = ["商品名称", "商品ID", "价格(元)", "直播价（元）", "价格(分)", "原价", "库存", "规格", "主图", "标题", "id"]
cells = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["1e999999", "-1e999999", "1E+400", "NaN", "Infinity", "-0", "9" * 5000, "1.23E+18",
                     "1234567890123456789", "1230000000000000000", "¥59.9", "1,299.00元", "0x10", "1e-999999"]),
    st.integers(min_value=-(10 ** 30), max_value=10 ** 30).map(str),
    st.floats().map(repr),
)


def _run(tmp_path_factory, name: str, data: bytes) -> None:
    path = tmp_path_factory.mktemp("goods") / name
    path.write_bytes(data)
    try:
        result = import_goods(path)
    except UserError as e:
        assert str(e)
        return
    for product in result.products:
        for price in (product.price, product.live_price):
            assert price is None or (price.is_finite() and Decimal(0) <= price <= MAX_PRICE)


@FUZZ
@given(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6),
       st.lists(st.lists(cells, max_size=7), max_size=12),
       st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]), st.sampled_from([",", "\t", ";"]))
def test_csv_goods_lists_never_crash(tmp_path_factory, header, rows, encoding, delimiter) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    _run(tmp_path_factory, "goods.csv", out.getvalue().encode(encoding, errors="replace"))


@FUZZ
@given(st.sampled_from([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"<html><table>", b"\xef\xbb\xbf",
                        b"\xff\xfe", b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:'
                        b'office:spreadsheet">']),
       st.binary(max_size=3000))
def test_any_bytes_behind_a_known_signature_never_crash(tmp_path_factory, head: bytes, body: bytes) -> None:
    _run(tmp_path_factory, "goods.xls", head + body)


@FUZZ
@given(st.lists(st.lists(st.tuples(st.one_of(st.none(), st.integers(-5, 10 ** 12).map(str), st.text(max_size=5)),
                                   cells), max_size=5), max_size=6))
def test_spreadsheetml_with_any_cell_index_never_crashes(tmp_path_factory, rows) -> None:
    ns = "urn:schemas-microsoft-com:office:spreadsheet"
    body = [f'<?xml version="1.0"?><Workbook xmlns="{ns}" xmlns:ss="{ns}"><Worksheet><Table>',
            "<Row><Cell><Data>商品名称</Data></Cell><Cell><Data>价格</Data></Cell></Row>"]
    for row in rows:
        body.append("<Row>")
        for index, value in row:
            attr = f' ss:Index="{_xml(index)}"' if index is not None else ""
            body.append(f"<Cell{attr}><Data>{_xml(value)}</Data></Cell>")
        body.append("</Row>")
    body.append("</Table></Worksheet></Workbook>")
    _run(tmp_path_factory, "goods.xls", "".join(body).encode("utf-8", errors="replace"))


@FUZZ
@given(st.lists(st.lists(cells, max_size=5), max_size=8))
def test_html_tables_never_crash(tmp_path_factory, rows) -> None:
    html = ["<html><body><table><tr><th>商品名称</th><th>价格</th><th>库存</th></tr>"]
    for row in rows:
        html.append("<tr>" + "".join(f"<td>{_xml(c)}</td>" for c in row) + "</tr>")
    html.append("</table></body></html>")
    _run(tmp_path_factory, "goods.xls", "".join(html).encode("utf-8", errors="replace"))


def _xml(text: str) -> str:
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20).replace("&", "&amp;").replace(
        "<", "&lt;").replace('"', "&quot;")
