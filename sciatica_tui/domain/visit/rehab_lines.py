"""The visit summary's part on rehab exercises: this week in words ("Exercises: 5 of 7 days
this week, 80% of the plan") and the last four weeks, as Markdown (a grid of days) and as the
PDF's lines (a week a line). Counted against the person's plan (``rehab_review``)."""

from __future__ import annotations

from datetime import date

from sciatica_tui.domain.records import DiaryExcerpt
from sciatica_tui.domain.rehab_review import (
    GRID_LEGEND,
    RecentWeeks,
    exercises_line,
    visit_weeks,
    week_grid_rows,
    weeks_before_line,
)
from sciatica_tui.domain.visit.markdown import section

SECTION_TITLE = "Rehab exercises: my plan, the last 4 weeks"


def _weeks_with_ticks(diary: DiaryExcerpt, as_of: date) -> RecentWeeks:
    weeks = visit_weeks(diary, as_of)
    if not weeks or not any(day.done for _week, days in weeks for day in days):
        return ()  # no plan, or nothing ticked: the story's rehab line says so
    return weeks


def rehab_section(diary: DiaryExcerpt, as_of: date) -> str | None:
    """The part as Markdown, or None when nothing was ticked in the four weeks."""
    weeks = _weeks_with_ticks(diary, as_of)
    if not weeks:
        return None
    grid = "\n".join(week_grid_rows(weeks))
    body = f"- {exercises_line(weeks)}.\n\n```text\n{grid}\n```\n\n{GRID_LEGEND}."
    return section(SECTION_TITLE, body)


def rehab_items(diary: DiaryExcerpt, as_of: date) -> list[str]:
    """The PDF's two lines, said with the progress (two pages hold a visit): this week, and
    the weeks before it (none when nothing was ticked in the four weeks)."""
    weeks = _weeks_with_ticks(diary, as_of)
    if not weeks:
        return []
    return [f"{exercises_line(weeks)}.", weeks_before_line(weeks)]
