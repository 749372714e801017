"""The Trends chart of flare-ups: how many each Monday-start week holds."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.trends.charts import chart_specs
from sciatica_tui.domain.trends.series import trend_data, weekly_flare_ups
from tests.support.trends import THIS_MONDAY, TODAY, chart


def flare(day: date, hour: int = 15) -> FlareUp:
    return FlareUp(datetime.combine(day, time(hour)), 6)


LAST_MONDAY = THIS_MONDAY - timedelta(weeks=1)
# This week: 3 (two on Monday, one today, a Saturday); last week: 1 on its Sunday; none the
# week before; 2 five weeks back (outside a 4-week range); one tomorrow (not counted yet).
FLARE_UPS = [
    flare(THIS_MONDAY, 8),
    flare(THIS_MONDAY, 20),
    flare(TODAY, 23),
    flare(THIS_MONDAY - timedelta(days=1)),
    flare(THIS_MONDAY - timedelta(weeks=5)),
    flare(THIS_MONDAY - timedelta(weeks=5, days=-6)),
    flare(TODAY + timedelta(days=1)),
]


def test_weekly_counts_match_the_flare_ups_of_each_week() -> None:
    assert weekly_flare_ups(FLARE_UPS, TODAY) == {
        THIS_MONDAY: 3,
        LAST_MONDAY: 1,
        THIS_MONDAY - timedelta(weeks=5): 2,
    }


def test_the_chart_has_a_bar_for_each_week_of_the_range() -> None:
    data = trend_data([DailyLog(TODAY, 5, 2)], [], [], TODAY, flare_ups=FLARE_UPS)
    assert data.first_day == THIS_MONDAY - timedelta(weeks=5)  # a flare-up starts the diary
    spec = chart(chart_specs(data, 4), "flare_ups")
    (bars,) = spec.series
    assert bars.kind == "bar"
    assert list(bars.ys) == [0, 0, 1, 3]
    assert list(bars.xs) == [3.0, 10.0, 17.0, 24.0]  # the middle of each week
    assert spec.title == "Flare-ups per week"
    assert spec.y.ticks == (0, 1, 2, 3, 4)
    everything = chart(chart_specs(data, None), "flare_ups")
    assert list(everything.series[0].ys) == [2, 0, 0, 0, 1, 3]


def test_no_chart_until_a_flare_up_is_logged() -> None:
    data = trend_data([DailyLog(TODAY, 5, 2)], [], [], TODAY)
    assert "flare_ups" not in {spec.id for spec in chart_specs(data, 4)}
    # One in an older week: the chart is there, and says these weeks hold none.
    old = trend_data([DailyLog(TODAY, 5, 2)], [], [], TODAY, flare_ups=[FLARE_UPS[4]])
    spec = chart(chart_specs(old, 4), "flare_ups")
    assert not spec.has_data and spec.title.endswith("nothing logged in these weeks")
