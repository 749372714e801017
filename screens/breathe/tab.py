"""The Breathe tab: a guided box-breathing session that keeps exact time.

Four views, one at a time: choosing the count and length (with the history of past
sessions), the optional stress and pain ratings (before and after), the running session,
and the summary. The running view is redrawn from the app's monotonic clock through the
pure schedule in ``sciatica_tui.domain.breathing``; nothing here counts ticks, so a slow redraw
shows the right moment a little late, never a wrong one.
"""

from __future__ import annotations

import math
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, ClassVar, Literal

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.containers import Center, Container, Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, ProgressBar, Static, TabbedContent, TabPane

from sciatica_tui.domain import content
from sciatica_tui.domain.breathing import (
    COUNT_CHOICES,
    DEFAULT_COUNT,
    DEFAULT_MINUTES,
    MINUTE_CHOICES,
    BreathingHistory,
    BreathingSchedule,
    Moment,
    SessionClock,
    breathing_history,
    change_words,
    duration_words,
    session_record,
)
from sciatica_tui.domain.records import BreathingSession, Settings
from sciatica_tui.domain.words import plural
from sciatica_tui.screens.breathe.box import BreathingBox
from sciatica_tui.screens.dialogs.learn_more import learn_more_binding, topic_pointer
from sciatica_tui.screens.host import clock, diary, save, today
from sciatica_tui.screens.messages import DiarySaved
from sciatica_tui.screens.tabs import DiaryTab
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.screens.widgets.rating_scale import PAIN_WORDS, RatingScale
from sciatica_tui.store.changes import SaveBreathingSession, UpdateSettings

# The longest wait between redraws; a redraw is also aimed at each change of the count.
REDRAW_SECONDS = 0.1
# Aim just past a change, so a timer that wakes a hair early still shows it.
AIM_PAST_CHANGE = 0.002
SHORTEST_WAIT = 0.005

STRESS_WORDS: dict[int, str] = {
    0: "calm",
    **dict.fromkeys(range(1, 4), "a little"),
    **dict.fromkeys(range(4, 7), "moderate"),
    **dict.fromkeys(range(7, 10), "high"),
    10: "the most",
}

View = Literal["setup", "rating", "running", "summary"]


def average_change_words(name: str, change: float | None, rated: int) -> str | None:
    """ "Stress after a session: 1.5 lower on average (4 sessions rated)."

    Only sessions rated both before and after count.
    """
    if change is None:
        return None
    if abs(change) < 0.05:
        how = "about the same"
    else:
        how = f"{abs(change):.1f} {'lower' if change < 0 else 'higher'} on average"
    return f"{name} after a session: {how} ({plural(rated, 'session')} rated)."


def history_words(history: BreathingHistory) -> str:
    """The past sessions in a few plain lines."""
    if history.week_sessions == 0 and history.streak_days == 0 and history.stress_rated == 0:
        return "No sessions in the last 7 days. Each session you do is counted here."
    lines = [
        f"Today: {plural(history.today_sessions, 'session')}, "
        f"{duration_words(history.today_seconds)}. "
        f"Last 7 days: {plural(history.week_sessions, 'session')}, "
        f"{duration_words(history.week_seconds)}.",
        f"Streak: {plural(history.streak_days, 'day')} in a row with at least one full breath "
        "round the box."
        if history.streak_days
        else "Streak: none yet. One full breath round the box today starts one.",
    ]
    for name, change, rated in (
        ("Stress", history.stress_change, history.stress_rated),
        ("Pain", history.pain_change, history.pain_rated),
    ):
        words = average_change_words(name, change, rated)
        if words:
            lines.append(words)
    return "\n".join(lines)


