"""The diary read once for the Trends charts: missing days stay missing, weeks are kept."""

from __future__ import annotations

from datetime import date, timedelta

from sciatica_tui.domain.records import DailyLog, RehabDay
from sciatica_tui.domain.trends.charts import chart_specs
from sciatica_tui.domain.trends.series import trend_data
from tests.support.trends import THIS_MONDAY, TODAY, chart, session


def test_missing_days_and_fields_stay_missing() -> None:
    logs = [
        DailyLog(TODAY - timedelta(days=5), 6, 2, sleep_hours=7.5),
        DailyLog(TODAY - timedelta(days=2), 4, 1),
        DailyLog(TODAY + timedelta(days=1), 9, 9),  # after today: ignored
    ]
    data = trend_data(logs, [], [], TODAY)
    assert data.days_logged == 2 and data.first_day == TODAY - timedelta(days=5)
    leg_days, leg = data.daily["leg_pain"].between(THIS_MONDAY, TODAY)
    assert leg == [6, 4]
    assert [date.fromordinal(d) for d in leg_days] == [
        TODAY - timedelta(days=5),
        TODAY - timedelta(days=2),
    ]
    assert data.daily["sleep_hours"].values == [7.5]
    assert data.daily["numbness"].values == []
    pain = chart(chart_specs(data, 4), "pain")
    scatter = [s for s in pain.series if s.kind == "scatter"]
    # Only the two logged days are points: no zeros for the other days.
    assert [list(s.ys) for s in scatter] == [[6, 4], [2, 1]]
    assert [list(s.xs) for s in scatter][0] == [21, 24]  # Monday and Thursday of the 4th week


def test_breathing_minutes_and_rehab_adherence_per_week() -> None:
    sessions = [
        session(THIS_MONDAY, 3),
        session(TODAY, 5.5),
        session(THIS_MONDAY - timedelta(days=1), 10),
    ]
    rehab = [
        RehabDay(THIS_MONDAY, ("walk",)),
        RehabDay(THIS_MONDAY + timedelta(days=1), ("walk", "glide")),
        RehabDay(THIS_MONDAY + timedelta(days=2), ()),  # nothing ticked
    ]
    data = trend_data([], sessions, rehab, TODAY)
    assert not data.empty and data.days_logged == 0
    assert data.breathing_minutes == {THIS_MONDAY: 8.5, THIS_MONDAY - timedelta(weeks=1): 10.0}
    specs = chart_specs(data, 4)
    bars = chart(specs, "breathing").series[0]
    assert list(bars.ys)[-2:] == [10.0, 8.5]
    rehab_chart = chart(specs, "rehab")
    assert list(rehab_chart.series[0].ys)[-1] == 100 * 2 / 7
    assert "% of the 7 days with an item ticked" in rehab_chart.title
    assert not chart(specs, "pain").has_data and "nothing logged" in chart(specs, "pain").title


def test_nothing_recorded_is_empty() -> None:
    data = trend_data([], [], [], TODAY)
    assert data.empty and data.weeks == []
    assert all(not spec.has_data for spec in chart_specs(data, None))
