"""The daily-log rules, their messages, and dates typed by a person (``domain/dates.py``:
one reader, a front end for diary days and one for visit dates)."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain.dates import parse_user_date, parse_visit_date, read_typed_date
from sciatica_tui.domain.records import DAILY_LOG_FIELDS, DailyLog, Reach
from sciatica_tui.domain.validation.forms import daily_log_from_form
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import daily_log_rules, validate_daily_log

TODAY = date(2026, 11, 21)
BASE = {"date": "2026-11-20", "leg_pain": 5, "back_pain": 3}


def problem_for(raw: dict[str, object], field: str) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        validate_daily_log(raw, today=TODAY)
    problem = caught.value.for_field(field)
    assert problem is not None, caught.value.problems
    return problem.message, problem.hint


def test_rules_cover_every_field_of_the_record() -> None:
    assert tuple(daily_log_rules(TODAY)) == DAILY_LOG_FIELDS


def test_only_date_and_both_pains_are_required_and_missing_fields_stay_missing() -> None:
    log = validate_daily_log(BASE, today=TODAY)
    assert log.to_record() == BASE
    assert log.numbness is None and log.sleep_hours is None


@pytest.mark.parametrize(
    ("field", "value", "message", "hint"),
    [
        ("leg_pain", 11, "11 is above 10", "Leg pain must be a whole number from 0 to 10."),
        ("leg_pain", -1, "-1 is below 0", "Leg pain must be a whole number from 0 to 10."),
        ("back_pain", 2.5, "2.5 is not a whole number", "Back pain must be a whole number"),
        ("back_pain", True, "True is not a whole number", "Back pain must be"),
        ("numbness", "7", "'7' is not a whole number", "Numbness must be a whole number"),
        ("pain_reach", "knee", "'knee' is not one of the choices", "none, lower_back"),
        ("pain_side", "up", "'up' is not one of the choices", "left, right, both"),
        ("weakness", "total", "'total' is not one of the choices", "none, mild, marked"),
        ("walking_minutes", 601, "601 is above 600", "Walking minutes must be"),
        ("sitting_minutes", -5, "-5 is below 0", "Sitting minutes must be"),
        ("sleep_hours", 25, "25 is above 24", "Sleep must be a number of hours from 0 to 24."),
        ("sleep_hours", math.nan, "nan is not a number", "Sleep must be"),
        ("sleep_quality", 0, "0 is below 1", "Sleep quality must be a whole number from 1 to 5."),
        ("mood", 6, "6 is above 5", "Mood must be a whole number from 1 to 5."),
        ("pain_med_doses", 51, "51 is above 50", "Pain-relief doses must be"),
        ("notes", "x" * 2001, "is 2001 characters long, more than 2000", "at most 2000"),
        ("date", "2026-11-22", "2026-11-22 is in the future", "cannot be in the future"),
        ("date", "2026-02-30", "'2026-02-30' is not a real date", "YYYY-MM-DD"),
        ("date", "21/11/2026", "is not a date written YYYY-MM-DD", "YYYY-MM-DD"),
    ],
)
def test_each_rule_has_a_message_a_person_understands(
    field: str, value: object, message: str, hint: str
) -> None:
    got_message, got_hint = problem_for({**BASE, field: value}, field)
    assert message in got_message
    assert hint in got_hint


def test_missing_required_fields_are_named() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_daily_log({"date": "2026-11-20"}, today=TODAY)
    assert {p.field for p in caught.value.problems} == {"leg_pain", "back_pain"}
    assert all(p.message == "is missing" for p in caught.value.problems)


def test_form_text_is_parsed_then_checked() -> None:
    log = daily_log_from_form(
        {
            "date": "2026-11-21",
            "leg_pain": "7",
            "back_pain": " 3 ",
            "sleep_hours": "7,5",
            "pain_reach": "thigh",
            "numbness": "",
        },
        today=TODAY,
    )
    assert log == DailyLog(TODAY, 7, 3, pain_reach=Reach.THIGH, sleep_hours=7.5)
    with pytest.raises(ValidationError) as caught:
        daily_log_from_form(
            {"date": "2026-11-21", "leg_pain": "seven", "back_pain": "3"}, today=TODAY
        )
    assert caught.value.for_field("leg_pain") is not None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("today", date(2026, 11, 21)),
        ("Yesterday", date(2026, 11, 20)),
        ("3 days ago", date(2026, 11, 18)),
        ("2 weeks ago", date(2026, 11, 7)),
        ("2026-11-03", date(2026, 11, 3)),
        ("Nov 3", date(2026, 11, 3)),
        ("3 November 2025", date(2025, 11, 3)),
        ("Nov 30", date(2025, 11, 30)),  # no year, and this year's is still to come
        ("Dec 25", date(2025, 12, 25)),
        ("Nov 21", date(2026, 11, 21)),
        ("31/10", date(2026, 10, 31)),  # only one way to read it
        ("10/31", date(2026, 10, 31)),
        ("5/5", date(2026, 5, 5)),
        ("31.10.2025", date(2025, 10, 31)),
    ],
)
def test_dates_as_people_type_them(typed: str, expected: date) -> None:
    assert parse_user_date(typed, today=TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("tomorrow-ish", "not a date I can read"),
        ("2026-12-01", "in the future"),
        ("Dec 25 2026", "in the future"),  # the year was typed: no guessing
        ("tomorrow", "Tomorrow is in the future"),
        ("3/11", "could be 3 Nov or 11 Mar"),  # found by a reviewer: read as 11 March
        ("3/11/2026", "could be 3 Nov or 11 Mar"),
        ("", "Type a date"),
        ("1850-01-01", "too long ago"),
    ],
)
def test_bad_dates_are_refused_with_a_clear_message(typed: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_user_date(typed, today=TODAY)


hostile = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=50),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


@given(st.dictionaries(st.sampled_from([*DAILY_LOG_FIELDS, "extra"]), hostile))
def test_any_input_gives_a_log_or_named_problems_never_a_crash(raw: dict[str, object]) -> None:
    try:
        log = validate_daily_log(raw, today=TODAY)
    except ValidationError as error:
        assert error.problems and all(p.field and p.message for p in error.problems)
    else:
        assert validate_daily_log(log.to_record(), today=TODAY) == log


@given(st.text(max_size=40), st.dates(date(1950, 1, 1), date(2100, 12, 31)))
def test_any_typed_date_is_read_or_refused_with_a_message(typed: str, today: date) -> None:
    try:
        parsed = parse_user_date(typed, today=today)
    except ValueError as error:
        assert str(error)
    else:
        assert date(1900, 1, 1) <= parsed <= today


def test_a_date_without_a_year_on_29_february_looks_back_a_year_safely() -> None:
    assert parse_user_date("Mar 1", today=date(2028, 2, 29)) == date(2027, 3, 1)


# --- one reader, two front ends ------------------------------------------------------------------
# TODAY is Saturday 21 Nov 2026. (typed, as a diary day, as a visit date); a text is a refusal
# the message must hold.
BOTH_FRONT_ENDS = [
    ("today", date(2026, 11, 21), date(2026, 11, 21)),
    ("  3   days   ago ", date(2026, 11, 18), date(2026, 11, 18)),
    ("2 weeks ago", date(2026, 11, 7), date(2026, 11, 7)),
    ("2026-11-03", date(2026, 11, 3), date(2026, 11, 3)),
    ("31/10", date(2026, 10, 31), date(2026, 10, 31)),
    ("tomorrow", "Tomorrow is in the future", date(2026, 11, 22)),
    ("in 2 weeks", "Sat 5 Dec 2026 is in the future", date(2026, 12, 5)),
    ("next friday", "Fri 27 Nov 2026 is in the future", date(2026, 11, 27)),
    ("2026-12-01", "Tue 1 Dec 2026 is in the future", date(2026, 12, 1)),
    # Without a year: the diary looks back to the last such day, a visit takes this year's.
    ("Nov 30", date(2025, 11, 30), date(2026, 11, 30)),
    ("Jan 5", date(2026, 1, 5), date(2026, 1, 5)),
    # A weekday: the diary's is the one in the week up to today, a visit's the next one.
    ("friday", date(2026, 11, 20), date(2026, 11, 27)),
    ("Mon", date(2026, 11, 16), date(2026, 11, 23)),
    ("saturday", date(2026, 11, 21), date(2026, 11, 21)),
    ("3/11", "could be 3 Nov or 11 Mar", "could be 3 Nov or 11 Mar"),
    ("2028-01-05", "in the future", "more than a year ahead"),
    ("1850-01-01", "too long ago", "too long ago"),
    ("9999 weeks ago", "too long ago", "too long ago"),
    (
        "soon",
        "is not a date I can read. Try 2026-11-03",
        "is not a date I can read. Try 2026-12-03",
    ),
    ("99999999999", "too far away to be a date", "too far away to be a date"),
    ("", "Type a date, for example", "Type the visit date, for example"),
]


@pytest.mark.parametrize(("typed", "as_diary_day", "as_visit_date"), BOTH_FRONT_ENDS)
def test_one_reader_for_diary_days_and_visit_dates(
    typed: str, as_diary_day: date | str, as_visit_date: date | str
) -> None:
    for parse, expected in ((parse_user_date, as_diary_day), (parse_visit_date, as_visit_date)):
        if isinstance(expected, date):
            assert parse(typed, today=TODAY) == expected, parse.__name__
        else:
            with pytest.raises(ValueError, match=expected):
                parse(typed, today=TODAY)


@pytest.mark.parametrize(
    ("typed", "look_back", "expected"),
    [
        ("Dec 25", True, date(2025, 12, 25)),
        ("Dec 25", False, date(2026, 12, 25)),
        ("Dec 25 2026", True, date(2026, 12, 25)),  # the year was typed: kept, even ahead
        ("sunday", True, date(2026, 11, 15)),
        ("sunday", False, date(2026, 11, 22)),
        ("next week", True, date(2026, 11, 28)),
    ],
)
def test_the_reader_itself_leaves_limits_to_its_front_ends(
    typed: str, look_back: bool, expected: date
) -> None:
    read = read_typed_date(typed, today=TODAY, what="a day", examples="Nov 3", look_back=look_back)
    assert read == expected


def test_a_weekday_in_the_first_days_of_a_year_looks_back_into_the_last() -> None:
    # Fri 1 Jan 2027: "wednesday" is 30 Dec 2026, not a day of the coming week.
    assert parse_user_date("wednesday", today=date(2027, 1, 1)) == date(2026, 12, 30)
