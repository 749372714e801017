"""What the person meets as the app opens, in order: their theme, a note about any record
that could not be read, then a breathing session asked for on the command line or, on a
first run, the welcome.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from sciatica_tui import collector
from sciatica_tui.store.changes import UpdateSettings
from sciatica_tui.store.errors import StoreError

if TYPE_CHECKING:
    from sciatica_tui.app import SciaticaApp

# Seconds: past the start-up's own work and a first key typed as the screen appears.
FINISH_AFTER_FIRST_FRAME = 1.0
# The older records are checked this many at a time, a moment apart: a key typed meanwhile
# waits for one step at most (a few milliseconds), where checking ten years at once held
# the app for 120 to 200 ms on a small machine.
CHECKED_PER_STEP = 400
SECONDS_BETWEEN_STEPS = 0.01


def open_the_diary(app: SciaticaApp) -> None:
    """Run when the app is mounted: everything above, before the first frame."""
    settings = app.store.profile().settings
    if settings.theme in app.available_themes:
        app.theme = settings.theme
    app.theme_changed_signal.subscribe(app, partial(_remember_theme, app))
    if notice := app.store.notice():  # records that could not be read, and where they are
        app.notify(notice, severity="warning", timeout=15)
    if (first_tab := app.built_tab(app.first_tab.pane)) is not None:
        first_tab.focus_first()  # before the first frame: a key typed at once lands in it
    if app.breathe_on_start is not None:
        app.call_later(_start_breathing, app, *app.breathe_on_start)
    elif not app.store.profile().welcomed and app.store.read_only_reason is None:
        # A read-only diary cannot keep the answers: no first-run questions.
        app.action_edit_dates(first_run=True)


def after_first_frame(app: SciaticaApp) -> None:
    """Run once the first frame is out: a moment later, the diary's older records are checked
    and the garbage collector, if held, is released."""
    if not app.store.opened_fully:
        app.set_timer(FINISH_AFTER_FIRST_FRAME, partial(_finish_opening, app))
    if collector.is_held():
        app.set_timer(collector.RELEASE_AFTER_FIRST_FRAME, collector.release)


def _finish_opening(app: SciaticaApp) -> None:
    """Check the diary's older records, left until after the first frame, a step at a time,
    and then say what could not be read among them; run a moment after the first frame."""

    over = False

    def step() -> None:
        # Textual 8's timer can tick once more after ``stop`` when it is behind time (it
        # then waits under half a millisecond, which does not yield to the cancelling), so
        # a step after the last does nothing: the person is told once.
        nonlocal over
        if not over and _checked_a_step(app):
            over = True
            steps.stop()

    # A timer's steps leave the app free between them to handle keys and draw.
    steps = app.set_interval(SECONDS_BETWEEN_STEPS, step)


def _checked_a_step(app: SciaticaApp) -> bool:
    """One step of the check; True once it is over (the person told what it found)."""
    try:
        if not app.store.finish_opening(at_most=CHECKED_PER_STEP):
            return False
    except StoreError as error:
        app.notify(str(error), title="Not saved", severity="error", timeout=15)
    if notice := app.store.notice():
        app.notify(notice, severity="warning", timeout=15)
    return True


def _remember_theme(app: SciaticaApp, theme: Any) -> None:
    """A theme chosen (from the palette) is the one the app opens with next time."""
    if app.store.profile().settings.theme != app.theme:
        app.save(app, UpdateSettings.of(theme=app.theme))


async def _start_breathing(app: SciaticaApp, minutes: int, count: int) -> None:
    """The Breathe tab opened on a session of ``minutes``: the ratings before it first."""
    from sciatica_tui.screens.breathe.tab import BreatheTab

    await app.action_show_tab("breathe")
    tab = await app.tab_widget("breathe")
    if isinstance(tab, BreatheTab):
        tab.start_session(minutes, count)
