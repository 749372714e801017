"""How each tab's teaching looks when ctrl+l opens it (issue 21), at 80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from sciatica_tui.screens.dialogs.learn_more import LearnMoreDialog
from tests.support.app import build_app, until, welcomed

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
TABS = ["today", "breathe", "rehab", "clinic"]


def opened(pane: str):  # type: ignore[no-untyped-def]
    """Once the app is open on ``pane`` (``opens_on``) with the cursor in it, ctrl+l."""

    async def run_before(pilot: Pilot[int]) -> None:
        app = pilot.app
        await until(
            pilot,
            lambda: (
                app.focused is not None
                and app.query_one(f"#{pane}-tab") in app.focused.ancestors_with_self
            ),
            f"the cursor is in the {pane} tab",
        )
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(pilot.app.screen, LearnMoreDialog), "it opens")
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("pane", TABS)
def test_learn_more(snap_compare, pane: str, size: tuple[int, int]) -> None:
    assert snap_compare(
        build_app(None, welcomed(), opens_on=pane), run_before=opened(pane), terminal_size=size
    )
