"""Import a goods list (商品列表) from the CSV or Excel file an operations team keeps.

What back offices really export, and how each is read (../shared/notes/library-choices.md):

* the first bytes decide, not the extension: ``PK\\x03\\x04`` → xlsx, ``D0 CF 11 E0`` → real xls,
  both read with python-calamine (also WPS files, whose xlsx ``<dimension>`` lies); a leading ``<``
  → an HTML table or SpreadsheetML XML saved as ".xls" (parsed with the standard library);
  anything else → text: BOM (UTF-8/UTF-16) → strict UTF-8 → gb18030 (a superset of GBK, which
  Excel writes on a Chinese system), delimiter sniffed (comma, tab, semicolon);
* a title row may sit above the header: the header is the row (of the first 20) that names the
  most known columns; columns are matched by synonyms after stripping spaces and brackets;
* an id in E+ notation (``1.23E+18``) was rounded by Excel: that row is refused with a message,
  never imported with lost digits; a numeric id longer than 15 digits is refused for the same reason;
* prices are yuan unless the header says (分) — 微信小店 exports fen.

API: ``import_goods(path, mapping=None) -> GoodsImport`` (``.products`` ready for a ``Plan``,
``.problems`` per row with its row number, ``.columns`` what was mapped, ``.header_row``).
Raises ``NeedsColumnMapping`` (with ``.headers``) when no name column is found: the UI asks the
user which column holds the name and calls again with ``mapping={"name": index}``.
Blocking (file I/O): call it through ``asyncio.to_thread`` from the GUI.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook

from studio.errors import UserError
from studio.i18n import translate
from studio.show.plan import Product

HEADER_SCAN_ROWS = 20
MAX_PRICE = Decimal("100000000")  # 1亿 yuan: above it a price cell is a typo (or an attack), never read
MAX_STOCK = 1_000_000_000
MAX_COLUMNS = 16_384  # Excel's widest sheet: a SpreadsheetML cell index beyond it is not a real sheet
MAX_EXACT_DIGITS = 15  # a double holds 15 significant digits: longer numeric ids are already rounded

# Field → header synonyms, normalised (no spaces, no brackets, lower case). First match wins,
# so more specific names come first (直播价 before 价格).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("商品名称", "商品标题", "标题", "选购商品", "商品名", "名称", "product_name", "name", "title"),
    "goods_id": ("商品id", "商品编号", "product_id", "goods_id", "goodsid", "id"),
    "sku": ("sku编码", "规格编码", "商家编码", "商品编码", "货号", "sku"),
    "live_price": ("直播价", "现价", "活动价", "秒杀价", "live_price"),
    "price": ("价格", "售价", "销售价", "零售价", "商品价格", "商品单价", "price"),
    "original_price": ("原价", "市场价", "划线价", "original_price"),
    "stock": ("库存", "总库存", "可售库存", "stock"),
    "spec": ("规格", "商品规格", "spec"),
    "image": ("主图", "商品主图", "头图", "图片", "image"),
    "category": ("类目", "一级分类", "商品分组", "category"),
}
_UNIT = re.compile(r"[（(]\s*(元|分|yuan|fen)\s*[)）]", re.IGNORECASE)
_E_NOTATION = re.compile(r"^\s*[0-9]+(\.[0-9]+)?[eE]\+?[0-9]+\s*$")


@dataclass(frozen=True)
class ImportProblem:
    row: int  # 1-based row in the sheet or file, as a spreadsheet shows it
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "message": self.message}


@dataclass
class GoodsImport:
    products: list[Product] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)  # field → column index used
    headers: list[str] = field(default_factory=list)
    header_row: int = 0  # 1-based
    source_format: str = ""  # xlsx | xls | html | spreadsheetml | csv
    fen_columns: list[str] = field(default_factory=list)  # price fields read as fen


class NeedsColumnMapping(UserError):
    def __init__(self, headers: list[str]) -> None:
        self.headers = headers
        super().__init__(translate(
            "Import", "No column with the product name was found (looked for 商品名称, 商品标题, 标题 …). "
                      "Choose which column holds the name."))


class UnreadableGoodsFile(UserError):
    pass


# --- reading rows --------------------------------------------------------------------------


def sniff_format(head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    text = _strip_bom(head).lstrip()
    if text.startswith(b"<"):
        lowered = text[:2048].lower()
        # Excel's HTML export names office:excel; only SpreadsheetML has a <Workbook> root.
        return "spreadsheetml" if b"urn:schemas-microsoft-com:office:spreadsheet" in lowered \
            and b"<workbook" in lowered and b"<html" not in lowered else "html"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        utf16 = decode_text(head[:4096]).lstrip()
        if utf16.startswith("<"):
            return "html"
    return "csv"


def read_rows(path: Path) -> tuple[list[list[Any]], str]:
    """Every row of the first sheet (or table), as cells, and the format found."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise UnreadableGoodsFile(translate("Import", "No file at {path}.").format(path=path)) from None
    kind = sniff_format(data[:4096])
    try:
        if kind in ("xlsx", "xls"):
            workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
            rows = _first_sheet_with_data(workbook)
        elif kind == "html":
            rows = _HtmlTable.rows(decode_text(data))
        elif kind == "spreadsheetml":
            rows = _spreadsheetml_rows(data)
        else:
            rows = _csv_rows(decode_text(data))
    except (CalamineError, ET.ParseError, csv.Error, ValueError, RecursionError, ArithmeticError) as e:
        raise UnreadableGoodsFile(translate(
            "Import", "Could not read {name} as a goods list ({detail}). Save it again from the back office "
                      "as .xlsx or .csv and retry.").format(name=Path(path).name, detail=e)) from None
    return rows, kind


