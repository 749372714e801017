"""The Clinic visit tab, driven with the keyboard: create, edit, lists, ticks and export."""

from __future__ import annotations

import stat
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Collapsible, Input, OptionList, Static, TextArea

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain import content
from sciatica_tui.domain.medicines import Medicine, MedicineKind
from sciatica_tui.domain.visit.summary import visit_markdown
from sciatica_tui.domain.visits import ImagingReport, Visit
from sciatica_tui.screens.clinic.dialogs import ImagingDialog, NewVisitDialog
from sciatica_tui.screens.clinic.tab import ClinicTab
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.screens.dialogs.help import HelpScreen
from sciatica_tui.screens.dialogs.medicine import MedicineDialog
from sciatica_tui.screens.widgets.keys_footer import KeysFooter
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import build_app, settled, until, welcomed
from tests.support.pdf import pdf_text
from tests.support.visit_diary import (
    FIXTURE_DIARY,
    FIXTURE_VISIT,
    fixture_draft,
    seed_fixture,
)

SIZE = (100, 32)
VISIT = Visit(
    id="visit-a",
    date=date(2026, 11, 24),
    clinician="Dr Rowan",
    reason="Follow-up",
    story="My story.",
    questions=("First?", "Second?", "Third?"),
)
OLD_VISIT = Visit(id="visit-old", date=date(2026, 10, 2), clinician="Walk-in clinic")


def with_visits(*visits: Visit) -> Callable[[DiaryStore], None]:
    def seed(store: DiaryStore) -> None:
        for visit in visits:
            store.save_visit(visit)

    return seed


def tab(app: SciaticaApp) -> ClinicTab:
    return app.query_one("#clinic-tab", ClinicTab)


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


# --- creating and opening visits ------------------------------------------------------------


async def test_create_a_visit_drafts_the_story_from_the_diary() -> None:
    app = build_app(None, seed_fixture)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
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
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "ctrl+n")
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
    app = build_app(None, welcomed(), with_visits(OLD_VISIT, VISIT, later))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
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


# --- editing and saving --------------------------------------------------------------------


async def test_edits_save_with_ctrl_s_and_by_themselves() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await focus(pilot, app, "#visit-reason")
        await pilot.press("end", *" of my leg", "ctrl+s")
        await until(pilot, lambda: stored(app).reason == "Follow-up of my leg")
        assert "Saved" in str(app.query_one("#visit-status", Static).render())

        await open_section(pilot, app, "story")
        await focus(pilot, app, "#story")
        await pilot.press("end", *" Worse when sitting.")
        await pilot.pause()
        assert "saving in a moment" in str(app.query_one("#visit-status", Static).render())
        # No key pressed: it saves by itself a moment later.
        await until(pilot, lambda: stored(app).story == "My story. Worse when sitting.")

        await open_section(pilot, app, "history")
        await focus(pilot, app, "#history")
        await pilot.press(*"Asthma.")
        await open_section(pilot, app, "notes")
        await focus(pilot, app, "#notes-after")
        await pilot.press(*"Next visit in 6 weeks.", "ctrl+s")
        await until(pilot, lambda: stored(app).notes_after == "Next visit in 6 weeks.")
        assert stored(app).history == "Asthma."


