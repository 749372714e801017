"""The help screen: every key of the app, gathered from the bindings themselves."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from sciatica_tui.screens.dialogs.dismiss_once import DismissOnce
from sciatica_tui.screens.tabs import TABS
from sciatica_tui.screens.widgets.writing_area import WRITING_KEYS

GENERAL_KEYS: tuple[tuple[str, str], ...] = (
    ("TAB / SHIFT+TAB", "Move to the next / previous field"),
    ("0-9", "Set the 0-10 scale in focus (1 then 0 within a second makes 10)"),
    (
        "← / →",
        "Change the scale or choice in focus (from not set: a scale starts at its lowest; "
        "← picks a choice's last option, → its first)",
    ),
    (
        "A-Z",
        "Pick a choice by its first letter; on Today, a letter only one option starts "
        "with (or a digit that picks by place) moves on to the next field",
    ),
    ("BACKSPACE", "Clear the scale or choice in focus (back to not set)"),
    ("ENTER", "Press the button, or open the line, in focus"),
    WRITING_KEYS,
    ("CTRL+P", "Command palette: every action by name"),
    ("ESCAPE", "Close a dialog (never the emergency alert)"),
)


def key_name(key: str) -> str:
    """A key as a person reads it."""
    return key.split(",")[0].replace("question_mark", "?").upper()


class HelpScreen(DismissOnce[None]):
    """Lists every key of the app and of each tab."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close", tooltip="Close the help."),
    ]

    def compose(self) -> ComposeResult:
        """One table: the app's keys, then each tab's."""
        with VerticalScroll(id="help-box"):
            yield Static("Keys", classes="title")
            yield Static(self.keys_table(), id="help-text")
            yield Static("Press Escape (or ?) to close.", classes="hint")

    def key_rows(self) -> list[tuple[str, str, str]]:
        """(section, key, what it does) for every key, from the bindings themselves."""
        rows = [
            ("Everywhere", key_name(b.key), b.description)
            for b in self.app.BINDINGS
            if isinstance(b, Binding) and b.description
        ]
        rows += [("Everywhere", key, what) for key, what in GENERAL_KEYS]
        for spec in TABS:
            tab = spec.widget_class()
            keys: dict[str, list[str]] = {}
            # Only the tab's own keys, not the scrolling keys every container has; a key
            # with a job in each view of the tab (Enter on Breathe) is one line.
            for binding in vars(tab).get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.description:
                    keys.setdefault(key_name(binding.key), []).append(binding.description)
            for key, what in tab.HELP_KEYS:
                keys.setdefault(key, []).append(what)
            rows += [(spec.label, key, " / ".join(jobs)) for key, jobs in keys.items()]
        return rows

    def keys_table(self) -> Table:
        """The rows as a compact table with a heading line per section."""
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
        table.add_column("Key", style="bold", no_wrap=True)
        table.add_column("What it does", ratio=1)
        section = ""
        for where, key, what in self.key_rows():
            if where != section:
                section = where
                if table.row_count:
                    table.add_row("", "")
                table.add_row(Text(where, style="underline"), "")
            table.add_row(key, what)
        return table
