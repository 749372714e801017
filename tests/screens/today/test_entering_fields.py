"""Filling in Today: the first cursor, ratings and choices by digit, letter, arrow and mouse."""

from __future__ import annotations

from textual import events
from textual.widgets import Label

from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.screens.today.form import field_id
from tests.support.app import FROZEN_NOW, settled, welcomed
from tests.support.today import field, tab
from tests.support.today_app import SIZE, TODAY, build, notices


async def test_opens_on_today_with_the_cursor_on_leg_pain() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is field(app, "leg_pain")
        assert tab(app).day == TODAY


async def test_a_digit_typed_at_once_lands_on_leg_pain() -> None:
    """No pause after start: the cursor is on leg pain before the form is first drawn."""
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        await pilot.pause()
        assert field(app, "leg_pain").value == 7


async def test_a_tab_opened_at_start_keeps_the_cursor() -> None:
    """Today's first focus never pulls the person back from a tab a key has opened."""
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await settled(pilot)
        assert app.query_one("#tabs").active == "breathe"  # type: ignore[attr-defined]
        assert app.focused is not None and tab(app) not in app.focused.ancestors_with_self


async def test_one_then_zero_within_a_second_makes_ten() -> None:
    clock = FixedClock(FROZEN_NOW)
    app = build(None, welcomed(), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        leg = field(app, "leg_pain")
        await pilot.press("1")
        clock.advance(0.5)
        await pilot.press("0")
        assert leg.value == 10
        await pilot.press("1")
        clock.advance(1.5)
        await pilot.press("0")
        assert leg.value == 0
        await pilot.press("5", "right", "right")
        assert leg.value == 7
        await pilot.press("left")
        assert leg.value == 6
        await pilot.press("backspace")
        assert leg.value is None


async def test_an_arrow_on_an_unset_scale_starts_at_the_low_end_a_choice_goes_round() -> None:
    """Found by a reviewer: left on "not set" numbness jumped to 10/10, worst."""
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for name, arrow, low in [
            ("numbness", "left", 0),
            ("leg_pain", "right", 0),
            ("mood", "left", 1),
        ]:
            scale = field(app, name)
            scale.focus()
            await pilot.press(arrow)
            assert scale.value == low, name
        # The choices go round (issue 15): from "not set", Left gives the last option and
        # Right the first, and the numbness reach says "No numbness", not "No pain".
        for name in ("pain_reach", "pain_side", "weakness", "numbness_reach"):
            choice = field(app, name)
            choice.focus()
            await pilot.press("left")
            assert choice.value == choice.values[-1], name
            await pilot.press("right")
            assert choice.value is None, name
            await pilot.press("right")
            assert choice.value == choice.values[0], name
        assert field(app, "numbness_reach").label == "No numbness"
        assert field(app, "pain_reach").label == "No pain"


async def test_a_one_to_five_scale_refuses_digits_outside_it() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        mood = field(app, "mood")
        mood.focus()
        await pilot.press("4")
        assert mood.value == 4
        await pilot.press("9")
        assert mood.value == 4
        await pilot.press("0")
        assert mood.value == 4
        assert any("goes from 1 to 5" in n for n in notices(app))


async def test_choices_by_letter_digit_and_arrows() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reach = field(app, "pain_reach")
        reach.focus()
        await pilot.press("b")
        assert reach.value == "buttock"
        await pilot.press("b")
        assert reach.value == "below_knee"
        assert app.focused is reach  # a letter shared by two stays to cycle
        await pilot.press("0")
        assert reach.value == "none"
        # A pick by key moves on to the next field, as a form is filled in.
        assert app.focused is field(app, "pain_side")
        reach.focus()
        await pilot.press("5")
        assert reach.value == "foot"
        assert app.focused is field(app, "pain_side")
        reach.focus()
        await pilot.press("right")
        assert reach.value is None  # past the end: back to "not set"
        await pilot.press("right")
        assert reach.value == "none"
        await pilot.press("delete")
        assert reach.value is None
        side = field(app, "pain_side")
        side.focus()
        await pilot.press("r")
        assert side.value == "right"
        assert app.focused is field(app, "numbness")


async def test_a_choice_picked_in_a_burst_of_keys_still_moves_on() -> None:
    """Keys typed faster than the app keeps up (a fast typist, a paste): the digit that picks
    the reach can arrive before the reach has been told it has the focus. It must still move
    on, or the next digit would change the reach instead of going to the pain side."""
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        driver = app._driver
        assert driver is not None
        for key, character in [("8", "8"), ("tab", "\t"), ("3", "3"), ("tab", "\t"), ("3", "3")]:
            driver.send_message(events.Key(key, character))  # queued at once
        await settled(pilot)
        assert field(app, "leg_pain").value == 8
        assert field(app, "back_pain").value == 3
        assert field(app, "pain_reach").value == "thigh"
        assert app.focused is field(app, "pain_side")


async def test_the_mouse_sets_a_scale_and_a_choice() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        back = field(app, "back_pain")
        # The label and "  –/10 " come before the bar; the 4th cell of the bar is 4.
        assert await pilot.click(back, offset=(back._bar_start + 3, 0))
        assert back.value == 4
        side = field(app, "pain_side")
        past_label = side.caption_width
        assert await pilot.click(side, offset=(past_label + 8, 0))
        assert side.value == "left"
        assert await pilot.click(side, offset=(past_label + 2, 0))
        assert side.value is None


async def test_a_click_on_a_fields_label_sets_nothing() -> None:
    """The label is drawn by the scale or choice itself: a click on it changes no value
    (on a scale, left of the bar would otherwise set the lowest)."""
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        back, side = field(app, "back_pain"), field(app, "pain_side")
        assert back.caption == "Back pain" and back.caption_width > len("Back pain")
        for widget in (back, side):
            assert await pilot.click(widget, offset=(1, 0))
            assert await pilot.click(widget, offset=(widget.caption_width - 1, 0))
        assert back.value is None and side.value is None


async def test_the_labels_the_scales_draw_line_up_with_the_other_labels() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        walking = app.query_one(f"#{field_id('walking_minutes')}").parent
        assert walking is not None
        label = walking.query_one(".field-label", Label)
        for name in ("leg_pain", "pain_reach"):
            entry = field(app, name)
            assert entry.region.x == label.region.x
            assert entry.caption_width == label.region.width
