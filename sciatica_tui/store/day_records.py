"""The parts of the diary store for the day as it is lived: the person's own tags, flare-ups
and medicines.

A part of ``DiaryStore`` (which it is mixed into), kept apart so each module holds one job.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import date, datetime

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.medicines import Medicine, recounted_pain_relief
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.tags import CustomTag
from sciatica_tui.store.tables import RecordTable


class DayRecords:
    """Typed reads and durable writes of the day's extra records; ``DiaryStore`` provides
    the tables and ``_writing``."""

    _custom_tags: RecordTable[CustomTag]
    _flare_ups: RecordTable[FlareUp]
    _medicines: RecordTable[Medicine]
    _logs: RecordTable[DailyLog]

    def _writing(self) -> AbstractContextManager[None]:
        raise NotImplementedError  # DiaryStore's: serialised writes, clear errors

    def custom_tags(self) -> list[CustomTag]:
        """The tags the person added."""
        return self._custom_tags.all()

    def save_custom_tag(self, tag: CustomTag) -> None:
        """Add a tag, or change its words."""
        with self._writing():
            self._custom_tags.put(tag)

    def remove_custom_tag(self, tag_id: str) -> None:
        """Remove a tag from the list; days that held it keep it."""
        with self._writing():
            self._custom_tags.remove(tag_id)

    def flare_ups(self, start: date | None = None, end: date | None = None) -> list[FlareUp]:
        """Flare-ups from ``start`` to ``end`` (both days included), earliest first."""
        return self._flare_ups.between(start, end)

    def save_flare_up(self, flare_up: FlareUp) -> None:
        """Add a flare-up, or replace the one logged at the same time."""
        with self._writing():
            self._flare_ups.put(flare_up)

    def remove_flare_up(self, at: datetime) -> None:
        """Remove the flare-up logged at ``at``."""
        with self._writing():
            self._flare_ups.remove(at.isoformat())

    def medicines(self) -> list[Medicine]:
        """The person's medicines (shared by Today and the clinic visit), in id order."""
        return self._medicines.all()

    def save_medicine(self, medicine: Medicine) -> None:
        """Add a medicine to the list, or change one; when it becomes pain relief (or stops
        being so), the days it was taken count it in their ``pain_med_doses`` (or not)."""
        with self._writing():
            self._put_medicine(medicine)

    def save_medicine_list(self, medicines: Sequence[Medicine]) -> None:
        """Make the list ``medicines``: each saved, any other taken off (their days keep
        their doses)."""
        kept = {medicine.id for medicine in medicines}
        with self._writing():
            for gone in [key for key in self._medicines.keys() if key not in kept]:
                self._medicines.remove(gone)
            for medicine in medicines:
                if self._medicines.get(medicine.id) != medicine:
                    self._put_medicine(medicine)

    def _put_medicine(self, medicine: Medicine) -> None:
        """Save ``medicine``, and the days whose pain-relief total its new kind changes
        (those first: a failed write leaves the old kind with the old totals)."""
        before = self._medicines.get(medicine.id)
        if before is not None and before.kind != medicine.kind:
            recounted = []
            for log in self._logs.all():
                total = recounted_pain_relief(
                    log.pain_med_doses, log.medicine_doses, before, medicine
                )
                if total != log.pain_med_doses:
                    recounted.append(replace(log, pain_med_doses=total))
            self._logs.put_many(recounted)
        self._medicines.put(medicine)

    def remove_medicine(self, medicine_id: str) -> None:
        """Take a medicine off the list; the days it was taken keep their doses."""
        with self._writing():
            self._medicines.remove(medicine_id)
