"""What the emergency alert says (the numbers chosen), and that it cannot be missed or closed
by accident: not by stray keys, Escape, ctrl+q or a pop-up note over it, even on a small
terminal."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Button

from sciatica_tui.app import SciaticaApp
from sciatica_tui.screens.dialogs.choice import ChoiceDialog
from sciatica_tui.screens.dialogs.emergency import EmergencyScreen
from sciatica_tui.screens.dialogs.help import HelpScreen
from tests.support.app import build_app, until, welcomed, with_numbers
from tests.support.red_flag_alert import SIZE, alert_is_up, close_alert, emergency_alert
from tests.support.red_flags import focused_question, saved_checks, tab, text_of

# --- what the alert says -----------------------------------------------------------------------


async def test_the_alert_and_the_urgent_result_name_the_numbers_chosen() -> None:
    """Folded: the alert names the emergency number chosen (999 here; 112 and 15 in the
    ctrl+q and stray-key journeys below), and an urgent result the urgent-advice one."""
    app = build_app(None, welcomed(), with_numbers("999", "111"), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        await emergency_alert(pilot)
        call = text_of(app, "#emergency-call")
        assert call == "Call 999 for an ambulance if you cannot get there safely."
        await close_alert(pilot)
        assert "or call 999 for an ambulance" in text_of(app, "#emergency-strip")
        await pilot.press("r")
        await until(pilot, lambda: focused_question(app) == "bladder", "a new check")
        await pilot.press(*"nnnnnnynnnnn", "enter")
        await until(pilot, lambda: tab(app).finished is not None)
        advice = text_of(app, "#verdict-advice")
        assert "If you cannot reach a doctor today, call 111 for urgent advice." in advice


async def test_a_number_set_from_the_palette_over_the_alert_shows_on_it() -> None:
    app = build_app(None, welcomed(), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        alert = await emergency_alert(pilot)
        app.action_emergency_number()
        await until(pilot, lambda: not alert_is_up(app), "the dialog")
        await pilot.press("9", "enter")  # "999, and 111 for urgent advice (UK)"
        await until(pilot, lambda: app.screen is alert, "back on the alert")
        assert app.store.profile().settings.emergency_number == "999"
        assert text_of(app, "#emergency-call").startswith("Call 999 for an ambulance")


# --- the alert cannot be missed ----------------------------------------------------------------


def still_alerting(app: SciaticaApp, alert: EmergencyScreen) -> bool:
    return app.is_running and alert in app.screen_stack


async def test_no_earlier_pop_up_note_covers_the_alert() -> None:
    """Found by a reviewer: the 20-second "run the check" note from Today sat over the
    alert's closing instructions."""
    app = build_app(None, welcomed())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.notify("Please run the red-flag check now.", timeout=20)
        await pilot.pause()
        assert app.screen.query("Toast")
        await emergency_alert(pilot)
        await pilot.pause()
        assert not app.screen.query("Toast")


