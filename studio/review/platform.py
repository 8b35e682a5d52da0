"""Platform data for the review: what the live platform counted (online, visitors, clicks, orders,
revenue), read from its export and placed on the show log's clock.

Behind one interface, so the Channels (视频号) after-show data can plug in later::

    class PlatformSource(Protocol):
        name: str
        def sniff(self, path: Path, head: bytes) -> bool            # can this source read the file?
        def read(self, path: Path, mapping: dict[str, dict[str, int]] | None) -> PlatformTables

``read_platform_files(paths, tz=..., offset_s=..., bucket_label=...)`` picks a source per file,
then aligns the tables: every time becomes Unix seconds on the show log's clock (the export's
local time read in ``tz`` — by default the platform's, UTC+8, whatever the computer's zone — plus
``offset_s`` when the platform's clock is known to be off), and
``Alignment`` says how, so the report can show it.

What the mini-program console exports is not documented (../shared/notes/live-data-formats.md):
columns are found by header synonyms, never by position, in CSV (UTF-8, UTF-8-BOM, GBK), xlsx,
real xls and the HTML-table ".xls" (the goods import's readers: ``studio.show.importer``). A sheet
with a time column is "by minute" (bucket size taken from the rows; each row counts the bucket
that *starts* at its time unless ``bucket_label="end"``); a sheet with a product column is "by
product". A sheet whose time or product column is not found raises ``NeedsPlatformMapping`` with
its headers: the UI asks which column is which and calls again with ``mapping``.

Missing stays missing: an empty cell, ``-`` or ``--`` is None, a minute with no row is absent; the
review shows both as missing and never fills them in.
"""

from __future__ import annotations

import io
import itertools
import json
import math
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any, Protocol

from python_calamine import CalamineError, CalamineWorkbook

from studio.errors import UserError
from studio.i18n import translate
from studio.review.platform_channels import ChannelsAfterShowJson, pick_show
from studio.show.importer import UnreadableGoodsFile, normalise_header, read_rows, sniff_format
from studio.show.rules import PLATFORM_TZ

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
_MISSING = {"", "-", "--", "—", "——", "n/a", "na", "null", "none", "/"}


class NeedsPlatformMapping(UserError):
    """A sheet's time (by minute) or product (by product) column was not recognised."""

    def __init__(self, path: Path, sheet: str, headers: list[str]) -> None:
        self.path = path
        self.sheet = sheet
        self.headers = headers
        super().__init__(translate(
            "Review", "In {name} (sheet “{sheet}”) no time column (时间, 分钟 …) and no product column "
                      "(商品名称 …) was found. Choose which column holds the time or the product.").format(
            name=Path(path).name, sheet=sheet or "1"))


class UnreadablePlatformFile(UserError):
    pass


@dataclass
class MinuteRow:
    at: float  # Unix seconds on the show log's clock: where the bucket starts
    source_time: str  # the time as the file wrote it, for the alignment table
    values: dict[str, float | None]  # MINUTE_FIELDS → value; None when the cell was empty


@dataclass
class ProductRow:
    name: str
    goods_id: str
    values: dict[str, float | None]


@dataclass
class Alignment:
    """How the platform's times were put on the show log's clock (shown in the report)."""

    tz_label: str  # e.g. "UTC+08:00"
    offset_s: float  # added to every platform time
    bucket_s: float | None  # minute bucket size found in the rows (None: no minute rows)
    bucket_label: str  # "start" | "end": what a row's time means
    first_source: str = ""  # the first and last row as the file wrote them …
    last_source: str = ""
    first_at: float | None = None  # … and where they landed on the show clock
    last_at: float | None = None
    missing_buckets: list[float] = field(default_factory=list)  # show-clock starts with no row
    notes: list[str] = field(default_factory=list)  # plain words: time-only cells, day roll-over …


@dataclass
class PlatformTables:
    """What one source read from one file, before alignment (times as naive local datetimes)."""

    source: str
    minutes: list[tuple[datetime | time, str, dict[str, float | None]]] = field(default_factory=list)
    products: list[ProductRow] = field(default_factory=list)
    fen_fields: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)  # "sheet: by minute (120 rows)" …
    problems: list[str] = field(default_factory=list)  # rows skipped, with their number
    aligned: list[tuple[float, str, dict[str, float | None]]] = field(default_factory=list)
    # ``aligned``: a source that already has Unix times (an API) fills this instead of ``minutes``
    shows: list[tuple[float, float, str, dict[str, float | None]]] = field(default_factory=list)
    # ``shows``: whole-show figures per live (an after-show API): start, end (Unix s), id, figures


