"""Box-breathing timing and history, as pure functions of time.

The Breathe tab never counts ticks or sleeps: it reads a monotonic clock, turns the reading
into seconds of breathing with ``SessionClock`` (which leaves paused time out), and asks
``BreathingSchedule.at`` what to show. A late redraw therefore shows the right moment late,
never a wrong one, and a whole session can be checked in a test without waiting.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import mean

from sciatica_tui.domain.content_schema import BREATHING_PHASES, BreathingPhase
from sciatica_tui.domain.records import BreathingSession

MINUTE_CHOICES: tuple[int, ...] = (1, 3, 5, 10)
COUNT_CHOICES: tuple[int, ...] = (3, 4, 5, 6)
DEFAULT_MINUTES = 3
DEFAULT_COUNT = 4
SIDES = len(BREATHING_PHASES)


@dataclass(frozen=True)
class Moment:
    """What the session looks like at one instant."""

    phase: BreathingPhase
    seconds_left: float  # in this phase
    cycle: int  # 1-based; stays at cycles_total once finished
    cycles_total: int
    fraction: float  # of the whole session, 0.0 to 1.0
    finished: bool
    phase_seconds: int  # the length of one phase (the count)

    @property
    def step(self) -> int:
        """Which side of the box, 1 to 4."""
        return BREATHING_PHASES.index(self.phase) + 1

    @property
    def countdown(self) -> int:
        """The whole seconds to show: the count at the start of a phase, down to 1."""
        if self.finished:
            return 0
        return max(1, math.ceil(self.seconds_left))

    @property
    def phase_progress(self) -> float:
        """How far through this phase, 0.0 to 1.0 (where the marker is along its side)."""
        return min(1.0, max(0.0, 1.0 - self.seconds_left / self.phase_seconds))


@dataclass(frozen=True)
class PhaseStart:
    """One phase change of a session: when it is due (seconds of breathing) and what starts."""

    at: int
    phase: BreathingPhase
    cycle: int


@dataclass(frozen=True)
class BreathingSchedule:
    """A session of whole cycles: ``cycles`` times the four sides of ``count`` seconds each."""

    count: int
    cycles: int

    def __post_init__(self) -> None:
        if self.count not in COUNT_CHOICES:
            raise ValueError(f"the count must be 3 to 6 seconds, not {self.count}")
        if self.cycles < 1:
            raise ValueError(f"a session needs at least one cycle, not {self.cycles}")

    @classmethod
    def planned(cls, minutes: int, count: int) -> BreathingSchedule:
        """The whole cycles nearest to ``minutes`` (halves round up), at least one.

        A session always ends on a completed breath, so its real length can differ from the
        chosen one by up to half a cycle: 3 minutes at a count of 4 is 11 cycles, 2:56.
        """
        if minutes not in MINUTE_CHOICES:
            raise ValueError(f"the length must be 1, 3, 5 or 10 minutes, not {minutes}")
        if count not in COUNT_CHOICES:
            raise ValueError(f"the count must be 3 to 6 seconds, not {count}")
        cycle_seconds = SIDES * count
        cycles = math.floor(minutes * 60 / cycle_seconds + 0.5)
        return cls(count=count, cycles=max(1, cycles))

    @property
    def cycle_seconds(self) -> int:
        """One trip round the box."""
        return SIDES * self.count

    @property
    def total_seconds(self) -> int:
        """The real length of the session."""
        return self.cycles * self.cycle_seconds

    def at(self, elapsed: float) -> Moment:
        """The moment after ``elapsed`` seconds of breathing (paused time already left out).

        A phase begins exactly on its boundary: at ``k * count`` seconds phase ``k`` has its
        full count left.
        """
        elapsed = max(0.0, elapsed)
        if elapsed >= self.total_seconds:
            return Moment(
                phase=BREATHING_PHASES[-1],
                seconds_left=0.0,
                cycle=self.cycles,
                cycles_total=self.cycles,
                fraction=1.0,
                finished=True,
                phase_seconds=self.count,
            )
        index = int(elapsed // self.count)
        return Moment(
            phase=BREATHING_PHASES[index % SIDES],
            seconds_left=(index + 1) * self.count - elapsed,
            cycle=index // SIDES + 1,
            cycles_total=self.cycles,
            fraction=elapsed / self.total_seconds,
            finished=False,
            phase_seconds=self.count,
        )

    def cycles_completed(self, elapsed: float) -> int:
        """Whole trips round the box within ``elapsed`` seconds of breathing."""
        return min(self.cycles, int(max(0.0, elapsed) // self.cycle_seconds))

    def phase_starts(self) -> Iterator[PhaseStart]:
        """Every phase change of the session, in order, with when it is due."""
        for index in range(self.cycles * SIDES):
            yield PhaseStart(
                index * self.count, BREATHING_PHASES[index % SIDES], index // SIDES + 1
            )


class SessionClock:
    """Seconds of breathing from monotonic clock readings, leaving paused time out.

    ``elapsed = (now - started) - paused``: nothing is counted or accumulated per tick, so
    however late or often it is read, the answer is exact.
    """

    def __init__(self, started: float) -> None:
        """``started`` is the monotonic reading when the session began."""
        self.started = started
        self.paused_total = 0.0
        self.paused_since: float | None = None

    @property
    def paused(self) -> bool:
        """Whether the session is paused now."""
        return self.paused_since is not None

    def elapsed(self, now: float) -> float:
        """Seconds of breathing at the monotonic reading ``now``."""
        until = self.paused_since if self.paused_since is not None else now
        # Round to the microsecond: the same moment reached through different pauses must
        # give the same number, or a phase could flicker back at its exact boundary.
        return max(0.0, round(until - self.started - self.paused_total, 6))

    def pause(self, now: float) -> None:
        """Stop counting from ``now`` (pausing twice changes nothing)."""
        if self.paused_since is None:
            self.paused_since = max(now, self.started)

    def resume(self, now: float) -> None:
        """Count again from ``now``; the pause is left out of the elapsed time."""
        if self.paused_since is not None:
            self.paused_total += max(0.0, now - self.paused_since)
            self.paused_since = None

    def toggle(self, now: float) -> bool:
        """Pause or resume; returns whether the session is now paused."""
        if self.paused:
            self.resume(now)
        else:
            self.pause(now)
        return self.paused


def session_record(
    schedule: BreathingSchedule,
    *,
    started_at: datetime,
    elapsed: float,
    stress_before: int | None = None,
    pain_before: int | None = None,
) -> BreathingSession:
    """The record to save after ``elapsed`` seconds of breathing (complete or stopped early).

    A finished session counts exactly its planned length: the redraw that noticed the end
    may come a moment after it.
    """
    completed = elapsed >= schedule.total_seconds
    return BreathingSession(
        started_at=started_at,
        inhale=schedule.count,
        hold_in=schedule.count,
        exhale=schedule.count,
        hold_out=schedule.count,
        planned_seconds=schedule.total_seconds,
        elapsed_seconds=float(schedule.total_seconds) if completed else round(elapsed, 2),
        cycles_completed=schedule.cycles_completed(elapsed),
        completed=completed,
        stress_before=stress_before,
        pain_before=pain_before,
    )


# --- words --------------------------------------------------------------------------------


def duration_words(seconds: float) -> str:
    """``64`` -> "1 min 4 s", ``180`` -> "3 min", ``9.6`` -> "10 s" (whole seconds)."""
    whole = int(seconds + 0.5)
    minutes, rest = divmod(whole, 60)
    if minutes and rest:
        return f"{minutes} min {rest} s"
    if minutes:
        return f"{minutes} min"
    return f"{rest} s"


def change_words(before: int | None, after: int | None) -> str | None:
    """How a 0-10 rating moved: "6 → 3 (3 lower)"; None unless both were given."""
    if before is None or after is None:
        return None
    difference = after - before
    if difference == 0:
        how = "no change"
    else:
        how = f"{abs(difference)} {'lower' if difference < 0 else 'higher'}"
    return f"{before} → {after} ({how})"


# --- history --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BreathingHistory:
    """Past sessions summed up for the tab: today, the last 7 days, the streak, the change."""

    today_sessions: int = 0
    today_seconds: float = 0.0
    week_sessions: int = 0
    week_seconds: float = 0.0
    streak_days: int = 0
    stress_change: float | None = None  # mean of after - before, over sessions with both
    stress_rated: int = 0
    pain_change: float | None = None
    pain_rated: int = 0


def practice_days(sessions: Iterable[BreathingSession]) -> set[date]:
    """The days with at least one full breath cycle."""
    return {s.started_at.date() for s in sessions if s.cycles_completed >= 1}


def streak(sessions: Iterable[BreathingSession], today: date) -> int:
    """Days in a row with a full cycle, ending today, or yesterday if today has none yet
    (the day is not over, so the streak is not broken)."""
    days = practice_days(sessions)
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def mean_change(pairs: Iterable[tuple[int | None, int | None]]) -> tuple[float | None, int]:
    """The mean of ``after - before`` over the pairs with both, and how many there were."""
    changes = [
        after - before for before, after in pairs if before is not None and after is not None
    ]
    return (mean(changes) if changes else None), len(changes)


def breathing_history(sessions: Iterable[BreathingSession], today: date) -> BreathingHistory:
    """Today's and the last 7 days' sessions (today included), the streak, and the mean
    change in stress and pain over every session rated before and after."""
    every = list(sessions)
    week_start = today - timedelta(days=6)
    on_today = [s for s in every if s.started_at.date() == today]
    this_week = [s for s in every if week_start <= s.started_at.date() <= today]
    stress_change, stress_rated = mean_change((s.stress_before, s.stress_after) for s in every)
    pain_change, pain_rated = mean_change((s.pain_before, s.pain_after) for s in every)
    return BreathingHistory(
        today_sessions=len(on_today),
        today_seconds=sum(s.elapsed_seconds for s in on_today),
        week_sessions=len(this_week),
        week_seconds=sum(s.elapsed_seconds for s in this_week),
        streak_days=streak(every, today),
        stress_change=stress_change,
        stress_rated=stress_rated,
        pain_change=pain_change,
        pain_rated=pain_rated,
    )
