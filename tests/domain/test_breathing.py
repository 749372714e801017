"""The breathing schedule, the pausable session clock and the history, without Textual."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciatica_tui.domain.breathing import (
    BreathingSchedule,
    SessionClock,
    breathing_history,
    change_words,
    duration_words,
    session_record,
    streak,
)
from sciatica_tui.domain.content_schema import BREATHING_PHASES
from sciatica_tui.domain.records import BreathingSession

TODAY = date(2026, 11, 21)


# --- planning whole cycles ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "count", "cycles", "total"),
    [
        (1, 3, 5, 60),
        (1, 4, 4, 64),  # 3.75 cycles rounds to 4
        (1, 5, 3, 60),
        (1, 6, 3, 72),  # 2.5 cycles: halves round up
        (3, 4, 11, 176),  # 11.25 rounds down
        (3, 6, 8, 192),  # 7.5 rounds up
        (5, 4, 19, 304),
        (10, 3, 50, 600),
        (10, 4, 38, 608),  # 37.5 rounds up
        (10, 5, 30, 600),
        (10, 6, 25, 600),
    ],
)
def test_a_session_is_rounded_to_whole_cycles(
    minutes: int, count: int, cycles: int, total: int
) -> None:
    schedule = BreathingSchedule.planned(minutes, count)
    assert (schedule.cycles, schedule.total_seconds) == (cycles, total)
    assert schedule.cycle_seconds == 4 * count


@pytest.mark.parametrize(("minutes", "count"), [(2, 4), (0, 4), (3, 2), (3, 7), (15, 4)])
def test_lengths_and_counts_outside_the_choices_are_refused(minutes: int, count: int) -> None:
    with pytest.raises(ValueError):
        BreathingSchedule.planned(minutes, count)


def test_a_schedule_needs_a_cycle_and_a_valid_count() -> None:
    with pytest.raises(ValueError):
        BreathingSchedule(count=4, cycles=0)
    with pytest.raises(ValueError):
        BreathingSchedule(count=8, cycles=3)


# --- exact boundaries ----------------------------------------------------------------------


@pytest.mark.parametrize("count", [3, 4, 5, 6])
def test_every_phase_boundary_of_a_ten_minute_session_is_exact(count: int) -> None:
    schedule = BreathingSchedule.planned(10, count)
    starts = list(schedule.phase_starts())
    assert len(starts) == 4 * schedule.cycles
    for index, start in enumerate(starts):
        assert start.at == index * count
        assert start.phase == BREATHING_PHASES[index % 4]
        assert start.cycle == index // 4 + 1
        moment = schedule.at(start.at)
        # On the boundary the new phase has begun, with its whole count left.
        assert moment.phase == start.phase
        assert moment.seconds_left == count
        assert moment.countdown == count
        assert moment.cycle == start.cycle
        assert moment.cycles_total == schedule.cycles
        assert moment.fraction == start.at / schedule.total_seconds
        assert not moment.finished
        assert moment.phase_progress == 0.0
        if index:
            # A hair before it, the previous phase is showing its last second.
            before = schedule.at(start.at - 1e-9)
            assert before.phase == BREATHING_PHASES[(index - 1) % 4]
            assert before.countdown == 1
            assert before.cycle == (index - 1) // 4 + 1
    last_moment = schedule.at(schedule.total_seconds - 1e-9)
    assert (last_moment.phase, last_moment.countdown, last_moment.finished) == (
        "hold_out",
        1,
        False,
    )
    assert last_moment.cycle == schedule.cycles
    end = schedule.at(schedule.total_seconds)
    assert end.finished and end.fraction == 1.0 and end.countdown == 0
    assert end.cycle == schedule.cycles
    assert schedule.at(schedule.total_seconds + 100).finished


def test_the_count_goes_down_each_whole_second() -> None:
    schedule = BreathingSchedule.planned(1, 4)
    shown = [schedule.at(t / 4).countdown for t in range(0, 17)]  # every quarter second
    assert shown == [4, 4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 4]
    assert [schedule.at(t).step for t in (0, 4, 8, 12, 16)] == [1, 2, 3, 4, 1]
    assert schedule.at(2).phase_progress == 0.5


def test_negative_elapsed_is_the_start() -> None:
    schedule = BreathingSchedule.planned(1, 4)
    assert schedule.at(-3) == schedule.at(0)


def test_cycles_completed_counts_whole_trips_only() -> None:
    schedule = BreathingSchedule.planned(1, 4)  # 4 cycles of 16 s
    assert [schedule.cycles_completed(t) for t in (0, 15.99, 16, 47.9, 64, 500)] == [
        0,
        0,
        1,
        2,
        4,
        4,
    ]


# --- pausing ---------------------------------------------------------------------------------


def test_paused_time_is_not_counted() -> None:
    clock = SessionClock(started=100.0)
    assert clock.elapsed(105.0) == 5.0
    clock.pause(105.0)
    assert clock.paused
    assert clock.elapsed(130.0) == 5.0  # frozen while paused
    clock.pause(131.0)  # a second pause changes nothing
    clock.resume(135.0)
    assert not clock.paused
    assert clock.elapsed(136.0) == 6.0
    clock.resume(140.0)  # resuming when running changes nothing
    assert clock.elapsed(140.0) == 10.0


@pytest.mark.parametrize("pause_seconds", [0.5, 3, 17.25, 600])
@pytest.mark.parametrize("paused_at", [0, 2, 4, 13.5])
def test_a_pause_shifts_the_schedule_by_exactly_the_paused_time(
    pause_seconds: float, paused_at: float
) -> None:
    schedule = BreathingSchedule.planned(1, 4)
    clock = SessionClock(started=1000.0)
    clock.pause(1000.0 + paused_at)
    clock.resume(1000.0 + paused_at + pause_seconds)
    for later in (0, 0.25, 1, 3.5, 7, 40):
        shifted = schedule.at(clock.elapsed(1000.0 + paused_at + pause_seconds + later))
        assert shifted == schedule.at(paused_at + later)


def test_toggle_pauses_then_resumes() -> None:
    clock = SessionClock(started=0.0)
    assert clock.toggle(2.0) is True
    assert clock.toggle(5.0) is False
    assert clock.elapsed(6.0) == 3.0


# Runs and pauses as whole milliseconds, so the sums are exact in floating point.
run_pause = st.tuples(st.integers(0, 20_000), st.integers(0, 600_000))


@settings(max_examples=300, deadline=None)
@given(
    start=st.integers(0, 10**9),
    pattern=st.lists(run_pause, max_size=25),
    count=st.sampled_from([3, 4, 5, 6]),
    minutes=st.sampled_from([1, 3, 5, 10]),
)
def test_elapsed_never_counts_paused_time_and_phases_only_move_on(
    start: int, pattern: list[tuple[int, int]], count: int, minutes: int
) -> None:
    schedule = BreathingSchedule.planned(minutes, count)
    clock = SessionClock(started=start / 1000)
    now, breathed = start, 0
    seen: list[tuple[int, int, bool]] = []

    def look() -> None:
        elapsed = clock.elapsed(now / 1000)
        assert elapsed == pytest.approx(breathed / 1000, abs=1e-6)
        moment = schedule.at(elapsed)
        seen.append((moment.cycle, moment.step, moment.finished))

    for run, pause in pattern:
        now += run
        breathed += run
        look()
        clock.pause(now / 1000)
        frozen = clock.elapsed(now / 1000)
        now += pause
        assert clock.elapsed(now / 1000) == frozen
        look()
        clock.resume(now / 1000)
        look()
    # Cycle, step and "finished" never go backwards.
    assert seen == sorted(seen)


# --- the saved record --------------------------------------------------------------------------


def test_a_finished_session_counts_exactly_its_planned_length() -> None:
    schedule = BreathingSchedule.planned(1, 4)
    at = datetime(2026, 11, 21, 9, 30)
    record = session_record(schedule, started_at=at, elapsed=64.037, stress_before=6)
    assert record == BreathingSession(
        started_at=at,
        inhale=4,
        hold_in=4,
        exhale=4,
        hold_out=4,
        planned_seconds=64,
        elapsed_seconds=64.0,
        cycles_completed=4,
        completed=True,
        stress_before=6,
    )


def test_a_stopped_session_keeps_the_real_time() -> None:
    schedule = BreathingSchedule.planned(3, 5)
    record = session_record(schedule, started_at=datetime(2026, 1, 1), elapsed=47.123)
    assert (record.completed, record.elapsed_seconds, record.cycles_completed) == (
        False,
        47.12,
        2,
    )
    assert record.planned_seconds == 180


# --- words -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0, "0 s"),
        (9.6, "10 s"),
        (59.4, "59 s"),
        (60, "1 min"),
        (64, "1 min 4 s"),
        (608, "10 min 8 s"),
    ],
)
def test_duration_words(seconds: float, words: str) -> None:
    assert duration_words(seconds) == words


def test_change_words() -> None:
    assert change_words(6, 3) == "6 → 3 (3 lower)"
    assert change_words(2, 5) == "2 → 5 (3 higher)"
    assert change_words(4, 4) == "4 → 4 (no change)"
    assert change_words(None, 4) is None
    assert change_words(4, None) is None


# --- history -------------------------------------------------------------------------------------


def session(
    day: date,
    hour: int = 9,
    *,
    seconds: float = 176.0,
    cycles: int = 11,
    stress: tuple[int | None, int | None] = (None, None),
    pain: tuple[int | None, int | None] = (None, None),
) -> BreathingSession:
    return BreathingSession(
        started_at=datetime(day.year, day.month, day.day, hour),
        inhale=4,
        hold_in=4,
        exhale=4,
        hold_out=4,
        planned_seconds=176,
        elapsed_seconds=seconds,
        cycles_completed=cycles,
        completed=cycles == 11,
        stress_before=stress[0],
        stress_after=stress[1],
        pain_before=pain[0],
        pain_after=pain[1],
    )


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def test_history_of_no_sessions() -> None:
    history = breathing_history([], TODAY)
    assert (history.today_sessions, history.week_sessions, history.streak_days) == (0, 0, 0)
    assert history.stress_change is None and history.stress_rated == 0


def test_history_counts_today_and_the_last_seven_days() -> None:
    sessions = [
        session(days_ago(7), seconds=600),  # eight days back counting today: outside
        session(days_ago(6), seconds=120),
        session(days_ago(1), seconds=60),
        session(TODAY, 8, seconds=176),
        session(TODAY, 18, seconds=20, cycles=1),
        session(TODAY + timedelta(days=1)),  # a clock set wrong: not in the past week
    ]
    history = breathing_history(sessions, TODAY)
    assert (history.today_sessions, history.today_seconds) == (2, 196)
    assert (history.week_sessions, history.week_seconds) == (4, 376)


def test_the_streak_counts_days_in_a_row_with_a_full_cycle() -> None:
    sessions = [session(days_ago(n)) for n in (0, 1, 2, 4)]
    assert streak(sessions, TODAY) == 3
    # Today not done yet: the streak up to yesterday still stands.
    assert streak(sessions[1:], TODAY) == 2
    # A session stopped before one full cycle does not keep a streak going.
    assert streak([session(TODAY, cycles=0), session(days_ago(1))], TODAY) == 1
    assert streak([session(days_ago(2))], TODAY) == 0


def test_average_change_uses_only_sessions_rated_before_and_after() -> None:
    sessions = [
        session(days_ago(3), stress=(6, 3), pain=(5, 5)),
        session(days_ago(2), stress=(4, 4)),
        session(days_ago(1), stress=(7, None), pain=(None, 2)),
        session(TODAY, stress=(5, 3)),
    ]
    history = breathing_history(sessions, TODAY)
    assert history.stress_change == pytest.approx(-5 / 3)
    assert history.stress_rated == 3
    assert (history.pain_change, history.pain_rated) == (0, 1)


def test_a_boundary_reached_after_a_pause_is_not_crossed_back() -> None:
    """Found by hypothesis: float sums put 12 s of breathing at 11.99999… after a pause."""
    schedule = BreathingSchedule.planned(1, 4)
    clock = SessionClock(started=110.920)
    clock.pause(122.920)
    before = schedule.at(clock.elapsed(122.920))
    clock.resume(244.178)
    after = schedule.at(clock.elapsed(244.178))
    assert clock.elapsed(244.178) == 12.0
    assert (after.cycle, after.step) == (before.cycle, before.step) == (1, 4)
