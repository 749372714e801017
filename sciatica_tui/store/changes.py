"""The writes a screen may ask for, as typed values: each names one store call.

A screen hands one of these to the app's writer (``DiaryHost.save``); the writer applies it
on its thread, in order, and the result comes back as a ``DiarySaved`` or ``DiaryNotSaved``
message carrying the same change, so the screen knows which of its saves finished.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sciatica_tui.domain.medicines import Medicine
from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.records import (
    BreathingSession,
    CheckIn,
    CustomExercise,
    DailyLog,
    DiaryExcerpt,
    Profile,
    RedFlagCheck,
    RehabDay,
    Settings,
)
from sciatica_tui.domain.visit.paper import Paper
from sciatica_tui.domain.visits import Visit
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import StoreWriteError
from sciatica_tui.store.exports import ExportResult, write_export


class DiaryChange(ABC):
    """One write to the diary (or one file written), applied on the writer's thread."""

    @abstractmethod
    def apply(self, store: DiaryStore) -> object:
        """Make the change; it is on disk when this returns. Raises ``StoreError``."""


@dataclass(frozen=True)
class SaveDailyLog(DiaryChange):
    """Save (or replace) one day's log."""

    log: DailyLog

    def apply(self, store: DiaryStore) -> None:
        """Save the log."""
        store.save_daily_log(self.log)


@dataclass(frozen=True)
class SaveMedicine(DiaryChange):
    """Add a medicine to the person's list, or change one."""

    medicine: Medicine

    def apply(self, store: DiaryStore) -> None:
        """Save the medicine."""
        store.save_medicine(self.medicine)


@dataclass(frozen=True)
class SaveMedicineList(DiaryChange):
    """Make the person's list of medicines exactly ``medicines``."""

    medicines: tuple[Medicine, ...]

    def apply(self, store: DiaryStore) -> None:
        """Save the list."""
        store.save_medicine_list(self.medicines)


@dataclass(frozen=True)
class SaveRedFlagCheck(DiaryChange):
    """Save a red-flag check (a later save of the same time replaces it)."""

    check: RedFlagCheck

    def apply(self, store: DiaryStore) -> None:
        """Save the check."""
        store.save_red_flag_check(self.check)


@dataclass(frozen=True)
class SaveBreathingSession(DiaryChange):
    """Save a breathing session, finished or stopped early."""

    session: BreathingSession

    def apply(self, store: DiaryStore) -> None:
        """Save the session."""
        store.add_breathing_session(self.session)


@dataclass(frozen=True)
class SaveRehabDay(DiaryChange):
    """Save the exercises ticked on one day."""

    rehab_day: RehabDay

    def apply(self, store: DiaryStore) -> None:
        """Save the day's ticks."""
        store.save_rehab_day(self.rehab_day)


@dataclass(frozen=True)
class SaveCheckIn(DiaryChange):
    """Save the weekly check-in (a second one on the same day replaces the first)."""

    check_in: CheckIn

    def apply(self, store: DiaryStore) -> None:
        """Save the check-in."""
        store.save_check_in(self.check_in)


@dataclass(frozen=True)
class SaveCustomExercise(DiaryChange):
    """Add or rename an exercise the person added."""

    exercise: CustomExercise

    def apply(self, store: DiaryStore) -> None:
        """Save the exercise."""
        store.save_custom_exercise(self.exercise)


@dataclass(frozen=True)
class RemoveCustomExercise(DiaryChange):
    """Remove an exercise the person added."""

    exercise_id: str

    def apply(self, store: DiaryStore) -> None:
        """Remove the exercise."""
        store.remove_custom_exercise(self.exercise_id)


@dataclass(frozen=True)
class SavePlanItem(DiaryChange):
    """Hide a built-in exercise from the person's plan, or put it back."""

    item: PlanItem

    def apply(self, store: DiaryStore) -> None:
        """Save how the exercise sits in the plan."""
        store.save_plan_item(self.item)


@dataclass(frozen=True)
class SaveVisit(DiaryChange):
    """Add or update a clinic visit."""

    visit: Visit

    def apply(self, store: DiaryStore) -> None:
        """Save the visit."""
        store.save_visit(self.visit)


@dataclass(frozen=True)
class RemoveVisit(DiaryChange):
    """Remove a clinic visit."""

    visit_id: str

    def apply(self, store: DiaryStore) -> None:
        """Remove the visit."""
        store.remove_visit(self.visit_id)


@dataclass(frozen=True)
class SaveProfile(DiaryChange):
    """Save the onset and surgery dates (and whether the first run was seen)."""

    profile: Profile

    def apply(self, store: DiaryStore) -> None:
        """Save the profile."""
        store.save_profile(self.profile)


@dataclass(frozen=True)
class UpdateSettings(DiaryChange):
    """Change some settings, keeping the others as they are when the write runs (a save
    still in the queue may have changed another one, the theme say)."""

    fields: tuple[tuple[str, Any], ...]

    @classmethod
    def of(cls, **fields: Any) -> UpdateSettings:
        """The change of the settings named, e.g. ``UpdateSettings.of(theme="nord")``."""
        unknown = set(fields) - set(Settings.__dataclass_fields__)
        if unknown:
            raise TypeError(f"not a setting: {', '.join(sorted(unknown))}")
        return cls(tuple(fields.items()))

    def apply(self, store: DiaryStore) -> None:
        """Save the settings into the latest profile."""
        profile = store.profile()
        settings = replace(profile.settings, **dict(self.fields))
        store.save_profile(replace(profile, settings=settings))


@dataclass(frozen=True)
class UpdateReportName(DiaryChange):
    """Set the name printed on reports (None: no name), keeping the rest of the profile as
    it is when the write runs."""

    report_name: str | None

    def apply(self, store: DiaryStore) -> None:
        """Save the name into the latest profile."""
        store.save_profile(replace(store.profile(), report_name=self.report_name))


def _export(folder: Path, stem: str, payload: str | bytes, suffix: str) -> ExportResult:
    """Write an export into ``folder``; a failure is a ``StoreWriteError`` saying where."""
    try:
        return write_export(folder, stem, payload, suffix)
    except OSError as error:
        raise StoreWriteError(
            f"Not exported: {error.strerror or error} ({error.filename or folder})."
        ) from error


@dataclass(frozen=True)
class ExportVisitSummary(DiaryChange):
    """Write a visit's Markdown summary into ``folder``, never over a different file."""

    folder: Path
    stem: str
    text: str

    def apply(self, store: DiaryStore) -> ExportResult:
        """Write the file; say where it went."""
        return _export(self.folder, self.stem, self.text, "md")


@dataclass(frozen=True)
class ExportVisitPdf(DiaryChange):
    """Lay out a visit's PDF report (on the writer's thread: it takes a moment) and write it
    into ``folder``, never over a different file."""

    folder: Path
    stem: str
    visit: Visit
    diary: DiaryExcerpt
    today: date
    paper: Paper

    def apply(self, store: DiaryStore) -> ExportResult:
        """Build the pages, write the file; say where it went."""
        from sciatica_tui.domain.visit.pdf_report import visit_pdf

        payload = visit_pdf(self.visit, self.diary, self.today, self.paper)
        return _export(self.folder, self.stem, payload, "pdf")
