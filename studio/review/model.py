"""The review after the show (复盘) as plain data: what was on air when, per product, the rhythm,
the technical faults — computed from the show log and the health record, plus the platform's data
when it was imported. The window, the HTML file and the PDF only render this model.

    review = build_review(log_path, health_paths=None, platform=None, tz=None)
    review.steps / moments / spans / gaps        the timeline (planned against actual)
    review.products                              windows (返场 included), pushes, time on screen, sales
    review.lotteries                             start, draw, how long viewers were held, online count
    review.faults                                start, duration, what was on air
    review.health                                the bitrate / dropped-frames series (gaps stay gaps)
    review.skipped                               what could not be read, in plain words
    review.as_dict()                             JSON for the CLI (the health series thinned)

``health_paths=None`` looks for the show's health files in ``studio.health.record.health_dir()``
(every file whose samples overlap the show: a crash and resume leaves two). Nothing here is
interpolated: a minute or a sample that is not on disk is reported as missing.

Blocking (file I/O): from the GUI call it through ``asyncio.to_thread``.

The parts, one module each: ``types`` (the plain data), ``replay`` (the show log → the timeline),
``health_faults`` (the health record → series and faults), ``matching`` (products and the
platform's data), ``shows`` (the list of past shows, comparing two). Every name imports from here
as before.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from pathlib import Path

from studio.health.record import health_dir
from studio.review.health_faults import (
    CONGESTION_LEVEL,
    CONGESTION_MIN_S,
    DROPPED_PCT_LEVEL,
    LOW_BITRATE_MIN_S,
    LOW_KBPS,
    SAMPLE_GAP_S,
    find_health_files,
    health_faults,
    read_health,
)
from studio.review.matching import products_and_platform, sum_metric
from studio.review.platform import PlatformData, tz_label
from studio.review.replay import GAP_MIN_S, RESUME_GAP_MIN_S, Replay, read_events
from studio.review.shows import CompareRow, Comparison, ShowEntry, compare, list_shows
from studio.review.types import (
    OVERRUN_GRACE_S,
    PLAY_KINDS,
    TIMER_KINDS,
    Fault,
    Gap,
    HealthSeries,
    LotteryReview,
    Metric,
    Moment,
    ProductReview,
    Review,
    Skipped,
    Span,
    StepRow,
    Window,
    fault_word,
    step_word,
)

__all__ = [
    "CONGESTION_LEVEL", "CONGESTION_MIN_S", "DROPPED_PCT_LEVEL", "GAP_MIN_S", "LOW_BITRATE_MIN_S", "LOW_KBPS",
    "OVERRUN_GRACE_S", "PLAY_KINDS", "RESUME_GAP_MIN_S", "SAMPLE_GAP_S", "TIMER_KINDS",
    "CompareRow", "Comparison", "Fault", "Gap", "HealthSeries", "LotteryReview", "Metric", "Moment",
    "ProductReview", "Review", "ShowEntry", "Skipped", "Span", "StepRow", "Window",
    "build_review", "compare", "fault_word", "find_health_files", "list_shows", "step_word", "sum_metric",
]


def build_review(log_path: Path, *, health_paths: list[Path] | None = None,
                 platform: PlatformData | None = None, tz: tzinfo | None = None) -> Review:
    local = tz or datetime.now().astimezone().tzinfo or UTC
    review = Review(str(log_path), tz=local)
    events = read_events(Path(log_path), review)
    Replay(review).run(events)
    if review.start is not None:
        review.tz_label = tz_label(local, datetime.fromtimestamp(review.start, local))
        paths = health_paths if health_paths is not None else find_health_files(
            health_dir(), review.start, review.end or review.start)
        read_health(paths, review)
        health_faults(review)
        review.platform = platform
        products_and_platform(review)
        review.faults.sort(key=lambda f: (f.start, f.kind))
        for fault in review.faults:
            if not fault.on_air:
                fault.on_air = review.on_air_at(fault.start)
    return review