@dataclass
class PlatformData:
    files: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    minutes: list[MinuteRow] = field(default_factory=list)  # sorted by ``at``, one per bucket
    products: list[ProductRow] = field(default_factory=list)
    alignment: Alignment | None = None
    sheets: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    show: dict[str, float | None] = field(default_factory=dict)  # whole-show figures of the live matched

    @property
    def bucket_s(self) -> float | None:
        return self.alignment.bucket_s if self.alignment else None

    def row_at(self, at: float) -> MinuteRow | None:
        """The bucket that contains ``at`` (None when the platform has no row for that time)."""
        step = self.bucket_s
        if step is None:
            return None
        import bisect
        index = bisect.bisect_right(self._starts(), at) - 1
        if index < 0:
            return None
        row = self.minutes[index]
        return row if row.at <= at < row.at + step else None

    def _starts(self) -> list[float]:
        cached: list[float] | None = getattr(self, "_starts_cache", None)
        if cached is None or len(cached) != len(self.minutes):
            cached = [m.at for m in self.minutes]
            self._starts_cache = cached
        return cached


class PlatformSource(Protocol):
    name: str

    def sniff(self, path: Path, head: bytes) -> bool: ...

    def read(self, path: Path, mapping: dict[str, dict[str, int]] | None = None) -> PlatformTables: ...


# --- values ------------------------------------------------------------------------------------


def parse_number(cell: Any) -> float | None:
    """``¥130.37万`` → 1303700, ``4.1万`` → 41000, ``15.52%`` → 15.52, ``1,234`` → 1234; empty → None."""
    if cell is None or isinstance(cell, bool):
        return None
    if isinstance(cell, (int, float)):
        value = float(cell)
        return value if math.isfinite(value) else None
    text = str(cell).strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    text = text.replace("元", "").replace("人", "").replace("次", "").replace("单", "").strip()
    if text.lower() in _MISSING:
        return None
    scale = 1.0
    if text.endswith("%"):
        text = text[:-1]
    elif text.endswith("万"):
        text, scale = text[:-1], 10_000.0
    elif text.endswith("亿"):
        text, scale = text[:-1], 100_000_000.0
    try:
        value = float(text) * scale
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_time(cell: Any) -> datetime | time | None:
    """A cell as a local date-time, or a time of day when the file has no date (``20:01``)."""
    if cell is None:
        return None
    if isinstance(cell, datetime):
        if cell.year <= 1900:  # Excel's time-only cells come back on 1899-12-31 / 1900-01-01
            return cell.time()
        return cell.replace(tzinfo=None) if cell.tzinfo is None else cell
    if isinstance(cell, time):
        return cell
    if isinstance(cell, date):
        return datetime(cell.year, cell.month, cell.day)
    if isinstance(cell, timedelta):  # a duration cell: time since midnight
        seconds = cell.total_seconds()
        if 0 <= seconds < 86_400:
            return (datetime(2000, 1, 1) + cell).time()
        return None
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        value = float(cell)
        if 0 <= value < 1:  # an Excel time-of-day fraction
            return (datetime(2000, 1, 1) + timedelta(days=value)).time()
        if 20_000 < value < 80_000:  # an Excel serial date
            return datetime(1899, 12, 30) + timedelta(days=value)
        seconds = value / 1000 if 1e12 <= value < 5e12 else value  # Unix seconds or ms from an API dump
        if 1e9 <= seconds < 5e9:
            return datetime.fromtimestamp(seconds, UTC)
        return None
    text = str(cell).strip()
    if not text:
        return None
    text = text.replace("/", "-").replace("T", " ").replace("年", "-").replace("月", "-").replace("日", "")
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S.%f", "%m-%d %H:%M", "%m-%d %H:%M:%S"):
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed  # year 1900 when the cell has none: the show's year is used when aligning
    for fmt in ("%H:%M:%S", "%H:%M"):
        try:
            return datetime.strptime(text, fmt).time()
        except ValueError:
            continue
    return None


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


