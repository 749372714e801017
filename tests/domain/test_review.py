"""The weekly review as a pure function: every signal at, inside and outside its threshold."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from sciatica_tui.domain import content
from sciatica_tui.domain.records import DailyLog, RedFlagCheck, Verdict, Weakness
from sciatica_tui.domain.review import RECOVERY_SIGNALS, weekly_review
from sciatica_tui.domain.review_words import comparison_rows, in_words
from tests.support.review import AS_OF, check, window


def review_of(logs: list[DailyLog], checks: list[RedFlagCheck] | None = None) -> set[str]:
    result = weekly_review(logs, checks or [], AS_OF)
    return set(result.recovery) | set(result.decline)


# (signal, field, last week's values, this week's values, found?)
THRESHOLDS: list[tuple[str, str, list[Any], list[Any], bool]] = [
    # median pain_reach rank: 1 lower is at the threshold, half a level is not enough
    ("centralizing", "pain_reach", [3, 3, 3], [2, 2, 2], True),
    ("centralizing", "pain_reach", [3, 3, 3], [1, 1, 1], True),
    ("centralizing", "pain_reach", [3, 3, 3], [2, 3, 2, 3], False),
    ("peripheralizing", "pain_reach", [2, 2, 2], [3, 3, 3], True),
    ("peripheralizing", "pain_reach", [2, 2, 2], [4, 4, 4], True),
    ("peripheralizing", "pain_reach", [2, 2, 2], [2, 3, 2, 3], False),
    # mean leg_pain: 1.0 is the threshold (thirds of a point either side)
    ("pain_easing", "leg_pain", [5, 5, 5], [4, 4, 4], True),
    ("pain_easing", "leg_pain", [5, 5, 5], [3, 4, 4], True),
    ("pain_easing", "leg_pain", [5, 5, 5], [4, 4, 5], False),
    ("pain_worsening", "leg_pain", [5, 5, 5], [6, 6, 6], True),
    ("pain_worsening", "leg_pain", [5, 5, 5], [6, 6, 7], True),
    ("pain_worsening", "leg_pain", [5, 5, 5], [6, 6, 5], False),
    ("numbness_fading", "numbness", [5, 5, 5], [4, 4, 4], True),
    ("numbness_fading", "numbness", [5, 5, 5], [3, 4, 4], True),
    ("numbness_fading", "numbness", [5, 5, 5], [4, 4, 5], False),
    ("numbness_spreading", "numbness", [5, 5, 5], [6, 6, 6], True),
    ("numbness_spreading", "numbness", [5, 5, 5], [6, 6, 5], False),
    ("numbness_spreading", "numbness_reach", [2, 2, 2], [3, 3, 3], True),
    ("numbness_spreading", "numbness_reach", [2, 2, 2], [5, 5, 5], True),
    ("numbness_spreading", "numbness_reach", [2, 2, 2], [2, 3, 2, 3], False),
    # weakness on more days than last week (marked weakness has its own test)
    ("weakness", "weakness", ["none"] * 3, ["mild", "none", "none"], True),
    ("weakness", "weakness", ["mild", "none", "none"], ["mild", "mild", "none"], True),
    ("weakness", "weakness", ["mild", "none", "none"], ["mild", "none", "none"], False),
    ("weakness", "weakness", ["mild", "mild", "none"], ["mild", "none", "none"], False),
    # walking: 20% of last week's mean and at least 5 minutes
    ("more_mobile", "walking_minutes", [50] * 3, [60] * 3, True),
    ("more_mobile", "walking_minutes", [50] * 3, [59] * 3, False),
    ("more_mobile", "walking_minutes", [10] * 3, [15] * 3, True),
    ("more_mobile", "walking_minutes", [10] * 3, [14] * 3, False),
    ("more_mobile", "walking_minutes", [0] * 3, [5] * 3, True),
    ("less_mobile", "walking_minutes", [50] * 3, [40] * 3, True),
    ("less_mobile", "walking_minutes", [50] * 3, [41] * 3, False),
    ("less_mobile", "walking_minutes", [20] * 3, [15] * 3, True),
    ("less_mobile", "walking_minutes", [20] * 3, [16] * 3, False),
    # doses: 0.5 is the threshold
    ("fewer_meds", "pain_med_doses", [2] * 4, [1, 2, 1, 2], True),
    ("fewer_meds", "pain_med_doses", [2] * 4, [1, 1, 1, 2], True),
    ("fewer_meds", "pain_med_doses", [2] * 4, [1, 2, 2, 2], False),
    ("more_meds", "pain_med_doses", [2] * 4, [3, 2, 3, 2], True),
    ("more_meds", "pain_med_doses", [2] * 4, [3, 3, 3, 2], True),
    ("more_meds", "pain_med_doses", [2] * 4, [3, 2, 2, 2], False),
    # sleep: hours or quality, 0.5 either way
    ("sleeping_better", "sleep_hours", [6.0] * 3, [6.5] * 3, True),
    ("sleeping_better", "sleep_hours", [6.0] * 3, [7.5] * 3, True),
    ("sleeping_better", "sleep_hours", [6.0] * 3, [6.4] * 3, False),
    ("sleeping_better", "sleep_quality", [3] * 4, [3, 4, 3, 4], True),
    ("sleeping_better", "sleep_quality", [3] * 4, [3, 4, 3, 3], False),
    ("sleeping_worse", "sleep_hours", [6.0] * 3, [5.5] * 3, True),
    ("sleeping_worse", "sleep_hours", [6.0] * 3, [5.6] * 3, False),
    ("sleeping_worse", "sleep_quality", [3] * 4, [3, 2, 3, 2], True),
    ("sleeping_worse", "sleep_quality", [3] * 4, [3, 2, 3, 3], False),
    # mood: 0.5 up
    ("mood_lifting", "mood", [3] * 4, [3, 4, 3, 4], True),
    ("mood_lifting", "mood", [3] * 4, [4, 4, 4, 4], True),
    ("mood_lifting", "mood", [3] * 4, [3, 4, 3, 3], False),
]


@pytest.mark.parametrize(
    ("signal", "field", "last", "this", "found"),
    THRESHOLDS,
    ids=[f"{row[0]}-{row[1]}-{row[3]}" for row in THRESHOLDS],
)
def test_signal_thresholds(
    signal: str, field: str, last: list[Any], this: list[Any], found: bool
) -> None:
    signals = review_of(window(1, field, last) + window(0, field, this))
    assert (signal in signals) is found
    # Nothing else changed, so nothing else is found.
    assert signals <= {signal}


@pytest.mark.parametrize("signal", sorted(content.SIGNAL_IDS))
def test_every_signal_id_is_tested_and_on_the_side_content_says(signal: str) -> None:
    tested = {row[0] for row in THRESHOLDS} | {"red_flag", "no_lasting_progress"}
    assert signal in tested
    side = content.signals().signals[signal].side
    assert (signal in RECOVERY_SIGNALS) is (side == "recovery")


def test_marked_weakness_this_week_is_always_reported() -> None:
    logs = window(1, None, [5] * 3) + window(0, "weakness", ["marked"])
    result = weekly_review(logs + window(0, None, [5, 5])[1:], [], AS_OF)
    assert "weakness" in result.decline
    assert result.needs_red_flag_check
    # Even when there is too little to compare.
    lone = weekly_review(window(0, "weakness", ["marked"]), [], AS_OF)
    assert not lone.enough_data and lone.decline == ("weakness",)
    # Marked weakness last week only is not this week's sign.
    assert "weakness" not in review_of(
        window(1, "weakness", ["marked"] * 3) + window(0, None, [5] * 3)
    )


@pytest.mark.parametrize(
    ("days_back", "verdict", "found"),
    [
        (0, Verdict.URGENT, True),
        (6, Verdict.EMERGENCY, True),  # the first day of this window
        (7, Verdict.EMERGENCY, False),  # the last day of last window
        (0, Verdict.CLEAR, False),
        (-1, Verdict.EMERGENCY, False),  # after the as-of day
    ],
)
def test_red_flag(days_back: int, verdict: Verdict, found: bool) -> None:
    logs = window(1, None, [5] * 3) + window(0, None, [5] * 3)
    checks = [check(AS_OF - timedelta(days=days_back), verdict)]
    assert ("red_flag" in review_of(logs, checks)) is found
    # Red flags are reported whatever the amount of logging.
    result = weekly_review([], checks, AS_OF)
    assert ("red_flag" in result.decline) is found and not result.enough_data


@pytest.mark.parametrize(("last_days", "this_days"), [(2, 7), (7, 2), (0, 0), (2, 2)])
def test_fewer_than_three_logged_days_in_a_window_is_not_enough(
    last_days: int, this_days: int
) -> None:
    logs = window(1, "leg_pain", [9] * last_days) + window(0, "leg_pain", [1] * this_days)
    result = weekly_review(logs, [], AS_OF)
    assert not result.enough_data
    assert result.recovery == () and result.decline == ()
    told = in_words(result, content.signals())
    assert told.not_enough_data is not None
    assert f"{this_days} of 7 days logged this week" in told.not_enough_data
    assert told.disclaimer == content.signals().disclaimer_short


def test_three_days_each_is_enough() -> None:
    logs = window(1, "leg_pain", [9] * 3) + window(0, "leg_pain", [1] * 3)
    result = weekly_review(logs, [], AS_OF)
    assert result.enough_data and result.recovery == ("pain_easing",)


@pytest.mark.parametrize(
    ("field", "last", "this"),
    [
        ("sleep_hours", [5.0] * 3, [9.0] * 2),  # this week: 2 days with sleep
        ("sleep_hours", [5.0] * 2, [9.0] * 3),
        ("walking_minutes", [10] * 2, [90] * 7),
        ("pain_reach", [5, 5], [0] * 3),
        ("numbness", [9] * 3, [0] * 2),
        ("weakness", ["none"] * 2, ["mild"] * 3),
    ],
)
def test_a_signal_needs_its_field_on_three_days_in_each_window(
    field: str, last: list[Any], this: list[Any]
) -> None:
    # Enough logged days overall; the field itself is too thin in one window.
    logs = window(1, field, last) + window(0, field, this)
    logs += window(1, None, [5] * 5)[len(last) :] + window(0, None, [5] * 5)[len(this) :]
    result = weekly_review(logs, [], AS_OF)
    assert result.enough_data
    assert result.recovery == () and result.decline == ()


def test_missing_optional_fields_give_no_signal_and_null_figures() -> None:
    logs = window(1, None, [5] * 3) + window(0, None, [5] * 3)
    result = weekly_review(logs, [], AS_OF)
    assert result.enough_data and result.signals == ()
    week = result.to_dict()["this_week"]
    assert week["days_logged"] == 3 and week["leg_pain_mean"] == 5.0
    assert week["sleep_hours_mean"] is None and week["pain_reach_median"] is None
    rows = {row.label for row in comparison_rows(result)}
    assert "Sleep" not in rows and "Leg pain (0-10)" in rows


def weekly_leg_pain(means: list[list[int]]) -> list[DailyLog]:
    """Seven weeks of logs; ``means[0]`` is the oldest week's daily leg pain."""
    logs = []
    for back, values in enumerate(reversed(means)):
        logs += window(back, "leg_pain", values)
    return logs


