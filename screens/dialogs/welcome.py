"""The first-run note, the onset / surgery date question (also reachable later) and, on the
first run, the emergency number."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from sciatica_tui.domain import content
from sciatica_tui.domain.dates import parse_user_date
from sciatica_tui.domain.records import Profile
from sciatica_tui.screens.dialogs.dismiss_once import DismissOnce
from sciatica_tui.screens.host import diary, save, today
from sciatica_tui.screens.messages import DiarySaved
from sciatica_tui.screens.widgets.emergency_number import EmergencyNumberField, with_numbers
from sciatica_tui.store.changes import SaveProfile

DATE_EXAMPLE = "e.g. 2026-09-14, Sep 14 or 6 weeks ago"


def _date_field(label: str, day: date | None, field_id: str) -> ComposeResult:
    """An optional date: its question, the field, and the line its problem is shown on."""
    yield Label(label)
    yield Input(
        value=day.isoformat() if day else "", placeholder=DATE_EXAMPLE, compact=True, id=field_id
    )
    yield Static("", id=f"{field_id}-error", classes="field-error")


class WelcomeScreen(DismissOnce[Profile | None]):
    """Ask (optionally) for the onset and surgery dates; on first run, show the note."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # One key, named for what it does: skipping the first-run question, or cancelling
        # a change of the dates (ctrl+o); ``check_action`` keeps the one that applies.
        Binding("escape", "skip", "Skip", tooltip="Skip the dates for now."),
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing the dates."),
    ]

    def __init__(self, *, first_run: bool) -> None:
        """``first_run`` adds the note about what the app is and is not."""
        super().__init__()
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        """The note, two optional date fields, and Save / Skip."""
        text = content.app_text()
        profile = diary(self).profile()
        with VerticalScroll(id="welcome-box"):
            if self.first_run:
                yield Static(text.welcome_title, classes="title")
                yield Static(text.welcome.strip(), id="welcome-note")
            else:
                yield Static("Your timeline", classes="title")
            yield from _date_field(
                "When did this episode of sciatica start? (optional)", profile.onset_date, "onset"
            )
            yield from _date_field(
                "Surgery date, only if you had back surgery (optional)",
                profile.surgery_date,
                "surgery",
            )
            if self.first_run:
                yield Label("Emergency number where you live (optional; ← → or a digit picks)")
                yield EmergencyNumberField(profile.settings, with_hint=False, id="number-field")
            with Horizontal(id="welcome-buttons"):
                yield Button("Save", variant="primary", compact=True, id="save")
                yield Button(
                    "Skip for now" if self.first_run else "Cancel", compact=True, id="skip"
                )

    def on_mount(self) -> None:
        """Put the cursor on the first date."""
        self.query_one("#onset", Input).focus()

    def _read_date(self, field: str) -> tuple[date | None, bool]:
        """The date typed in ``field`` (None when empty) and whether it was accepted."""
        text = self.query_one(f"#{field}", Input).value
        error = self.query_one(f"#{field}-error", Static)
        parsed, problem = None, ""
        if text.strip():
            try:
                parsed = parse_user_date(text, today=today(self))
            except ValueError as bad_date:
                problem = f"⚠ {bad_date}"
        error.update(problem)
        error.display = bool(problem)
        return parsed, not problem

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        """Check both dates; save them, or show what is wrong and keep what was typed."""
        onset, onset_ok = self._read_date("onset")
        surgery, surgery_ok = self._read_date("surgery")
        if not (onset_ok and surgery_ok):
            return
        store = diary(self)
        settings = store.profile().settings
        if self.first_run:
            numbers = self.query_one(EmergencyNumberField).read()
            if numbers is None:
                return  # the field says what is wrong with the number typed
            settings = with_numbers(settings, numbers)
        profile = replace(
            store.profile(),
            onset_date=onset,
            surgery_date=surgery,
            welcomed=True,
            settings=settings,
        )
        self._save(profile)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape is "Skip" on a first run, "Cancel" when the dates are being changed."""
        if action == "skip":
            return self.first_run
        if action == "cancel":
            return not self.first_run
        return True

    def action_cancel(self) -> None:
        """Close without changing the dates."""
        self.dismiss(None)

    @on(Button.Pressed, "#skip")
    def action_skip(self) -> None:
        """Close; a first run is still marked as seen so the note does not come back."""
        store = diary(self)
        if self.first_run and not store.profile().welcomed:
            self._save(replace(store.profile(), welcomed=True))
        else:
            self.dismiss(None)

    def _save(self, profile: Profile) -> None:
        save(self, SaveProfile(profile))

    @on(DiarySaved)
    def _saved(self, message: DiarySaved) -> None:
        """Close once the dates are on disk (a failed save leaves the dialog open)."""
        if isinstance(message.change, SaveProfile):
            message.stop()
            self.dismiss(message.change.profile)
