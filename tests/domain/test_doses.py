"""Doses (sets × reps or a hold, times a day), ticks that count rounds, and adherence counted
against the rounds due: an exercise due twice and done once is half done."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain import content
from sciatica_tui.domain.doses import MAX_TIMES_PER_DAY, Dose, dose_words, rounds_due
from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.records import CustomExercise, RehabDay
from sciatica_tui.domain.rehab import (
    checklist,
    hidden_ids,
    plan_doses,
    plan_rounds,
    rounds_done,
    share_done,
    toggled,
    usual_dose,
    weekly_adherence,
    whole_days_done,
)
from sciatica_tui.domain.validation.plan_rules import validate_dose, validate_plan_item
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import validate_rehab_day

MONDAY = date(2026, 11, 16)
SUNDAY = MONDAY + timedelta(days=6)


@pytest.mark.parametrize(
    ("dose", "words"),
    [
        (Dose(sets=2, reps=10), "2 × 10"),
        (Dose(reps=12), "12 reps"),
        (Dose(hold_seconds=30), "hold 30 s"),
        (Dose(sets=3, hold_seconds=20), "3 × hold 20 s"),
        (Dose(times_per_day=2), "× 2 a day"),
        (Dose(sets=2, reps=10, times_per_day=2), "2 × 10 · × 2 a day"),
        (Dose(sets=1), "1 set"),
        (None, ""),
    ],
)
def test_the_dose_in_a_few_characters(dose: Dose | None, words: str) -> None:
    assert dose_words(dose) == words


def test_every_exercise_with_a_dose_in_the_content_gets_a_sane_one() -> None:
    items = [item for phase in content.rehab().phases for item in phase.items]
    with_dose = [item for item in items if item.dose is not None]
    assert len(with_dose) >= 12
    for item in with_dose:
        assert item.dose is not None
        assert validate_dose(item.dose.to_record()) == item.dose
        assert item.dose.times_per_day <= 2  # a gentle start
    # Ice, heat and habits have none: their how-to says how long.
    assert usual_dose("ice") is None and usual_dose("ergonomics") is None
    assert usual_dose("bridges") == Dose(sets=2, reps=10)
    assert usual_dose("custom-1") is None


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        ({"reps": 10, "hold_seconds": 30, "times_per_day": 1}, "reps", "not both"),
        ({"sets": 0, "times_per_day": 1}, "sets", "0 is below 1"),
        ({"sets": 11, "times_per_day": 1}, "sets", "11 is above 10"),
        ({"reps": 51, "times_per_day": 1}, "reps", "51 is above 50"),
        ({"hold_seconds": 601, "times_per_day": 1}, "hold_seconds", "601 is above 600"),
        ({"times_per_day": 7}, "times_per_day", "7 is above 6"),
        ({"sets": 2}, "times_per_day", "is missing"),
        ({"reps": 2.5, "times_per_day": 1}, "reps", "not a whole number"),
        ({"reps": True, "times_per_day": 1}, "reps", "not a whole number"),
    ],
)
def test_a_bad_dose_is_refused_with_clear_words(
    raw: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_dose(raw)
    problem = refused.value.for_field(field)
    assert problem is not None, refused.value.problems
    assert words in f"{problem.message} {problem.hint}"


def test_a_plan_item_carries_its_dose_or_none() -> None:
    raw = {"id": "bridges", "hidden": False, "dose": {"sets": 3, "reps": 12, "times_per_day": 2}}
    item = validate_plan_item(raw)
    assert item == PlanItem("bridges", dose=Dose(sets=3, reps=12, times_per_day=2))
    assert item.to_record() == raw
    assert PlanItem("ice", hidden=True).to_record() == {"id": "ice", "hidden": True}
    with pytest.raises(ValidationError) as refused:
        validate_plan_item({"id": "bridges", "hidden": False, "dose": {"times_per_day": 9}})
    assert "times_per_day: 9 is above 6" in str(refused.value)


def test_the_persons_dose_replaces_the_default_and_hiding_keeps_it() -> None:
    mine = Dose(sets=3, reps=15, times_per_day=2)
    plan = [PlanItem("bridges", dose=mine), PlanItem("clamshells", hidden=True)]
    entries = {e.id: e for e in checklist(2, [], after_surgery=False, doses=plan_doses(plan))}
    assert entries["bridges"].dose == mine and entries["bridges"].rounds == 2
    assert entries["bird_dog"].dose == Dose(sets=2, reps=8) and entries["bird_dog"].rounds == 1
    assert rounds_due(None) == 1


def test_ticking_counts_rounds_then_clears() -> None:
    assert toggled((), "bridges", 2) == ("bridges",)
    assert toggled(("bridges",), "bridges", 2) == ("bridges", "bridges")
    assert toggled(("ice", "bridges", "bridges"), "bridges", 2) == ("ice",)
    # One round a day: a tick and an untick, as before.
    assert toggled(("ice",), "ice") == ()
    # Rounds ticked before times a day was lowered still clear at once.
    assert toggled(("bridges", "bridges", "bridges"), "bridges", 2) == ()
    assert rounds_done(("bridges", "ice", "bridges"), "bridges") == 2


def test_an_exercise_is_done_for_the_day_when_every_round_is() -> None:
    doses = {"bridges": Dose(sets=2, reps=10, times_per_day=2)}
    entries = [e for e in checklist(2, [], after_surgery=False, doses=doses)]
    assert whole_days_done(("bridges", "bird_dog"), entries) == 1  # bird-dog: once a day
    assert whole_days_done(("bridges", "bird_dog", "bridges"), entries) == 2


def test_adherence_counts_rounds_against_times_a_day() -> None:
    plan = ("twice", "once")
    rounds = {"twice": 2, "once": 1}
    assert share_done(("twice", "once"), plan, rounds) == 0.75  # twice done once: half
    assert share_done(("twice", "twice", "once"), plan, rounds) == 1.0
    assert share_done(("twice",) * 5, plan, rounds) == 0.5  # extra rounds add nothing
    assert share_done(("twice", "once"), plan) == 1.0  # without rounds: one a day each


def test_adherence_with_twice_a_day_exercises_and_hidden_built_ins() -> None:
    hidden = hidden_ids([PlanItem("ice", hidden=True), PlanItem("heat", hidden=True)])
    own = CustomExercise("custom-1", 1, "Walk")
    doses = plan_doses([PlanItem("custom-1", dose=Dose(times_per_day=2))])
    entries = checklist(1, [own], after_surgery=False, hidden=hidden, doses=doses)
    ids = [e.id for e in entries]
    assert "ice" not in ids and "heat" not in ids
    rounds = plan_rounds(entries)
    assert rounds["custom-1"] == 2 and rounds["pelvic_tilts"] == 2 and rounds["nerve_glides"] == 1
    size = len(entries)
    days = [
        RehabDay(MONDAY, ("custom-1", "ice")),  # the walk once of twice, ice hidden: 0.5 of one
        RehabDay(MONDAY + timedelta(days=1), ("custom-1", "custom-1", "nerve_glides")),
    ]
    week = weekly_adherence(days, ids, MONDAY, today=MONDAY + timedelta(days=1), rounds=rounds)
    assert week.active_days == 2 and week.days_counted == 2
    assert week.mean_share == pytest.approx((0.5 / size + 2 / size) / 2)
    assert week.items_done == 4  # different items a day, not rounds


def test_old_rehab_days_read_as_before_and_repeats_are_kept() -> None:
    old = validate_rehab_day({"date": "2026-11-16", "done": ["ice", "heat"]}, today=SUNDAY)
    assert old == RehabDay(MONDAY, ("ice", "heat"))
    twice = validate_rehab_day({"date": "2026-11-16", "done": ["ice", "ice"]}, today=SUNDAY)
    assert twice.done == ("ice", "ice")
    with pytest.raises(ValidationError) as refused:
        validate_rehab_day({"date": "2026-11-16", "done": ["ice"] * 7}, today=SUNDAY)
    assert "'ice' is ticked 7 times, more than 6" in str(refused.value)


@given(st.lists(st.tuples(st.sampled_from(["ice", "heat", "walk"]), st.integers(1, 9)), max_size=4))
def test_a_day_is_refused_only_when_an_id_is_ticked_too_often(
    runs: list[tuple[str, int]],
) -> None:
    done = [item for item, times in runs for _ in range(times)]
    raw = {"date": "2026-11-16", "done": done}
    if max(Counter(done).values(), default=0) > MAX_TIMES_PER_DAY:
        with pytest.raises(ValidationError, match="more than"):
            validate_rehab_day(raw, today=SUNDAY)
    else:
        assert validate_rehab_day(raw, today=SUNDAY).done == tuple(done)
