"""The status strip of the Today tab: where the person is, and what today holds so far.

Pure: it takes records the diary already holds and says them in short plain phrases.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sciatica_tui.domain.content_schema import Stage
from sciatica_tui.domain.records import BreathingSession, Profile, RedFlagCheck, Verdict
from sciatica_tui.domain.red_flags import signs_in_words
from sciatica_tui.domain.status_line import VERDICT_WORDS, breathing_minutes
from sciatica_tui.domain.timeline import TimelinePosition, position
from sciatica_tui.domain.timeline_words import stage_words, timeline_summary, weeks_since
from sciatica_tui.domain.words import plural, short_day

NO_ONSET = "No onset date yet: press ctrl+o to add it and see your week and stage."


@dataclass(frozen=True)
class TodayStatus:
    """What the strip shows, as values (``None`` where nothing is known)."""

    today: date
    weeks_since_onset: int | None
    stage: Stage | None
    logged_today: bool
    exercises_done: int
    breathing_sessions: int
    breathing_seconds: float
    last_check: RedFlagCheck | None
    timeline: TimelinePosition | None = None  # the whole position, rehab phase and all

    @property
    def breathing_minutes(self) -> int:
        """Minutes breathed today, rounded (any session counts as at least one)."""
        return breathing_minutes(self.breathing_sessions, self.breathing_seconds)

    @property
    def check_needs_care(self) -> bool:
        """True when the last red-flag check found something urgent or an emergency."""
        return self.last_check is not None and self.last_check.verdict is not Verdict.CLEAR


def today_status(
    *,
    profile: Profile,
    today: date,
    logged_today: bool,
    exercises_done: int,
    breathing_sessions: Iterable[BreathingSession],
    red_flag_checks: Sequence[RedFlagCheck],
) -> TodayStatus:
    """Gather the strip's values for ``today`` from what the diary holds."""
    where = position(profile.onset_date, profile.surgery_date, today)
    sessions_today = [s for s in breathing_sessions if s.started_at.date() == today]
    return TodayStatus(
        today=today,
        weeks_since_onset=where.weeks_since_onset,
        stage=where.stage,
        logged_today=logged_today,
        exercises_done=exercises_done,
        breathing_sessions=len(sessions_today),
        breathing_seconds=sum(s.elapsed_seconds for s in sessions_today),
        last_check=max(red_flag_checks, key=lambda c: c.at) if red_flag_checks else None,
        timeline=where,
    )


def timeline_line(status: TodayStatus) -> str:
    """Weeks since onset and the stage with its recommended action, or an invitation:
    "6 weeks since onset · Stage 2 (weeks 6–12): Do more physical therapy: …"."""
    if status.weeks_since_onset is None or status.stage is None:
        return NO_ONSET
    stage = status.stage
    return f"{weeks_since(status.weeks_since_onset)} · {stage_words(stage)}: {stage.action}"


def timeline_in_full(status: TodayStatus) -> list[str]:
    """The whole timeline for the strip's tooltip: weeks, stage with its name and the rehab
    phase on one line, then the stage's action (or the invitation)."""
    summary = timeline_summary(status.timeline) if status.timeline is not None else None
    if summary is None or status.stage is None:
        return [timeline_line(status)]
    return [summary, status.stage.action]


def today_facts(status: TodayStatus) -> list[str]:
    """Short phrases about today: log, exercises, breathing, last red-flag check."""
    logged = "✓ Logged today" if status.logged_today else "✗ Not logged yet"
    exercises = (
        plural(status.exercises_done, "exercise") if status.exercises_done else "No exercises"
    )
    if status.breathing_sessions:
        breathing = f"Breathed {status.breathing_sessions}×, {status.breathing_minutes} min"
    else:
        breathing = "No breathing"
    check = status.last_check
    if check is None:
        red_flags = "Red flags: never checked"
    else:
        day = check.at.date()
        when = "today" if day == status.today else short_day(day, status.today)
        red_flags = f"Red flags {when}: {VERDICT_WORDS[check.verdict]}{_signs(check)}"
    return [logged, exercises, breathing, red_flags]


# A fact longer than this would not fit on one line of an 80-column strip.
LONGEST_SIGNS = 52


def _signs(check: RedFlagCheck) -> str:
    """ " (bladder trouble, saddle numbness)": the signs answered yes, as many as fit (the
    rest counted), or "" when none was."""
    for at_most in (None, 2, 1):
        signs = signs_in_words(check.answers, at_most=at_most)
        if len(signs) <= LONGEST_SIGNS:
            break
    return f" ({signs})" if signs else ""


def wrap_facts(facts: Sequence[str], width: int, separator: str = " · ") -> list[str]:
    """Join ``facts`` into lines of at most ``width`` characters, never splitting a fact."""
    lines: list[str] = []
    for fact in facts:
        if lines and len(lines[-1]) + len(separator) + len(fact) <= width:
            lines[-1] += separator + fact
        else:
            lines.append(fact)
    return lines
