"""The weeks a visit's story and chart read: seven-day weeks ending on the "as of" day.

Weeks are the seven days ending on the "as of" day and the seven-day stretches before it
(every week has seven days, so the last four weeks are exactly 28 days); means come from
``weekly.summarize`` over the days that were logged.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.weekly import PeriodSummary, summarize

STORY_WEEKS = 4
CHART_WEEKS = 8


def story_as_of(visit_date: date, today: date) -> date:
    """The last day a visit's story can draw on: the visit day, or today for a future visit."""
    return min(visit_date, today)


def days_read(visit_date: date, today: date) -> tuple[date, date]:
    """The first and last day of the diary a visit's story and chart read: the chart's weeks
    up to the visit day (up to today for a future visit)."""
    as_of = story_as_of(visit_date, today)
    return as_of - timedelta(days=7 * CHART_WEEKS), as_of


def recent_weeks(logs: Iterable[DailyLog], as_of: date, count: int) -> list[PeriodSummary]:
    """``count`` seven-day weeks ending on ``as_of``, oldest first."""
    kept = [log for log in logs if as_of - timedelta(days=7 * count) < log.date <= as_of]
    weeks = []
    for back in range(count - 1, -1, -1):
        last = as_of - timedelta(days=7 * back)
        weeks.append(summarize(kept, last - timedelta(days=6), last))
    return weeks