STALLED = [[6, 6, 6]] * 7


@pytest.mark.parametrize(
    ("weeks", "found"),
    [
        (STALLED, True),
        # each of the last six weeks at exactly 5 still counts as high
        ([[5, 6, 6]] + [[5, 5, 5]] * 6, True),
        # exactly 1.0 lower than six weeks before is progress
        ([[6, 6, 6]] + [[5, 5, 5]] * 6, False),
        # one week under 5 breaks it
        ([[6, 6, 6]] * 4 + [[4, 5, 5]] + [[6, 6, 6]] * 2, False),
        # one week a full point under the week six weeks before is progress
        ([[6, 6, 6]] * 3 + [[5, 5, 5]] + [[6, 6, 6]] * 3, False),
        # just under a full point lower is not
        ([[6, 6, 6]] * 3 + [[5, 5, 7]] * 1 + [[6, 6, 6]] * 3, True),
        # only six weeks logged: the week to compare with is missing
        ([[]] + [[6, 6, 6]] * 6, False),
        # a thin week (2 days) in the middle
        ([[6, 6, 6]] * 3 + [[6, 6]] + [[6, 6, 6]] * 3, False),
    ],
)
def test_no_lasting_progress_over_seven_weeks(weeks: list[list[int]], found: bool) -> None:
    result = weekly_review(weekly_leg_pain(weeks), [], AS_OF)
    assert ("no_lasting_progress" in result.decline) is found
    if found:
        assert result.decline == ("no_lasting_progress",)


