"""What the Rehab tab says under the checklist: how this week and the last four weeks went, in
words and a grid of days, and the cautions that apply in every phase (in full where there is
room, else folded into one line whose key opens them all)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from sciatica_tui.domain.content_schema import RehabContent
from sciatica_tui.domain.rehab import (
    WEEKDAY_INITIALS,
    ChecklistEntry,
    DayAdherence,
    WeeklyAdherence,
    day_mark,
    grid_legend,
    week_words,
)
from sciatica_tui.domain.teaching import TeachingPart, Topic
from sciatica_tui.domain.words import short_day
from sciatica_tui.screens.dialogs.learn_more import marked

LEGEND = grid_legend("   ")
CAUTIONS_KEY = "c"


def adherence_lines(
    weeks: Sequence[tuple[WeeklyAdherence, tuple[DayAdherence, ...]]],
    done_today: int,
    size: int,
    *,
    roomy: bool,
    width: int,
) -> RenderableType:
    """Today and this week in words; with ``roomy`` height, the last four weeks as a grid of
    days with a legend, else last week in words where the ``width`` leaves room."""
    this_week = weeks[-1][0]
    text = Text()
    text.append("Today: ", style="bold")
    text.append(f"{done_today} of {size} done · ")
    text.append("This week: ", style="bold")
    text.append(week_words(this_week))
    if not roomy:
        if len(weeks) > 1:
            last_week = f" · Last week: {week_words(weeks[-2][0])}"
            if text.cell_len + len(last_week) <= width:
                text.append(last_week)
        return text
    grid = Table(box=None, padding=(0, 1, 0, 0), show_edge=False, header_style="bold")
    grid.add_column("Week of", no_wrap=True, min_width=8)
    for initial in WEEKDAY_INITIALS:
        grid.add_column(initial, justify="center", no_wrap=True)
    grid.add_column("Days", justify="right", no_wrap=True, min_width=8)
    grid.add_column("Plan", justify="right", no_wrap=True)
    for week, days in weeks:
        cells = [day_mark(day) for day in days] + [""] * (7 - len(days))
        grid.add_row(
            short_day(week.week_start),
            *cells,
            f"{week.active_days} of {week.days_counted}",
            f"{week.percent}%",
        )
    heading = Text("\nThe last 4 weeks", style="bold")
    return Group(text, heading, grid, Text(LEGEND, style="italic"))


def cautions_text(plan: RehabContent, *, after_surgery: bool, roomy: bool) -> RenderableType:
    """The cautions that apply to every phase (and the surgery rule when it applies): each
    on its line with ``roomy`` height, else in one short line with the key that opens them
    all (the surgery rule keeps a short line of its own). A line that wraps goes on under its
    words, not under its mark."""
    if not roomy:
        text = Text()
        text.append(plan.caution_line, style="bold")
        text.append(f" · {CAUTIONS_KEY}: all cautions")
        lines = [marked("⚠", text)]
        if after_surgery:
            lines.append(marked("⚠", Text(plan.surgery_line)))
        return Group(*lines)
    rules = [*plan.general_cautions, *([plan.after_surgery] if after_surgery else [])]
    return Group(Text("⚠ Always: ", style="bold"), *(marked("•", Text(line)) for line in rules))


def cautions_topic(
    plan: RehabContent, *, after_surgery: bool, entries: Iterable[ChecklistEntry]
) -> Topic:
    """Every caution of the tab, to read in full: the ones of every phase, the surgery rule
    when it applies, and those of the exercises in the plan shown (``entries``)."""
    lines = "\n".join(f"• {line}" for line in plan.general_cautions)
    parts = [TeachingPart("In every phase", lines)]
    if after_surgery:
        parts.append(TeachingPart("After surgery", plan.after_surgery))
    own = [f"• {entry.title}: {entry.caution}" for entry in entries if entry.caution]
    if own:
        parts.append(TeachingPart("The exercises of your plan", "\n".join(own)))
    return Topic("rehab_cautions", "Rehab cautions", "", tuple(parts))
