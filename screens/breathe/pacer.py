"""The running session: the breathing box, the cycle line and the progress bar, kept in time.

The view is redrawn from the app's monotonic clock through the pure schedule in
``sciatica_tui.domain.breathing``; nothing here counts ticks, so a slow redraw shows the right
moment a little late, never a wrong one. The session pauses itself whenever it cannot be
followed (another tab, or a screen over it). A session that runs to its end on its own is
closed here and handed to the tab in ``SessionOver``; one the app closes on is saved here.
"""

from __future__ import annotations

import math
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.command import CommandPalette
from textual.containers import Center, Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ProgressBar, Static, TabbedContent, TabPane

from sciatica_tui.domain.breathing import (
    BreathingSchedule,
    Moment,
    SessionClock,
    duration_words,
    session_record,
)
from sciatica_tui.domain.records import BreathingSession
from sciatica_tui.screens.breathe.box import BreathingBox
from sciatica_tui.screens.host import clock, diary, save
from sciatica_tui.store.changes import SaveBreathingSession

# The longest wait between redraws; a redraw is also aimed at each change of the count.
REDRAW_SECONDS = 0.1
# Aim just past a change, so a timer that wakes a hair early still shows it.
AIM_PAST_CHANGE = 0.002
SHORTEST_WAIT = 0.005
# Rows of the running view from which the box may grow past its usual height (a terminal
# of about 50 rows): breathe.tcss says how tall.
TALL_FROM = 44


@dataclass
class RunningSession:
    """The session under way: its plan, its clock and what the person rated before it."""

    schedule: BreathingSchedule
    clock: SessionClock
    started_at: datetime
    stress_before: int | None = None
    pain_before: int | None = None


@dataclass
class SessionOver(Message):
    """The running session reached its end: ``record`` is its record, not saved yet."""

    record: BreathingSession


class BreathingPacer(Vertical):
    """The running view; ``session`` is the session under way, if any."""

    def __init__(self) -> None:
        """No session until ``begin``."""
        super().__init__(id="breathe-running")
        self.session: RunningSession | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """The box, the cycle line under it, and the progress bar."""
        with Horizontal(id="box-row"):
            yield BreathingBox(id="breathing-box")
        yield Static("", id="cycle-line")
        with Center():
            yield ProgressBar(total=1, show_eta=False, show_percentage=True, id="session-progress")

    def on_resize(self, event: events.Resize) -> None:
        """A tall screen gets a taller box, and so larger digits."""
        self.set_class(event.size.height >= TALL_FROM, "-tall")

    def on_mount(self) -> None:
        """Pause when the tab is left or something (the help, a dialog) covers the session."""
        for tabs in self.ancestors:
            if isinstance(tabs, TabbedContent):
                self.watch(tabs, "active", self._tab_changed, init=False)
                break
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    # --- running it ----------------------------------------------------------------------

    def begin(
        self, schedule: BreathingSchedule, *, stress_before: int | None, pain_before: int | None
    ) -> None:
        """Start ``schedule`` now (the tab shows this view, then calls ``tick``)."""
        self._stop_timer()
        app_clock = clock(self)
        self.session = RunningSession(
            schedule=schedule,
            clock=SessionClock(app_clock.monotonic()),
            started_at=app_clock.now(),
            stress_before=stress_before,
            pain_before=pain_before,
        )
        self.query_one("#session-progress", ProgressBar).update(
            total=schedule.total_seconds, progress=0
        )

    def tick(self) -> BreathingSession | None:
        """Redraw the session from the clock now, and plan the next redraw. Once it is over,
        close it and give its record."""
        session = self.session
        if session is None:
            return None
        self._stop_timer()
        elapsed = session.clock.elapsed(clock(self).monotonic())
        moment = session.schedule.at(elapsed)
        self._show_moment(moment, session)
        if moment.finished:
            return self._close(elapsed)
        if not session.clock.paused:
            # The count changes on whole seconds of breathing: aim a redraw just past the
            # next one, and redraw in between for the marker and the bar.
            to_change = math.floor(elapsed) + 1 - elapsed + AIM_PAST_CHANGE
            wait = max(SHORTEST_WAIT, min(REDRAW_SECONDS, to_change))
            self._timer = self.set_timer(wait, self._tick_on_time)
        return None

    def _tick_on_time(self) -> None:
        record = self.tick()
        if record is not None:
            self.post_message(SessionOver(record))

    def _show_moment(self, moment: Moment, session: RunningSession) -> None:
        paused = session.clock.paused
        moving = not diary(self).profile().settings.reduced_motion
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

    def toggle_pause(self) -> None:
        """Pause, or carry on (the tab then redraws); the paused time is left out."""
        if self.session is not None:
            self.session.clock.toggle(clock(self).monotonic())

    def stop(self) -> BreathingSession | None:
        """End the session now, stopped early: its record (None with no session)."""
        session = self.session
        if session is None:
            return None
        return self._close(session.clock.elapsed(clock(self).monotonic()))

    def _close(self, elapsed: float) -> BreathingSession:
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

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def on_unmount(self) -> None:
        """The app is closing in the middle of a session: keep it, as stopped early (every
        session is saved, finished or not). The writer saves it before the app is gone."""
        record = self.stop()
        if record is not None:
            with suppress(RuntimeError):  # the writer has already stopped
                save(self, SaveBreathingSession(record))

    # --- pausing while it cannot be followed ---------------------------------------------

    def _tab_changed(self, active: str) -> None:
        """Leaving the tab pauses a running session, so no breathing is counted unseen."""
        if active != self._pane_id():
            # Checked again once the tabs settle: they may pass through another tab on start.
            self.call_after_refresh(self._pause_if_hidden)

    def _pause_if_hidden(self) -> None:
        session = self.session
        if session is None or session.clock.paused:
            return
        for tabs in self.ancestors:
            if isinstance(tabs, TabbedContent) and tabs.active != self._pane_id():
                session.clock.pause(clock(self).monotonic())
                self._tick_on_time()

    def _pane_id(self) -> str | None:
        """The id of the tab pane holding the session."""
        for ancestor in self.ancestors:
            if isinstance(ancestor, TabPane):
                return ancestor.id
        return None

    def _screen_changed(self, screen: Screen[Any]) -> None:
        """The box cannot be followed under another screen: pause, as leaving the tab does."""
        session = self.session
        if screen is self.screen or session is None or session.clock.paused:
            return
        # The palette is left at once, often to pause or stop the session itself: pausing
        # here would make its "Pause/resume" resume.
        if isinstance(screen, CommandPalette):
            return
        session.clock.pause(clock(self).monotonic())
        self._tick_on_time()
