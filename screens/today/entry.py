"""The open day on the Today tab: its date, its fields and buttons, whether the fields hold edits
not saved yet, and saving them.

The tab says which day to open and when to save; this keeps what was saved to compare with,
says "● unsaved" or "✓ saved", and tells the tab (``DayEntry.Saved``) once a save is on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, Static, TextArea

from sciatica_tui.domain.dates import parse_user_date
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.red_flag_prompt import RedFlagPrompt, red_flag_prompt
from sciatica_tui.domain.validation.forms import daily_log_from_form
from sciatica_tui.domain.validation.problems import Problem, ValidationError
from sciatica_tui.domain.words import day_words, plural
from sciatica_tui.screens.dialogs.quit_question import QuitQuestion
from sciatica_tui.screens.host import SavesUnderWay, diary, today
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved
from sciatica_tui.screens.today.flare_list import FlareUpList
from sciatica_tui.screens.today.form import DailyLogForm
from sciatica_tui.screens.today.medicine_doses import MedicineDoses
from sciatica_tui.screens.widgets.choice_selector import ChoiceSelector
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.screens.widgets.rating_scale import RatingScale
from sciatica_tui.screens.widgets.tag_picker import TagPicker
from sciatica_tui.store.changes import SaveDailyLog


@dataclass(frozen=True)
class SavingDay:
    """A save of the day under way: the log, the check it may open, and the form as it was
    when saved (edits made meanwhile still show as unsaved)."""

    log: DailyLog
    prompt: RedFlagPrompt
    form_texts: dict[str, str]


class DayEntry(Vertical):
    """The day's date, the daily-log form, and Save / Same as yesterday."""

    @dataclass
    class Saved(Message):
        """``log`` is on disk; ``prompt`` says whether what it holds calls for the check."""

        log: DailyLog
        prompt: RedFlagPrompt

    @dataclass
    class Shown(Message):
        """The open ``day`` and its ``state`` ("✓ saved", "● unsaved"), as newly said."""

        day: date
        state: str

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        """No day open until ``load``."""
        super().__init__(id=id)
        self.day: date = date.min
        # What the form held when the day was opened or last saved: it has unsaved edits
        # exactly when it holds something else.
        self._saved_texts: dict[str, str] = {}
        self._saving_texts: dict[str, str] | None = None
        self._saves: SavesUnderWay[SavingDay] = SavesUnderWay()

    def compose(self) -> ComposeResult:
        """The day row, its message, the form and the two buttons."""
        with Horizontal(id="day-row"):
            yield Label("Day", classes="field-label")
            yield Input(compact=True, id="day-input", placeholder="e.g. yesterday")
            yield Static("", id="day-state")
        yield Static("", id="day-error", classes="field-error")
        yield FlareUpList(id="flare-ups")
        yield DailyLogForm(id="log-form")
        with Horizontal(id="today-buttons"):
            yield Button("Save  ctrl+s", variant="primary", compact=True, id="save")
            yield Button("Same as yesterday  ctrl+y", compact=True, id="same")
        with Horizontal(id="flare-up-row"):  # its own line: three buttons do not fit at 80
            yield Button("Log a flare-up  ctrl+f", compact=True, id="flare-up")

    @property
    def form(self) -> DailyLogForm:
        """The fields."""
        return self.query_one(DailyLogForm)

    @property
    def dirty(self) -> bool:
        """True when the form holds edits that are not saved."""
        return self.form.texts() != self._saved_texts

    def show_state(self) -> None:
        """Say which day is open, and whether it is saved."""
        saved = diary(self).daily_log(self.day) is not None
        if self.dirty:
            state = "● unsaved"
        elif saved:
            state = "✓ saved"
        else:
            state = "not logged"
        words = day_words(self.day, today(self), short=True)
        label = self.query_one("#day-state", Static)
        text = f"{words} · {state}"
        if label.content != text:
            # Its box is one fixed line (today.tcss), so new words need no new layout:
            # the first digit typed shows a frame sooner.
            label.update(text, layout=False)
            self.post_message(self.Shown(self.day, state))

    def show_date_problem(self, message: str) -> None:
        """Say what is wrong under the day (an empty ``message`` clears it)."""
        error = self.query_one("#day-error", Static)
        error.update(message)
        error.display = bool(message)

    # --- which day --------------------------------------------------------------------------

    def load(self, day: date) -> None:
        """Show ``day``'s saved log (or an empty form) and forget unsaved edits."""
        self.day = day
        self._show_date(day)
        self.show_date_problem("")
        self.form.fill(diary(self).daily_log(day))
        self._saved_texts = self.form.texts()
        self.show_state()

    def read_date(self, typed: str) -> date | None:
        """The day ``typed`` ("yesterday", "2026-11-03", "Nov 3"), or None after saying what
        is wrong with it (a day in the future among them)."""
        try:
            return parse_user_date(typed, today=today(self))
        except ValueError as problem:
            self.show_date_problem(f"⚠ {problem}")
            return None

    def focus_date(self) -> None:
        """Put the cursor in the date field (at once: the date is typed straight after)."""
        focus_now(self.query_one("#day-input", Input))

    def _show_date(self, day: date) -> None:
        day_input = self.query_one("#day-input", Input)
        with day_input.prevent(Input.Changed):
            day_input.value = day.isoformat()

    @on(Input.Blurred, "#day-input")
    def _date_left(self, event: Input.Blurred) -> None:
        """Leaving the date box without opening what was typed: it shows the open day again,
        so it never names a day other than the one the form holds (and ctrl+s saves)."""
        if event.value != self.day.isoformat():
            self._show_date(self.day)
            self.show_date_problem("")

    def quit_question(self, *, on_stay: Callable[[], None]) -> QuitQuestion | None:
        """With unsaved edits, what to ask before the app quits (staying is suggested)."""
        if not self.dirty or self.form.texts() == self._saving_texts:
            return None  # nothing unsaved, or ctrl+s then ctrl+q: the save under way finishes
        return QuitQuestion(
            "Quit without saving?",
            f"{day_words(self.day, today(self))} has changes that are not "
            "saved.\n\nStay and press ctrl+s to keep them, or quit and lose them.",
            stay="Stay",
            quit="Quit without saving",
            on_stay=on_stay,
        )

    # --- editing ----------------------------------------------------------------------------

    @on(RatingScale.Changed)
    @on(ChoiceSelector.Changed)
    @on(MedicineDoses.Changed)
    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(TagPicker.Changed)
    def _edited(self, event: Message) -> None:
        """Any change: the day now has unsaved edits."""
        if isinstance(event, Input.Changed) and event.input.id == "day-input":
            return
        self.show_state()

    def fill_from_earlier(self) -> bool:
        """Fill the form from the last logged day before this one; nothing is saved yet.
        False (after a note) when there is none."""
        earlier = diary(self).latest_log_before(self.day)
        if earlier is None:
            self.notify("There is no earlier day in the diary yet.", title="Same as yesterday")
            return False
        self.form.fill(earlier, with_notes=False)
        self.show_state()
        self.notify(
            f"Filled in from {day_words(earlier.date, today(self))} (notes left out). "
            "Change what is different, then press ctrl+s to save.",
            title="Same as yesterday",
        )
        return True

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Check the form and save it; show each problem next to its field, keep all values.
        False when refused (nothing was sent to be saved)."""
        form_texts = self.form.texts()
        texts = {"date": self.day.isoformat(), **form_texts}
        try:
            log = daily_log_from_form(texts, today=today(self), medicines=diary(self).medicines())
        except ValidationError as error:
            self._refuse(error.problems)
            return False
        self.form.show_problems([])
        self.show_date_problem("")
        store = diary(self)
        prompt = red_flag_prompt(
            log,
            store.latest_log_before(log.date),
            saved_before=store.daily_log(log.date),
            today=today(self),
            ticked=self.form.warning_signs(),
        )
        self._saving_texts = form_texts
        self._saves.start(self, SaveDailyLog(log), SavingDay(log, prompt, form_texts))
        return True

    def _refuse(self, problems: list[Problem]) -> None:
        self.form.show_problems(problems)
        date_problem = next((p for p in problems if p.field == "date"), None)
        self.show_date_problem(
            f"⚠ {date_problem.message}. {date_problem.hint}" if date_problem else ""
        )
        count = len(problems)
        self.notify(
            f"Not saved: {plural(count, 'field')} to look at (see the ⚠ messages). "
            "Everything you typed is still there.",
            title="Not saved",
            severity="warning",
        )
        first = problems[0].field
        if first != "date":
            self.form.focus_field(first)

    @on(DiarySaved)
    def _saved(self, message: DiarySaved) -> None:
        saving = self._saves.reported(message)
        if saving is None:
            return
        log = saving.log
        # Edits made while the save was under way still show as unsaved.
        if log.date == self.day:
            self._saved_texts = saving.form_texts
            self.show_state()
        self.notify(f"Saved {day_words(log.date, today(self))}.")
        self.post_message(self.Saved(log, saving.prompt))

    @on(DiaryNotSaved)
    def _not_saved(self, message: DiaryNotSaved) -> None:
        if self._saves.reported(message) is None:
            return
        error = message.error
        self._saving_texts = None
        self.show_date_problem(not_saved_line(error))
        self.notify(str(error), title="Not saved", severity="error", timeout=15)


def not_saved_line(error: Exception) -> str:
    """The line under the day when a save failed. The store's own message may already say
    "Not saved" and that nothing was lost; each is said once."""
    words = str(error).removeprefix("Not saved: ")
    if "still here" not in words and "Nothing was lost" not in words:
        words += " Everything you typed is still here."
    return f"⚠ Not saved: {words}"
