"""The report chart's data: weekly means of leg and back pain over twelve weeks, and how
far down the pain reached."""

from __future__ import annotations

from datetime import date

import pytest

from sciatica_tui.domain.visit.pdf_chart import chart_weeks
from tests.support.visit_diary import BK, FIXTURE_LOGS, TODAY, F, T


def test_chart_points_are_the_weekly_means() -> None:
    weeks = chart_weeks(FIXTURE_LOGS, TODAY)
    # Weeks before the first logged one (18–24 Oct holds 20 and 24 Oct) are left out.
    assert [(w.first_day, w.last_day) for w in weeks] == [
        (date(2026, 10, 18), date(2026, 10, 24)),
        (date(2026, 10, 25), date(2026, 10, 31)),
        (date(2026, 11, 1), date(2026, 11, 7)),
        (date(2026, 11, 8), date(2026, 11, 14)),
        (date(2026, 11, 15), date(2026, 11, 21)),
    ]
    legs = [w.leg_pain for w in weeks]
    backs = [w.back_pain for w in weeks]
    assert legs == [9.0, 7.0, 5.5, None, 3.0]
    assert backs[0] == 6.0 and backs[3] is None
    assert backs[1] == pytest.approx(14 / 3) and backs[4] == pytest.approx(7 / 3)
    # The furthest down the pain reached on a day of each week.
    assert [w.furthest_reach for w in weeks] == [F, BK, T, None, T]


def test_an_empty_diary_still_has_four_weeks_to_draw() -> None:
    weeks = chart_weeks([], TODAY)
    assert len(weeks) == 4
    assert all(w.leg_pain is None and w.back_pain is None for w in weeks)
