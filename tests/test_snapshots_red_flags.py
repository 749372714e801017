"""How the red-flag check looks: the questions, each verdict, the history, and NO_COLOR."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

import pytest
from textual.pilot import Pilot

from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.screens.dialogs.emergency import EmergencyScreen
from sciatica_tui.screens.red_flags.tab import QuestionRow, RedFlagsTab
from sciatica_tui.store.diary_store import DiaryStore
from tests.app_builders import build_app, welcomed

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

# y/n for the six questions, in order, and the verdict each gives.
VERDICT_KEYS = [
    pytest.param("nnnnnn", id="clear"),
    pytest.param("nnnynn", id="urgent"),
    pytest.param("nynnnn", id="emergency"),
]

Run = Callable[[Pilot[int]], Awaitable[None]]


async def until(pilot: Pilot[int], condition: Callable[[], bool], what: str) -> None:
    """Wait briefly in real time: the tab is built on first use and saves report back later."""
    for _ in range(500):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"timed out waiting until {what}")


def focus_in_view(pilot: Pilot[int]) -> bool:
    """The question in focus is wholly on screen in the tab (a verdict is shown from its
    top instead, with the cursor on its button below)."""
    tab, focused = the_tab(pilot), pilot.app.focused
    if tab is None or not isinstance(focused, QuestionRow):
        return True
    view = tab.scrollable_content_region
    return view.contains_region(focused.region) or focused.region.height > view.height


def the_tab(pilot: Pilot[int]) -> RedFlagsTab | None:
    found = pilot.app.query(RedFlagsTab)
    return found.first() if found else None


def answering(keys: str, *, see_result: bool) -> Run:
    """Open the check with F2, answer with ``keys``, and ask for the result if told to."""

    async def run(pilot: Pilot[int]) -> None:
        await pilot.press("f2")
        await until(pilot, lambda: the_tab(pilot) is not None, "the tab is built")
        await pilot.pause()
        await pilot.press(*keys)
        if see_result:
            await pilot.press("enter")
            await until(
                pilot,
                lambda: (tab := the_tab(pilot)) is not None and tab.finished is not None,
                "the verdict shows",
            )
            if "y" in keys[:3]:
                await until(
                    pilot, lambda: isinstance(pilot.app.screen, EmergencyScreen), "the alert"
                )
        # Focus scrolls the question into view after a refresh: let that settle. (On a busy
        # CI machine a few pauses were once not enough, and the picture caught the scroll
        # before it landed.)
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await until(pilot, lambda: focus_in_view(pilot), "the question in focus is in view")
        await pilot.pause()

    return run


def earlier_checks(store: DiaryStore) -> None:
    """Three saved checks, saved out of order (the list shows the newest first)."""
    store.add_red_flag_check(
        RedFlagCheck(
            datetime(2026, 11, 2, 8, 15),
            {"trauma": False, "leg_weakness": True},
            Verdict.EMERGENCY,
        )
    )
    store.add_red_flag_check(
        RedFlagCheck(datetime(2026, 11, 20, 21, 5), {"trauma": False}, Verdict.CLEAR)
    )
    store.add_red_flag_check(
        RedFlagCheck(datetime(2026, 11, 9, 18, 40), {"fever_weight_loss": True}, Verdict.URGENT)
    )


async def history(pilot: Pilot[int]) -> None:
    """Open the tab and scroll to the list of earlier checks."""
    await answering("", see_result=False)(pilot)
    tab = the_tab(pilot)
    assert tab is not None
    tab.scroll_end(animate=False)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_red_flag_questions(snap_compare, size: tuple[int, int]) -> None:
    """Two answered (one yes, one no), the third in focus."""
    app = build_app(None, welcomed())
    run = answering("yn", see_result=False)
    assert snap_compare(app, run_before=run, terminal_size=size)


@pytest.mark.parametrize("keys", VERDICT_KEYS)
@pytest.mark.parametrize("size", SIZES)
def test_red_flag_verdict(snap_compare, size: tuple[int, int], keys: str) -> None:
    app = build_app(None, welcomed())
    run = answering(keys, see_result=True)
    assert snap_compare(app, run_before=run, terminal_size=size)


def test_emergency_alert_on_a_small_terminal(snap_compare) -> None:
    """60x20: the banner, the start of the advice, and the way to close it all show."""
    app = build_app(None, welcomed())
    run = answering("ynnnnn", see_result=True)
    assert snap_compare(app, run_before=run, terminal_size=(60, 20))


@pytest.mark.parametrize("size", SIZES)
def test_red_flag_history(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed(), earlier_checks)
    assert snap_compare(app, run_before=history, terminal_size=size)


@pytest.mark.parametrize(
    "keys", [pytest.param("nnnynn", id="urgent"), pytest.param("ynnnnn", id="emergency")]
)
def test_red_flag_verdict_without_colour(
    snap_compare, monkeypatch: pytest.MonkeyPatch, keys: str
) -> None:
    """NO_COLOR=1: the verdict still reads in words and symbols."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app(None, welcomed())
    assert app.no_color
    run = answering(keys, see_result=True)
    assert snap_compare(app, run_before=run, terminal_size=(80, 24))
