"""The mini-program console's exports as a platform-data source (``studio.review.platform``): CSV
(UTF-8, UTF-8-BOM, GBK), xlsx, real xls and the HTML-table ".xls", by minute and/or by product.
Columns are found by header synonyms, never by position; a sheet whose time or product column is not
found raises ``NeedsPlatformMapping`` with its headers.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook

from studio.i18n import translate
from studio.review.platform_data import (
    NeedsPlatformMapping,
    PlatformTables,
    ProductRow,
    UnreadablePlatformFile,
    parse_number,
    parse_time,
)
from studio.show.importer import UnreadableGoodsFile, normalise_header, read_rows, sniff_format

HEADER_SCAN_ROWS = 20

# Field → header synonyms, normalised like the goods import does (no spaces/brackets, lower case).
MINUTE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "time": ("时间", "分钟", "时间点", "统计时间", "日期时间", "时刻", "time", "minute", "datetime", "ts"),
    "online": ("实时在线人数", "当前在线", "当前在线人数", "在线人数", "在线", "online", "online_count"),
    "visitors": ("进入直播间人数", "进场人数", "新增观看人数", "观看人数", "访客数", "visitors", "viewers",
                 "new_watch_uv"),
    "clicks": ("商品点击人数", "点击人数", "商品点击次数", "点击次数", "clicks"),
    "orders": ("成交订单数", "支付笔数", "支付订单数", "订单数", "下单数", "orders"),
    "revenue": ("成交金额", "交易额", "销售额", "支付金额", "gmv", "revenue"),
    "likes": ("点赞次数", "点赞数", "likes"),
    "comments": ("评论次数", "评论数", "comments"),
}
PRODUCT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("商品名称", "商品信息", "商品标题", "商品", "商品名", "spu_name", "product_name", "name"),
    "goods_id": ("商品id", "商品编号", "商品id号", "product_id", "goods_id", "spu_id", "id"),
    "exposure": ("曝光人数", "商品曝光人数", "exp_uv", "exposure"),
    "clicks": ("点击人数", "商品点击人数", "clk_uv", "clicks"),
    "orders": ("成交订单数", "支付笔数", "订单数", "pay_pv", "orders"),
    "buyers": ("成交人数", "支付人数", "pay_uv", "buyers"),
    "revenue": ("成交金额", "交易额", "销售额", "gmv", "revenue"),
    "explanations": ("讲解次数", "讲解数", "explanation_count"),
}
MINUTE_FIELDS = ("online", "visitors", "clicks", "orders", "revenue", "likes", "comments")
PRODUCT_FIELDS = ("exposure", "clicks", "orders", "buyers", "revenue", "explanations")
MONEY_FIELDS = ("revenue",)
_FEN = re.compile(r"[（(]\s*(分|fen)\s*[)）]", re.IGNORECASE)


def _cell_text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e15:
        return str(int(cell))
    if isinstance(cell, (datetime, date, time)):
        return cell.isoformat(sep=" ") if isinstance(cell, datetime) else cell.isoformat()
    return str(cell).strip()


def _match(header: str, synonyms: dict[str, tuple[str, ...]]) -> str | None:
    norm = normalise_header(header)
    if not norm:
        return None
    for name, names in synonyms.items():
        if norm in names:
            return name
    return None


def _header_row(rows: list[list[Any]]) -> tuple[int, str] | None:
    """The row (of the first 20) naming the most known columns, and which table it heads."""
    best: tuple[int, str] | None = None
    best_score = 1
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        cells = [_cell_text(c) for c in row]
        for kind, synonyms, key in (("minute", MINUTE_SYNONYMS, "time"), ("product", PRODUCT_SYNONYMS, "name")):
            found = {f for f in (_match(c, synonyms) for c in cells) if f}
            score = len(found) + (1 if key in found else 0)
            if score > best_score:
                best, best_score = (index, kind), score
    return best


class SpreadsheetExport:
    """CSV / xlsx / xls / HTML-table exports with a header row, by minute and/or by product."""

    name = "spreadsheet"

    def sniff(self, path: Path, head: bytes) -> bool:
        return not head.lstrip().startswith((b"{", b"["))

    def read(self, path: Path, mapping: dict[str, dict[str, int]] | None = None) -> PlatformTables:
        tables = PlatformTables(self.name)
        for sheet, rows in _sheets(path):
            self._read_sheet(path, sheet, rows, tables, (mapping or {}).get(sheet) or (mapping or {}).get(""))
        if not tables.minutes and not tables.products:
            raise UnreadablePlatformFile(translate(
                "Review", "{name} holds no platform data the review can use (no rows by minute or by "
                          "product).").format(name=Path(path).name))
        return tables

    def _read_sheet(self, path: Path, sheet: str, rows: list[list[Any]], tables: PlatformTables,
                    mapping: dict[str, int] | None) -> None:
        if not any(any(_cell_text(c) for c in row) for row in rows):
            return
        found = _header_row(rows)
        if mapping:
            index = found[0] if found else 0
            kind = "minute" if "time" in mapping else "product"
        elif found is None:
            raise NeedsPlatformMapping(path, sheet, [_cell_text(c) for c in rows[0]])
        else:
            index, kind = found
        headers = [_cell_text(c) for c in rows[index]]
        synonyms = MINUTE_SYNONYMS if kind == "minute" else PRODUCT_SYNONYMS
        columns: dict[str, int] = {}
        for number, header in enumerate(headers):
            name = _match(header, synonyms)
            if name and name not in columns:
                columns[name] = number
        columns.update(mapping or {})
        key = "time" if kind == "minute" else "name"
        if key not in columns and not (kind == "product" and "goods_id" in columns):
            raise NeedsPlatformMapping(path, sheet, headers)
        fen = {f for f in MONEY_FIELDS if f in columns and _FEN.search(headers[columns[f]])}
        tables.fen_fields = sorted(set(tables.fen_fields) | fen)
        count = 0
        for number, row in enumerate(rows[index + 1:], start=index + 2):
            def cell(name: str, row: list[Any] = row) -> Any:
                at = columns.get(name)
                return row[at] if at is not None and at < len(row) else None

            if not any(_cell_text(c) for c in row):
                continue
            if kind == "minute":
                when = parse_time(cell("time"))
                if when is None:
                    text = _cell_text(cell("time"))
                    if text and not any(ch.isdigit() for ch in text):  # a 合计/total row
                        continue
                    tables.problems.append(translate(
                        "Review", "{name}, row {row}: the time “{value}” could not be read; the row was "
                                  "left out.").format(name=Path(path).name, row=number, value=text))
                    continue
                values = {f: _value(cell(f), f in fen) for f in MINUTE_FIELDS if f in columns}
                tables.minutes.append((when, _cell_text(cell("time")), values))
            else:
                name = _cell_text(cell("name"))
                goods_id = _cell_text(cell("goods_id"))
                if not name and not goods_id:
                    continue
                if name in ("合计", "总计", "汇总", "total"):
                    continue
                values = {f: _value(cell(f), f in fen) for f in PRODUCT_FIELDS if f in columns}
                tables.products.append(ProductRow(name, goods_id, values))
            count += 1
        label = translate("Review", "by minute") if kind == "minute" else translate("Review", "by product")
        where = f"{Path(path).name} “{sheet}”" if sheet else Path(path).name
        tables.sheets.append(translate("Review", "{file}: {kind}, {rows} rows").format(
            file=where, kind=label, rows=count))


def _value(cell: Any, fen: bool) -> float | None:
    value = parse_number(cell)
    if value is not None and fen:
        value = value / 100.0
    return value


def _sheets(path: Path) -> list[tuple[str, list[list[Any]]]]:
    """Every sheet of a workbook (by minute and by product may share one file); one for text."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise UnreadablePlatformFile(translate("Review", "No file at {path}.").format(path=path)) from None
    except OSError as e:
        raise UnreadablePlatformFile(translate("Review", "Could not read {path}: {reason}").format(
            path=path, reason=e.strerror or e)) from None
    if sniff_format(data[:4096]) in ("xlsx", "xls"):
        try:
            workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
            return [(name, [list(r) for r in workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)])
                    for name in workbook.sheet_names]
        except CalamineError as e:
            raise UnreadablePlatformFile(translate(
                "Review", "Could not read {name} as a spreadsheet ({detail}). Export it again as .xlsx or "
                          ".csv.").format(name=Path(path).name, detail=e)) from None
    try:
        rows, _kind = read_rows(Path(path))
    except UnreadableGoodsFile as e:
        raise UnreadablePlatformFile(str(e)) from None
    return [("", rows)]
