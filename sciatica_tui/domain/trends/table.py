"""The Trends weeks as a table: one line per Monday-start week (``sciatica trends``)."""

from __future__ import annotations

import textwrap
from typing import Any

from sciatica_tui.domain.records import REACH_LABELS, Reach
from sciatica_tui.domain.trends.ranges import trend_range
from sciatica_tui.domain.trends.series import TrendData
from sciatica_tui.domain.weekly import PeriodSummary
from sciatica_tui.domain.words import date_words

TABLE_NOTE = textwrap.fill(
    "Leg, Back, Numb: weekly means (0-10). Reach: how far down the pain reached (median). "
    "Walk, Sit: minutes. Sleep: hours. Doses: pain-relief doses a day. Breathe: minutes in "
    "the week. Rehab: days with at least one rehab item ticked, out of 7. '-': not logged.",
    width=79,
)


def _mean(week: PeriodSummary, name: str, decimals: int = 1) -> str:
    value = week.mean(name)
    return "-" if value is None else f"{value:.{decimals}f}"


def _reach(week: PeriodSummary) -> str:
    rank = week.reach_median("pain_reach")
    if rank is None:
        return "-"
    # A median between two levels is shown as the lower of the two on the body.
    levels = list(Reach)
    return REACH_LABELS[levels[min(int(rank + 0.5), len(levels) - 1)]].replace("the ", "")


TABLE_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Week of", 11),
    ("Days", 4),
    ("Leg", 4),
    ("Back", 4),
    ("Reach", 11),
    ("Numb", 4),
    ("Walk", 4),
    ("Sit", 4),
    ("Sleep", 5),
    ("Doses", 5),
    ("Breathe", 7),
    ("Rehab", 5),
)


def weekly_table(data: TrendData, weeks: int | None) -> str:
    """One line per Monday-start week of the range, oldest first."""
    span = trend_range(data, weeks)
    rows = []
    for week in data.weeks_between(span.first_monday):
        breathing = data.breathing_minutes.get(week.first_day, 0.0)
        rehab = data.rehab_days_ticked.get(week.first_day, 0)
        rows.append(
            (
                date_words(week.first_day),
                f"{week.days_logged}/7",
                _mean(week, "leg_pain"),
                _mean(week, "back_pain"),
                _reach(week),
                _mean(week, "numbness"),
                _mean(week, "walking_minutes", 0),
                _mean(week, "sitting_minutes", 0),
                _mean(week, "sleep_hours"),
                _mean(week, "pain_med_doses"),
                f"{breathing:.0f} min",
                f"{rehab}/7",
            )
        )
    lines = [_table_line(name for name, _ in TABLE_COLUMNS)]
    lines.append(_table_line("-" * width for _, width in TABLE_COLUMNS))
    lines += [_table_line(row) for row in rows]
    return "\n".join(lines) + "\n"


def _table_line(cells: Any) -> str:
    parts = []
    for index, (cell, (_, width)) in enumerate(zip(cells, TABLE_COLUMNS, strict=True)):
        left = index in (0, 4)
        parts.append(f"{cell:<{width}}" if left else f"{cell:>{width}}")
    return " ".join(parts).rstrip()
