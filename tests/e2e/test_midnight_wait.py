"""The journeys' wait near midnight: they compare the app's day with the real date."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.support.terminal import JOURNEY_MINUTES, seconds_to_wait


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 11, 22, 12, 0), 0.0),
        (datetime(2026, 11, 22, 23, 56, 59), 0.0),  # just over 3 minutes left
        (datetime(2026, 11, 22, 23, 57, 0), 181.0),  # exactly 3 minutes: wait
        (datetime(2026, 11, 22, 23, 59, 30), 31.0),
        (datetime(2026, 12, 31, 23, 59, 59), 2.0),  # across the year as well
    ],
)
def test_a_journey_near_midnight_waits_for_the_new_day(now: datetime, expected: float) -> None:
    assert JOURNEY_MINUTES == 3
    assert seconds_to_wait(now) == pytest.approx(expected)
