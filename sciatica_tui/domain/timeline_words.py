"""The one way the app says where a person is on the timeline: weeks, stage and rehab phase.

Every tab, the review, the visit summary and the command line say it with these functions,
so no two places ever word it differently:

- ``weeks_since(6)``: "6 weeks since onset" ("Less than a week since onset" in the first week);
- ``stage_words(stage)``: "Stage 2 (weeks 6–12)"; ``stage_named(stage)`` adds its name;
- ``phase_words(where)``: "Rehab phase 2", or "Rehab phase 1, counted from surgery";
- ``timeline_summary(where)``: all three on one line, joined by " · ";
- ``timeline_json(where)``: the same facts for ``--json`` outputs.
"""

from __future__ import annotations

from typing import Any

from sciatica_tui.domain.content_schema import Stage
from sciatica_tui.domain.timeline import TimelinePosition, phase_weeks
from sciatica_tui.domain.words import plural

SEPARATOR = " · "


def weeks_since(weeks: int, since: str = "onset") -> str:
    """``6 weeks since onset``, ``1 week since surgery``; ``Less than a week since onset``
    for week 0 (nobody says "0 weeks")."""
    if weeks <= 0:
        return f"Less than a week since {since}"
    return f"{plural(weeks, 'week')} since {since}"


def weeks_span(first_week: int, last_week: int | None) -> str:
    """``weeks 0–6`` for completed weeks 0 to 5; ``week 24 on`` when open-ended."""
    if last_week is None:
        return f"week {first_week} on"
    return f"weeks {first_week}–{last_week + 1}"


def stage_weeks(stage: Stage) -> str:
    """``weeks 6–12``, ``week 24 on``."""
    return weeks_span(stage.first_week, stage.last_week)


def stage_words(stage: Stage) -> str:
    """``Stage 2 (weeks 6–12)``."""
    return f"Stage {stage.number} ({stage_weeks(stage)})"


def stage_named(stage: Stage) -> str:
    """``Stage 2 (weeks 6–12), building back``."""
    return f"{stage_words(stage)}, {stage.name.lower()}"


def phase_weeks_words(phase: int) -> str:
    """``weeks 6–12``, ``week 12 on``: the weeks rehab phase ``phase`` spans."""
    return weeks_span(*phase_weeks(phase))


def phase_name(phase: int) -> str:
    """``Rehab phase 2``."""
    return f"Rehab phase {phase}"


def phase_with_weeks(phase: int) -> str:
    """``Rehab phase 2 (weeks 6–12)``."""
    return f"{phase_name(phase)} ({phase_weeks_words(phase)})"


def counted_from_surgery(where: TimelinePosition) -> str | None:
    """``counted from surgery`` when the phase counts from a surgery date, else None."""
    return "counted from surgery" if where.phase_from_surgery else None


def phase_words(where: TimelinePosition) -> str | None:
    """``Rehab phase 2``; ``Rehab phase 1, counted from surgery``; None when unknown."""
    if where.phase is None:
        return None
    counted = counted_from_surgery(where)
    return phase_name(where.phase) + (f", {counted}" if counted else "")


def phase_weeks_since(where: TimelinePosition) -> str | None:
    """What the phase is counted on: ``6 weeks since onset``, ``2 weeks since surgery``."""
    if where.weeks_since_phase_start is None:
        return None
    return weeks_since(where.weeks_since_phase_start, where.phase_counted_from)


def timeline_summary(where: TimelinePosition) -> str | None:
    """``6 weeks since onset · Stage 2 (weeks 6–12), building back · Rehab phase 2``
    (the parts known; None when nothing is)."""
    parts: list[str] = []
    if where.weeks_since_onset is not None:
        parts.append(weeks_since(where.weeks_since_onset))
    if where.stage is not None:
        parts.append(stage_named(where.stage))
    if (phase := phase_words(where)) is not None:
        parts.append(phase)
    return SEPARATOR.join(parts) or None


def timeline_json(where: TimelinePosition) -> dict[str, Any]:
    """The timeline for a ``--json`` output: ``weeks_since_onset``, ``stage`` (number, weeks
    as said, name) and ``phase`` with what it is ``phase_counted_from``."""
    stage = where.stage
    return {
        "weeks_since_onset": where.weeks_since_onset,
        "stage": None
        if stage is None
        else {"number": stage.number, "weeks": stage_weeks(stage), "name": stage.name},
        "phase": where.phase,
        "phase_counted_from": where.phase_counted_from if where.phase is not None else None,
    }
