"""The emergency number: what may be typed, how it is kept in the settings, and the words
that name it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain.emergency_number import (
    NUMBER_CHOICES,
    OTHER,
    BadNumber,
    call_for_help,
    check_phone_number,
    choice_of,
    numbers_in_words,
    urgent_advice_line,
)
from sciatica_tui.domain.records import Profile, Settings
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import validate_profile, validate_settings

UNKNOWN = "your local emergency number (for example 999 in the UK, 112 in Europe, 911 in the US)"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("999", "999"),
        (" 112 ", "112"),
        ("000", "000"),
        ("15", "15"),
        ("+44 20 7946 0000", "+44 20 7946 0000"),
        ("01234-567 890", "01234-567 890"),
        ("0800.123.456", "0800.123.456"),
        ("999   111", "999 111"),
    ],
)
def test_numbers_a_person_may_type(typed: str, kept: str) -> None:
    assert check_phone_number(typed) == kept


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("", "No number typed"),
        ("   ", "No number typed"),
        ("9", "too short"),
        ("nine nine nine", "only digits"),
        ("999!", "only digits"),
        ("99--9", "only digits"),
        ("-999", "only digits"),
        ("999 ", None),  # tidied, not refused
        ("1" * 16, "too long"),
        ("1 2 3 4 5 6 7 8 9 0 1", "too long"),
        ("[red]999[/]", "only digits"),
        ("\x1b[31m999", "only digits"),
        ("９９９", "only digits"),  # full-width digits are not what a phone dials
    ],
)
def test_what_is_not_a_phone_number_is_refused_plainly(typed: str, said: str | None) -> None:
    if said is None:
        assert check_phone_number(typed) == typed.strip()
        return
    with pytest.raises(BadNumber) as refused:
        check_phone_number(typed)
    assert said in str(refused.value)
    assert "for example 999" in str(refused.value)


@given(st.text(max_size=30))
def test_anything_typed_is_either_a_tidy_number_or_refused(typed: str) -> None:
    try:
        number = check_phone_number(typed)
    except BadNumber:
        return
    assert set(number) <= set("+0123456789 .-")
    assert 2 <= sum(ch.isdigit() for ch in number) <= 15 and len(number) <= 20
    assert check_phone_number(number) == number


def test_the_ready_made_choices() -> None:
    assert [(c.emergency, c.urgent) for c in NUMBER_CHOICES] == [
        ("999", "111"),
        ("999", None),
        ("112", None),
        ("911", None),
        ("000", None),
    ]
    assert choice_of(Settings()) is None
    for choice in NUMBER_CHOICES:
        settings = Settings(emergency_number=choice.emergency, urgent_number=choice.urgent)
        assert choice_of(settings) == choice.id
    assert choice_of(Settings(emergency_number="15")) == OTHER


def test_the_words_name_the_number_or_say_how_to_find_it() -> None:
    assert call_for_help(Settings()) == (
        f"Call {UNKNOWN} for an ambulance if you cannot get there safely."
    )
    uk = Settings(emergency_number="999", urgent_number="111")
    assert call_for_help(uk) == "Call 999 for an ambulance if you cannot get there safely."
    assert urgent_advice_line(uk) == (
        "If you cannot reach a doctor today, call 111 for urgent advice."
    )
    assert urgent_advice_line(Settings(emergency_number="112")) is None
    assert numbers_in_words(uk) == "999, and 111 for urgent advice"
    assert numbers_in_words(Settings()) == "not chosen yet"


def test_settings_keep_the_numbers_and_leave_them_out_until_chosen() -> None:
    assert "emergency_number" not in Settings().to_record()
    uk = Settings(emergency_number="999", urgent_number="111")
    assert validate_settings(uk.to_record()) == uk
    # A profile saved before numbers could be chosen is still valid, and unchanged.
    old = {"theme": "nord", "reduced_motion": False, "rehab_phase": None}
    assert validate_settings(old) == Settings(theme="nord")
    profile = Profile(welcomed=True, settings=uk)
    assert validate_profile(profile.to_record(), today=date(2026, 12, 3)) == profile


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"emergency_number": "call mum"}, "emergency_number"),
        ({"emergency_number": 999}, "emergency_number"),
        ({"emergency_number": "999", "urgent_number": "x"}, "urgent_number"),
        ({"urgent_number": "111"}, "urgent_number"),  # advice line without an emergency one
        ({"emergency_number": " 999"}, "emergency_number"),
    ],
)
def test_bad_numbers_in_a_file_are_refused_by_name(raw: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_settings(raw)
    assert refused.value.for_field(field) is not None


def test_a_changed_number_replaces_both() -> None:
    uk = Settings(emergency_number="999", urgent_number="111")
    europe = replace(uk, emergency_number="112", urgent_number=None)
    assert europe.to_record()["emergency_number"] == "112"
    assert "urgent_number" not in europe.to_record()
