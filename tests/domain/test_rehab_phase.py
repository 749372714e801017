"""Rehab phase cases the timeline tests leave out: boundaries counted from a surgery date,
a surgery date without an onset, and surgery on the onset day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sciatica_tui.domain.timeline import position

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(("days", "phase"), [(0, 1), (41, 1), (42, 2), (83, 2), (84, 3)])
def test_phase_boundaries_from_surgery(days: int, phase: int) -> None:
    surgery = TODAY - timedelta(days=days)
    where = position(surgery - timedelta(days=500), surgery, TODAY)
    assert where.phase == phase and where.phase_counted_from == "surgery"


def test_surgery_without_an_onset_still_gives_a_phase() -> None:
    where = position(None, TODAY - timedelta(days=50), TODAY)
    assert where.phase == 2 and where.phase_counted_from == "surgery"
    assert where.stage is None and where.weeks_since_onset is None


def test_surgery_on_the_onset_day_counts_from_the_onset() -> None:
    onset = TODAY - timedelta(days=90)
    assert position(onset, onset, TODAY).phase_counted_from == "onset"


@pytest.mark.parametrize(("days", "next_on"), [(0, 42), (41, 42), (42, 84), (83, 84), (84, None)])
def test_next_phase_date(days: int, next_on: int | None) -> None:
    onset = TODAY - timedelta(days=days)
    expected = onset + timedelta(days=next_on) if next_on is not None else None
    assert position(onset, None, TODAY).next_phase_on == expected
