"""The Channels (视频号) after-show data as a platform-data source of the review.

``channels/finderlive/get_finder_live_data_list`` gives one row per live with whole-show totals —
观看人数, 最高在线, 人均观看时长, 新增粉丝, 评论, 分享, 喝彩 — and no time series and no goods
(../shared/notes/live-data-formats.md §2a). ``studio-console channels live-data --out FILE`` saves
its items; this source reads that file (or the raw API answer saved by hand) for
``studio-console review SHOWLOG --platform-data FILE``.

A file may hold several lives. ``read`` hands them all over as ``PlatformTables.shows`` (start and
end in Unix seconds, so no time zone is involved); ``pick_show`` (called by
``read_platform_files``, which knows the show) keeps the live that overlaps the show most and says
which in a note — or that none did, and then no figure is used. A field the platform did not give
stays ``None`` ("missing" in the report), never 0.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from studio.i18n import translate
from studio.review.platform_data import PlatformTables, UnreadablePlatformFile

API = "channels/finderlive/get_finder_live_data_list"
FILE_KIND = "studio-console/channels-after-show"  # what ``channels live-data --out`` writes as ``kind``
ShowRow = tuple[float, float, str, dict[str, float | None]]  # start, end, the live's id, its figures


def after_show_file(items: list[dict[str, Any]], *, account: str, start_time: float, end_time: float,
                    fetched_at: float, truncated: bool = False) -> dict[str, Any]:
    """What ``channels live-data --out`` and the Channels panel save: WeChat's items as they came."""
    return {"kind": FILE_KIND, "api": API, "account": account, "fetched_at": int(fetched_at),
            "start_time": int(start_time), "end_time": int(end_time), "truncated": truncated, "item": items}


class ChannelsAfterShowJson:
    """A saved ``get_finder_live_data_list`` answer (``item[]``), or the file ``channels live-data`` writes."""

    name = "channels_after_show"

    def sniff(self, path: Path, head: bytes) -> bool:
        text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        return text.startswith(b"{") and (FILE_KIND.encode() in head or b'"live_start_time"' in head
                                          or API.encode() in head
                                          or (b'"item"' in head and b'"errcode"' in head))  # WeChat's answer

    def read(self, path: Path, mapping: dict[str, dict[str, int]] | None = None) -> PlatformTables:
        from studio.room.channels.api import AfterShowLive  # the one reading of WeChat's fields

        name = Path(path).name
        try:
            raw = json.loads(Path(path).read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as e:
            raise UnreadablePlatformFile(translate("Review", "Could not read {name}: {reason}").format(
                name=name, reason=e)) from None
        if not isinstance(raw, dict):
            raise UnreadablePlatformFile(translate(
                "Review", "{name} holds no platform data the review can use.").format(name=name))
        code = raw.get("errcode")
        if isinstance(code, int) and code != 0:
            raise UnreadablePlatformFile(translate(
                "Review", "{name} holds WeChat's refusal (errcode {code}), not live data: fetch it again with "
                          "`studio-console channels live-data`.").format(name=name, code=code))
        items = raw.get("item")
        tables = PlatformTables(self.name)
        for number, item in enumerate(items if isinstance(items, list) else [], start=1):
            if not isinstance(item, dict):
                continue
            live = AfterShowLive.from_item(item)
            if live.start is None:
                tables.problems.append(translate(
                    "Review", "{name}, live {row}: no start time (live_start_time); left out.").format(
                    name=name, row=live.export_id or number))
                continue
            end = live.end if live.end is not None else live.start
            figures: dict[str, float | None] = {k: None if v is None else float(v) for k, v in live.figures.items()}
            if live.duration_s is not None:
                figures["duration_s"] = float(live.duration_s)
            tables.shows.append((float(live.start), float(end), live.export_id, figures))
        if not tables.shows:
            raise UnreadablePlatformFile(translate(
                "Review", "{name} holds no Channels live the review can use.").format(name=name))
        tables.sheets.append(translate("Review", "{file}: Channels after-show data, {count} live(s)").format(
            file=name, count=len(tables.shows)))
        return tables


def best_show(shows: list[ShowRow], show_start: float, show_end: float, offset_s: float = 0.0) -> ShowRow | None:
    """The live that overlaps [show_start, show_end] most (its times moved by ``offset_s``; a
    live without a length counts when it started inside the show); None when none overlaps."""
    best: tuple[tuple[float, float], ShowRow] | None = None
    for row in shows:
        start, end = row[0] + offset_s, row[1] + offset_s
        overlap = min(end, show_end) - max(start, show_start)
        if end <= start:
            overlap = 0.0 if show_start <= start <= show_end else -1.0
        key = (overlap, -abs(start - show_start))  # ties: the one that started nearest the show's start
        if overlap >= 0 and (best is None or key > best[0]):
            best = (key, row)
    return None if best is None else best[1]


def pick_show(shows: list[ShowRow], show_start: float, show_end: float, offset_s: float,
              name: str) -> tuple[dict[str, float | None] | None, str]:
    """The figures of ``best_show`` and a sentence saying which live gave them — or that none
    overlaps the show, and then None (no figure is used)."""
    row = best_show(shows, show_start, show_end, offset_s)
    if row is None:
        return None, translate("Review", "{name}: none of its {count} Channels live(s) overlaps this show; their "
                                         "figures were not used.").format(name=name, count=len(shows))
    start, end, export_id, figures = row
    return dict(figures), translate(
        "Review", "{name}: the Channels live {export_id} ({minutes} min long) gave this show's whole-show "
                  "figures.").format(name=name, export_id=export_id or "?", minutes=f"{(end - start) / 60:.0f}")
