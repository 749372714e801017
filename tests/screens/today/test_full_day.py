"""Issue 15 §8: a realistic full day (leg, back, reach, side, numbness, sleep hours, walking,
mood, one medicine and one tag) takes at most 20 keys, save included."""

from __future__ import annotations

from pathlib import Path

from sciatica_tui.domain.medicines import Medicine, MedicineKind
from sciatica_tui.domain.records import DailyLog, Reach, Side
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, build_app, settled, welcomed

TODAY = FROZEN_NOW.date()
IBUPROFEN = Medicine("ibuprofen", "Ibuprofen", "400 mg", MedicineKind.PAIN_RELIEF)

# Each field is one Tab from the last; a choice picked by its letter moves on by itself.
FULL_DAY = [
    "6", "tab",  # leg pain
    "3", "tab",  # back pain
    "t",  # pain down to the thigh
    "l",  # on the left
    "2", "tab",  # numbness
    "2", "0", "tab",  # walking 20 minutes at a time
    "7", "tab",  # slept 7 hours
    "3", "tab",  # mood
    "1", "tab",  # one dose of ibuprofen (the pain-relief count follows, so Tab skips it)
    "2",  # set off by driving (the picker's second tag)
    "ctrl+s",
]  # fmt: skip


def one_medicine(store: DiaryStore) -> None:
    store.save_medicine_list([IBUPROFEN])


async def test_a_full_day_takes_at_most_twenty_keys(tmp_path: Path) -> None:
    assert len(FULL_DAY) <= 20
    folder = tmp_path / "data"
    app = build_app(folder, welcomed(), one_medicine)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press(*FULL_DAY)
        await settled(pilot)
    with DiaryStore.open(folder, read_only=True) as store:
        saved = store.daily_log(TODAY)
    assert saved == DailyLog(
        TODAY,
        leg_pain=6,
        back_pain=3,
        pain_reach=Reach.THIGH,
        pain_side=Side.LEFT,
        numbness=2,
        walking_minutes=20,
        sleep_hours=7.0,
        mood=3,
        pain_med_doses=1,
        medicine_doses={"ibuprofen": 1},
        tags=("driving",),
    )
