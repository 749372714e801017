"""The ranges the Trends charts show: the last 4 or 12 Monday-start weeks, or all time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sciatica_tui.domain.trends.series import TrendData
from sciatica_tui.domain.weekly import monday_of

# Longer ranges than this show weekly means only: day-by-day points would be a smear.
MAX_WEEKS_OF_DAILY_POINTS = 16
RANGES: tuple[int | None, ...] = (4, 12, None)  # None: all time


@dataclass(frozen=True)
class TrendRange:
    """The weeks a range covers: from ``first_monday`` to ``last_day`` (today)."""

    weeks: int | None
    first_monday: date
    last_day: date

    @property
    def week_count(self) -> int:
        """How many Monday-start weeks the range holds."""
        return (self.last_day - self.first_monday).days // 7 + 1

    @property
    def daily_points(self) -> bool:
        """True when the range is short enough to show each day."""
        return self.week_count <= MAX_WEEKS_OF_DAILY_POINTS

    def x(self, day: date) -> int:
        """A day's place on the x axis."""
        return (day - self.first_monday).days


def range_label(weeks: int | None) -> str:
    """ "4 weeks", "12 weeks", "All time"."""
    return "All time" if weeks is None else f"{weeks} weeks"


def trend_range(data: TrendData, weeks: int | None) -> TrendRange:
    """The range of the last ``weeks`` Monday-start weeks (all time when None)."""
    return TrendRange(weeks, first_monday(data.today, weeks, data.first_day), data.today)


def first_monday(today: date, weeks: int | None, first_day: date | None) -> date:
    """The Monday the range of the last ``weeks`` weeks starts on; for all time (None), the
    Monday of ``first_day`` (this week's when nothing was recorded)."""
    this_monday = monday_of(today)
    if weeks is None:
        return monday_of(first_day) if first_day else this_monday
    return this_monday - timedelta(weeks=weeks - 1)
