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

The parts: ``platform_data`` (the types, the interface and the cell values), ``platform_sheets``
(the console's CSV / Excel exports), ``platform_channels`` (Channels' after-show data); the
dashboard JSON, the list of sources and the alignment stay here. Every name imports from here.
"""

from __future__ import annotations

import itertools
import json
import math
from datetime import UTC, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from studio.i18n import translate
from studio.review.platform_channels import ChannelsAfterShowJson, pick_show
from studio.review.platform_data import (
    Alignment,
    MinuteRow,
    NeedsPlatformMapping,
    PlatformData,
    PlatformSource,
    PlatformTables,
    ProductRow,
    UnreadablePlatformFile,
    parse_number,
    parse_time,
)
from studio.review.platform_sheets import (
    HEADER_SCAN_ROWS,
    MINUTE_FIELDS,
    MINUTE_SYNONYMS,
    MONEY_FIELDS,
    PRODUCT_FIELDS,
    PRODUCT_SYNONYMS,
    SpreadsheetExport,
)
from studio.show.rules import PLATFORM_TZ

__all__ = [
    "HEADER_SCAN_ROWS", "MINUTE_FIELDS", "MINUTE_SYNONYMS", "MONEY_FIELDS", "PRODUCT_FIELDS", "PRODUCT_SYNONYMS",
    "SOURCES", "Alignment", "ChannelsAfterShowJson", "ChannelsDashboardJson", "MinuteRow", "NeedsPlatformMapping",
    "PlatformData", "PlatformSource", "PlatformTables", "ProductRow", "SpreadsheetExport", "UnreadablePlatformFile",
    "parse_number", "parse_time", "read_platform_files", "tz_label",
]


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
