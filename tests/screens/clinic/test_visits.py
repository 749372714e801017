"""Clinic visits by keyboard: creating, opening and listing, moving a date, switching, removing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.widgets import Button, Collapsible, Input, OptionList, Static, TextArea

from sciatica_tui.domain.visits import Visit
from sciatica_tui.screens.clinic.dialogs import NewVisitDialog
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from tests.support.app import build_app, until, welcomed
from tests.support.clinic import (
    SIZE,
    VISIT,
    focus,
    lines_of,
    open_section,
    stored,
    with_visits,
)
from tests.support.visit_diary import fixture_draft, seed_fixture

OLD_VISIT = Visit(id="visit-old", date=date(2026, 10, 2), clinician="Walk-in clinic")


async def test_create_a_visit_drafts_the_story_from_the_diary() -> None:
    app = build_app(None, seed_fixture, opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is app.query_one("#new-visit", Button)  # nothing to list yet
        assert app.query_one("#clinic-empty").display
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, NewVisitDialog)
        await pilot.press(*"in 3 days")
        await pilot.pause()
        said = str(app.screen.query_one("#new-date-said", Static).render())
        assert "Tue 24 Nov 2026, in 3 days" in said
        await pilot.press("tab", *"Dr Lee", "tab", *"Check-up", "enter")
        await until(pilot, lambda: len(app.store.visits()) == 1)
        visit = app.store.visits()[0]
        assert (visit.date, visit.clinician, visit.reason) == (
            date(2026, 11, 24),
            "Dr Lee",
            "Check-up",
        )
        # A future visit draws on the diary up to today.
        assert visit.story == fixture_draft()
        assert app.query_one("#story", TextArea).text == fixture_draft()
        assert not app.query_one("#section-story", Collapsible).collapsed
        assert "Tue 24 Nov 2026" in lines_of(app, "visit-list")[0]
        assert "upcoming" in lines_of(app, "visit-list")[0]
        # The cursor waits in the drafted story, ready for the person's own words.
        assert app.focused is app.query_one("#story", TextArea)


async def test_a_date_that_cannot_be_read_keeps_the_dialog_open() -> None:
    app = build_app(None, welcomed(), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"someday", "tab", *"Dr Lee", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NewVisitDialog)
        problem = str(dialog.query_one(".dialog-problem", Static).render())
        assert "'someday' is not a date I can read" in problem
        assert dialog.query_one("#new-clinician", Input).value == "Dr Lee"  # nothing lost
        await pilot.press("x")  # typing again: the old problem goes (found by a reviewer)
        await pilot.pause()
        assert str(dialog.query_one(".dialog-problem", Static).render()) == ""
        dialog.query_one("#new-date", Input).value = "2028-01-01"
        await pilot.press("enter")
        await pilot.pause()
        assert "more than a year ahead" in str(dialog.query_one(".dialog-problem", Static).render())
        dialog.query_one("#new-date", Input).value = "2026-11-02"  # a past visit is fine
        await pilot.press("enter")
        await until(pilot, lambda: len(app.store.visits()) == 1)
        assert app.store.visits()[0].date == date(2026, 11, 2)
        assert "past" in lines_of(app, "visit-list")[0]


async def test_opens_the_next_visit_and_lists_newest_first() -> None:
    later = replace(VISIT, id="visit-later", date=date(2026, 12, 20), clinician="Physio")
    app = build_app(None, welcomed(), with_visits(OLD_VISIT, VISIT, later), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is app.query_one("#visit-list", OptionList)
        listed = lines_of(app, "visit-list")
        assert [line.split("\n")[0].strip() for line in listed] == [
            "Sun 20 Dec 2026",
            "▶ Tue 24 Nov 2026",  # the soonest from today on is open
            "Fri 2 Oct 2026",
        ]
        assert app.query_one("#visit-clinician", Input).value == "Dr Rowan"
        # Open the past visit with the keyboard.
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.query_one("#visit-clinician", Input).value == "Walk-in clinic"
        assert lines_of(app, "visit-list")[2].startswith("▶ Fri 2 Oct 2026")


async def test_a_visit_date_can_move_but_a_bad_one_is_not_saved() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        date_input = app.query_one("#visit-date", Input)
        await focus(pilot, app, "#visit-date")
        await pilot.press("ctrl+u", *"Dec 1", "ctrl+s")
        await until(pilot, lambda: stored(app).date == date(2026, 12, 1))
        assert "Tue 1 Dec 2026, in 10 days" in str(
            app.query_one("#visit-date-said", Static).render()
        )
        await pilot.press("ctrl+u", *"next-ish", "tab")
        await focus(pilot, app, "#visit-clinician")
        await pilot.press("end", *" (spine)", "ctrl+s")
        await until(pilot, lambda: stored(app).clinician == "Dr Rowan (spine)")
        assert stored(app).date == date(2026, 12, 1)  # the date that could not be read
        assert date_input.value == "next-ish"  # is still there to fix
        said = str(app.query_one("#visit-date-said", Static).render())
        assert "✗ 'next-ish' is not a date I can read" in said
        status = str(app.query_one("#visit-status", Static).render())
        assert "The date was not changed" in status


async def test_switching_visits_saves_the_open_one_first() -> None:
    app = build_app(None, welcomed(), with_visits(OLD_VISIT, VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await focus(pilot, app, "#visit-reason")
        await pilot.press("end", *" and scan results")
        await focus(pilot, app, "#visit-list")
        await pilot.press("down", "enter")  # the old visit, before the autosave moment
        await pilot.pause()
        assert app.query_one("#visit-clinician", Input).value == "Walk-in clinic"
        await until(pilot, lambda: stored(app).reason == "Follow-up and scan results")


async def test_a_visit_that_cannot_be_saved_is_never_left_without_asking() -> None:
    app = build_app(None, welcomed(), with_visits(OLD_VISIT, VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, app, "story")
        app.query_one("#story", TextArea).load_text("x" * 5001)
        await focus(pilot, app, "#visit-list")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "longer than 5000 characters" in str(
            app.screen.query_one(".dialog-message", Static).render()
        )
        await pilot.press("enter")  # "Stay and fix it" is the suggested answer
        await pilot.pause()
        assert app.query_one("#story", TextArea).text == "x" * 5001
        assert "Not saved" in str(app.query_one("#visit-status", Static).render())
        # Staying puts the cursor on the text to fix, and the list back on the open visit.
        assert app.focused is app.query_one("#story", TextArea)
        assert app.query_one("#visit-list", OptionList).highlighted == 0
        assert lines_of(app, "visit-list")[0].startswith("▶ Tue 24 Nov 2026")
        await focus(pilot, app, "#visit-list")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("tab", "enter")  # "Discard the changes"
        await pilot.pause()
        assert app.query_one("#visit-clinician", Input).value == "Walk-in clinic"
        assert stored(app).story == "My story."


async def test_remove_a_visit_asks_first() -> None:
    app = build_app(None, welcomed(), with_visits(OLD_VISIT, VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        # The visit list has the focus, on the open visit.
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # "Keep it"
        await pilot.pause()
        assert len(app.store.visits()) == 2
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("tab", "enter")  # "Remove the visit"
        await until(pilot, lambda: len(app.store.visits()) == 1)
        assert app.store.visits()[0].id == "visit-old"
        assert app.query_one("#visit-clinician", Input).value == "Walk-in clinic"
