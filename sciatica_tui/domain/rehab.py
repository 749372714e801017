"""The person's rehab plan for a phase and how closely they have kept to it.

``checklist`` joins a phase's items from ``content/rehab.toml`` (less the ones the person hid
from their plan) with the exercises they added for that phase or for every phase, leaving out
the after-surgery items when no surgery date is set; each entry carries its dose (the
person's, else the default). The adherence functions fold saved ``RehabDay`` records into
figures the Rehab and Trends tabs show: items done on a day, days with at least one item done
in a Monday-start week, and the share of the checklist done each day, where an exercise due
twice a day and ticked once is half done. Pure: no Textual, no store.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from sciatica_tui.domain import content
from sciatica_tui.domain.content_schema import PHASE_COUNT
from sciatica_tui.domain.doses import Dose, rounds_due
from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.records import EVERY_PHASE, CustomExercise, RehabDay
from sciatica_tui.domain.weekly import monday_of

CUSTOM_ID_PREFIX = "custom-"
_CUSTOM_ID = re.compile(rf"{CUSTOM_ID_PREFIX}(\d+)")
ADHERENCE_WEEKS = 4
# A day of the four-week grid: shapes, not only colours; the grid's legend says each, and its
# columns are headed by the weekdays' initials.
ALL_DONE, SOME_DONE, NONE_DONE = "●", "◐", "·"
GRID_MARKS = (
    (ALL_DONE, "all of the plan"),
    (SOME_DONE, "some of it"),
    (NONE_DONE, "nothing ticked"),
)
WEEKDAY_INITIALS = ("M", "T", "W", "T", "F", "S", "S")


def grid_legend(between: str) -> str:
    """ "● all of the plan, ◐ some of it, · nothing ticked", the marks ``between``-separated."""
    return between.join(f"{mark} {words}" for mark, words in GRID_MARKS)


# The title of a ticked exercise the person has since removed (its name went with it).
REMOVED_TITLE = "An exercise you removed"


class EntryPlace(StrEnum):
    """Where a line of the checklist stands against the person's plan."""

    PLAN = "plan"  # in the plan of the phase shown
    HIDDEN = "hidden"  # a built-in exercise the person left out of their plan
    OFF_PLAN = "off_plan"  # not in the plan of the phase shown, yet ticked on the day shown


@dataclass(frozen=True)
class ChecklistEntry:
    """One line of a phase's checklist: an item of the plan or one the person added."""

    id: str
    title: str
    how: str
    caution: str | None = None
    custom: bool = False
    place: EntryPlace = EntryPlace.PLAN
    every_phase: bool = False  # one of the person's own exercises, done in every phase
    dose: Dose | None = None  # the person's dose, else the default; None: no dose

    @property
    def rounds(self) -> int:
        """How many ticks make the day's share (``times_per_day``; 1 without a dose)."""
        return rounds_due(self.dose)


def in_phase(exercise: CustomExercise, phase: int) -> bool:
    """Whether the person's ``exercise`` belongs to ``phase`` (or to every phase)."""
    return exercise.phase in (phase, EVERY_PHASE)


def hidden_ids(plan: Iterable[PlanItem]) -> frozenset[str]:
    """The ids of the built-in exercises the person left out of their plan."""
    return frozenset(item.id for item in plan if item.hidden)


def plan_doses(plan: Iterable[PlanItem]) -> dict[str, Dose]:
    """The doses the person set, by exercise id (in place of the defaults)."""
    return {item.id: item.dose for item in plan if item.dose is not None}


def plan_rounds(entries: Iterable[ChecklistEntry]) -> dict[str, int]:
    """How many ticks make each exercise's day (by id), for the adherence functions."""
    return {entry.id: entry.rounds for entry in entries}


def checklist(
    phase: int,
    custom_exercises: Iterable[CustomExercise],
    *,
    after_surgery: bool,
    hidden: Collection[str] = frozenset(),
    doses: Mapping[str, Dose] | None = None,
) -> tuple[ChecklistEntry, ...]:
    """The person's plan for ``phase`` (1–3): the built-in items not ``hidden``, then their
    own exercises of that phase or of every phase, each with its dose (from ``doses``, the
    person's, else the default).

    Items meant only for after surgery are left out unless ``after_surgery`` is true. The
    person's exercises keep the order they were added in.
    """
    entries = [e for e in _built_in(phase, after_surgery) if e.id not in hidden]
    own = sorted((e for e in custom_exercises if in_phase(e, phase)), key=_added_order)
    entries += [_own_entry(e) for e in own]
    return tuple(with_doses(entries, doses or {}))


