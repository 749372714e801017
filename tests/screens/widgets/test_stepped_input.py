"""SteppedInput, the base of the scales and choices: the typed-number rule as a plain
function, then the keys it gives every input, on a scale and a choice in a small app."""

from __future__ import annotations

from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType

from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.screens.widgets.choice_selector import ChoiceSelector
from sciatica_tui.screens.widgets.rating_scale import RatingScale
from sciatica_tui.screens.widgets.stepped_input import (
    TWO_DIGITS_SECONDS,
    typed_number,
)
from tests.support.app import FROZEN_NOW

# --- the typed number ---------------------------------------------------------------------


def scale_to(high: int) -> set[int]:
    return set(range(high + 1))


@pytest.mark.parametrize(
    ("digit", "previous", "seconds", "taken", "number"),
    [
        (7, None, 0.0, scale_to(10), 7),
        (0, None, 0.0, scale_to(10), 0),
        (0, 1, 0.4, scale_to(10), 10),  # "1" then "0" makes 10
        (0, 1, 1.0, scale_to(10), 10),  # still within the second
        (0, 1, 1.01, scale_to(10), 0),  # too late: a fresh "0"
        (0, 2, 0.1, scale_to(10), 0),  # 20 is off the scale
        (1, 1, 0.1, scale_to(10), 1),  # 11 is off the scale
        (5, 0, 0.1, scale_to(10), 5),  # "0" then "5" is 5 either way
        (0, 1, 0.1, set(range(1, 6)), 0),  # a 1–5 scale has no 10
        (0, 1, 0.5, {1, 3, 5, 10}, 10),  # the Breathe tab's minutes
        (5, 1, 0.5, {1, 3, 5, 10}, 5),  # 15 is not offered
    ],
)
def test_typed_number(
    digit: int, previous: int | None, seconds: float, taken: set[int], number: int
) -> None:
    assert typed_number(digit, previous, seconds, taken.__contains__) == number


@given(
    digit=st.integers(0, 9),
    previous=st.none() | st.integers(0, 9),
    seconds=st.floats(0, 10, allow_nan=False),
    taken=st.frozensets(st.integers(0, 99)),
)
def test_two_digits_join_only_in_time_and_only_into_a_number_taken(
    digit: int, previous: int | None, seconds: float, taken: frozenset[int]
) -> None:
    number = typed_number(digit, previous, seconds, taken.__contains__)
    if previous is not None and seconds <= TWO_DIGITS_SECONDS and previous * 10 + digit in taken:
        assert number == previous * 10 + digit
    else:
        assert number == digit


# --- the keys, on a scale and a choice ------------------------------------------------------


class InputsApp(App[None]):
    """A 0–10 scale and a choice picked by digits; "7" also means something to the app."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("7", "seven", "Seven")]

    def __init__(self) -> None:
        super().__init__()
        self.clock = FixedClock(FROZEN_NOW)  # the clock the inputs time digits by
        self.sevens = 0
        self.changes: list[tuple[str | None, object]] = []

    def compose(self) -> ComposeResult:
        yield RatingScale(0, 10, id="scale")
        yield ChoiceSelector([("a", "Apple"), ("b", "Bean")], digits=True, id="choice")

    def action_seven(self) -> None:
        self.sevens += 1

    def on_rating_scale_changed(self, message: RatingScale.Changed) -> None:
        self.changes.append((message.control.id, message.value))

    def on_choice_selector_changed(self, message: ChoiceSelector.Changed) -> None:
        self.changes.append((message.control.id, message.value))


async def test_a_first_digit_is_forgotten_when_the_input_loses_the_cursor() -> None:
    app = InputsApp()
    async with app.run_test() as pilot:
        scale = app.query_one(RatingScale)
        scale.focus()
        await pilot.press("1", "tab", "shift+tab", "0")
        assert scale.value == 0  # not 10: the "1" was typed before leaving
        assert app.changes == [("scale", 1), ("scale", 0)]


async def test_an_arrow_or_a_clear_ends_a_two_digit_number() -> None:
    app = InputsApp()
    async with app.run_test() as pilot:
        scale = app.query_one(RatingScale)
        scale.focus()
        await pilot.press("1", "right", "0")
        assert scale.value == 0
        await pilot.press("1", "backspace", "0")
        assert scale.value == 0
        await pilot.press("1", "0")
        assert scale.value == 10


async def test_a_digit_an_input_does_not_take_goes_on_to_the_keys_around() -> None:
    app = InputsApp()
    async with app.run_test() as pilot:
        choice = app.query_one(ChoiceSelector)
        choice.focus()
        await pilot.press("1")
        assert choice.value == "b"
        await pilot.press("7")  # no eighth option: the app's "7"
        assert (choice.value, app.sevens) == ("b", 1)
        app.query_one(RatingScale).focus()
        await pilot.press("7")  # on the scale: a rating of 7, and nothing else
        assert app.changes[-1] == ("scale", 7)
        assert app.sevens == 1


async def test_keys_typed_in_a_burst_act_in_order_on_the_input_in_focus_then() -> None:
    """All at once, as keys typed while the app is busy arrive: the "1" is for the choice,
    where the Tab before it has moved the cursor."""
    app = InputsApp()
    async with app.run_test() as pilot:
        scale = app.query_one(RatingScale)
        scale.focus()
        await pilot.press("5")
        for key, character in [("left", None), ("tab", "\t"), ("1", "1")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        assert scale.value == 4
        assert app.query_one(ChoiceSelector).value == "b"
