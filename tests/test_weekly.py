"""Weekly aggregation: Monday-start weeks, means over logged days only, reach medians."""

from __future__ import annotations

from datetime import date, timedelta

from sciatica_tui.records import DailyLog, Reach, Weakness
from sciatica_tui.weekly import monday_of, summarize, weekly_summaries

MONDAY = date(2026, 11, 2)


def log(day: date, leg: int, **extra: object) -> DailyLog:
    return DailyLog(day, leg, 2, **extra)  # type: ignore[arg-type]


def test_monday_of() -> None:
    assert monday_of(date(2026, 11, 8)) == MONDAY  # a Sunday
    assert monday_of(MONDAY) == MONDAY


def test_means_cover_logged_days_only_and_missing_fields_stay_missing() -> None:
    logs = [
        log(MONDAY, 6, sleep_hours=7.0),
        log(MONDAY + timedelta(days=2), 4),
        log(MONDAY + timedelta(days=6), 5, sleep_hours=5.0),
    ]
    week = summarize(logs, MONDAY, MONDAY + timedelta(days=6))
    assert week.days_logged == 3
    assert week.mean("leg_pain") == 5.0
    assert week.mean("sleep_hours") == 6.0 and week.days_with("sleep_hours") == 2
    assert week.mean("mood") is None and week.days_with("mood") == 0


def test_reach_median_and_weakness_counts() -> None:
    reaches = [Reach.BUTTOCK, Reach.FOOT, Reach.THIGH, Reach.THIGH]
    logs = [
        log(MONDAY + timedelta(days=i), 5, pain_reach=r, weakness=w)
        for i, (r, w) in enumerate(
            zip(reaches, [Weakness.NONE, Weakness.MILD, Weakness.MARKED, None], strict=True)
        )
    ]
    week = summarize(logs, MONDAY, MONDAY + timedelta(days=6))
    assert week.reach_median("pain_reach") == 3.0  # ranks 2, 5, 3, 3 -> median 3
    assert week.weakness_days == 2 and week.marked_weakness_days == 1


def test_weekly_summaries_include_empty_weeks_and_split_on_monday() -> None:
    logs = [log(MONDAY + timedelta(days=6), 8), log(MONDAY + timedelta(days=7), 2)]
    weeks = weekly_summaries(logs, MONDAY, MONDAY + timedelta(days=20))
    assert [w.first_day for w in weeks] == [MONDAY + timedelta(days=7 * i) for i in range(3)]
    assert [w.days_logged for w in weeks] == [1, 1, 0]
    assert weeks[0].mean("leg_pain") == 8 and weeks[1].mean("leg_pain") == 2
    assert weeks[2].mean("leg_pain") is None