def with_doses(
    entries: Iterable[ChecklistEntry], doses: Mapping[str, Dose]
) -> list[ChecklistEntry]:
    """``entries`` with the person's own dose in place of the default, where they set one."""
    return [replace(e, dose=doses[e.id]) if e.id in doses else e for e in entries]


def hidden_entries(
    phase: int, *, after_surgery: bool, hidden: Collection[str]
) -> tuple[ChecklistEntry, ...]:
    """The built-in items of ``phase`` the person left out of their plan."""
    return tuple(
        replace(e, place=EntryPlace.HIDDEN)
        for e in _built_in(phase, after_surgery)
        if e.id in hidden
    )


def ticked_off_plan(
    done: Iterable[str], plan: Iterable[ChecklistEntry], custom_exercises: Iterable[CustomExercise]
) -> tuple[ChecklistEntry, ...]:
    """The items ticked in ``done`` that are not in ``plan``: from another phase, hidden, or
    an exercise since removed. Shown with the day so a change of plan never hides a tick."""
    on_plan = {entry.id for entry in plan}
    known = {e.id: e for number in range(1, PHASE_COUNT + 1) for e in _built_in(number, True)}
    known |= {e.id: _own_entry(e) for e in custom_exercises}
    out = []
    for item_id in dict.fromkeys(done):
        if item_id in on_plan:
            continue
        entry = known.get(item_id, ChecklistEntry(item_id, REMOVED_TITLE, "", custom=True))
        out.append(replace(entry, place=EntryPlace.OFF_PLAN))
    return tuple(out)


def _built_in(phase: int, after_surgery: bool) -> list[ChecklistEntry]:
    plan = content.rehab().phases[phase - 1]
    return [
        ChecklistEntry(item.id, item.title, item.how, item.caution, dose=item.dose)
        for item in plan.items
        if after_surgery or not item.surgery_only
    ]


def _own_entry(exercise: CustomExercise) -> ChecklistEntry:
    every = exercise.phase == EVERY_PHASE
    return ChecklistEntry(exercise.id, exercise.title, exercise.how, custom=True, every_phase=every)


def _added_order(exercise: CustomExercise) -> tuple[int, str]:
    # "custom-10" was added after "custom-9", though it sorts before it as text.
    found = _CUSTOM_ID.fullmatch(exercise.id)
    return (int(found.group(1)) if found else 0, exercise.id)


def new_custom_id(taken: Iterable[str]) -> str:
    """A fresh id ("custom-<n>") for an added exercise, never one in ``taken``.

    Pass every id ever used, ticked days included, so an exercise added after another was
    removed never inherits the removed one's ticks.
    """
    numbers = [int(found.group(1)) for i in taken if (found := _CUSTOM_ID.fullmatch(i))]
    return f"{CUSTOM_ID_PREFIX}{max(numbers, default=0) + 1}"


def chosen_phase(override: int | None, suggested: int | None) -> int:
    """The phase to show: the person's own choice, else the suggestion, else phase 1."""
    if override is not None:
        return override
    return suggested if suggested is not None else 1


def toggled(done: Sequence[str], item_id: str, rounds: int = 1) -> tuple[str, ...]:
    """``done`` with one more round of ``item_id`` ticked, or every round unticked once all
    ``rounds`` of the day were ticked (with one round: ticked if it was not, else unticked)."""
    if 0 < done.count(item_id) >= rounds:
        return tuple(i for i in done if i != item_id)
    return (*done, item_id)


def rounds_done(done: Sequence[str], item_id: str) -> int:
    """How many rounds of ``item_id`` were ticked in ``done``."""
    return done.count(item_id)


def done_count(done: Iterable[str], entries: Iterable[ChecklistEntry]) -> int:
    """How many of ``entries`` are among the ticked ids ``done``."""
    ticked = set(done)
    return sum(entry.id in ticked for entry in entries)


def whole_days_done(done: Sequence[str], entries: Iterable[ChecklistEntry]) -> int:
    """How many of ``entries`` had every round of the day ticked in ``done`` (one due twice
    and ticked once is not yet done)."""
    return sum(done.count(entry.id) >= entry.rounds for entry in entries)


