"""The Rehab tab's exercises: own ones added, renamed and removed, the phase chosen, and the
after-surgery rule and the cautions shown with them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from textual.widgets import Input

from sciatica_tui.domain import content
from sciatica_tui.domain.records import CustomExercise
from sciatica_tui.domain.rehab import REMOVED_TITLE
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.screens.rehab.checklist import Checklist
from sciatica_tui.screens.rehab.own_exercises import ExerciseDialog
from sciatica_tui.screens.rehab.phase import PhaseDialog
from sciatica_tui.screens.rehab.tab import RehabTab
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import Seed, build_app, settled, until, welcomed
from tests.support.rehab import (
    PHASE_2_FIRST,
    TODAY,
    cautions_of,
    opened_rehab,
    shown_ids,
    text_of,
)


def with_surgery(on: date) -> Seed:
    """A seed that sets a surgery date."""

    def seed(store: DiaryStore) -> None:
        store.save_profile(replace(store.profile(), surgery_date=on))

    return seed


async def test_own_exercises_are_added_renamed_and_removed(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        await opened_rehab(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, ExerciseDialog)
        await pilot.press(*"Wall squats", "tab", *"Ten slow squats", "enter")
        await until(pilot, lambda: bool(app.store.custom_exercises()))
        assert app.store.custom_exercises() == [
            CustomExercise("custom-1", 2, "Wall squats", "Ten slow squats")
        ]
        assert shown_ids(app)[-1] == "custom-1"
        assert app.query_one(Checklist).highlighted_id == "custom-1"
        await pilot.press("space")  # ticking an own exercise works like any other
        await until(pilot, lambda: app.store.rehab_day(TODAY).done == ("custom-1",))

        await pilot.press("e")
        assert isinstance(app.screen, ExerciseDialog)
        assert app.screen.query_one("#exercise-title", Input).value == "Wall squats"
        await pilot.press(*"Wall sits", "enter")  # the old name is selected, so it is replaced
        await until(pilot, lambda: app.store.custom_exercises()[0].title == "Wall sits")
        assert app.store.custom_exercises()[0].id == "custom-1"

        await pilot.press("d")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("n")
        assert app.store.custom_exercises()
        await pilot.press("d", "y")
        await until(pilot, lambda: not app.store.custom_exercises())
        assert "custom-1" not in [entry.id for entry in app.query_one(RehabTab).plan_shown]
        # Its tick today stays, shown apart from the plan.
        [removed] = [e for e in app.query_one(Checklist).entries if e.id == "custom-1"]
        assert removed.title == REMOVED_TITLE

        # A new exercise never takes the removed one's id (and so its old ticks).
        await pilot.press("a", *"Step-ups", "enter")
        await until(pilot, lambda: bool(app.store.custom_exercises()))
        assert app.store.custom_exercises()[0].id == "custom-2"
    with DiaryStore.open(tmp_path / "data") as store:
        assert [e.title for e in store.custom_exercises()] == ["Step-ups"]


async def test_an_empty_name_is_refused_and_the_dialog_stays() -> None:
    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        await opened_rehab(pilot)
        await pilot.press("a", *"   ", "enter")
        assert isinstance(app.screen, ExerciseDialog)
        assert "The name is empty" in str(app.screen.query_one("#exercise-error").render())
        await pilot.press("W")  # typing a name: the old message goes (found by a reviewer)
        await pilot.pause()
        assert not app.screen.query_one("#exercise-error").display
        await pilot.press("escape")
        await settled(pilot)
        assert not isinstance(app.screen, ExerciseDialog)
        assert app.store.custom_exercises() == []


async def test_plan_items_cannot_be_renamed_or_removed() -> None:
    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        said: list[str] = []
        app.notify = lambda message, **_: said.append(str(message))  # type: ignore[method-assign]
        await opened_rehab(pilot)
        await pilot.press("e")
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, ExerciseDialog | ChoiceDialog)
        assert len(said) == 2 and all("only ones you added" in line for line in said)
        assert shown_ids(app)[0] == PHASE_2_FIRST


async def test_phase_choice_is_remembered_across_restarts(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build_app(folder, welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        await opened_rehab(pilot)
        assert "Rehab phase 2 (weeks 6–12) · " in text_of(app, "#phase-line")
        assert "★ suggested" in text_of(app, "#phase-line")
        await pilot.press("p")
        assert isinstance(app.screen, PhaseDialog)
        await pilot.press("down", "down", "down", "enter")  # follow, 1, 2, 3
        await until(pilot, lambda: app.store.profile().settings.rehab_phase == 3)
        assert "Rehab phase 3 (week 12 on) · " in text_of(app, "#phase-line")
        assert "your choice (suggested: 2)" in text_of(app, "#phase-line")
        assert shown_ids(app)[0] == content.rehab().phases[2].items[0].id

    again = build_app(folder, opens_on="rehab")
    async with again.run_test(size=(100, 32)) as pilot:
        await opened_rehab(pilot)
        assert "Rehab phase 3 (week 12 on) · " in text_of(again, "#phase-line")
        await pilot.press("p", "home", "enter")  # back to following the suggestion
        await until(pilot, lambda: again.store.profile().settings.rehab_phase is None)
        assert "Rehab phase 2 (weeks 6–12) · " in text_of(again, "#phase-line")
        assert again.store.profile().welcomed  # the rest of the profile is kept


async def test_after_surgery_rule_shows_only_with_a_surgery_date() -> None:
    recent = welcomed(onset=date(2026, 11, 1))
    plain = build_app(None, recent, opens_on="rehab")
    async with plain.run_test(size=(100, 32)) as pilot:
        await opened_rehab(pilot)
        assert "Rehab phase 1" in text_of(plain, "#phase-line")
        assert "surgery" not in text_of(plain, "#phase-line")
        assert "no_blt" not in shown_ids(plain)
        assert "surgery" not in cautions_of(plain)

    operated = build_app(None, recent, with_surgery(date(2026, 11, 10)), opens_on="rehab")
    async with operated.run_test(size=(100, 32)) as pilot:
        await opened_rehab(pilot)
        assert "no_blt" in shown_ids(operated)
        assert "★ suggested, counted from surgery" in text_of(operated, "#phase-line")
        # 32 rows: the short line, which fits 80 columns; the c dialog has the whole rule.
        assert content.rehab().surgery_line in cautions_of(operated)


async def test_general_cautions_are_shown_in_full_where_there_is_room() -> None:
    app = build_app(None, welcomed(onset=None), opens_on="rehab")
    async with app.run_test(size=(120, 40)) as pilot:
        await opened_rehab(pilot)
        assert "no suggestion yet" in text_of(app, "#phase-line")
        cautions = cautions_of(app)
        for caution in content.rehab().general_cautions:
            assert caution in cautions
        assert app.query_one("#cautions").region.bottom <= app.screen.region.bottom - 1


async def test_an_own_exercise_joins_the_phase_shown() -> None:
    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        await opened_rehab(pilot)
        await pilot.press("p", "down")  # phase 1, though phase 2 is suggested
        await pilot.press("enter")
        await until(pilot, lambda: app.store.profile().settings.rehab_phase == 1)
        await pilot.press("a", *"Chin tucks", "enter")
        await until(pilot, lambda: bool(app.store.custom_exercises()))
        assert app.store.custom_exercises()[0].phase == 1
        assert shown_ids(app)[-1] == "custom-1"
        await pilot.press("p", "end", "enter")  # phase 3: the phase 1 exercise is not there
        await until(pilot, lambda: app.store.profile().settings.rehab_phase == 3)
        assert "custom-1" not in shown_ids(app)


async def test_two_quick_enters_in_the_exercise_dialog_add_it_once() -> None:
    """Found by the monkey test: a second Enter queued behind the first added it twice."""
    from textual import events

    from sciatica_tui.screens.rehab.own_exercises import ExerciseDialog

    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseDialog)
        await pilot.press(*"Wall sits")
        driver = app._driver
        assert driver is not None
        for _ in range(2):  # both arrive before the first is handled
            driver.send_message(events.Key("enter", "\r"))
        # On a busy machine the keys may not even be handled when the writer is first seen
        # idle: wait for the save, then for any second one.
        await until(pilot, lambda: bool(app.store.custom_exercises()), "the exercise saved")
        await settled(pilot)
        assert [e.title for e in app.store.custom_exercises()] == ["Wall sits"]
