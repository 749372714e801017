"""Where a person is on the recovery timeline: weeks since onset, stage and rehab phase.

Weeks are completed weeks (days // 7). The stages come from ``content/stages.toml``, and the
rehab phases share their boundaries so that no two screens ever disagree: phase 1 is stage 1,
phase 2 is stage 2, and phase 3 runs from stage 3 on. The stage follows the onset date; the
rehab phase follows the surgery date instead when one is set and falls after the onset.
How all of this is said is in ``timeline_words``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from sciatica_tui.domain import content
from sciatica_tui.domain.content_schema import PHASE_COUNT, Stage


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
    """Rehab phase 1 (stage 1), 2 (stage 2) or 3 (stage 3 on), counted in completed weeks."""
    return min(stage_for_week(week).number, PHASE_COUNT)


def phase_weeks(phase: int) -> tuple[int, int | None]:
    """The completed weeks phase ``phase`` spans: its first week and its last one (None for
    the open-ended last phase)."""
    stages = content.stages()
    last = stages[phase - 1].last_week if phase < PHASE_COUNT else None
    return stages[phase - 1].first_week, last


def phase_start(onset: date | None, surgery: date | None) -> tuple[date | None, str]:
    """The date the rehab phase counts from, and what it is ("surgery" or "onset")."""
    if surgery is not None and (onset is None or surgery > onset):
        return surgery, "surgery"
    return onset, "onset"


@dataclass(frozen=True)
class TimelinePosition:
    """Everything the timeline says about one day; ``None`` where no onset date is set.

    ``weeks_since_phase_start`` counts from ``phase_counted_from`` ("onset" or "surgery").
    """

    weeks_since_onset: int | None
    stage: Stage | None
    phase: int | None
    phase_counted_from: str
    next_phase_on: date | None
    weeks_since_phase_start: int | None = None

    @property
    def known(self) -> bool:
        """True when an onset (or surgery) date lets the timeline say anything."""
        return self.weeks_since_onset is not None or self.phase is not None

    @property
    def phase_from_surgery(self) -> bool:
        """True when the phase counts from the surgery date rather than the onset."""
        return self.phase is not None and self.phase_counted_from == "surgery"


def position(onset: date | None, surgery: date | None, today: date) -> TimelinePosition:
    """The person's place on the timeline on ``today``; nothing is known before the onset
    (a review asked for an earlier day has no week 0 to speak of)."""
    weeks = completed_weeks(onset, today) if onset is not None and onset <= today else None
    # Before the surgery day, the phase still counts from the onset.
    surgery_so_far = surgery if surgery is not None and surgery <= today else None
    start, counted_from = phase_start(onset, surgery_so_far)
    phase = next_phase_on = weeks_in_phase = None
    if start is not None and start <= today:
        weeks_in_phase = completed_weeks(start, today)
        phase = phase_for_week(weeks_in_phase)
        if phase < PHASE_COUNT:
            next_phase_on = start + relativedelta(weeks=phase_weeks(phase + 1)[0])
    return TimelinePosition(
        weeks_since_onset=weeks,
        stage=stage_for_week(weeks) if weeks is not None else None,
        phase=phase,
        phase_counted_from=counted_from,
        next_phase_on=next_phase_on,
        weeks_since_phase_start=weeks_in_phase,
    )
