"""How the Breathe tab looks: each phase, paused, the summary, reduced motion, the choices."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.pilot import Pilot

from sciatica_tui.clock import FixedClock
from sciatica_tui.store import DiaryStore
from screens.breathe import BreatheTab
from tests.app_builders import FROZEN_NOW, build_app, welcomed

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


def after(clock: FixedClock, seconds: float, *keys: str):  # type: ignore[no-untyped-def]
    """Move the frozen clock on, redraw, then press ``keys``."""

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        clock.advance(seconds)
        pilot.app.query_one(BreatheTab).tick()
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return run_before


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
    app = build_app(None, welcomed(), clock=clock)

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.press("f3", "enter", "7", "tab", "5", "enter")
        await pilot.pause()
        clock.advance(176)
        pilot.app.query_one(BreatheTab).tick()
        await pilot.pause()
        await pilot.press("3", "tab", "4", "enter")
        # Wait for the saves so the history under the summary is filled in.
        for _ in range(100):
            sessions = pilot.app.store.breathing_sessions()  # type: ignore[attr-defined]
            if sessions and sessions[0].stress_after is not None:
                break
            await pilot.pause(0.02)
        await pilot.pause(0.1)

    assert snap_compare(app, run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_choosing(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed())
    assert snap_compare(app, press=["f3"], terminal_size=size)


def test_rating_before(snap_compare) -> None:
    app = build_app(None, welcomed())
    assert snap_compare(app, press=["f3", "enter", "6"], terminal_size=(80, 24))