# --- the mini-program console's exports (CSV / Excel) -------------------------------------------


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


# --- Channels / API dumps (JSON) ----------------------------------------------------------------


class ChannelsDashboardJson:
    """A saved ``getlivedata`` answer of Channels' 直播大屏 (its blocks may be JSON strings): the
    online curve (``portrait.online_watch_uv``, summed over one dimension's series) and the
    per-product table (``single_live_ec_spu_data_page_v2``, money in 分)."""

    name = "channels_dashboard"

    def sniff(self, path: Path, head: bytes) -> bool:
        # The only JSON source so far: ``read`` says so when the object holds none of its blocks.
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")

    def read(self, path: Path, mapping: dict[str, dict[str, int]] | None = None) -> PlatformTables:
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as e:
            raise UnreadablePlatformFile(translate("Review", "Could not read {name}: {reason}").format(
                name=Path(path).name, reason=e)) from None
        tables = PlatformTables(self.name)

        def block(value: Any) -> Any:
            if isinstance(value, str):
                try:
                    return json.loads(value)
                except ValueError:
                    return {}
            return value if value is not None else {}

        dashboard = block(raw.get("live_dashboard_data"))
        inner = block(dashboard.get("live_dashboard_data", dashboard)) if isinstance(dashboard, dict) else {}
        portrait = inner.get("portrait", {}) if isinstance(inner, dict) else {}
        series = portrait.get("online_watch_uv") or []
        totals: dict[float, float] = {}
        step = None
        if series:
            first_type = (series[0].get("dimensions") or [{}])[0].get("type")
            for one in series:
                if (one.get("dimensions") or [{}])[0].get("type") != first_type:
                    continue
                step = float(one.get("step") or 60)
                for point in one.get("points") or []:
                    if point.get("value") is None:
                        continue
                    ts = float(point["ts"])
                    totals[ts] = totals.get(ts, 0.0) + float(point["value"])
        for ts in sorted(totals):
            tables.aligned.append((ts, datetime.fromtimestamp(ts, UTC).isoformat(), {"online": totals[ts]}))
        if step:
            tables.sheets.append(translate("Review", "{file}: online curve, {rows} points").format(
                file=Path(path).name, rows=len(totals)))
        spu = block(raw.get("single_live_ec_spu_data_page_v2"))
        for item in (spu.get("spu_data_list") or []) if isinstance(spu, dict) else []:
            base = item.get("base_data") or {}
            values = {"exposure": parse_number(item.get("exp_uv")), "clicks": parse_number(item.get("clk_uv")),
                      "orders": parse_number(item.get("pay_pv")), "buyers": parse_number(item.get("pay_uv")),
                      "explanations": parse_number(item.get("explanation_count"))}
            gmv = parse_number(item.get("gmv"))
            values["revenue"] = None if gmv is None else gmv / 100.0
            tables.products.append(ProductRow(str(base.get("spu_name", "")), str(base.get("spu_id", "")), values))
        if tables.products:
            tables.sheets.append(translate("Review", "{file}: by product, {rows} rows").format(
                file=Path(path).name, rows=len(tables.products)))
        if not tables.aligned and not tables.products:
            raise UnreadablePlatformFile(translate(
                "Review", "{name} holds no platform data the review can use.").format(name=Path(path).name))
        return tables


SOURCES: list[PlatformSource] = [ChannelsAfterShowJson(), ChannelsDashboardJson(), SpreadsheetExport()]


# --- alignment ----------------------------------------------------------------------------------


