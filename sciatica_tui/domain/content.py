"""The words the app shows, read from the TOML files in ``content/`` and checked on load.

The one place the rest of the code asks for them: ``content.red_flags()``, ``content.rehab()``
and the like, each read once. Each file's checks are here, one builder per file; the shape
they build is in ``content_schema`` and the reader they use in ``content_loader``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import cast

from sciatica_tui.domain.content_loader import (
    ContentTable,
    default_content_dir,
    expect_ids,
    load_file,
    unique_ids,
)
from sciatica_tui.domain.content_schema import (
    BREATHING_PHASES,
    CLINIC_SECTION_IDS,
    PHASE_COUNT,
    RED_FLAG_QUESTION_IDS,
    RED_FLAG_URGENT_IDS,
    SIGNAL_IDS,
    STAGE_COUNT,
    AppText,
    BreathingContent,
    BreathingStep,
    ChecklistItem,
    ClinicContent,
    ClinicSection,
    Content,
    RedFlagContent,
    RedFlagQuestion,
    RehabContent,
    RehabItem,
    RehabPhase,
    SignalContent,
    SignalSide,
    SignalText,
    Stage,
    VerdictText,
)
from sciatica_tui.domain.doses import DOSE_FIELDS, LIMITS, Dose, dose_problem, limit_hint
from sciatica_tui.domain.records import Verdict


def _app_text(t: ContentTable) -> AppText:
    app = AppText(
        disclaimer=t.text("disclaimer"),
        welcome_title=t.text("welcome_title"),
        welcome=t.text("welcome"),
        centralisation=t.text("centralisation"),
    )
    t.done()
    return app


def _red_flags(t: ContentTable) -> RedFlagContent:
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
    expect_ids(tables, [q.id for q in questions], RED_FLAG_QUESTION_IDS)
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


def _stages(t: ContentTable) -> tuple[Stage, ...]:
    stages: list[Stage] = []
    tables = t.tables("stages", count=STAGE_COUNT)
    for number, s in enumerate(tables, start=1):
        stage = Stage(
            number=s.integer("number"),
            first_week=s.integer("first_week"),
            # Only the last stage is open-ended.
            last_week=s.integer("last_week") if number < STAGE_COUNT else None,
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


def _dose(t: ContentTable) -> Dose:
    """An exercise's usual dose, by the same rules as the person's own."""
    numbers: dict[str, int] = {}
    for name in DOSE_FIELDS:
        if name not in t.raw:
            continue
        value = t.integer(name)
        if not 1 <= value <= LIMITS[name]:
            raise t.error(name, limit_hint(name))
        numbers[name] = value
    t.done()
    dose = Dose(**numbers)
    if (problem := dose_problem(dose)) is not None:
        raise t.error("reps", problem)
    return dose


def _adherence_drop(t: ContentTable) -> SignalText:
    words = read_signal_texts(t, ("adherence_drop",), side="decline")["adherence_drop"]
    for slot in ("{this}", "{last}"):
        if words.text.count(slot) != 1:
            raise t.error("adherence_drop.text", f"must hold {slot} once")
    return words


def _rehab(t: ContentTable) -> RehabContent:
    phases: list[RehabPhase] = []
    all_ids: list[tuple[ContentTable, str]] = []
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
                dose=_dose(i.table("dose")) if "dose" in i.raw else None,
            )
            i.done()
            all_ids.append((i, item.id))
            items.append(item)
        phases.append(RehabPhase(number, p.text("title"), p.text("goal"), tuple(items)))
        p.done()
    # Ticked ids are stored per day without their phase, so they must be unique overall.
    unique_ids(all_ids)
    content = RehabContent(
        general_cautions=t.texts("general_cautions"),
        caution_line=t.text("caution_line"),
        after_surgery=t.text("after_surgery"),
        surgery_line=t.text("surgery_line"),
        adherence_drop=_adherence_drop(t.table("review")),
        phases=tuple(phases),
    )
    t.done()
    return content


def read_signal_texts(
    table: ContentTable, ids: tuple[str, ...], side: SignalSide | None = None
) -> dict[str, SignalText]:
    """The signals ``ids`` of ``table``, each a title, text and advice; its side is ``side``
    when given, else read from the signal's own ``side`` key."""
    signals: dict[str, SignalText] = {}
    for signal_id in ids:
        s = table.table(signal_id)
        said = side or cast(SignalSide, s.choice("side", ("recovery", "decline")))
        signals[signal_id] = SignalText(
            signal_id, said, s.text("title"), s.text("text"), s.text("advice")
        )
        s.done()
    table.done()
    return signals


