"""The emergency alert: a full screen that says what to do and cannot be closed by accident.

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

from sciatica_tui.domain import content
from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.domain.red_flags import verdict_badge, yes_questions
from sciatica_tui.screens.dialogs.guarded import GuardedScreen

HOW_TO_CLOSE = "Read it all (↑ ↓ scroll), then press Tab to reach “I understand” and Enter."


def marks(verdict: Verdict) -> str:
    """ "!!" before an emergency sign, "! " before an urgent one."""
    return "!!" if verdict is Verdict.EMERGENCY else "! "


class EmergencyScreen(GuardedScreen):
    """Fills the terminal after an emergency verdict, until "I understand" is chosen."""

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

    def __init__(self, check: RedFlagCheck, *, saved: bool) -> None:
        """``check`` is the finished check; ``saved`` says whether it reached the diary."""
        super().__init__()
        self.check = check
        self.saved = saved

    def compose(self) -> ComposeResult:
        """A banner, the advice (scrolls on small terminals) and the "I understand" button."""
        flags = content.red_flags()
        words = flags.verdict_text(Verdict.EMERGENCY)
        with Vertical(id="emergency-frame"):
            with Vertical(id="emergency-banner"):
                yield Static(
                    Content(f"{verdict_badge(Verdict.EMERGENCY)}: {words.title} !!"),
                    id="emergency-title",
                )
            with VerticalScroll(id="emergency-body"):
                yield Static("What to do now", classes="emergency-heading")
                steps = [f"{n}. {line}" for n, line in enumerate(words.what_to_do, start=1)]
                yield Static(Content("\n".join(steps)), id="emergency-steps")
                said_yes = yes_questions(self.check.answers)
                yield Static("You answered yes to", classes="emergency-heading")
                yield Static(
                    Content("\n".join(f"{marks(q.verdict)} {q.text}" for q in said_yes)),
                    id="emergency-yes",
                )
                yield Static("Why it cannot wait", classes="emergency-heading")
                yield Static(Content(flags.cauda_equina), id="emergency-why")
                yield Static(Content(flags.golden_rule), classes="emergency-rule")
                yield Static(Content(content.app_text().disclaimer), classes="disclaimer")
            with Vertical(id="emergency-actions"):
                saved = (
                    "Your check is saved."
                    if self.saved
                    else "⚠ Your check could not be saved, but this advice stands."
                )
                yield Static(Content(f"{saved} {HOW_TO_CLOSE}"), id="emergency-hint")
                yield Button("I understand", id="understand", compact=True)

    def on_mount(self) -> None:
        """Nothing may cover the advice: pop-up notes from before are cleared (the alert
        itself says whether the check was saved)."""
        self.app.clear_notifications()

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

        saved = "Your check is saved." if self.saved else "Your check could not be saved."
        self.app.push_screen(
            ChoiceDialog(
                "Quit?",
                f"{saved} If you have these symptoms, go to the emergency department now.",
                [("stay", "Stay"), ("quit", "Quit")],
                escape="stay",
                danger="quit",
                over_alert=True,
            ),
            answered,
        )
