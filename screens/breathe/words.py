"""What the Breathe tab says about sessions: the history of past ones and how one went."""

from __future__ import annotations

from sciatica_tui.domain.breathing import BreathingHistory, change_words, duration_words
from sciatica_tui.domain.records import BreathingSession
from sciatica_tui.domain.words import plural


def average_change_words(name: str, change: float | None, rated: int) -> str | None:
    """ "Stress after a session: 1.5 lower on average (4 sessions rated)."

    Only sessions rated both before and after count.
    """
    if change is None:
        return None
    if abs(change) < 0.05:
        how = "about the same"
    else:
        how = f"{abs(change):.1f} {'lower' if change < 0 else 'higher'} on average"
    return f"{name} after a session: {how} ({plural(rated, 'session')} rated)."


def history_words(history: BreathingHistory) -> str:
    """The past sessions in a few plain lines."""
    if history.week_sessions == 0 and history.streak_days == 0 and history.stress_rated == 0:
        return "No sessions in the last 7 days. Each session you do is counted here."
    lines = [
        f"Today: {plural(history.today_sessions, 'session')}, "
        f"{duration_words(history.today_seconds)}. "
        f"Last 7 days: {plural(history.week_sessions, 'session')}, "
        f"{duration_words(history.week_seconds)}.",
        f"Streak: {plural(history.streak_days, 'day')} in a row with at least one full breath "
        "round the box."
        if history.streak_days
        else "Streak: none yet. One full breath round the box today starts one.",
    ]
    for name, change, rated in (
        ("Stress", history.stress_change, history.stress_rated),
        ("Pain", history.pain_change, history.pain_rated),
    ):
        words = average_change_words(name, change, rated)
        if words:
            lines.append(words)
    return "\n".join(lines)


def result_title(record: BreathingSession) -> str:
    """ "Session complete ✓", or how long a session stopped early ran."""
    if record.completed:
        return "Session complete ✓"
    return f"Stopped early, after {duration_words(record.elapsed_seconds)}"


def summary_words(record: BreathingSession) -> str:
    """The rounds done, then stress and pain before and after."""
    rounds = (
        f"{plural(record.cycles_completed, 'round')} of the box at {record.inhale} seconds "
        f"a side, {duration_words(record.elapsed_seconds)}."
    )
    if not record.completed:
        cycles_total = record.planned_seconds // (4 * record.inhale)
        rounds = f"{record.cycles_completed} of {cycles_total} rounds of the box done."
    lines = [rounds, ""]
    for name, before, after in (
        ("Stress", record.stress_before, record.stress_after),
        ("Pain", record.pain_before, record.pain_after),
    ):
        lines.append(f"{name}: {change_words(before, after) or _one_rating(before, after)}")
    return "\n".join(lines)


def _one_rating(before: int | None, after: int | None) -> str:
    if before is None and after is None:
        return "not rated"
    if after is None:
        return f"{before} before, not rated after"
    return f"not rated before, {after} after"