def test_as_of_in_the_middle_of_the_data_ignores_later_days() -> None:
    as_of = AS_OF - timedelta(days=21)
    early = [DailyLog(as_of - timedelta(days=i), 8 if i >= 7 else 4, 3) for i in range(28)]
    later = [
        DailyLog(as_of + timedelta(days=i), 10, 10, weakness=Weakness.MARKED) for i in range(1, 21)
    ]
    checks = [check(as_of + timedelta(days=2), Verdict.EMERGENCY)]
    result = weekly_review(early + later, checks, as_of)
    assert result.as_of == as_of
    assert result.this_week.last_day == as_of
    assert result.this_week.first_day == as_of - timedelta(days=6)
    assert result.last_week.last_day == as_of - timedelta(days=7)
    assert result.recovery == ("pain_easing",) and result.decline == ()
    assert result.this_week.mean("leg_pain") == 4 and result.last_week.mean("leg_pain") == 8


def test_json_shape_and_timeline() -> None:
    logs = window(1, "leg_pain", [7] * 3) + window(0, "leg_pain", [5] * 3)
    result = weekly_review(logs, [], AS_OF, onset=date(2026, 9, 20)).to_dict()
    assert list(result) == [
        "as_of",
        "weeks_since_onset",
        "stage",
        "phase",
        "phase_counted_from",
        "this_week",
        "last_week",
        "recovery",
        "decline",
        "enough_data",
    ]
    assert result["as_of"] == "2026-11-21"
    assert result["weeks_since_onset"] == 8
    assert result["stage"] == {"number": 2, "weeks": "weeks 6–12", "name": "Building back"}
    assert result["phase"] == 2 and result["phase_counted_from"] == "onset"
    assert result["recovery"] == ["pain_easing"] and result["decline"] == []
    assert result["enough_data"] is True
    assert result["last_week"]["leg_pain_mean"] == 7.0
