"""The Today tab's line that offers the weekly check-in when it is due, and the check-in
itself (the dialog, and saving what it gives back: the check-in, or the skip)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.content import Content
from textual.widgets import Static

from sciatica_tui.domain.check_in_words import check_in_words
from sciatica_tui.domain.check_ins import HISTORY_DAYS, check_in_due, latest_names
from sciatica_tui.screens.host import diary, save, today
from sciatica_tui.screens.messages import DiarySaved
from sciatica_tui.store.changes import SaveCheckIn, UpdateSettings

if TYPE_CHECKING:
    from sciatica_tui.screens.today.check_in_dialog import CheckInAnswer

CHECK_IN_KEY = "ctrl+k"


class CheckInOffer(Static):
    """One calm line while the check-in is due; hidden otherwise. Logging the day is never
    held up: the check-in opens only by its key."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        """Hidden until ``refresh_from_diary`` finds the check-in due."""
        super().__init__("", id=id)
        self.display = False

    def refresh_from_diary(self) -> None:
        """Show the line when the check-in is due today, hide it when not."""
        store = diary(self)
        due = check_in_due(
            today(self),
            store.check_ins(),
            store.days_logged(up_to=HISTORY_DAYS),
            store.profile().settings.check_in_skipped,
        )
        if due and not self.display:
            self.update(Content(check_in_words().offer))
        self.display = due

    def open_check_in(self) -> None:
        """Open the check-in dialog (a check-in saved today is shown, to change)."""
        # Read when first opened: not on the first screen's path.
        from sciatica_tui.screens.today.check_in_dialog import CheckInDialog

        store, day = diary(self), today(self)
        shown = next((c for c in store.check_ins() if c.date == day), None)
        dialog = CheckInDialog(check_in_words(), day, latest_names(store.check_ins()), shown)
        self.app.push_screen(dialog, self._answered)

    def _answered(self, answer: CheckInAnswer | None) -> None:
        from sciatica_tui.screens.today.check_in_dialog import CheckInSkipped

        if isinstance(answer, CheckInSkipped):
            save(self, UpdateSettings.of(check_in_skipped=today(self)))
        elif answer is not None:
            save(self, SaveCheckIn(answer))

    @on(DiarySaved)
    def _saved(self, message: DiarySaved) -> None:
        words = check_in_words()
        if isinstance(message.change, SaveCheckIn):
            self.notify(words.saved, title=words.title, timeout=6)
        elif isinstance(message.change, UpdateSettings):
            self.notify(words.skipped, title=words.title, timeout=6)
        else:
            return
        message.stop()
        self.refresh_from_diary()
