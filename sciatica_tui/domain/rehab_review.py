"""Rehab adherence where the diary is read back: the weekly review's line when the exercises
done fell below half of the week before, and the visit summary's lines ("Exercises: 5 of 7
days this week, 80% of the plan" and the last four weeks).

Adherence is counted against the plan in force on the "as of" day: the phase chosen (or the
one the timeline suggests), less the built-ins the person hid, with their own exercises and
doses. Pure: no Textual, no store.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sciatica_tui.domain import content
from sciatica_tui.domain.content_schema import SignalText
from sciatica_tui.domain.records import DiaryExcerpt
from sciatica_tui.domain.rehab import (
    WEEKDAY_INITIALS,
    ChecklistEntry,
    DayAdherence,
    WeeklyAdherence,
    checklist,
    chosen_phase,
    daily_adherence,
    day_mark,
    grid_legend,
    hidden_ids,
    plan_doses,
    plan_rounds,
    recent_weeks,
)
from sciatica_tui.domain.timeline import position
from sciatica_tui.domain.words import short_day

REVIEW_DAYS = 7
# The review speaks when this week's share is below half of last week's, and last week's was
# at least this much (a drop from 4% to 1% is noise, not news).
DROP_BELOW = 0.5
LAST_WEEK_AT_LEAST = 0.2
# Weeks oldest first, each with its days (``rehab.recent_weeks``).
RecentWeeks = tuple[tuple[WeeklyAdherence, tuple[DayAdherence, ...]], ...]
GRID_LEGEND = grid_legend(", ")


def plan_in_force(diary: DiaryExcerpt, as_of: date) -> tuple[ChecklistEntry, ...]:
    """The person's plan on ``as_of``: the phase they chose (else the suggested one), less
    what they hid, with their own exercises and doses."""
    profile = diary.profile
    suggested = position(profile.onset_date, profile.surgery_date, as_of).phase
    phase = chosen_phase(profile.settings.rehab_phase, suggested)
    return checklist(
        phase,
        diary.custom_exercises,
        after_surgery=profile.surgery_date is not None,
        hidden=hidden_ids(diary.rehab_plan),
        doses=plan_doses(diary.rehab_plan),
    )


@dataclass(frozen=True)
class ReviewAdherence:
    """The share of the plan done in the review's two windows (each 0.0–1.0)."""

    this_week: float
    last_week: float

    @property
    def dropped(self) -> bool:
        """This week's share is below half of last week's (and last week's was worth
        comparing)."""
        return self.last_week >= LAST_WEEK_AT_LEAST and self.this_week < DROP_BELOW * self.last_week


def review_adherence(diary: DiaryExcerpt, as_of: date) -> ReviewAdherence | None:
    """The share of the plan done in the 7 days ending on ``as_of`` and the 7 before (the
    weekly review's windows); None when the plan is empty."""
    plan = plan_in_force(diary, as_of)
    if not plan:
        return None
    ids, rounds = [entry.id for entry in plan], plan_rounds(plan)

    def share(last: date) -> float:
        first = last - timedelta(days=REVIEW_DAYS - 1)
        days = daily_adherence(diary.rehab_days, ids, first, last, rounds)
        return sum(day.share for day in days) / len(days)

    return ReviewAdherence(share(as_of), share(as_of - timedelta(days=REVIEW_DAYS)))


def adherence_drop_words(adherence: ReviewAdherence | None) -> SignalText | None:
    """The review's words about the drop (``content/rehab.toml``), or None without one."""
    if adherence is None or not adherence.dropped:
        return None
    words = content.rehab().adherence_drop
    text = words.text.format(
        this=f"{round(100 * adherence.this_week)}%", last=f"{round(100 * adherence.last_week)}%"
    )
    return replace(words, text=text)


def visit_weeks(diary: DiaryExcerpt, as_of: date) -> RecentWeeks:
    """The last four Monday-start weeks up to ``as_of``, counted against the plan in force
    (empty when the plan is)."""
    plan = plan_in_force(diary, as_of)
    if not plan:
        return ()
    ids = [entry.id for entry in plan]
    return recent_weeks(diary.rehab_days, ids, as_of, rounds=plan_rounds(plan))


def exercises_line(weeks: RecentWeeks) -> str:
    """ "Exercises: 5 of 7 days this week, 80% of the plan"."""
    this_week = weeks[-1][0]
    days = f"{this_week.active_days} of {this_week.days_counted} days this week"
    return f"Exercises: {days}, {this_week.percent}% of the plan"


def weeks_before_line(weeks: RecentWeeks) -> str:
    """The weeks before this one in a line, oldest first: "The 3 weeks before, from 26 Oct:
    5 of 7 days (80%), 6 of 7 (90%), 2 of 7 (20%)"."""
    before = [week for week, _days in weeks[:-1]]
    if not before:
        return ""
    start = short_day(before[0].week_start, weeks[-1][0].last_day)
    said = [f"{w.active_days} of {w.days_counted}" for w in before]
    said[0] += " days"
    parts = ", ".join(f"{days} ({w.percent}%)" for days, w in zip(said, before, strict=True))
    return f"The {len(before)} weeks before, from {start}: {parts}."


def week_grid_rows(
    weeks: RecentWeeks,
) -> tuple[str, ...]:
    """The weeks as a grid of days in plain text (weekday initials over a shape a day), with
    the days and the share of the plan beside each week."""
    near = weeks[-1][0].last_day
    label_width = max(len("Week of"), *(len(short_day(w.week_start, near)) for w, _ in weeks))
    rows = [f"{'Week of':<{label_width}} {' '.join(WEEKDAY_INITIALS)}  Days     Plan"]
    for week, days in weeks:
        marks = [day_mark(day) for day in days] + [" "] * (7 - len(days))
        done = f"{week.active_days} of {week.days_counted}"
        rows.append(
            f"{short_day(week.week_start, near):<{label_width}} {' '.join(marks)}  "
            f"{done:<8} {week.percent:>3}%"
        )
    return tuple(rows)
