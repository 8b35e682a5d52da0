"""The figures a benchmark prints, computed one way: times measured in seconds, printed in ms."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def median_ms(times: Sequence[float]) -> float:
    return statistics.median(times) * 1000


def p90_ms(times: Sequence[float]) -> float:
    """The 90th percentile: the slow end a host would notice, without the single worst outlier."""
    return statistics.quantiles(times, n=10)[-1] * 1000