async def test_a_visit_date_can_move_but_a_bad_one_is_not_saved() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
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
    app = build_app(None, welcomed(), with_visits(OLD_VISIT, VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await focus(pilot, app, "#visit-reason")
        await pilot.press("end", *" and scan results")
        await focus(pilot, app, "#visit-list")
        await pilot.press("down", "enter")  # the old visit, before the autosave moment
        await pilot.pause()
        assert app.query_one("#visit-clinician", Input).value == "Walk-in clinic"
        await until(pilot, lambda: stored(app).reason == "Follow-up and scan results")


async def test_a_visit_that_cannot_be_saved_is_never_left_without_asking() -> None:
    app = build_app(None, welcomed(), with_visits(OLD_VISIT, VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
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


async def test_quitting_right_after_typing_keeps_the_change(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build_app(folder, welcomed(), with_visits(VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await focus(pilot, app, "#visit-reason")
        await pilot.press("end", "!", "ctrl+q")
        await pilot.pause()
    with DiaryStore.open(folder) as store:
        assert store.visits()[0].reason == "Follow-up!"


async def test_quitting_with_a_visit_that_cannot_be_saved_asks_first(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build_app(folder, welcomed(), with_visits(VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await open_section(pilot, app, "history")
        app.query_one("#history", TextArea).load_text("y" * 5001)
        await focus(pilot, app, "#visit-reason")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "the history is longer than 5000 characters" in str(
            app.screen.query_one(".dialog-message", Static).render()
        )
        await pilot.press("ctrl+q")  # pressed again while asking: still one question
        await pilot.pause()
        assert len(app.screen_stack) == 2
        await pilot.press("enter")  # "Stay and fix it"
        await pilot.pause()
        assert app.is_running
        assert app.focused is app.query_one("#history", TextArea)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("tab", "enter")  # "Quit without saving it"
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0
    with DiaryStore.open(folder) as store:
        assert store.visits()[0].history == ""


async def test_remove_a_visit_asks_first() -> None:
    app = build_app(None, welcomed(), with_visits(OLD_VISIT, VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")  # the visit list has the focus, on the open visit
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


# --- the five sections ----------------------------------------------------------------------


async def test_reorder_questions_and_a_sixth_is_refused() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
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
    app = build_app(None, welcomed(), with_visits(VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
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
    app = build_app(None, welcomed(), with_visits(VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
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
    app = build_app(None, welcomed(), with_visits(VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
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
    app = build_app(None, welcomed(), with_visits(VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
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
    app = build_app(None, welcomed(), with_visits(VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
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


async def test_redraft_asks_before_replacing_the_story() -> None:
    app = build_app(None, seed_fixture, with_visits(VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await open_section(pilot, app, "story")
        await focus(pilot, app, "#redraft")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("tab", "enter")  # "Add it below"
        await pilot.pause()
        assert app.query_one("#story", TextArea).text == "My story.\n" + fixture_draft()
        await focus(pilot, app, "#redraft")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # "Replace the story"
        await pilot.pause()
        story = app.query_one("#story", TextArea)
        assert story.text == fixture_draft()
        # ctrl+End reaches the end of the whole story (ctrl+Home its start), not of a line.
        await focus(pilot, app, "#story")
        await pilot.press("ctrl+home")
        assert story.cursor_location == (0, 0)
        await pilot.press("ctrl+end", *"Worse in the car.")
        assert story.text == fixture_draft() + "Worse in the car."
        await pilot.press("ctrl+home", "ctrl+shift+end")
        assert story.selected_text == story.text
        await pilot.press("ctrl+s")
        await until(pilot, lambda: stored(app).story == fixture_draft() + "Worse in the car.")


# --- export ----------------------------------------------------------------------------------


async def test_export_from_the_tab(tmp_path: Path, private_documents_folder: Path) -> None:
    """The tab writes where a person finds the file: their documents folder, not the data
    folder."""
    folder = tmp_path / "data"
    exports = private_documents_folder
    app = build_app(folder, seed_fixture, with_visits(FIXTURE_VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "ctrl+o")
        target = exports / "visit-2026-11-24.md"
        await until(pilot, target.exists)
        await settled(pilot)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        expected = visit_markdown(FIXTURE_VISIT, FIXTURE_DIARY, date(2026, 11, 21))
        assert target.read_text(encoding="utf-8") == expected
        shown = str(app.query_one("#export-status", Static).render())
        assert f"Exported to {target}" in shown

        # Change the visit and export again with the button: the first file is kept.
        await focus(pilot, app, "#visit-reason")
        await pilot.press("end", *" (moved)")
        await pilot.pause()
        # The note about the last export goes once the visit changes: it gives the form
        # back its room (five lines at 80x24), and it was about the visit as it was.
        assert not app.query_one("#export-status").display
        await focus(pilot, app, "#export-visit")
        await pilot.press("enter")
        second = exports / "visit-2026-11-24-2.md"
        await until(pilot, second.exists)
        await settled(pilot)
        assert target.read_text(encoding="utf-8") == expected
        assert "(moved)" in second.read_text(encoding="utf-8")
        assert stat.S_IMODE(second.stat().st_mode) == 0o600
        shown = str(app.query_one("#export-status", Static).render())
        assert "A different file was already at visit-2026-11-24.md" in shown
        assert "visit-2026-11-24-2.md" in shown
        assert stored(app, FIXTURE_VISIT.id).reason.endswith("(moved)")


async def test_export_pdf_from_the_tab(private_documents_folder: Path) -> None:
    """ctrl+t (and the PDF report button) writes the report for the doctor into the
    documents folder, says the whole path, and never writes over a different file."""
    app = build_app(None, seed_fixture, with_visits(FIXTURE_VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "ctrl+t")
        target = private_documents_folder / "visit-2026-11-24.pdf"
        status = app.query_one("#export-status", Static)
        await until(pilot, lambda: "Exported to" in str(status.render()))
        assert f"Exported to {target} (only you can read it)." in str(status.render())
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        text = pdf_text(target.read_bytes())
        assert "Clinic visit: Tue 24 Nov 2026" in text
        assert text.index("RED FLAGS") < text.index("Timeline")

        # The same report again is left as it is; a changed visit gets a name of its own.
        await focus(pilot, app, "#export-pdf")
        await pilot.press("enter")
        await until(pilot, lambda: "unchanged" in str(status.render()))
        await focus(pilot, app, "#visit-reason")
        await pilot.press("end", *" (moved)")
        await focus(pilot, app, "#export-pdf")
        await pilot.press("enter")
        second = private_documents_folder / "visit-2026-11-24-2.pdf"
        await until(pilot, second.exists)
        await until(pilot, lambda: "visit-2026-11-24-2.pdf" in str(status.render()))
        assert "(moved)" in pdf_text(second.read_bytes())
        assert "(moved)" not in pdf_text(target.read_bytes())


def days_logged_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("- Days logged"))


async def test_a_story_older_than_the_diary_is_pointed_out_before_export(
    tmp_path: Path, private_documents_folder: Path
) -> None:
    """Found by a reviewer: a story drafted before the last weeks' logs was exported beside
    a chart of them, and the page contradicted itself."""
    folder = tmp_path / "data"
    old_story = fixture_draft().replace(
        days_logged_line(fixture_draft()),
        "- Days logged in the last four weeks (25 Oct to 21 Nov): 0 of 28.",
    )
    app = build_app(folder, seed_fixture, with_visits(replace(FIXTURE_VISIT, story=old_story)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        message = str(app.screen.query_one(".dialog-message", Static).render())
        assert "(25 Oct to 21 Nov): 0 of 28." in message
        assert days_logged_line(fixture_draft()).removeprefix("- ") in message
        await pilot.press("enter")  # "Go to the story" (suggested): nothing written yet
        await pilot.pause()
        assert app.focused is app.query_one("#redraft")
        assert not private_documents_folder.exists()
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("tab", "enter")  # "Export as it is"
        target = private_documents_folder / "visit-2026-11-24.md"
        await until(pilot, target.exists)
        assert "0 of 28." in target.read_text(encoding="utf-8")


async def test_a_long_before_you_leave_item_wraps_instead_of_losing_its_end() -> None:
    """Found by a reviewer at 80 columns: "… signs mean I go to the emergenc…", a safety
    item, was cut."""
    app = build_app(None, seed_fixture, with_visits(FIXTURE_VISIT))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await open_section(pilot, app, "leave")
        for item in content.clinic().before_you_leave:
            box = app.query_one(f"#leave-{item.id}", Checkbox)
            lines = box.render().wrap(box.content_region.width)
            assert len(lines) == box.size.height, item.id
            assert " ".join(line.plain.strip() for line in lines).endswith(item.text), item.id


async def test_keys_without_a_visit_say_what_to_do() -> None:
    app = build_app(None, welcomed())
    said: list[str] = []
    notify = app.notify

    def recorded(message: str, **options: object) -> None:
        said.append(message)
        notify(message, **options)  # type: ignore[arg-type]

    app.notify = recorded  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "ctrl+o", "ctrl+s")
        await pilot.pause()
        assert any("no visit to export yet" in m for m in said)
        assert any("no visit to save yet" in m for m in said)


# --- moving between sections ---------------------------------------------------------------

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
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "ctrl+n")
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
    app = build_app(None, welcomed(), with_visits(VISIT))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
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
    app = build_app(None, welcomed(), with_visits(full))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
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
    app = build_app(None, welcomed(), with_visits(VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
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
    app = build_app(None, welcomed(), with_visits(VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        assert app.focused is app.query_one("#visit-list", OptionList)
        await pilot.press("ctrl+down")
        assert app.focused is app.query_one("#visit-date", Input)
        await focus(pilot, app, "#save-visit")
        await pilot.press("ctrl+up")
        assert app.focused is app.query_one("#notes-after", TextArea)
        assert not app.query_one("#section-notes", Collapsible).collapsed


async def test_without_a_visit_the_section_keys_do_nothing() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5", "ctrl+down", "ctrl+up")
        await pilot.pause()
        assert app.focused is app.query_one("#new-visit", Button)


async def test_the_section_keys_are_in_the_help_but_not_the_footer() -> None:
    app = build_app(None, welcomed(), with_visits(VISIT))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
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
