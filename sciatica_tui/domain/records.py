"""The typed records the diary keeps, with the field names used on disk and in exports.

Records are plain frozen dataclasses. They are built from checked dictionaries by
``sciatica_tui.domain.validation`` and turned back into JSON-ready dictionaries with
``to_record``; a field that was never filled in is left out, never stored as 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Any, Final, Literal

from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.tags import CustomTag
from sciatica_tui.domain.visits import Visit

if TYPE_CHECKING:
    from sciatica_tui.domain.flare_ups import FlareUp
    from sciatica_tui.domain.medicines import Medicine


class Reach(StrEnum):
    """How far down the body the pain (or numbness) reaches today, top to bottom."""

    NONE = "none"
    LOWER_BACK = "lower_back"
    BUTTOCK = "buttock"
    THIGH = "thigh"
    BELOW_KNEE = "below_knee"
    FOOT = "foot"

    @property
    def rank(self) -> int:
        """0 for no pain down to 5 for the foot: lower is more central."""
        return list(Reach).index(self)

    @property
    def label(self) -> str:
        """The level in the person's words."""
        return REACH_LABELS[self]


REACH_LABELS: dict[Reach, str] = {
    Reach.NONE: "No pain",
    Reach.LOWER_BACK: "Lower back",
    Reach.BUTTOCK: "Buttock",
    Reach.THIGH: "Thigh",
    Reach.BELOW_KNEE: "Below the knee",
    Reach.FOOT: "Foot",
}


class Side(StrEnum):
    """Which leg the pain is in."""

    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class Weakness(StrEnum):
    """How weak the leg feels today."""

    NONE = "none"
    MILD = "mild"
    MARKED = "marked"


class Verdict(StrEnum):
    """The outcome of a red-flag check."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    CLEAR = "clear"


@dataclass(frozen=True)
class DailyLog:
    """One calendar day of the diary. Only the date and both pain scores are required."""

    date: date
    leg_pain: int
    back_pain: int
    pain_reach: Reach | None = None
    pain_side: Side | None = None
    numbness: int | None = None
    numbness_reach: Reach | None = None
    weakness: Weakness | None = None
    walking_minutes: int | None = None
    sitting_minutes: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    mood: int | None = None
    pain_med_doses: int | None = None
    notes: str | None = None
    # Tag ids (what set it off, what helped), in the order picked; empty when none.
    tags: tuple[str, ...] = ()
    # Doses taken of each medicine in the person's list, by medicine id (``medicines``);
    # ``pain_med_doses`` is then the total of the pain-relief ones. Empty when none.
    medicine_doses: dict[str, int] = field(default_factory=dict)

    def __hash__(self) -> int:
        """Hashable although ``medicine_doses`` is a dict: by the day and its two scores."""
        return hash((self.date, self.leg_pain, self.back_pain))

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form, leaving out fields that were not filled in."""
        out: dict[str, Any] = {"date": self.date.isoformat()}
        for name in DAILY_LOG_FIELDS[1:]:
            value = getattr(self, name)
            if value is None or value == () or value == {}:
                continue
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, dict):
                value = dict(value)
            out[name] = value.value if isinstance(value, Enum) else value
        return out


DAILY_LOG_FIELDS: tuple[str, ...] = (
    "date",
    "leg_pain",
    "back_pain",
    "pain_reach",
    "pain_side",
    "numbness",
    "numbness_reach",
    "weakness",
    "walking_minutes",
    "sitting_minutes",
    "sleep_hours",
    "sleep_quality",
    "mood",
    "pain_med_doses",
    "notes",
    "tags",
    "medicine_doses",
)


