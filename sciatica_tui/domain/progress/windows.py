"""The stretches of days the progress report compares.

* **Now**: the 7 calendar days ending on the "as of" day.
* **Baseline** ("the start"): the first 7 logged days on or after the onset date (from the
  first log when no onset date is set), counting only days before the "now" window, and only
  within 28 days of the first of them. So a person who logs every day has the first calendar
  week of their diary; one who missed days at the start still gets seven logged days, as long
  as they fall within four weeks; a diary younger than two weeks compares its first days with
  its last seven, never a day with itself.
* **Last four weeks**: the 28 days ending on the "as of" day, against the 28 days before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

NOW_DAYS = 7
BASELINE_LOGGED_DAYS = 7
BASELINE_MAX_DAYS = 28
FOUR_WEEKS = 28


@dataclass(frozen=True)
class Window:
    """A stretch of days, both ends included, and how many of them were logged."""

    first_day: date
    last_day: date
    days_logged: int

    def holds(self, day: date) -> bool:
        """True when ``day`` falls in the window."""
        return self.first_day <= day <= self.last_day

    def to_dict(self) -> dict[str, object]:
        """``{"first_day", "last_day", "days_logged"}`` for the JSON output."""
        return {
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "days_logged": self.days_logged,
        }


def window_ending(last_day: date, days: int, logged_days: Iterable[date]) -> Window:
    """The ``days`` calendar days ending on ``last_day``."""
    first_day = last_day - timedelta(days=days - 1)
    logged = sum(1 for day in set(logged_days) if first_day <= day <= last_day)
    return Window(first_day, last_day, logged)


def baseline_window(logged_days: Iterable[date], onset: date | None, before: date) -> Window | None:
    """The first ``BASELINE_LOGGED_DAYS`` logged days on or after ``onset`` and before
    ``before``, within ``BASELINE_MAX_DAYS`` of the first; None when there is none."""
    days = sorted({day for day in logged_days if day < before and (onset is None or day >= onset)})
    if not days:
        return None
    first = days[0]
    latest = first + timedelta(days=BASELINE_MAX_DAYS - 1)
    chosen = [day for day in days if day <= latest][:BASELINE_LOGGED_DAYS]
    return Window(first, chosen[-1], len(chosen))


def now_window(as_of: date, logged_days: Iterable[date]) -> Window:
    """The 7 days ending on ``as_of``."""
    return window_ending(as_of, NOW_DAYS, logged_days)


def four_week_windows(as_of: date, logged_days: Iterable[date]) -> tuple[Window, Window]:
    """(the 28 days before the last 28, the last 28 days ending on ``as_of``)."""
    days = set(logged_days)
    last = window_ending(as_of, FOUR_WEEKS, days)
    previous = window_ending(last.first_day - timedelta(days=1), FOUR_WEEKS, days)
    return previous, last
