"""``TextDialog``: edit one line of text (a question or a goal of a clinic visit)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from sciatica_tui.screens.dialogs.form import FormDialog


class TextDialog(FormDialog[str]):
    """Edit one line of text."""

    def __init__(self, title: str, text: str, max_length: int) -> None:
        """``title`` says what is edited; ``text`` is the line as it is now."""
        super().__init__()
        self.TITLE_TEXT = title
        self.text = text
        self.max_length = max_length

    def fields(self) -> ComposeResult:
        """The line."""
        yield Input(self.text, id="dialog-text", max_length=self.max_length, compact=True)

    def accept(self) -> None:
        """Close with the new words, unless they were all rubbed out."""
        text = self.query_one("#dialog-text", Input).value.strip()
        if not text:
            self.say_problem("Type some words, or use Remove on the list to delete it.")
            return
        self.dismiss(text)
