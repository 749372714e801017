"""SteadyOptionList: the page keys do nothing while the list has no room, and page as
Textual's OptionList does once it has."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.pilot import Pilot

from sciatica_tui.screens.widgets.steady_option_list import SteadyOptionList

OPTIONS = [f"Option {n}" for n in range(20)]


class ListApp(App[None]):
    """One list, ``height`` rows tall."""

    def __init__(self, height: int) -> None:
        super().__init__()
        self.height = height

    def compose(self) -> ComposeResult:
        options = SteadyOptionList(*OPTIONS)
        options.styles.height = self.height
        yield options


async def focused_list(pilot: Pilot[None], highlighted: int | None) -> SteadyOptionList:
    """The list, with the cursor in it on ``highlighted``."""
    options = pilot.app.query_one(SteadyOptionList)
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
