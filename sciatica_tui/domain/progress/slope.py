"""Is leg pain still easing, or has it levelled off? A robust slope over the last 28 days.

The slope is Theil–Sen's: the median of the slopes between every pair of logged days. One bad
day (or one very good one) moves it hardly at all, where a straight-line fit would tilt.

* It needs ``MIN_TREND_DAYS`` logged days in the last 28, the first and last of them at least
  ``MIN_TREND_SPAN`` days apart; otherwise there is not enough data to say.
* Leg pain easing by ``TREND_POINTS_A_WEEK`` (a quarter point a week: one point over four
  weeks) or more is "still improving"; rising as much is "getting worse"; anything in between
  is "levelled off".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from statistics import median

from sciatica_tui.domain.progress.windows import FOUR_WEEKS

MIN_TREND_DAYS = 10
MIN_TREND_SPAN = 14
TREND_POINTS_A_WEEK = 0.25
_EPSILON = 1e-9


class Trend(StrEnum):
    """Which way leg pain is heading over the last four weeks."""

    IMPROVING = "improving"
    LEVELLED_OFF = "levelled_off"
    WORSENING = "worsening"
    NOT_ENOUGH_DATA = "not_enough_data"


@dataclass(frozen=True)
class TrendReading:
    """The trend, the slope behind it (points a week) and what it was read from."""

    trend: Trend
    points_a_week: float | None
    days_logged: int
    typical_level: float | None


def theil_sen(points: Sequence[tuple[float, float]]) -> float | None:
    """The median slope over every pair of points with different x; None with no such pair."""
    slopes = [
        (y2 - y1) / (x2 - x1)
        for index, (x1, y1) in enumerate(points)
        for x2, y2 in points[index + 1 :]
        if x2 != x1
    ]
    return float(median(slopes)) if slopes else None


def leg_pain_trend(daily: Iterable[tuple[date, float]], as_of: date) -> TrendReading:
    """The trend of daily leg pain over the 28 days ending on ``as_of``."""
    first_day = as_of - timedelta(days=FOUR_WEEKS - 1)
    recent = sorted((day, value) for day, value in daily if first_day <= day <= as_of)
    days = len({day for day, _ in recent})
    if days < MIN_TREND_DAYS or (recent[-1][0] - recent[0][0]).days < MIN_TREND_SPAN:
        return TrendReading(Trend.NOT_ENOUGH_DATA, None, days, None)
    slope = theil_sen([(float((day - first_day).days), value) for day, value in recent])
    level = float(median(value for _, value in recent))
    assert slope is not None, "ten logged days over two weeks always give a pair of days"
    a_week = 7 * slope
    if a_week <= -TREND_POINTS_A_WEEK + _EPSILON:
        trend = Trend.IMPROVING
    elif a_week >= TREND_POINTS_A_WEEK - _EPSILON:
        trend = Trend.WORSENING
    else:
        trend = Trend.LEVELLED_OFF
    return TrendReading(trend, a_week, days, level)
