"""The person's own plan on the Rehab tab: hiding built-ins and showing them again, own
exercises for every phase, a change of phase that keeps the day's ticks, and the room the
checklist gets at 80x24."""

from __future__ import annotations

from textual.widgets import Static

from sciatica_tui.domain import content
from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.records import EVERY_PHASE
from sciatica_tui.domain.rehab import EntryPlace
from sciatica_tui.screens.dialogs.learn_more import LearnMoreDialog
from sciatica_tui.screens.rehab.checklist import HIDDEN_OPTION, Checklist
from sciatica_tui.screens.rehab.own_exercises import ExerciseDialog
from sciatica_tui.screens.rehab.tab import RehabTab
from tests.support.app import build_app, settled, until, welcomed
from tests.support.rehab import (
    PHASE_2_FIRST,
    PHASE_2_SECOND,
    TODAY,
    cautions_of,
    opened_rehab,
    plain,
    shown_ids,
    text_of,
    with_ticks,
)

PHASE_2_SIZE = len(content.rehab().phases[1].items)


def plan_ids(tab: RehabTab) -> list[str]:
    return [entry.id for entry in tab.plan_shown]


def visible_lines(checklist: Checklist) -> list[str]:
    """The checklist's lines as they are on the screen now."""
    return [checklist.render_line(y).text for y in range(checklist.content_region.height)]


async def test_a_built_in_is_hidden_and_shown_again() -> None:
    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await opened_rehab(pilot)
        checklist = app.query_one(Checklist)
        assert checklist.highlighted_id == PHASE_2_FIRST
        await pilot.press("h")
        await until(pilot, lambda: app.store.rehab_plan() == [PlanItem(PHASE_2_FIRST, True)])
        assert PHASE_2_FIRST not in plan_ids(tab)
        assert f"0 of {PHASE_2_SIZE - 1} ticked" in text_of(app, "#day-label")
        assert f"Today: 0 of {PHASE_2_SIZE - 1} done" in text_of(app, "#adherence")
        # The hidden one is listed on demand, at the end.
        assert PHASE_2_FIRST not in shown_ids(app)
        checklist.highlighted = checklist.get_option_index(HIDDEN_OPTION)
        hidden_line = plain(checklist.get_option(HIDDEN_OPTION).prompt)
        assert "Hidden from your plan: 1 exercise · h shows them" in hidden_line
        await pilot.press("h")
        await until(pilot, lambda: PHASE_2_FIRST in shown_ids(app))
        [hidden] = [e for e in checklist.entries if e.id == PHASE_2_FIRST]
        assert hidden.place is EntryPlace.HIDDEN
        # A hidden exercise cannot be ticked until it is back in the plan.
        await pilot.press("down", "space")
        await settled(pilot)
        assert app.store.rehab_day(TODAY).done == ()
        await pilot.press("h")
        await until(pilot, lambda: app.store.rehab_plan() == [PlanItem(PHASE_2_FIRST, False)])
        assert plan_ids(tab)[0] == PHASE_2_FIRST
        assert HIDDEN_OPTION not in [o.id for o in checklist.options]


async def test_own_exercises_and_off_plan_lines_are_not_hidden() -> None:
    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        said: list[str] = []
        app.notify = lambda message, **_: said.append(str(message))  # type: ignore[method-assign]
        await opened_rehab(pilot)
        await pilot.press("a", *"Wall squats", "enter")
        await until(pilot, lambda: bool(app.store.custom_exercises()))
        await pilot.press("h")
        await settled(pilot)
        assert app.store.rehab_plan() == []
        assert "d removes it" in said[-1]


async def test_an_own_exercise_for_every_phase_stays_when_the_phase_changes() -> None:
    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await opened_rehab(pilot)
        await pilot.press("a", *"Walk", "tab", *"Ten minutes")
        assert isinstance(app.screen, ExerciseDialog)
        await pilot.click("#exercise-every-phase")
        await pilot.click("#exercise-save")
        await until(pilot, lambda: bool(app.store.custom_exercises()))
        [walk] = app.store.custom_exercises()
        assert walk.phase == EVERY_PHASE
        highlighted = app.query_one(Checklist).highlighted_option
        assert highlighted is not None and "yours, every phase" in plain(highlighted.prompt)
        await pilot.press("p", "down", "enter")  # follow the suggestion, then phase 1
        await until(pilot, lambda: app.store.profile().settings.rehab_phase == 1)
        assert walk.id in plan_ids(tab)


async def test_a_change_of_phase_keeps_the_days_ticks_in_view() -> None:
    app = build_app(
        None, welcomed(), with_ticks(TODAY, PHASE_2_FIRST, PHASE_2_SECOND), opens_on="rehab"
    )
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await opened_rehab(pilot)
        await pilot.press("p", "down", "down", "down", "enter")  # phase 3
        await until(pilot, lambda: app.store.profile().settings.rehab_phase == 3)
        off_plan = [e for e in app.query_one(Checklist).entries if e.place is EntryPlace.OFF_PLAN]
        assert [e.id for e in off_plan] == [PHASE_2_FIRST, PHASE_2_SECOND]
        assert app.query_one(Checklist).done == (PHASE_2_FIRST, PHASE_2_SECOND)
        # Phase 3's plan counts only its own exercises.
        assert f"0 of {len(plan_ids(tab))} ticked" in text_of(app, "#day-label")
        assert "This week: 1 of 6 days, 0% of the plan" in text_of(app, "#adherence")
        # An off-plan tick can still be taken back, and only on purpose.
        checklist = app.query_one(Checklist)
        checklist.highlighted = checklist.get_option_index(PHASE_2_SECOND)
        await pilot.press("space")
        await until(pilot, lambda: app.store.rehab_day(TODAY).done == (PHASE_2_FIRST,))


async def test_ticks_of_a_hidden_exercise_stay_in_the_diary() -> None:
    app = build_app(None, welcomed(), with_ticks(TODAY, PHASE_2_FIRST), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await opened_rehab(pilot)
        await pilot.press("h")
        await until(pilot, lambda: bool(app.store.rehab_plan()))
        assert app.store.rehab_day(TODAY).done == (PHASE_2_FIRST,)
        assert PHASE_2_FIRST not in plan_ids(tab)
        assert PHASE_2_FIRST in shown_ids(app)  # as a tick of the day, off the plan
        assert f"0 of {PHASE_2_SIZE - 1} ticked" in text_of(app, "#day-label")


async def test_at_80x24_six_exercises_show_and_the_cautions_fold_into_a_key() -> None:
    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened_rehab(pilot)
        boxes = [line for line in visible_lines(app.query_one(Checklist)) if "[ ]" in line]
        assert len(boxes) >= 6, visible_lines(app.query_one(Checklist))
        cautions = cautions_of(app)
        assert cautions.startswith(f"⚠ {content.rehab().caution_line}")
        assert "c: all cautions" in cautions
        assert app.query_one("#cautions", Static).region.height == 1
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, LearnMoreDialog))
        shown = " ".join(plain(s.content) for s in app.screen.query(Static))
        for caution in content.rehab().general_cautions:
            assert caution in shown
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.focused, Checklist))