def share_done(
    done: Iterable[str], checklist: Collection[str], rounds: Mapping[str, int] | None = None
) -> float:
    """The share (0.0–1.0) of ``checklist`` (the ids of the list shown) ticked in ``done``.

    An exercise due more than once a day (``rounds``, by id; 1 when not given) counts the
    rounds ticked against the rounds due: due twice and ticked once is half done. Only ticks
    of exercises on that list count; ticks from another phase, or of an exercise since
    removed, still make the day one with ticks (``DayAdherence.done``).
    """
    if not checklist:
        return 0.0
    on_list = set(checklist)
    ticked = Counter(i for i in done if i in on_list)
    due = rounds or {}
    shares = (min(ticked[i], due.get(i, 1)) / max(due.get(i, 1), 1) for i in on_list)
    return sum(shares) / len(on_list)


@dataclass(frozen=True)
class DayAdherence:
    """One day's ticks: how many items were done (on any list) and the share of the
    checklist shown that was done."""

    date: date
    done: int
    share: float


@dataclass(frozen=True)
class WeeklyAdherence:
    """A Monday-start week of rehab, counted up to ``last_day`` (today, in the current week).

    ``active_days`` are days with at least one item done; ``mean_share`` is the average
    share of the checklist done per day over the ``days_counted`` days.
    """

    week_start: date
    last_day: date
    days_counted: int
    active_days: int
    items_done: int
    mean_share: float

    @property
    def percent(self) -> int:
        """``mean_share`` as a whole percentage."""
        return round(100 * self.mean_share)


def _by_date(rehab_days: Iterable[RehabDay]) -> Mapping[date, RehabDay]:
    return {day.date: day for day in rehab_days}


def daily_adherence(
    rehab_days: Iterable[RehabDay],
    checklist: Collection[str],
    first: date,
    last: date,
    rounds: Mapping[str, int] | None = None,
) -> tuple[DayAdherence, ...]:
    """One ``DayAdherence`` per day from ``first`` to ``last`` (both included), with the
    share of ``checklist`` (the ids of the list shown, each due ``rounds`` times) done each
    day."""
    days = _by_date(rehab_days)
    out: list[DayAdherence] = []
    day = first
    while day <= last:
        done = days[day].done if day in days else ()
        out.append(DayAdherence(day, len(set(done)), share_done(done, checklist, rounds)))
        day += timedelta(days=1)
    return tuple(out)


def weekly_adherence(
    rehab_days: Iterable[RehabDay],
    checklist: Collection[str],
    week_start: date,
    *,
    today: date | None = None,
    rounds: Mapping[str, int] | None = None,
) -> WeeklyAdherence:
    """Adherence in the Monday-start week holding ``week_start``.

    With ``today`` inside that week, only the days up to today are counted (the rest have
    not happened yet); otherwise all seven days are.
    """
    monday = monday_of(week_start)
    sunday = monday + timedelta(days=6)
    last = min(sunday, today) if today is not None and today >= monday else sunday
    days = daily_adherence(rehab_days, checklist, monday, last, rounds)
    return WeeklyAdherence(
        week_start=monday,
        last_day=last,
        days_counted=len(days),
        active_days=sum(day.done > 0 for day in days),
        items_done=sum(day.done for day in days),
        mean_share=sum(day.share for day in days) / len(days),
    )


def recent_weeks(
    rehab_days: Iterable[RehabDay],
    checklist: Collection[str],
    today: date,
    weeks: int = ADHERENCE_WEEKS,
    rounds: Mapping[str, int] | None = None,
) -> tuple[tuple[WeeklyAdherence, tuple[DayAdherence, ...]], ...]:
    """The last ``weeks`` Monday-start weeks up to ``today``, oldest first, with their days."""
    days = tuple(rehab_days)
    this_monday = monday_of(today)
    out = []
    for back in range(weeks - 1, -1, -1):
        monday = this_monday - timedelta(weeks=back)
        week = weekly_adherence(days, checklist, monday, today=today, rounds=rounds)
        out.append((week, daily_adherence(days, checklist, monday, week.last_day, rounds)))
    return tuple(out)


def week_words(week: WeeklyAdherence) -> str:
    """A week in words: "5 of 7 days, 80% of the plan" (days with ticks of the days so far,
    and the average share of the plan done per day)."""
    return f"{week.active_days} of {week.days_counted} days, {week.percent}% of the plan"


def day_mark(day: DayAdherence) -> str:
    """One day of the four-week grid: the whole plan done, some of it, or nothing ticked (a
    day with ticks of exercises off the plan only counts as some)."""
    if day.done <= 0:
        return NONE_DONE
    return ALL_DONE if day.share >= 1 else SOME_DONE


def usual_dose(item_id: str) -> Dose | None:
    """The default dose of the built-in exercise ``item_id`` (None for the person's own, or
    an item with no dose)."""
    for phase in content.rehab().phases:
        for item in phase.items:
            if item.id == item_id:
                return item.dose
    return None