class ChoiceRow(Widget, can_focus=True):
    """Pick one of a few numbers: left/right to move, a digit to jump, or a click.

    The chosen number is shown in brackets as well as highlighted, so it reads without colour.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,plus", "step(1)", "Next choice", show=False),
        Binding("left,minus", "step(-1)", "Previous choice", show=False),
        Binding("down", "app.focus_next", "Next field", show=False),
        Binding("up", "app.focus_previous", "Previous field", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice-row--chosen", "choice-row--hint"}

    value: reactive[int] = reactive(0)
    """The chosen number."""

    @dataclass
    class Changed(Message):
        """The person picked another number."""

        row: ChoiceRow
        value: int

        @property
        def control(self) -> ChoiceRow:
            """The row that changed (for ``@on(..., selector)``)."""
            return self.row

    def __init__(
        self,
        label: str,
        options: tuple[int, ...],
        value: int,
        *,
        unit: str,
        id: str | None = None,  # noqa: A002 (Textual's own name)
    ) -> None:
        """A row named ``label`` offering ``options`` (each shown with ``unit``)."""
        super().__init__(id=id)
        self.label = label
        self.options = options
        self.unit = unit
        self._spans: list[tuple[int, int, int]] = []
        self._last_digit: str | None = None
        self._last_digit_at = 0.0
        self.set_reactive(ChoiceRow.value, value if value in options else options[0])

    def render(self) -> Text:
        """ "› Seconds per side   3  [4]  5   6  seconds"."""
        text = Text("› " if self.has_focus else "  ")
        text.append(f"{self.label:<18}")
        chosen = self.get_component_rich_style("choice-row--chosen")
        self._spans = []
        for option in self.options:
            start = len(text)
            if option == self.value:
                text.append(f"[{option}]", chosen)
            else:
                text.append(f" {option} ")
            self._spans.append((start, len(text), option))
            text.append(" ")
        text.append(f" {self.unit}", self.get_component_rich_style("choice-row--hint"))
        return text

    def choose(self, value: int) -> None:
        """Pick ``value`` as the person did, and say so with ``Changed``."""
        if value in self.options and value != self.value:
            self.value = value
            self.post_message(self.Changed(self, value))

    def action_step(self, delta: int) -> None:
        """The next or previous number (stopping at the ends)."""
        index = self.options.index(self.value) + delta
        self._last_digit = None
        if 0 <= index < len(self.options):
            self.choose(self.options[index])

    def on_key(self, event: events.Key) -> None:
        """A digit picks that number; "1" then "0" within a second picks 10."""
        if event.character is None or not event.character.isdigit():
            return
        event.stop()
        event.prevent_default()
        now = clock(self).monotonic()
        typed = event.character
        if self._last_digit is not None and now - self._last_digit_at <= 1.0:
            joined = int(self._last_digit + typed)
            if joined in self.options:
                typed = str(joined)
        self._last_digit, self._last_digit_at = event.character, now
        if int(typed) in self.options:
            self.choose(int(typed))
        else:
            self.app.bell()

    def on_click(self, event: events.Click) -> None:
        """A click on a number picks it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for start, end, option in self._spans:
            if start <= offset.x < end:
                self.choose(option)

    def on_focus(self) -> None:
        """Show the focus mark."""
        self.refresh()

    def on_blur(self) -> None:
        """Hide the focus mark."""
        self._last_digit = None
        self.refresh()