async def test_escape_tab_keys_and_ctrl_r_leave_the_alert_open() -> None:
    """With 15 chosen as the emergency number (folded from the number test)."""
    app = build_app(None, welcomed(), with_numbers("15"), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        alert = await emergency_alert(pilot)
        call = text_of(app, "#emergency-call")
        assert call == "Call 15 for an ambulance if you cannot get there safely."
        for key in ["escape", "escape", "f1", "f3", "f4", "f5", "f6", "f2", "ctrl+r", "enter"]:
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is alert, key
        assert "Tab" in text_of(app, "#emergency-hint")
        await close_alert(pilot)
        assert "or call 15 for an ambulance" in text_of(app, "#emergency-strip")


@pytest.mark.slow
async def test_random_keys_do_not_dismiss_the_alert() -> None:
    """Stray keys (a cat on the keyboard) never close it. Tab is left out: Tab then Enter
    is the deliberate way to close it, tested below."""
    keys = [
        *"abcdefghijklmnopqrstuvwxyz0123456789",
        *("space", "enter", "escape", "backspace", "delete", "up", "down", "left", "right"),
        *("home", "end", "pageup", "pagedown", "question_mark", "ctrl+r", "ctrl+c", "ctrl+s"),
        *(f"f{n}" for n in range(1, 13)),
    ]
    strokes = random.Random(20261121).choices(keys, k=150)
    app = build_app(None, welcomed(), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        alert = await emergency_alert(pilot)
        for key in strokes:
            await pilot.press(key)
        await pilot.pause()
        assert still_alerting(app, alert)
        while app.screen is not alert:  # e.g. the help opened by "?"
            await pilot.press("escape")
            await pilot.pause()
        assert app.screen is alert


async def test_ctrl_q_asks_and_stay_keeps_the_alert_and_quit_closes_the_app(
    tmp_path: Path,
) -> None:
    """Folded: stay (Enter or Escape) keeps the alert, quit closes the app with the check
    saved; and the alert names 112, the number chosen."""
    app = build_app(tmp_path / "data", welcomed(), with_numbers("112"), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        alert = await emergency_alert(pilot)
        call = text_of(app, "#emergency-call")
        assert call == "Call 112 for an ambulance if you cannot get there safely."
        await until(pilot, lambda: "saved." in text_of(app, "#emergency-hint"))
        await pilot.press("ctrl+q")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, ChoiceDialog)
        message = text_of(app, ".dialog-message")
        assert "Your check is saved" in message
        assert "go to the emergency department now" in message and "Call 112" in message
        assert app.focused is prompt.query_one("#choice-stay")  # a stray Enter stays
        for key in ["ctrl+r", "f2", "f1", "y", "n", "q", "space"]:  # the question stays too
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is prompt and app.is_running, key
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is alert and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("escape")  # Escape also means stay
        await pilot.pause()
        assert app.screen is alert and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#choice-quit")
        # Asked to exit by the answer (leaving run_test would end it anyway).
        await until(pilot, lambda: app.return_code == 0, "the app to quit")
    [check] = saved_checks(tmp_path / "data")  # saved before the app closed
    assert check.answers == {"bladder": True}


async def test_ctrl_q_under_the_help_over_the_alert_still_asks_first() -> None:
    """The help opened over the alert (?) is in front, but the alert is still up: ctrl+q
    quit at once, without the alert's reminder. It asks first, over the help."""
    app = build_app(None, welcomed(), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        alert = await emergency_alert(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the question")
        assert "go to the emergency department now" in text_of(app, ".dialog-message")
        await pilot.press("escape")  # stay
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "back on the help")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is alert, "back on the alert")
        assert app.is_running


@pytest.mark.parametrize("way", ["click", "enter"])
async def test_i_understand_with_ctrl_q_straight_behind_closes_the_alert_first(
    tmp_path: Path, way: str
) -> None:
    """ "I understand" and ctrl+q at once. ctrl+q used to be handled ahead of the answer:
    its question came up first, and then a click closed that question as it was being built
    (NoMatches, the monkey test) and left the alert with its one way out used up, while
    Enter was taken by the question for "Stay" and the alert stayed.

    Now the answer counts first. Whichever reaches the app first, the alert closes: either
    at once, and ctrl+q then quits (nothing is left unsaved), or ctrl+q's question comes up
    whole over it, and once that is answered "Stay" the alert closes."""
    app = build_app(tmp_path / "data", welcomed(), opens_on="red_flags")
    async with app.run_test(size=SIZE) as pilot:
        alert = await emergency_alert(pilot)
        await until(pilot, lambda: "saved." in text_of(app, "#emergency-hint"))
        understand = alert.query_one("#understand", Button)
        driver = app._driver
        assert driver is not None
        if way == "click":
            understand.press()
        else:
            await pilot.press("tab")
            assert app.focused is understand
            driver.send_message(events.Key("enter", "\r"))
        driver.send_message(events.Key("ctrl+q", None))

        def asked_or_quit() -> bool:
            if app.return_code is not None:
                return True
            return isinstance(app.screen, ChoiceDialog) and app.screen.is_mounted

        await until(pilot, asked_or_quit, "the question, or quitting")
        if app.return_code is None:
            await pilot.pause()
            assert alert in app.screen_stack
            assert app.focused is app.screen.query_one("#choice-stay")
            await pilot.press("enter")
            await until(pilot, lambda: alert not in app.screen_stack, "the alert closes")
            assert app.is_running and app.screen is app.screen_stack[0]
        else:
            assert app.return_code == 0 and alert not in app.screen_stack
    [check] = saved_checks(tmp_path / "data")
    assert check.answers == {"bladder": True}


async def test_the_alert_can_be_read_to_the_end_on_a_small_terminal() -> None:
    app = build_app(None, welcomed(), opens_on="red_flags")
    async with app.run_test(size=(60, 20)) as pilot:
        alert = await emergency_alert(pilot)
        body = alert.query_one("#emergency-body")
        assert body.max_scroll_y > 0  # more than fits: it scrolls ...
        assert alert.query_one("#understand").region.bottom <= 20  # ... the button stays
        assert alert.query_one("#emergency-call").region.bottom <= 8  # the number, at the top
        await pilot.press(*["down"] * 40)
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
