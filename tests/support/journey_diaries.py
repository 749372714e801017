"""Diaries the journeys import: built from the app's own records, written in its export format.

The installed app runs on the real clock, so every diary here ends on the ``today`` given.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from sciatica_tui.domain.records import DailyLog, Profile, Reach, Side, Snapshot
from sciatica_tui.store.export_format import to_document

WEEKS = 12
# One value per week, oldest first. The last two weeks differ on purpose, so the weekly
# review has something to say on both sides: leg pain easing, pain moving up the leg and
# walking more (recovery), and shorter nights (a sign to watch).
LEG_PAIN = (8, 8, 7, 7, 6, 6, 6, 5, 5, 5, 4, 2)
BACK_PAIN = (6, 6, 5, 5, 5, 4, 4, 4, 3, 3, 3, 2)
PAIN_REACH = (
    Reach.FOOT,
    Reach.FOOT,
    Reach.FOOT,
    Reach.BELOW_KNEE,
    Reach.BELOW_KNEE,
    Reach.BELOW_KNEE,
    Reach.BELOW_KNEE,
    Reach.BELOW_KNEE,
    Reach.BELOW_KNEE,
    Reach.BELOW_KNEE,
    Reach.BELOW_KNEE,
    Reach.THIGH,
)
WALKING_MINUTES = (5, 5, 10, 10, 10, 15, 15, 15, 20, 20, 20, 30)
SLEEP_HOURS = (6.0, 6.0, 6.5, 6.5, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 6.0)
# Day-to-day wobble that adds up to nothing over a week, so each week's mean is its value.
WOBBLE = (0, 1, 0, -1, 0, 1, -1)


def twelve_week_diary(today: date) -> Snapshot:
    """84 logged days ending on ``today``, with the onset a week before the first."""
    first = today - timedelta(days=WEEKS * 7 - 1)
    logs = []
    for offset in range(WEEKS * 7):
        week, day = divmod(offset, 7)
        wobble = WOBBLE[day]
        logs.append(
            DailyLog(
                date=first + timedelta(days=offset),
                leg_pain=min(10, max(0, LEG_PAIN[week] + wobble)),
                back_pain=min(10, max(0, BACK_PAIN[week] - wobble)),
                pain_reach=PAIN_REACH[week],
                pain_side=Side.LEFT,
                numbness=2,
                walking_minutes=WALKING_MINUTES[week] + 2 * wobble,
                sleep_hours=SLEEP_HOURS[week],
                mood=3,
                pain_med_doses=2,
            )
        )
    profile = Profile(onset_date=first - timedelta(days=7), welcomed=True)
    return Snapshot(profile=profile, daily_logs=logs)


def write_diary(path: Path, snapshot: Snapshot) -> Path:
    """Write ``snapshot`` as the JSON document ``sciatica import`` reads."""
    path.write_text(json.dumps(to_document(snapshot), indent=2), encoding="utf-8")
    return path
