"""The emergency alert: a full screen that says what to do and cannot be closed by accident.

It opens at the first emergency yes of a check, before the check is saved: it says
"Saving your check…" and then whether the save worked. It names the number to call (the
one the person chose, or "your local emergency number" until they choose one) and what to
tell the staff, with the signs answered yes.

Only the "I understand" button closes it (Tab to it, then Enter, or a click). Escape, stray
keys, the tab keys and ctrl+r leave it where it is; ctrl+q asks before quitting.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from sciatica_tui.domain.emergency_number import call_for_help
from sciatica_tui.domain.records import RedFlagCheck, Settings
from sciatica_tui.domain.red_flag_advice import (
    STEPS_HEADING,
    TELL_HEADING,
    WHY_HEADING,
    emergency_alert,
    saved_words,
)
from sciatica_tui.screens.dialogs.guarded import GuardedScreen
from sciatica_tui.screens.host import diary

HOW_TO_CLOSE = "Read it all (↑ ↓ scroll), then press Tab to reach “I understand” and Enter."


class EmergencyScreen(GuardedScreen):
    """Fills the terminal at an emergency yes, until "I understand" is chosen."""

    # Start on the text, not the button, so a stray Enter cannot close the alert.
    AUTO_FOCUS = "#emergency-body"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "explain_close",
            "How to close",
            show=False,
            tooltip="Escape does not close the alert; this says how to.",
        ),
    ]

    def __init__(self, check: RedFlagCheck, *, settings: Settings, saved: bool | None) -> None:
        """``check`` holds the answers so far; ``settings`` the number to call; ``saved``
        whether the check reached the diary (None while the save is under way)."""
        super().__init__()
        self.check = check
        self.settings = settings
        self.saved = saved

    def compose(self) -> ComposeResult:
        """A banner with the number to call, the advice (scrolls on small terminals) and
        the "I understand" button."""
        alert = emergency_alert(self.check, self.settings)
        with Vertical(id="emergency-frame"):
            with Vertical(id="emergency-banner"):
                yield Static(Content(alert.title), id="emergency-title")
                yield Static(Content(alert.call), id="emergency-call")
            with VerticalScroll(id="emergency-body"):
                yield Static(STEPS_HEADING, classes="emergency-heading")
                yield Static(Content(alert.steps), id="emergency-steps")
                yield Static(TELL_HEADING, classes="emergency-heading")
                yield Static(Content(alert.tell_staff), id="emergency-tell")
                yield Static(Content(alert.signs), id="emergency-yes")
                yield Static(WHY_HEADING, classes="emergency-heading")
                yield Static(Content(alert.why), id="emergency-why")
                yield Static(Content(alert.rule), classes="emergency-rule")
                yield Static(Content(alert.disclaimer), classes="disclaimer")
            with Vertical(id="emergency-actions"):
                yield Static(self._hint(), id="emergency-hint")
                yield Button("I understand", id="understand", compact=True)

    def _hint(self) -> Content:
        return Content(f"{saved_words(self.saved)} {HOW_TO_CLOSE}")

    def on_mount(self) -> None:
        """Nothing may cover the advice: pop-up notes from before are cleared (the alert
        itself says whether the check was saved, which may be known by now)."""
        self.app.clear_notifications()
        self.query_one("#emergency-hint", Static).update(self._hint())

    def on_screen_resume(self) -> None:
        """Back from a dialog over the alert (the palette can set the emergency number):
        name the number chosen now."""
        self.settings = diary(self).profile().settings
        self.query_one("#emergency-call", Static).update(Content(call_for_help(self.settings)))

    def show_saved(self, saved: bool) -> None:
        """The save has reported back: say whether the check is in the diary (a save can
        report before the alert is first drawn; it then says so when it is)."""
        self.saved = saved
        if self.is_mounted:
            self.query_one("#emergency-hint", Static).update(self._hint())

    @on(Button.Pressed, "#understand")
    def understood(self) -> None:
        """The one way to close the alert."""
        self.dismiss(None)

    def action_explain_close(self) -> None:
        """Say how to close the alert instead of closing it (one note, not a pile)."""
        hint = self.query_one("#emergency-hint")
        if not hint.has_class("-flash"):
            hint.add_class("-flash")
            self.notify(HOW_TO_CLOSE, title="The alert stays open", timeout=6)

    def confirm_quit(self) -> None:
        """ctrl+q asks first, with a reminder of what to do; Stay is the suggested answer."""
        # Read when first asked, so the alert itself appears without waiting for it.
        from sciatica_tui.screens.dialogs.choice import ChoiceDialog

        if isinstance(self.app.screen, ChoiceDialog):
            return

        def answered(choice: str | None) -> None:
            if choice == "quit":
                self.app.exit(0)

        saved = {None: "Your check is being saved.", True: saved_words(True)}.get(
            self.saved, "Your check could not be saved."
        )
        self.app.push_screen(
            ChoiceDialog(
                "Quit?",
                f"{saved} If you have these symptoms, go to the emergency department now. "
                f"{call_for_help(self.settings)}",
                [("stay", "Stay"), ("quit", "Quit")],
                escape="stay",
                danger="quit",
                over_alert=True,
            ),
            answered,
        )