@dataclass(frozen=True)
class RedFlagCheck:
    """One completed red-flag check: when, what was answered, and the verdict."""

    at: datetime
    answers: dict[str, bool]
    verdict: Verdict

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form."""
        return {
            "at": self.at.isoformat(),
            "answers": dict(self.answers),
            "verdict": self.verdict.value,
        }


@dataclass(frozen=True)
class BreathingSession:
    """One box-breathing session, finished or stopped early."""

    started_at: datetime
    inhale: int
    hold_in: int
    exhale: int
    hold_out: int
    planned_seconds: int
    elapsed_seconds: float
    cycles_completed: int
    completed: bool
    stress_before: int | None = None
    stress_after: int | None = None
    pain_before: int | None = None
    pain_after: int | None = None

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form, leaving out ratings that were skipped."""
        out: dict[str, Any] = {
            "started_at": self.started_at.isoformat(),
            "inhale": self.inhale,
            "hold_in": self.hold_in,
            "exhale": self.exhale,
            "hold_out": self.hold_out,
            "planned_seconds": self.planned_seconds,
            "elapsed_seconds": self.elapsed_seconds,
            "cycles_completed": self.cycles_completed,
            "completed": self.completed,
        }
        for name in ("stress_before", "stress_after", "pain_before", "pain_after"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


@dataclass(frozen=True)
class RehabDay:
    """The rehab items ticked on one day."""

    date: date
    done: tuple[str, ...] = ()

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form."""
        return {"date": self.date.isoformat(), "done": list(self.done)}


# A custom exercise's ``phase`` when it belongs to every phase.
EVERY_PHASE: Final = "all"


@dataclass(frozen=True)
class CustomExercise:
    """An exercise the person's therapist gave them, for one rehab phase or every phase."""

    id: str
    phase: int | Literal["all"]
    title: str
    how: str = ""

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form."""
        return {"id": self.id, "phase": self.phase, "title": self.title, "how": self.how}


@dataclass(frozen=True)
class ActivityScore:
    """One activity the person named, and how well they can do it now: 0 (cannot do it)
    to 10 (as well as before the sciatica)."""

    name: str
    score: int


@dataclass(frozen=True)
class CheckIn:
    """The weekly check-in: up to three activities, each scored, and the answer to "compared
    with the start, how is your sciatica now?" from -3 (much worse) to +3 (much better)."""

    date: date
    global_change: int
    activities: tuple[ActivityScore, ...] = ()

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form."""
        return {
            "date": self.date.isoformat(),
            "activities": [{"name": a.name, "score": a.score} for a in self.activities],
            "global_change": self.global_change,
        }


@dataclass(frozen=True)
class Settings:
    """What the person chose, remembered between runs."""

    theme: str = "textual-dark"
    reduced_motion: bool = False
    rehab_phase: int | None = None
    breathing_count: int = 4
    breathing_minutes: int = 3
    # The number the emergency advice names (None: not chosen yet, the advice says "your
    # local emergency number"), and a number for urgent advice where there is one (111).
    emergency_number: str | None = None
    urgent_number: str | None = None
    # When ``sciatica remind`` reminds to log the day: "HH:MM" or "off" (None: 19:00).
    reminder_time: str | None = None
    # The day the person skipped the weekly check-in: it is not offered again for a week.
    check_in_skipped: date | None = None

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form. A number or time not chosen (or a check-in never skipped) is
        left out, so a profile saved before these settings existed exports exactly as it did."""
        out = dict(vars(self))
        for name in ("emergency_number", "urgent_number", "reminder_time", "check_in_skipped"):
            if out[name] is None:
                del out[name]
        if self.check_in_skipped is not None:
            out["check_in_skipped"] = self.check_in_skipped.isoformat()
        return out


@dataclass(frozen=True)
class Profile:
    """The person's timeline dates and settings."""

    onset_date: date | None = None
    surgery_date: date | None = None
    welcomed: bool = False
    settings: Settings = field(default_factory=Settings)
    # A name to print on reports only ("Visit summary for Sam Taylor"); None: no name.
    report_name: str | None = None

    def to_record(self) -> dict[str, Any]:
        """The JSON-ready form, leaving out dates that were not given."""
        out: dict[str, Any] = {"welcomed": self.welcomed, "settings": self.settings.to_record()}
        if self.onset_date is not None:
            out["onset_date"] = self.onset_date.isoformat()
        if self.surgery_date is not None:
            out["surgery_date"] = self.surgery_date.isoformat()
        if self.report_name is not None:
            out["report_name"] = self.report_name
        return out


@dataclass(frozen=True)
class DiaryExcerpt:
    """The part of the diary that the symptom story, the visit summary and the Trends tab
    read: the profile and the dated records (each kind oldest first, as the store keeps
    them). ``DiaryStore.excerpt`` and ``Snapshot.excerpt`` make one."""

    profile: Profile = field(default_factory=Profile)
    daily_logs: Sequence[DailyLog] = ()
    red_flag_checks: Sequence[RedFlagCheck] = ()
    breathing_sessions: Sequence[BreathingSession] = ()
    rehab_days: Sequence[RehabDay] = ()
    check_ins: Sequence[CheckIn] = ()
    flare_ups: Sequence[FlareUp] = ()
    custom_tags: Sequence[CustomTag] = ()  # the words for the person's own tags
    # The person's rehab plan, undated: what adherence is counted against.
    custom_exercises: Sequence[CustomExercise] = ()
    rehab_plan: Sequence[PlanItem] = ()
    medicines: Sequence[Medicine] = ()


@dataclass
class Snapshot:
    """Every record of the diary, as typed lists (for export, import and tests)."""

    profile: Profile = field(default_factory=Profile)
    daily_logs: list[DailyLog] = field(default_factory=list)
    red_flag_checks: list[RedFlagCheck] = field(default_factory=list)
    breathing_sessions: list[BreathingSession] = field(default_factory=list)
    rehab_days: list[RehabDay] = field(default_factory=list)
    custom_exercises: list[CustomExercise] = field(default_factory=list)
    rehab_plan: list[PlanItem] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    check_ins: list[CheckIn] = field(default_factory=list)
    custom_tags: list[CustomTag] = field(default_factory=list)
    flare_ups: list[FlareUp] = field(default_factory=list)
    medicines: list[Medicine] = field(default_factory=list)

    def records(self, kind_name: str) -> list[Any]:
        """The list of records named ``kind_name`` ("daily_logs", "visits", ...)."""
        if kind_name == "profile" or kind_name not in self.__dataclass_fields__:
            raise KeyError(kind_name)
        found: list[Any] = getattr(self, kind_name)
        return found

    def excerpt(self) -> DiaryExcerpt:
        """The records the summaries read, all of them."""
        return DiaryExcerpt(
            self.profile,
            self.daily_logs,
            self.red_flag_checks,
            self.breathing_sessions,
            self.rehab_days,
            self.check_ins,
            self.flare_ups,
            self.custom_tags,
            tuple(self.custom_exercises),
            tuple(self.rehab_plan),
            self.medicines,
        )
