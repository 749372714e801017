"""The large countdown, and the ratings ``sciatica breathe`` asks before its session."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from sciatica_tui.app import SciaticaApp
from sciatica_tui.domain.clock import FixedClock
from sciatica_tui.screens.breathe.box import BreathingBox
from sciatica_tui.screens.breathe.countdown import (
    GLYPH_ROWS,
    GLYPHS,
    BigCountdown,
    big_digits,
    drawing_width,
    largest_scale,
)
from sciatica_tui.screens.breathe.tab import BreatheTab
from sciatica_tui.screens.widgets.rating_scale import RatingScale
from tests.support.app import FROZEN_NOW, build_app, until, welcomed

# --- the drawing --------------------------------------------------------------------------


@pytest.mark.parametrize("scale", [1, 2, 3])
@pytest.mark.parametrize("text", ["0", "4", "10", "123456789"])
def test_a_drawing_is_a_block_of_equal_rows(text: str, scale: int) -> None:
    rows = big_digits(text, scale)
    assert len(rows) == GLYPH_ROWS * scale
    assert {len(row) for row in rows} == {drawing_width(text, scale)}
    assert set("".join(rows)) == {"█", " "}


def test_every_digit_has_its_own_shape() -> None:
    drawings = {"\n".join(big_digits(digit, 1)) for digit in "0123456789"}
    assert len(drawings) == 10
    assert set(GLYPHS) == set("0123456789")


def test_a_larger_scale_is_the_same_shape_blown_up() -> None:
    small, large = big_digits("7", 1), big_digits("7", 2)
    for y, row in enumerate(large):
        assert row == "".join(char * 2 for char in small[y // 2])


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [
        (50, 4, 0),  # too low even for 5 rows: the plain digit
        (5, 20, 0),  # too narrow for 6 columns
        (6, 5, 1),
        (50, 9, 1),
        (50, 10, 2),
        (11, 10, 1),
        (50, 19, 3),
    ],
)
def test_the_largest_scale_that_fits(width: int, height: int, scale: int) -> None:
    assert largest_scale("0", width, height) == scale


# --- in the app ---------------------------------------------------------------------------


def tab_of(app: SciaticaApp) -> BreatheTab:
    return app.query_one(BreatheTab)


async def ratings_asked(pilot: Pilot[int]) -> BreatheTab:
    """Wait until ``sciatica breathe`` shows the ratings before, the cursor on stress."""
    await until(
        pilot,
        lambda: (
            bool(pilot.app.query(BreatheTab))
            and tab_of(pilot.app).view == "rating"  # type: ignore[arg-type]
            and isinstance(pilot.app.focused, RatingScale)
        ),
        "the ratings before the session",
    )
    return tab_of(pilot.app)  # type: ignore[arg-type]


async def test_the_command_asks_the_ratings_before_and_s_skips_them() -> None:
    clock = FixedClock(FROZEN_NOW)
    app = build_app(None, welcomed(), clock=clock, breathe=(1, 4))
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await ratings_asked(pilot)
        assert "Before you start" in str(app.query_one("#rating-title").render())
        assert tab.session is None  # nothing runs while the question is on screen
        await pilot.press("s")
        await until(pilot, lambda: tab.view == "running", "the session runs")
        assert isinstance(app.focused, BreathingBox)
        assert tab.session is not None
        assert tab.session.schedule.total_seconds == 64  # the length asked for
        assert (tab.session.stress_before, tab.session.pain_before) == (None, None)


async def test_the_ratings_before_are_kept_with_the_session() -> None:
    clock = FixedClock(FROZEN_NOW)
    app = build_app(None, welcomed(), clock=clock, breathe=(3, 5))
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await ratings_asked(pilot)
        await pilot.press("7", "tab", "4", "enter")
        await until(pilot, lambda: tab.view == "running", "the session runs")
        assert tab.session is not None
        assert (tab.session.stress_before, tab.session.pain_before) == (7, 4)
        assert tab.session.schedule.total_seconds == 180  # 9 rounds of 20 s
        await pilot.press("escape")  # stopped early, saved with the ratings
        await until(pilot, lambda: bool(app.store.breathing_sessions()), "the save")
        [saved] = app.store.breathing_sessions()
        assert (saved.stress_before, saved.pain_before, saved.inhale) == (7, 4, 5)


async def test_escape_from_the_ratings_goes_to_the_choices_asked_for() -> None:
    app = build_app(None, welcomed(), breathe=(10, 6))
    async with app.run_test(size=(80, 24)) as pilot:
        tab = await ratings_asked(pilot)
        await pilot.press("escape")
        await until(pilot, lambda: tab.view == "setup", "the choices")
        assert (tab.setup.minutes, tab.setup.count) == (10, 6)


@pytest.mark.parametrize(("size", "rows"), [((80, 24), 5), ((120, 40), 10), ((160, 50), 15)])
async def test_the_count_is_as_large_as_the_room(size: tuple[int, int], rows: int) -> None:
    app = build_app(None, welcomed(), breathe=(1, 4))
    async with app.run_test(size=size) as pilot:
        tab = await ratings_asked(pilot)
        await pilot.press("s")
        countdown = app.query_one(BigCountdown)
        await until(pilot, lambda: tab.view == "running" and countdown.size.height == rows)
        assert countdown.value == "4"
        assert len(countdown.lines()) == rows
        box = app.query_one(BreathingBox)
        # The drawing sits inside the frame, clear of it on every side.
        assert box.region.contains_region(countdown.region)
        assert countdown.region.y > box.region.y and countdown.region.bottom < box.region.bottom
