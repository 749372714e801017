"""How the red-flag check looks: the questions, each verdict, the emergency alert (with and
without a chosen number), the history, and NO_COLOR."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

import pytest
from textual.pilot import Pilot

from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.screens.dialogs.emergency import EmergencyScreen
from sciatica_tui.screens.red_flags.questions import QuestionRow
from sciatica_tui.screens.red_flags.tab import RedFlagsTab
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import build_app, until, welcomed, with_numbers
from tests.support.red_flags import focused_question

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
ALERT_SIZES = [pytest.param((60, 20), id="60x20"), pytest.param((120, 40), id="120x40")]

# y/n for the twelve questions, in order, and the verdict each gives.
VERDICT_KEYS = [
    pytest.param("n" * 12, id="clear"),
    pytest.param("nnnnnn" + "nnnynn", id="urgent"),
]

Run = Callable[[Pilot[int]], Awaitable[None]]


def focus_in_view(pilot: Pilot[int]) -> bool:
    """The question in focus is wholly on screen in the tab, below the strip when there is
    one (a verdict is shown from its top instead, with the cursor on its button below)."""
    tab, focused = the_tab(pilot), pilot.app.focused
    if tab is None or not isinstance(focused, QuestionRow):
        return True
    view = tab.scrollable_content_region
    return view.contains_region(focused.region) or focused.region.height > view.height


def the_tab(pilot: Pilot[int]) -> RedFlagsTab | None:
    found = pilot.app.query(RedFlagsTab)
    return found.first() if found else None


def alert_up(pilot: Pilot[int]) -> bool:
    return isinstance(pilot.app.screen, EmergencyScreen)


async def settle(pilot: Pilot[int]) -> None:
    """Focus scrolls the question into view after a refresh: let that land. (On a busy CI
    machine a few pauses were once not enough, and the picture caught the scroll before it
    landed.)"""
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await until(pilot, lambda: focus_in_view(pilot), "the question in focus is in view")
    # Where the view stops depends on how the answers' scrolls were batched, which a busy
    # machine changes by a row: take the picture from the one place a scroll down from the
    # top to the question in focus stops, as a person moving down the list sees it.
    tab, focused = the_tab(pilot), pilot.app.focused
    if tab is not None and isinstance(focused, QuestionRow):
        tab.scroll_home(animate=False, immediate=True)
        tab.scroll_to_widget(focused, animate=False, immediate=True)
        await until(pilot, lambda: focus_in_view(pilot), "the question in focus is in view")
    await pilot.pause()


def answering(keys: str, *, see_result: bool) -> Run:
    """On the check the app opens on, answer with ``keys``, and ask for the result if told
    to."""

    async def run(pilot: Pilot[int]) -> None:
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
        await settle(pilot)

    return run


async def the_alert(pilot: Pilot[int]) -> None:
    """ctrl+r, then y on the first question: the alert, once the save has reported."""
    await pilot.press("ctrl+r")
    await until(pilot, lambda: the_tab(pilot) is not None, "the tab is built")
    await until(pilot, lambda: focused_question(pilot.app) == "bladder", "the check")  # type: ignore[arg-type]
    await pilot.pause()
    await pilot.press("y")
    await until(pilot, lambda: alert_up(pilot), "the alert")
    await until(
        pilot,
        lambda: "saved." in str(pilot.app.screen.query_one("#emergency-hint").render()),
        "the save reported on the alert",
    )
    await pilot.pause()


async def after_the_alert(pilot: Pilot[int]) -> None:
    """Two emergency signs said yes (the alert closed after the first), the rest to answer:
    the strip on top keeps the way to help in view."""
    await the_alert(pilot)
    await pilot.press("tab", "enter")
    await until(pilot, lambda: not alert_up(pilot), "the alert closes")
    await pilot.press("n", "n", "n", "y")
    tab = the_tab(pilot)
    assert tab is not None
    await until(pilot, lambda: pilot.app.focused is tab.query_one("#question-severe_weakness"))
    await settle(pilot)


async def the_emergency_result(pilot: Pilot[int]) -> None:
    """The alert, then Enter on the check: the result, with what was left unanswered."""
    await after_the_alert(pilot)
    await pilot.press("enter")
    await until(pilot, lambda: (tab := the_tab(pilot)) is not None and tab.finished is not None)
    await settle(pilot)


def earlier_checks(store: DiaryStore) -> None:
    """Checks saved out of order (the list shows the newest first): two with the earlier
    six questions, one the alert saved part-answered."""
    store.save_red_flag_check(
        RedFlagCheck(
            datetime(2026, 11, 2, 8, 15),
            {"trauma": False, "leg_weakness": True},
            Verdict.EMERGENCY,
        )
    )
    store.save_red_flag_check(
        RedFlagCheck(datetime(2026, 11, 20, 21, 5), {"trauma": False}, Verdict.CLEAR)
    )
    store.save_red_flag_check(
        RedFlagCheck(
            datetime(2026, 11, 9, 18, 40), {"bladder": False, "bowel": True}, Verdict.EMERGENCY
        )
    )


async def history(pilot: Pilot[int]) -> None:
    """On the tab the app opens on, scroll to the list of earlier checks."""
    await answering("", see_result=False)(pilot)
    tab = the_tab(pilot)
    assert tab is not None
    tab.scroll_end(animate=False)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_red_flag_questions(snap_compare, size: tuple[int, int]) -> None:
    """Two answered no, the third in focus."""
    app = build_app(None, welcomed(), opens_on="red_flags")
    run = answering("nn", see_result=False)
    assert snap_compare(app, run_before=run, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_red_flag_check_after_the_alert(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed(), with_numbers("999", "111"), opens_on="red_flags")
    assert snap_compare(app, run_before=after_the_alert, terminal_size=size)


@pytest.mark.parametrize("keys", VERDICT_KEYS)
@pytest.mark.parametrize("size", SIZES)
def test_red_flag_verdict(snap_compare, size: tuple[int, int], keys: str) -> None:
    app = build_app(None, welcomed(), with_numbers("999", "111"), opens_on="red_flags")
    run = answering(keys, see_result=True)
    assert snap_compare(app, run_before=run, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_red_flag_verdict_emergency(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed(), opens_on="red_flags")
    assert snap_compare(app, run_before=the_emergency_result, terminal_size=size)


@pytest.mark.parametrize("size", ALERT_SIZES)
def test_emergency_alert_without_a_number(snap_compare, size: tuple[int, int]) -> None:
    """Until a number is chosen: "your local emergency number (for example …)"."""
    app = build_app(None, welcomed(), opens_on="red_flags")
    assert snap_compare(app, run_before=the_alert, terminal_size=size)


@pytest.mark.parametrize("size", ALERT_SIZES)
def test_emergency_alert_with_a_number(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed(), with_numbers("112"), opens_on="red_flags")
    assert snap_compare(app, run_before=the_alert, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_red_flag_history(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed(), earlier_checks, opens_on="red_flags")
    assert snap_compare(app, run_before=history, terminal_size=size)


@pytest.mark.parametrize(
    ("run", "opens_on"),
    [
        pytest.param(answering("nnnnnn" + "nnnynn", see_result=True), "red_flags", id="urgent"),
        pytest.param(the_alert, "today", id="emergency"),  # ctrl+r from Today
    ],
)
def test_red_flag_verdict_without_colour(
    snap_compare, monkeypatch: pytest.MonkeyPatch, run: Run, opens_on: str
) -> None:
    """NO_COLOR=1: the verdict still reads in words and symbols."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app(None, welcomed(), opens_on=opens_on)
    assert app.no_color
    assert snap_compare(app, run_before=run, terminal_size=(80, 24))
