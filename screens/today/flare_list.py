"""The open day's flare-ups on Today: one line each (time, pain, reach, tags), Enter to change
one, Delete to remove one (after a question); and opening the quick entry for a new one.

Hidden on a day without flare-ups, so the form keeps its place at 80x24.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sciatica_tui.domain.flare_entry import clock_words, flare_line
from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.tag_list import tag_list
from sciatica_tui.domain.words import day_words, plural
from sciatica_tui.screens.host import diary, save, today
from sciatica_tui.screens.messages import DiarySaved
from sciatica_tui.store.day_changes import RemoveFlareUp

FLARE_MARK = "↯"  # a flare-up, here and in the last 14 days
# For the help screen: keys of the day's flare-ups and of the tag lists (no binding of the tab).
FLARE_AND_TAG_KEYS: tuple[tuple[str, str], ...] = (
    ("ENTER", "On a flare-up of the day: change it"),
    ("DELETE", "On a flare-up of the day: remove it (after a question)"),
    ("1-9, A-Z", "In a tag list: pick or unpick the tag with that key"),
    ("+", "In a tag list: add a tag of your own"),
)


class FlareUpLines(OptionList):
    """The flare-ups, one per line; Enter changes the one under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete,backspace", "remove", "Remove flare-up", show=False),
    ]

    def action_remove(self) -> None:
        """Ask before removing the flare-up under the cursor."""
        parent = self.parent
        if isinstance(parent, FlareUpList) and self.highlighted is not None:
            parent.ask_to_remove(self.highlighted)


class FlareUpList(Vertical):
    """The flare-ups of the open day, and the quick entry's dialog for a new one."""

    class Changed(Message):
        """A flare-up was saved, changed or removed (it is on disk): the tab shows it."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        """Empty (and hidden) until ``show``."""
        super().__init__(id=id)
        self.day: date = date.min
        self.flare_ups: list[FlareUp] = []
        self.display = False

    def compose(self) -> ComposeResult:
        """A title line, then one line per flare-up."""
        yield Label("", id="flare-ups-title")
        yield FlareUpLines(id="flare-up-lines", compact=True)

    def show(self, day: date) -> None:
        """Show ``day``'s flare-ups, earliest first (hidden when there are none)."""
        self.day = day
        flare_ups = diary(self).flare_ups(day, day)
        self.display = bool(flare_ups)
        if flare_ups == self.flare_ups:
            return
        self.flare_ups = flare_ups
        tags = tag_list(diary(self).custom_tags())
        lines = self.query_one(FlareUpLines)
        place = lines.highlighted
        lines.set_options(Option(flare_line(f, tags)) for f in flare_ups)
        if flare_ups:
            lines.highlighted = min(place or 0, len(flare_ups) - 1)
        count = plural(len(flare_ups), "flare-up")
        self.query_one("#flare-ups-title", Label).update(
            f"{FLARE_MARK} {count} · Enter changes, Del removes"
        )

    # --- a new one, a change, a removal ----------------------------------------------------

    def open_new(self) -> None:
        """The quick entry for a new flare-up on the open day."""
        self._open(None)

    @on(OptionList.OptionSelected, "#flare-up-lines")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(self.flare_ups[event.option_index])

    def _open(self, editing: FlareUp | None) -> None:
        # Read when first opened: not on the first screen's path.
        from sciatica_tui.screens.today.flare_dialog import FlareUpDialog

        if isinstance(self.app.screen, FlareUpDialog):
            return  # already open (the key pressed twice)
        store = diary(self)
        dialog = FlareUpDialog(
            self.day,
            today(self),
            tag_list(store.custom_tags()),
            [f.at for f in store.flare_ups(self.day, self.day)],
            editing,
        )
        self.app.push_screen(dialog, self._logged)

    def _logged(self, flare_up: FlareUp | None) -> None:
        """The dialog closed; with a flare-up, it is on disk."""
        if flare_up is None:
            return
        self.notify("Flare-up saved.", timeout=3)
        self.post_message(self.Changed())

    def ask_to_remove(self, index: int) -> None:
        """Ask, then remove the flare-up at ``index`` (Escape keeps it)."""
        # Read when first opened: not on the first screen's path.
        from sciatica_tui.screens.dialogs.choice import ChoiceDialog

        flare_up = self.flare_ups[index]
        when = f"{clock_words(flare_up.at)} on {day_words(flare_up.at.date(), today(self))}"

        def answered(answer: str | None) -> None:
            if answer == "remove":
                save(self, RemoveFlareUp(flare_up.at))

        self.app.push_screen(
            ChoiceDialog(
                "Remove this flare-up?",
                f"The flare-up at {when} (pain {flare_up.pain}) will be removed from the diary.",
                [("keep", "Keep it"), ("remove", "Remove")],
                escape="keep",
                danger="remove",
            ),
            answered,
        )

    @on(DiarySaved)
    def _removed(self, message: DiarySaved) -> None:
        if isinstance(message.change, RemoveFlareUp):
            message.stop()
            self.notify("Flare-up removed.", timeout=3)
            self.post_message(self.Changed())
