"""Drawing ``ChartSpec``s with plotext, and the weekly table, for the app and the terminal.

``draw_chart`` works on any plotext figure: the Trends tab hands it the figure inside a
``PlotextPlot`` widget, ``charts_as_text`` a bare plotext one. plotext itself is imported
only inside ``charts_as_text``, so importing this module stays cheap.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from sciatica_tui.domain.records import REACH_LABELS, Reach
from sciatica_tui.domain.trends.series import ChartSpec, ColourRole, TrendData, trend_range
from sciatica_tui.domain.weekly import PeriodSummary
from sciatica_tui.domain.words import date_words

# A plotext colour: a name, a 0-255 code or an RGB triple.
PlotColour = str | int | tuple[int, int, int]

# The terminal's own colours for ``sciatica trends`` (the app uses its theme's instead).
TERMINAL_COLOURS: dict[ColourRole, PlotColour] = {
    "primary": "blue+",
    "secondary": "magenta+",
    "accent": "cyan+",
    "warning": "orange+",
    "success": "green+",
    "error": "red+",
}


def draw_chart(
    plt: Any,
    spec: ChartSpec,
    colours: Mapping[ColourRole, PlotColour],
    *,
    title: bool = True,
    legend: bool = True,
) -> None:
    """Clear the plotext figure ``plt`` and draw ``spec`` on it (with its title and legend
    inside the chart unless ``title`` / ``legend`` is False: plotext draws its legend over the
    top left corner, where the first weeks' high pain would be)."""
    plt.clear_figure()
    if title:
        plt.title(spec.title)
    for series in spec.series:
        colour = colours[series.colour]
        if not legend:
            series = replace(series, label=None)
        common = {
            "marker": series.marker,
            "color": colour,
            "label": series.label,
            "yside": series.yside,
        }
        if series.kind == "scatter":
            plt.scatter(series.xs, series.ys, **common)
        elif series.kind == "line":
            plt.plot(series.xs, series.ys, **common)
        elif series.kind == "area":
            plt.plot(series.xs, series.ys, fillx=True, **common)
        else:
            plt.bar(series.xs, series.ys, width=0.5, reset_ticks=False, **common)
    plt.xlim(spec.x.low, spec.x.high)
    plt.xticks(list(spec.x.ticks), list(spec.x.labels))
    plt.ylim(spec.y.low, spec.y.high)
    plt.yticks(list(spec.y.ticks), list(spec.y.labels))
    if spec.y_right is not None and any(s.yside == "right" for s in spec.series):
        plt.ylim(spec.y_right.low, spec.y_right.high, yside="right")
        plt.yticks(list(spec.y_right.ticks), list(spec.y_right.labels), yside="right")


def steady_plotext() -> None:
    """Make plotext draw the same chart the same way in every run.

    plotext drops duplicate ticks and points through a ``set``, so where it puts the date
    labels under a chart (and which overlapping one it drops) follows Python's string hashing,
    which changes from run to run. Its own source keeps the order-keeping version in a
    comment; use that one. Called when plotext is first needed, never at import."""
    from plotext import _utility

    def no_duplicates(data: Any) -> list[Any]:
        return list(dict.fromkeys(data))

    _utility.no_duplicates = no_duplicates


def charts_as_text(specs: Sequence[ChartSpec], *, width: int, height: int, colour: bool) -> str:
    """Every chart drawn as text, one under the other; without ANSI colours unless
    ``colour`` (for a terminal)."""
    import plotext

    steady_plotext()

    drawn = []
    for spec in specs:
        if not spec.has_data:  # an empty frame says less than its title does
            drawn.append(spec.title)
            continue
        draw_chart(plotext, spec, TERMINAL_COLOURS)
        plotext.plotsize(width, height)
        plotext.theme("pro" if colour else "clear")
        text = plotext.build()
        drawn.append(text if colour else plotext.uncolorize(text))
    plotext.clear_figure()
    return "\n\n".join(drawn) + "\n"


# --- the weekly table ----------------------------------------------------------------------------

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