def _first_sheet_with_data(workbook: Any) -> list[list[Any]]:
    for name in workbook.sheet_names:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        if any(any(_cell_text(c) for c in row) for row in rows):
            return [list(r) for r in rows]
    return []


def _strip_bom(data: bytes) -> bytes:
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            return data[len(bom):]
    return data


def decode_text(data: bytes) -> str:
    """BOM → strict UTF-8 → gb18030 (GBK's superset): how Chinese back-office text arrives."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _csv_rows(text: str) -> list[list[Any]]:
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), dialect)]


class _HtmlTable(HTMLParser):
    """The rows of the first <table> that has any: the 'xls' many back offices export."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._depth = 0

    @classmethod
    def rows(cls, text: str) -> list[list[Any]]:
        parser = cls()
        parser.feed(text)
        parser.close()
        return next(([list(r) for r in t] for t in parser.tables if t), [])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1].append(self._row)
            self._row = None
        elif tag == "table":
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _spreadsheetml_rows(data: bytes) -> list[list[Any]]:
    """Excel 2003 XML ('XML Spreadsheet'), also saved as .xls by some back offices."""
    ns = "{urn:schemas-microsoft-com:office:spreadsheet}"
    root = ET.fromstring(data)
    table = next(root.iter(f"{ns}Table"), None)
    rows: list[list[Any]] = []
    if table is None:
        return rows
    for row in table.iter(f"{ns}Row"):
        cells: list[Any] = []
        for cell in row.iter(f"{ns}Cell"):
            index = cell.get(f"{ns}Index")
            if index is not None:
                position = int(index)
                if not 0 < position <= MAX_COLUMNS:
                    raise ValueError(f"cell index {position} out of range")
                cells.extend([""] * (position - 1 - len(cells)))
            item = cell.find(f"{ns}Data")
            cells.append("".join(item.itertext()) if item is not None else "")
        rows.append(cells)
    return rows


# --- headers and values ----------------------------------------------------------------------


def normalise_header(text: str) -> str:
    text = _UNIT.sub("", str(text))
    return re.sub(r"[\s\u3000()（）【】\[\]:：*]", "", text).lower()


def _match_field(header: str) -> str | None:
    norm = normalise_header(header)
    if not norm:
        return None
    for name, synonyms in SYNONYMS.items():
        if norm in synonyms:
            return name
    return None


def find_header(rows: list[list[Any]]) -> int | None:
    """The index of the row that names the most known columns (at least two), or None."""
    best, best_score = None, 1
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        score = len({f for f in (_match_field(_cell_text(c)) for c in row) if f})
        if score > best_score:
            best, best_score = index, score
    return best


def _cell_text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() and abs(cell) < 1e15 else repr(cell)
    if isinstance(cell, (datetime, date)):
        return cell.isoformat()
    return str(cell).strip()


def _id_text(cell: Any, row: int, problems: list[ImportProblem]) -> str | None:
    """An id as text; None (with a problem) when the spreadsheet already lost digits."""
    if isinstance(cell, float):
        if not cell.is_integer() or len(str(int(cell))) > MAX_EXACT_DIGITS:
            problems.append(ImportProblem(row, translate(
                "Import", "The goods id {id} is a rounded number: the spreadsheet lost its last digits. "
                          "Export the list again with the id column as text; this row was skipped.").format(
                id=f"{cell:.15g}")))
            return None
        return str(int(cell))
    text = _cell_text(cell)
    if _E_NOTATION.match(text):
        problems.append(ImportProblem(row, translate(
            "Import", "The goods id {id} is in E+ notation: Excel rounded it and digits are lost. Export the "
                      "list again without opening it in Excel (or format the column as text); this row was "
                      "skipped.").format(id=text)))
        return None
    if text.isdigit() and len(text) > MAX_EXACT_DIGITS and text.endswith("000"):
        # 1230000000000000000 is what a rounded 1.23E+18 looks like once typed back as a number.
        problems.append(ImportProblem(row, translate(
            "Import", "The goods id {id} ends in zeros, as a number rounded by Excel does. Check it against "
                      "the back office; this row was imported, check its id.").format(id=text)))
    return text


