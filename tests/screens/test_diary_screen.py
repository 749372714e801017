"""The app's first screen lays the tabs out only when something changed (issue 18 §7).

Its savings lean on how Textual 8 opens a screen; these tests fail plainly if a new Textual
changes that, rather than letting the first key quietly slow down again, and check that what
the screen skips would have changed nothing.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
from textual import events, messages
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Region, Size
from textual.pilot import Pilot
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label

from sciatica_tui.screens.diary_screen import TOAST_RACK_ID, DiaryScreen
from sciatica_tui.screens.tabs import DiaryTabs
from tests.support.app import Seed, build_app, settled, until, welcomed
from tests.support.store import fill


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[Screen[object]]:
    """Every full layout of a screen (not a scroll), as it happens."""
    done: list[Screen[object]] = []
    textual_layout = Screen._refresh_layout

    def counted(screen: Screen[object], size: Size | None = None, scroll: bool = False) -> None:
        textual_layout(screen, size, scroll)
        if not scroll:
            done.append(screen)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)  # undone after the test
    return done


def test_textual_still_has_what_the_screen_leans_on() -> None:
    """DiaryScreen overrides Textual's private ``Screen._refresh_layout``, reads the widgets
    laid out from its private compositor, and clears each widget's private
    ``_layout_required``."""
    assert list(inspect.signature(Screen._refresh_layout).parameters) == [
        "self",
        "size",
        "scroll",
    ], "Screen._refresh_layout changed: update DiaryScreen._refresh_layout"
    assert isinstance(Screen()._compositor.layers, list), (
        "Compositor.layers changed: DiaryScreen._refresh_layout reads the widgets laid out there"
    )
    assert Widget()._layout_required is False, (
        "Widget._layout_required is gone: DiaryScreen._refresh_layout must forget the "
        "layouts its first layout asked for some other way"
    )


def test_textual_still_has_what_the_first_frame_leans_on() -> None:
    """DiaryScreen clears the private ``_repaint_required`` of the widgets its first frame
    drew, and drops the ``Update`` messages they sent before it."""
    assert Widget()._repaint_required is False, (
        "Widget._repaint_required is gone: DiaryScreen must forget the repaints its first "
        "frame answered some other way"
    )
    assert "widget" in inspect.signature(messages.Update).parameters, (
        "textual.messages.Update changed: update DiaryScreen.on_update"
    )


class _Plain(App[None]):
    """A one-screen app on Textual's own Screen, or on DiaryScreen."""

    def __init__(self, screen: type[Screen[None]], lines: int) -> None:
        super().__init__()
        self._screen, self._lines = screen, lines

    def get_default_screen(self) -> Screen[None]:
        return self._screen()

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            for line in range(self._lines):
                yield Label(f"line {line}")


async def _layouts_as_it_opens(screen: type[Screen[None]], lines: int, done: list) -> int:
    """How many times the screen was laid out as it opened; it must then stand as a new
    layout would place it."""
    app = _Plain(screen, lines)
    async with app.run_test(size=(40, 10)) as pilot:
        for _ in range(3):  # the opening's own layouts are over
            await pilot.pause(0.05)
        opening = len([laid for laid in done if laid is app.screen])
        assert await _laid_out_again(pilot, app.screen) == {}
        return opening


async def _laid_out_again(pilot: Pilot[None], screen: Screen[object]) -> dict[Widget, Region]:
    """The widgets a new layout moves, with where they were."""
    before = {widget: widget.region for widget in screen.walk_children(Widget)}
    screen.refresh(layout=True)
    await pilot.pause()
    await pilot.pause()
    return {widget: was for widget, was in before.items() if widget.region != was}


async def test_textual_lays_a_screen_out_twice_as_it_opens(layouts: list) -> None:
    """The second layout is the one DiaryScreen forgets: if Textual stops making it, the
    forgetting has nothing left to do and can go."""
    laid_out = await _layouts_as_it_opens(Screen, 3, layouts)
    assert laid_out > 1, "Textual lays a new screen out once: DiaryScreen's forgetting can go"


async def test_the_screen_is_laid_out_once_as_it_opens(layouts: list) -> None:
    assert await _layouts_as_it_opens(DiaryScreen, 3, layouts) == 1


async def test_a_scrollbar_coming_in_the_first_layout_keeps_the_next(layouts: list) -> None:
    """A scrollbar that came in the first layout narrows what is beside it: that next
    layout is Textual's as before."""
    assert await _layouts_as_it_opens(DiaryScreen, 30, layouts) > 1


class ShownLater(Widget):
    """A line that changes as it is first shown, just after the first layout (a repaint,
    not a new layout)."""

    DEFAULT_CSS = "ShownLater { height: 1; }"
    text = reactive("hidden")
    line = -1  # its line on the screen, once shown

    def render(self) -> str:
        return self.text

    def on_show(self) -> None:
        self.text = "shown"
        self.line = self.region.y


def _lines_drawn(update: object) -> set[int]:
    """The screen lines a frame draws."""
    if isinstance(update, LayoutUpdate):
        return set(range(update.region.y, update.region.bottom))
    assert isinstance(update, ChopsUpdate), update
    return {y for y, line in enumerate(update.chops) if any(c is not None for c in line.values())}


