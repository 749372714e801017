"""The diary read once for the Trends charts: each field's logged days, and the weeks.

``trend_data`` reads the daily logs once, keeping each field's logged days (missing days and
missing fields are simply absent, never 0) and Monday-start weekly summaries; breathing
sessions and rehab days are folded into the same weeks. ``charts.chart_specs`` then cuts a
range out of it (``ranges``) and describes each chart as data. Pure: no Textual, no plotext,
no store.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.records import BreathingSession, CheckIn, DailyLog, RehabDay
from sciatica_tui.domain.weekly import PeriodSummary, monday_of, summarize

# Fields kept day by day (reach fields as their rank, none=0 … foot=5).
DAILY_FIELDS: tuple[str, ...] = (
    "leg_pain",
    "back_pain",
    "pain_reach",
    "numbness",
    "walking_minutes",
    "sitting_minutes",
    "sleep_hours",
    "sleep_quality",
    "pain_med_doses",
)


@dataclass(frozen=True)
class DailyValues:
    """One field's logged days (as ordinals, ascending) and values."""

    days: list[int] = field(default_factory=list)
    values: list[float] = field(default_factory=list)

    def between(self, first: date, last: date) -> tuple[list[int], list[float]]:
        """The days and values from ``first`` to ``last`` (both included)."""
        low = bisect_left(self.days, first.toordinal())
        high = bisect_right(self.days, last.toordinal())
        return self.days[low:high], self.values[low:high]


@dataclass(frozen=True)
class TrendData:
    """Everything the charts need, for all time; ``chart_specs`` cuts ranges out of it."""

    today: date
    first_day: date | None
    days_logged: int
    daily: dict[str, DailyValues]
    weeks: list[PeriodSummary]
    breathing_minutes: dict[date, float]
    rehab_days_ticked: dict[date, int]
    # The weekly check-ins up to today, oldest first (they have a chart of their own).
    check_ins: tuple[CheckIn, ...] = ()
    # Flare-ups in each Monday-start week (Monday: count); empty when none was ever logged.
    flare_ups_per_week: dict[date, int] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """True when nothing at all has been recorded."""
        return self.first_day is None

    def weeks_between(self, first_monday: date) -> list[PeriodSummary]:
        """The weekly summaries from ``first_monday``'s week to today's."""
        if not self.weeks:
            return []
        start = (first_monday - self.weeks[0].first_day).days // 7
        return self.weeks[max(0, start) :]


def trend_data(
    logs: Iterable[DailyLog],
    sessions: Iterable[BreathingSession],
    rehab_days: Iterable[RehabDay],
    today: date,
    check_ins: Iterable[CheckIn] = (),
    flare_ups: Iterable[FlareUp] = (),
) -> TrendData:
    """Read the diary once and keep what the charts need (nothing after ``today``)."""
    daily = {name: DailyValues() for name in DAILY_FIELDS}
    by_week: dict[date, list[DailyLog]] = defaultdict(list)
    first: date | None = None
    count = 0
    for log in sorted(logs, key=lambda entry: entry.date):
        if log.date > today:
            continue
        count += 1
        first = first or log.date
        ordinal = log.date.toordinal()
        for name in DAILY_FIELDS:
            value = getattr(log, name)
            if value is None:
                continue
            series = daily[name]
            series.days.append(ordinal)
            series.values.append(value.rank if name == "pain_reach" else value)
        by_week[monday_of(log.date)].append(log)

    breathing: dict[date, float] = defaultdict(float)
    for session in sessions:
        day = session.started_at.date()
        if day <= today:
            breathing[monday_of(day)] += session.elapsed_seconds / 60
            first = min(first, day) if first else day
    rehab: dict[date, int] = defaultdict(int)
    for rehab_day in rehab_days:
        if rehab_day.done and rehab_day.date <= today:
            rehab[monday_of(rehab_day.date)] += 1
            first = min(first, rehab_day.date) if first else rehab_day.date
    flares = weekly_flare_ups(flare_ups, today)
    if flares:
        first = min(first, min(flares)) if first else min(flares)

    weeks: list[PeriodSummary] = []
    if first is not None:
        week = monday_of(first)
        while week <= today:
            weeks.append(summarize(by_week.get(week, ()), week, week + timedelta(days=6)))
            week += timedelta(days=7)
    kept = tuple(sorted((c for c in check_ins if c.date <= today), key=lambda c: c.date))
    return TrendData(today, first, count, daily, weeks, dict(breathing), dict(rehab), kept, flares)


def weekly_flare_ups(flare_ups: Iterable[FlareUp], today: date) -> dict[date, int]:
    """How many flare-ups each Monday-start week holds (keyed by its Monday), up to
    ``today``; a week without one is absent."""
    counts: dict[date, int] = defaultdict(int)
    for flare_up in flare_ups:
        day = flare_up.at.date()
        if day <= today:
            counts[monday_of(day)] += 1
    return dict(counts)
