"""The Clinic visit's lists by keyboard: questions, medicines, scans, goals and the ticks."""

from __future__ import annotations

from textual.widgets import Button, Checkbox, Collapsible, Input, OptionList, Static

from sciatica_tui.domain import content
from sciatica_tui.domain.medicines import Medicine, MedicineKind
from sciatica_tui.domain.visits import ImagingReport
from sciatica_tui.screens.clinic.dialogs import ImagingDialog
from sciatica_tui.screens.dialogs.medicine import MedicineDialog
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
from tests.support.visit_diary import FIXTURE_VISIT, seed_fixture


async def test_reorder_questions_and_a_sixth_is_refused() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, app, "questions")
        await focus(pilot, app, "#questions")
        assert app.query_one("#questions", OptionList).highlighted == 0
        await pilot.press("shift+down", "shift+down")  # "First?" goes to the bottom
        await pilot.pause()
        assert lines_of(app, "questions") == ["1. Second?", "2. Third?", "3. First?"]
        await pilot.press("shift+up")
        assert lines_of(app, "questions") == ["1. Second?", "2. First?", "3. Third?"]
        await pilot.press("shift+up", "shift+up")  # already at the top: stays
        assert lines_of(app, "questions")[0] == "1. First?"

        await focus(pilot, app, "#new-question")
        await pilot.press(*"Can I drive?", "enter", *"Can I work?", "enter")
        await pilot.pause()
        assert len(lines_of(app, "questions")) == 5
        await pilot.press(*"Can I run?", "enter")
        await pilot.pause()
        message = str(app.query_one("#questions-message", Static).render())
        assert "You already have 5 questions" in message
        assert "Remove one to add another" in message
        assert app.query_one("#new-question", Input).value == "Can I run?"  # not lost
        title = str(app.query_one("#section-questions", Collapsible).title)
        assert "(5 of 5)" in title
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(stored(app).questions) == 5)
        assert stored(app).questions == (
            "First?",
            "Second?",
            "Third?",
            "Can I drive?",
            "Can I work?",
        )


async def test_pick_a_suggested_question_and_remove_one() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, app, "questions")
        await focus(pilot, app, "#suggested")
        await pilot.press("enter")  # open the menu
        await pilot.pause()
        await pilot.press("down", "enter")  # the first suggestion
        await pilot.pause()
        from sciatica_tui.domain import content

        first = content.clinic().suggested_questions[0]
        assert lines_of(app, "questions")[-1] == f"4. {first}"
        await focus(pilot, app, "#questions")
        await pilot.press("home", "delete")
        await pilot.pause()
        assert lines_of(app, "questions")[0] == "1. Second?"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: stored(app).questions == ("Second?", "Third?", first))


async def test_the_medicines_are_the_persons_one_list_added_edited_and_removed() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, app, "history")
        assert lines_of(app, "medicines") == ["No medicines yet."]
        await focus(pilot, app, "#medicines-add")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MedicineDialog)
        await pilot.press("tab", *"400 mg", "enter")  # no name yet
        await pilot.pause()
        assert "Type the medicine's name" in str(
            app.screen.query_one(".dialog-problem", Static).render()
        )
        assert app.focused is app.screen.query_one("#medicine-name", Input)
        await pilot.press(*"Ibuprofen")  # the kind follows the name: pain relief
        await pilot.press("tab", "tab", "tab", *"twice a day", "tab", *"Oct", "tab", *"a bit")
        await pilot.press("tab", *"none", "enter")
        await pilot.pause()
        assert lines_of(app, "medicines") == [
            "Ibuprofen (pain relief): 400 mg, twice a day, since Oct; helps: a bit; "
            "side effects: none"
        ]
        # Saved at once to the list Today logs doses of, not kept with the visit.
        await until(pilot, lambda: [m.id for m in app.store.medicines()] == ["ibuprofen"])
        await focus(pilot, app, "#medicines-add")
        await pilot.press("enter", *"Vitamin D", "tab", "tab", "left", "enter")
        await pilot.pause()
        # Enter on a line edits it.
        await focus(pilot, app, "#medicines")
        await pilot.press("home", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MedicineDialog)
        assert app.screen.query_one("#medicine-dose", Input).value == "400 mg"
        app.screen.query_one("#medicine-dose", Input).value = "200 mg"
        await pilot.press("enter")
        await until(pilot, lambda: len(app.store.medicines()) == 2)
        await until(pilot, lambda: app.store.medicines()[0].dose == "200 mg")
        assert app.store.medicines() == [
            Medicine(
                "ibuprofen", "Ibuprofen", "200 mg", MedicineKind.PAIN_RELIEF, "twice a day",
                "Oct", "a bit", "none",
            ),
            Medicine("vitamin-d", "Vitamin D", kind=MedicineKind.NERVE_PAIN),  # left from other
        ]  # fmt: skip
        assert "(2 medicines)" in str(app.query_one("#section-history", Collapsible).title)
        await focus(pilot, app, "#medicines")
        await pilot.press("home", "delete", "ctrl+s")
        await until(pilot, lambda: [m.id for m in app.store.medicines()] == ["vitamin-d"])
        assert app.store.visits()[0].to_record().keys() == VISIT.to_record().keys()