async def _frames_as_it_opens(
    app: App[Any], monkeypatch: pytest.MonkeyPatch, size: tuple[int, int] = (40, 10)
) -> list[set[int]]:
    """The lines each frame drew as ``app`` opened."""
    frames: list[set[int]] = []
    display = App._display

    def drawn(self: App[Any], screen: Screen[object], update: object) -> None:
        if update is not None:
            frames.append(_lines_drawn(update))
        display(self, screen, update)  # type: ignore[arg-type]

    monkeypatch.setattr(App, "_display", drawn)
    async with app.run_test(size=size) as pilot:
        for _ in range(3):  # the opening's own frames are over
            await pilot.pause(0.05)
        return frames


@pytest.mark.frames
async def test_textual_draws_a_new_screen_whole_twice_as_it_opens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The second whole frame is the one DiaryScreen forgets: if Textual stops drawing it,
    the forgetting can go."""
    frames = await _frames_as_it_opens(_Plain(Screen, 3), monkeypatch)
    assert frames[:2] == [set(range(10))] * 2, (
        "Textual draws a new screen whole once: DiaryScreen's forgotten repaints can go"
    )


@pytest.mark.frames
async def test_the_screen_is_drawn_whole_once_as_it_opens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert await _frames_as_it_opens(_Plain(DiaryScreen, 3), monkeypatch) == [set(range(10))]


@pytest.mark.frames
async def test_a_change_after_the_first_frame_is_still_drawn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = _Plain(DiaryScreen, 0)
    shown = ShownLater()
    app.compose = lambda: iter([Label("still"), shown])  # type: ignore[method-assign]
    frames = await _frames_as_it_opens(app, monkeypatch)
    assert frames[0] == set(range(10))
    assert shown.line == 1
    assert frames[1:] == [{shown.line}], frames


@pytest.mark.frames
async def test_the_app_draws_its_first_screen_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key typed at the first frame no longer waits behind a second one (issue 18 §7)."""
    app = build_app(tmp_path, welcomed(), fill)
    first, *later = await _frames_as_it_opens(app, monkeypatch, (100, 30))
    assert first == set(range(30))
    # Then only the line under the tabs, as the open tab's marker is placed.
    assert all(len(lines) <= 1 for lines in later), later


def _styles(screen: Screen[object]) -> dict[Widget, tuple[str, str]]:
    return {
        widget: (widget.styles.css, str(widget.rich_style))
        for widget in screen.walk_children(Widget, with_self=True)
    }


@pytest.mark.parametrize("seed", [welcomed(), fill], ids=["default theme", "a saved theme"])
async def test_the_styling_skipped_as_it_opens_would_have_changed_nothing(
    tmp_path: Path, seed: Seed
) -> None:
    app = build_app(tmp_path, welcomed(), seed)
    async with app.run_test() as pilot:
        await settled(pilot)
        opened = _styles(app.screen)
        app.screen.update_node_styles(animate=False)  # what Textual does as a screen resumes
        await pilot.pause()
        assert _styles(app.screen) == opened


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 50)])
async def test_the_forgotten_layout_would_have_changed_nothing(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = build_app(tmp_path, welcomed(), fill)
    async with app.run_test(size=size) as pilot:
        await settled(pilot)
        assert await _laid_out_again(pilot, app.screen) == {}


async def test_the_notification_rack_starts_hidden_and_shows_a_note(tmp_path: Path) -> None:
    app = build_app(tmp_path, welcomed())
    async with app.run_test(notifications=True) as pilot:
        assert isinstance(app.screen, DiaryScreen)
        racks = app.screen.query(f"#{TOAST_RACK_ID}")
        assert len(racks) == 1, (
            f"Textual no longer adds '#{TOAST_RACK_ID}' to each screen: "
            "update TOAST_RACK_ID in screens/diary_screen.py"
        )
        rack = racks.first()
        assert type(rack).__name__ == "ToastRack"
        assert rack.display is False
        app.notify("Saved.")
        await until(pilot, lambda: rack.display, "the note to show")


async def test_a_size_report_of_the_size_on_screen_lays_nothing_out(tmp_path: Path) -> None:
    app = build_app(tmp_path, welcomed())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        layouts: list[Screen[object]] = []
        screen.screen_layout_refresh_signal.subscribe(screen, layouts.append)
        for _ in range(3):  # the opening's own layouts are over
            await pilot.pause(0.05)
        layouts.clear()
        screen.post_message(events.Resize(screen.size, screen.size))
        await pilot.pause()
        await pilot.pause()
        assert layouts == []
        await pilot.resize_terminal(90, 28)  # a real change still lays the screen out
        await until(pilot, lambda: bool(layouts), "a layout at the new size")
        assert screen.size.width == 90


def test_today_is_not_read_twice_as_the_app_opens() -> None:
    tabs = DiaryTabs("today")
    assert not tabs.shows_fresh_figures("today")  # the app opening: read as it was built
    assert tabs.shows_fresh_figures("today")  # coming back to it: other tabs may have saved
    assert DiaryTabs("today").shows_fresh_figures("breathe")
    # Opened on another tab, it reads as it does when its key opens it (Trends reads then).
    assert DiaryTabs("trends").shows_fresh_figures("trends")
