"""Each measure's threshold of a change people usually notice: at, inside and outside it."""

from __future__ import annotations

import pytest

from sciatica_tui.domain.progress.measures import MEASURE_IDS, MEASURES
from sciatica_tui.domain.progress.report import Direction, compare

SPECS = {spec.id: spec for spec in MEASURES}


# (measure, from, to, noticeable, direction): values are what each window sums up to
# (three equal days each), so the table reads as the person would see it.
CASES = [
    # 0–10 pain and numbness: 2 points, or 30% when that is at least 1 point (IMMPACT).
    ("leg_pain", 7.0, 5.0, True, "better"),  # at 2 points
    ("leg_pain", 7.0, 5.2, False, "better"),  # 1.8 points, 26%: inside
    ("leg_pain", 7.0, 9.0, True, "worse"),
    ("leg_pain", 4.0, 2.8, True, "better"),  # 1.2 points is 30%
    ("leg_pain", 4.0, 2.9, False, "better"),  # 27.5%
    ("leg_pain", 3.0, 2.1, False, "about the same"),  # 30% but under 1 point and half a step
    ("leg_pain", 0.3, 0.5, False, "about the same"),
    ("leg_pain", 0.0, 2.0, True, "worse"),  # from 0: points alone
    ("back_pain", 5.0, 3.0, True, "better"),
    ("back_pain", 5.0, 3.6, False, "better"),
    ("numbness", 6.0, 4.0, True, "better"),
    ("numbness", 6.0, 4.5, False, "better"),
    ("numbness", 2.0, 3.0, True, "worse"),  # 50% and 1 point
    # Walking and sitting: 30% and 5 minutes, both.
    ("walking_minutes", 20, 26, True, "better"),  # 30% and 6 min
    ("walking_minutes", 20, 25, False, "better"),  # 25%
    ("walking_minutes", 10, 14, False, "better"),  # 40% but 4 min
    ("walking_minutes", 10, 15, True, "better"),  # 50% and 5 min
    ("walking_minutes", 0, 5, True, "better"),  # from 0: 5 min is enough
    ("walking_minutes", 0, 4, False, "better"),
    ("walking_minutes", 30, 20, True, "worse"),
    ("sitting_minutes", 60, 78, True, "better"),
    ("sitting_minutes", 60, 77, False, "better"),
    ("sitting_minutes", 60, 62, False, "about the same"),
    # Reach: one level of the median.
    ("pain_reach", 5, 4, True, "better"),
    ("pain_reach", 4, 5, True, "worse"),
    ("pain_reach", 3, 3, False, "same"),
    # Sleep: an hour a night; quality and mood: one step.
    ("sleep_hours", 6.0, 7.0, True, "better"),
    ("sleep_hours", 6.0, 6.9, False, "better"),
    ("sleep_hours", 7.0, 6.0, True, "worse"),
    ("sleep_hours", 6.8, 6.7, False, "about the same"),
    ("sleep_quality", 2.0, 3.0, True, "better"),
    ("sleep_quality", 2.0, 2.7, False, "better"),
    ("mood", 4.0, 3.0, True, "worse"),
    ("mood", 4.0, 3.4, False, "worse"),
    # Pain relief: one dose a day.
    ("pain_med_doses", 4.0, 3.0, True, "better"),
    ("pain_med_doses", 4.0, 3.3, False, "better"),
    ("pain_med_doses", 1.0, 2.0, True, "worse"),
]


@pytest.mark.parametrize(("measure", "before", "after", "noticeable", "direction"), CASES)
def test_threshold(
    measure: str, before: float, after: float, noticeable: bool, direction: str
) -> None:
    change = compare(SPECS[measure], [before] * 3, [after] * 3)
    assert change is not None
    assert change.noticeable is noticeable
    expected = "same" if direction in ("same", "about the same") else direction
    assert change.direction is Direction(expected)


def test_every_measure_is_covered_by_the_table() -> None:
    assert {case[0] for case in CASES} | {"weakness"} == set(MEASURE_IDS)


@pytest.mark.parametrize(
    ("before", "after", "noticeable"),
    [
        # Days with weakness a week (1 a day with weakness, 0 without): one day a week.
        ([0, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0], True),  # 0 → 1 a week
        ([0, 0, 0], [0, 0, 0], False),
        ([1, 1, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0, 0], True),  # 2 → 0.9 a week
        ([1, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0, 0], False),  # 1 → 0.9 a week
    ],
)
def test_weakness_days_a_week(before: list[float], after: list[float], noticeable: bool) -> None:
    change = compare(SPECS["weakness"], before, after)
    assert change is not None and change.noticeable is noticeable


@pytest.mark.parametrize("measure", MEASURE_IDS)
@pytest.mark.parametrize(("before", "after"), [(2, 3), (3, 2), (2, 2)])
def test_fewer_than_three_values_is_not_enough(measure: str, before: int, after: int) -> None:
    enough = before >= 3 and after >= 3
    assert (compare(SPECS[measure], [1.0] * before, [2.0] * after) is not None) is enough


def test_percent_is_of_the_start_and_left_out_where_it_means_nothing() -> None:
    leg = compare(SPECS["leg_pain"], [8.0] * 3, [6.0] * 3)
    assert leg is not None and leg.percent == -25
    from_zero = compare(SPECS["walking_minutes"], [0.0] * 3, [10.0] * 3)
    assert from_zero is not None and from_zero.percent is None
    reach = compare(SPECS["pain_reach"], [5.0] * 3, [2.0] * 3)
    assert reach is not None and reach.percent is None and reach.change == -3


def test_a_weekly_measure_can_ask_for_fewer_values() -> None:
    """How a weekly record (the check-in) will join: one value a week is enough for it."""
    from dataclasses import replace

    weekly = replace(SPECS["mood"], id="weekly", min_values=1)
    change = compare(weekly, [2.0], [4.0])
    assert change is not None and change.noticeable and change.direction is Direction.BETTER
    assert compare(SPECS["mood"], [2.0], [4.0]) is None
