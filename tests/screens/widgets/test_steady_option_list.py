"""steady_option_lists: page keys in any option list (the app's, the command palette's, a Select's
menu) do nothing while the list has no room, and page as Textual's own once it has.

The last tests guard what the patch relies on in the installed Textual; each fails naming the
version when Textual changes it (or fixes the crash itself)."""

from __future__ import annotations

import importlib.metadata

import pytest
from rich.style import Style
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList, Select
from textual.widgets._select import SelectOverlay

from sciatica_tui.screens.widgets.steady_option_list import (
    TEXTUAL_CLICK,
    TEXTUAL_PAGE_DOWN,
    TEXTUAL_PAGE_UP,
    steady_option_lists,
)
from tests.support.app import build_app, until, welcomed

OPTIONS = [f"Option {n}" for n in range(40)]
TEXTUAL = f"Textual {importlib.metadata.version('textual')}"


@pytest.fixture(autouse=True)
def steady() -> None:
    """Installed as the app does it, for the bare apps here."""
    steady_option_lists()


class ListApp(App[None]):
    """One list, ``height`` rows tall."""

    def __init__(self, height: int) -> None:
        super().__init__()
        self.height = height

    def compose(self) -> ComposeResult:
        options = OptionList(*OPTIONS)
        options.styles.height = self.height
        yield options


async def focused_list(pilot: Pilot[None], highlighted: int | None) -> OptionList:
    """The list, with the cursor in it on ``highlighted``."""
    options = pilot.app.query_one(OptionList)
    options.highlighted = highlighted
    options.focus()
    await pilot.pause()
    return options


async def test_page_keys_on_a_list_with_no_room_leave_it_as_it_is() -> None:
    """Textual's own list raised KeyError here (found by the monkey test)."""
    app = ListApp(height=0)
    async with app.run_test(size=(40, 10)) as pilot:
        options = await focused_list(pilot, 3)
        await pilot.press("pagedown", "pageup")
        assert options.highlighted == 3


async def test_with_nothing_highlighted_the_page_keys_go_to_an_end_even_with_no_room() -> None:
    app = ListApp(height=0)
    async with app.run_test(size=(40, 10)) as pilot:
        options = await focused_list(pilot, None)
        await pilot.press("pagedown")
        assert options.highlighted == len(OPTIONS) - 1
        options.highlighted = None
        await pilot.press("pageup")
        assert options.highlighted == 0


async def test_with_room_the_page_keys_move_a_page() -> None:
    app = ListApp(height=7)
    async with app.run_test(size=(40, 10)) as pilot:
        options = await focused_list(pilot, 0)
        await pilot.press("pagedown")
        paged = options.highlighted
        assert paged is not None and 1 < paged < len(OPTIONS) - 1
        await pilot.press("pageup")
        assert options.highlighted == 0


async def test_the_palette_pages_while_its_list_refills() -> None:
    """Issue 19, item 12: the palette's list, empty (so no height) and refilled as the
    person typed, was paged before the next layout: ``KeyError`` in Textual's
    ``OptionList._move_page``, through ``CommandPalette._action_command_list``. The refill here
    is the one Textual's palette does after each letter (clear, add, highlight the first)."""
    app = build_app(None, welcomed())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        palette = app.screen
        commands = palette.query_one(CommandList)
        await until(pilot, lambda: commands.option_count > 0, "the palette's commands")
        every_command = list(commands.options)
        commands.clear_options()
        await pilot.pause()
        assert not commands.scrollable_content_region  # an empty list has no height

        commands.add_options(every_command)
        commands.highlighted = 0
        await palette.run_action("command_list('page_down')")
        assert commands.highlighted == 0  # no room yet: the page key waits
        commands.highlighted = None
        await palette.run_action("command_list('page_down')")  # to the last: needs no room
        await palette.run_action("command_list('page_down')")  # was KeyError: 39
        await palette.run_action("command_list('page_up')")
        assert commands.highlighted == len(every_command) - 1

        await pilot.pause()  # laid out: the page keys move again
        await pilot.press("pageup")
        assert commands.highlighted is not None
        assert commands.highlighted < len(every_command) - 1
        assert isinstance(app.screen, CommandPalette)


class SelectApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Select([(option, option) for option in OPTIONS], value=OPTIONS[30])


