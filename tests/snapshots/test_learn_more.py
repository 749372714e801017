"""How each tab's teaching looks when ctrl+l opens it (issue 21), at 80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from sciatica_tui.screens.dialogs.learn_more import LearnMoreDialog
from tests.support.app import build_app, open_tab, until, welcomed

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
TABS = [("f1", "today"), ("f3", "breathe"), ("f4", "rehab"), ("f5", "clinic")]


def opened(key: str, pane: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[int]) -> None:
        await open_tab(pilot, key, pane)
        await pilot.press("ctrl+l")
        await until(pilot, lambda: isinstance(pilot.app.screen, LearnMoreDialog), "it opens")
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("key", "pane"), TABS, ids=[pane for _key, pane in TABS])
def test_learn_more(snap_compare, key: str, pane: str, size: tuple[int, int]) -> None:
    assert snap_compare(
        build_app(None, welcomed()), run_before=opened(key, pane), terminal_size=size
    )
