"""The shape of the words the app shows: one frozen dataclass per part of a content file,
and the ids the code looks up, which the files must hold exactly.

``content_loader`` reads the TOML files into these, and ``content`` serves them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from sciatica_tui.domain.doses import Dose
from sciatica_tui.domain.records import Verdict

SignalSide = Literal["recovery", "decline"]
BreathingPhase = Literal["inhale", "hold_in", "exhale", "hold_out"]

# Code elsewhere looks these ids up, so the files must hold exactly these. The red-flag
# check asks the emergency questions (the signs of cauda equina syndrome) first. Checks saved
# with the earlier six ids stay readable: ``red_flags.RETIRED_QUESTIONS`` still names them.
RED_FLAG_EMERGENCY_IDS = (
    "bladder",
    "bowel",
    "saddle_area",
    "sexual_function",
    "both_legs",
    "severe_weakness",
)
RED_FLAG_URGENT_IDS = (
    "mild_weakness",
    "injury",
    "fever_unwell",
    "weight_loss_cancer",
    "immune_risk",
    "strong_or_night_pain",
)
RED_FLAG_QUESTION_IDS = RED_FLAG_EMERGENCY_IDS + RED_FLAG_URGENT_IDS
# Where a sentence names a phone number, it says {number}.
NUMBER_SLOT = "{number}"
SIGNAL_IDS = (
    "centralizing",
    "peripheralizing",
    "pain_easing",
    "pain_worsening",
    "numbness_fading",
    "numbness_spreading",
    "weakness",
    "more_mobile",
    "less_mobile",
    "fewer_meds",
    "more_meds",
    "sleeping_better",
    "sleeping_worse",
    "mood_lifting",
    "red_flag",
    "no_lasting_progress",
)
CLINIC_SECTION_IDS = ("story", "history", "imaging", "questions", "goals")
BREATHING_PHASES: tuple[BreathingPhase, ...] = ("inhale", "hold_in", "exhale", "hold_out")
STAGE_COUNT = 4
PHASE_COUNT = 3


@dataclass(frozen=True)
class AppText:
    """App-wide words: the disclaimer, the first-run note and the centralisation hint."""

    disclaimer: str
    welcome_title: str
    welcome: str
    centralisation: str


@dataclass(frozen=True)
class RedFlagQuestion:
    """One yes/no question of the red-flag check, a line showing what it means, and what a
    yes means; ``short`` names it in lists ("bladder trouble")."""

    id: str
    short: str
    text: str
    example: str
    verdict: Verdict
    next_step: str


@dataclass(frozen=True)
class VerdictText:
    """What a verdict is called and what to do about it."""

    title: str
    what_to_do: tuple[str, ...]


@dataclass(frozen=True)
class RedFlagContent:
    """The red-flag check: the questions (emergency ones first), the three verdicts, where
    the questions come from, and the words of the emergency alert.

    ``call_for_help`` and ``urgent_line`` hold ``{number}`` where a phone number goes.
    """

    sources: str
    reviewed: date
    intro: str
    emergency_heading: str
    urgent_heading: str
    cauda_equina: str
    golden_rule: str
    call_for_help: str
    unknown_number: str
    tell_staff: str
    urgent_line: str
    questions: tuple[RedFlagQuestion, ...]
    verdicts: dict[str, VerdictText] = field(hash=False)

    def verdict_text(self, verdict: Verdict | str) -> VerdictText:
        """The words for a verdict, given as the enum or its value."""
        return self.verdicts[Verdict(verdict).value]


@dataclass(frozen=True)
class Stage:
    """One stage of the 0–24-week timeline, in completed weeks since onset: ``first_week`` to
    ``last_week`` both included (None for the open-ended last one). The rehab phases share
    these boundaries (see ``timeline``); ``timeline_words`` says them."""

    number: int
    first_week: int
    last_week: int | None
    name: str
    pain: str
    numbness: str
    action: str


@dataclass(frozen=True)
class RehabItem:
    """One exercise or habit of a rehab phase."""

    id: str
    title: str
    how: str
    caution: str | None = None
    surgery_only: bool = False
    dose: Dose | None = None  # the usual dose, until the person sets their therapist's


@dataclass(frozen=True)
class RehabPhase:
    """One of the three rehab phases with its items; its weeks are the timeline's."""

    number: int
    title: str
    goal: str
    items: tuple[RehabItem, ...]


@dataclass(frozen=True)
class RehabContent:
    """The rehab plan: general cautions (and ``caution_line``, the same in one short line),
    the after-surgery rule (and ``surgery_line``, the same where a line is short) and the
    three phases."""

    general_cautions: tuple[str, ...]
    caution_line: str
    after_surgery: str
    surgery_line: str
    # The weekly review's words when the plan done fell below half of the week before.
    adherence_drop: SignalText
    phases: tuple[RehabPhase, ...]


@dataclass(frozen=True)
class SignalText:
    """The words shown for one weekly-review signal."""

    id: str
    side: SignalSide
    title: str
    text: str
    advice: str


@dataclass(frozen=True)
class SignalContent:
    """The weekly-review words: one ``SignalText`` per signal id, plus the shared lines."""

    not_enough_data: str
    disclaimer_short: str
    signals: dict[str, SignalText] = field(hash=False)


@dataclass(frozen=True)
class ClinicSection:
    """One part of the visit checklist (story, history, imaging, questions, goals)."""

    id: str
    title: str
    prompt: str


@dataclass(frozen=True)
class ChecklistItem:
    """One "before you leave" tick box."""

    id: str
    text: str


@dataclass(frozen=True)
class ClinicContent:
    """The clinic-visit checklist, suggested questions and "before you leave" items."""

    sections: tuple[ClinicSection, ...]
    suggested_questions: tuple[str, ...]
    before_you_leave: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class BreathingStep:
    """One side of the breathing box."""

    phase: BreathingPhase
    word: str
    how: str


@dataclass(frozen=True)
class BreathingContent:
    """Why slow breathing helps, how to do it, and the four steps in order."""

    why: str
    how: str
    steps: tuple[BreathingStep, ...]


@dataclass(frozen=True)
class Content:
    """Every content file, loaded and checked."""

    app: AppText
    red_flags: RedFlagContent
    stages: tuple[Stage, ...]
    rehab: RehabContent
    signals: SignalContent
    clinic: ClinicContent
    breathing: BreathingContent
