"""Trends ranges start on a Monday and show each day only when short."""

from __future__ import annotations

from datetime import timedelta

from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.trends.charts import chart_specs
from sciatica_tui.domain.trends.ranges import trend_range
from sciatica_tui.domain.trends.series import trend_data
from tests.support.trends import THIS_MONDAY, TODAY, chart


def test_ranges_start_on_a_monday_and_show_days_only_when_short() -> None:
    logs = [DailyLog(TODAY - timedelta(days=i), 5, 3) for i in range(0, 400, 3)]
    data = trend_data(logs, [], [], TODAY)
    four, twelve, every = (trend_range(data, w) for w in (4, 12, None))
    assert four.first_monday == THIS_MONDAY - timedelta(weeks=3)
    assert twelve.first_monday == THIS_MONDAY - timedelta(weeks=11)
    assert every.first_monday.weekday() == 0 and every.first_monday <= logs[-1].date
    assert four.daily_points and twelve.daily_points and not every.daily_points
    all_time = chart(chart_specs(data, None), "pain")
    assert {s.kind for s in all_time.series} == {"line"}
    assert "weekly means" in all_time.title
    assert len(data.weeks) == every.week_count
