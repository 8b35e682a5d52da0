"""tests/growth.py can fail: it tells a quadratic step from a linear one, even a fast one."""

from __future__ import annotations

import pytest

from tests.growth import assert_linear


def test_linear_work_passes() -> None:
    assert_linear(lambda n: " ".join(["ab"] * n).split(), 20_000)


def test_quadratic_work_fails_even_when_it_starts_under_the_clock_grain() -> None:
    with pytest.raises(AssertionError, match="worse than linear"):
        assert_linear(lambda n: sum(range(n * n // 20_000)), 1_000)