def _signals(t: ContentTable) -> SignalContent:
    content = SignalContent(
        not_enough_data=t.text("not_enough_data"),
        disclaimer_short=t.text("disclaimer_short"),
        signals=read_signal_texts(t.table("signals"), SIGNAL_IDS),
    )
    t.done()
    return content


def _clinic(t: ContentTable) -> ClinicContent:
    section_tables = t.tables("sections", count=len(CLINIC_SECTION_IDS))
    sections = [ClinicSection(s.id(), s.text("title"), s.text("prompt")) for s in section_tables]
    for s in section_tables:
        s.done()
    expect_ids(section_tables, [s.id for s in sections], CLINIC_SECTION_IDS)
    item_tables = t.tables("before_you_leave")
    items = [ChecklistItem(i.id(), i.text("text")) for i in item_tables]
    for i in item_tables:
        i.done()
    unique_ids([(table, item.id) for table, item in zip(item_tables, items, strict=True)])
    content = ClinicContent(
        sections=tuple(sections),
        suggested_questions=t.texts("suggested_questions"),
        before_you_leave=tuple(items),
    )
    t.done()
    return content


def _breathing(t: ContentTable) -> BreathingContent:
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


@cache
def app_text() -> AppText:
    """The app-wide words from ``app.toml``."""
    return load_file("app.toml", default_content_dir(), _app_text)


@cache
def red_flags() -> RedFlagContent:
    """The red-flag check from ``red_flags.toml``."""
    return load_file("red_flags.toml", default_content_dir(), _red_flags)


@cache
def stages() -> tuple[Stage, ...]:
    """The four timeline stages from ``stages.toml``, in order."""
    return load_file("stages.toml", default_content_dir(), _stages)


@cache
def rehab() -> RehabContent:
    """The rehab plan from ``rehab.toml``."""
    return load_file("rehab.toml", default_content_dir(), _rehab)


@cache
def signals() -> SignalContent:
    """The weekly-review words from ``signals.toml``."""
    return load_file("signals.toml", default_content_dir(), _signals)


@cache
def clinic() -> ClinicContent:
    """The clinic-visit checklist from ``clinic.toml``."""
    return load_file("clinic.toml", default_content_dir(), _clinic)


@cache
def breathing() -> BreathingContent:
    """The breathing steps from ``breathing.toml``."""
    return load_file("breathing.toml", default_content_dir(), _breathing)


def load_all(content_dir: Path | None = None) -> Content:
    """Load and check every file, so a broken one fails at start; ``content_dir`` is for tests."""
    if content_dir is None:
        return Content(app_text(), red_flags(), stages(), rehab(), signals(), clinic(), breathing())
    return Content(
        app=load_file("app.toml", content_dir, _app_text),
        red_flags=load_file("red_flags.toml", content_dir, _red_flags),
        stages=load_file("stages.toml", content_dir, _stages),
        rehab=load_file("rehab.toml", content_dir, _rehab),
        signals=load_file("signals.toml", content_dir, _signals),
        clinic=load_file("clinic.toml", content_dir, _clinic),
        breathing=load_file("breathing.toml", content_dir, _breathing),
    )
