"""Option lists that survive page keys and clicks while they change: the app's own, the
command palette's and the menus of Select.

Textual's ``OptionList`` maps its options to screen lines only while it has room on screen
(``_update_lines`` returns early otherwise), but its page up and page down look the
highlighted option up in that map. Between the moment a list gets its options and the next
layout, or while a list is squeezed to no height, the map lacks the option and the key raised
``KeyError``: the app's lists on a small terminal, the command palette as it refills while
the person types (issue 19, item 12), a Select's menu paged as it opens. A click carries the
number of the option drawn under the mouse; landing as the list was refilled with fewer
options, it raised ``IndexError``.

Two of those lists are built inside Textual (the palette's ``CommandList``, Select's
``SelectOverlay``) where no subclass can be swapped in, so the guards go on ``OptionList``
itself, once, as the app starts (``steady_option_lists``). The click handler is private to
Textual: tests/screens/widgets/test_steady_option_list.py fails, naming the Textual version,
when Textual changes what these guards rely on (or fixes the crashes itself).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, Final

from textual import events
from textual.widgets import OptionList

PageAction = Callable[[OptionList], None]
ClickHandler = Callable[[OptionList, events.Click], Coroutine[Any, Any, None]]

# Textual's own page actions and click handler, called when they are safe.
TEXTUAL_PAGE_UP: Final[PageAction] = OptionList.action_page_up
TEXTUAL_PAGE_DOWN: Final[PageAction] = OptionList.action_page_down
TEXTUAL_CLICK: Final[ClickHandler] = OptionList._on_click


def has_room_to_page(option_list: OptionList) -> bool:
    """Whether a page key can move in ``option_list`` now.

    With nothing highlighted the page keys go to the first or last option, which needs no
    room; a page move from a highlighted option needs the list on screen (then Textual maps
    every option to its lines before looking one up)."""
    return option_list.highlighted is None or bool(option_list.scrollable_content_region)


def _steady_page_up(option_list: OptionList) -> None:
    """Move the highlight up one page, once the list is shown."""
    if has_room_to_page(option_list):
        TEXTUAL_PAGE_UP(option_list)


def _steady_page_down(option_list: OptionList) -> None:
    """Move the highlight down one page, once the list is shown."""
    if has_room_to_page(option_list):
        TEXTUAL_PAGE_DOWN(option_list)


async def _steady_click(option_list: OptionList, event: events.Click) -> None:
    """Choose the option clicked, unless the list no longer has one with its number."""
    clicked = event.style.meta.get("option")
    if not isinstance(clicked, int) or clicked < option_list.option_count:
        await TEXTUAL_CLICK(option_list, event)


def steady_option_lists() -> None:
    """Make page up, page down and clicks safe in every ``OptionList`` (subclasses included:
    the palette's list, Select's menu): a list with no room yet leaves its highlight where it
    is, and a click on an option gone since it was drawn does nothing. Installing it again
    changes nothing."""
    OptionList.action_page_up = _steady_page_up  # type: ignore[method-assign]
    OptionList.action_page_down = _steady_page_down  # type: ignore[method-assign]
    OptionList._on_click = _steady_click  # type: ignore[method-assign, assignment]
