"""The rehab checklist of a phase and the adherence figures, as pure functions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain import content
from sciatica_tui.domain.records import CustomExercise, RehabDay
from sciatica_tui.domain.rehab import (
    ChecklistEntry,
    checklist,
    chosen_phase,
    daily_adherence,
    day_mark,
    done_count,
    new_custom_id,
    recent_weeks,
    share_done,
    toggled,
    weekly_adherence,
)
from sciatica_tui.domain.validation.rules import validate_custom_exercise

SATURDAY = date(2026, 11, 21)
MONDAY = date(2026, 11, 16)


def ids(entries: Sequence[ChecklistEntry]) -> list[str]:
    return [entry.id for entry in entries]


@pytest.mark.parametrize("phase", [1, 2, 3])
def test_checklist_is_the_phase_items_in_order(phase: int) -> None:
    plan = content.rehab().phases[phase - 1]
    expected = [item.id for item in plan.items if not item.surgery_only]
    assert ids(checklist(phase, [], after_surgery=False)) == expected
    assert ids(checklist(phase, [], after_surgery=True)) == [item.id for item in plan.items]


def test_after_surgery_items_show_only_with_a_surgery_date() -> None:
    without = ids(checklist(1, [], after_surgery=False))
    with_surgery = ids(checklist(1, [], after_surgery=True))
    assert "no_blt" not in without
    assert "no_blt" in with_surgery
    assert set(with_surgery) - set(without) == {"no_blt"}


def test_own_exercises_follow_the_plan_in_their_phase_in_the_order_added() -> None:
    own = [
        CustomExercise("custom-10", 2, "Tenth", "later"),
        CustomExercise("custom-9", 2, "Ninth"),
        CustomExercise("custom-1", 3, "Other phase"),
    ]
    entries = checklist(2, own, after_surgery=False)
    assert ids(entries)[-2:] == ["custom-9", "custom-10"]
    assert [e.custom for e in entries[-3:]] == [False, True, True]
    assert entries[-1].how == "later" and entries[-1].caution is None
    assert "custom-1" not in ids(entries)


@pytest.mark.parametrize(
    ("taken", "expected"),
    [
        ([], "custom-1"),
        (["ice", "custom-3", "custom-10", "custom-x"], "custom-11"),
        (["custom-2"], "custom-3"),
    ],
)
def test_new_custom_id(taken: list[str], expected: str) -> None:
    assert new_custom_id(taken) == expected


@given(st.lists(st.from_regex(r"(custom-)?[a-z0-9_]{1,5}", fullmatch=True), max_size=20))
def test_new_custom_id_is_fresh_and_valid(taken: list[str]) -> None:
    fresh = new_custom_id(taken)
    assert fresh not in taken
    assert re.fullmatch(r"[a-z0-9_\-]+", fresh)
    assert validate_custom_exercise({"id": fresh, "phase": 1, "title": "x"}).id == fresh


@pytest.mark.parametrize(
    ("override", "suggested", "shown"),
    [(None, 2, 2), (3, 2, 3), (1, None, 1), (None, None, 1)],
)
def test_chosen_phase(override: int | None, suggested: int | None, shown: int) -> None:
    assert chosen_phase(override, suggested) == shown


def test_toggled_ticks_and_unticks_keeping_order() -> None:
    assert toggled((), "ice") == ("ice",)
    assert toggled(("ice", "heat"), "bridges") == ("ice", "heat", "bridges")
    assert toggled(("ice", "heat", "bridges"), "heat") == ("ice", "bridges")


def test_done_count_counts_only_this_checklist() -> None:
    entries = checklist(2, [], after_surgery=False)
    assert done_count(("bird_dog", "ice", "bridges"), entries) == 2


def items(count: int) -> tuple[str, ...]:
    return tuple(f"item{i}" for i in range(count))


@pytest.mark.parametrize(
    ("done", "size", "share"), [(0, 10, 0.0), (5, 10, 0.5), (14, 10, 1.0), (3, 0, 0.0)]
)
def test_share_done_is_the_share_of_the_list_ticked(done: int, size: int, share: float) -> None:
    assert share_done(items(done), items(size)) == share


def test_ticks_off_the_list_shown_add_nothing_to_its_share() -> None:
    """Ticks from another phase (or of an exercise since removed): the day has ticks, but
    the share agrees with the "0 of 4 ticked" shown for it."""
    assert share_done(("old_phase_walk", "removed"), items(4)) == 0.0
    assert share_done(("item1", "old_phase_walk"), items(4)) == 0.25
    [day] = daily_adherence([RehabDay(MONDAY, ("old_phase_walk",))], items(4), MONDAY, MONDAY)
    assert (day.done, day.share) == (1, 0.0)
    assert day_mark(day) == "◐"  # a day with ticks, none of them on this list


def rehab_days(*done_by_day: tuple[date, int]) -> list[RehabDay]:
    return [RehabDay(day, items(n)) for day, n in done_by_day]


def test_daily_adherence_fills_missing_days_with_nothing_done() -> None:
    days = daily_adherence(rehab_days((MONDAY, 2)), items(4), MONDAY - timedelta(days=1), MONDAY)
    assert [(d.date, d.done, d.share) for d in days] == [
        (MONDAY - timedelta(days=1), 0, 0.0),
        (MONDAY, 2, 0.5),
    ]


def test_weekly_adherence_counts_a_monday_start_week() -> None:
    saved = rehab_days(
        (MONDAY - timedelta(days=1), 4),  # Sunday: the week before
        (MONDAY, 2),
        (MONDAY + timedelta(days=2), 4),
        (MONDAY + timedelta(days=6), 1),  # Sunday: the last day of this week
        (MONDAY + timedelta(days=7), 4),  # next Monday
    )
    week = weekly_adherence(saved, items(4), MONDAY + timedelta(days=3))  # any day names its week
    assert week.week_start == MONDAY
    assert (week.days_counted, week.active_days, week.items_done) == (7, 3, 7)
    assert week.mean_share == pytest.approx((0.5 + 1.0 + 0.25) / 7)
    assert week.percent == 25


def test_weekly_adherence_of_the_current_week_counts_only_days_so_far() -> None:
    saved = rehab_days((MONDAY, 4), (SATURDAY, 2))
    week = weekly_adherence(saved, items(4), MONDAY, today=SATURDAY)
    assert week.last_day == SATURDAY
    assert (week.days_counted, week.active_days) == (6, 2)
    assert week.mean_share == pytest.approx(1.5 / 6)
    past = weekly_adherence(saved, items(4), MONDAY - timedelta(weeks=1), today=SATURDAY)
    assert (past.days_counted, past.active_days, past.mean_share) == (7, 0, 0.0)


def test_recent_weeks_are_the_last_four_monday_weeks_oldest_first() -> None:
    weeks = recent_weeks(rehab_days((SATURDAY, 1)), items(4), SATURDAY)
    assert [week.week_start for week, _ in weeks] == [
        date(2026, 10, 26),
        date(2026, 11, 2),
        date(2026, 11, 9),
        MONDAY,
    ]
    assert [len(days) for _, days in weeks] == [7, 7, 7, 6]
    assert weeks[-1][1][-1].date == SATURDAY and weeks[-1][1][-1].done == 1


def test_the_grid_marks_all_some_or_nothing() -> None:
    days = daily_adherence(
        rehab_days((MONDAY, 1), (MONDAY + timedelta(days=1), 8)),
        items(8),
        MONDAY - timedelta(days=1),
        MONDAY + timedelta(days=1),
    )
    assert [day_mark(day) for day in days] == ["·", "◐", "●"]
