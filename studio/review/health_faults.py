"""The health record read into the review: the show's health files found by their first and last
sample, the bitrate / dropped-frames series (a second with no sample stays missing), and the
technical faults sustained in it — or, without a record, the show log's own health verdicts.
Blocking (file I/O).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from studio.i18n import translate
from studio.review.types import Fault, Review, Skipped

# Health faults: figures sustained this long.
LOW_KBPS = 800.0
LOW_BITRATE_MIN_S = 10.0
CONGESTION_LEVEL = 0.5
CONGESTION_MIN_S = 10.0
DROPPED_PCT_LEVEL = 1.0
# Health samples further apart than this leave a gap (missing, never joined by a line).
SAMPLE_GAP_S = 3.0


def find_health_files(directory: Path, start: float, end: float) -> list[Path]:
    """Health files whose samples overlap [start, end] (first and last line decide)."""
    found: list[Path] = []
    if not directory.is_dir():
        return found
    for path in sorted(directory.glob("health-*.jsonl")):
        try:
            first, last = _first_last_times(path)
        except OSError:
            continue
        if first is None:
            continue
        if first <= end + 60 and (last or first) >= start - 60:
            found.append(path)
    return found


def _first_last_times(path: Path) -> tuple[float | None, float | None]:
    with open(path, "rb") as f:
        head = f.readline()
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 8192))
        tail = f.read().splitlines()
    first: float | None = None
    try:
        record = json.loads(head)
        first = float(record.get("started", record.get("time")))
    except (ValueError, TypeError, AttributeError):
        pass
    last: float | None = None
    for line in reversed(tail):
        try:
            record = json.loads(line)
            last = float(record.get("time", record.get("started")))
            break
        except (ValueError, TypeError, AttributeError):
            continue
    return first, last


def read_health(paths: Iterable[Path], review: Review) -> None:
    h = review.health
    rows: list[tuple[float, str, float | None, float | None, float | None]] = []
    for path in paths:
        h.files.append(str(path))
        bad = 0
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                for line in f:
                    if '"sample"' not in line:
                        continue
                    try:
                        record = json.loads(line)
                        if record.get("type") != "sample":
                            continue
                        rows.append((float(record["time"]), str(record.get("state", "live")),
                                     _opt(record.get("kbps")), _opt(record.get("dropped_pct")),
                                     _opt(record.get("congestion"))))
                    except (ValueError, KeyError, TypeError):
                        bad += 1
        except OSError as e:
            review.skipped.append(Skipped(Path(path).name, translate(
                "Review", "The health record could not be read: {reason}").format(reason=e.strerror or e)))
            continue
        if bad:
            review.skipped.append(Skipped(Path(path).name, translate(
                "Review", "{count} unreadable health sample(s) were skipped.").format(count=bad)))
    assert review.start is not None and review.end is not None
    rows = sorted(r for r in rows if review.start - 5 <= r[0] <= review.end + 5)
    h.times = [r[0] for r in rows]
    h.states = [r[1] for r in rows]
    h.kbps = [r[2] if r[1] == "live" else None for r in rows]
    h.dropped_pct = [r[3] for r in rows]
    h.congestion = [r[4] for r in rows]
    # Spans of the show with no sample at all: missing, shown as such.
    cursor = review.start
    for t in h.times:
        if t - cursor > SAMPLE_GAP_S:
            h.missing.append((cursor, t))
        cursor = max(cursor, t + 1.0)  # a sample stands for the second it measured
    if review.end - cursor > SAMPLE_GAP_S:
        h.missing.append((cursor, review.end))
    if not h.files:
        review.skipped.append(Skipped("", translate(
            "Review", "No health record was found for this show: the technical chart is empty.")))


def _opt(value: Any) -> float | None:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _verdict_faults(review: Review) -> list[Fault]:
    """Without a health record: the critical spans the show log's ``health_changed`` verdicts give."""
    kinds = {"reconnecting": "reconnecting", "obs_gone": "obs_gone", "bitrate": "low_bitrate"}
    labels = {"reconnecting": translate("Review", "Stream reconnecting to the platform (viewers see a frozen "
                                                  "picture)"),
              "obs_gone": translate("Review", "OBS not answering (no picture from the console)"),
              "low_bitrate": translate("Review", "Bitrate below 800 kbit/s (picture drops to 标清)")}
    out: list[Fault] = []
    open_at: tuple[float, str] | None = None
    for at, level, reason in [*review.health_verdicts, (review.end or 0.0, "", "")]:
        if open_at is not None and (level != "critical" or kinds.get(reason) != open_at[1]):
            out.append(Fault(open_at[1], open_at[0], at, labels[open_at[1]], "log"))
            open_at = None
        if level == "critical" and reason in kinds and open_at is None:
            open_at = (at, kinds[reason])
    return out


def health_faults(review: Review) -> None:
    h = review.health
    if not h.times:
        review.faults.extend(_verdict_faults(review))
        return
    congestion = h.congestion
    labels = {"obs_gone": translate("Review", "OBS not answering (no picture from the console)"),
              "reconnecting": translate("Review", "Stream reconnecting to the platform (viewers see a frozen "
                                                  "picture)"),
              "low_bitrate": translate("Review", "Bitrate below 800 kbit/s (picture drops to 标清)"),
              "congestion": translate("Review", "Network congestion"),
              "dropped_frames": translate("Review", "Frames dropped on the network")}

    def runs(flags: list[bool]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        begin: int | None = None
        for i, flag in enumerate(flags):
            broken = begin is not None and i > 0 and h.times[i] - h.times[i - 1] > SAMPLE_GAP_S
            if begin is not None and (not flag or broken):
                out.append((begin, i - 1))
                begin = None
            if flag and begin is None:
                begin = i
        if begin is not None:
            out.append((begin, len(flags) - 1))
        return out

    found: list[Fault] = []
    for state in ("obs_gone", "reconnecting"):
        for a, b in runs([s == state for s in h.states]):
            found.append(Fault(state, h.times[a], h.times[b] + 1.0, labels[state], "health"))
    checks = (
        ("low_bitrate", [s == "live" and k is not None and k < LOW_KBPS
                         for s, k in zip(h.states, h.kbps, strict=False)], LOW_BITRATE_MIN_S),
        ("congestion", [c is not None and c >= CONGESTION_LEVEL for c in congestion], CONGESTION_MIN_S),
        ("dropped_frames", [d is not None and d >= DROPPED_PCT_LEVEL for d in h.dropped_pct], 0.0),
    )
    for kind, flags, minimum in checks:
        for a, b in runs(flags):
            if h.times[b] + 1.0 - h.times[a] >= minimum:
                found.append(Fault(kind, h.times[a], h.times[b] + 1.0, labels[kind], "health"))
    # One outage seen by the log and by the samples is one fault (the samples' span wins).
    merged = list(review.faults)
    for fault in found:
        twin = next((f for f in merged if f.kind == fault.kind and f.source == "log"
                     and f.start <= fault.end + 5 and fault.start <= f.end + 5), None)
        if twin is not None:
            twin.start, twin.end = min(twin.start, fault.start), max(twin.end, fault.end)
            twin.source = "health+log"
        else:
            merged.append(fault)
    review.faults = merged
