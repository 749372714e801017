"""How the Rehab tab looks in each phase, at 80x24 and 120x40."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from textual.pilot import Pilot

from sciatica_tui.domain import content
from sciatica_tui.domain.doses import Dose
from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.records import EVERY_PHASE, CustomExercise, RehabDay
from sciatica_tui.screens.rehab.checklist import Checklist
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import Seed, build_app, until, welcomed

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
TODAY = date(2026, 11, 21)


def diary_of_phase(phase: int) -> Seed:
    """Dates that suggest ``phase``, a few weeks of ticks, and (phase 1) a surgery date."""
    onset = {1: date(2026, 8, 1), 2: date(2026, 9, 20), 3: date(2026, 6, 1)}[phase]
    items = [item.id for item in content.rehab().phases[phase - 1].items]

    def seed(store: DiaryStore) -> None:
        welcomed(onset)(store)
        if phase == 1:
            store.save_profile(replace(store.profile(), surgery_date=date(2026, 11, 9)))
        if phase == 3:
            store.save_custom_exercise(
                CustomExercise("custom-1", 3, "Wall squats", "Ten slow squats, back on the wall.")
            )
        for back in range(1, 27):
            if back % 4 != 0:  # a rest day now and then
                store.save_rehab_day(
                    RehabDay(TODAY - timedelta(days=back), tuple(items[: back % len(items) + 1]))
                )
        store.save_rehab_day(RehabDay(TODAY, tuple(items[:2])))

    return seed


async def open_rehab(pilot: Pilot[int]) -> None:
    """The app opens on the tab: wait for the cursor in the checklist."""
    await pilot.pause()
    await until(pilot, lambda: isinstance(pilot.app.focused, Checklist), "the cursor in the list")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("phase", [1, 2, 3])
def test_rehab_phase(snap_compare, phase: int, size: tuple[int, int]) -> None:
    assert snap_compare(
        build_app(None, diary_of_phase(phase), opens_on="rehab"),
        run_before=open_rehab,
        terminal_size=size,
    )


def test_phase_dialog(snap_compare) -> None:
    assert snap_compare(
        build_app(None, diary_of_phase(2), opens_on="rehab"),
        run_before=open_rehab,
        press=["p"],
        terminal_size=(80, 24),
    )


def own_plan(store: DiaryStore) -> None:
    """Phase 2 with two built-ins hidden, an own exercise for every phase done twice a day
    (once so far), the person's own dose on the first stretch, and today a tick of a phase 1
    exercise (off this plan, still shown)."""
    diary_of_phase(2)(store)
    phase_2 = [item.id for item in content.rehab().phases[1].items]
    for hidden in phase_2[-2:]:
        store.save_plan_item(PlanItem(hidden, hidden=True))
    store.save_custom_exercise(CustomExercise("custom-1", EVERY_PHASE, "Walk", "Ten minutes."))
    store.save_plan_item(PlanItem("custom-1", dose=Dose(times_per_day=2)))
    store.save_plan_item(PlanItem(phase_2[0], dose=Dose(sets=2, hold_seconds=45, times_per_day=2)))
    phase_1_first = content.rehab().phases[0].items[0].id
    # The walk and the first stretch each done once of their two rounds: half-filled boxes.
    today = (*phase_2[:2], phase_1_first, "custom-1")
    store.save_rehab_day(RehabDay(TODAY, today))


async def open_rehab_at_the_end(pilot: Pilot[int]) -> None:
    """On the tab, list the hidden exercises, and put the cursor on the first of them."""
    await open_rehab(pilot)
    await pilot.press("end", "h", "down")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_rehab_own_plan(snap_compare, size: tuple[int, int]) -> None:
    assert snap_compare(
        build_app(None, own_plan, opens_on="rehab"),
        run_before=open_rehab_at_the_end,
        terminal_size=size,
    )


def test_rehab_cautions(snap_compare) -> None:
    assert snap_compare(
        build_app(None, diary_of_phase(1), opens_on="rehab"),
        run_before=open_rehab,
        press=["c"],
        terminal_size=(80, 24),
    )
