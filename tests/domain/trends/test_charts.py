"""Trends charts as data: gaps kept, reach drawn like the body."""

from __future__ import annotations

from datetime import timedelta

from sciatica_tui.domain.records import DailyLog, Reach
from sciatica_tui.domain.trends.charts import REACH_TICK_LABELS, chart_specs
from sciatica_tui.domain.trends.series import trend_data
from tests.support.trends import THIS_MONDAY, TODAY, chart


def test_weekly_lines_break_at_weeks_without_logs() -> None:
    # Logs in weeks 1, 2 and 4 of the last four; week 3 is empty.
    days = [THIS_MONDAY - timedelta(weeks=3), THIS_MONDAY - timedelta(weeks=2), THIS_MONDAY]
    data = trend_data([DailyLog(d, 5, 3) for d in days], [], [], TODAY)
    pain = chart(chart_specs(data, 4), "pain")
    leg_lines = [s for s in pain.series if s.kind == "line" and s.colour == "primary"]
    assert [list(s.xs) for s in leg_lines] == [[3.0, 10.0], [24.0]]
    assert leg_lines[0].label and leg_lines[1].label is None  # one legend entry


def test_reach_chart_is_labelled_with_levels_and_drawn_like_the_body() -> None:
    logs = [
        DailyLog(TODAY, 5, 3, pain_reach=Reach.FOOT),
        DailyLog(TODAY - timedelta(days=1), 5, 3, pain_reach=Reach.LOWER_BACK),
    ]
    reach = chart(chart_specs(trend_data(logs, [], [], TODAY), 4), "reach")
    assert reach.y.labels == REACH_TICK_LABELS
    assert not any(label.isdigit() for label in reach.y.labels)
    points = next(s for s in reach.series if s.kind == "scatter")
    # The foot is at the bottom (0), the lower back near the top (4).
    assert list(points.ys) == [4, 0]
