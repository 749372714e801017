"""Summaries of the diary over a stretch of days: means over logged days, medians for reach.

Used by the weekly review (rolling 7-day windows), the Trends charts (Monday-start weeks)
and the clinic summary. Days that were not logged are simply absent: they never count as 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import mean, median

from sciatica_tui.domain.records import DailyLog, Reach, Weakness

# Fields averaged over the days they were logged.
MEAN_FIELDS: tuple[str, ...] = (
    "leg_pain",
    "back_pain",
    "numbness",
    "walking_minutes",
    "sitting_minutes",
    "sleep_hours",
    "sleep_quality",
    "mood",
    "pain_med_doses",
)
# Reach fields, summarised by the median of their rank (none=0 … foot=5).
REACH_FIELDS: tuple[str, ...] = ("pain_reach", "numbness_reach")


@dataclass(frozen=True)
class PeriodSummary:
    """What a stretch of days looked like."""

    first_day: date
    last_day: date
    days_logged: int = 0
    means: dict[str, float] = field(default_factory=dict)
    reach_medians: dict[str, float] = field(default_factory=dict)
    field_days: dict[str, int] = field(default_factory=dict)
    weakness_days: int = 0
    marked_weakness_days: int = 0

    def mean(self, name: str) -> float | None:
        """The mean of ``name`` over the days it was logged, or None when never logged."""
        return self.means.get(name)

    def reach_median(self, name: str) -> float | None:
        """The median reach rank of ``name``, or None when never logged."""
        return self.reach_medians.get(name)

    def days_with(self, name: str) -> int:
        """On how many days ``name`` was filled in."""
        return self.field_days.get(name, 0)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form (rounded for reading)."""
        return {
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "days_logged": self.days_logged,
            **{f"{name}_mean": round(value, 2) for name, value in self.means.items()},
            **{f"{name}_median": value for name, value in self.reach_medians.items()},
            "weakness_days": self.weakness_days,
            "marked_weakness_days": self.marked_weakness_days,
        }


def summarize(logs: Iterable[DailyLog], first_day: date, last_day: date) -> PeriodSummary:
    """Summarise the logs that fall between ``first_day`` and ``last_day`` (both included)."""
    values: dict[str, list[float]] = defaultdict(list)
    reaches: dict[str, list[int]] = defaultdict(list)
    days = weak = marked = weakness_logged = 0
    for log in logs:
        if not first_day <= log.date <= last_day:
            continue
        days += 1
        if log.weakness is not None:
            weakness_logged += 1
        for name in MEAN_FIELDS:
            value = getattr(log, name)
            if value is not None:
                values[name].append(value)
        for name in REACH_FIELDS:
            reach: Reach | None = getattr(log, name)
            if reach is not None:
                reaches[name].append(reach.rank)
        if log.weakness in (Weakness.MILD, Weakness.MARKED):
            weak += 1
        if log.weakness is Weakness.MARKED:
            marked += 1
    field_days = {name: len(v) for name, v in values.items()}
    field_days.update({name: len(v) for name, v in reaches.items()})
    if weakness_logged:
        field_days["weakness"] = weakness_logged
    return PeriodSummary(
        first_day=first_day,
        last_day=last_day,
        days_logged=days,
        means={name: mean(v) for name, v in values.items()},
        reach_medians={name: float(median(v)) for name, v in reaches.items()},
        field_days=field_days,
        weakness_days=weak,
        marked_weakness_days=marked,
    )


def monday_of(day: date) -> date:
    """The Monday that starts ``day``'s week."""
    return day - timedelta(days=day.weekday())


def weekly_summaries(
    logs: Iterable[DailyLog], first_day: date, last_day: date
) -> list[PeriodSummary]:
    """One summary per Monday-start week from ``first_day``'s week to ``last_day``'s week,
    weeks without logs included (with ``days_logged`` 0), in one pass over the logs."""
    by_week: dict[date, list[DailyLog]] = defaultdict(list)
    for log in logs:
        if first_day <= log.date <= last_day:
            by_week[monday_of(log.date)].append(log)
    summaries = []
    week = monday_of(first_day)
    while week <= last_day:
        end = week + timedelta(days=6)
        summaries.append(summarize(by_week.get(week, ()), week, end))
        week += timedelta(days=7)
    return summaries
