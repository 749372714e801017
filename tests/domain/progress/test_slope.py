"""Still improving, levelled off or getting worse: Theil–Sen over the last 28 days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain.progress.slope import Trend, leg_pain_trend, theil_sen

AS_OF = date(2026, 11, 21)


def daily(values: list[float], every: int = 1) -> list[tuple[date, float]]:
    """``values`` on the days up to ``AS_OF``, the last one on ``AS_OF``."""
    count = len(values)
    return [(AS_OF - timedelta(days=every * (count - 1 - n)), v) for n, v in enumerate(values)]


def test_theil_sen_is_the_median_pairwise_slope() -> None:
    assert theil_sen([(0, 0), (1, 1), (2, 2)]) == 1
    assert theil_sen([(0, 5), (1, 5), (2, 5)]) == 0
    assert theil_sen([(0, 1)]) is None
    assert theil_sen([(3, 1), (3, 2)]) is None


def test_one_wild_day_hardly_moves_it() -> None:
    points = [(float(x), 10 - 0.5 * x) for x in range(10)]
    points[4] = (4.0, 30.0)
    assert theil_sen(points) == pytest.approx(-0.5)


@pytest.mark.parametrize(
    ("values", "trend"),
    [
        ([4.0] * 28, Trend.LEVELLED_OFF),  # a plateau
        ([7 - 4 * n / 27 for n in range(28)], Trend.IMPROVING),  # a steady fall, 1 a week
        ([3 + 4 * n / 27 for n in range(28)], Trend.WORSENING),
        # Noise around a level: up and down every day, no way to go.
        ([4 + (2 if n % 2 else -2) + (n % 3 - 1) for n in range(28)], Trend.LEVELLED_OFF),
        # Noise around a steady fall.
        ([7 - 4 * n / 27 + (1.5 if n % 2 else -1.5) for n in range(28)], Trend.IMPROVING),
        # The boundary: a quarter point a week is still improving; a little less is not.
        ([5 - 0.25 * n / 7 for n in range(28)], Trend.IMPROVING),
        ([5 - 0.24 * n / 7 for n in range(28)], Trend.LEVELLED_OFF),
        ([5 + 0.25 * n / 7 for n in range(28)], Trend.WORSENING),
    ],
    ids=[
        "plateau",
        "steady_fall",
        "steady_rise",
        "noise",
        "noisy_fall",
        "at_quarter_point",
        "under_quarter_point",
        "rising_quarter_point",
    ],
)
def test_trend(values: list[float], trend: Trend) -> None:
    assert leg_pain_trend(daily(values), AS_OF).trend is trend


def test_points_a_week_and_level() -> None:
    reading = leg_pain_trend(daily([7 - n / 7 for n in range(28)]), AS_OF)
    assert reading.points_a_week == pytest.approx(-1.0)
    assert reading.days_logged == 28


@pytest.mark.parametrize(
    ("values", "every"),
    [
        ([5.0] * 9, 3),  # nine days: too few
        ([5.0] * 13, 1),  # thirteen days, but only 12 days from first to last
    ],
)
def test_not_enough_data(values: list[float], every: int) -> None:
    reading = leg_pain_trend(daily(values, every), AS_OF)
    assert reading.trend is Trend.NOT_ENOUGH_DATA and reading.points_a_week is None


def test_only_the_last_28_days_count() -> None:
    old_fall = daily([9 - n / 4 for n in range(60)])
    recent_flat = [(day, 2.0) for day, _ in old_fall[-28:]]
    assert leg_pain_trend(old_fall[:-28] + recent_flat, AS_OF).trend is Trend.LEVELLED_OFF
    assert leg_pain_trend(recent_flat, AS_OF - timedelta(days=1)).days_logged == 27


@given(st.lists(st.integers(0, 10), min_size=0, max_size=28))
def test_any_diary_gives_a_trend(values: list[int]) -> None:
    reading = leg_pain_trend(daily([float(v) for v in values]), AS_OF)
    assert (reading.points_a_week is None) == (reading.trend is Trend.NOT_ENOUGH_DATA)
