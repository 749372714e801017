"""Every validator against random and hostile values: a record or named problems, never a crash.

Hostile: huge numbers, NaN and infinity, any unicode, very long text, wrong types. Each case
starts from a valid record and spoils one field, so the problem must name that field.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciatica_tui.domain.records import (
    BreathingSession,
    CustomExercise,
    DailyLog,
    Profile,
    RedFlagCheck,
    RehabDay,
    Settings,
    Verdict,
)
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import (
    validate_breathing_session,
    validate_custom_exercise,
    validate_daily_log,
    validate_profile,
    validate_red_flag_check,
    validate_rehab_day,
    validate_settings,
    validate_visit,
)
from sciatica_tui.domain.visits import ImagingReport, Visit

TODAY = date(2026, 11, 21)

hostile = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**63),
    st.integers(max_value=-(2**63)),
    st.sampled_from([10**400, 10**5000]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -0.0]),
    st.text(max_size=60),
    st.text(min_size=5_001, max_size=6_000),
    st.just("\x00\u202e\ud7ff\U0001f600 " * 3),
    st.lists(st.one_of(st.integers(), st.text(max_size=5)), max_size=4),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.just(object()),
)

Validator = Callable[[Any], object]

# (validator, one valid record) for every kind of record the diary holds.
CASES: dict[str, tuple[Validator, dict[str, Any]]] = {
    "daily_log": (
        lambda raw: validate_daily_log(raw, today=TODAY),
        DailyLog(date(2026, 11, 20), 5, 3, notes="ok", sleep_hours=6.5).to_record(),
    ),
    "red_flag_check": (
        validate_red_flag_check,
        RedFlagCheck(datetime(2026, 11, 20, 8), {"trauma": False}, Verdict.CLEAR).to_record(),
    ),
    "breathing_session": (
        validate_breathing_session,
        BreathingSession(
            datetime(2026, 11, 20, 20), 4, 4, 4, 4, 192, 192.0, 12, True, stress_before=5
        ).to_record(),
    ),
    "rehab_day": (
        lambda raw: validate_rehab_day(raw, today=TODAY),
        RehabDay(date(2026, 11, 20), ("pelvic_tilts",)).to_record(),
    ),
    "custom_exercise": (
        validate_custom_exercise,
        CustomExercise("mine-1", 2, "Wall sits", "Back to the wall").to_record(),
    ),
    "visit": (
        validate_visit,
        Visit(
            "visit-1",
            date(2026, 11, 25),
            clinician="Dr A",
            imaging=(ImagingReport("MRI", "2026-10-01"),),
            questions=("What next?",),
        ).to_record(),
    ),
    "settings": (validate_settings, Settings().to_record()),
    "profile": (
        lambda raw: validate_profile(raw, today=TODAY),
        Profile(onset_date=date(2026, 9, 20), welcomed=True).to_record(),
    ),
}


@pytest.mark.parametrize("kind", CASES)
def test_the_valid_record_passes(kind: str) -> None:
    validator, record = CASES[kind]
    validator(record)


@pytest.mark.parametrize("kind", CASES)
@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_one_spoiled_field_is_named_never_a_crash(kind: str, data: st.DataObject) -> None:
    validator, record = CASES[kind]
    field = data.draw(st.sampled_from(sorted(record)), label="field")
    value = data.draw(hostile, label="value")
    spoiled = {**record, field: value}
    try:
        validator(spoiled)
    except ValidationError as error:
        assert error.problems
        assert all(p.field and p.message for p in error.problems)
        assert any(p.field.split(".")[0].split("[")[0] == field for p in error.problems), (
            error.problems
        )
        assert str(error)  # a message a person can read, whatever the value was


@pytest.mark.parametrize("kind", CASES)
@settings(max_examples=60, deadline=None)
@given(raw=st.one_of(hostile, st.dictionaries(st.text(max_size=12), hostile, max_size=6)))
def test_anything_at_all_gives_a_record_or_problems(kind: str, raw: object) -> None:
    validator, _record = CASES[kind]
    try:
        validator(raw)
    except ValidationError as error:
        assert error.problems and all(p.message for p in error.problems)
