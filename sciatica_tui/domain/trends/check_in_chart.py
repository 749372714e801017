"""The Trends chart of the weekly check-ins: the mean activity score (0–10) of each check-in,
the answer to "since it started, how is it now?" on the right axis (-3 … +3), and a dotted
line where the mean would be a change people usually notice from the first check-in (2 points
up). The title says the change since the first check-in in words, so nothing rests on colour.
"""

from __future__ import annotations

from sciatica_tui.domain.check_in_words import CheckInWords
from sciatica_tui.domain.check_ins import (
    NOTICEABLE_MEAN,
    activity_mean,
    change_in_words,
    check_in_change,
)
from sciatica_tui.domain.records import CheckIn
from sciatica_tui.domain.trends.chart_spec import Axis, ChartSpec, Series
from sciatica_tui.domain.trends.ranges import TrendRange

CHART_ID = "check_ins"
TITLE = "Weekly check-in: what you can do (0-10, mean of your activities)"
ZERO_TO_TEN = Axis(0, 10, (0, 2, 4, 6, 8, 10), ("0", "2", "4", "6", "8", "10"))
GLOBAL_AXIS = Axis(-3, 3, (-3, 0, 3), ("worse", "same", "better"))


def check_in_chart(
    check_ins: tuple[CheckIn, ...], span: TrendRange, x_axis: Axis, words: CheckInWords
) -> ChartSpec:
    """The check-in chart of the range ``span`` (its title speaks of all check-ins)."""
    shown = [c for c in check_ins if span.first_monday <= c.date <= span.last_day]
    scored = [(float(span.x(c.date)), activity_mean(c)) for c in shown]
    xs = [x for x, mean in scored if mean is not None]
    means = [mean for _x, mean in scored if mean is not None]
    series: list[Series] = []
    first_mean = activity_mean(check_ins[0]) if check_ins else None
    if first_mean is not None and first_mean + NOTICEABLE_MEAN <= 10 and xs:
        target = first_mean + NOTICEABLE_MEAN
        line_xs = [max(0.0, float(span.x(check_ins[0].date))), float(x_axis.high)]
        series.append(
            Series(
                "line",
                line_xs,
                [target, target],
                f"First check-in +{NOTICEABLE_MEAN:g}, {words.noticeable}",
                "warning",
                "braille",
            )
        )
    if xs:
        series.append(Series("line", xs, means, "Activities, mean", "primary", "hd"))
        series.append(Series("scatter", xs, means, "Activities, each check-in", "primary", "●"))
    globals_xs = [float(span.x(c.date)) for c in shown]
    if globals_xs:
        answers = [float(c.global_change) for c in shown]
        series.append(
            Series(
                "scatter", globals_xs, answers, "Since the start (right)", "accent", "x", "right"
            )
        )
    title = f"{TITLE}: {summary(check_ins, words)}"
    has_data = bool(shown)
    if not has_data:
        title += "; none in these weeks"
    return ChartSpec(CHART_ID, title, x_axis, ZERO_TO_TEN, tuple(series), GLOBAL_AXIS, has_data)


def summary(check_ins: tuple[CheckIn, ...], words: CheckInWords) -> str:
    """The change since the first check-in in a few words ("up 2.3 points since your first
    check-in, a change people usually notice"), or how many there are so far."""
    change = check_in_change(check_ins)
    if change is None:
        return "one check-in so far" if check_ins else "no check-in yet"
    return change_in_words(change, words)
