"""Stage and rehab phase as pure functions of dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain.timeline import completed_weeks, phase_for_week, position, stage_for_week

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("days", "phase"),
    [(0, 1), (41, 1), (42, 2), (83, 2), (84, 3), (400, 3)],
)
def test_phase_boundaries_from_onset(days: int, phase: int) -> None:
    assert position(TODAY - timedelta(days=days), None, TODAY).phase == phase


@pytest.mark.parametrize(
    ("days", "stage_number", "label"),
    [
        (0, 1, "0–6"),
        (48, 1, "0–6"),
        (49, 2, "7–12"),
        (90, 2, "7–12"),
        (91, 3, "13–24"),
        (167, 3, "13–24"),
        (168, 4, "24+"),
        (3650, 4, "24+"),
    ],
)
def test_stage_boundaries(days: int, stage_number: int, label: str) -> None:
    stage = position(TODAY - timedelta(days=days), None, TODAY).stage
    assert stage is not None
    assert (stage.number, stage.weeks) == (stage_number, label)


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
    assert phase_for_week(week) in {1, 2, 3}


def test_nothing_is_known_before_the_onset() -> None:
    """Found by a reviewer: a review as of a day before the onset said "Week 0 since onset"."""
    onset = date(2026, 9, 27)
    before = position(onset, None, date(2026, 9, 1))
    assert (before.weeks_since_onset, before.stage, before.phase) == (None, None, None)
    assert not before.known
    assert position(onset, None, onset).weeks_since_onset == 0
    before_surgery = position(onset, date(2026, 10, 10), date(2026, 10, 1))
    assert before_surgery.phase == 1 and before_surgery.phase_counted_from == "onset"