def _money(cell: Any, fen: bool) -> Decimal | None:
    text = _cell_text(cell).replace(",", "").replace("¥", "").replace("￥", "").replace("元", "").strip()
    if not text:
        return None
    try:
        amount = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    if not amount.is_finite() or amount < 0 or amount > (MAX_PRICE * 100 if fen else MAX_PRICE):
        return None
    if fen:
        amount = amount / 100
    return amount.quantize(Decimal("0.01"))


def _price(cell: Any, fen: bool, row: int, problems: list[ImportProblem]) -> Decimal | None:
    """``_money``, and a problem for the row when the cell says something that is not a price."""
    amount = _money(cell, fen)
    text = _cell_text(cell)
    if amount is None and text:
        problems.append(ImportProblem(row, translate(
            "Import", "The price \"{value}\" is not a price the console can use (a number from 0 to {most} "
                      "yuan); the product was imported without it: type the price on the show plan page.").format(
            value=text[:40], most=MAX_PRICE)))
    return amount


def _stock(cell: Any) -> int | None:
    text = _cell_text(cell).replace(",", "")
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    return int(value) if value.is_finite() and 0 <= value <= MAX_STOCK else None


# --- the import ------------------------------------------------------------------------------


def import_goods(path: Path, mapping: dict[str, int] | None = None) -> GoodsImport:
    rows, kind = read_rows(path)
    try:
        return _import_rows(path, rows, kind, mapping)
    except (ArithmeticError, ValueError, RecursionError) as e:  # a hostile cell: plain words, not a crash
        raise UnreadableGoodsFile(translate(
            "Import", "Could not read {name} as a goods list ({detail}). Save it again from the back office "
                      "as .xlsx or .csv and retry.").format(name=Path(path).name, detail=type(e).__name__)) from None


def _import_rows(path: Path, rows: list[list[Any]], kind: str, mapping: dict[str, int] | None) -> GoodsImport:
    result = GoodsImport(source_format=kind)
    if not rows:
        raise UnreadableGoodsFile(translate("Import", "{name} has no rows.").format(name=Path(path).name))
    header_index = find_header(rows)
    if header_index is None:
        header_index = 0
    headers = [_cell_text(c) for c in rows[header_index]]
    result.headers, result.header_row = headers, header_index + 1
    columns: dict[str, int] = {}
    for index, header in enumerate(headers):
        name = _match_field(header)
        if name and name not in columns:
            columns[name] = index
    columns.update(mapping or {})
    if "name" not in columns:
        raise NeedsColumnMapping(headers)
    result.columns = columns
    fen = {f for f in ("live_price", "price", "original_price")
           if f in columns and re.search(r"[（(]\s*(分|fen)\s*[)）]", headers[columns[f]], re.IGNORECASE)}
    result.fen_columns = sorted(fen)

    # Which column is the live price and which the list price (a sheet may have one, two or three).
    live_field = "live_price" if "live_price" in columns else "price"
    if "original_price" in columns:
        list_field: str | None = "original_price"
    else:  # with a separate live-price column, 价格 is the list price; alone, it is both
        list_field = "price" if live_field == "live_price" and "price" in columns else None

    taken: set[str] = set()
    for offset, row in enumerate(rows[header_index + 1:], start=header_index + 2):
        def cell(name: str, row: list[Any] = row) -> Any:
            index = columns.get(name)
            return row[index] if index is not None and index < len(row) else None

        if not any(_cell_text(c) for c in row):
            continue
        name = _cell_text(cell("name"))
        if not name:
            result.problems.append(ImportProblem(offset, translate(
                "Import", "No product name in this row; it was skipped.")))
            continue
        goods_id = ""
        if "goods_id" in columns and _cell_text(cell("goods_id")):
            checked = _id_text(cell("goods_id"), offset, result.problems)
            if checked is None:
                continue
            goods_id = checked
        spec = _cell_text(cell("spec"))
        product = Product(id=_fresh_id(taken), name=f"{name} {spec}".strip() if spec and spec not in name
                          else name, goods_id=goods_id)
        product.live_price = _price(cell(live_field), live_field in fen, offset, result.problems)
        if list_field is not None:
            product.price = _price(cell(list_field), list_field in fen, offset, result.problems)
        if product.price is None:
            product.price = product.live_price
        if product.live_price is None:
            product.live_price = product.price
        if "stock" in columns:
            product.stock = _stock(cell("stock"))
        product.image = _cell_text(cell("image"))
        result.products.append(product)
    return result


def _fresh_id(taken: set[str]) -> str:
    number = len(taken) + 1
    while f"p{number}" in taken:
        number += 1
    taken.add(f"p{number}")
    return f"p{number}"
