"""A change with its unit: the one formatter every table and review uses."""

from __future__ import annotations

import pytest

from sciatica_tui.domain.units import (
    DAYS,
    DOSES_A_DAY,
    HOURS_A_NIGHT,
    LEVELS,
    MINUTES_AT_A_TIME,
    POINTS,
    Unit,
    change_with_unit,
)


@pytest.mark.parametrize(
    ("change", "unit", "decimals", "said"),
    [
        (6, MINUTES_AT_A_TIME, 0, "+6 min at a time"),
        (-1.5, POINTS, 1, "−1.5 points"),
        (1.0, POINTS, 1, "+1.0 points"),
        (1, POINTS, 0, "+1 point"),
        (-1, DOSES_A_DAY, 1, "1 dose fewer a day"),
        (0.5, DOSES_A_DAY, 1, "0.5 doses more a day"),
        (-2, LEVELS, 1, "2 levels higher up"),
        (0.5, LEVELS, 1, "0.5 levels further down"),
        (1, LEVELS, 1, "1 level further down"),
        (0.25, HOURS_A_NIGHT, 1, "+0.2 hours a night"),
        (2, DAYS, 0, "2 days more"),
        (0.04, POINTS, 1, "no change"),
        (0, MINUTES_AT_A_TIME, 0, "no change"),
    ],
)
def test_a_change_is_said_with_its_unit(
    change: float, unit: Unit, decimals: int, said: str
) -> None:
    assert change_with_unit(change, unit, decimals) == said
