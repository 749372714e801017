"""What the Breathe tab says about past sessions and about the one just done (plain text)."""

from __future__ import annotations

from datetime import datetime

import pytest

from sciatica_tui.domain.breathing import BreathingHistory
from sciatica_tui.domain.records import BreathingSession
from sciatica_tui.screens.breathe.words import (
    average_change_words,
    history_words,
    result_title,
    summary_words,
)


def session(**changes: object) -> BreathingSession:
    """Four rounds at a count of 4, done in full, not rated."""
    fields: dict[str, object] = {
        "started_at": datetime(2026, 11, 21, 9, 30),
        "inhale": 4,
        "hold_in": 4,
        "exhale": 4,
        "hold_out": 4,
        "planned_seconds": 64,
        "elapsed_seconds": 64.0,
        "cycles_completed": 4,
        "completed": True,
    }
    return BreathingSession(**{**fields, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "rated", "words"),
    [
        (None, 0, None),
        (-1.5, 4, "Stress after a session: 1.5 lower on average (4 sessions rated)."),
        (2.0, 1, "Stress after a session: 2.0 higher on average (1 session rated)."),
        (0.04, 2, "Stress after a session: about the same (2 sessions rated)."),
    ],
)
def test_average_change_words(change: float | None, rated: int, words: str | None) -> None:
    assert average_change_words("Stress", change, rated) == words


def test_history_with_nothing_to_count_says_what_will_be_counted() -> None:
    assert history_words(BreathingHistory()).startswith("No sessions in the last 7 days.")


def test_history_counts_today_the_week_the_streak_and_the_changes() -> None:
    history = BreathingHistory(
        today_sessions=1,
        today_seconds=64,
        week_sessions=3,
        week_seconds=300,
        streak_days=2,
        pain_change=-1.0,
        pain_rated=2,
    )
    assert history_words(history).splitlines() == [
        "Today: 1 session, 1 min 4 s. Last 7 days: 3 sessions, 5 min.",
        "Streak: 2 days in a row with at least one full breath round the box.",
        "Pain after a session: 1.0 lower on average (2 sessions rated).",
    ]


def test_a_finished_session() -> None:
    done = session(stress_before=6, stress_after=3, pain_after=4)
    assert result_title(done) == "Session complete ✓"
    assert summary_words(done).splitlines() == [
        "4 rounds of the box at 4 seconds a side, 1 min 4 s.",
        "",
        "Stress: 6 → 3 (3 lower)",
        "Pain: not rated before, 4 after",
    ]


def test_a_session_stopped_early() -> None:
    stopped = session(elapsed_seconds=20.0, cycles_completed=1, completed=False, pain_before=5)
    assert result_title(stopped) == "Stopped early, after 20 s"
    assert summary_words(stopped).splitlines() == [
        "1 of 4 rounds of the box done.",
        "",
        "Stress: not rated",
        "Pain: 5 before, not rated after",
    ]
