"""Ten years of a plausible diary, the same on every run: the data every benchmark uses."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sciatica_tui.domain.records import (
    BreathingSession,
    DailyLog,
    Profile,
    Reach,
    RedFlagCheck,
    RehabDay,
    Side,
    Snapshot,
    Verdict,
    Weakness,
)

TODAY = date(2026, 11, 21)
YEARS = 10


def ten_years(seed: int = 7, today: date = TODAY) -> Snapshot:
    """A plausible diary: every day logged for ten years up to the day before ``today``, with
    checks, sessions and rehab."""
    rng = random.Random(seed)
    first = today - timedelta(days=365 * YEARS)
    logs, rehab, sessions, checks = [], [], [], []
    for offset in range(365 * YEARS):
        day = first + timedelta(days=offset)
        pain = max(0, min(10, round(7 - offset / 400 + rng.gauss(0, 1.5))))
        logs.append(
            DailyLog(
                day,
                pain,
                max(0, pain - 2),
                pain_reach=rng.choice(list(Reach)),
                pain_side=rng.choice(list(Side)),
                numbness=rng.randint(0, 6),
                numbness_reach=rng.choice(list(Reach)),
                weakness=rng.choice(list(Weakness)),
                walking_minutes=rng.randint(5, 90),
                sitting_minutes=rng.randint(10, 120),
                sleep_hours=round(rng.uniform(4, 9), 1),
                sleep_quality=rng.randint(1, 5),
                mood=rng.randint(1, 5),
                pain_med_doses=rng.randint(0, 4),
                notes="Walked to the shop and back; a little stiff after sitting.",
            )
        )
        rehab.append(
            RehabDay(day, ("pelvic_tilts", "knee_to_chest", "walking")[: rng.randint(0, 3)])
        )
        if rng.random() < 0.5:
            sessions.append(
                BreathingSession(
                    datetime.combine(day, datetime.min.time()) + timedelta(hours=20),
                    4,
                    4,
                    4,
                    4,
                    192,
                    192.0,
                    12,
                    True,
                    stress_before=6,
                    stress_after=4,
                )
            )
        if offset % 30 == 0:
            checks.append(
                RedFlagCheck(
                    datetime.combine(day, datetime.min.time()) + timedelta(hours=9),
                    {"saddle_numbness": False},
                    Verdict.CLEAR,
                )
            )
    profile = Profile(onset_date=first, welcomed=True)
    return Snapshot(profile, logs, checks, sessions, rehab)
