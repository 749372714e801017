"""The Rehab tab, driven with keys and clicks: ticks, past days, own exercises, phase choice,
and the after-surgery rule."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from rich.console import Console
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain import content
from sciatica_tui.domain.records import CustomExercise, RehabDay
from sciatica_tui.domain.rehab import REMOVED_TITLE
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.screens.rehab.checklist import Checklist
from sciatica_tui.screens.rehab.own_exercises import ExerciseDialog
from sciatica_tui.screens.rehab.phase import PhaseDialog
from sciatica_tui.screens.rehab.tab import RehabTab
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import Seed, build_app, settled, until, welcomed

TODAY = date(2026, 11, 21)
YESTERDAY = date(2026, 11, 20)
# Onset 2026-09-20 is 8 weeks before the frozen today: phase 2 is suggested.
PHASE_2_FIRST = "hamstring_stretch"
PHASE_2_SECOND = "piriformis_stretch"


def with_surgery(on: date) -> Seed:
    """A seed that sets a surgery date."""

    def seed(store: DiaryStore) -> None:
        store.save_profile(replace(store.profile(), surgery_date=on))

    return seed


def with_ticks(day: date, *done: str) -> Seed:
    """A seed that saves ticks for one day."""

    def seed(store: DiaryStore) -> None:
        store.save_rehab_day(RehabDay(day, done))

    return seed


async def open_rehab(pilot: Pilot[int]) -> RehabTab:
    """Go to the Rehab tab with the cursor in the checklist."""
    await pilot.pause()
    await pilot.press("f4")
    # The tab is built on first use; wait for it to take the cursor.
    await until(pilot, lambda: isinstance(pilot.app.focused, Checklist))
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


async def test_ticking_and_unticking_today_is_saved() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await open_rehab(pilot)
        assert app.focused is app.query_one(Checklist)
        await pilot.press("space", "down", "space")
        await until(pilot, lambda: len(app.store.rehab_day(TODAY).done) == 2)
        assert app.store.rehab_day(TODAY).done == (PHASE_2_FIRST, PHASE_2_SECOND)
        assert "2 of 12 ticked" in text_of(app, "#day-label")
        assert "Today: 2 of 12 done" in text_of(app, "#adherence")
        assert "1 of 6 days" in text_of(app, "#adherence")
        await pilot.press("space")
        await until(pilot, lambda: app.store.rehab_day(TODAY).done == (PHASE_2_FIRST,))
        assert "1 of 12 ticked" in text_of(app, "#day-label")


async def test_ticks_and_the_cursor_are_shown_as_symbols_not_only_colour() -> None:
    app = build_app(None, welcomed(), with_ticks(TODAY, PHASE_2_SECOND))
    async with app.run_test(size=(100, 32)) as pilot:
        await open_rehab(pilot)
        checklist = app.query_one(Checklist)
        lines = [plain(checklist.get_option_at_index(i).prompt) for i in (1, 2)]
        assert lines[0].startswith("▶[ ] Hamstring stretch")
        assert lines[1].startswith(" [✓] Piriformis stretch")
        assert "⚠ Stop if the stretch" in lines[0]


async def test_clicking_an_item_ticks_it() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(160, 40)) as pilot:
        await open_rehab(pilot)
        # The goal is one line at this width, so the first item starts on the second.
        await pilot.click(Checklist, offset=(8, 2))
        await until(pilot, lambda: app.store.rehab_day(TODAY).done == (PHASE_2_FIRST,))


async def test_past_days_can_be_ticked_but_not_the_future() -> None:
    app = build_app(None, welcomed(), with_ticks(YESTERDAY, PHASE_2_SECOND))
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await open_rehab(pilot)
        await pilot.press("right")
        await pilot.pause()
        assert tab.day == TODAY
        await pilot.press("left_square_bracket")
        assert tab.day == YESTERDAY
        assert "yesterday" in text_of(app, "#day-label")
        assert app.query_one(Checklist).done == (PHASE_2_SECOND,)
        await pilot.press("space")
        await until(
            pilot,
            lambda: app.store.rehab_day(YESTERDAY).done == (PHASE_2_SECOND, PHASE_2_FIRST),
        )
        assert app.store.rehab_day(TODAY).done == ()
        await pilot.press("right_square_bracket")
        assert tab.day == TODAY
        assert app.query_one(Checklist).done == ()


async def test_a_date_typed_straight_after_g_lands_in_the_date_box() -> None:
    """Keys sent at once, as a fast typist or a paste would: none reaches the checklist
    (there, the "t" of "yesterday" would jump back to today)."""
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await open_rehab(pilot)
        for key in ["g", *"yesterday", "enter"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await settled(pilot)
        assert tab.day == TODAY - timedelta(days=1)
        assert not app.query_one("#day-error").display


async def test_g_is_a_letter_while_typing_a_date() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await open_rehab(pilot)
        await pilot.press("g", *"aug 3")
        assert app.query_one("#day-input", Input).value == "aug 3"
        await pilot.press("enter")
        await pilot.pause()
        assert tab.day == date(2026, 8, 3)


async def test_a_typed_date_is_shown_and_a_future_one_refused() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await open_rehab(pilot)
        await pilot.press("g")
        assert app.focused is app.query_one("#day-input", Input)
        await pilot.press(*"2026-12-01", "enter")
        assert tab.day == TODAY
        assert "in the future" in text_of(app, "#day-error")
        app.query_one("#day-input", Input).value = ""
        await pilot.press(*"Nov 2", "enter")
        await pilot.pause()
        assert tab.day == date(2026, 11, 2)
        assert "19 days ago" in text_of(app, "#day-label")
        assert not app.query_one("#day-error").display
        assert app.focused is app.query_one(Checklist)
        await pilot.press("space")
        await until(pilot, lambda: app.store.rehab_day(date(2026, 11, 2)).done != ())
        await pilot.press("t")
        assert tab.day == TODAY


async def test_own_exercises_are_added_renamed_and_removed(tmp_path: Path) -> None:
    app = build_app(tmp_path / "data", welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await open_rehab(pilot)
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
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await open_rehab(pilot)
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
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        said: list[str] = []
        app.notify = lambda message, **_: said.append(str(message))  # type: ignore[method-assign]
        await open_rehab(pilot)
        await pilot.press("e")
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, ExerciseDialog | ChoiceDialog)
        assert len(said) == 2 and all("only ones you added" in line for line in said)
        assert shown_ids(app)[0] == PHASE_2_FIRST


async def test_phase_choice_is_remembered_across_restarts(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    app = build_app(folder, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await open_rehab(pilot)
        assert "Rehab phase 2 (weeks 6–12) · " in text_of(app, "#phase-line")
        assert "★ suggested" in text_of(app, "#phase-line")
        await pilot.press("p")
        assert isinstance(app.screen, PhaseDialog)
        await pilot.press("down", "down", "down", "enter")  # follow, 1, 2, 3
        await until(pilot, lambda: app.store.profile().settings.rehab_phase == 3)
        assert "Rehab phase 3 (week 12 on) · " in text_of(app, "#phase-line")
        assert "your choice (suggested: 2)" in text_of(app, "#phase-line")
        assert shown_ids(app)[0] == content.rehab().phases[2].items[0].id

    again = build_app(folder)
    async with again.run_test(size=(100, 32)) as pilot:
        await open_rehab(pilot)
        assert "Rehab phase 3 (week 12 on) · " in text_of(again, "#phase-line")
        await pilot.press("p", "home", "enter")  # back to following the suggestion
        await until(pilot, lambda: again.store.profile().settings.rehab_phase is None)
        assert "Rehab phase 2 (weeks 6–12) · " in text_of(again, "#phase-line")
        assert again.store.profile().welcomed  # the rest of the profile is kept


async def test_after_surgery_rule_shows_only_with_a_surgery_date() -> None:
    recent = welcomed(onset=date(2026, 11, 1))
    plain = build_app(None, recent)
    async with plain.run_test(size=(100, 32)) as pilot:
        await open_rehab(pilot)
        assert "Rehab phase 1" in text_of(plain, "#phase-line")
        assert "surgery" not in text_of(plain, "#phase-line")
        assert "no_blt" not in shown_ids(plain)
        assert "surgery" not in cautions_of(plain)

    operated = build_app(None, recent, with_surgery(date(2026, 11, 10)))
    async with operated.run_test(size=(100, 32)) as pilot:
        await open_rehab(pilot)
        assert "no_blt" in shown_ids(operated)
        assert "★ suggested, counted from surgery" in text_of(operated, "#phase-line")
        # 32 rows: the short line, which fits 80 columns; the c dialog has the whole rule.
        assert content.rehab().surgery_line in cautions_of(operated)


async def test_general_cautions_are_shown_in_full_where_there_is_room() -> None:
    app = build_app(None, welcomed(onset=None))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_rehab(pilot)
        assert "no suggestion yet" in text_of(app, "#phase-line")
        cautions = cautions_of(app)
        for caution in content.rehab().general_cautions:
            assert caution in cautions
        assert app.query_one("#cautions").region.bottom <= app.screen.region.bottom - 1


async def test_adherence_shows_today_the_week_and_each_day_of_four_weeks() -> None:
    # Phase 2 has 12 items. Monday 16 Nov: 6 of them (50%); Tuesday 27 Oct: 3 (25%).
    items = [item.id for item in content.rehab().phases[1].items]
    app = build_app(
        None,
        welcomed(),
        with_ticks(date(2026, 11, 16), *items[:6]),
        with_ticks(date(2026, 11, 17), *items),
        with_ticks(date(2026, 10, 27), *items[:3]),
        with_ticks(date(2026, 10, 1), *items),  # more than 4 weeks ago: left out
        with_ticks(TODAY, items[0]),
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await open_rehab(pilot)
        adherence = plain(app.query_one("#adherence", Static).content)
        assert "Today: 1 of 12 done" in adherence
        this_week = round(100 * (0.5 + 1 + 1 / 12) / 6)
        assert f"This week: 3 of 6 days, {this_week}% of the plan" in adherence
        heading = ["Week", "of", "M", "T", "W", "T", "F", "S", "S", "Days", "Plan"]
        assert heading in [line.split() for line in adherence.splitlines()]
        rows = {
            line.split()[0] + " " + line.split()[1]: line.split()[2:]
            for line in adherence.splitlines()
            if line[:2].strip().isdigit()
        }
        assert rows["16 Nov"] == ["◐", "●", "·", "·", "·", "◐", "3", "of", "6", f"{this_week}%"]
        assert rows["26 Oct"] == ["·", "◐", "·", "·", "·", "·", "·", "1", "of", "7", "4%"]
        assert "● all of the plan" in adherence and "· nothing ticked" in adherence


async def test_at_80x24_the_week_is_in_words() -> None:
    items = [item.id for item in content.rehab().phases[1].items]
    app = build_app(None, welcomed(), with_ticks(date(2026, 11, 10), *items))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_rehab(pilot)
        adherence = text_of(app, "#adherence")
        assert "This week: 0 of 6 days, 0% of the plan" in adherence
        assert app.query_one("#adherence").region.height == 1  # the rows go to the checklist


async def test_ticks_from_another_phase_agree_everywhere_on_the_list_shown() -> None:
    """Found by a reviewer: after changing phase, the header said "0 of 5 done" while
    today's bar still counted the other phase's ticks."""
    other_phase = [item.id for item in content.rehab().phases[0].items][:3]
    app = build_app(None, welcomed(), with_ticks(TODAY, *other_phase))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_rehab(pilot)  # phase 2 is shown: none of these ticks are on its list
        adherence = plain(app.query_one("#adherence", Static).content)
        assert "Today: 0 of 12 done" in adherence
        assert "This week: 1 of 6 days, 0% of the plan" in adherence  # still a day of work
        today_row = next(line for line in adherence.splitlines() if line.startswith("16 Nov"))
        assert today_row.split()[-5:] == ["◐", "1", "of", "6", "0%"]  # Saturday: some ticks


async def test_an_own_exercise_joins_the_phase_shown() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await open_rehab(pilot)
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

    app = build_app(None, welcomed())
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseDialog)
        await pilot.press(*"Wall sits")
        driver = app._driver
        assert driver is not None
        for _ in range(2):  # both arrive before the first is handled
            driver.send_message(events.Key("enter", "\r"))
        await settled(pilot)
        assert [e.title for e in app.store.custom_exercises()] == ["Wall sits"]
