"""The Rehab tab, driven with keys and clicks: ticks, past days and typed dates, and the
adherence the ticks add up to."""

from __future__ import annotations

from datetime import date, timedelta

from textual import events
from textual.widgets import Input, Static

from sciatica_tui.domain import content
from sciatica_tui.screens.rehab.checklist import Checklist
from tests.support.app import build_app, settled, until, welcomed
from tests.support.rehab import (
    PHASE_2_FIRST,
    PHASE_2_SECOND,
    TODAY,
    opened_rehab,
    plain,
    text_of,
    with_ticks,
)

YESTERDAY = date(2026, 11, 20)


async def test_ticking_and_unticking_today_is_saved() -> None:
    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        await opened_rehab(pilot)
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
    app = build_app(None, welcomed(), with_ticks(TODAY, PHASE_2_SECOND), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        await opened_rehab(pilot)
        checklist = app.query_one(Checklist)
        lines = [plain(checklist.get_option_at_index(i).prompt) for i in (1, 2)]
        assert lines[0].startswith("▶[ ] Hamstring stretch")
        assert lines[1].startswith(" [✓] Piriformis stretch")
        assert "⚠ Stop if the stretch" in lines[0]


async def test_clicking_an_item_ticks_it() -> None:
    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(160, 40)) as pilot:
        await opened_rehab(pilot)
        # The goal is one line at this width, so the first item starts on the second.
        await pilot.click(Checklist, offset=(8, 2))
        await until(pilot, lambda: app.store.rehab_day(TODAY).done == (PHASE_2_FIRST,))


async def test_past_days_can_be_ticked_but_not_the_future() -> None:
    app = build_app(None, welcomed(), with_ticks(YESTERDAY, PHASE_2_SECOND), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await opened_rehab(pilot)
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
    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await opened_rehab(pilot)
        for key in ["g", *"yesterday", "enter"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await settled(pilot)
        assert tab.day == TODAY - timedelta(days=1)
        assert not app.query_one("#day-error").display


async def test_g_is_a_letter_while_typing_a_date() -> None:
    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await opened_rehab(pilot)
        await pilot.press("g", *"aug 3")
        assert app.query_one("#day-input", Input).value == "aug 3"
        await pilot.press("enter")
        await pilot.pause()
        assert tab.day == date(2026, 8, 3)


async def test_a_typed_date_is_shown_and_a_future_one_refused() -> None:
    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        tab = await opened_rehab(pilot)
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
        opens_on="rehab",
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await opened_rehab(pilot)
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
    app = build_app(None, welcomed(), with_ticks(date(2026, 11, 10), *items), opens_on="rehab")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened_rehab(pilot)
        adherence = text_of(app, "#adherence")
        assert "This week: 0 of 6 days, 0% of the plan" in adherence
        assert app.query_one("#adherence").region.height == 1  # the rows go to the checklist


async def test_ticks_from_another_phase_agree_everywhere_on_the_list_shown() -> None:
    """Found by a reviewer: after changing phase, the header said "0 of 5 done" while
    today's bar still counted the other phase's ticks."""
    other_phase = [item.id for item in content.rehab().phases[0].items][:3]
    app = build_app(None, welcomed(), with_ticks(TODAY, *other_phase), opens_on="rehab")
    async with app.run_test(size=(120, 40)) as pilot:
        await opened_rehab(pilot)  # phase 2 is shown: none of these ticks are on its list
        adherence = plain(app.query_one("#adherence", Static).content)
        assert "Today: 0 of 12 done" in adherence
        assert "This week: 1 of 6 days, 0% of the plan" in adherence  # still a day of work
        today_row = next(line for line in adherence.splitlines() if line.startswith("16 Nov"))
        assert today_row.split()[-5:] == ["◐", "1", "of", "6", "0%"]  # Saturday: some ticks
