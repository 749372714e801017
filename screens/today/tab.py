"""The Today tab: log a day in under a minute, and see the recovery status at a glance.

The tab owns which day is open, saving it (off the UI thread), "same as yesterday", moving
between days, and opening the red-flag check when what was logged calls for it. The fields
live in ``today_form``; the strip and the 14-day list in ``today_status``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Input,
    Label,
    Static,
    TextArea,
)

from sciatica_tui.domain import content
from sciatica_tui.domain.body_map import reach_sentence
from sciatica_tui.domain.dates import parse_user_date
from sciatica_tui.domain.records import DailyLog, Reach, Side
from sciatica_tui.domain.red_flag_prompt import RedFlagPrompt, red_flag_prompt, warning_sign_prompt
from sciatica_tui.domain.today_status import today_status
from sciatica_tui.domain.validation.forms import daily_log_from_form
from sciatica_tui.domain.validation.problems import Problem, ValidationError
from sciatica_tui.domain.words import day_words, plural
from sciatica_tui.screens.dialogs.learn_more import learn_more_binding, topic_pointer
from sciatica_tui.screens.dialogs.quit_question import QuitQuestion
from sciatica_tui.screens.host import SavesUnderWay, clock, diary, today
from sciatica_tui.screens.messages import DiaryNotSaved, DiarySaved, RedFlagCheckRequested
from sciatica_tui.screens.tabs import DiaryTab
from sciatica_tui.screens.today.form import DailyLogForm
from sciatica_tui.screens.today.status import RECENT_DAYS, RecentDays, StatusStrip
from sciatica_tui.screens.widgets.body_map import BodyMap
from sciatica_tui.screens.widgets.choice_selector import ChoiceSelector
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.screens.widgets.rating_scale import RatingScale
from sciatica_tui.store.changes import SaveDailyLog

# The tab's own width (the terminal's less the two columns of the tab's padding):
WIDE_FROM = 110  # from here the 14-day list sits beside the drawing
NARROW_BELOW = 78  # below this (a terminal under 80) the drawing goes under the form


@dataclass(frozen=True)
class SavingDay:
    """A save of the day under way: the log, the check it may open, and the form as it was
    when saved (edits made meanwhile still show as unsaved)."""

    log: DailyLog
    prompt: RedFlagPrompt
    form_texts: dict[str, str]


class TodayTab(Vertical, DiaryTab):
    """The daily log of one day (today unless another is opened), with the status strip."""

    TOPIC_ID, WITH_STAGE = "today", True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="today.save",
            tooltip="Save the day shown (works while typing).",
            # Not a priority binding: ctrl+s then queues behind the keys typed before it,
            # so a digit pressed just before it is always in what is saved.
        ),
        Binding(
            "ctrl+y",
            "same_as_yesterday",
            "Same as yesterday",
            id="today.same_as_yesterday",
            tooltip="Fill the form from the last logged day (not saved until ctrl+s).",
            priority=True,
        ),
        Binding(
            "ctrl+g",
            "go_to_day",
            "Go to a day",
            id="today.go_to_day",
            tooltip="Type a date to open: yesterday, 2026-11-03, Nov 3 …",
            priority=True,
            show=False,
        ),
        Binding(
            "ctrl+o",
            "app.edit_dates",
            "Onset date",
            id="today.edit_dates",
            tooltip="Set or change the onset and surgery dates.",
            priority=True,
            show=False,
        ),
        learn_more_binding("today", "Signs of getting better, and when to get checked."),
    ]

    # Keys handled without a binding, for the help screen.
    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("ENTER", "Open the day under the cursor in the last 14 days, or the date typed"),
    )

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        """The tab opens on today; the day is set on mount, when the clock is known."""
        super().__init__(id=id)
        self.day: date = date.min
        # What the form held when the day was opened or last saved: it has unsaved edits
        # exactly when it holds something else.
        self._saved_texts: dict[str, str] = {}
        self._leave_unsaved_for: date | None = None
        self._saving_texts: dict[str, str] | None = None
        self._prompt_since: datetime | None = None
        self._saves: SavesUnderWay[SavingDay] = SavesUnderWay()

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Strip, prompt, then the form beside the drawing and the last 14 days."""
        # Decide the layout before the first frame: changing it on the first resize cost a
        # second full layout at start-up.
        self._fit_layout(self.app.size.width - 2)
        yield StatusStrip(id="today-status")
        yield Static("", id="red-flag-prompt")
        with VerticalScroll(id="today-scroll"), Container(id="today-main"):
            with Vertical(id="today-entry"):
                with Horizontal(id="day-row"):
                    yield Label("Day", classes="field-label")
                    yield Input(compact=True, id="day-input", placeholder="e.g. yesterday")
                    yield Static("", id="day-state")
                yield Static("", id="day-error", classes="field-error")
                yield DailyLogForm(id="log-form")
                with Horizontal(id="today-buttons"):
                    yield Button("Save  ctrl+s", variant="primary", compact=True, id="save")
                    yield Button("Same as yesterday  ctrl+y", compact=True, id="same")
            with Vertical(id="today-drawing"):
                yield Label("Where the pain reaches", classes="section-title")
                yield BodyMap(id="body-map")
                yield Static("", id="reach-words")
                yield Static(content.app_text().centralisation, id="centralisation")
                yield Static(topic_pointer("today"), id="today-learn")
            with Vertical(id="today-recent"):
                yield Label(f"Last {RECENT_DAYS} days (Enter opens one)", classes="section-title")
                yield RecentDays(id="recent-days")

    @property
    def form(self) -> DailyLogForm:
        """The fields."""
        return self.query_one(DailyLogForm)

    def on_mount(self) -> None:
        """Open today, fill the strip, and put the cursor on leg pain."""
        self.query_one("#red-flag-prompt").display = False
        self._load_day(today(self))
        self.refresh_from_diary()
        self.app.screen_change_signal.subscribe(self, self._screen_changed)
        # Focus now, before the form is first drawn: a digit typed as soon as the form shows
        # must land on leg pain. (Waiting for a refresh lost it, and could pull the person
        # back from a tab a key had already opened.)
        self.focus_first()

    def on_resize(self, event: events.Resize) -> None:
        """Put the 14-day list beside the drawing when there is room, else below."""
        self._fit_layout(event.size.width)

    def _fit_layout(self, width: int) -> None:
        """Three columns when wide; form and drawing side by side; on a narrow terminal
        one column (the form's rows and its warning signs would be cut beside the drawing)."""
        self.set_class(width >= WIDE_FROM, "-wide")
        self.set_class(width < NARROW_BELOW, "-narrow")

    def focus_first(self) -> None:
        """The cursor on leg pain (the app calls this when the tab is opened by key)."""
        self.form.focus_field("leg_pain")

    def _screen_changed(self, screen: Screen[Any]) -> None:
        """Back from a dialog (the dates may have changed): show fresh figures."""
        if screen is self.screen:
            self.refresh_from_diary()

    # --- what the diary says ----------------------------------------------------------------

    def refresh_from_diary(self) -> None:
        """Fresh status strip and 14-day list (other tabs save checks, breathing, exercises)."""
        store = diary(self)
        now = clock(self).now()
        day = now.date()
        status = today_status(
            profile=store.profile(),
            today=day,
            logged_today=store.daily_log(day) is not None,
            exercises_done=len(store.rehab_day(day).done),
            breathing_sessions=store.breathing_sessions(),
            red_flag_checks=store.red_flag_checks(),
        )
        self.query_one(StatusStrip).show(status)
        logs = {log.date: log for log in store.daily_logs(day - timedelta(days=RECENT_DAYS), day)}
        self.query_one(RecentDays).show(logs, day, self.day)
        if self._prompt_since is not None and any(
            check.at >= self._prompt_since for check in store.red_flag_checks()
        ):
            self._prompt_since = None
            self.query_one("#red-flag-prompt").display = False
        self._show_day_state()

    @property
    def _dirty(self) -> bool:
        """True when the form holds edits that are not saved."""
        return self.form.texts() != self._saved_texts

    def _show_day_state(self) -> None:
        saved = diary(self).daily_log(self.day) is not None
        if self._dirty:
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

    def _show_drawing(self) -> None:
        texts = self.form.texts()
        drawing = self.query_one(BodyMap)
        drawing.reach = Reach(texts["pain_reach"]) if texts["pain_reach"] else None
        drawing.side = Side(texts["pain_side"]) if texts["pain_side"] else None
        self.query_one("#reach-words", Static).update(reach_sentence(drawing.reach))

    # --- moving between days -------------------------------------------------------------

    def _load_day(self, day: date) -> None:
        """Show ``day``'s saved log (or an empty form) and forget unsaved edits."""
        self.day = day
        self._leave_unsaved_for = None
        day_input = self.query_one("#day-input", Input)
        with day_input.prevent(Input.Changed):
            day_input.value = day.isoformat()
        self._show_date_problem("")
        self.form.fill(diary(self).daily_log(day))
        self._saved_texts = self.form.texts()
        self._show_drawing()
        self._show_day_state()

    def open_day(self, day: date) -> bool:
        """Open another day. Unsaved edits are kept unless the person asks twice."""
        if day == self.day:
            return True
        if self._dirty and self._leave_unsaved_for != day:
            self._leave_unsaved_for = day
            self.notify(
                f"{day_words(self.day, today(self))} has changes that are not saved. "
                "Press ctrl+s to save them, or open the other day again to leave them.",
                title="Not saved yet",
                severity="warning",
                timeout=8,
            )
            return False
        self._load_day(day)
        self.refresh_from_diary()
        return True

    def quit_question(self) -> QuitQuestion | None:
        """With unsaved edits, what to ask before the app quits (staying is suggested)."""
        if not self._dirty or self.form.texts() == self._saving_texts:
            return None  # nothing unsaved, or ctrl+s then ctrl+q: the save under way finishes
        return QuitQuestion(
            "Quit without saving?",
            f"{day_words(self.day, today(self))} has changes that are not "
            "saved.\n\nStay and press ctrl+s to keep them, or quit and lose them.",
            stay="Stay",
            quit="Quit without saving",
            on_stay=self.focus_first,
        )

    def action_go_to_day(self) -> None:
        """Put the cursor in the date field (at once: the date is typed straight after)."""
        focus_now(self.query_one("#day-input", Input))

    @on(Input.Submitted, "#day-input")
    def _date_typed(self, event: Input.Submitted) -> None:
        """Open the day typed ("yesterday", "2026-11-03", "Nov 3"); refuse the future."""
        event.stop()
        try:
            day = parse_user_date(event.value, today=today(self))
        except ValueError as problem:
            self._show_date_problem(f"⚠ {problem}")
            return
        if self.open_day(day):
            self.focus_first()

    @on(Input.Blurred, "#day-input")
    def _date_left(self, event: Input.Blurred) -> None:
        """Leaving the date box without opening what was typed: it shows the open day again,
        so it never names a day other than the one the form holds (and ctrl+s saves)."""
        if event.value != self.day.isoformat():
            day_input = self.query_one("#day-input", Input)
            with day_input.prevent(Input.Changed):
                day_input.value = self.day.isoformat()
            self._show_date_problem("")

    def _show_date_problem(self, message: str) -> None:
        error = self.query_one("#day-error", Static)
        error.update(message)
        error.display = bool(message)

    @on(DataTable.RowSelected, "#recent-days")
    def _recent_day_chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None and self.open_day(
            date.fromisoformat(event.row_key.value)
        ):
            self.focus_first()

    # --- editing -----------------------------------------------------------------------

    @on(RatingScale.Changed)
    @on(ChoiceSelector.Changed)
    @on(Input.Changed)
    @on(TextArea.Changed)
    def _edited(self, event: Any) -> None:
        """Any change: the day now has unsaved edits; the drawing follows reach and side."""
        if isinstance(event, Input.Changed) and event.input.id == "day-input":
            return
        self._leave_unsaved_for = None
        if isinstance(event, ChoiceSelector.Changed):
            self._show_drawing()
        self._show_day_state()

    @on(Checkbox.Changed)
    def _warning_sign_ticked(self, event: Checkbox.Changed) -> None:
        """A ticked warning sign opens the red-flag check at once, with it marked yes.

        The boxes are not part of the log, so nothing waits for a save; the day's fields stay
        as typed, to be saved on return.
        """
        if not event.value:
            return
        prompt = warning_sign_prompt(self.form.warning_signs())
        unsaved = " Your day is not saved yet: F1 brings you back to it." if self._dirty else ""
        self._ask_for_red_flag_check(prompt, unsaved)

    @on(Button.Pressed, "#same")
    def action_same_as_yesterday(self) -> None:
        """Fill the form from the last logged day before this one; nothing is saved yet."""
        earlier = diary(self).latest_log_before(self.day)
        if earlier is None:
            self.notify("There is no earlier day in the diary yet.", title="Same as yesterday")
            return
        self.form.fill(earlier, with_notes=False)
        self._show_drawing()
        self._show_day_state()
        self.notify(
            f"Filled in from {day_words(earlier.date, today(self))} (notes left out). "
            "Change what is different, then press ctrl+s to save.",
            title="Same as yesterday",
        )

    # --- saving ----------------------------------------------------------------------------

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Check the form and save it; show each problem next to its field, keep all values."""
        form_texts = self.form.texts()
        texts = {"date": self.day.isoformat(), **form_texts}
        try:
            log = daily_log_from_form(texts, today=today(self))
        except ValidationError as error:
            self._refuse(error.problems)
            return
        self.form.show_problems([])
        self._show_date_problem("")
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

    def _refuse(self, problems: list[Problem]) -> None:
        self.form.show_problems(problems)
        date_problem = next((p for p in problems if p.field == "date"), None)
        self._show_date_problem(
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
        log, prompt = saving.log, saving.prompt
        # Edits made while the save was under way still show as unsaved.
        if log.date == self.day:
            self._saved_texts = saving.form_texts
        self.notify(f"Saved {day_words(log.date, today(self))}.", title="Saved")
        self.refresh_from_diary()
        if prompt:
            self._ask_for_red_flag_check(prompt)

    @on(DiaryNotSaved)
    def _not_saved(self, message: DiaryNotSaved) -> None:
        if self._saves.reported(message) is None:
            return
        error = message.error
        self._saving_texts = None
        self._show_date_problem(f"⚠ Not saved: {error} Everything you typed is still here.")
        self.notify(str(error), title="Not saved", severity="error", timeout=15)

    def _ask_for_red_flag_check(self, prompt: RedFlagPrompt, also: str = "") -> None:
        """Say why, keep a prompt on screen until a check is saved, and open the check."""
        reasons = " ".join(prompt.reasons)
        self._prompt_since = clock(self).now()
        banner = self.query_one("#red-flag-prompt", Static)
        banner.update(f"⚠ Run the red-flag check now (ctrl+r). {reasons}")
        banner.display = True
        self.notify(
            f"{reasons} Please run the red-flag check now: it is open, or press ctrl+r.{also}",
            title="Red-flag check",
            severity="warning",
            timeout=20,
        )
        self.form.clear_warning_signs()
        self.post_message(RedFlagCheckRequested(prompt.prefill))
