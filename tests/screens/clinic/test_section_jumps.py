"""Jumping between the Clinic visit's sections with ctrl+down/up, and the tab's keys described."""

from __future__ import annotations

from dataclasses import replace

from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Collapsible, Input, OptionList, TextArea

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.visits import ImagingReport
from sciatica_tui.screens.clinic.tab import ClinicTab
from sciatica_tui.screens.dialogs.help import HelpScreen
from sciatica_tui.screens.widgets.keys_footer import KeysFooter
from tests.support.app import build_app, settled, until, welcomed
from tests.support.clinic import (
    SIZE,
    VISIT,
    focus,
    lines_of,
    with_visits,
)

# Where ctrl+down lands, from the date round to the date again, on a visit with no scans.
SECTION_STARTS = [
    ("story", "story"),
    ("history", "history"),
    ("imaging", "imaging-add"),  # no scans yet: Add
    ("questions", "new-question"),
    ("goals", "new-goal"),
    ("leave", "leave-understand_cause"),
    ("notes", "notes-after"),
    (None, "visit-date"),  # round to the top
]


def in_view(app: SciaticaApp, widget: Widget) -> bool:
    """The widget's first line is on screen inside the visit form."""
    view = app.query_one("#visit-form").scrollable_content_region
    return view.contains(widget.region.x, widget.region.y)


async def test_new_visit_to_the_questions_box_in_a_handful_of_keys() -> None:
    app = build_app(None, welcomed(), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"in 3 days", "enter")
        await until(pilot, lambda: len(app.store.visits()) == 1)
        assert app.focused is app.query_one("#story", TextArea)  # a new visit opens there
        presses = 0
        while app.focused is not app.query_one("#new-question", Input) and presses < 17:
            await pilot.press("ctrl+down")
            presses += 1
        assert presses == 3  # history, scans, questions
        await pilot.press(*"Can I drive?", "enter")
        await pilot.pause()
        assert lines_of(app, "questions") == ["1. Can I drive?"]


async def test_each_jump_opens_its_section_on_its_first_field() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=(80, 24)) as pilot:
        await focus(pilot, app, "#visit-date")
        sections = app.query("#visit-form Collapsible").results(Collapsible)
        assert all(section.collapsed for section in sections)
        for section, field in SECTION_STARTS:
            await pilot.press("ctrl+down")
            await pilot.pause()
            assert app.focused is not None and app.focused.id == field, section
            assert in_view(app, app.focused), field
            if section is not None:
                opened = app.query_one(f"#section-{section}", Collapsible)
                assert not opened.collapsed
                assert in_view(app, opened.query_one("CollapsibleTitle")), section
        # And back up, the other way round.
        for _section, field in [*reversed(SECTION_STARTS[:-1]), SECTION_STARTS[-1]]:
            await pilot.press("ctrl+up")
            await pilot.pause()
            assert app.focused is not None and app.focused.id == field
            assert in_view(app, app.focused), field


async def test_a_jump_picks_the_list_when_there_is_something_to_pick() -> None:
    scan = ImagingReport(kind="MRI", date="2026-10", where="City Hospital")
    full = replace(VISIT, imaging=(scan,), questions=tuple(f"Question {n}?" for n in range(5)))
    app = build_app(None, welcomed(), with_visits(full), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await focus(pilot, app, "#history")
        await pilot.press("ctrl+down")
        assert app.focused is app.query_one("#imaging", OptionList)  # a scan to open
        await pilot.press("ctrl+down")
        assert app.focused is app.query_one("#questions", OptionList)  # five: no room to type


async def typed_at_once(pilot: Pilot[int], app: SciaticaApp, *keys: str) -> None:
    """Keys that arrive before the app handles the first, as from a fast typist."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))
    await settled(pilot)


async def test_jumps_work_while_typing_and_the_next_key_lands_in_the_new_field() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await focus(pilot, app, "#visit-reason")  # an Input
        await typed_at_once(pilot, app, "ctrl+down", "A")
        story = app.query_one("#story", TextArea)
        assert app.focused is story
        assert story.text == "AMy story."
        assert app.query_one("#visit-reason", Input).value == "Follow-up"
        await typed_at_once(pilot, app, "ctrl+down", "B")  # from inside a TextArea
        assert app.query_one("#history", TextArea).text == "B"
        assert story.text == "AMy story."
        await typed_at_once(pilot, app, "ctrl+up", "ctrl+up", "C")
        # The date is selected on arrival, as after Tab, so the key types over it.
        assert app.query_one("#visit-date", Input).value == "C"
        assert story.text == "AMy story."


async def test_from_outside_the_form_next_is_the_date_and_previous_the_notes() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        assert app.focused is app.query_one("#visit-list", OptionList)
        await pilot.press("ctrl+down")
        assert app.focused is app.query_one("#visit-date", Input)
        await focus(pilot, app, "#save-visit")
        await pilot.press("ctrl+up")
        assert app.focused is app.query_one("#notes-after", TextArea)
        assert not app.query_one("#section-notes", Collapsible).collapsed


async def test_without_a_visit_the_section_keys_do_nothing() -> None:
    app = build_app(None, welcomed(), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+down", "ctrl+up")
        await pilot.pause()
        assert app.focused is app.query_one("#new-visit", Button)


async def test_the_section_keys_are_in_the_help_but_not_the_footer() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await focus(pilot, app, "#story")
        assert {"ctrl+down", "ctrl+up"} <= set(app.screen.active_bindings)
        assert "section" not in str(app.query_one(KeysFooter).render())
        await pilot.press("f1", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.key_rows()
        assert ("Clinic visit", "CTRL+DOWN", "Next section") in rows
        assert ("Clinic visit", "CTRL+UP", "Previous section") in rows


def test_every_key_of_the_tab_is_described() -> None:
    for binding in ClinicTab.BINDINGS:
        assert binding.description and binding.tooltip and binding.id  # type: ignore[union-attr]
