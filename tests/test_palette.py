"""The app's command palette (sciatica_tui/palette.py): every palette it opens closes once,
takes nothing in once closed, and leaves Textual's key panel out (issue 19, item 12).

The last test guards what SteadyPalettes relies on in the installed Textual."""

from __future__ import annotations

import ast
import importlib.metadata
import inspect
import textwrap

from textual import events
from textual.app import App
from textual.command import CommandPalette

from sciatica_tui.palette import LEFT_OUT, SteadyCommandPalette, SteadyPalettes
from sciatica_tui.screens.dialogs.help import HelpScreen
from tests.support.app import build_app, settled, until, welcomed

TEXTUAL = f"Textual {importlib.metadata.version('textual')}"


def click_at(x: int, y: int) -> list[events.Event]:
    """What a terminal sends for a left click at column ``x``, row ``y``."""
    at = {"x": x, "y": y, "delta_x": 0, "delta_y": 0, "button": 1, "shift": False}
    at |= {"meta": False, "ctrl": False, "screen_x": x, "screen_y": y}
    return [events.MouseDown(None, **at), events.MouseUp(None, **at), events.Click(None, **at)]


async def test_a_double_click_around_the_palette_closes_only_the_palette() -> None:
    """Textual's palette popped the screen under it on the second click (the help here;
    over the tabs, ScreenStackError)."""
    app = build_app(None, welcomed())
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("question_mark", "ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, SteadyCommandPalette), "the palette")
        driver = app._driver
        assert driver is not None
        await pilot.pause()
        assert app.screen.get_widget_at(2, 38)[0] is app.screen  # below the list
        for event in [*click_at(2, 38), *click_at(2, 38)]:  # on the dimmed help
            driver.send_message(event)
        await until(pilot, lambda: not isinstance(app.screen, CommandPalette), "it closed")
        await settled(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_ctrl_p_straight_after_escape_opens_a_new_palette() -> None:
    """Textual gives every palette the same id: the new one raised DuplicateIds while the
    old one was still being taken down."""
    app = build_app(None, welcomed())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, SteadyCommandPalette), "the palette")
        old = app.screen
        old.dismiss()  # what Escape does; the palette is taken down after this
        app.action_command_palette()
        await settled(pilot)
        assert isinstance(app.screen, SteadyCommandPalette) and app.screen is not old


async def test_every_palette_the_app_opens_is_the_steady_one() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(80, 24)) as pilot:
        app.search_themes()  # the palette's Theme command
        await settled(pilot)
        assert isinstance(app.screen, SteadyCommandPalette)
        app.screen.dismiss()
        await app.search_commands([("Say hello", app.bell)])
        assert isinstance(app.screen, SteadyCommandPalette)


async def test_the_palette_leaves_out_textuals_key_panel() -> None:
    app = build_app(None, welcomed())
    async with app.run_test():
        titles = {command.title for command in app.get_system_commands(app.screen)}
        textual_titles = {command.title for command in App.get_system_commands(app, app.screen)}
    assert LEFT_OUT <= textual_titles, (
        f"{TEXTUAL} no longer offers {LEFT_OUT - textual_titles}: drop it from LEFT_OUT."
    )
    assert not titles & LEFT_OUT
    assert {"Theme", "Quit"} <= titles


def test_textual_opens_its_palettes_only_where_the_app_opens_its_own() -> None:
    """SteadyPalettes replaces each method of Textual's App that builds a CommandPalette; a
    new one in Textual would open the unguarded palette."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(App)))
    [app_class] = tree.body
    assert isinstance(app_class, ast.ClassDef)
    building = {
        method.name
        for method in app_class.body
        if isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef)
        and any(
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "CommandPalette"
            for node in ast.walk(method)
        )
    }
    replaced = {name for name in vars(SteadyPalettes) if callable(vars(SteadyPalettes)[name])}
    assert building <= replaced, (
        f"{TEXTUAL}: App.{sorted(building - replaced)} opens Textual's own palette; make "
        "SteadyPalettes (sciatica_tui/palette.py) open a SteadyCommandPalette there too."
    )
