"""The one way weeks, stage and rehab phase are said."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sciatica_tui.domain.timeline import position
from sciatica_tui.domain.timeline_words import (
    phase_words,
    timeline_json,
    timeline_summary,
    weeks_since,
    weeks_span,
)

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("weeks", "since", "said"),
    [
        (0, "onset", "Less than a week since onset"),
        (1, "onset", "1 week since onset"),
        (6, "onset", "6 weeks since onset"),
        (2, "surgery", "2 weeks since surgery"),
    ],
)
def test_weeks_since(weeks: int, since: str, said: str) -> None:
    assert weeks_since(weeks, since) == said


def test_weeks_span() -> None:
    assert weeks_span(0, 5) == "weeks 0–6"
    assert weeks_span(24, None) == "week 24 on"


# days since onset, days since surgery (None: no surgery) -> the summary
SUMMARIES = [
    (
        0,
        None,
        "Less than a week since onset · Stage 1 (weeks 0–6), early and acute · Rehab phase 1",
    ),
    (43, None, "6 weeks since onset · Stage 2 (weeks 6–12), building back · Rehab phase 2"),
    (
        84,
        None,
        "12 weeks since onset · Stage 3 (weeks 12–24), getting back to normal · Rehab phase 3",
    ),
    (400, None, "57 weeks since onset · Stage 4 (week 24 on), staying well · Rehab phase 3"),
    (
        43,
        10,
        "6 weeks since onset · Stage 2 (weeks 6–12), building back"
        " · Rehab phase 1, counted from surgery",
    ),
]


@pytest.mark.parametrize(("days", "surgery_days", "said"), SUMMARIES)
def test_timeline_summary(days: int, surgery_days: int | None, said: str) -> None:
    surgery = None if surgery_days is None else TODAY - timedelta(days=surgery_days)
    assert timeline_summary(position(TODAY - timedelta(days=days), surgery, TODAY)) == said


def test_nothing_known_says_nothing() -> None:
    where = position(None, None, TODAY)
    assert timeline_summary(where) is None and phase_words(where) is None
    assert timeline_json(where) == {
        "weeks_since_onset": None,
        "stage": None,
        "phase": None,
        "phase_counted_from": None,
    }


def test_a_surgery_alone_gives_the_phase() -> None:
    where = position(None, TODAY - timedelta(days=50), TODAY)
    assert timeline_summary(where) == "Rehab phase 2, counted from surgery"


def test_json_says_the_stage_weeks_as_the_screens_do() -> None:
    where = position(TODAY - timedelta(days=43), TODAY - timedelta(days=3), TODAY)
    assert timeline_json(where) == {
        "weeks_since_onset": 6,
        "stage": {"number": 2, "weeks": "weeks 6–12", "name": "Building back"},
        "phase": 1,
        "phase_counted_from": "surgery",
    }
