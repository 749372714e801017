"""What follows the first emergency yes of a red-flag check: the alert (at once, and again on
request), the check saved at that moment and updated by every later answer (an emergency yes
is never taken back), and what the saves report."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from textual.widget import Widget

from sciatica_tui.domain.content_schema import RedFlagQuestion
from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.domain.red_flags import is_emergency_yes
from sciatica_tui.screens.dialogs.emergency import EmergencyScreen
from sciatica_tui.screens.dialogs.quit_question import QuitQuestion
from sciatica_tui.screens.host import diary
from sciatica_tui.store.errors import StoreError


class EmergencyFollowUp:
    """One check that became an emergency at ``at`` (its key in the diary)."""

    def __init__(self, owner: Widget, at: datetime) -> None:
        """``owner`` is the widget the alert and notes are shown from (the tab)."""
        self.owner = owner
        self.at = at
        # What the last save reported (None while one is under way), for the screen.
        self.saved: bool | None = None
        self.alert: EmergencyScreen | None = None

    def check(self, answers: Mapping[str, bool], asked: Sequence[RedFlagQuestion]) -> RedFlagCheck:
        """The check as it stands: the answers given so far (none made up), in asked order."""
        given = {q.id: answers[q.id] for q in asked if q.id in answers}
        return RedFlagCheck(self.at, given, Verdict.EMERGENCY)

    def keeps(self, answers: Mapping[str, bool], question_id: str, yes: bool) -> bool:
        """Whether the answer to ``question_id`` stays as it is: an emergency yes is not
        taken back (the alert was given for it, and the check is saved with it); a note
        says so."""
        if yes or not is_emergency_yes(answers, question_id):
            return False
        self.owner.notify(
            "This yes is saved with the emergency advice. If it was a mistake, press r "
            "to start a new check; this one stays in your history.",
            title="Answer kept",
            timeout=10,
        )
        return True

    def show_alert(self, check: RedFlagCheck) -> None:
        """Fill the screen with the alert for ``check``."""
        settings = diary(self.owner).profile().settings
        self.alert = EmergencyScreen(check, settings=settings, saved=self.saved)
        self.owner.app.push_screen(self.alert)

    def saving(self) -> None:
        """A save of the check has started (the alert says so until it reports)."""
        self.saved = None

    def reported(self, error: StoreError | None) -> None:
        """A save of the check reported back: say how it went."""
        self.saved = error is None
        self.say_saved(error)

    def say_saved(self, error: StoreError | None) -> None:
        """A save reported back: the alert says how it went while it is open (no note may
        cover its advice); otherwise only a failure is said, in a note."""
        alert = self.alert
        if alert is not None and alert in self.owner.app.screen_stack:
            alert.show_saved(error is None)
        elif error is not None:
            self.owner.notify(
                f"Your latest answer could not be saved: {error}",
                title="Not saved",
                severity="error",
                timeout=20,
            )

    def quit_question(self, *, on_stay: Callable[[], None]) -> QuitQuestion | None:
        """Quitting asks only when the check could not be saved (one being saved is waited
        for: the app lets every save reach the disk before it closes)."""
        if self.saved is not False:
            return None
        return QuitQuestion(
            "Quit? Your check could not be saved",
            "Your answers could not be saved to the diary. That does not change the advice: "
            "go to the emergency department now.",
            stay="Stay",
            quit="Quit",
            on_stay=on_stay,
        )
