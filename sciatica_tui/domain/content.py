"""The words the app shows, read from the TOML files in ``content/`` and checked on load.

Each file is turned into frozen dataclasses. A broken file raises ``ContentError`` naming the
file and the key (``content/rehab.toml: phases[1].items[3].how: missing``), so the app fails
at start rather than halfway through a red-flag check.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

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

_ID = re.compile(r"[a-z0-9_]+")
_T = TypeVar("_T")


class ContentError(Exception):
    """A content file is missing or broken; the message names the file and the key."""


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
    """One stage of the 0–24-week timeline; ``last_week`` is None for the open-ended last one."""

    number: int
    first_week: int
    last_week: int | None
    weeks: str
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


@dataclass(frozen=True)
class RehabPhase:
    """One of the three rehab phases with its items."""

    number: int
    weeks: str
    title: str
    goal: str
    items: tuple[RehabItem, ...]


@dataclass(frozen=True)
class RehabContent:
    """The rehab plan: general cautions, the after-surgery rule and the three phases."""

    general_cautions: tuple[str, ...]
    after_surgery: str
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


class _Table:
    """A TOML table being read, which knows its place in the file for error messages."""

    def __init__(self, file: str, where: str, raw: dict[str, Any]) -> None:
        self.file = file
        self.where = where
        self.raw = raw
        self.seen: set[str] = set()

    def place(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def error(self, key: str, problem: str) -> ContentError:
        return ContentError(f"{self.file}: {self.place(key)}: {problem}")

    def get(self, key: str, kind: type, label: str) -> Any:
        self.seen.add(key)
        if key not in self.raw:
            raise self.error(key, "missing")
        value = self.raw[key]
        # bool is a subclass of int, so an integer field must refuse true/false explicitly.
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise self.error(key, f"expected {label}, got {type(value).__name__}")
        return value

    def text(self, key: str) -> str:
        value = cast(str, self.get(key, str, "text")).strip()
        if not value:
            raise self.error(key, "empty")
        return value

    def with_number(self, key: str) -> str:
        """Text holding the phone-number slot exactly once (and no other braces)."""
        value = self.text(key)
        if value.count(NUMBER_SLOT) != 1 or value.replace(NUMBER_SLOT, "").count("{"):
            raise self.error(key, f"must hold {NUMBER_SLOT} once, where the number goes")
        return value

    def day(self, key: str) -> date:
        """A TOML date (2026-12-03), not a date and time."""
        value = self.get(key, date, "a date")
        if isinstance(value, datetime):
            raise self.error(key, "expected a date without a time")
        return cast(date, value)

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if key in self.raw else None

    def integer(self, key: str) -> int:
        return cast(int, self.get(key, int, "a whole number"))

    def flag(self, key: str) -> bool:
        return cast(bool, self.get(key, bool, "true or false")) if key in self.raw else False

    def choice(self, key: str, options: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in options:
            raise self.error(key, f"{value!r} is not one of {', '.join(options)}")
        return value

    def id(self, key: str = "id") -> str:
        value = self.text(key)
        if not _ID.fullmatch(value):
            raise self.error(key, f"{value!r} may hold only a-z, 0-9 and _")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        values = cast(list[Any], self.get(key, list, "a list of text"))
        if not values:
            raise self.error(key, "empty")
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.error(f"{key}[{i}]", "expected non-empty text")
        return tuple(value.strip() for value in values)

    def table(self, key: str) -> _Table:
        raw = cast(dict[str, Any], self.get(key, dict, "a table"))
        return _Table(self.file, self.place(key), raw)

    def tables(self, key: str, count: int | None = None) -> list[_Table]:
        raw = cast(list[Any], self.get(key, list, "a list of tables"))
        if count is not None and len(raw) != count:
            raise self.error(key, f"expected {count} entries, got {len(raw)}")
        if not raw:
            raise self.error(key, "empty")
        for i, item in enumerate(raw):
            if not isinstance(item, dict):
                raise self.error(f"{key}[{i}]", "expected a table")
        return [_Table(self.file, self.place(f"{key}[{i}]"), item) for i, item in enumerate(raw)]

    def done(self) -> None:
        """Refuse keys nobody read: a misspelt optional key would otherwise vanish silently."""
        for key in self.raw:
            if key not in self.seen:
                raise self.error(key, "unknown key")


def _expect_ids(tables: list[_Table], ids: list[str], expected: tuple[str, ...]) -> None:
    for table, got, want in zip(tables, ids, expected, strict=True):
        if got != want:
            raise table.error("id", f"expected {want!r}, got {got!r}")


def _unique_ids(pairs: list[tuple[_Table, str]]) -> None:
    seen: set[str] = set()
    for table, item_id in pairs:
        if item_id in seen:
            raise table.error("id", f"duplicate id {item_id!r}")
        seen.add(item_id)


def _app_text(t: _Table) -> AppText:
    app = AppText(
        disclaimer=t.text("disclaimer"),
        welcome_title=t.text("welcome_title"),
        welcome=t.text("welcome"),
        centralisation=t.text("centralisation"),
    )
    t.done()
    return app


def _red_flags(t: _Table) -> RedFlagContent:
    tables = t.tables("questions", count=len(RED_FLAG_QUESTION_IDS))
    questions: list[RedFlagQuestion] = []
    for q in tables:
        on_yes = Verdict(q.choice("verdict", (Verdict.EMERGENCY.value, Verdict.URGENT.value)))
        questions.append(
            RedFlagQuestion(
                id=q.id(),
                short=q.text("short"),
                text=q.text("text"),
                example=q.text("example"),
                verdict=on_yes,
                next_step=q.text("next_step"),
            )
        )
        q.done()
    _expect_ids(tables, [q.id for q in questions], RED_FLAG_QUESTION_IDS)
    # The alert opens at the first emergency yes: those questions come first, and each id
    # keeps its verdict (a check's verdict is worked out from the ids answered yes).
    for q, question in zip(tables, questions, strict=True):
        expected = Verdict.URGENT if question.id in RED_FLAG_URGENT_IDS else Verdict.EMERGENCY
        if question.verdict is not expected:
            raise q.error("verdict", f"expected {expected.value!r} for {question.id!r}")
    verdict_tables = t.table("verdicts")
    verdicts: dict[str, VerdictText] = {}
    for verdict in Verdict:
        v = verdict_tables.table(verdict.value)
        verdicts[verdict.value] = VerdictText(v.text("title"), v.texts("what_to_do"))
        v.done()
    verdict_tables.done()
    content = RedFlagContent(
        sources=t.text("sources"),
        reviewed=t.day("reviewed"),
        intro=t.text("intro"),
        emergency_heading=t.text("emergency_heading"),
        urgent_heading=t.text("urgent_heading"),
        cauda_equina=t.text("cauda_equina"),
        golden_rule=t.text("golden_rule"),
        call_for_help=t.with_number("call_for_help"),
        unknown_number=t.text("unknown_number"),
        tell_staff=t.text("tell_staff"),
        urgent_line=t.with_number("urgent_line"),
        questions=tuple(questions),
        verdicts=verdicts,
    )
    t.done()
    return content


def _stages(t: _Table) -> tuple[Stage, ...]:
    stages: list[Stage] = []
    tables = t.tables("stages", count=STAGE_COUNT)
    for number, s in enumerate(tables, start=1):
        stage = Stage(
            number=s.integer("number"),
            first_week=s.integer("first_week"),
            # Only the last stage is open-ended.
            last_week=s.integer("last_week") if number < STAGE_COUNT else None,
            weeks=s.text("weeks"),
            name=s.text("name"),
            pain=s.text("pain"),
            numbness=s.text("numbness"),
            action=s.text("action"),
        )
        if stage.number != number:
            raise s.error("number", f"expected {number}, got {stage.number}")
        # The stages must tile the weeks with no gap or overlap, or a week would have no stage.
        last = stages[-1].last_week if stages else None
        expected_first = 0 if last is None else last + 1
        if stage.first_week != expected_first:
            raise s.error("first_week", f"expected {expected_first}, got {stage.first_week}")
        if stage.last_week is not None and stage.last_week < stage.first_week:
            raise s.error("last_week", "is before first_week")
        s.done()
        stages.append(stage)
    t.done()
    return tuple(stages)


def _rehab(t: _Table) -> RehabContent:
    phases: list[RehabPhase] = []
    all_ids: list[tuple[_Table, str]] = []
    for number, p in enumerate(t.tables("phases", count=PHASE_COUNT), start=1):
        if (got := p.integer("number")) != number:
            raise p.error("number", f"expected {number}, got {got}")
        items: list[RehabItem] = []
        for i in p.tables("items"):
            item = RehabItem(
                id=i.id(),
                title=i.text("title"),
                how=i.text("how"),
                caution=i.optional_text("caution"),
                surgery_only=i.flag("surgery_only"),
            )
            i.done()
            all_ids.append((i, item.id))
            items.append(item)
        phases.append(
            RehabPhase(number, p.text("weeks"), p.text("title"), p.text("goal"), tuple(items))
        )
        p.done()
    # Ticked ids are stored per day without their phase, so they must be unique overall.
    _unique_ids(all_ids)
    content = RehabContent(
        general_cautions=t.texts("general_cautions"),
        after_surgery=t.text("after_surgery"),
        phases=tuple(phases),
    )
    t.done()
    return content


def _signals(t: _Table) -> SignalContent:
    table = t.table("signals")
    signals: dict[str, SignalText] = {}
    for signal_id in SIGNAL_IDS:
        s = table.table(signal_id)
        side = cast(SignalSide, s.choice("side", ("recovery", "decline")))
        signals[signal_id] = SignalText(
            signal_id, side, s.text("title"), s.text("text"), s.text("advice")
        )
        s.done()
    table.done()
    content = SignalContent(
        not_enough_data=t.text("not_enough_data"),
        disclaimer_short=t.text("disclaimer_short"),
        signals=signals,
    )
    t.done()
    return content


def _clinic(t: _Table) -> ClinicContent:
    section_tables = t.tables("sections", count=len(CLINIC_SECTION_IDS))
    sections = [ClinicSection(s.id(), s.text("title"), s.text("prompt")) for s in section_tables]
    for s in section_tables:
        s.done()
    _expect_ids(section_tables, [s.id for s in sections], CLINIC_SECTION_IDS)
    item_tables = t.tables("before_you_leave")
    items = [ChecklistItem(i.id(), i.text("text")) for i in item_tables]
    for i in item_tables:
        i.done()
    _unique_ids([(table, item.id) for table, item in zip(item_tables, items, strict=True)])
    content = ClinicContent(
        sections=tuple(sections),
        suggested_questions=t.texts("suggested_questions"),
        before_you_leave=tuple(items),
    )
    t.done()
    return content


def _breathing(t: _Table) -> BreathingContent:
    steps: list[BreathingStep] = []
    for s, phase in zip(t.tables("steps", count=4), BREATHING_PHASES, strict=True):
        # The breathing schedule walks the box in this order.
        if (got := s.text("phase")) != phase:
            raise s.error("phase", f"expected {phase!r}, got {got!r}")
        steps.append(BreathingStep(phase, s.text("word"), s.text("how")))
        s.done()
    content = BreathingContent(why=t.text("why"), how=t.text("how"), steps=tuple(steps))
    t.done()
    return content


def default_content_dir() -> Path:
    """The content folder, ``sciatica_tui/content`` (in the repository, a link to the
    top-level ``content/``)."""
    return Path(__file__).parents[1] / "content"


def _load(name: str, folder: Path, build: Callable[[_Table], _T]) -> _T:
    file = f"{folder.name}/{name}"
    try:
        raw = tomllib.loads((folder / name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(f"{file}: file not found in {folder}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(f"{file}: cannot be read: {error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{file}: not valid TOML: {error}") from error
    return build(_Table(file, "", raw))


@cache
def app_text() -> AppText:
    """The app-wide words from ``app.toml``."""
    return _load("app.toml", default_content_dir(), _app_text)


@cache
def red_flags() -> RedFlagContent:
    """The red-flag check from ``red_flags.toml``."""
    return _load("red_flags.toml", default_content_dir(), _red_flags)


@cache
def stages() -> tuple[Stage, ...]:
    """The four timeline stages from ``stages.toml``, in order."""
    return _load("stages.toml", default_content_dir(), _stages)


@cache
def rehab() -> RehabContent:
    """The rehab plan from ``rehab.toml``."""
    return _load("rehab.toml", default_content_dir(), _rehab)


@cache
def signals() -> SignalContent:
    """The weekly-review words from ``signals.toml``."""
    return _load("signals.toml", default_content_dir(), _signals)


@cache
def clinic() -> ClinicContent:
    """The clinic-visit checklist from ``clinic.toml``."""
    return _load("clinic.toml", default_content_dir(), _clinic)


@cache
def breathing() -> BreathingContent:
    """The breathing steps from ``breathing.toml``."""
    return _load("breathing.toml", default_content_dir(), _breathing)


def load_all(content_dir: Path | None = None) -> Content:
    """Load and check every file, so a broken one fails at start; ``content_dir`` is for tests."""
    if content_dir is None:
        return Content(app_text(), red_flags(), stages(), rehab(), signals(), clinic(), breathing())
    return Content(
        app=_load("app.toml", content_dir, _app_text),
        red_flags=_load("red_flags.toml", content_dir, _red_flags),
        stages=_load("stages.toml", content_dir, _stages),
        rehab=_load("rehab.toml", content_dir, _rehab),
        signals=_load("signals.toml", content_dir, _signals),
        clinic=_load("clinic.toml", content_dir, _clinic),
        breathing=_load("breathing.toml", content_dir, _breathing),
    )
