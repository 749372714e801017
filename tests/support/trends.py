"""Helpers for the Trends tests: a Saturday to count back from, breathing sessions, and
finding one chart among a range's specs."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sciatica_tui.domain.records import BreathingSession, DailyLog, Reach
from sciatica_tui.domain.trends.chart_spec import ChartSpec

TODAY = date(2026, 11, 21)  # a Saturday
THIS_MONDAY = date(2026, 11, 16)
# Twenty days to TODAY: leg pain 3 to 6, pain to the thigh, 20 minutes' walking.
TWENTY_DAYS = [
    DailyLog(TODAY - timedelta(days=i), 3 + i % 4, 2, pain_reach=Reach.THIGH, walking_minutes=20)
    for i in range(20)
]


def session(day: date, minutes: float) -> BreathingSession:
    return BreathingSession(
        datetime.combine(day, datetime.min.time()), 4, 4, 4, 4, 180, minutes * 60, 3, True
    )


def chart(specs: tuple[ChartSpec, ...], chart_id: str) -> ChartSpec:
    return next(spec for spec in specs if spec.id == chart_id)
