"""How the Trends tab looks: charts and the weekly review at 80x24 and 120x40."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from textual.pilot import Pilot

from sciatica_tui.domain.records import (
    ActivityScore,
    BreathingSession,
    CheckIn,
    DailyLog,
    Reach,
    RehabDay,
    Snapshot,
    Weakness,
)
from sciatica_tui.screens.trends.tab import TWO_COLUMNS_FROM
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import Seed, build_app, until, welcomed
from tests.support.trends_tab import charts_worked_out

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
TODAY = date(2026, 11, 21)  # the frozen clock's day


def recovering(days: int) -> Seed:
    """``days`` days of a slow recovery: pain easing and moving up the leg, walking longer,
    a day missed now and then, breathing sessions and rehab ticks on some days."""

    def seed(store: DiaryStore) -> None:
        logs, sessions, rehab = [], [], []
        for back in range(days):
            day = TODAY - timedelta(days=back)
            if back % 6 == 5:
                continue  # a day not logged: a gap, never a zero
            worse = back / days  # 1 long ago, 0 today
            wobble = (back * 7) % 5 - 2
            logs.append(
                DailyLog(
                    day,
                    leg_pain=max(0, min(10, round(2 + 6 * worse) + wobble // 2)),
                    back_pain=max(0, min(10, round(1 + 3 * worse) + wobble % 2)),
                    pain_reach=list(Reach)[max(1, min(5, round(1 + 4 * worse) + wobble // 2))],
                    numbness=max(0, round(1 + 4 * worse)),
                    weakness=Weakness.MILD if back % 9 == 0 and worse > 0.5 else Weakness.NONE,
                    walking_minutes=round(60 - 45 * worse) + wobble,
                    sitting_minutes=round(90 - 60 * worse),
                    sleep_hours=6 + (back % 4) / 2,
                    sleep_quality=2 + back % 3,
                    mood=3 + back % 2,
                    pain_med_doses=max(0, round(3 * worse) + wobble // 2),
                )
            )
            if back % 3 == 0:
                start = datetime.combine(day, datetime.min.time()) + timedelta(hours=20)
                sessions.append(BreathingSession(start, 4, 4, 4, 4, 300, 300.0, 18, True))
            if back % 7 not in (2, 4):
                rehab.append(RehabDay(day, ("walk",)))
        store.import_snapshot(
            Snapshot(daily_logs=logs, breathing_sessions=sessions, rehab_days=rehab),
            overwrite=False,
        )

    return seed


async def trends_worked_out(pilot: Pilot[int]) -> None:
    """The app opens on the tab: wait until it has worked out its charts and is laid out."""
    await pilot.pause()
    tab = await charts_worked_out(pilot)
    # Under load the tab may be laid out at its full width (and set one or two columns of
    # charts) a little after the worker is done.
    try:
        await until(
            pilot,
            lambda: (
                tab.size.width == pilot.app.size.width - 2
                and tab.has_class("-wide") == (tab.size.width >= TWO_COLUMNS_FROM)
            ),
            "the tab laid out at its full width",
        )
    except AssertionError as error:
        raise AssertionError(
            f"{error} (app {pilot.app.size}, tab {tab.size}, classes {set(tab.classes)})"
        ) from None
    await pilot.pause()
    await pilot.pause()


def press_then_settle(*keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[int]) -> None:
        await trends_worked_out(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_twelve_weeks(snap_compare, size: tuple[int, int]) -> None:
    # Choosing a range (here the one already chosen) brings the charts into view, under
    # the progress view.
    app = build_app(None, welcomed(date(2026, 5, 1)), recovering(200), opens_on="trends")
    assert snap_compare(app, run_before=press_then_settle("1"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_four_weeks(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed(date(2026, 5, 1)), recovering(200), opens_on="trends")
    assert snap_compare(app, run_before=press_then_settle("4"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_all_time(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed(date(2025, 1, 1)), recovering(600), opens_on="trends")
    assert snap_compare(app, run_before=press_then_settle("a"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_weekly_review(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed(date(2026, 5, 1)), recovering(200), opens_on="trends")
    assert snap_compare(app, run_before=press_then_settle("r"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_empty_diary(snap_compare, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed(), opens_on="trends")
    assert snap_compare(app, run_before=trends_worked_out, terminal_size=size)


def two_weeks(*, weaker: bool) -> Seed:
    """Pain reaching the thigh last week and the buttock this week, leg pain easing; with
    ``weaker``, marked leg weakness this week too (issue 21: no cheer, get checked)."""

    def seed(store: DiaryStore) -> None:
        for back in range(14):
            this_week = back < 7
            store.save_daily_log(
                DailyLog(
                    TODAY - timedelta(days=back),
                    leg_pain=4 if this_week else 6,
                    back_pain=3,
                    pain_reach=Reach.BUTTOCK if this_week else Reach.THIGH,
                    weakness=Weakness.MARKED if weaker and this_week else Weakness.NONE,
                )
            )

    return seed


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("weaker", [False, True], ids=["only_good_signs", "moved_up_but_weaker"])
def test_weekly_review_words(snap_compare, weaker: bool, size: tuple[int, int]) -> None:
    app = build_app(None, welcomed(date(2026, 9, 1)), two_weeks(weaker=weaker), opens_on="trends")
    assert snap_compare(app, run_before=press_then_settle("r"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_progress_view(snap_compare, size: tuple[int, int]) -> None:
    """Issue 14: twelve weeks since onset, the answer on top of the tab."""
    app = build_app(None, welcomed(TODAY - timedelta(weeks=12)), recovering(84), opens_on="trends")
    assert snap_compare(app, run_before=trends_worked_out, terminal_size=size)


def two_check_ins(store: DiaryStore) -> None:
    """A first weekly check-in four weeks ago and the latest yesterday: the mean up 2.3
    points (a change people usually notice), "a little better" since the start."""
    first = (ActivityScore("Put on socks", 3), ActivityScore("Walk the dog", 4))
    first += (ActivityScore("Sit through a film", 4),)
    latest = (ActivityScore("Put on socks", 7), ActivityScore("Walk the dog", 5))
    latest += (ActivityScore("Sit through a film", 6),)
    store.save_check_in(CheckIn(TODAY - timedelta(weeks=4), 0, first))
    store.save_check_in(CheckIn(TODAY - timedelta(days=1), 1, latest))


@pytest.mark.parametrize("size", SIZES)
def test_progress_view_with_check_ins(snap_compare, size: tuple[int, int]) -> None:
    """Issue 14: the weekly check-in under the answer, in two lines at 80 columns."""
    app = build_app(
        None,
        welcomed(TODAY - timedelta(weeks=12)),
        recovering(84),
        two_check_ins,
        opens_on="trends",
    )
    assert snap_compare(app, run_before=trends_worked_out, terminal_size=size)
