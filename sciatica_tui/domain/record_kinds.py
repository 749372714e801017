"""The kinds of record the diary keeps: where each lives, how it is checked, what makes it unique.

The store's tables and the export format both read this one list, so a new kind of record is
added here once, not in each place that reads or writes the diary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, Protocol, TypeVar

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.medicines import Medicine
from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.records import (
    BreathingSession,
    CheckIn,
    CustomExercise,
    DailyLog,
    RedFlagCheck,
    RehabDay,
)
from sciatica_tui.domain.tags import CustomTag
from sciatica_tui.domain.validation.check_in_rules import validate_check_in
from sciatica_tui.domain.validation.flare_rules import validate_flare_up
from sciatica_tui.domain.validation.medicine_rules import validate_medicine
from sciatica_tui.domain.validation.plan_rules import validate_plan_item
from sciatica_tui.domain.validation.rules import (
    validate_breathing_session,
    validate_custom_exercise,
    validate_daily_log,
    validate_red_flag_check,
    validate_rehab_day,
    validate_visit,
)
from sciatica_tui.domain.validation.tag_rules import validate_custom_tag
from sciatica_tui.domain.visits import Visit


class Storable(Protocol):
    """A record that can be written: its JSON-ready form."""

    def to_record(self) -> dict[str, Any]:
        """The fields as stored on disk and in exports."""
        ...


R = TypeVar("R", bound=Storable)


@dataclass(frozen=True)
class RecordKind(Generic[R]):
    """One kind of record: its table (and export list) name, the field that identifies a
    record, how a stored entry becomes a record, and the record's key (sortable as text)."""

    name: str
    key_field: str
    check: Callable[[Any, date], R]
    key: Callable[[R], str]

    def build(self, raw: Any, *, today: date) -> R:
        """The record ``raw`` holds; raises ``ValidationError`` naming each problem. Dates of
        days may not be after ``today``."""
        return self.check(raw, today)


DAILY_LOGS: RecordKind[DailyLog] = RecordKind(
    "daily_logs",
    "date",
    lambda raw, today: validate_daily_log(raw, today=today),
    lambda log: log.date.isoformat(),
)
RED_FLAG_CHECKS: RecordKind[RedFlagCheck] = RecordKind(
    "red_flag_checks",
    "at",
    lambda raw, _today: validate_red_flag_check(raw),
    lambda check: check.at.isoformat(),
)
BREATHING_SESSIONS: RecordKind[BreathingSession] = RecordKind(
    "breathing_sessions",
    "started_at",
    lambda raw, _today: validate_breathing_session(raw),
    lambda session: session.started_at.isoformat(),
)
REHAB_DAYS: RecordKind[RehabDay] = RecordKind(
    "rehab_days",
    "date",
    lambda raw, today: validate_rehab_day(raw, today=today),
    lambda day: day.date.isoformat(),
)
CUSTOM_EXERCISES: RecordKind[CustomExercise] = RecordKind(
    "custom_exercises",
    "id",
    lambda raw, _today: validate_custom_exercise(raw),
    lambda exercise: exercise.id,
)
REHAB_PLAN: RecordKind[PlanItem] = RecordKind(
    "rehab_plan",
    "id",
    lambda raw, _today: validate_plan_item(raw),
    lambda item: item.id,
)
VISITS: RecordKind[Visit] = RecordKind(
    "visits",
    "id",
    lambda raw, _today: validate_visit(raw),
    lambda visit: visit.id,
)
CHECK_INS: RecordKind[CheckIn] = RecordKind(
    "check_ins",
    "date",
    lambda raw, today: validate_check_in(raw, today=today),
    lambda check_in: check_in.date.isoformat(),
)
CUSTOM_TAGS: RecordKind[CustomTag] = RecordKind(
    "custom_tags",
    "id",
    lambda raw, _today: validate_custom_tag(raw),
    lambda tag: tag.id,
)
FLARE_UPS: RecordKind[FlareUp] = RecordKind(
    "flare_ups",
    "at",
    lambda raw, today: validate_flare_up(raw, today=today),
    lambda flare_up: flare_up.at.isoformat(),
)
MEDICINES: RecordKind[Medicine] = RecordKind(
    "medicines",
    "id",
    lambda raw, _today: validate_medicine(raw),
    lambda medicine: medicine.id,
)

# In the order they are written to an export.
RECORD_KINDS: tuple[RecordKind[Any], ...] = (
    DAILY_LOGS,
    RED_FLAG_CHECKS,
    BREATHING_SESSIONS,
    REHAB_DAYS,
    CUSTOM_EXERCISES,
    REHAB_PLAN,
    VISITS,
    CHECK_INS,
    CUSTOM_TAGS,
    FLARE_UPS,
    MEDICINES,
)
