"""The daily-log form: every field of one day, its messages, and the warning-sign boxes.

The form only holds what was typed. It hands its text to the validation layer as is
(``texts``), shows the problems it gets back next to each field, and never clears a value
on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Static, TextArea

from sciatica_tui.domain.records import DailyLog, Reach, Side, Weakness
from sciatica_tui.domain.validation.contradictions import contradictions
from sciatica_tui.domain.validation.problems import Problem
from sciatica_tui.screens.host import diary
from sciatica_tui.screens.today.day_tags import DayTags
from sciatica_tui.screens.today.medicine_doses import MedicineDoses
from sciatica_tui.screens.widgets.choice_selector import ChoiceSelector
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.screens.widgets.rating_scale import PAIN_WORDS, RatingScale
from sciatica_tui.screens.widgets.tick_box import TickBox

MOOD_WORDS = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "very good"}
SLEEP_WORDS = {1: "very poor", 2: "poor", 3: "okay", 4: "good", 5: "very good"}


@dataclass(frozen=True)
class Field:
    """One field of the form: the record's field name, its label, and how it is entered."""

    name: str
    label: str
    kind: str  # "scale", "choice", "number" or "notes"
    low: int = 0
    high: int = 10
    words: dict[int, str] | None = None
    options: tuple[tuple[str, str], ...] = ()
    unit: str = ""
    placeholder: str = ""


def _options(kind: type[Enum], labels: dict[str, str] | None = None) -> tuple[tuple[str, str], ...]:
    return tuple(
        (str(m.value), (labels or {}).get(str(m.value), str(m.value).capitalize())) for m in kind
    )


REACH_OPTIONS = tuple((r.value, r.label) for r in Reach)
NUMB_REACH_OPTIONS = tuple((r.value, "No numbness" if r is Reach.NONE else r.label) for r in Reach)

# In the order most days are logged: the fields of a usual day first, one Tab apart (issue
# 15: a full day in at most 20 keys), then what is filled in less often.
FIELDS: tuple[Field, ...] = (
    Field("leg_pain", "Leg pain", "scale", words=PAIN_WORDS),
    Field("back_pain", "Back pain", "scale", words=PAIN_WORDS),
    Field("pain_reach", "Pain down to", "choice", options=REACH_OPTIONS),
    Field("pain_side", "Pain side", "choice", options=_options(Side)),
    Field("numbness", "Numbness", "scale", words=PAIN_WORDS),
    Field("walking_minutes", "Walking", "number", unit="min at a time", placeholder="0–600"),
    Field("sleep_hours", "Sleep", "number", unit="hours", placeholder="e.g. 6.5"),
    Field("mood", "Mood", "scale", low=1, high=5, words=MOOD_WORDS),
    Field("pain_med_doses", "Pain relief", "number", unit="doses taken", placeholder="0–50"),
    Field("numbness_reach", "Numb down to", "choice", options=NUMB_REACH_OPTIONS),
    Field("weakness", "Leg weakness", "choice", options=_options(Weakness)),
    Field("sitting_minutes", "Sitting", "number", unit="min at a time", placeholder="0–600"),
    Field("sleep_quality", "Sleep quality", "scale", low=1, high=5, words=SLEEP_WORDS),
    Field("notes", "Notes", "notes"),
)
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
# Choices where a digit picks by place: reach 0 (no pain) to 5 (foot), weakness 0 to 2.
DIGIT_CHOICES = {"pain_reach", "numbness_reach", "weakness"}
# Each box answers one question of the red-flag check yes (its id), and only that one.
# Bladder and bowel share a line, so the form is no longer than with one box for both.
WARNING_SIGNS: tuple[tuple[str, str], ...] = (
    ("bladder", "Bladder trouble"),
    ("bowel", "Bowel trouble"),
    ("saddle_area", "Numb saddle area (between the legs)"),
)
SHARED_LINE = {"bladder", "bowel"}


# The width of the labels' column (``.field-label`` in today.tcss): a scale or a choice draws
# its label itself, in a column as wide.
LABEL_WIDTH = 14


def field_id(name: str) -> str:
    """The widget id of a field (prefixed: the app holds other tabs' widgets too)."""
    return f"log-{name}"


