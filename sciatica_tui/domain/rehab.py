"""The rehab checklist of a phase and how closely the person has kept to it.

``checklist`` joins a phase's items from ``content/rehab.toml`` with the exercises the person
added, leaving out the after-surgery items when no surgery date is set. The adherence
functions fold saved ``RehabDay`` records into figures the Rehab and Trends tabs show:
items done on a day, days with at least one item done in a Monday-start week, and the share
of the checklist done each day. Pure: no Textual, no store.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sciatica_tui.domain import content
from sciatica_tui.domain.records import CustomExercise, RehabDay
from sciatica_tui.domain.weekly import monday_of

CUSTOM_ID_PREFIX = "custom-"
_CUSTOM_ID = re.compile(rf"{CUSTOM_ID_PREFIX}(\d+)")
ADHERENCE_WEEKS = 4
# Eight heights for the share of the checklist done on a day; "·" is a day with nothing done.
SPARK_LEVELS = "▁▂▃▄▅▆▇█"
SPARK_NONE = "·"


@dataclass(frozen=True)
class ChecklistEntry:
    """One line of a phase's checklist: an item of the plan or one the person added."""

    id: str
    title: str
    how: str
    caution: str | None = None
    custom: bool = False


def checklist(
    phase: int, custom_exercises: Iterable[CustomExercise], *, after_surgery: bool
) -> tuple[ChecklistEntry, ...]:
    """The checklist of ``phase`` (1–3): the plan's items, then the person's own exercises.

    Items meant only for after surgery are left out unless ``after_surgery`` is true. The
    person's exercises keep the order they were added in.
    """
    plan = content.rehab().phases[phase - 1]
    entries = [
        ChecklistEntry(item.id, item.title, item.how, item.caution)
        for item in plan.items
        if after_surgery or not item.surgery_only
    ]
    own = sorted((e for e in custom_exercises if e.phase == phase), key=_added_order)
    entries += [ChecklistEntry(e.id, e.title, e.how, None, custom=True) for e in own]
    return tuple(entries)


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


def toggled(done: Sequence[str], item_id: str) -> tuple[str, ...]:
    """``done`` with ``item_id`` ticked if it was not, or unticked if it was."""
    if item_id in done:
        return tuple(i for i in done if i != item_id)
    return (*done, item_id)


def done_count(done: Iterable[str], entries: Iterable[ChecklistEntry]) -> int:
    """How many of ``entries`` are among the ticked ids ``done``."""
    ticked = set(done)
    return sum(entry.id in ticked for entry in entries)


def share_done(done: Iterable[str], checklist: Collection[str]) -> float:
    """The share (0.0–1.0) of ``checklist`` (the ids of the list shown) ticked in ``done``.

    Only ticks of exercises on that list count, so the share always agrees with the "N of M
    ticked" shown for the same day; ticks from another phase, or of an exercise since
    removed, still make the day one with ticks (``DayAdherence.done``).
    """
    if not checklist:
        return 0.0
    on_list = set(checklist)
    return len(on_list.intersection(done)) / len(on_list)


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
    rehab_days: Iterable[RehabDay], checklist: Collection[str], first: date, last: date
) -> tuple[DayAdherence, ...]:
    """One ``DayAdherence`` per day from ``first`` to ``last`` (both included), with the
    share of ``checklist`` (the ids of the list shown) done each day."""
    days = _by_date(rehab_days)
    out: list[DayAdherence] = []
    day = first
    while day <= last:
        done = days[day].done if day in days else ()
        out.append(DayAdherence(day, len(done), share_done(done, checklist)))
        day += timedelta(days=1)
    return tuple(out)


def weekly_adherence(
    rehab_days: Iterable[RehabDay],
    checklist: Collection[str],
    week_start: date,
    *,
    today: date | None = None,
) -> WeeklyAdherence:
    """Adherence in the Monday-start week holding ``week_start``.

    With ``today`` inside that week, only the days up to today are counted (the rest have
    not happened yet); otherwise all seven days are.
    """
    monday = monday_of(week_start)
    sunday = monday + timedelta(days=6)
    last = min(sunday, today) if today is not None and today >= monday else sunday
    days = daily_adherence(rehab_days, checklist, monday, last)
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
) -> tuple[tuple[WeeklyAdherence, tuple[DayAdherence, ...]], ...]:
    """The last ``weeks`` Monday-start weeks up to ``today``, oldest first, with their days."""
    days = tuple(rehab_days)
    this_monday = monday_of(today)
    out = []
    for back in range(weeks - 1, -1, -1):
        monday = this_monday - timedelta(weeks=back)
        week = weekly_adherence(days, checklist, monday, today=today)
        out.append((week, daily_adherence(days, checklist, monday, week.last_day)))
    return tuple(out)


def spark(share: float, done: int) -> str:
    """One character for a day: "·" when nothing was done, else a bar as tall as the share."""
    if done <= 0:
        return SPARK_NONE
    level = min(len(SPARK_LEVELS) - 1, int(share * len(SPARK_LEVELS)))
    return SPARK_LEVELS[level]


def sparkline(days: Iterable[DayAdherence]) -> str:
    """A bar per day, e.g. "·▂▅█▃··"."""
    return "".join(spark(day.share, day.done) for day in days)
