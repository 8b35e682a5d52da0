"""How work grows with its input, measured in this process's CPU time (other processes' load does
not count, unlike a wall-clock deadline that failed on a busy machine): run at n and at 8·n, best
of a few; a linear step grows about 8×, a quadratic one about 64×."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

FACTOR = 8
LINEAR_AT_MOST = 3 * FACTOR  # well above linear (8×) with noise, well below quadratic (64×)


def cpu_seconds(work: Callable[[], object], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def assert_linear(work_at: Callable[[int], object], n: int, *, most: int = 400_000,
                  floor_s: float = 0.005) -> None:
    """``work_at(n)`` and ``work_at(FACTOR·n)``: the bigger costs at most LINEAR_AT_MOST × the smaller.

    ``n`` doubles (up to ``most``) until the smaller run takes ``floor_s`` of CPU, so a quadratic
    step cannot hide under the clock's grain; work that stays tiny even then is not growing."""
    small = cpu_seconds(lambda: work_at(n))
    while small < floor_s and n * 2 <= most:
        n *= 2
        small = cpu_seconds(lambda n=n: work_at(n))
    big = cpu_seconds(lambda: work_at(FACTOR * n))
    assert big <= LINEAR_AT_MOST * max(small, floor_s), (
        f"{FACTOR}× the input (n={n}) took {big / max(small, 1e-9):.0f}× the CPU time ({small * 1e3:.1f} ms → "
        f"{big * 1e3:.1f} ms): worse than linear")
