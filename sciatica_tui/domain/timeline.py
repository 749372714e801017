"""Where a person is on the recovery timeline: weeks since onset, stage and rehab phase.

Weeks are completed weeks (days // 7). The stage follows the onset date; the rehab phase
follows the surgery date instead when one is set and falls after the onset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from sciatica_tui.domain import content
from sciatica_tui.domain.content_schema import Stage

PHASE_2_FROM_WEEK = 6
PHASE_3_FROM_WEEK = 12


def completed_weeks(start: date, today: date) -> int:
    """Whole weeks from ``start`` to ``today`` (0 when ``start`` is today or later)."""
    return max(0, (today - start).days // 7)


def stage_for_week(week: int) -> Stage:
    """The timeline stage that holds completed week ``week``."""
    for stage in content.stages():
        if stage.first_week <= week and (stage.last_week is None or week <= stage.last_week):
            return stage
    raise ValueError(f"no stage holds week {week}")


def phase_for_week(week: int) -> int:
    """Rehab phase 1 (under 6 weeks), 2 (6 to under 12) or 3 (12 and over)."""
    if week < PHASE_2_FROM_WEEK:
        return 1
    return 2 if week < PHASE_3_FROM_WEEK else 3


def phase_start(onset: date | None, surgery: date | None) -> tuple[date | None, str]:
    """The date the rehab phase counts from, and what it is ("surgery" or "onset")."""
    if surgery is not None and (onset is None or surgery > onset):
        return surgery, "surgery"
    return onset, "onset"


@dataclass(frozen=True)
class TimelinePosition:
    """Everything the timeline says about one day; ``None`` where no onset date is set."""

    weeks_since_onset: int | None
    stage: Stage | None
    phase: int | None
    phase_counted_from: str
    next_phase_on: date | None

    @property
    def known(self) -> bool:
        """True when an onset (or surgery) date lets the timeline say anything."""
        return self.weeks_since_onset is not None or self.phase is not None


def position(onset: date | None, surgery: date | None, today: date) -> TimelinePosition:
    """The person's place on the timeline on ``today``; nothing is known before the onset
    (a review asked for an earlier day has no week 0 to speak of)."""
    weeks = completed_weeks(onset, today) if onset is not None and onset <= today else None
    # Before the surgery day, the phase still counts from the onset.
    surgery_so_far = surgery if surgery is not None and surgery <= today else None
    start, counted_from = phase_start(onset, surgery_so_far)
    phase = next_phase_on = None
    if start is not None and start <= today:
        phase = phase_for_week(completed_weeks(start, today))
        if phase < 3:
            boundary = PHASE_2_FROM_WEEK if phase == 1 else PHASE_3_FROM_WEEK
            next_phase_on = start + relativedelta(weeks=boundary)
    return TimelinePosition(
        weeks_since_onset=weeks,
        stage=stage_for_week(weeks) if weeks is not None else None,
        phase=phase,
        phase_counted_from=counted_from,
        next_phase_on=next_phase_on,
    )