def tz_label(tz: tzinfo, at: datetime | None = None) -> str:
    offset = (at or datetime.now(tz)).astimezone(tz).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def read_platform_files(paths: list[Path], *, show_start: float, show_end: float, tz: tzinfo | None = None,
                        offset_s: float = 0.0, bucket_label: str = "start",
                        mapping: dict[str, dict[str, int]] | None = None,
                        sources: list[PlatformSource] | None = None) -> PlatformData:
    """Read every file and align its times to the show log's clock (see the module's docstring)."""
    # WeChat's consoles write Beijing time whatever the computer's zone (China has one zone).
    local = tz or PLATFORM_TZ
    data = PlatformData()
    minutes: list[tuple[float, str, dict[str, float | None]]] = []
    notes: list[str] = []
    start_local = datetime.fromtimestamp(show_start, local)
    for path in paths:
        head = Path(path).read_bytes()[:4096] if Path(path).is_file() else b""
        if not head and not Path(path).is_file():
            raise UnreadablePlatformFile(translate("Review", "No file at {path}.").format(path=path))
        source = next((s for s in (sources or SOURCES) if s.sniff(Path(path), head)), None)
        if source is None:
            raise UnreadablePlatformFile(translate("Review", "{name} is not a platform export the review "
                                                             "knows.").format(name=Path(path).name))
        tables = source.read(Path(path), mapping)
        data.files.append(str(path))
        data.sources.append(source.name)
        data.sheets.extend(tables.sheets)
        data.problems.extend(tables.problems)
        data.products.extend(tables.products)
        rolled = time_only = False
        for when, text, values in tables.minutes:
            if isinstance(when, time):
                time_only = True
                moment = datetime.combine(start_local.date(), when, local)
                if moment.timestamp() < show_start - 6 * 3600:  # after midnight in a late show
                    moment += timedelta(days=1)
                    rolled = True
            elif when.tzinfo is not None:
                moment = when
            else:
                if when.year == 1900:  # "06-18 20:01": the show's year
                    when = when.replace(year=start_local.year)
                moment = when.replace(tzinfo=local)
            minutes.append((moment.timestamp() + offset_s, text, values))
        for ts, text, values in tables.aligned:
            minutes.append((ts + offset_s, text, values))
        if tables.shows:
            figures, note = pick_show(tables.shows, show_start, show_end, offset_s, Path(path).name)
            notes.append(note)
            for key, value in (figures or {}).items():
                if data.show.get(key) is None:
                    data.show[key] = value
        if time_only:
            notes.append(translate("Review", "{name} gives times without a date: read as the show's day "
                                             "({day}).").format(name=Path(path).name, day=start_local.date()))
        if rolled:
            notes.append(translate("Review", "Times after midnight in {name} were put on the next day.").format(
                name=Path(path).name))
    minutes.sort(key=lambda m: m[0])
    step = _bucket_size(minutes)
    if step is not None and bucket_label == "end":
        minutes = [(at - step, text, values) for at, text, values in minutes]
    merged: list[MinuteRow] = []
    for at, text, values in minutes:
        if merged and abs(merged[-1].at - at) < 1.0:  # the same minute from two files: join the columns
            for key, value in values.items():
                if merged[-1].values.get(key) is None:
                    merged[-1].values[key] = value
            continue
        merged.append(MinuteRow(at, text, dict(values)))
    data.minutes = merged
    alignment = Alignment(tz_label(local, start_local), offset_s, step, bucket_label, notes=notes)
    if merged:
        alignment.first_source, alignment.last_source = merged[0].source_time, merged[-1].source_time
        alignment.first_at, alignment.last_at = merged[0].at, merged[-1].at
        if step:
            alignment.missing_buckets = _missing_buckets(merged, step, show_start, show_end)
        if merged[-1].at + (step or 60) <= show_start or merged[0].at >= show_end:
            alignment.notes.append(translate(
                "Review", "The platform's minutes do not overlap the show at all: check that the file is "
                          "from this show, or give the platform's clock offset."))
    data.alignment = alignment
    return data


def _bucket_size(minutes: list[tuple[float, str, dict[str, float | None]]]) -> float | None:
    if len(minutes) < 2:
        return 60.0 if minutes else None
    steps = sorted(b[0] - a[0] for a, b in itertools.pairwise(minutes) if b[0] - a[0] >= 1.0)
    if not steps:
        return 60.0
    return float(steps[0]) if steps[0] >= 30 else float(steps[len(steps) // 2])


def _missing_buckets(rows: list[MinuteRow], step: float, show_start: float, show_end: float) -> list[float]:
    """Buckets of the platform's grid inside the show that have no row."""
    have = {round((r.at - rows[0].at) / step) for r in rows}
    first = math.floor((show_start - rows[0].at) / step)  # the bucket holding the show's start
    last = math.ceil((show_end - rows[0].at) / step) - 1
    missing = []
    for k in range(first, last + 1):
        if k not in have:
            missing.append(rows[0].at + k * step)
    return missing
