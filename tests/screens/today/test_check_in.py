"""The weekly check-in on the Today tab: offered when due, about ten keys, and skippable."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input

from sciatica_tui.domain.records import ActivityScore, CheckIn, DailyLog
from sciatica_tui.screens.today.check_in_dialog import CheckInDialog
from sciatica_tui.screens.today.check_in_offer import CheckInOffer
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, build_app, settled, until, welcomed

TODAY = FROZEN_NOW.date()
NAMES = ("sit through a film", "put on socks", "walk the dog")
LAST_WEEK = CheckIn(TODAY - timedelta(days=8), 0, tuple(ActivityScore(name, 3) for name in NAMES))


def two_weeks_logged(store: DiaryStore) -> None:
    for back in range(1, 15):
        store.save_daily_log(DailyLog(TODAY - timedelta(days=back), 5, 3))


def checked_in_last_week(store: DiaryStore) -> None:
    store.save_check_in(LAST_WEEK)


def offer_shown(app: object) -> bool:
    return bool(app.query_one(CheckInOffer).display)  # type: ignore[attr-defined]


async def test_a_full_check_in_takes_at_most_ten_keys_after_opening() -> None:
    app = build_app(None, welcomed(), two_weeks_logged, checked_in_last_week)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: offer_shown(app), "the check-in offered")
        offer = app.query_one(CheckInOffer)
        assert "ctrl+k" in str(offer.render())
        await pilot.press("ctrl+k")
        await until(pilot, lambda: isinstance(app.screen, CheckInDialog), "the dialog")
        names = [app.screen.query_one(f"#check-in-name-{i}", Input).value for i in range(3)]
        assert tuple(names) == NAMES  # last week's activities, offered again
        keys = ["7", "tab", "5", "tab", "8", "tab", "6", "ctrl+s"]
        assert len(keys) <= 10
        await pilot.press(*keys)
        await until(pilot, lambda: not isinstance(app.screen, CheckInDialog), "it to close")
        await settled(pilot)
        saved = app.store.check_ins()[-1]
        assert saved == CheckIn(
            TODAY,
            2,
            (ActivityScore(NAMES[0], 7), ActivityScore(NAMES[1], 5), ActivityScore(NAMES[2], 8)),
        )
        assert not offer_shown(app)


async def test_skipping_hides_the_offer_for_a_week() -> None:
    app = build_app(None, welcomed(), two_weeks_logged)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: offer_shown(app), "the check-in offered")
        await pilot.press("ctrl+k")
        await until(pilot, lambda: isinstance(app.screen, CheckInDialog), "the dialog")
        # The first check-in starts on the first name, to type.
        assert app.focused is app.screen.query_one("#check-in-name-0")
        await pilot.click("#check-in-skip")
        await until(pilot, lambda: not isinstance(app.screen, CheckInDialog), "it to close")
        await settled(pilot)
        assert app.store.profile().settings.check_in_skipped == TODAY
        assert app.store.check_ins() == []
        assert not offer_shown(app)


async def test_the_first_check_in_asks_for_names_and_says_what_is_missing() -> None:
    app = build_app(None, welcomed(), two_weeks_logged)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+k")
        await until(pilot, lambda: isinstance(app.screen, CheckInDialog), "the dialog")
        dialog = app.screen
        await pilot.press("ctrl+s")
        problem = dialog.query_one(".dialog-problem")
        assert "Name at least one activity" in str(problem.render())
        await pilot.press(*"put on socks", "tab", "4", "ctrl+s")
        assert "Since your sciatica started" in str(problem.render())
        await pilot.press("tab", "tab", "tab", "tab", "tab", "4", "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, CheckInDialog), "it to close")
        await settled(pilot)
        assert app.store.check_ins() == [CheckIn(TODAY, 0, (ActivityScore("put on socks", 4),))]


async def test_no_offer_without_some_diary_history_but_the_palette_has_it() -> None:
    app = build_app(None, welcomed())
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert not offer_shown(app)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Today: Weekly check-in" in titles