class DailyLogForm(Vertical):
    """Every field of the daily log; a field's message is added under it when first needed.

    (Fourteen hidden message widgets built up front cost start-up time for nothing.)
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        """An empty form."""
        super().__init__(id=id)
        self._messages: dict[str, Static] = {}
        self._plain_doses = ""  # the plain pain-relief count, while the medicines give it
        self._contradiction_notes: dict[str, Static] = {}

    def compose(self) -> ComposeResult:
        """One row per field; the medicines before the pain-relief count, the tags after it,
        and the warning-sign boxes after the weakness."""
        for field in FIELDS:
            if field.name == "pain_med_doses":  # the medicines first: their total follows
                with Horizontal(id="medicine-row"):
                    yield Label("Medicines", classes="field-label")
                    yield MedicineDoses(id=field_id("medicine_doses"))
            if field.kind == "notes":
                yield Label(field.label, classes="field-label notes-label")
                yield TextArea(id=field_id(field.name), compact=True, classes="notes")
            elif field.kind in ("scale", "choice"):
                yield self._entry(field)  # a row of its own, its label drawn in it
            else:
                with Horizontal(classes="field-row"):
                    yield Label(field.label, classes="field-label")
                    yield self._entry(field)
                    if field.unit:
                        yield Label(field.unit, classes="field-unit")
            if field.name == "pain_med_doses":
                yield DayTags(id=field_id("tags"))  # what set it off, what helped
            if field.name == "weakness":
                yield from self._warning_signs()

    def _entry(self, field: Field) -> Widget:
        if field.kind == "scale":
            return RatingScale(
                field.low,
                field.high,
                field.words,
                caption=field.label,
                caption_width=LABEL_WIDTH,
                id=field_id(field.name),
            )
        if field.kind == "choice":
            return ChoiceSelector(
                field.options,
                digits=field.name in DIGIT_CHOICES,
                advances=True,
                caption=field.label,
                caption_width=LABEL_WIDTH,
                id=field_id(field.name),
            )
        return Input(
            placeholder=field.placeholder,
            compact=True,
            id=field_id(field.name),
            classes="number",
        )

    def _warning_signs(self) -> Iterable[Widget]:
        yield Label("New warning signs today", classes="warning-signs-title")
        yield Label("A tick opens the red-flag check (ticks are not kept).", classes="hint-line")
        boxes = {
            name: TickBox(label, compact=True, id=f"sign-{name}", classes="warning-sign")
            for name, label in WARNING_SIGNS
        }
        yield Horizontal(
            *(boxes[name] for name in boxes if name in SHARED_LINE), classes="warning-sign-row"
        )
        yield from (box for name, box in boxes.items() if name not in SHARED_LINE)

    # --- reading and filling ---------------------------------------------------------------

    def texts(self) -> dict[str, str]:
        """What is in each field, as text for ``daily_log_from_form`` (empty: not filled in)."""
        out: dict[str, str] = {}
        for field in FIELDS:
            widget = self.query_one(f"#{field_id(field.name)}")
            if isinstance(widget, RatingScale):
                out[field.name] = "" if widget.value is None else str(widget.value)
            elif isinstance(widget, ChoiceSelector):
                out[field.name] = widget.value or ""
            elif isinstance(widget, TextArea):
                out[field.name] = widget.text
            elif isinstance(widget, Input):
                out[field.name] = widget.value
        out.update(self.medicine_doses.texts())
        out["tags"] = self.query_one(DayTags).text()
        return out

    def fill(self, log: DailyLog | None, *, with_notes: bool = True) -> None:
        """Show ``log`` in the fields (``None``: an empty form). Says nothing to listeners."""
        record = log.to_record() if log is not None else {}
        for field in FIELDS:
            if field.name == "notes" and not with_notes:
                continue
            value = record.get(field.name)
            widget = self.query_one(f"#{field_id(field.name)}")
            if isinstance(widget, RatingScale | ChoiceSelector):
                widget.value = value
            elif isinstance(widget, TextArea):
                with widget.prevent(TextArea.Changed):
                    widget.load_text("" if value is None else str(value))
            elif isinstance(widget, Input):
                with widget.prevent(Input.Changed):
                    widget.value = "" if value is None else f"{value:g}"
        # A day's own count first; its medicines' total replaces it when they give one (a
        # count that was their total is not the day's own: clearing them leaves it empty).
        plain = self.query_one(f"#{field_id('pain_med_doses')}", Input)
        plain.disabled = False
        doses = self.medicine_doses
        doses.fill(log.medicine_doses if log is not None else {})
        doses.show_medicines(diary(self).medicines())
        if doses.pain_relief_total() is not None:
            with plain.prevent(Input.Changed):
                plain.value = ""
        self.show_medicines()
        if with_notes:  # like the notes, the tags belong to their own day
            self.query_one(DayTags).fill(log.tags if log is not None else ())
        self.show_problems([])
        self.show_contradictions()

    # --- the medicines ------------------------------------------------------------------

    @property
    def medicine_doses(self) -> MedicineDoses:
        """The row of the person's medicines and their doses today."""
        return self.query_one(MedicineDoses)

    def show_medicines(self) -> None:
        """The person's list as it is now; the row shows when there is a medicine to show."""
        doses = self.medicine_doses
        doses.show_medicines(diary(self).medicines())
        # Shown with a medicine listed, or doses on the day of one taken off the list.
        self.query_one("#medicine-row").display = bool(doses.medicines or doses.doses)
        self._show_pain_relief_total()

    @on(MedicineDoses.Changed)
    def _show_pain_relief_total(self) -> None:
        """With pain-relief medicines counted, the plain count is their total (and cannot
        be typed over); without, it is the person's own again."""
        total = self.medicine_doses.pain_relief_total()
        plain = self.query_one(f"#{field_id('pain_med_doses')}", Input)
        if total is not None and not plain.disabled:
            self._plain_doses = plain.value
        shown = str(total) if total is not None else self._plain_doses
        if plain.disabled or total is not None:
            with plain.prevent(Input.Changed):
                plain.value = shown
        plain.disabled = total is not None

    def warning_signs(self) -> dict[str, bool]:
        """Which warning-sign boxes are ticked (question id to yes/no)."""
        return {
            name: self.query_one(f"#sign-{name}", Checkbox).value for name, _label in WARNING_SIGNS
        }

    def clear_warning_signs(self) -> None:
        """Untick the warning-sign boxes (after they have opened the check)."""
        for name, _label in WARNING_SIGNS:
            box = self.query_one(f"#sign-{name}", TickBox)
            with box.prevent(Checkbox.Changed):
                box.value = False

    def show_problems(self, problems: Iterable[Problem]) -> None:
        """Show each problem under its field; clear the messages of fields that are fine."""
        by_field: dict[str, Problem] = {}
        for problem in problems:
            by_field.setdefault(problem.field, problem)
        for name in FIELD_NAMES:
            found = by_field.get(name)
            self._say_under(self._messages, name, problem_text(found) if found else None, "error")

    @on(RatingScale.Changed)
    @on(ChoiceSelector.Changed)
    def show_contradictions(self) -> None:
        """Say under a reach what does not fit with the scores (warned, never refused)."""
        found = {c.field: c.message for c in contradictions(**self._answers_that_must_fit())}
        for name in ("pain_reach", "numbness_reach"):
            words = found.get(name)
            self._say_under(
                self._contradiction_notes, name, f"⚠ {words}" if words else None, "note"
            )

    def _say_under(self, lines: dict[str, Static], name: str, words: str | None, kind: str) -> None:
        """``words`` on a line of ``kind`` ("error", "note") under field ``name``'s row, made
        when first needed and kept in ``lines``; None hides it."""
        line = lines.get(name)
        if line is None:
            if words is None:
                return
            line = Static(id=f"{field_id(name)}-{kind}", classes=f"field-{kind}")
            lines[name] = line
            self.mount(line, after=self._row_of(name))
        line.update(words or "")
        line.display = words is not None

    def _answers_that_must_fit(self) -> dict[str, Any]:
        def scale(name: str) -> int | None:
            return self.query_one(f"#{field_id(name)}", RatingScale).value

        def reach(name: str) -> Reach | None:
            value = self.query_one(f"#{field_id(name)}", ChoiceSelector).value
            return Reach(value) if value else None

        return {
            "leg_pain": scale("leg_pain"),
            "pain_reach": reach("pain_reach"),
            "numbness": scale("numbness"),
            "numbness_reach": reach("numbness_reach"),
        }

    def _row_of(self, name: str) -> Widget:
        """The line a field sits on (its row, or the notes box itself)."""
        entry = self.query_one(f"#{field_id(name)}")
        parent = entry.parent
        return parent if isinstance(parent, Horizontal) else entry

    def focus_field(self, name: str) -> None:
        """Put the cursor in one field."""
        focus_now(self.query_one(f"#{field_id(name)}"))


def problem_text(problem: Problem) -> str:
    """ "⚠ 'abc' is not a whole number. Walking minutes must be …" for a field's message."""
    label = next((f.label for f in FIELDS if f.name == problem.field), problem.field)
    message = problem.message
    if message == "is missing":
        message = f"{label} is not set yet"
    elif message.startswith("is "):
        message = f"{label} {message}"
    elif message.startswith("holds "):  # a hidden control character
        message = f"{label}: {message}"
    return f"⚠ {message}. {problem.hint}".strip()
