"""The drawing and the status strip on Today, and how both fit a narrow terminal."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Static

from sciatica_tui.domain.records import (
    BreathingSession,
    DailyLog,
    Reach,
    RedFlagCheck,
    RehabDay,
    Side,
    Verdict,
)
from sciatica_tui.screens.dialogs.welcome import WelcomeScreen
from sciatica_tui.screens.today.status import StatusStrip
from sciatica_tui.screens.widgets.body_map import BodyMap
from sciatica_tui.screens.widgets.tick_box import TickBox
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, build_app, settled, welcomed
from tests.support.today import field, tab
from tests.support.today_app import SIZE, TODAY, build, strip_text


async def test_the_drawing_follows_the_reach_as_it_changes() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        drawing = tab(app).query_one(BodyMap)
        words = tab(app).query_one("#reach-words", Static)
        assert drawing.reach is None and "Not set yet" in str(words.render())
        await pilot.press("tab", "tab", "t")
        assert drawing.reach is Reach.THIGH
        assert "● Thigh" in str(drawing.render())
        assert "● Below the knee" not in str(drawing.render())
        assert "into the thigh" in str(words.render())
        await pilot.press("l")  # the thigh picked, the cursor moved on to the side
        assert drawing.side is Side.LEFT
        centralisation = str(tab(app).query_one("#centralisation", Static).render())
        # A good sign only while weakness and numbness hold steady, never "the strongest".
        assert "often a very good sign" in centralisation
        assert "weakness and numbness are not getting worse" in centralisation
        assert "strongest" not in centralisation


async def test_status_strip_without_onset_invites_setting_it() -> None:
    app = build(None, welcomed(onset=None))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "No onset date yet" in strip_text(app)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press(*"2026-09-20", "enter")
        await settled(pilot)
        assert not isinstance(app.screen, WelcomeScreen)
        assert "8 weeks since onset · Stage 2 (weeks 6–12)" in strip_text(app)


def busy_day(store: DiaryStore) -> None:
    store.save_rehab_day(RehabDay(TODAY, ("walk", "nerve_glide")))
    for minute in (0, 30):
        store.add_breathing_session(
            BreathingSession(
                started_at=datetime(2026, 11, 21, 8, minute),
                inhale=4,
                hold_in=4,
                exhale=4,
                hold_out=4,
                planned_seconds=180,
                elapsed_seconds=180,
                cycles_completed=11,
                completed=True,
            )
        )
    store.save_red_flag_check(
        RedFlagCheck(datetime(2026, 11, 18, 20, 0), {"bladder": False}, Verdict.CLEAR)
    )


async def test_status_strip_says_what_today_holds() -> None:
    app = build(None, welcomed(), busy_day)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = strip_text(app)
        assert "8 weeks since onset · Stage 2 (weeks 6–12): Do more physical therapy" in text
        assert "✗ Not logged yet" in text
        assert "2 exercises" in text
        assert "Breathed 2×, 6 min" in text
        assert "Red flags 18 Nov: clear" in text
        await pilot.press("4", "tab", "4", "ctrl+s")
        await settled(pilot)
        assert "✓ Logged today" in strip_text(app)


async def test_status_strip_is_fresh_when_the_tab_is_opened_again() -> None:
    app = build(None, welcomed())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f4")
        app.store.save_red_flag_check(
            RedFlagCheck(datetime(2026, 11, 21, 9, 0), {"bladder": True}, Verdict.EMERGENCY)
        )
        await pilot.press("f1")
        await pilot.pause()
        assert "Red flags today: EMERGENCY (bladder trouble)" in strip_text(app)
        assert app.focused is field(app, "leg_pain")


async def test_a_third_line_of_the_strip_is_drawn_on_a_narrow_terminal() -> None:
    """Found by a reviewer at 60 columns: the facts wrapped onto a third line, and that line,
    the red-flag verdict, was not drawn until the terminal was resized."""

    def logged_and_checked(store: DiaryStore) -> None:
        store.save_daily_log(DailyLog(TODAY, 5, 3))
        store.save_red_flag_check(
            RedFlagCheck(at=FROZEN_NOW, answers={"bladder": True}, verdict=Verdict.EMERGENCY)
        )

    for size in [(60, 20), (80, 24), (120, 40)]:
        app = build_app(None, welcomed(), logged_and_checked)
        async with app.run_test(size=size) as pilot:
            await settled(pilot)
            strip = app.query_one(StatusStrip)
            lines = str(strip.content).splitlines()
            assert strip.size.height == len(lines), size
            assert "Red flags today: EMERGENCY" in lines[-1], size


async def test_on_a_narrow_terminal_the_form_has_the_width_and_the_drawing_goes_below() -> None:
    """Found by a reviewer at 70 columns: the drawing kept its width and cut the form, so
    "Numb saddle area (between the legs)" lost its end."""
    app = build(None, welcomed())
    async with app.run_test(size=(70, 40)) as pilot:
        await pilot.pause()
        assert tab(app).has_class("-narrow")
        saddle = tab(app).query_one("#sign-saddle_area", TickBox)
        assert saddle.region.right <= 70
        assert saddle.content_region.width >= len("Numb saddle area (between the legs)") + 4
        drawing = tab(app).query_one("#today-drawing")
        assert drawing.region.y > saddle.region.bottom  # under the form, not beside it
    app = build(None, welcomed())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not tab(app).has_class("-narrow")  # 80 columns keep the drawing beside
