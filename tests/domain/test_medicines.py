"""The person's medicines: their rules, the doses a day holds, the pain-relief total those make,
and the one list older clinic visits' medicines become."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain.medicines import (
    Medicine,
    MedicineKind,
    derived_pain_med_doses,
    guess_kind,
    medicine_label,
    medicines_from_visits,
    new_medicine_id,
    recounted_pain_relief,
)
from sciatica_tui.domain.validation.forms import daily_log_from_form
from sciatica_tui.domain.validation.medicine_rules import validate_medicine
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import validate_daily_log

TODAY = date(2026, 12, 3)
PAIN = MedicineKind.PAIN_RELIEF
NERVE = MedicineKind.NERVE_PAIN
IBUPROFEN = Medicine("ibuprofen", "Ibuprofen", "400 mg", PAIN)
PARACETAMOL = Medicine("paracetamol", "Paracetamol", "1 g", PAIN)
GABAPENTIN = Medicine("gabapentin", "Gabapentin", "300 mg", NERVE)
LIST = (IBUPROFEN, PARACETAMOL, GABAPENTIN)

# --- the rules of a medicine ----------------------------------------------------------------

GOOD = {"id": "ibuprofen", "name": "Ibuprofen", "dose": "400 mg", "kind": "pain_relief"}


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"id": "Has Spaces"}, "id: 'Has Spaces' is not an item id"),
        ({"id": None}, "id: is missing"),
        ({"name": "   "}, "name: is empty"),
        ({"name": None}, "name: is missing"),
        ({"name": "x" * 201}, "name: is 201 characters long, more than 200"),
        ({"kind": "painkiller"}, "kind: 'painkiller' is not one of the choices"),
        ({"kind": None}, "kind: is missing"),
        ({"dose": 400}, "dose: 400 is not text"),
        ({"helps": "x" * 201}, "helps: is 201 characters long, more than 200"),
        ({"price": 3}, "price: is not a field of a medicine"),
    ],
    ids=lambda value: str(value)[:30],
)
def test_a_medicine_that_breaks_a_rule_is_refused_by_field(
    changes: dict[str, Any], problem: str
) -> None:
    raw = {key: value for key, value in {**GOOD, **changes}.items() if value is not None}
    with pytest.raises(ValidationError) as refused:
        validate_medicine(raw)
    assert [str(p) for p in refused.value.problems] == [problem]
    assert all(p.hint for p in refused.value.problems)


def test_a_medicine_needs_only_id_name_and_kind_and_leaves_out_empty_notes() -> None:
    medicine = validate_medicine({"id": "vit-d", "name": "Vitamin D", "kind": "other"})
    assert medicine == Medicine("vit-d", "Vitamin D")
    assert medicine.to_record() == {"id": "vit-d", "name": "Vitamin D", "dose": "", "kind": "other"}
    full = Medicine("ibuprofen", "Ibuprofen", "400 mg", PAIN, "3 a day", "Oct", "a bit", "none")
    assert validate_medicine(full.to_record()) == full


# --- the doses a day holds ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doses", "problem"),
    [
        ({"ibuprofen": 51}, "medicine_doses: ibuprofen: 51 is above 50"),
        ({"ibuprofen": -1}, "medicine_doses: ibuprofen: -1 is below 0"),
        ({"ibuprofen": 1.5}, "medicine_doses: ibuprofen: 1.5 is not a whole number"),
        ({"ibuprofen": "2"}, "medicine_doses: ibuprofen: '2' is not a whole number"),
        ({"Not An Id": 1}, "medicine_doses: 'Not An Id' is not a medicine id"),
        ([2], "medicine_doses: [2] is not a list of doses by medicine"),
        ({f"m{n}": 1 for n in range(31)}, "medicine_doses: holds 31 medicines, more than 30"),
    ],
    ids=lambda value: str(value)[:30],
)
def test_doses_that_break_a_rule_are_refused_with_the_medicine_named(
    doses: Any, problem: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_daily_log(
            {"date": "2026-12-01", "leg_pain": 3, "back_pain": 2, "medicine_doses": doses},
            today=TODAY,
        )
    assert [str(p) for p in refused.value.problems] == [problem]


def test_a_day_keeps_the_doses_of_a_medicine_no_longer_listed() -> None:
    raw = {"date": "2026-12-01", "leg_pain": 3, "back_pain": 2, "pain_med_doses": 2}
    log = validate_daily_log({**raw, "medicine_doses": {"removed-one": 2}}, today=TODAY)
    assert log.medicine_doses == {"removed-one": 2}
    assert log.to_record() == {**raw, "medicine_doses": {"removed-one": 2}}
    # An old day with only the count stays as it was.
    old = validate_daily_log(raw, today=TODAY)
    assert old.medicine_doses == {} and old.to_record() == raw


# --- the pain-relief total -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doses", "logged", "total"),
    [
        ({}, None, None),  # nothing logged: nothing made up
        ({}, 3, 3),  # a day with only the plain count keeps it
        ({"ibuprofen": 2}, None, 2),
        ({"ibuprofen": 2, "paracetamol": 3}, None, 5),
        ({"ibuprofen": 2, "gabapentin": 1}, None, 2),  # nerve pain is not pain relief
        ({"gabapentin": 2}, 4, 4),  # no pain relief among them: the plain count stays
        ({"gabapentin": 2}, None, None),
        ({"ibuprofen": 0}, 4, 0),  # pain relief logged as none taken: 0, not the count
        ({"ibuprofen": 1, "removed-one": 5}, None, 1),  # an unknown id counts for nothing
    ],
)
def test_pain_med_doses_is_the_total_of_the_pain_relief_doses(
    doses: dict[str, int], logged: int | None, total: int | None
) -> None:
    assert derived_pain_med_doses(doses, LIST, logged) == total


@given(st.dictionaries(st.sampled_from([m.id for m in LIST]), st.integers(0, 50)))
def test_the_total_never_counts_other_kinds(doses: dict[str, int]) -> None:
    total = derived_pain_med_doses(doses, LIST)
    pain = [count for key, count in doses.items() if key in {"ibuprofen", "paracetamol"}]
    assert total == (sum(pain) if pain else None)


def form(**texts: str) -> dict[str, str]:
    return {"date": "2026-12-01", "leg_pain": "4", "back_pain": "2", **texts}


def test_the_form_saves_each_medicine_and_derives_the_total() -> None:
    log = daily_log_from_form(
        form(**{"pain_med_doses": "7", "dose:ibuprofen": "2", "dose:gabapentin": "1"}),
        today=TODAY,
        medicines=LIST,
    )
    assert log.medicine_doses == {"ibuprofen": 2, "gabapentin": 1}
    assert log.pain_med_doses == 2  # the medicines' total, not the 7 typed before


def test_a_medicine_left_empty_on_the_form_is_not_logged() -> None:
    log = daily_log_from_form(
        form(**{"pain_med_doses": "3", "dose:ibuprofen": "", "dose:gabapentin": ""}),
        today=TODAY,
        medicines=LIST,
    )
    assert log.medicine_doses == {}
    assert log.pain_med_doses == 3


def test_a_form_whose_pain_relief_adds_up_to_more_than_50_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        daily_log_from_form(
            form(**{"dose:ibuprofen": "30", "dose:paracetamol": "30"}), today=TODAY, medicines=LIST
        )
    assert [p.field for p in refused.value.problems] == ["pain_med_doses"]
    assert "60 pain-relief doses in a day is more than 50" in refused.value.problems[0].message


# --- ids, names and kinds -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "taken", "made"),
    [
        ("Ibuprofen", set(), "ibuprofen"),
        ("Co-codamol 30/500", set(), "co-codamol-30-500"),
        ("  Vitamin D  ", set(), "vitamin-d"),
        ("Ibuprofen", {"ibuprofen"}, "ibuprofen-2"),
        ("Ibuprofen", {"ibuprofen", "ibuprofen-2"}, "ibuprofen-3"),
        ("Диклофенак", set(), "medicine"),
        ("Naproxène", set(), "naproxene"),
        ("x" * 100, set(), "x" * 40),
    ],
)
def test_a_new_id_is_made_from_the_name(name: str, taken: set[str], made: str) -> None:
    assert new_medicine_id(name, taken) == made
    assert validate_medicine({"id": made, "name": name, "kind": "other"}).id == made


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Ibuprofen 400", PAIN),
        ("co-codamol", PAIN),
        ("PREGABALIN", NERVE),
        ("Amitriptyline 10 mg", NERVE),
        ("Vitamin D", MedicineKind.OTHER),
        ("", MedicineKind.OTHER),
    ],
)
def test_the_kind_is_told_from_a_well_known_name_else_other(name: str, kind: MedicineKind) -> None:
    assert guess_kind(name) is kind


def test_a_medicine_no_longer_listed_is_named_by_its_id() -> None:
    assert medicine_label("ibuprofen", LIST) == "Ibuprofen 400 mg"
    assert medicine_label("vitamin-d", LIST) == "Vitamin d"


# --- older visits' medicines become the one list ------------------------------------------------


def test_the_medicines_of_older_visits_become_one_list_by_name() -> None:
    visits = [
        {"id": "b", "date": "2026-11-20", "medicines": [{"name": "Ibuprofen", "dose": "200 mg"}]},
        {
            "id": "a",
            "date": "2026-10-01",
            "medicines": [
                {"name": "ibuprofen", "dose": "400 mg", "helps": "a bit"},
                {"name": "Vitamin D"},
            ],
        },
        {"id": "c", "date": "2026-12-01"},
    ]
    shared, kept = medicines_from_visits(visits)
    assert shared == [
        # The latest visit's words win; an earlier one fills what it left out.
        {"id": "ibuprofen", "name": "Ibuprofen", "dose": "200 mg", "kind": "pain_relief",
         "helps": "a bit"},
        {"id": "vitamin-d", "name": "Vitamin D", "dose": "", "kind": "other"},
    ]  # fmt: skip
    assert kept == [{"id": "b", "date": "2026-11-20"}, {"id": "a", "date": "2026-10-01"}, visits[2]]


def test_what_cannot_be_read_is_passed_on_for_the_checks_to_name() -> None:
    visits: list[Any] = ["not a visit", {"id": "a", "medicines": [{"dose": "1"}, 7, {"name": ""}]}]
    shared, kept = medicines_from_visits(visits)
    assert shared == [{"dose": "1"}, 7, {"name": ""}]
    assert kept == ["not a visit", {"id": "a"}]


# --- a medicine whose kind changes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "doses", "before", "after", "recounted"),
    [
        (None, {"ibuprofen": 2}, MedicineKind.OTHER, PAIN, 2),  # now pain relief: counted
        (3, {"ibuprofen": 2, "paracetamol": 3}, MedicineKind.OTHER, PAIN, 5),
        (5, {"ibuprofen": 2, "paracetamol": 3}, PAIN, NERVE, 3),  # no longer: taken away
        (2, {"ibuprofen": 2}, PAIN, MedicineKind.OTHER, None),  # nothing left: not a made-up 0
        (4, {"ibuprofen": 2}, PAIN, NERVE, 2),  # a removed medicine's 2 doses stay in
        (4, {"paracetamol": 4}, MedicineKind.OTHER, PAIN, 4),  # not taken that day
        (4, {"ibuprofen": 2}, NERVE, MedicineKind.OTHER, 4),  # neither kind is pain relief
        (49, {"ibuprofen": 5}, MedicineKind.OTHER, PAIN, 50),  # within the day's rule
    ],
)
def test_a_change_of_kind_recounts_the_days_pain_relief(
    total: int | None,
    doses: dict[str, int],
    before: MedicineKind,
    after: MedicineKind,
    recounted: int | None,
) -> None:
    old, new = replace(IBUPROFEN, kind=before), replace(IBUPROFEN, kind=after)
    assert recounted_pain_relief(total, doses, old, new) == recounted
