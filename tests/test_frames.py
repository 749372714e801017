"""The tests draw only the frames someone sees (tests/support/frames.py), and still fail when
a widget cannot draw the state a test leaves it in."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from tests.support.frames import FRAME_METHOD


class CannotDraw(RuntimeError):
    """Raised by a widget asked to draw a state it cannot."""


class Fragile(Static):
    DEFAULT_CSS = "Fragile { width: 10; height: 1; }"  # a fixed size: only drawing renders it
    broken = False

    def render(self) -> str:
        if self.broken:
            raise CannotDraw("this state cannot be drawn")
        return "fine"


class FragileApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Fragile()


def counting_frames(app: App[Any], monkeypatch: pytest.MonkeyPatch) -> list[object]:
    frames: list[object] = []
    display = app._display

    def counted(screen: Screen[Any], update: Any) -> None:
        frames.append(update)
        display(screen, update)

    monkeypatch.setattr(app, "_display", counted)
    return frames


def test_textual_still_draws_frames_where_the_tests_expect() -> None:
    assert callable(getattr(Screen, FRAME_METHOD, None)), (
        f"Textual no longer has Screen.{FRAME_METHOD}: update tests/support/frames.py"
    )


async def frames_after_a_change(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The frames an app draws while a widget changes, before the test leaves it."""
    app = FragileApp()
    async with app.run_test() as pilot:
        frames = counting_frames(app, monkeypatch)
        app.query_one(Fragile).update("changed")
        await pilot.pause()
        return list(frames)


async def test_a_test_app_draws_no_frame_until_it_is_left(monkeypatch: pytest.MonkeyPatch) -> None:
    assert await frames_after_a_change(monkeypatch) == []


async def test_the_last_state_of_a_test_app_must_draw() -> None:
    app = FragileApp()
    with pytest.raises(CannotDraw):
        async with app.run_test() as pilot:
            fragile = app.query_one(Fragile)
            fragile.broken = True
            fragile.refresh()
            await pilot.pause()  # no frame drawn yet: the error waits for the last one


@pytest.mark.frames
async def test_a_test_marked_frames_draws_each_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    assert await frames_after_a_change(monkeypatch) != []