@dataclass
class RunningSession:
    """The session under way: its plan, its clock and what the person rated before it."""

    schedule: BreathingSchedule
    clock: SessionClock
    started_at: datetime
    stress_before: int | None = None
    pain_before: int | None = None


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
        self.session: RunningSession | None = None
        self.saved: BreathingSession | None = None
        self._timer: Timer | None = None

    # --- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The four views in a switcher."""
        words = content.breathing()
        with ContentSwitcher(initial="breathe-setup", id="breathe-views"):
            with VerticalScroll(id="breathe-setup", can_focus=False):
                yield Static("Box breathing", classes="title")
                yield Static(words.why, classes="intro")
                yield Static(topic_pointer("breathe"), classes="breathe-learn")
                yield Static("", id="steps-line")
                yield ChoiceRow(
                    "Seconds per side",
                    COUNT_CHOICES,
                    DEFAULT_COUNT,
                    unit="seconds",
                    id="breathe-count",
                )
                yield ChoiceRow(
                    "Length", MINUTE_CHOICES, DEFAULT_MINUTES, unit="minutes", id="breathe-minutes"
                )
                yield Static("", id="real-length")
                with Horizontal(id="start-row"):
                    yield Button("Start", variant="primary", compact=True, id="breathe-start")
                    yield Static("", id="motion-line")
                yield Static("Your breathing", classes="heading")
                yield Static("", id="breathe-history")
            with VerticalScroll(id="breathe-rating", can_focus=False):
                yield Static("", id="rating-title", classes="title")
                yield Static("", id="rating-question")
                yield Static("Stress (0 is calm, 10 is the most stressed you can imagine)")
                yield RatingScale(0, 10, STRESS_WORDS, id="breathe-stress")
                yield Static("Pain (0 is no pain, 10 is the worst you can imagine)")
                yield RatingScale(0, 10, PAIN_WORDS, id="breathe-pain")
                yield Static(
                    "Type a number or use ← →; Tab moves to the next. "
                    "Enter: continue. S: skip both.",
                    classes="hint",
                )
            with Vertical(id="breathe-running"):
                with Horizontal(id="box-row"):
                    yield BreathingBox(id="breathing-box")
                yield Static("", id="cycle-line")
                with Center():
                    yield ProgressBar(
                        total=1, show_eta=False, show_percentage=True, id="session-progress"
                    )
            with VerticalScroll(id="breathe-summary"):
                yield Static("", id="summary-title", classes="title")
                yield Static("", id="summary-text")
                yield Static("Your breathing", classes="heading")
                yield Static("", id="summary-history")
                yield Static(topic_pointer("breathe"), classes="breathe-learn")
                yield Static("Press Enter to breathe again.", classes="hint")

    def on_mount(self) -> None:
        """Show the remembered choices; pause a running session when its tab is left or
        something (the help, the palette, a dialog) covers it."""
        self.refresh_from_diary()
        for tabs in self.ancestors:
            if isinstance(tabs, TabbedContent):
                self.watch(tabs, "active", self._tab_changed, init=False)
                break
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def _screen_changed(self, screen: Screen[Any]) -> None:
        """The box cannot be followed under another screen: pause, as leaving the tab does."""
        session = self.session
        if screen is self.screen or session is None or session.clock.paused:
            return
        # The palette is left at once, often to pause or stop the session itself: pausing
        # here would make its "Pause/resume" resume.
        if isinstance(screen, CommandPalette):
            return
        if self.view == "running":
            session.clock.pause(clock(self).monotonic())
            self.tick()

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
            self.query_one("#breathe-count", ChoiceRow).value = _valid(
                settings.breathing_count, COUNT_CHOICES, DEFAULT_COUNT
            )
            self.query_one("#breathe-minutes", ChoiceRow).value = _valid(
                settings.breathing_minutes, MINUTE_CHOICES, DEFAULT_MINUTES
            )
        self._show_plan()
        self._show_history()

    def start_session(self, minutes: int, count: int) -> None:
        """Begin a session of ``minutes`` at ``count`` seconds a side at once (no ratings)."""
        schedule = BreathingSchedule.planned(minutes, count)
        self._begin(schedule, stress_before=None, pain_before=None)

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

    def _show_plan(self) -> None:
        count = self.query_one("#breathe-count", ChoiceRow).value
        minutes = self.query_one("#breathe-minutes", ChoiceRow).value
        schedule = BreathingSchedule.planned(minutes, count)
        steps = " · ".join(f"{step.word} {count}" for step in content.breathing().steps)
        self.query_one("#steps-line", Static).update(f"Round the box: {steps}.")
        self.query_one("#real-length", Static).update(
            f"{plural(schedule.cycles, 'round')} of {schedule.cycle_seconds} s: "
            f"{duration_words(schedule.total_seconds)} "
            "(a session always ends on a full breath)."
        )
        self._show_motion()

    def _show_motion(self) -> None:
        still = self._settings().reduced_motion
        self.query_one("#motion-line", Static).update(
            "Reduced motion: on (the box stays still). M turns it off."
            if still
            else "The marker moves round the box. M keeps it still."
        )

    def _show_history(self) -> None:
        history = breathing_history(diary(self).breathing_sessions(), today(self))
        words = history_words(history)
        self.query_one("#breathe-history", Static).update(words)
        self.query_one("#summary-history", Static).update(words)

    @on(ChoiceRow.Changed)
    def _choice_changed(self) -> None:
        self._show_plan()

    # --- choosing and rating ------------------------------------------------------------------

    @on(Button.Pressed, "#breathe-start")
    def action_start(self) -> None:
        """Remember the choices, then ask the optional ratings before starting."""
        count = self.query_one("#breathe-count", ChoiceRow).value
        minutes = self.query_one("#breathe-minutes", ChoiceRow).value
        settings = self._settings()
        if (settings.breathing_count, settings.breathing_minutes) != (count, minutes):
            save(self, UpdateSettings.of(breathing_count=count, breathing_minutes=minutes))
        self._ask_ratings(after=False)

    def _ask_ratings(self, *, after: bool) -> None:
        self.rating_after = after
        for scale in self.query(RatingScale):
            scale.value = None
        if after and self.saved is not None:
            title = self._result_title(self.saved)
            question = "How are you now? Both ratings are optional."
        else:
            title = "Before you start"
            question = (
                f"{content.breathing().how} If you feel dizzy or short of breath, stop and "
                "breathe normally.\n\nHow are you right now? Both ratings are optional."
            )
        self.query_one("#rating-title", Static).update(title)
        self.query_one("#rating-question", Static).update(question)
        self._switch("rating")

    def _ratings(self) -> tuple[int | None, int | None]:
        return (
            self.query_one("#breathe-stress", RatingScale).value,
            self.query_one("#breathe-pain", RatingScale).value,
        )

    def action_continue(self) -> None:
        """Keep the ratings given and go on (start, or show the summary)."""
        stress, pain = self._ratings()
        if self.rating_after:
            self._finish_ratings(stress, pain)
        else:
            self._begin(self._chosen_schedule(), stress_before=stress, pain_before=pain)

    def action_skip(self) -> None:
        """Go on without ratings."""
        if self.rating_after:
            self._finish_ratings(None, None)
        else:
            self._begin(self._chosen_schedule(), stress_before=None, pain_before=None)

    def action_back(self) -> None:
        """Back to the choice of count and length."""
        self._switch("setup")

    def _chosen_schedule(self) -> BreathingSchedule:
        return BreathingSchedule.planned(
            self.query_one("#breathe-minutes", ChoiceRow).value,
            self.query_one("#breathe-count", ChoiceRow).value,
        )

    # --- the running session ---------------------------------------------------------------------

    def _begin(
        self, schedule: BreathingSchedule, *, stress_before: int | None, pain_before: int | None
    ) -> None:
        self._stop_timer()
        app_clock = clock(self)
        self.session = RunningSession(
            schedule=schedule,
            clock=SessionClock(app_clock.monotonic()),
            started_at=app_clock.now(),
            stress_before=stress_before,
            pain_before=pain_before,
        )
        self.saved = None
        self.query_one("#session-progress", ProgressBar).update(
            total=schedule.total_seconds, progress=0
        )
        self._switch("running")
        self.tick()

    def tick(self) -> None:
        """Redraw the session from the clock now, and plan the next redraw.

        The timer calls this; tests call it after moving a frozen clock on.
        """
        session = self.session
        if session is None or self.view != "running":
            return
        self._stop_timer()
        elapsed = session.clock.elapsed(clock(self).monotonic())
        moment = session.schedule.at(elapsed)
        self._show_moment(moment, session)
        if moment.finished:
            self._end(elapsed)
        elif not session.clock.paused:
            # The count changes on whole seconds of breathing: aim a redraw just past the
            # next one, and redraw in between for the marker and the bar.
            to_change = math.floor(elapsed) + 1 - elapsed + AIM_PAST_CHANGE
            wait = max(SHORTEST_WAIT, min(REDRAW_SECONDS, to_change))
            self._timer = self.set_timer(wait, self.tick)

    def _show_moment(self, moment: Moment, session: RunningSession) -> None:
        paused = session.clock.paused
        moving = not self._settings().reduced_motion
        self.query_one(BreathingBox).show(moment, paused=paused, moving=moving)
        left = session.schedule.total_seconds * (1 - moment.fraction)
        state = "Paused. " if paused else ""
        line = (
            f"{state}Cycle {moment.cycle} of {moment.cycles_total} · "
            f"step {moment.step} of 4 · {duration_words(left)} left"
        )
        cycle_line = self.query_one("#cycle-line", Static)
        if str(cycle_line.content) != line:
            cycle_line.update(line)
        bar = self.query_one("#session-progress", ProgressBar)
        bar.update(progress=session.schedule.total_seconds * moment.fraction)

    def action_pause(self) -> None:
        """Pause, or carry on; the paused time is left out of the session."""
        if self.session is None:
            return
        self.session.clock.toggle(clock(self).monotonic())
        self.tick()

    def _tab_changed(self, active: str) -> None:
        """Leaving the tab pauses a running session, so no breathing is counted unseen."""
        if active != self.parent_pane_id():
            # Checked again once the tabs settle: they may pass through another tab on start.
            self.call_after_refresh(self._pause_if_hidden)

    def _pause_if_hidden(self) -> None:
        session = self.session
        if self.view != "running" or session is None or session.clock.paused:
            return
        for tabs in self.ancestors:
            if isinstance(tabs, TabbedContent) and tabs.active != self.parent_pane_id():
                session.clock.pause(clock(self).monotonic())
                self.tick()

    def parent_pane_id(self) -> str | None:
        """The id of the tab pane holding this tab."""
        for ancestor in self.ancestors:
            if isinstance(ancestor, TabPane):
                return ancestor.id
        return None

    def action_stop(self) -> None:
        """End the session now and save it as stopped early."""
        session = self.session
        if session is None:
            return
        self._end(session.clock.elapsed(clock(self).monotonic()))

    def on_unmount(self) -> None:
        """The app is closing in the middle of a session: keep it, as stopped early (every
        session is saved, finished or not). The writer saves it before the app is gone."""
        session = self.session
        if session is None:
            return
        record = self._close_session(session.clock.elapsed(clock(self).monotonic()))
        with suppress(RuntimeError):  # the writer has already stopped
            save(self, SaveBreathingSession(record))

    def _close_session(self, elapsed: float) -> BreathingSession:
        """Stop the running session and give its record, ``elapsed`` seconds in."""
        session = self.session
        assert session is not None
        self._stop_timer()
        self.session = None
        return session_record(
            session.schedule,
            started_at=session.started_at,
            elapsed=elapsed,
            stress_before=session.stress_before,
            pain_before=session.pain_before,
        )

    def _end(self, elapsed: float) -> None:
        """Save the session (finished or stopped), then ask how the person feels."""
        if self.session is None:
            return
        record = self._close_session(elapsed)
        self.saved = record
        self._save_session(record)
        self._ask_ratings(after=True)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

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
        self._show_summary(record)

    def _result_title(self, record: BreathingSession) -> str:
        if record.completed:
            return "Session complete ✓"
        return f"Stopped early, after {duration_words(record.elapsed_seconds)}"

    def _show_summary(self, record: BreathingSession) -> None:
        rounds = (
            f"{plural(record.cycles_completed, 'round')} of the box at {record.inhale} seconds "
            f"a side, {duration_words(record.elapsed_seconds)}."
        )
        if not record.completed:
            cycles_total = record.planned_seconds // (4 * record.inhale)
            rounds = f"{record.cycles_completed} of {cycles_total} rounds of the box done."
        lines = [rounds, ""]
        for name, before, after in (
            ("Stress", record.stress_before, record.stress_after),
            ("Pain", record.pain_before, record.pain_after),
        ):
            lines.append(f"{name}: {change_words(before, after) or _one_rating(before, after)}")
        self.query_one("#summary-title", Static).update(self._result_title(record))
        self.query_one("#summary-text", Static).update("\n".join(lines))
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
            self._show_motion()
            self.tick()
        elif isinstance(message.change, SaveBreathingSession):
            message.stop()
            self._show_history()


def _valid(value: int, options: tuple[int, ...], default: int) -> int:
    return value if value in options else default


def _one_rating(before: int | None, after: int | None) -> str:
    if before is None and after is None:
        return "not rated"
    if after is None:
        return f"{before} before, not rated after"
    return f"not rated before, {after} after"
