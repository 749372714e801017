"""The person's own plan: built-ins hidden, own exercises for one phase or every phase, ticks
kept when they leave the plan, and adherence counted on the plan alone."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sciatica_tui.domain import content
from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.records import EVERY_PHASE, CustomExercise, RehabDay
from sciatica_tui.domain.rehab import (
    REMOVED_TITLE,
    EntryPlace,
    checklist,
    hidden_entries,
    hidden_ids,
    in_phase,
    recent_weeks,
    share_done,
    ticked_off_plan,
    week_words,
    weekly_adherence,
)
from sciatica_tui.domain.validation.plan_rules import validate_plan_item
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import validate_custom_exercise

MONDAY = date(2026, 11, 16)
PHASE_2 = [item.id for item in content.rehab().phases[1].items]
EVERY = CustomExercise("custom-1", EVERY_PHASE, "Walk", "Ten minutes")
ONLY_2 = CustomExercise("custom-2", 2, "Wall squats")


@pytest.mark.parametrize(
    ("exercise", "phase", "belongs"),
    [(EVERY, 1, True), (EVERY, 3, True), (ONLY_2, 2, True), (ONLY_2, 1, False)],
)
def test_own_exercises_belong_to_their_phase_or_to_every_phase(
    exercise: CustomExercise, phase: int, belongs: bool
) -> None:
    assert in_phase(exercise, phase) is belongs
    shown = [e.id for e in checklist(phase, [exercise], after_surgery=False)]
    assert (exercise.id in shown) is belongs


def test_an_exercise_for_every_phase_is_marked_so() -> None:
    [entry] = [e for e in checklist(3, [EVERY], after_surgery=False) if e.custom]
    assert entry.every_phase and entry.place is EntryPlace.PLAN


def test_hidden_built_ins_leave_the_plan_and_are_listed_apart() -> None:
    hidden = hidden_ids([PlanItem(PHASE_2[0], hidden=True), PlanItem(PHASE_2[1], hidden=False)])
    assert hidden == {PHASE_2[0]}
    plan = [e.id for e in checklist(2, [ONLY_2], after_surgery=False, hidden=hidden)]
    assert plan == [*PHASE_2[1:], "custom-2"]
    listed = hidden_entries(2, after_surgery=False, hidden=hidden)
    assert [(e.id, e.place) for e in listed] == [(PHASE_2[0], EntryPlace.HIDDEN)]
    # Hiding is by id: a phase without that item lists nothing.
    assert hidden_entries(1, after_surgery=False, hidden=hidden) == ()


def test_ticks_off_the_plan_are_named_never_dropped() -> None:
    phase_1_item = content.rehab().phases[0].items[0]
    plan = checklist(2, [ONLY_2], after_surgery=False, hidden={PHASE_2[0]})
    done = (PHASE_2[1], phase_1_item.id, PHASE_2[0], "custom-9", "custom-2")
    off = ticked_off_plan(done, plan, [ONLY_2])
    assert [(e.id, e.title, e.place) for e in off] == [
        (phase_1_item.id, phase_1_item.title, EntryPlace.OFF_PLAN),  # another phase
        (PHASE_2[0], content.rehab().phases[1].items[0].title, EntryPlace.OFF_PLAN),  # hidden
        ("custom-9", REMOVED_TITLE, EntryPlace.OFF_PLAN),  # removed since
    ]


def test_adherence_counts_only_the_plan() -> None:
    """Four exercises, two hidden: doing the other two is the whole plan."""
    everything = ("a", "b", "c", "d")
    plan = ("a", "b")
    assert share_done(("a", "b"), everything) == 0.5
    assert share_done(("a", "b"), plan) == 1.0
    assert share_done(("a", "c"), plan) == 0.5  # a hidden one's tick stays, but counts nothing
    days = [RehabDay(MONDAY + timedelta(days=n), ("a", "b")) for n in range(5)]
    week = weekly_adherence(days, plan, MONDAY)
    assert week_words(week) == "5 of 7 days, 71% of the plan"


@pytest.mark.parametrize(
    ("ticked_days", "words"),
    [(0, "0 of 6 days, 0% of the plan"), (3, "3 of 6 days, 50% of the plan")],
)
def test_this_week_in_words_counts_the_days_so_far(ticked_days: int, words: str) -> None:
    saturday = MONDAY + timedelta(days=5)
    days = [RehabDay(MONDAY + timedelta(days=n), ("a",)) for n in range(ticked_days)]
    [*_, (this_week, _)] = recent_weeks(days, ("a",), saturday)
    assert week_words(this_week) == words


@pytest.mark.parametrize("phase", [1, 2, 3, EVERY_PHASE])
def test_an_own_exercise_may_be_for_one_phase_or_all(phase: int | str) -> None:
    raw = {"id": "custom-1", "phase": phase, "title": "Walk"}
    assert validate_custom_exercise(raw).phase == phase


@pytest.mark.parametrize("phase", [0, 4, "every", "1", None, True])
def test_other_phases_are_refused_with_the_rule(phase: object) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_custom_exercise({"id": "custom-1", "phase": phase, "title": "Walk"})
    assert [p.field for p in refused.value.problems] == ["phase"]


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"id": "ice"}, "hidden"),
        ({"id": "Ice pack", "hidden": True}, "id"),
        ({"id": "ice", "hidden": "yes"}, "hidden"),
        ({"id": "ice", "hidden": True, "sets": 3}, "sets"),
    ],
)
def test_a_plan_item_is_checked(raw: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_plan_item(raw)
    assert [p.field for p in refused.value.problems] == [field]
    assert validate_plan_item({"id": "ice", "hidden": True}) == PlanItem("ice", hidden=True)
