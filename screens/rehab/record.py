"""The person's rehab as the Rehab tab shows it: what the diary holds, with the changes made on
the tab laid over it while their saves are on the way (one that fails is taken back).

Each change gives the typed write for the diary and what to put back should it fail.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sciatica_tui.domain.doses import Dose
from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.records import CustomExercise, RehabDay
from sciatica_tui.domain.rehab import (
    checklist,
    hidden_entries,
    hidden_ids,
    plan_doses,
    ticked_off_plan,
    toggled,
    with_doses,
)
from sciatica_tui.screens.rehab.checklist import DayView
from sciatica_tui.store.changes import (
    DiaryChange,
    RemoveCustomExercise,
    SaveCustomExercise,
    SavePlanItem,
    SaveRehabDay,
    UpdateSettings,
)
from sciatica_tui.store.diary_store import DiaryStore


@dataclass(frozen=True)
class Undo:
    """What to put back if a save fails, and the title of the note that says so."""

    title: str
    exercise_id: str = ""
    exercise: CustomExercise | None = None  # the exercise as it was (None: there was none)
    phase: int | None = None  # the phase chosen before
    plan_item: PlanItem | None = None  # how the exercise sat in the plan before (None: no record)


class RehabRecord:
    """The phase chosen, the person's own exercises, their plan and the days' ticks."""

    def __init__(self, store: DiaryStore) -> None:
        """Read the phase chosen and the person's own exercises from ``store``."""
        self.store = store
        self.override: int | None = store.profile().settings.rehab_phase
        self.customs: dict[str, CustomExercise] = {e.id: e for e in store.custom_exercises()}
        self.plan: dict[str, PlanItem] = {item.id: item for item in store.rehab_plan()}
        # Days ticked in this session: the truth while their saves are still on the way.
        self.ticked_here: dict[date, tuple[str, ...]] = {}

    def ticks(self, day: date) -> tuple[str, ...]:
        """The ids ticked on ``day``, as the tab last saved or read them."""
        if day in self.ticked_here:
            return self.ticked_here[day]
        return self.store.rehab_day(day).done

    def rehab_days(self, first: date, last: date) -> list[RehabDay]:
        """Saved days from ``first`` to ``last`` with this session's ticks laid over them."""
        days = {d.date: d for d in self.store.rehab_days(first, last)}
        days.update(
            {day: RehabDay(day, done) for day, done in self.ticked_here.items() if first <= day}
        )
        return [days[day] for day in sorted(days) if day <= last]

    @property
    def hidden(self) -> frozenset[str]:
        """The built-in exercises the person left out of their plan."""
        return hidden_ids(self.plan.values())

    @property
    def doses(self) -> dict[str, Dose]:
        """The doses the person set, by exercise id."""
        return plan_doses(self.plan.values())

    def day_view(self, day: date, phase: int, *, after_surgery: bool) -> DayView:
        """What the checklist shows for ``day`` in ``phase``."""
        customs = self.customs.values()
        doses = self.doses
        plan = checklist(
            phase, customs, after_surgery=after_surgery, hidden=self.hidden, doses=doses
        )
        done = self.ticks(day)
        off_plan = tuple(with_doses(ticked_off_plan(done, plan, customs), doses))
        off_ids = {entry.id for entry in off_plan}
        hidden = hidden_entries(phase, after_surgery=after_surgery, hidden=self.hidden)
        hidden = tuple(with_doses((e for e in hidden if e.id not in off_ids), doses))
        return DayView(plan, done, off_plan, hidden)

    def ids_taken(self) -> list[str]:
        """Every id a new exercise must not have: the person's own, every one with a plan
        record (a removed exercise's dose), and every one ever ticked."""
        ticked = (i for d in self.rehab_days(date.min, date.max) for i in d.done)
        return [*self.customs, *self.plan, *ticked]

    # --- changes -----------------------------------------------------------------------------

    def tick(self, day: date, item_id: str, rounds: int = 1) -> tuple[SaveRehabDay, Undo]:
        """Tick one more round of ``item_id`` on ``day`` (of ``rounds`` a day), or untick it
        once every round was ticked."""
        done = toggled(self.ticks(day), item_id, rounds)
        self.ticked_here[day] = done
        return SaveRehabDay(RehabDay(day, done)), Undo("Tick not saved")

    def keep_exercise(self, exercise: CustomExercise) -> tuple[SaveCustomExercise, Undo]:
        """Add ``exercise``, or put it in place of the one with its id."""
        before = self.customs.get(exercise.id)
        self.customs[exercise.id] = exercise
        undo = Undo("Exercise not saved", exercise_id=exercise.id, exercise=before)
        return SaveCustomExercise(exercise), undo

    def remove_exercise(self, exercise: CustomExercise) -> tuple[RemoveCustomExercise, Undo]:
        """Take ``exercise`` off the list (days it was ticked keep the tick)."""
        self.customs.pop(exercise.id, None)
        undo = Undo("Exercise not removed", exercise_id=exercise.id, exercise=exercise)
        return RemoveCustomExercise(exercise.id), undo

    def set_hidden(self, item_id: str, hidden: bool) -> tuple[SavePlanItem, Undo]:
        """Leave the built-in exercise ``item_id`` out of the plan, or put it back."""
        before = self.plan.get(item_id)
        item = replace(before or PlanItem(item_id), hidden=hidden)  # its dose stays
        self.plan[item_id] = item
        title = "Plan not saved"
        return SavePlanItem(item), Undo(title, exercise_id=item_id, plan_item=before)

    def set_dose(self, item_id: str, dose: Dose | None) -> tuple[SavePlanItem, Undo]:
        """Give ``item_id`` the person's ``dose`` (None: back to the usual one)."""
        before = self.plan.get(item_id)
        item = replace(before or PlanItem(item_id), dose=dose)
        self.plan[item_id] = item
        return SavePlanItem(item), Undo("Dose not saved", exercise_id=item_id, plan_item=before)

    def choose_phase(self, phase: int | None) -> tuple[UpdateSettings, Undo]:
        """Show ``phase`` from now on (None: follow the suggestion)."""
        before, self.override = self.override, phase
        return UpdateSettings.of(rehab_phase=phase), Undo("Phase not saved", phase=before)

    def take_back(self, change: DiaryChange, undo: Undo) -> None:
        """``change`` did not reach the disk: go back to what is really there."""
        if isinstance(change, SaveRehabDay):
            self.ticked_here.pop(change.rehab_day.date, None)
        elif isinstance(change, SaveCustomExercise | RemoveCustomExercise):
            if undo.exercise is None:
                self.customs.pop(undo.exercise_id, None)
            else:
                self.customs[undo.exercise_id] = undo.exercise
        elif isinstance(change, SavePlanItem):
            if undo.plan_item is None:
                self.plan.pop(undo.exercise_id, None)
            else:
                self.plan[undo.exercise_id] = undo.plan_item
        elif isinstance(change, UpdateSettings):
            self.override = undo.phase
