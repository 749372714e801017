"""Stage and rehab phase as pure functions of dates, on the same boundaries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain.timeline import completed_weeks, phase_for_week, position, stage_for_week

TODAY = date(2026, 11, 21)


# days since onset -> (completed weeks, stage, phase)
TIMELINE = [
    (0, 0, 1, 1),
    (20, 2, 1, 1),
    (41, 5, 1, 1),
    (42, 6, 2, 2),
    (43, 6, 2, 2),
    (83, 11, 2, 2),
    (84, 12, 3, 3),
    (167, 23, 3, 3),
    (168, 24, 4, 3),
    (400, 57, 4, 3),
]


@pytest.mark.parametrize(("days", "weeks", "stage", "phase"), TIMELINE)
def test_weeks_stage_and_phase_without_surgery(
    days: int, weeks: int, stage: int, phase: int
) -> None:
    where = position(TODAY - timedelta(days=days), None, TODAY)
    assert where.stage is not None
    assert (where.weeks_since_onset, where.stage.number, where.phase) == (weeks, stage, phase)
    assert where.phase_counted_from == "onset" and not where.phase_from_surgery
    assert where.weeks_since_phase_start == weeks


@pytest.mark.parametrize(("days", "weeks", "stage", "phase"), TIMELINE)
def test_with_a_surgery_the_phase_counts_from_it(
    days: int, weeks: int, stage: int, phase: int
) -> None:
    """Surgery ``days`` ago, a year after an onset 500 days ago: the weeks and the stage
    still follow the onset (week 71, stage 4); the phase follows the surgery."""
    onset = TODAY - timedelta(days=500)
    where = position(onset, TODAY - timedelta(days=days), TODAY)
    assert where.stage is not None
    assert (where.weeks_since_onset, where.stage.number) == (71, 4)
    assert (where.phase, where.weeks_since_phase_start) == (phase, weeks)
    assert where.phase_counted_from == "surgery" and where.phase_from_surgery


def test_stage_and_phase_hold_together_every_day() -> None:
    """Without a surgery, phase 1 is stage 1, phase 2 is stage 2 and phase 3 is stage 3 on,
    every day from the onset to day 400."""
    onset = date(2025, 1, 1)
    for days in range(401):
        where = position(onset, None, onset + timedelta(days=days))
        assert where.stage is not None and where.phase is not None
        assert where.weeks_since_onset == days // 7
        assert where.phase == min(where.stage.number, 3), days


def test_surgery_after_onset_restarts_the_phase() -> None:
    onset = TODAY - timedelta(days=200)
    surgery = TODAY - timedelta(days=20)
    where = position(onset, surgery, TODAY)
    assert where.phase == 1 and where.phase_counted_from == "surgery"
    assert where.weeks_since_onset == 28  # the stage still follows the onset
    assert where.next_phase_on == surgery + timedelta(weeks=6)


def test_surgery_before_onset_is_ignored_for_the_phase() -> None:
    onset = TODAY - timedelta(days=50)
    where = position(onset, onset - timedelta(days=300), TODAY)
    assert where.phase == 2 and where.phase_counted_from == "onset"


def test_a_surgery_still_to_come_leaves_the_phase_on_the_onset() -> None:
    onset = TODAY - timedelta(days=50)
    where = position(onset, TODAY + timedelta(days=3), TODAY)
    assert where.phase == 2 and not where.phase_from_surgery


def test_no_onset_means_nothing_is_known() -> None:
    where = position(None, None, TODAY)
    assert not where.known
    assert where.stage is None and where.phase is None and where.weeks_since_onset is None


def test_onset_today_or_later_counts_as_week_zero() -> None:
    assert completed_weeks(TODAY, TODAY) == 0
    assert completed_weeks(TODAY + timedelta(days=3), TODAY) == 0


@given(st.integers(min_value=0, max_value=5000))
def test_every_week_has_exactly_one_stage_and_phase(week: int) -> None:
    assert stage_for_week(week).number in {1, 2, 3, 4}
    assert phase_for_week(week) == min(stage_for_week(week).number, 3)


def test_nothing_is_known_before_the_onset() -> None:
    """Found by a reviewer: a review as of a day before the onset said "Week 0 since onset"."""
    onset = date(2026, 9, 27)
    before = position(onset, None, date(2026, 9, 1))
    assert (before.weeks_since_onset, before.stage, before.phase) == (None, None, None)
    assert not before.known
