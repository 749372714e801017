"""ctrl+q: every tab holding unsaved work asks its question in turn, then the app quits."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message
from textual.screen import Screen

from sciatica_tui.screens.dialogs.guarded import GuardedScreen
from sciatica_tui.screens.dialogs.quit_question import QuitQuestion
from sciatica_tui.screens.tabs import TABS

if TYPE_CHECKING:
    from sciatica_tui.app import SciaticaApp


class QuitAsked(Message):
    """ctrl+q, arriving after the keys typed before it."""


class QuitQuestions:
    """Asks each tab's quit question in turn (none of that work goes without a word); when
    none is left to ask, quits."""

    def __init__(self, app: SciaticaApp) -> None:
        """Questions asked over ``app``."""
        self.app = app
        self._open_question: Screen[Any] | None = None
        # The tabs whose question was answered "quit" during this ctrl+q.
        self._told_to_quit: set[str] = set()

    def asked(self) -> None:
        """ctrl+q: the questions start once the keys typed before it are handled."""
        # ctrl+q is handled at once, ahead of keys still on their way to the field in focus
        # (a digit typed just before it, or Enter on the alert's "I understand", which the
        # alert's own question then took for "Stay"). Send the question the keys' own way,
        # through that field and up to the app, so it arrives after them.
        screen = self.app.screen
        if screen.focused is None:
            self.ask_now()
        else:
            screen.focused.post_message(QuitAsked())

    def ask_now(self) -> None:
        """A screen that must ask first does (the emergency alert, even under the help or
        the palette opened over it); otherwise each tab with unsaved work asks in turn."""
        guarded = [screen for screen in self.app.screen_stack if isinstance(screen, GuardedScreen)]
        if guarded:
            guarded[-1].confirm_quit()
        else:
            self.start()

    def start(self) -> None:
        """Begin asking (unless a question is already open: its answer decides)."""
        if self._open_question in self.app.screen_stack:
            return
        self._told_to_quit.clear()
        self._ask_next_or_quit()

    def _ask_next_or_quit(self) -> None:
        for spec in TABS:
            tab = self.app.built_tab(spec.pane)
            if tab is None or spec.pane in self._told_to_quit:
                continue
            question = tab.quit_question()
            if question is not None:
                # Shown behind the question: "Stay" leaves the person at the work it is
                # about, not on the tab where ctrl+q was pressed.
                self.app.active_tab = spec.pane
                self._ask(spec.pane, question)
                return
        self.app.exit(0)

    def _ask(self, pane: str, question: QuitQuestion) -> None:
        from sciatica_tui.screens.dialogs.choice import ChoiceDialog

        def answered(choice: str | None) -> None:
            if choice == "quit":
                question.on_quit()
                self._told_to_quit.add(pane)
                self._ask_next_or_quit()
            else:
                question.on_stay()

        self._open_question = ChoiceDialog(
            question.title,
            question.message,
            [("stay", question.stay), ("quit", question.quit)],
        )
        self.app.push_screen(self._open_question, answered)
