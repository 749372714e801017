"""The quick flare-up entry: a small dialog over Today, opened by one key from anywhere on it.

The cursor starts on the pain, so a flare-up takes three keys: ctrl+f, a digit, Enter. The rest
is there when the person wants it: the time (now, on the open day), how far down it reached,
what set it off and what helped (one key each), how long it lasted, a note. The dialog saves
off the UI thread and closes once the flare-up is on disk; a value it cannot take is said
beside its field, and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from sciatica_tui.domain.flare_entry import clock_words, flare_up_from_form
from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.tags import Tag, TagKind
from sciatica_tui.domain.validation.flare_rules import MINUTES_MAX
from sciatica_tui.domain.validation.problems import Problem, ValidationError
from sciatica_tui.domain.validation.rules import NOTES_MAX
from sciatica_tui.domain.words import day_words
from sciatica_tui.screens.dialogs.form import FormDialog
from sciatica_tui.screens.host import SavesUnderWay, clock
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.screens.today.form import REACH_OPTIONS
from sciatica_tui.screens.widgets.choice_selector import ChoiceSelector
from sciatica_tui.screens.widgets.rating_scale import PAIN_WORDS, RatingScale
from sciatica_tui.screens.widgets.tag_picker import TagPicker
from sciatica_tui.store.day_changes import SaveFlareUp

# The dialog's fields: (name the rules use, label); the time's problems are on ``at``.
FIELD_LABELS: tuple[tuple[str, str], ...] = (
    ("at", "Time"),
    ("pain", "Pain"),
    ("reach", "Down to"),
    ("triggers", "Set off by"),
    ("helped", "Helped by"),
    ("minutes", "Lasted"),
    ("notes", "Note"),
)


class FlareUpDialog(FormDialog[FlareUp]):
    """Log a flare-up on ``day`` (or change one): it closes with the flare-up once saved."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", tooltip="Save the flare-up."),
        # Enter saves from the pain, the choice and the pickers (a button or a line of text
        # takes its own Enter: the line's saves too).
        Binding("enter", "save", "Save", show=False),
    ]

    def __init__(
        self,
        day: date,
        today: date,
        tags: Sequence[Tag],
        taken: Sequence[datetime],
        editing: FlareUp | None = None,
    ) -> None:
        """A flare-up on ``day`` (``today`` names it), to pick ``tags`` for; ``taken`` are
        the times already logged (a second one at the same minute is kept beside the first);
        ``editing`` is a flare-up to change."""
        super().__init__()
        what = "Change the flare-up" if editing else "A flare-up"
        self.TITLE_TEXT = f"{what} · {day_words(day, today)}"
        self.day = day
        self.tags = tuple(tags)
        self.taken = tuple(taken)
        self.editing = editing
        self._saves: SavesUnderWay[FlareUp] = SavesUnderWay()
        self._messages: dict[str, Static] = {}

    def fields(self) -> ComposeResult:
        """Time, pain, reach, the two pickers, minutes and note, each with a line for its
        problem under it."""
        now = clock(self).now()
        shown = self.editing
        entries: dict[str, Widget] = {
            "at": Input(
                clock_words(shown.at if shown else now),
                placeholder="HH:MM",
                max_length=5,
                compact=True,
                id="flare-time",
            ),
            "pain": RatingScale(
                0, 10, PAIN_WORDS, value=shown.pain if shown else None, id="flare-pain"
            ),
            "reach": ChoiceSelector(
                REACH_OPTIONS,
                digits=True,
                value=shown.reach.value if shown and shown.reach else None,
                id="flare-reach",
            ),
            "triggers": TagPicker(
                TagKind.SET_OFF, self.tags, shown.triggers if shown else (), id="flare-triggers"
            ),
            "helped": TagPicker(
                TagKind.HELPED, self.tags, shown.helped if shown else (), id="flare-helped"
            ),
            "minutes": Input(
                "" if shown is None or shown.minutes is None else str(shown.minutes),
                placeholder=f"0–{MINUTES_MAX}",
                max_length=4,
                compact=True,
                id="flare-minutes",
            ),
            "notes": Input(
                (shown.notes or "") if shown else "",
                placeholder="optional",
                max_length=NOTES_MAX,
                compact=True,
                id="flare-notes",
            ),
        }
        for name, label in FIELD_LABELS:
            row = [Label(label, classes="dialog-label"), entries[name]]
            if name == "minutes":
                row.append(Label("minutes", classes="flare-unit"))
            yield Horizontal(*row, classes=f"flare-row flare-row-{name}")
            message = Static("", classes="flare-error")
            message.display = False
            self._messages[name] = message
            yield message
        yield Static(
            "Digits set the pain · a tag's key picks it, + adds one · Enter saves",
            classes="flare-keys",
        )

    def buttons(self) -> ComposeResult:
        """Save and Cancel."""
        yield Button("Save", variant="primary", id="dialog-ok", compact=True)
        yield Button("Cancel", id="dialog-cancel", compact=True)

    def on_mount(self) -> None:
        """The cursor on the pain: a digit sets it straight away."""
        self.query_one("#flare-pain", RatingScale).focus()

    # --- checking and saving ---------------------------------------------------------------

    def texts(self) -> dict[str, str]:
        """What each field holds, as text."""
        pain = self.query_one("#flare-pain", RatingScale).value
        return {
            "time": self.query_one("#flare-time", Input).value,
            "pain": "" if pain is None else str(pain),
            "reach": self.query_one("#flare-reach", ChoiceSelector).value or "",
            "minutes": self.query_one("#flare-minutes", Input).value,
            "notes": self.query_one("#flare-notes", Input).value,
        }

    def action_save(self) -> None:
        """Save (Enter, or ctrl+s as on every form)."""
        self.accept()

    def action_cancel(self) -> None:
        """Close without saving; while a save is under way, wait for it (it closes then)."""
        if not len(self._saves):
            self.dismiss(None)

    def accept(self) -> None:
        """Check the fields; save, or say beside each field what is wrong (nothing is lost)."""
        if len(self._saves):
            return  # saving already: a second Enter must not log it twice
        try:
            flare_up = flare_up_from_form(
                self.texts(),
                day=self.day,
                now=clock(self).now(),
                triggers=self.query_one("#flare-triggers", TagPicker).picked,
                helped=self.query_one("#flare-helped", TagPicker).picked,
                taken=self.taken,
                editing=self.editing,
            )
        except ValidationError as error:
            self._show_problems(error.problems)
            return
        self._show_problems([])
        replaces = self.editing.at if self.editing else None
        self._saves.start(self, SaveFlareUp(flare_up, replaces), flare_up)

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        by_field: dict[str, Problem] = {}
        for problem in problems:
            by_field.setdefault(problem.field, problem)
        for name, message in self._messages.items():
            found = by_field.get(name)
            message.update(problem_words(found, name) if found else "")
            message.display = found is not None
        if by_field:
            self.say_problem("Not saved yet: see the ⚠ above (all you typed is kept).")
            first = next(name for name, _label in FIELD_LABELS if name in by_field)
            self.query_one(f".flare-row-{first}").children[1].focus()
        else:
            self.say_problem("")

    @on(DiarySaved)
    def _saved(self, message: DiarySaved) -> None:
        flare_up = self._saves.reported(message)
        if flare_up is not None:
            self.dismiss(flare_up)

    @on(DiaryNotSaved)
    def _not_saved(self, message: DiaryNotSaved) -> None:
        if self._saves.reported(message) is not None:
            # Imported here: the entry imports the day's flare-ups, which open this dialog.
            from sciatica_tui.screens.today.entry import not_saved_line

            self.say_problem(not_saved_line(message.error).removeprefix("⚠ "))


def problem_words(problem: Problem, name: str) -> str:
    """ "⚠ '25:00' is not a time of day. Type the time …" for the line under a field."""
    label = dict(FIELD_LABELS).get(name, name)
    message = problem.message
    if message == "is missing":
        return f"⚠ {label} is not set yet."
    if message.startswith("is ") or message.startswith("holds "):
        message = f"{label} {message}"
    return f"⚠ {message}. {problem.hint}".strip()
