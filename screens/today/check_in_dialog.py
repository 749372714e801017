"""The weekly check-in dialog: up to three activities scored 0–10, and the global question.

On a repeat check-in the cursor starts on the first score and Tab walks the scores, then the
global answer: digits set each, so a whole check-in is about ten keys. The names are kept from
the last check-in; ctrl+e lets the person change them (the first check-in starts there).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from sciatica_tui.domain.check_in_words import CheckInWords
from sciatica_tui.domain.records import CheckIn
from sciatica_tui.domain.validation.check_in_rules import (
    ACTIVITY_NAME_MAX,
    GLOBAL_CHANGE_LOW,
    MAX_ACTIVITIES,
    validate_check_in,
)
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.screens.dialogs.form import FormDialog
from sciatica_tui.screens.widgets.choice_selector import ChoiceSelector
from sciatica_tui.screens.widgets.rating_scale import RatingScale

SCORE_WORDS = {0: "cannot do it", 10: "as before"}


@dataclass(frozen=True)
class CheckInSkipped:
    """The person skipped this week's check-in."""


CheckInAnswer = CheckIn | CheckInSkipped


class GlobalChangeSelector(ChoiceSelector):
    """The 7-step answer, much worse to much better: keys 1 to 7 pick a step, so the middle
    (about the same) is 4. An arrow from "not set" lands on about the same, never an end."""

    def takes_number(self, number: int) -> bool:
        """1 to 7."""
        return 1 <= number <= len(self.options)

    def number_typed(self, number: int) -> None:
        """The step at that place, counting from 1."""
        self.set_value(self.values[number - 1])

    def step(self, delta: int) -> None:
        """From "not set", about the same; else the next step, stopping at either end."""
        if self.value is None:
            self.set_value(self.values[len(self.values) // 2])
            return
        index = self.values.index(self.value) + delta
        self.set_value(self.values[max(0, min(len(self.values) - 1, index))])


class CheckInDialog(FormDialog[CheckInAnswer]):
    """Scores for the person's activities and the global answer; Skip, or Escape to close."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", tooltip="Save the check-in."),
        Binding("ctrl+e", "edit_names", "Change the activities", tooltip="Rename them."),
    ]

    def __init__(
        self, words: CheckInWords, day: date, names: Sequence[str], shown: CheckIn | None
    ) -> None:
        """A check-in for ``day`` of the activities ``names`` (the last ones used); ``shown``
        is a check-in already saved that day, to change."""
        super().__init__()
        self.words = words
        self.day = day
        self.TITLE_TEXT = words.title
        if shown is not None:
            names = [activity.name for activity in shown.activities]
        self.names = list(names)[:MAX_ACTIVITIES]
        self.shown = shown

    def fields(self) -> ComposeResult:
        """The intro, one row per activity (name, score), the global question, key help."""
        intro = self.words.intro if self.names else f"{self.words.first_time} {self.words.intro}"
        yield Static(Content(intro), classes="check-in-intro")
        scores = {a.name: a.score for a in self.shown.activities} if self.shown else {}
        for index in range(MAX_ACTIVITIES):
            name = self.names[index] if index < len(self.names) else ""
            name_input = Input(
                name,
                placeholder=f"Activity {index + 1}",
                max_length=ACTIVITY_NAME_MAX,
                id=f"check-in-name-{index}",
                compact=True,
            )
            # Names already given are skipped by Tab, so the scores are a key apart.
            name_input.can_focus = not self.names
            score = RatingScale(
                0, 10, SCORE_WORDS, value=scores.get(name), id=f"check-in-score-{index}"
            )
            score.can_focus = bool(name) or not self.names
            yield Horizontal(name_input, score, classes="check-in-row")
        options = [
            (str(change), words)
            for change, words in enumerate(self.words.global_change, start=GLOBAL_CHANGE_LOW)
        ]
        answered = str(self.shown.global_change) if self.shown else None
        yield Horizontal(
            Label(self.words.global_question, classes="check-in-question"),
            GlobalChangeSelector(options, digits=True, value=answered, id="check-in-global"),
            classes="check-in-global-row",
        )
        keys = self.words.global_keys
        if self.names:
            keys += " ctrl+e changes the activities."
        yield Static(Content(keys), classes="check-in-keys")

    def buttons(self) -> ComposeResult:
        """Save, Skip this week, Cancel."""
        yield Button("Save", variant="primary", id="dialog-ok", compact=True)
        yield Button("Skip this week", id="check-in-skip", compact=True)
        yield Button("Cancel", id="dialog-cancel", compact=True)

    def on_mount(self) -> None:
        """The cursor on the first score, or on the first name the first time."""
        first = "#check-in-score-0" if self.names else "#check-in-name-0"
        self.query_one(first).focus()

    def action_edit_names(self) -> None:
        """Let Tab reach the names, and put the cursor in the first."""
        for row_field in self.query(".check-in-row > *"):
            row_field.can_focus = True
        self.query_one("#check-in-name-0", Input).focus()

    def action_save(self) -> None:
        """Save (ctrl+s, as on every form)."""
        self.accept()

    @on(Button.Pressed, "#check-in-skip")
    def _skip(self) -> None:
        self.dismiss(CheckInSkipped())

    def accept(self) -> None:
        """Close with the check-in, or say in words what is missing; nothing typed is lost."""
        activities = []
        for index in range(MAX_ACTIVITIES):
            name = self.query_one(f"#check-in-name-{index}", Input).value.strip()
            score = self.query_one(f"#check-in-score-{index}", RatingScale).value
            if name and score is None:
                self.say_problem(f"Give {name!r} a score from 0 to 10, or clear its name.")
                return
            if score is not None and not name:
                self.say_problem(f"Name activity {index + 1}, or clear its score.")
                return
            if name:
                activities.append({"name": name, "score": score})
        if not activities:
            self.say_problem(self.words.no_names)
            return
        answer = self.query_one(GlobalChangeSelector).value
        if answer is None:
            self.say_problem(f"Answer: {self.words.global_question}")
            return
        raw = {"date": self.day.isoformat(), "activities": activities, "global_change": int(answer)}
        try:
            check_in = validate_check_in(raw, today=self.day)
        except ValidationError as error:
            problem = error.problems[0]
            self.say_problem(f"{problem.message.capitalize()}. {problem.hint}")
            return
        self.dismiss(check_in)
