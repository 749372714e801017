"""What the Rehab tab says under the checklist: how the last four weeks went, and the cautions
that apply in every phase."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from sciatica_tui.domain.rehab import DayAdherence, WeeklyAdherence, spark, sparkline
from sciatica_tui.domain.words import short_day

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def adherence_lines(
    weeks: Sequence[tuple[WeeklyAdherence, tuple[DayAdherence, ...]]],
    done_today: int,
    size: int,
    *,
    roomy: bool,
) -> RenderableType:
    """Today, this week and the last four weeks, in words, numbers and bars."""
    this_week = weeks[-1][0]
    text = Text()
    text.append("Today: ", style="bold")
    text.append(f"{done_today} of {size} done · ")
    text.append("This week: ", style="bold")
    text.append(f"{this_week.active_days} of {this_week.days_counted} days so far with ticks")
    all_days = [day for _, days in weeks for day in days]
    average = round(100 * sum(d.share for d in all_days) / len(all_days))
    if not roomy:
        bars = " ".join(sparkline(days) for _, days in weeks)
        text.append("\nLast 4 weeks: ", style="bold")
        text.append(f"{bars} share done per day, avg {average}%")
        return text
    text.append("\n\nLast 4 weeks", style="bold")
    text.append(f": share of the list done each day (· nothing done). Average {average}%.")
    grid = Table(box=None, padding=(0, 2, 0, 0), show_edge=False, header_style="italic")
    grid.add_column("Week of", no_wrap=True)
    for name in WEEKDAYS:
        grid.add_column(name, justify="right", no_wrap=True)
    grid.add_column("Days with ticks", justify="right", no_wrap=True)
    for week, days in weeks:
        cells = [f"{spark(d.share, d.done)} {round(100 * d.share):>3}%" for d in days]
        cells += [""] * (7 - len(days))
        monday = week.week_start
        grid.add_row(short_day(monday), *cells, f"{week.active_days} of {len(days)}")
    return Group(text, grid)


def cautions_text(cautions: Iterable[str], after_surgery: str | None, *, roomy: bool) -> Text:
    """The cautions that apply to every phase (and the surgery rule when it applies)."""
    lines = list(cautions) + ([after_surgery] if after_surgery else [])
    text = Text()
    text.append("⚠ Always: ", style="bold")
    if roomy:
        for line in lines:
            text.append(f"\n• {line}")
    else:
        text.append(" • ".join(lines))
    return text
