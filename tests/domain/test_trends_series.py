"""Chart data for the Trends tab and ``sciatica trends``: one pass, gaps kept, ranges cut."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from sciatica_tui.domain.records import BreathingSession, DailyLog, Reach, RehabDay
from sciatica_tui.domain.trends.series import (
    REACH_TICK_LABELS,
    ChartSpec,
    chart_specs,
    trend_data,
    trend_range,
)
from sciatica_tui.domain.trends.text import TABLE_COLUMNS, charts_as_text, weekly_table

TODAY = date(2026, 11, 21)  # a Saturday
THIS_MONDAY = date(2026, 11, 16)


def session(day: date, minutes: float) -> BreathingSession:
    return BreathingSession(
        datetime.combine(day, datetime.min.time()), 4, 4, 4, 4, 180, minutes * 60, 3, True
    )


def chart(specs: tuple[ChartSpec, ...], chart_id: str) -> ChartSpec:
    return next(spec for spec in specs if spec.id == chart_id)


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


def test_text_charts_and_table_are_plain_without_colour() -> None:
    logs = [
        DailyLog(
            TODAY - timedelta(days=i), 3 + i % 4, 2, pain_reach=Reach.THIGH, walking_minutes=20
        )
        for i in range(20)
    ]
    data = trend_data(logs, [session(TODAY, 4)], [], TODAY)
    text = charts_as_text(chart_specs(data, 4), width=80, height=15, colour=False)
    assert "\x1b[" not in text
    assert "Leg and back pain" in text and "Thigh" in text
    assert "Numbness or tingling (0-10): nothing logged in these weeks" in text
    table = weekly_table(data, 4).splitlines()
    assert table[0].split() == [name for name, _ in TABLE_COLUMNS for name in name.split()]
    assert len(table) == 2 + 3  # header, rule, the three weeks since the first log
    assert table[-1].startswith("16 Nov 2026") and "4 min" in table[-1]
    assert max(len(line) for line in table) <= 80


STEADY_PROBE = """
from datetime import date, timedelta
from sciatica_tui.domain.records import DailyLog, Reach
from sciatica_tui.domain.trends.text import charts_as_text
from sciatica_tui.domain.trends.series import chart_specs, trend_data

today = date(2026, 11, 21)
logs = [
    DailyLog(today - timedelta(days=i), i % 11, i % 7, pain_reach=list(Reach)[i % 6])
    for i in range(0, 600, 2)
]
specs = chart_specs(trend_data(logs, [], [], today), None)
for width in (45, 50, 57):
    print(charts_as_text(specs, width=width, height=15, colour=False))
"""


def test_charts_are_the_same_in_every_run() -> None:
    # plotext left alone places date labels by string hash order, which changes per run.
    outputs = {
        subprocess.run(
            [sys.executable, "-c", STEADY_PROBE],
            cwd=Path(__file__).resolve().parents[2],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outputs) == 1
