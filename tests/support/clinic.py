"""Shared by the Clinic tab tests: a sample visit, seeding it, and keyboard steps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.pilot import Pilot
from textual.widgets import Collapsible, OptionList

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.visits import Visit
from sciatica_tui.store.diary_store import DiaryStore

SIZE = (100, 32)
VISIT = Visit(
    id="visit-a",
    date=date(2026, 11, 24),
    clinician="Dr Rowan",
    reason="Follow-up",
    story="My story.",
    questions=("First?", "Second?", "Third?"),
)


def with_visits(*visits: Visit) -> Callable[[DiaryStore], None]:
    def seed(store: DiaryStore) -> None:
        for visit in visits:
            store.save_visit(visit)

    return seed


def stored(app: SciaticaApp, visit_id: str = "visit-a") -> Visit:
    return next(v for v in app.store.visits() if v.id == visit_id)


async def open_section(pilot: Pilot[int], app: SciaticaApp, section: str) -> None:
    """Open a section with the keyboard: focus its title and press Enter."""
    collapsible = app.query_one(f"#section-{section}", Collapsible)
    if collapsible.collapsed:
        collapsible.query_one("CollapsibleTitle").focus()
        await pilot.press("enter")
        await pilot.pause()
    assert not collapsible.collapsed


async def focus(pilot: Pilot[int], app: SciaticaApp, selector: str) -> None:
    app.query_one(selector).focus()
    await pilot.pause()


def lines_of(app: SciaticaApp, list_id: str) -> list[str]:
    listed = app.query_one(f"#{list_id}", OptionList)
    return [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
