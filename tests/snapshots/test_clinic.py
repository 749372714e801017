"""How the Clinic visit tab looks: empty, with a visit open, its sections, and a dialog,
at 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import Collapsible, Input, TextArea

from sciatica_tui.domain.visits import Visit
from sciatica_tui.screens.dialogs.medicine import MedicineDialog
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import build_app, until, welcomed
from tests.support.visit_diary import FIXTURE_MEDICINES, FIXTURE_VISIT, seed_fixture

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

OLD_VISIT = Visit(id="visit-old", date=date(2026, 10, 2), clinician="Walk-in clinic")
FULL_VISIT = replace(
    FIXTURE_VISIT,
    questions=(*FIXTURE_VISIT.questions, "When can I go back to work?", "Do I need a scan?"),
)


def with_visits(*visits: Visit) -> Callable[[DiaryStore], None]:
    def seed(store: DiaryStore) -> None:
        for visit in visits:
            store.save_visit(visit)

    return seed


def open_clinic(*sections: str) -> Callable[[Pilot[int]], Awaitable[None]]:
    """On the tab (the app opens on it: ``opens_on="clinic"``), open ``sections`` (the
    first one opened is scrolled to)."""

    async def run_before(pilot: Pilot[int]) -> None:
        # An opened section scrolls itself into view; animated, it would stop at a
        # different place from run to run.
        pilot.app.animation_level = "none"
        await pilot.pause()
        for section in sections:
            pilot.app.query_one(f"#section-{section}", Collapsible).collapsed = False
        await pilot.pause()
        if sections:
            first = pilot.app.query_one(f"#section-{sections[0]}", Collapsible)
            pilot.app.query_one("#visit-form").scroll_to_widget(first, top=True, animate=False)
        await laid_out(pilot)

    return run_before


async def laid_out(pilot: Pilot[int]) -> None:
    """Let wrapped lists and the form's scroll size finish their layout (else the
    scrollbar differs from run to run), with a steady cursor."""
    for field in pilot.app.screen.query("Input, TextArea"):
        if isinstance(field, Input | TextArea):
            field.cursor_blink = False
    for _ in range(3):
        await pilot.wait_for_scheduled_animations()
        await pilot.pause(0.05)


@pytest.mark.parametrize("size", SIZES)
def test_clinic_without_visits(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed(), opens_on="clinic")
    assert snap_compare(app, run_before=open_clinic(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_clinic_visit_open(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, seed_fixture, with_visits(OLD_VISIT, FIXTURE_VISIT), opens_on="clinic")
    assert snap_compare(app, run_before=open_clinic(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_clinic_story(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, seed_fixture, with_visits(FIXTURE_VISIT), opens_on="clinic")
    assert snap_compare(app, run_before=open_clinic("story"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_clinic_medicines_and_scans(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, seed_fixture, with_visits(FIXTURE_VISIT), opens_on="clinic")
    assert snap_compare(app, run_before=open_clinic("history", "imaging"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_clinic_sixth_question_refused(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, seed_fixture, with_visits(FULL_VISIT), opens_on="clinic")

    async def run_before(pilot: Pilot[int]) -> None:
        await open_clinic("questions")(pilot)
        pilot.app.query_one("#new-question").focus()
        await pilot.press(*"Can I run?", "enter")
        await laid_out(pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_clinic_goals_and_before_you_leave(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, seed_fixture, with_visits(FIXTURE_VISIT), opens_on="clinic")
    assert snap_compare(app, run_before=open_clinic("goals", "leave"), terminal_size=size)


def test_clinic_new_visit_dialog(snap_compare) -> None:
    app = build_app(None, welcomed(), with_visits(OLD_VISIT), opens_on="clinic")

    async def run_before(pilot: Pilot[int]) -> None:
        await open_clinic()(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"in 3 days", "tab", *"Dr Lee")
        await laid_out(pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))


def test_clinic_medicine_dialog(snap_compare) -> None:
    app = build_app(
        None,
        welcomed(),
        with_visits(FIXTURE_VISIT),
        lambda store: store.save_medicine_list(FIXTURE_MEDICINES),
        opens_on="clinic",
    )

    async def run_before(pilot: Pilot[int]) -> None:
        await open_clinic("history")(pilot)
        pilot.app.query_one("#medicines").focus()
        await pilot.press("home", "enter")
        await laid_out(pilot)
        await until(  # the dialog is up, with the cursor in its first field
            pilot,
            lambda: isinstance(pilot.app.screen, MedicineDialog) and pilot.app.focused is not None,
            "the medicine dialog",
        )
        await laid_out(pilot)

    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))
