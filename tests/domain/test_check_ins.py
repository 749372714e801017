"""The weekly check-in: its rules, when Today offers it, and the change since the first."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain.check_in_words import check_in_words
from sciatica_tui.domain.check_ins import (
    ActivityChange,
    check_in_change,
    check_in_due,
    latest_names,
)
from sciatica_tui.domain.records import ActivityScore, CheckIn, Settings
from sciatica_tui.domain.validation.check_in_rules import ACTIVITY_NAME_MAX, validate_check_in
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.domain.validation.rules import validate_settings

TODAY = date(2026, 11, 21)


def raw(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "date": "2026-11-20",
        "activities": [{"name": "put on socks", "score": 4}],
        "global_change": 1,
    }
    return {**record, **changes}


def problem(record: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as error:
        validate_check_in(record, today=TODAY)
    return str(error.value)


# --- validation ------------------------------------------------------------------------


def test_a_check_in_round_trips_through_its_record() -> None:
    check_in = validate_check_in(raw(), today=TODAY)
    assert check_in == CheckIn(date(2026, 11, 20), 1, (ActivityScore("put on socks", 4),))
    assert validate_check_in(check_in.to_record(), today=TODAY) == check_in


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"date": "2026-11-22"}, "date: 2026-11-22 is in the future"),
        ({"global_change": 4}, "global_change: 4 is above 3"),
        ({"global_change": -4}, "global_change: -4 is below -3"),
        ({"global_change": 1.5}, "is not a whole number"),
        ({"global_change": None}, "global_change: is missing"),
        ({"activities": "socks"}, "is not a list"),
        ({"activities": [{"name": "a", "score": 1}] * 4}, "has 4 activities, more than 3"),
        ({"activities": [{"name": "   ", "score": 1}]}, "activity 1: name: is empty"),
        ({"activities": [{"name": "walk", "score": 11}]}, "activity 1: score: 11 is above 10"),
        ({"activities": [{"name": "walk"}]}, "activity 1: score: is missing"),
        ({"activities": [{"name": "walk", "score": 1, "x": 1}]}, "x: is not a field"),
        (
            {"activities": [{"name": "Walk", "score": 1}, {"name": "walk ", "score": 2}]},
            "names 'walk' twice",
        ),
        ({"activities": [{"name": "x" * 61, "score": 1}]}, "61 characters long, more than 60"),
        ({"activities": [{"name": "a\x00b", "score": 1}]}, "NUL"),
        ({"extra": 1}, "extra: is not a field of a check-in"),
    ],
)
def test_bad_check_ins_are_refused_in_words(changes: dict[str, Any], said: str) -> None:
    assert said in problem(raw(**changes))


def test_names_lose_the_spaces_around_them_and_no_activities_is_allowed() -> None:
    spaced = validate_check_in(
        raw(activities=[{"name": "  walk the dog ", "score": 0}]), today=TODAY
    )
    assert spaced.activities == (ActivityScore("walk the dog", 0),)
    assert validate_check_in(raw(activities=[]), today=TODAY).activities == ()


@given(st.integers(min_value=-1000, max_value=1000), st.integers(min_value=-10, max_value=10))
def test_scores_and_global_answers_are_taken_only_in_range(score: int, change: int) -> None:
    record = raw(activities=[{"name": "walk", "score": score}], global_change=change)
    if 0 <= score <= 10 and -3 <= change <= 3:
        check_in = validate_check_in(record, today=TODAY)
        assert (check_in.activities[0].score, check_in.global_change) == (score, change)
    else:
        with pytest.raises(ValidationError):
            validate_check_in(record, today=TODAY)


@given(st.text(max_size=150))
def test_any_name_is_kept_stripped_or_refused_in_words(name: str) -> None:
    record = raw(activities=[{"name": name, "score": 5}])
    try:
        check_in = validate_check_in(record, today=TODAY)
    except ValidationError as error:
        assert error.problems and all(p.field == "activities" for p in error.problems)
        assert error.problems[0].hint
        return
    kept = check_in.activities[0].name
    assert kept == name.strip() and kept and len(kept) <= ACTIVITY_NAME_MAX
    assert "\x00" not in kept


def test_a_skipped_check_in_is_a_setting_left_out_until_used() -> None:
    assert "check_in_skipped" not in Settings().to_record()
    skipped = Settings(check_in_skipped=date(2026, 11, 20))
    assert skipped.to_record()["check_in_skipped"] == "2026-11-20"
    assert validate_settings(skipped.to_record()) == skipped
    with pytest.raises(ValidationError, match="check_in_skipped"):
        validate_settings({"check_in_skipped": "last week"})


# --- when it is due ----------------------------------------------------------------------


def on(day: date, *scores: int, change: int = 0) -> CheckIn:
    names = ("sit through a film", "put on socks", "walk the dog")
    return CheckIn(
        day, change, tuple(ActivityScore(n, s) for n, s in zip(names, scores, strict=False))
    )


@pytest.mark.parametrize(
    ("days_logged", "last_check_in", "skipped", "due"),
    [
        (0, None, None, False),
        (2, None, None, False),  # a brand-new diary is not asked yet
        (3, None, None, True),
        (30, TODAY, None, False),
        (30, TODAY - timedelta(days=6), None, False),
        (30, TODAY - timedelta(days=7), None, True),
        (30, None, TODAY, False),
        (30, None, TODAY - timedelta(days=6), False),
        (30, None, TODAY - timedelta(days=7), True),
        (30, TODAY - timedelta(days=20), TODAY - timedelta(days=2), False),
        (
            30,
            None,
            TODAY + timedelta(days=1),
            True,
        ),  # a skip dated later (a clock moved) does not hide it
    ],
)
def test_the_check_in_is_due_once_a_week_after_some_history(
    days_logged: int, last_check_in: date | None, skipped: date | None, due: bool
) -> None:
    check_ins = [on(last_check_in, 5)] if last_check_in else []
    assert check_in_due(TODAY, check_ins, days_logged, skipped) is due


def test_later_check_ins_offer_the_latest_names() -> None:
    assert latest_names([]) == ()
    first = on(TODAY - timedelta(days=14), 2, 3, 4)
    latest = CheckIn(TODAY - timedelta(days=7), 0, (ActivityScore("drive to work", 5),))
    assert latest_names([latest, first]) == ("drive to work",)


# --- the change since the first ------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "latest", "mean_change", "mean_noticeable", "noticeable"),
    [
        ((2, 3, 4), (4, 5, 6), 2.0, True, True),  # 2 points on the mean: at the threshold
        ((2, 3, 4), (4, 5, 5), 5 / 3, False, False),  # just under, no activity up 3
        ((2, 3, 4), (5, 3, 4), 1.0, False, True),  # one activity up 3
        ((2, 3, 4), (4, 3, 4), 2 / 3, False, False),  # one activity up 2
        ((6, 6, 6), (4, 4, 4), -2.0, True, True),  # worse counts too
        ((5,), (5,), 0.0, False, False),
    ],
)
def test_change_since_the_first_check_in(
    first: tuple[int, ...],
    latest: tuple[int, ...],
    mean_change: float,
    mean_noticeable: bool,
    noticeable: bool,
) -> None:
    change = check_in_change([on(TODAY, *latest, change=2), on(TODAY - timedelta(days=21), *first)])
    assert change is not None
    assert change.mean_change == pytest.approx(mean_change)
    assert change.mean_noticeable is mean_noticeable
    assert change.noticeable is noticeable
    assert change.global_change == 2
    assert change.first.date < change.latest.date


def test_only_activities_named_both_times_are_compared() -> None:
    first = CheckIn(TODAY - timedelta(days=7), 0, (ActivityScore("Walk the dog", 2),))
    latest = CheckIn(TODAY, 1, (ActivityScore("walk the dog", 6), ActivityScore("put on socks", 5)))
    change = check_in_change([first, latest])
    assert change is not None
    assert change.activities == (ActivityChange("walk the dog", 2, 6),)
    assert change.activities[0].noticeable and change.mean_change == 4.0
    renamed = CheckIn(TODAY, 1, (ActivityScore("drive", 6),))
    nothing_shared = check_in_change([first, renamed])
    assert nothing_shared is not None and nothing_shared.mean_change is None
    assert not nothing_shared.noticeable


def test_one_check_in_is_no_change_yet() -> None:
    assert check_in_change([]) is None
    assert check_in_change([on(TODAY, 5)]) is None


def test_the_global_answer_in_words() -> None:
    words = check_in_words()
    assert words.global_words(-3) == "Much worse"
    assert words.global_words(0) == "About the same"
    assert words.global_words(3) == "Much better"
