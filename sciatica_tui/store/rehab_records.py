"""The rehab part of the diary store: days ticked, the person's own exercises and their plan.

A part of ``DiaryStore`` (which it is mixed into), kept apart so each module holds one job.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date

from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.records import CustomExercise, RehabDay
from sciatica_tui.store.tables import RecordTable


class RehabRecords:
    """Typed reads and durable writes of the rehab records; ``DiaryStore`` provides the
    tables and ``_writing``."""

    _rehab: RecordTable[RehabDay]
    _exercises: RecordTable[CustomExercise]
    _plan: RecordTable[PlanItem]

    def _writing(self) -> AbstractContextManager[None]:
        raise NotImplementedError  # DiaryStore's: serialised writes, clear errors

    def rehab_day(self, day: date) -> RehabDay:
        """The items ticked on ``day`` (none when nothing was saved)."""
        return self._rehab.get(day.isoformat()) or RehabDay(day)

    def rehab_days(self, start: date | None = None, end: date | None = None) -> list[RehabDay]:
        """Rehab days from ``start`` to ``end`` (both included), oldest first."""
        return self._rehab.between(start, end)

    def save_rehab_day(self, rehab_day: RehabDay) -> None:
        """Save the items ticked on one day."""
        with self._writing():
            self._rehab.put(rehab_day)

    def custom_exercises(self) -> list[CustomExercise]:
        """The exercises the person added."""
        return self._exercises.all()

    def save_custom_exercise(self, exercise: CustomExercise) -> None:
        """Add or rename an exercise."""
        with self._writing():
            self._exercises.put(exercise)

    def remove_custom_exercise(self, exercise_id: str) -> None:
        """Remove an exercise the person added."""
        with self._writing():
            self._exercises.remove(exercise_id)

    def rehab_plan(self) -> list[PlanItem]:
        """How the exercises the person changed sit in their plan (hidden or not)."""
        return self._plan.all()

    def save_plan_item(self, item: PlanItem) -> None:
        """Save how one exercise sits in the plan."""
        with self._writing():
            self._plan.put(item)
