"""How the Breathe tab looks: each phase, paused, the summary, reduced motion, the choices."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.screens.breathe.box import BreathingBox
from sciatica_tui.screens.breathe.choice_row import ChoiceRow
from sciatica_tui.screens.breathe.tab import BreatheTab
from sciatica_tui.screens.widgets.rating_scale import RatingScale
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, build_app, until, welcomed

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

# Seconds into a 1-minute session at a count of 4: a little way along each side of the box.
PHASES = [
    pytest.param(1.5, id="breathe_in"),
    pytest.param(5.5, id="hold_in"),
    pytest.param(9.5, id="breathe_out"),
    pytest.param(14.5, id="hold_out"),
]


def still(store: DiaryStore) -> None:
    """A seed: reduced motion on."""
    profile = store.profile()
    store.save_profile(replace(profile, settings=replace(profile.settings, reduced_motion=True)))


def tab(pilot: Pilot[int]) -> BreatheTab | None:
    """The Breathe tab, once built."""
    found = pilot.app.query(BreatheTab)
    return found.first() if found else None


def showing(pilot: Pilot[int], view: str, focused: type[Widget]) -> Callable[[], bool]:
    """A condition: the tab shows ``view`` with the cursor in a ``focused`` widget."""

    def condition() -> bool:
        built = tab(pilot)
        return built is not None and built.view == view and isinstance(pilot.app.focused, focused)

    return condition


def after(clock: FixedClock, seconds: float, *keys: str):  # type: ignore[no-untyped-def]
    """Once the session runs, move the frozen clock on, redraw, then press ``keys``.

    Moving the clock before ``sciatica breathe`` has started the session would start the
    session later, at another moment.
    """

    async def run_before(pilot: Pilot[int]) -> None:
        pilot.app.animation_level = "none"  # no glide of the progress bar mid-picture
        await until(pilot, showing(pilot, "rating", RatingScale), "the ratings are asked")
        await pilot.press("s")  # skipped: ``sciatica breathe`` asks them first
        await until(pilot, showing(pilot, "running", BreathingBox), "the session runs")
        # The progress bar rounds its value to half cells of its width, but only once it has
        # a width: set before the first layout, the same moment drew half a cell further.
        bar = pilot.app.query_one("#session-progress")
        await until(pilot, lambda: bar.size.width > 0, "the progress bar is laid out")
        await pilot.pause()
        clock.advance(seconds)
        pilot.app.query_one(BreatheTab).tick()
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    return run_before


async def setup_shown(pilot: Pilot[int]) -> None:
    """Wait for the cursor on the count (the app opens on Breathe: ``opens_on``)."""
    await until(pilot, showing(pilot, "setup", ChoiceRow), "the tab is open")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("seconds", PHASES)
def test_phase(snap_compare, seconds: float, size: tuple[int, int]) -> None:
    clock = FixedClock(FROZEN_NOW)
    app = build_app(None, welcomed(), clock=clock, breathe=(1, 4))
    assert snap_compare(app, run_before=after(clock, seconds), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_paused(snap_compare, size: tuple[int, int]) -> None:
    clock = FixedClock(FROZEN_NOW)
    app = build_app(None, welcomed(), clock=clock, breathe=(1, 4))
    assert snap_compare(app, run_before=after(clock, 6, "space"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_reduced_motion(snap_compare, size: tuple[int, int]) -> None:
    clock = FixedClock(FROZEN_NOW)
    app = build_app(None, welcomed(), still, clock=clock, breathe=(1, 4))
    assert snap_compare(app, run_before=after(clock, 9.5), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_summary(snap_compare, size: tuple[int, int]) -> None:
    clock = FixedClock(FROZEN_NOW)
    app = build_app(None, welcomed(), clock=clock, opens_on="breathe")

    async def run_before(pilot: Pilot[int]) -> None:
        await setup_shown(pilot)
        await pilot.press("enter")
        await until(pilot, showing(pilot, "rating", RatingScale), "the ratings are asked")
        await pilot.press("7", "tab", "5", "enter")
        await until(pilot, showing(pilot, "running", BreathingBox), "the session runs")
        clock.advance(176)
        pilot.app.query_one(BreatheTab).tick()
        await until(pilot, showing(pilot, "rating", RatingScale), "the ratings are asked again")
        await pilot.press("3", "tab", "4", "enter")
        # Wait for the saves, so the history under the summary is filled in.
        await until(
            pilot,
            lambda: (
                "Today: 1 session" in str(pilot.app.query_one("#summary-history", Static).content)
            ),
            "the history counts the session",
        )
        await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_choosing(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed(), opens_on="breathe")
    assert snap_compare(app, run_before=setup_shown, terminal_size=size)


def test_rating_before(snap_compare) -> None:
    app = build_app(None, welcomed(), opens_on="breathe")

    async def run_before(pilot: Pilot[int]) -> None:
        await setup_shown(pilot)
        await pilot.press("enter")
        await until(pilot, showing(pilot, "rating", RatingScale), "the ratings are asked")
        await pilot.press("6")
        await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))
