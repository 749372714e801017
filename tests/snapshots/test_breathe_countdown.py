"""How the large countdown looks: the count of 6 just begun, with reduced motion and NO_COLOR
(the step and count must read without the marker and without colour)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.pilot import Pilot

from sciatica_tui.screens.breathe.box import BreathingBox
from sciatica_tui.screens.breathe.tab import BreatheTab
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import build_app, until, welcomed


def still(store: DiaryStore) -> None:
    """A seed: reduced motion on."""
    profile = store.profile()
    store.save_profile(replace(profile, settings=replace(profile.settings, reduced_motion=True)))


async def skip_to_the_session(pilot: Pilot[int]) -> None:
    """Skip the ratings ``sciatica breathe`` asks first, and wait for the session."""

    def view_is(view: str) -> bool:
        found = pilot.app.query(BreatheTab)
        return bool(found) and found.first().view == view

    await until(pilot, lambda: view_is("rating"), "the ratings before")
    await pilot.press("s")
    await until(
        pilot,
        lambda: view_is("running") and isinstance(pilot.app.focused, BreathingBox),
        "the session runs",
    )
    pilot.app.animation_level = "none"
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


@pytest.mark.parametrize(
    "size", [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
)
def test_large_countdown_still_and_without_colour(
    snap_compare, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app(None, welcomed(), still, breathe=(1, 6))
    assert snap_compare(app, run_before=skip_to_the_session, terminal_size=size)
