"""Frames that no one sees are not drawn in the tests; the last frame of every app is.

A test's app runs headless: Textual lays it out after each key as it would on a terminal,
then draws the changed lines into a frame that the headless driver throws away. Drawing
those frames took about 30% of the suite's CPU time (2026-12-03, whole suite, 2 cores: 569
CPU-seconds with them, 392 without, every test passing either way). So in the tests the
screen lays out as before but draws nothing, except:

* the last frame of every app a test starts with ``run_test``: drawn in full as the test
  leaves the app, so a widget that cannot draw the state the test left it in still fails it;
* every frame of a test marked ``frames`` (the 5,000-event monkey test, whose point is that
  no key sequence breaks the app, drawing included);
* the snapshot tests, which draw their whole screen for the picture they compare, and the
  tmux tests, which run the real app in a real terminal.

The app is untouched: a person's terminal gets every frame.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

# The Textual 8 method that draws a screen's changed lines as a frame, and the compositor
# method that draws a whole screen: tests/test_frames.py fails plainly if either goes.
FRAME_METHOD = "_compositor_refresh"
_DRAW_FRAME = getattr(Screen, FRAME_METHOD)
_RUN_TEST = App.run_test


def _lay_out_only(screen: Screen[Any]) -> None:
    """What Textual does after a layout, without drawing: the changes count as shown."""
    app = screen.app
    if screen is not app.screen or app.is_inline:
        _DRAW_FRAME(screen)  # a screen behind a dialog passes its changes to the front one
        return
    screen._dirty_widgets.clear()
    screen._compositor._dirty_regions.clear()


def draw_whole_screen(app: App[Any]) -> None:
    """Draw the screen in front, every line, as its first frame on a terminal would be (a
    widget that cannot draw raises here)."""
    app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)


@asynccontextmanager
async def _run_test_drawing_the_last_frame(
    self: App[Any], *args: Any, **kwargs: Any
) -> AsyncIterator[Pilot[Any]]:
    async with _RUN_TEST(self, *args, **kwargs) as pilot:
        yield pilot
        draw_whole_screen(self)


def skip_unseen_frames(monkeypatch: pytest.MonkeyPatch) -> None:
    """For one test: lay out without drawing, and draw the last frame of each app."""
    monkeypatch.setattr(Screen, FRAME_METHOD, _lay_out_only)
    monkeypatch.setattr(App, "run_test", _run_test_drawing_the_last_frame)
