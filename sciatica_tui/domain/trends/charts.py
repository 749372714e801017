"""Every Trends chart of a range, described as data (``ChartSpec``) from ``TrendData``.

Short ranges show each logged day and a weekly mean line; long ones show weekly means (or
means of several weeks, so a chart never has more points than it has columns). The Trends
tab draws the specs with plotext and ``sciatica trends`` prints them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import timedelta
from statistics import median

from sciatica_tui.domain.check_in_words import check_in_words
from sciatica_tui.domain.trends.chart_spec import (
    Axis,
    ChartSpec,
    ColourRole,
    Series,
    SeriesKind,
    YSide,
)
from sciatica_tui.domain.trends.check_in_chart import check_in_chart
from sciatica_tui.domain.trends.ranges import TrendRange, trend_range
from sciatica_tui.domain.trends.series import TrendData
from sciatica_tui.domain.weekly import PeriodSummary

# Longer ranges than this many weeks group several weeks into one point: a chart is at most
# a hundred or so columns wide, and drawing more points costs time without showing more.
MAX_POINTS = 104

REACH_TICK_LABELS: tuple[str, ...] = (
    "No pain",
    "Lower back",
    "Buttock",
    "Thigh",
    "Below knee",
    "Foot",
)
REHAB_DEFINITION = "% of the 7 days with an item ticked"
# The y axis of the 0-10 ratings (pain, numbness).
ZERO_TO_TEN = Axis(0, 10, (0, 2, 4, 6, 8, 10), ("0", "2", "4", "6", "8", "10"))


def chart_specs(data: TrendData, weeks: int | None) -> tuple[ChartSpec, ...]:
    """Every Trends chart for the range of the last ``weeks`` weeks (all time when None); the
    check-in chart only once the person has done a check-in."""
    span = trend_range(data, weeks)
    summaries = data.weeks_between(span.first_monday)
    x_axis = _x_axis(span)
    build = _ChartBuilder(data, span, summaries, x_axis)
    check_ins = (
        (check_in_chart(data.check_ins, span, x_axis, check_in_words()),) if data.check_ins else ()
    )
    return (
        build.pain(),
        build.reach(),
        build.numbness(),
        build.mobility(),
        build.sleep(),
        build.doses(),
        build.breathing(),
        build.rehab(),
        # Only once a flare-up was logged, like the check-ins: an empty chart says nothing.
        *((build.flare_ups(),) if data.flare_ups_per_week else ()),
        *check_ins,
    )


def _x_axis(span: TrendRange) -> Axis:
    """Ticks on Mondays, at most four of them, labelled with the date: four leave room
    between the labels even with two charts side by side (plotext drops a label that
    would overlap another)."""
    weeks = span.week_count
    step = max(1, math.ceil(weeks / 4))
    long_range = weeks > 52
    ticks: list[float] = []
    labels: list[str] = []
    for week in range(0, weeks, step):
        monday = span.first_monday + timedelta(weeks=week)
        ticks.append(week * 7)
        labels.append(f"{monday:%b} {monday.year}" if long_range else f"{monday.day} {monday:%b}")
    return Axis(0, weeks * 7 - 1, tuple(ticks), tuple(labels))


def _segments(
    xs: Sequence[float], ys: Sequence[float | None]
) -> list[tuple[list[float], list[float]]]:
    """Runs of consecutive weeks that have a value: a line never bridges a gap."""
    runs: list[tuple[list[float], list[float]]] = []
    current: tuple[list[float], list[float]] | None = None
    for x, y in zip(xs, ys, strict=True):
        if y is None:
            current = None
            continue
        if current is None:
            current = ([], [])
            runs.append(current)
        current[0].append(x)
        current[1].append(y)
    return runs


class _ChartBuilder:
    """Builds each chart of one range."""

    def __init__(
        self,
        data: TrendData,
        span: TrendRange,
        summaries: list[PeriodSummary],
        x_axis: Axis,
    ) -> None:
        self.data = data
        self.span = span
        self.x_axis = x_axis
        self.weeks_per_point = 1 if span.daily_points else math.ceil(len(summaries) / MAX_POINTS)
        size = max(1, self.weeks_per_point)
        self.groups = [summaries[i : i + size] for i in range(0, len(summaries), size)]
        # Each point sits in the middle of its week (or weeks).
        self.point_xs = [float(span.x(g[0].first_day)) + 3.5 * len(g) - 0.5 for g in self.groups]

    def _daily(self, name: str, label: str, colour: ColourRole, marker: str) -> list[Series]:
        if not self.span.daily_points:
            return []
        days, values = self.data.daily[name].between(self.span.first_monday, self.span.last_day)
        if not days:
            return []
        start = self.span.first_monday.toordinal()
        xs = [float(day - start) for day in days]
        return [Series("scatter", xs, list(values), label, colour, marker)]

    def _weekly_line(
        self,
        ys: Sequence[float | None],
        label: str,
        colour: ColourRole,
        yside: YSide = "left",
        marker: str = "hd",
    ) -> list[Series]:
        out = []
        for index, (xs, values) in enumerate(_segments(self.point_xs, ys)):
            out.append(
                Series("line", xs, values, label if index == 0 else None, colour, marker, yside)
            )
        return out

    def _weekly_means(self, name: str) -> list[float | None]:
        """The mean of ``name`` over the logged days of each point's week (or weeks)."""
        means: list[float | None] = []
        for group in self.groups:
            days = sum(w.days_with(name) for w in group)
            total = sum((w.mean(name) or 0.0) * w.days_with(name) for w in group)
            means.append(total / days if days else None)
        return means

    def _reach_medians(self) -> list[float | None]:
        """The median reach rank of each point's week (or weeks)."""
        if self.weeks_per_point == 1:
            return [g[0].reach_median("pain_reach") for g in self.groups]
        medians: list[float | None] = []
        for group in self.groups:
            _, ranks = self.data.daily["pain_reach"].between(group[0].first_day, group[-1].last_day)
            medians.append(float(median(ranks)) if ranks else None)
        return medians

    def _bar_kind(self) -> SeriesKind:
        return "bar" if self.span.daily_points else "area"

    def _averaging(self, what: str) -> str:
        """ " (weekly means)" and the like, for ranges drawn without each day."""
        if self.span.daily_points:
            return ""
        if self.weeks_per_point == 1:
            return f" (weekly {what}s)"
        return f" ({what}s of {self.weeks_per_point} weeks)"

    def _pair(
        self,
        chart_id: str,
        title: str,
        fields: tuple[tuple[str, str, ColourRole, str], ...],
        y: Axis | None,
    ) -> ChartSpec:
        """A chart of one or two fields: daily points and the weekly mean line of each."""
        lines: list[Series] = []
        points: list[Series] = []
        weekly_word = "weekly mean" if self.span.daily_points else ""
        # The second field's line is drawn finer, so the lines differ by more than colour.
        for (name, label, colour, marker), line in zip(fields, ("hd", "braille"), strict=False):
            points += self._daily(name, f"{label}, each day", colour, marker)
            line_label = f"{label}, {weekly_word}" if weekly_word else label
            lines += self._weekly_line(self._weekly_means(name), line_label, colour, marker=line)
        # Points after lines: plotext draws later series on top, and a line hid the days.
        series = lines + points
        if y is None:
            top = max((max(s.ys) for s in series if s.ys), default=0.0)
            y = _nice_axis(top)
        return self._chart(chart_id, title, y, series)

    def _chart(
        self,
        chart_id: str,
        title: str,
        y: Axis,
        series: list[Series],
        y_right: Axis | None = None,
    ) -> ChartSpec:
        if series and series[0].kind not in ("bar", "area"):
            title += self._averaging("median" if chart_id == "reach" else "mean")
        elif self.weeks_per_point > 1:
            title += f" (mean of each {self.weeks_per_point} weeks)"
        has_data = any(s.ys for s in series)
        if not has_data:
            title += ": nothing logged in these weeks"
        return ChartSpec(chart_id, title, self.x_axis, y, tuple(series), y_right, has_data)

    def pain(self) -> ChartSpec:
        """Leg and back pain, 0–10."""
        return self._pair(
            "pain",
            "Leg and back pain (0-10)",
            (
                ("leg_pain", "Leg", "primary", "●"),
                ("back_pain", "Back", "accent", "x"),
            ),
            ZERO_TO_TEN,
        )

    def reach(self) -> ChartSpec:
        """How far down the pain reaches, drawn like the body: the foot at the bottom."""
        top = len(REACH_TICK_LABELS) - 1
        medians = self._reach_medians()
        flipped = [None if m is None else top - m for m in medians]
        series = self._weekly_line(flipped, "Weekly median", "warning")
        # Points after the line, so it never hides a day.
        for s in self._daily("pain_reach", "Each day", "warning", "●"):
            series.append(
                Series("scatter", s.xs, [top - y for y in s.ys], s.label, s.colour, s.marker)
            )
        ticks = tuple(float(top - rank) for rank in range(top + 1))
        # A quarter level of room each side: at 15 rows every level gets two rows.
        y = Axis(-0.25, top + 0.25, ticks, REACH_TICK_LABELS)
        return self._chart(
            "reach", "How far down the pain reaches (higher up is better)", y, series
        )

    def numbness(self) -> ChartSpec:
        """Numbness or tingling, 0–10."""
        return self._pair(
            "numbness",
            "Numbness or tingling (0-10)",
            (("numbness", "Numbness", "accent", "●"),),
            ZERO_TO_TEN,
        )

    def mobility(self) -> ChartSpec:
        """Walking and sitting tolerance, in minutes."""
        return self._pair(
            "mobility",
            "Walking and sitting (minutes at a time)",
            (
                ("walking_minutes", "Walking", "success", "●"),
                ("sitting_minutes", "Sitting", "accent", "x"),
            ),
            None,
        )

    def sleep(self) -> ChartSpec:
        """Sleep hours (left axis) and quality 1–5 (right axis)."""
        series: list[Series] = []
        series += self._weekly_line(
            self._weekly_means("sleep_hours"),
            "Hours, weekly mean" if self.span.daily_points else "Hours",
            "primary",
        )
        series += self._weekly_line(
            self._weekly_means("sleep_quality"),
            "Quality, weekly mean" if self.span.daily_points else "Quality",
            "secondary",
            "right",
            marker="braille",
        )
        # Points after lines, so the lines never hide a day.
        series += self._daily("sleep_hours", "Hours, each day", "primary", "●")
        for s in self._daily("sleep_quality", "Quality, each day", "secondary", "x"):
            series.append(Series("scatter", s.xs, s.ys, s.label, s.colour, s.marker, "right"))
        top = max((max(s.ys) for s in series if s.ys and s.yside == "left"), default=8.0)
        left = _nice_axis(max(top, 8.0))
        right = Axis(1, 5, (1, 2, 3, 4, 5), ("1", "2", "3", "4", "5"))
        return self._chart(
            "sleep", "Sleep: hours (left) and quality 1-5 (right)", left, series, right
        )

    def doses(self) -> ChartSpec:
        """Pain-relief doses a day."""
        return self._pair(
            "doses",
            "Pain-relief doses a day",
            (("pain_med_doses", "Doses", "warning", "●"),),
            None,
        )

    def breathing(self) -> ChartSpec:
        """Minutes of slow breathing each week."""
        minutes = [
            sum(self.data.breathing_minutes.get(w.first_day, 0.0) for w in g) / len(g)
            for g in self.groups
        ]
        series = (
            [Series(self._bar_kind(), self.point_xs, minutes, None, "primary", "sd")]
            if any(minutes)
            else []
        )
        y = _nice_axis(max(minutes, default=0.0))
        return self._chart("breathing", "Breathing minutes per week", y, series)

    def rehab(self) -> ChartSpec:
        """Rehab adherence: days with at least one item ticked, out of 7, as a percentage."""
        percents = [
            100 * sum(self.data.rehab_days_ticked.get(w.first_day, 0) for w in g) / (7 * len(g))
            for g in self.groups
        ]
        series = (
            [Series(self._bar_kind(), self.point_xs, percents, None, "success", "sd")]
            if any(percents)
            else []
        )
        y = Axis(0, 100, (0, 25, 50, 75, 100), ("0%", "25%", "50%", "75%", "100%"))
        return self._chart("rehab", f"Rehab per week: {REHAB_DEFINITION}", y, series)

    def flare_ups(self) -> ChartSpec:
        """How many flare-ups each week (a mean of the weeks, on long ranges)."""
        counts = [
            sum(self.data.flare_ups_per_week.get(w.first_day, 0) for w in g) / len(g)
            for g in self.groups
        ]
        series = (
            [Series(self._bar_kind(), self.point_xs, counts, None, "warning", "sd")]
            if any(counts)
            else []
        )
        # At least 0-4, so the ticks are whole flare-ups.
        y = _nice_axis(max([4.0, *counts]))
        return self._chart("flare_ups", "Flare-ups per week", y, series)


def _nice_axis(top: float) -> Axis:
    """0 to a round number at or above ``top``, with about five ticks."""
    if top <= 0:
        top = 1.0
    raw_step = top / 4
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw_step)
    high = step * math.ceil(top / step)
    count = round(high / step)
    ticks = tuple(step * i for i in range(count + 1))
    return Axis(0, high, ticks, tuple(_number(t) for t in ticks))


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:g}"
