"""The Breathe tab: a guided box-breathing session that keeps exact time.

Four views, one at a time: choosing the count and length with the history of past sessions
(``setup``), the optional stress and pain ratings before and after (``rating``), the running
session (``pacer``, which keeps the time), and the summary (``summary``). The tab moves
between them, offers each view's keys, and saves the session and the settings.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.widgets import Button, ContentSwitcher

from sciatica_tui.domain import content
from sciatica_tui.domain.breathing import BreathingSchedule, breathing_history
from sciatica_tui.domain.records import BreathingSession, Settings
from sciatica_tui.screens.breathe.pacer import (
    REDRAW_SECONDS,
    BreathingPacer,
    RunningSession,
    SessionOver,
)
from sciatica_tui.screens.breathe.rating import BreathingRatings
from sciatica_tui.screens.breathe.setup import BreathingSetup
from sciatica_tui.screens.breathe.summary import BreathingSummary
from sciatica_tui.screens.breathe.words import history_words, result_title
from sciatica_tui.screens.dialogs.learn_more import learn_more_binding
from sciatica_tui.screens.host import diary, save, today
from sciatica_tui.screens.messages import DiarySaved
from sciatica_tui.screens.tabs import DiaryTab
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.store.changes import SaveBreathingSession, UpdateSettings

# REDRAW_SECONDS is read from here by benchmarks/breathing_timing.py.
__all__ = ["REDRAW_SECONDS", "BreatheTab"]

View = Literal["setup", "rating", "running", "summary"]


class BreatheTab(Container, DiaryTab):
    """Guided box breathing: choose, (rate,) breathe, (rate,) see how it went."""

    TOPIC_ID = "breathe"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "start",
            "Start",
            id="breathe.start",
            tooltip="Start a breathing session with the count and length chosen.",
        ),
        Binding(
            "enter",
            "continue",
            "Continue",
            id="breathe.continue",
            tooltip="Keep the ratings given (blank ones are skipped) and go on.",
        ),
        Binding(
            "s",
            "skip",
            "Skip ratings",
            id="breathe.skip",
            tooltip="Go on without rating stress and pain.",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            id="breathe.back",
            tooltip="Back to choosing the count and length, without starting.",
        ),
        Binding(
            "space",
            "pause",
            "Pause/resume",
            id="breathe.pause",
            tooltip="Pause the session, or carry on; paused time is not counted.",
        ),
        Binding(
            "escape",
            "stop",
            "Stop early",
            id="breathe.stop",
            tooltip="End the session now; it is saved as stopped early.",
        ),
        Binding(
            "enter",
            "new_session",
            "New session",
            id="breathe.new",
            tooltip="Back to the start, to breathe again.",
        ),
        Binding(
            "m",
            "toggle_motion",
            "Motion on/off",
            id="breathe.motion",
            tooltip="Reduced motion: keep the box still and show only the step and count.",
        ),
        learn_more_binding("breathe", "How pain and worry feed each other, and what helps."),
    ]

    # Which actions each view offers (the others are hidden from the footer and do nothing).
    # The teaching is offered beside a session, not in the middle of one.
    VIEW_ACTIONS: ClassVar[dict[View, set[str]]] = {
        "setup": {"start", "toggle_motion", "learn_more"},
        "rating": {"continue", "skip", "back", "toggle_motion"},
        "running": {"pause", "stop", "toggle_motion"},
        "summary": {"new_session", "toggle_motion", "learn_more"},
    }

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's own name)
        """The tab starts on the choice of count and length."""
        super().__init__(id=id)
        self.view: View = "setup"
        self.rating_after = False
        self.saved: BreathingSession | None = None

    # --- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The four views in a switcher."""
        with ContentSwitcher(initial="breathe-setup", id="breathe-views"):
            yield BreathingSetup()
            yield BreathingRatings()
            yield BreathingPacer()
            yield BreathingSummary()

    def on_mount(self) -> None:
        """Show the remembered choices."""
        self.refresh_from_diary()

    @property
    def setup(self) -> BreathingSetup:
        """The view choosing the count and length."""
        return self.query_one(BreathingSetup)

    @property
    def pacer(self) -> BreathingPacer:
        """The view running the session."""
        return self.query_one(BreathingPacer)

    @property
    def session(self) -> RunningSession | None:
        """The session under way, if any."""
        return self.pacer.session

    # --- hooks the app calls ----------------------------------------------------------------

    def focus_first(self) -> None:
        """Put the cursor where this view starts."""
        target = {
            "setup": "#breathe-count",
            "rating": "#breathe-stress",
            "running": "#breathing-box",
            "summary": "#breathe-summary",
        }[self.view]
        focus_now(self.query_one(target))

    def refresh_from_diary(self) -> None:
        """The remembered count, length and motion setting, and fresh history."""
        settings = self._settings()
        if self.view == "setup":
            self.setup.show_choices(settings)
        self.setup.show_plan()
        self.setup.show_motion(settings.reduced_motion)
        self._show_history()

    def start_session(self, minutes: int, count: int) -> None:
        """What ``sciatica breathe`` asks for: ``minutes`` at ``count`` seconds a side,
        after the optional ratings the tab asks before any session (s skips them)."""
        chosen = replace(self._settings(), breathing_count=count, breathing_minutes=minutes)
        self.setup.show_choices(chosen)
        self.setup.show_plan()
        self._ask_ratings(after=False)

    # --- views ------------------------------------------------------------------------------

    def _switch(self, view: View) -> None:
        self.view = view
        self.query_one(ContentSwitcher).current = f"breathe-{view}"
        self.refresh_bindings()
        # At once, not after the next refresh: a key typed straight after Enter (a rating,
        # Space) must reach the new view, not the one it replaced.
        self.focus_first()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Each view offers only its own keys."""
        every = set().union(*self.VIEW_ACTIONS.values())
        if action not in every:
            return True
        if action == "back" and self.rating_after:
            return False
        return action in self.VIEW_ACTIONS[self.view]

    def _settings(self) -> Settings:
        return diary(self).profile().settings

    def _show_history(self) -> None:
        words = history_words(breathing_history(diary(self).breathing_sessions(), today(self)))
        self.setup.show_history(words)
        self.query_one(BreathingSummary).show_history(words)

    # --- choosing and rating ------------------------------------------------------------------

    @on(Button.Pressed, "#breathe-start")
    def action_start(self) -> None:
        """Remember the choices, then ask the optional ratings before starting."""
        count, minutes = self.setup.count, self.setup.minutes
        settings = self._settings()
        if (settings.breathing_count, settings.breathing_minutes) != (count, minutes):
            save(self, UpdateSettings.of(breathing_count=count, breathing_minutes=minutes))
        self._ask_ratings(after=False)

    def _ask_ratings(self, *, after: bool) -> None:
        self.rating_after = after
        if after and self.saved is not None:
            title = result_title(self.saved)
            question = "How are you now? Both ratings are optional."
        else:
            title = "Before you start"
            question = (
                f"{content.breathing().how} If you feel dizzy or short of breath, stop and "
                "breathe normally.\n\nHow are you right now? Both ratings are optional."
            )
        self.query_one(BreathingRatings).ask(title, question)
        self._switch("rating")

    def action_continue(self) -> None:
        """Keep the ratings given and go on (start, or show the summary)."""
        stress, pain = self.query_one(BreathingRatings).ratings()
        if self.rating_after:
            self._finish_ratings(stress, pain)
        else:
            self._begin(self.setup.schedule(), stress_before=stress, pain_before=pain)

    def action_skip(self) -> None:
        """Go on without ratings."""
        if self.rating_after:
            self._finish_ratings(None, None)
        else:
            self._begin(self.setup.schedule(), stress_before=None, pain_before=None)

    def action_back(self) -> None:
        """Back to the choice of count and length."""
        self._switch("setup")

    # --- the running session ---------------------------------------------------------------------

    def _begin(
        self, schedule: BreathingSchedule, *, stress_before: int | None, pain_before: int | None
    ) -> None:
        self.pacer.begin(schedule, stress_before=stress_before, pain_before=pain_before)
        self.saved = None
        self._switch("running")
        self.tick()

    def tick(self) -> None:
        """Redraw the running session from the clock now, and end it if it is over.

        Its timer does this by itself; tests call it after moving a frozen clock on.
        """
        if self.view != "running":
            return
        record = self.pacer.tick()
        if record is not None:
            self._end(record)

    @on(SessionOver)
    def _session_over(self, message: SessionOver) -> None:
        message.stop()
        self._end(message.record)

    def action_pause(self) -> None:
        """Pause, or carry on; the paused time is left out of the session."""
        self.pacer.toggle_pause()
        self.tick()

    def action_stop(self) -> None:
        """End the session now and save it as stopped early."""
        record = self.pacer.stop()
        if record is not None:
            self._end(record)

    def _end(self, record: BreathingSession) -> None:
        """Save the session (finished or stopped), then ask how the person feels."""
        self.saved = record
        self._save_session(record)
        self._ask_ratings(after=True)

    # --- after the session ----------------------------------------------------------------------

    def _finish_ratings(self, stress: int | None, pain: int | None) -> None:
        record = self.saved
        if record is None:
            self._switch("setup")
            return
        if stress is not None or pain is not None:
            record = replace(record, stress_after=stress, pain_after=pain)
            self.saved = record
            # Same start time, so this replaces the record saved when the session ended.
            self._save_session(record)
        self.query_one(BreathingSummary).show(record)
        self._show_history()
        self._switch("summary")
        self._welcome_if_new()

    def _welcome_if_new(self) -> None:
        """``sciatica breathe`` on a first run goes straight into the session; the first-run
        note and dates wait until the session is over, then come up once."""
        if diary(self).profile().welcomed or len(self.app.screen_stack) > 1:
            return
        from sciatica_tui.screens.dialogs.welcome import WelcomeScreen

        self.app.push_screen(WelcomeScreen(first_run=True))

    def action_new_session(self) -> None:
        """Back to the start."""
        self.saved = None
        self.refresh_from_diary()
        self._switch("setup")

    # --- settings and saving ------------------------------------------------------------------

    def action_toggle_motion(self) -> None:
        """Reduced motion on or off (remembered)."""
        settings = self._settings()
        still = not settings.reduced_motion
        save(self, UpdateSettings.of(reduced_motion=still))
        self.notify(
            "Reduced motion on: the box stays still." if still else "The marker moves again.",
            timeout=3,
        )

    def _save_session(self, record: BreathingSession) -> None:
        save(self, SaveBreathingSession(record))

    @on(DiarySaved)
    def _saved(self, message: DiarySaved) -> None:
        """A setting saved: show it; a session saved: it joins the history."""
        if isinstance(message.change, UpdateSettings):
            message.stop()
            self.setup.show_motion(self._settings().reduced_motion)
            self.tick()
        elif isinstance(message.change, SaveBreathingSession):
            message.stop()
            self._show_history()
