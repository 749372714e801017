"""Which days the progress report compares: the start, now, and the two four-week stretches."""

from __future__ import annotations

from datetime import date, timedelta

from sciatica_tui.domain.progress.windows import (
    Window,
    baseline_window,
    four_week_windows,
    now_window,
)

AS_OF = date(2026, 11, 21)
ONSET = date(2026, 9, 1)


def days(first: date, count: int, every: int = 1) -> list[date]:
    return [first + timedelta(days=every * n) for n in range(count)]


def test_now_is_the_seven_days_ending_on_the_day() -> None:
    assert now_window(AS_OF, days(date(2026, 11, 10), 12)) == Window(date(2026, 11, 15), AS_OF, 7)


def test_the_start_of_a_daily_diary_is_its_first_calendar_week() -> None:
    logged = days(ONSET, 80)
    assert baseline_window(logged, ONSET, date(2026, 11, 15)) == Window(ONSET, date(2026, 9, 7), 7)


def test_days_missed_at_the_start_still_give_seven_logged_days() -> None:
    logged = days(ONSET, 30, every=2)
    assert baseline_window(logged, ONSET, date(2026, 11, 15)) == Window(ONSET, date(2026, 9, 13), 7)


def test_the_start_stays_within_four_weeks_of_its_first_day() -> None:
    logged = [ONSET, date(2026, 9, 10), *days(date(2026, 10, 20), 20)]
    assert baseline_window(logged, ONSET, date(2026, 11, 15)) == Window(ONSET, date(2026, 9, 10), 2)


def test_logs_before_the_onset_are_not_the_start() -> None:
    logged = days(date(2026, 8, 20), 40)
    assert baseline_window(logged, ONSET, date(2026, 11, 15)) == Window(ONSET, date(2026, 9, 7), 7)
    # Without an onset date the start is the first log.
    found = baseline_window(logged, None, date(2026, 11, 15))
    assert found is not None and found.first_day == date(2026, 8, 20)


def test_the_start_never_overlaps_now() -> None:
    logged = days(date(2026, 11, 11), 11)  # 11 Nov to 21 Nov
    now = now_window(AS_OF, logged)
    assert baseline_window(logged, None, now.first_day) == Window(
        date(2026, 11, 11), date(2026, 11, 14), 4
    )
    assert baseline_window(days(date(2026, 11, 16), 6), None, now.first_day) is None


def test_four_weeks_against_the_four_before() -> None:
    previous, last = four_week_windows(AS_OF, days(date(2026, 10, 1), 52))
    assert last == Window(date(2026, 10, 25), AS_OF, 28)
    assert previous == Window(date(2026, 9, 27), date(2026, 10, 24), 24)
