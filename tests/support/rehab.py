"""What the Rehab tab tests share: the frozen day, phase 2 items, seeds of ticks, reading it."""

from __future__ import annotations

import io
from datetime import date

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.records import RehabDay
from sciatica_tui.screens.rehab.checklist import Checklist
from sciatica_tui.screens.rehab.tab import RehabTab
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import Seed, until

TODAY = date(2026, 11, 21)
# Onset 2026-09-20 is 8 weeks before the frozen today: phase 2 is suggested.
PHASE_2_FIRST = "hamstring_stretch"
PHASE_2_SECOND = "piriformis_stretch"


def with_ticks(day: date, *done: str) -> Seed:
    """A seed that saves ticks for one day."""

    def seed(store: DiaryStore) -> None:
        store.save_rehab_day(RehabDay(day, done))

    return seed


async def opened_rehab(pilot: Pilot[int]) -> RehabTab:
    """The Rehab tab the app opened on (``opens_on="rehab"``), once the start-up has settled
    with the cursor in its checklist."""
    await pilot.pause()
    await until(pilot, lambda: isinstance(pilot.app.focused, Checklist), "the cursor in the list")
    return pilot.app.query_one(RehabTab)


def plain(renderable: object) -> str:
    """A renderable as plain text, 100 columns wide."""
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def text_of(app: SciaticaApp, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


def cautions_of(app: SciaticaApp) -> str:
    """The cautions under the checklist as plain text (a grid per line keeps wrapped lines
    under their words), 100 columns wide."""
    return plain(app.query_one("#cautions", Static).content)


def shown_ids(app: SciaticaApp) -> list[str]:
    return [entry.id for entry in app.query_one(Checklist).entries]
