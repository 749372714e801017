"""Weekly aggregation: Monday-start weeks, means over logged days only, reach medians."""

from __future__ import annotations

from datetime import date, timedelta

from sciatica_tui.domain.records import DailyLog, Reach, Weakness
from sciatica_tui.domain.weekly import monday_of, summarize, weekly_summaries

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


def test_hand_computed_fortnight_split_into_monday_weeks() -> None:
    # Sunday 1 Nov belongs to the week of Monday 26 Oct; 2-8 Nov is the next week.
    sunday = MONDAY - timedelta(days=1)
    logs = [
        log(sunday, 9, pain_reach=Reach.FOOT, walking_minutes=5),
        log(MONDAY, 7, pain_reach=Reach.BELOW_KNEE, walking_minutes=10, sleep_hours=5.5),
        log(MONDAY + timedelta(days=1), 6, pain_reach=Reach.THIGH),
        log(MONDAY + timedelta(days=3), 4, pain_reach=Reach.THIGH, walking_minutes=30),
        log(MONDAY + timedelta(days=6), 3, pain_reach=Reach.LOWER_BACK, sleep_hours=7.0),
    ]
    before, week = weekly_summaries(logs, sunday, MONDAY + timedelta(days=6))
    assert before.first_day == MONDAY - timedelta(days=7) and before.days_logged == 1
    assert before.mean("leg_pain") == 9 and before.reach_median("pain_reach") == 5
    assert week.days_logged == 4
    assert week.mean("leg_pain") == (7 + 6 + 4 + 3) / 4  # 5.0
    assert week.mean("walking_minutes") == 20.0  # (10 + 30) / 2: two days logged it
    assert week.mean("sleep_hours") == 6.25
    # ranks 4, 3, 3, 1 -> sorted 1, 3, 3, 4 -> median 3 (thigh)
    assert week.reach_median("pain_reach") == 3.0
    assert week.days_with("walking_minutes") == 2 and week.days_with("pain_reach") == 4


def test_even_count_reach_median_is_the_midpoint() -> None:
    logs = [
        log(MONDAY + timedelta(days=i), 5, pain_reach=r)
        for i, r in enumerate([Reach.BUTTOCK, Reach.THIGH])
    ]
    assert summarize(logs, MONDAY, MONDAY + timedelta(days=6)).reach_median("pain_reach") == 2.5


def test_weakness_counts_the_days_it_was_filled_in() -> None:
    logs = [
        log(MONDAY, 5, weakness=Weakness.NONE),
        log(MONDAY + timedelta(days=1), 5, weakness=Weakness.MILD),
        log(MONDAY + timedelta(days=2), 5),
    ]
    week = summarize(logs, MONDAY, MONDAY + timedelta(days=6))
    assert week.days_with("weakness") == 2 and week.weakness_days == 1
    assert summarize([log(MONDAY, 5)], MONDAY, MONDAY).days_with("weakness") == 0
