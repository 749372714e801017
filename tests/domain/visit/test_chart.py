"""The small text chart of weekly leg pain beside a visit's story."""

from __future__ import annotations

from sciatica_tui.domain.visit.chart import leg_pain_chart
from tests.support.visit_diary import FIXTURE_LOGS, TODAY


def test_leg_pain_chart_matches_the_fixture() -> None:
    # Eight weeks to 21 Nov; the three empty weeks before 18 Oct are left out.
    assert leg_pain_chart(FIXTURE_LOGS, TODAY).splitlines() == [
        "Week       0         5        10",
        "18–24 Oct |##################  |  9.0  (2 days)",
        "25–31 Oct |##############      |  7.0  (3 days)",
        "1–7 Nov   |###########         |  5.5  (2 days)",
        "8–14 Nov  |                    |  --  not logged",
        "15–21 Nov |######              |  3.0  (3 days)",
    ]


def test_chart_keeps_four_weeks_even_when_empty() -> None:
    assert len(leg_pain_chart([], TODAY).splitlines()) == 1 + 4
