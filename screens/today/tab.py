"""The Today tab: log a day in under a minute, and see the recovery status at a glance.

The tab owns the layout, which day is open, and opening the red-flag check when what was
logged calls for it. The open day (its date, fields, and saving them off the UI thread) is
``entry``, with its fields in ``form``; the keys are in ``keys``; the strip and the 14-day
list are in ``status``; the body map in ``drawing``.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, DataTable, Input, Label

from sciatica_tui.domain.flare_entry import flare_counts
from sciatica_tui.domain.red_flag_prompt import RedFlagPrompt, warning_sign_prompt
from sciatica_tui.domain.words import day_words, weekday_day
from sciatica_tui.screens.dialogs.quit_question import QuitQuestion
from sciatica_tui.screens.host import diary, today
from sciatica_tui.screens.messages import RedFlagCheckRequested
from sciatica_tui.screens.tabs import DiaryTab
from sciatica_tui.screens.today.check_in_offer import CheckInOffer
from sciatica_tui.screens.today.check_prompt import CheckPrompt
from sciatica_tui.screens.today.day_bar import DayBar
from sciatica_tui.screens.today.day_questions import leave_unsaved_question, overwrite_question
from sciatica_tui.screens.today.day_tags import DayTags
from sciatica_tui.screens.today.drawing import PainDrawing
from sciatica_tui.screens.today.entry import DayEntry
from sciatica_tui.screens.today.flare_list import FlareUpList
from sciatica_tui.screens.today.form import DailyLogForm
from sciatica_tui.screens.today.keys import TODAY_HELP_KEYS, TODAY_KEYS
from sciatica_tui.screens.today.medicine_doses import MedicineDoses
from sciatica_tui.screens.today.status import (
    RECENT_DAYS,
    LastDays,
    RecentDays,
    StatusStrip,
    status_today,
)
from sciatica_tui.screens.widgets.choice_selector import ChoiceSelector
from sciatica_tui.screens.widgets.focus import focus_now

# The tab's own width (the terminal's less the two columns of the tab's padding):
WIDE_FROM = 110  # from here the 14-day list sits beside the drawing
NARROW_BELOW = 78  # below this (a terminal under 80) the drawing goes under the form


class TodayTab(Vertical, DiaryTab):
    """The daily log of one day (today unless another is opened), with the status strip."""

    TOPIC_ID, WITH_STAGE = "today", True
    _open_after_save: date | None = None  # a day to open once the save under way is done

    BINDINGS: ClassVar[list[BindingType]] = TODAY_KEYS
    HELP_KEYS: ClassVar[tuple[tuple[str, str], ...]] = TODAY_HELP_KEYS

    # --- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Strip, prompt, then the form beside the drawing and the last 14 days."""
        # Decide the layout before the first frame: changing it on the first resize cost a
        # second full layout at start-up.
        self._fit_layout(self.app.size.width - 2)
        yield StatusStrip(id="today-status")
        yield DayBar(id="open-day-bar")
        yield CheckInOffer(id="check-in-offer")
        yield CheckPrompt(id="red-flag-prompt")
        with VerticalScroll(id="today-scroll"), Container(id="today-main"):
            yield DayEntry(id="today-entry")
            yield PainDrawing(id="today-drawing")
            with Vertical(id="today-recent"):
                yield Label(f"Last {RECENT_DAYS} days (Enter opens one)", classes="section-title")
                yield RecentDays(id="recent-days")

    @property
    def entry(self) -> DayEntry:
        """The open day: its date, fields and buttons."""
        return self.query_one(DayEntry)

    @property
    def form(self) -> DailyLogForm:
        """The fields of the open day."""
        return self.entry.form

    @property
    def day(self) -> date:
        """The day open in the form."""
        return self.entry.day

    def on_mount(self) -> None:
        """Open today, fill the strip, and put the cursor on leg pain."""
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
        day = today(self)
        self.query_one(StatusStrip).show(status_today(store, day))
        self.query_one(RecentDays).show(self._recent_days(), self.day)
        self.query_one(FlareUpList).show(self.day)
        self.query_one(CheckPrompt).clear_if_checked(store.red_flag_checks())
        self.query_one(CheckInOffer).refresh_from_diary()
        self.form.show_medicines()
        self.entry.show_state()

    def _recent_days(self) -> LastDays:
        """The last 14 days, as the list under the form and its popup show them."""
        store, day = diary(self), today(self)
        since = day - timedelta(days=RECENT_DAYS)
        logs = {log.date: log for log in store.daily_logs(since, day)}
        return LastDays(logs, day, flare_counts(store.flare_ups(since, day)))

    def _show_drawing(self) -> None:
        self.query_one(PainDrawing).show(self.form.texts())

    # --- moving between days -------------------------------------------------------------

    def _load_day(self, day: date) -> None:
        """Show ``day``'s saved log (or an empty form) and forget unsaved edits."""
        self.entry.load(day)
        self._show_drawing()

    def open_day(self, day: date) -> bool:
        """Open another day (False: not yet). With unsaved edits, ask first: save them and
        go, stay, or go without them; nothing typed is dropped unasked."""
        if day == self.day:
            return True
        if self.entry.dirty:
            now = today(self)
            question = leave_unsaved_question(day_words(self.day, now), weekday_day(day, now))
            self.app.push_screen(question, partial(self._leave_answered, day))
            return False
        self._load_day(day)
        self.refresh_from_diary()
        return True

    def _leave_answered(self, day: date, answer: str | None) -> None:
        if answer == "save":
            # The day opens once the save is on disk; refused, the problems show instead.
            self._open_after_save = day if self.entry.save() else None
            return
        if answer == "leave":
            self._load_day(day)
            self.refresh_from_diary()
        self.focus_first()

    def action_earlier_day(self) -> None:
        """Open the day before the one shown."""
        if self.open_day(self.day - timedelta(days=1)):
            self.focus_first()

    def action_later_day(self) -> None:
        """Open the day after the one shown; there is none after today."""
        if self.day >= today(self):
            self.app.bell()
        elif self.open_day(self.day + timedelta(days=1)):
            self.focus_first()

    def action_recent_days(self) -> None:
        """Pick one of the last 14 days from a list that pops up (at every size)."""
        # Read when first opened: not on the first screen's path.
        from sciatica_tui.screens.today.recent_days_dialog import RecentDaysDialog

        dialog = RecentDaysDialog(self._recent_days(), self.day)
        self.app.push_screen(dialog, self._recent_day_picked)

    def _recent_day_picked(self, day: date | None) -> None:
        if day is not None and self.open_day(day):
            self.focus_first()

    def quit_question(self) -> QuitQuestion | None:
        """With unsaved edits, what to ask before the app quits (staying is suggested)."""
        return self.entry.quit_question(on_stay=self.focus_first)

    def action_check_in(self) -> None:
        """Open the weekly check-in (due or not: it may be done or changed any day)."""
        self.query_one(CheckInOffer).open_check_in()

    def action_add_medicine(self) -> None:
        """Add a medicine to the person's list (it then shows in the form's medicines)."""
        self.form.medicine_doses.add_medicine()

    @on(MedicineDoses.ListChanged)
    def _medicine_added(self) -> None:
        self.form.show_medicines()
        focus_now(self.form.medicine_doses)

    @on(Button.Pressed, "#flare-up")
    def action_flare_up(self) -> None:
        """Open the quick flare-up entry for the open day (from anywhere on Today)."""
        self.query_one(FlareUpList).open_new()

    def action_day_tags(self) -> None:
        """Put the cursor on what set the pain off today (Tab goes on to what helped)."""
        self.form.query_one(DayTags).focus_first()

    @on(FlareUpList.Changed)
    def _flare_ups_changed(self) -> None:
        self.refresh_from_diary()
        self.form.query_one(DayTags).refresh_tags()  # a tag added there is offered here

    def action_go_to_day(self) -> None:
        """Put the cursor in the date field (at once: the date is typed straight after),
        scrolled into view: on a small terminal it may have gone up with the form."""
        self.query_one("#today-scroll", VerticalScroll).scroll_home(animate=False)
        self.entry.focus_date()

    @on(Input.Submitted, "#day-input")
    def _date_typed(self, event: Input.Submitted) -> None:
        """Open the day typed ("yesterday", "2026-11-03", "Nov 3"); refuse the future."""
        event.stop()
        day = self.entry.read_date(event.value)
        if day is not None and self.open_day(day):
            self.focus_first()

    @on(DataTable.RowSelected, "#recent-days")
    def _recent_day_chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None and self.open_day(
            date.fromisoformat(event.row_key.value)
        ):
            self.focus_first()

    # --- editing, saving, and the red-flag check ------------------------------------------

    @on(ChoiceSelector.Changed)
    def _choice_changed(self) -> None:
        """The drawing follows reach and side."""
        self._show_drawing()

    @on(Button.Pressed, "#same")
    def action_same_as_yesterday(self) -> None:
        """Fill the form from the last logged day before this one; nothing is saved yet.
        Over a saved day, or changes typed, ask first."""
        store = diary(self)
        earlier = store.latest_log_before(self.day)
        saved = store.daily_log(self.day) is not None
        if earlier is None or not (saved or self.entry.dirty):
            self._fill_from_earlier("fill")
            return
        now = today(self)
        question = overwrite_question(
            day_words(self.day, now), day_words(earlier.date, now), saved=saved
        )
        self.app.push_screen(question, self._fill_from_earlier)

    def _fill_from_earlier(self, answer: str | None) -> None:
        if answer == "fill" and self.entry.fill_from_earlier():
            self._show_drawing()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Check the form and save it; show each problem next to its field, keep all values."""
        self.entry.save()

    @on(DayEntry.Saved)
    def _saved(self, message: DayEntry.Saved) -> None:
        self.refresh_from_diary()
        if message.prompt:
            self._ask_for_red_flag_check(message.prompt)
        going_to, self._open_after_save = self._open_after_save, None
        if going_to is not None and message.log.date == self.day and self.open_day(going_to):
            self.focus_first()

    @on(DayEntry.Shown)
    def _day_shown(self, message: DayEntry.Shown) -> None:
        """The line under the strip says the open day, whatever the form has scrolled to."""
        self.query_one(DayBar).show(message.day, message.state, today(self))

    @on(Checkbox.Changed)
    def _warning_sign_ticked(self, event: Checkbox.Changed) -> None:
        """A ticked warning sign opens the red-flag check at once, with it marked yes.

        The boxes are not part of the log, so nothing waits for a save; the day's fields stay
        as typed, to be saved on return.
        """
        if not event.value:
            return
        prompt = warning_sign_prompt(self.form.warning_signs())
        unsaved = (
            " Your day is not saved yet: F1 brings you back to it." if self.entry.dirty else ""
        )
        self._ask_for_red_flag_check(prompt, unsaved)

    def _ask_for_red_flag_check(self, prompt: RedFlagPrompt, also: str = "") -> None:
        """Say why, keep a prompt on screen until a check is saved, and open the check."""
        reasons = " ".join(prompt.reasons)
        self.query_one(CheckPrompt).show(reasons)
        self.notify(
            f"{reasons} Please run the red-flag check now: it is open, or press ctrl+r.{also}",
            title="Red-flag check",
            severity="warning",
            timeout=20,
        )
        self.form.clear_warning_signs()
        self.post_message(RedFlagCheckRequested(prompt.prefill))
