"""Steps shared by the emergency alert tests: opening the check, raising the alert, closing it."""

from __future__ import annotations

from textual.pilot import Pilot

from sciatica_tui.app import SciaticaApp
from sciatica_tui.screens.dialogs.emergency import EmergencyScreen
from tests.support.app import until
from tests.support.red_flags import focused_question

SIZE = (100, 32)


def alert_is_up(app: SciaticaApp) -> bool:
    return isinstance(app.screen, EmergencyScreen)


async def open_check(pilot: Pilot[int]) -> None:
    await pilot.pause()  # let the start-up settle, as a person's first key would
    await pilot.press("ctrl+r")
    await until(pilot, lambda: focused_question(pilot.app) == "bladder", "the check")  # type: ignore[arg-type]


async def emergency_alert(pilot: Pilot[int]) -> EmergencyScreen:
    """ctrl+r, then y on the first question: the alert."""
    await open_check(pilot)
    await pilot.press("y")
    await until(pilot, lambda: alert_is_up(pilot.app), "the alert")  # type: ignore[arg-type]
    screen = pilot.app.screen
    assert isinstance(screen, EmergencyScreen)
    return screen


async def close_alert(pilot: Pilot[int]) -> None:
    """Tab to "I understand", then Enter: the one way to close it."""
    await pilot.press("tab", "enter")
    await until(pilot, lambda: not alert_is_up(pilot.app), "the alert closes")  # type: ignore[arg-type]
