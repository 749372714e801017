"""How the Today tab looks, empty and filled, at 80x24 and 120x40."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from textual.pilot import Pilot

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.medicines import Medicine, MedicineKind
from sciatica_tui.domain.records import (
    ActivityScore,
    BreathingSession,
    CheckIn,
    DailyLog,
    Reach,
    RedFlagCheck,
    RehabDay,
    Side,
    Verdict,
    Weakness,
)
from sciatica_tui.domain.tags import CustomTag, TagKind
from sciatica_tui.screens.today.medicine_doses import MedicineDoses
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import build_app, welcomed

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
TODAY = date(2026, 11, 21)

# Keys that fill the usual day's fields from the cursor on leg pain: "b" is shared by two
# reaches, so it stays to cycle; "l" alone picks left and moves on to numbness.
FILL = [
    "6",
    "tab",
    "2",
    "tab",
    "b",
    "b",
    "tab",
    "l",
    "4",
    "tab",
    "3",
    "0",
    "tab",
    *"6.5",
    "tab",
    "3",
]


def a_few_weeks(store: DiaryStore) -> None:
    """Ten logged days of the last fourteen, easing off, plus today's other activity."""
    reaches = [Reach.FOOT, Reach.BELOW_KNEE, Reach.BELOW_KNEE, Reach.THIGH, Reach.BUTTOCK]
    for back in range(1, 14):
        if back in (3, 6, 10):
            continue  # days not logged show as such
        store.save_daily_log(
            DailyLog(
                TODAY - timedelta(days=back),
                leg_pain=min(9, 3 + back // 2),
                back_pain=2 + back % 3,
                pain_reach=reaches[min(back // 3, 4)],
                pain_side=Side.LEFT,
                weakness=Weakness.MILD,
            )
        )
    store.save_rehab_day(RehabDay(TODAY, ("walk",)))
    store.add_breathing_session(
        BreathingSession(datetime(2026, 11, 21, 7, 45), 4, 4, 4, 4, 180, 180, 11, True)
    )
    store.save_red_flag_check(
        RedFlagCheck(datetime(2026, 11, 18, 20, 0), {"bladder_bowel": False}, Verdict.CLEAR)
    )


@pytest.mark.parametrize("size", SIZES)
def test_today_empty(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(build_app(None, welcomed()), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_today_filled(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed(), a_few_weeks)
    assert snap_compare(app, press=FILL, terminal_size=size)


def test_today_without_onset_date(snap_compare) -> None:
    assert snap_compare(build_app(None, welcomed(onset=None)), terminal_size=(80, 24))


def checked_in_before(store: DiaryStore) -> None:
    """A first check-in a week ago, with three activities."""
    names = ("sit through a film", "put on socks", "walk the dog")
    activities = tuple(ActivityScore(name, 3 + i) for i, name in enumerate(names))
    store.save_check_in(CheckIn(TODAY - timedelta(days=7), 0, activities))


def test_check_in_dialog(snap_compare) -> None:
    app = build_app(None, welcomed(), a_few_weeks, checked_in_before)
    assert snap_compare(app, press=["ctrl+k", "7", "tab", "5"], terminal_size=(80, 24))


def two_medicines(store: DiaryStore) -> None:
    """A medicine for pain relief and one for nerve pain in the person's list."""
    store.save_medicine_list(
        [
            Medicine("gabapentin", "Gabapentin", "300 mg", MedicineKind.NERVE_PAIN),
            Medicine("ibuprofen", "Ibuprofen", "400 mg", MedicineKind.PAIN_RELIEF),
        ]
    )


def test_today_medicines(snap_compare) -> None:
    """The medicines' row, in focus on ibuprofen, 2 doses: the pain-relief count under it
    says 2."""
    app = build_app(None, welcomed(), a_few_weeks, two_medicines)

    async def run_before(pilot: Pilot[int]) -> None:
        doses = pilot.app.query_one(MedicineDoses)
        doses.focus()
        await pilot.press("1", "down", "2")
        await pilot.pause()
        pilot.app.query_one("#medicine-row").scroll_visible(animate=False, top=True)
        await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))


def flare_ups_and_tags(store: DiaryStore) -> None:
    """Today's log with its tags and two flare-ups (one with tags, minutes and a note), an
    own tag, and flare-ups on two earlier days."""
    store.save_custom_tag(CustomTag("long_drive", "Long drive", TagKind.SET_OFF))
    store.save_daily_log(
        DailyLog(
            TODAY,
            leg_pain=6,
            back_pain=3,
            pain_reach=Reach.BELOW_KNEE,
            tags=("sitting_long", "long_drive", "heat", "exercises"),
        )
    )
    store.save_flare_up(
        FlareUp(
            datetime(2026, 11, 21, 3, 10),
            8,
            Reach.FOOT,
            ("bad_night",),
            ("heat", "medicine"),
            40,
            "Could not get comfortable",
        )
    )
    store.save_flare_up(FlareUp(datetime(2026, 11, 21, 9, 5), 6))
    for back, count in ((1, 1), (3, 2)):
        for hour in range(count):
            store.save_flare_up(FlareUp(datetime(2026, 11, 21 - back, 14 + hour), 5))


@pytest.mark.parametrize("size", SIZES)
def test_today_with_flare_ups_and_tags(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed(), a_few_weeks, flare_ups_and_tags)

    async def show_the_tags(pilot: Pilot[int]) -> None:
        # At 80x24 the tags are below the fold: the cursor on them brings them into view.
        if size == (80, 24):
            pilot.app.query_one("#day-tags-helped").focus()
        await pilot.pause()

    assert snap_compare(app, run_before=show_the_tags, terminal_size=size)