async def test_scans_and_reports_can_be_added_edited_and_removed() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, app, "imaging")
        await focus(pilot, app, "#imaging-add")
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ImagingDialog)
        # Kind: a Select (MRI first); choose CT with the keyboard.
        await pilot.press("enter", "down", "down", "enter")
        await pilot.pause()
        await pilot.press("tab", *"2026-10-05", "tab", *"City hospital", "tab")
        await pilot.press(*"Disc  bulge at L5/S1", "tab", "space")  # what it found
        await pilot.pause()
        copy_box = dialog.query_one("#imaging-copy", Checkbox)
        assert copy_box.value and copy_box.BUTTON_INNER == "X"
        dialog.query_one("#dialog-ok", Button).press()
        await pilot.pause()
        said = "CT, 2026-10-05, City hospital: Disc bulge at L5/S1"
        assert lines_of(app, "imaging") == [f"{said}; copy: yes"]
        await focus(pilot, app, "#imaging")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImagingDialog)
        found = app.screen.query_one("#imaging-findings", Input)
        assert found.value == "Disc bulge at L5/S1"  # spaces run together once saved
        await pilot.press("tab", "tab", "tab", "tab", "space")  # no copy after all
        app.screen.query_one("#dialog-ok", Button).press()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(stored(app).imaging) == 1)
        assert stored(app).imaging == (
            ImagingReport("CT", "2026-10-05", "City hospital", False, "Disc bulge at L5/S1"),
        )
        assert lines_of(app, "imaging") == [f"{said}; copy: no"]
        await focus(pilot, app, "#imaging-remove")
        await pilot.press("enter", "ctrl+s")
        await until(pilot, lambda: stored(app).imaging == ())
        assert lines_of(app, "imaging") == ["No scans or reports yet."]


async def test_goals_are_a_short_list() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, app, "goals")
        await focus(pilot, app, "#new-goal")
        await pilot.press(*"Walk the dog", "enter", *"Sit through a film", "enter", "ctrl+s")
        await until(pilot, lambda: len(stored(app).goals) == 2)
        assert lines_of(app, "goals") == ["• Walk the dog", "• Sit through a film"]
        await focus(pilot, app, "#goals")
        await pilot.press("home", "enter")
        await pilot.pause()
        await pilot.press("end", *" every day", "enter", "ctrl+s")
        await until(pilot, lambda: stored(app).goals[0] == "Walk the dog every day")


async def test_before_you_leave_ticks() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT), opens_on="clinic")
    async with app.run_test(size=SIZE) as pilot:
        await open_section(pilot, app, "leave")
        first = app.query_one("#leave-understand_cause", Checkbox)
        assert first.BUTTON_INNER == " "  # an empty box, not only a colour
        await focus(pilot, app, "#leave-understand_cause")
        await pilot.press("space", "tab", "tab", "space")
        await pilot.pause()
        assert first.BUTTON_INNER == "X"
        assert "(2 of 5 ticked)" in str(app.query_one("#section-leave", Collapsible).title)
        await until(
            pilot,
            lambda: stored(app).before_you_leave == ("understand_cause", "follow_up"),
        )


async def test_a_long_before_you_leave_item_wraps_instead_of_losing_its_end() -> None:
    """Found by a reviewer at 80 columns: "… signs mean I go to the emergenc…", a safety
    item, was cut."""
    app = build_app(None, seed_fixture, with_visits(FIXTURE_VISIT), opens_on="clinic")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, app, "leave")
        for item in content.clinic().before_you_leave:
            box = app.query_one(f"#leave-{item.id}", Checkbox)
            lines = box.render().wrap(box.content_region.width)
            assert len(lines) == box.size.height, item.id
            assert " ".join(line.plain.strip() for line in lines).endswith(item.text), item.id
