"""The platform data's plain types (``studio.review.platform``): what one source read from one file
(``PlatformTables``), the aligned result (``PlatformData``, ``MinuteRow``, ``ProductRow``,
``Alignment``), the ``PlatformSource`` interface every source implements, its two errors — and the
cell values every source reads (``parse_number``, ``parse_time``): missing stays missing (None).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Protocol

from studio.errors import UserError
from studio.i18n import translate

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
