"""The small text chart of weekly leg pain that goes beside a visit's story."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.visit.weeks import CHART_WEEKS, STORY_WEEKS, recent_weeks
from sciatica_tui.domain.words import day_span, plural

CHART_WIDTH = 20  # characters for a weekly mean of 10


def leg_pain_chart(logs: Iterable[DailyLog], as_of: date, weeks: int = CHART_WEEKS) -> str:
    """A small text bar chart of the weekly mean leg pain, oldest week first.

    Weeks before the first logged one are left out, but at least four weeks are shown.
    """
    summaries = recent_weeks(logs, as_of, weeks)
    while len(summaries) > STORY_WEEKS and summaries[0].days_logged == 0:
        summaries.pop(0)
    labels = [day_span(w.first_day, w.last_day, as_of) for w in summaries]
    width = max(len(label) for label in labels)
    rows = [f"{'Week':<{width}}  0{' ' * (CHART_WIDTH // 2 - 1)}5{' ' * (CHART_WIDTH // 2 - 2)}10"]
    for label, week in zip(labels, summaries, strict=True):
        leg = week.mean("leg_pain")
        if leg is None:
            rows.append(f"{label:<{width}} |{' ' * CHART_WIDTH}|  --  not logged")
            continue
        bar = "#" * int(leg * CHART_WIDTH / 10 + 0.5)
        days = plural(week.days_logged, "day")
        rows.append(f"{label:<{width}} |{bar:<{CHART_WIDTH}}| {leg:4.1f}  ({days})")
    return "\n".join(rows)
