"""The report's chart: leg and back pain as weekly means over the last twelve weeks, drawn
as vector lines, and under each week how far down the leg the pain reached. Leg pain is a
solid line with square markers, back pain a dashed line with crosses, so the two are told
apart without colour."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from fpdf import FPDF

from sciatica_tui.domain.records import DailyLog, Reach
from sciatica_tui.domain.visit.weeks import STORY_WEEKS, recent_weeks
from sciatica_tui.domain.words import short_day

REPORT_CHART_WEEKS = 12


@dataclass(frozen=True)
class ChartWeek:
    """One week of the chart: its days and its means (None when nothing was logged)."""

    first_day: date
    last_day: date
    leg_pain: float | None
    back_pain: float | None
    furthest_reach: Reach | None  # the furthest down the pain reached on a day of the week


def chart_weeks(
    logs: Iterable[DailyLog], as_of: date, weeks: int = REPORT_CHART_WEEKS
) -> tuple[ChartWeek, ...]:
    """The weekly means of the ``weeks`` weeks ending on ``as_of``, oldest first; weeks
    before the first logged one are left out, but at least four weeks are kept."""
    kept = list(logs)
    summaries = recent_weeks(kept, as_of, weeks)
    while len(summaries) > STORY_WEEKS and summaries[0].days_logged == 0:
        summaries.pop(0)
    return tuple(
        ChartWeek(
            w.first_day,
            w.last_day,
            w.mean("leg_pain"),
            w.mean("back_pain"),
            _furthest(log.pain_reach for log in kept if w.first_day <= log.date <= w.last_day),
        )
        for w in summaries
    )


def _furthest(reaches: Iterable[Reach | None]) -> Reach | None:
    return max((r for r in reaches if r is not None), key=lambda r: r.rank, default=None)


# Short enough to sit under a week of the chart.
REACH_WORDS: dict[Reach, str] = {
    Reach.NONE: "none",
    Reach.LOWER_BACK: "back",
    Reach.BUTTOCK: "buttock",
    Reach.THIGH: "thigh",
    Reach.BELOW_KNEE: "below knee",
    Reach.FOOT: "foot",
}


LABEL_SIZE = 7.5
REACH_SIZE = 6.5
MARK = 1.0  # half the side of a marker, in mm


def _runs(points: Sequence[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """The points split where a week was not logged (the line breaks there)."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def _square(pdf: FPDF, x: float, y: float) -> None:
    pdf.rect(x - MARK, y - MARK, 2 * MARK, 2 * MARK, style="F")


def _cross(pdf: FPDF, x: float, y: float) -> None:
    pdf.line(x - MARK, y - MARK, x + MARK, y + MARK)
    pdf.line(x - MARK, y + MARK, x + MARK, y - MARK)


def draw_pain_chart(
    pdf: FPDF, weeks: Sequence[ChartWeek], x: float, y: float, width: float, height: float
) -> None:
    """Draw the chart of ``weeks`` in the box at (``x``, ``y``): a 0–10 axis, a label for
    every other week, the two lines and a key."""
    axis_x = x + 7
    plot_w = width - 9
    plot_h = height - 19  # room for the week labels, the reach and the key
    top = y + 2
    bottom = top + plot_h
    pdf.set_font(size=LABEL_SIZE)
    pdf.set_draw_color(150)
    pdf.set_line_width(0.15)
    for level in (0, 2, 4, 6, 8, 10):
        line_y = bottom - plot_h * level / 10
        pdf.line(axis_x, line_y, axis_x + plot_w, line_y)
        pdf.text(x, line_y + 1, f"{level:>2}")
    step = plot_w / max(len(weeks), 1)

    def place(index: int, value: float | None) -> tuple[float, float] | None:
        if value is None:
            return None
        return axis_x + step * (index + 0.5), bottom - plot_h * value / 10

    labels = [short_day(week.last_day, weeks[-1].last_day) for week in weeks]
    widest = max((pdf.get_string_width(label) for label in labels), default=0)
    every = 1 if widest + 2 <= step else 2
    for index, label in enumerate(labels):
        if (len(weeks) - 1 - index) % every == 0:  # the latest week always has its label
            label_w = pdf.get_string_width(label)
            pdf.text(axis_x + step * (index + 0.5) - label_w / 2, bottom + 4, label)
    pdf.set_font(size=REACH_SIZE)
    pdf.text(x, bottom + 8.5, "Reach")
    for index, week in enumerate(weeks):
        if week.furthest_reach is not None:
            word = REACH_WORDS[week.furthest_reach]
            word_x = axis_x + step * (index + 0.5) - pdf.get_string_width(word) / 2
            pdf.text(word_x, bottom + 8.5, word)
    pdf.set_font(size=LABEL_SIZE)
    if all(w.leg_pain is None and w.back_pain is None for w in weeks):
        pdf.text(axis_x + 4, top + plot_h / 2, "Nothing logged in these weeks.")
    pdf.set_draw_color(0)
    pdf.set_fill_color(0)
    series = (
        ([place(i, w.leg_pain) for i, w in enumerate(weeks)], False, _square),
        ([place(i, w.back_pain) for i, w in enumerate(weeks)], True, _cross),
    )
    for points, dashed, marker in series:
        pdf.set_line_width(0.5 if not dashed else 0.35)
        for run in _runs(points):
            if dashed:
                pdf.set_dash_pattern(dash=1.6, gap=1.0)
            if len(run) > 1:
                pdf.polyline(run)
            pdf.set_dash_pattern()
            for px, py in run:
                marker(pdf, px, py)
    key_y = bottom + 14
    pdf.set_line_width(0.5)
    pdf.line(axis_x, key_y, axis_x + 8, key_y)
    _square(pdf, axis_x + 4, key_y)
    pdf.text(axis_x + 10, key_y + 1, "Leg pain")
    back_x = axis_x + 32
    pdf.set_line_width(0.35)
    pdf.set_dash_pattern(dash=1.6, gap=1.0)
    pdf.line(back_x, key_y, back_x + 8, key_y)
    pdf.set_dash_pattern()
    _cross(pdf, back_x + 4, key_y)
    pdf.text(back_x + 10, key_y + 1, "Back pain")
    key = "Weekly average (0 to 10); each week named by its last day; reach: furthest down"
    pdf.text(back_x + 34, key_y + 1, key)
    pdf.set_line_width(0.2)