async def test_a_select_menu_paged_as_it_opens_stays_open() -> None:
    """A Select's menu gets its options' lines only once shown: paged in the same moment
    it opened, Textual's raised ``KeyError`` (the Clinic tab's selects)."""
    app = SelectApp()
    async with app.run_test(size=(40, 12)) as pilot:
        select = app.query_one(Select)
        menu = select.query_one(SelectOverlay)
        select.expanded = True  # opens the menu on the chosen option, not yet laid out
        chosen = menu.highlighted  # the blank choice comes first
        assert chosen == 31 and not menu.scrollable_content_region
        menu.action_page_down()
        menu.action_page_up()
        assert menu.highlighted == chosen
        await pilot.pause()
        await pilot.press("pagedown")
        assert menu.highlighted is not None and menu.highlighted > chosen
        assert select.expanded


# --- guards on what steady_option_lists relies on in the installed Textual ----------------------


async def test_textual_still_needs_the_guard() -> None:
    """Textual's own page actions still raise on a highlighted list with no room; when they
    stop, steady_option_lists (and its call in SciaticaApp) can go."""
    app = ListApp(height=0)
    async with app.run_test(size=(40, 10)) as pilot:
        options = await focused_list(pilot, 3)
        for page in (TEXTUAL_PAGE_DOWN, TEXTUAL_PAGE_UP):
            try:
                page(options)
            except KeyError:
                continue
            pytest.fail(
                f"{TEXTUAL} pages an option list with no room without KeyError: remove "
                "steady_option_lists (screens/widgets/steady_option_list.py) and its call in "
                "SciaticaApp, and keep these tests on plain OptionList."
            )


def test_the_palette_and_select_menus_page_through_option_list() -> None:
    """The guard sits on ``OptionList``; it covers the palette's list and Select's menu only
    while they page with ``OptionList``'s actions."""
    steady_option_lists()
    for option_list in (CommandList, SelectOverlay):
        for action in ("action_page_up", "action_page_down"):
            assert getattr(option_list, action) is getattr(OptionList, action), (
                f"{TEXTUAL}: {option_list.__name__} has its own {action}; steady_option_lists "
                "no longer guards it. Guard that class too (see steady_option_list.py)."
            )

    def actions(bindings: list[object]) -> dict[str, str]:
        return {b.key: b.action for b in bindings if isinstance(b, Binding)}

    assert actions(CommandPalette.BINDINGS).get("pagedown") == "command_list('page_down')", (
        f"{TEXTUAL}: the palette's page down is no longer its list's page_down action; "
        "check that the list still pages through OptionList.action_page_down."
    )
    paged = actions(OptionList.BINDINGS)
    assert (paged.get("pageup"), paged.get("pagedown")) == ("page_up", "page_down"), (
        f"{TEXTUAL}: OptionList's page keys run other actions now; steady_option_lists "
        "guards action_page_up and action_page_down."
    )


def click_on_option(option_list: OptionList, option: int) -> events.Click:
    """A click on the line Textual drew for ``option`` (its number rides on the style)."""
    at = {"x": 1, "y": 1, "delta_x": 0, "delta_y": 0, "button": 1, "shift": False}
    at |= {"meta": False, "ctrl": False, "style": Style(meta={"option": option})}
    return events.Click(option_list, **at, chain=1)


async def test_a_click_on_an_option_gone_since_it_was_drawn_does_nothing() -> None:
    """The palette's list refills with fewer commands as the person types; a click on a line
    drawn before raised IndexError (found by the monkey test)."""
    app = ListApp(height=7)
    async with app.run_test(size=(40, 10)) as pilot:
        options = await focused_list(pilot, 0)
        options.set_options(OPTIONS[:3])
        options.highlighted = 0
        options.post_message(click_on_option(options, 6))
        await pilot.pause()
        assert options.highlighted == 0
        options.post_message(click_on_option(options, 2))
        await pilot.pause()
        assert options.highlighted == 2  # a click on an option still there still chooses it


async def test_textual_still_needs_the_click_guard() -> None:
    app = ListApp(height=7)
    async with app.run_test(size=(40, 10)) as pilot:
        options = await focused_list(pilot, 0)
        assert TEXTUAL_CLICK.__qualname__ == "OptionList._on_click", (
            f"{TEXTUAL}: OptionList handles clicks elsewhere now; steady_option_lists "
            "guards _on_click, which no longer exists."
        )
        try:
            await TEXTUAL_CLICK(options, click_on_option(options, len(OPTIONS) + 5))
        except IndexError:
            return
        pytest.fail(
            f"{TEXTUAL} ignores a click on an option that is gone: the click guard of "
            "steady_option_lists (screens/widgets/steady_option_list.py) can go."
        )
