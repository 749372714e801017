"""Medicines by name on Today: the doses of each, "same as yesterday", adding one, and the
Clinic tab editing the same list. One app start, several checks (the suite stays fast)."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input

from sciatica_tui.domain.medicines import Medicine, MedicineKind
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.visits import Visit
from sciatica_tui.screens.dialogs.medicine import MedicineDialog
from sciatica_tui.screens.today.form import field_id
from sciatica_tui.screens.today.medicine_doses import MedicineDoses
from sciatica_tui.screens.today.tab import TodayTab
from sciatica_tui.screens.widgets.focus import focus_now
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.app import FROZEN_NOW, build_app, settled, until, welcomed

TODAY = FROZEN_NOW.date()
YESTERDAY = TODAY - timedelta(days=1)
GABAPENTIN = Medicine("gabapentin", "Gabapentin", "300 mg", MedicineKind.NERVE_PAIN)
IBUPROFEN = Medicine("ibuprofen", "Ibuprofen", "400 mg", MedicineKind.PAIN_RELIEF)


def seed(store: DiaryStore) -> None:
    store.save_medicine_list([GABAPENTIN, IBUPROFEN])
    store.save_daily_log(
        DailyLog(
            YESTERDAY, 6, 3, pain_med_doses=2, medicine_doses={"ibuprofen": 2, "gabapentin": 1}
        )
    )
    store.save_visit(Visit(id="visit-a", date=TODAY + timedelta(days=7)))


async def test_doses_of_each_medicine_are_logged_filled_from_yesterday_and_shared() -> None:
    app = build_app(None, welcomed(), seed)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        today = app.query_one(TodayTab)
        doses = today.query_one(MedicineDoses)
        plain = today.query_one(f"#{field_id('pain_med_doses')}", Input)
        assert [m.id for m in doses.medicines] == ["gabapentin", "ibuprofen"]
        assert doses.doses == {} and not plain.disabled
        # One Tab from mood: the medicines come before the count they make.
        today.form.focus_field("mood")
        await pilot.press("tab")
        assert app.focused is doses

        # Same as yesterday fills the doses; the plain count is their pain-relief total.
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert doses.doses == {"ibuprofen": 2, "gabapentin": 1}
        assert plain.value == "2" and plain.disabled

        # Digits set the picked medicine's doses; down picks the next one.
        focus_now(doses)
        await pilot.press("0", "down", "3")
        await pilot.pause()
        assert doses.doses == {"gabapentin": 0, "ibuprofen": 3}
        assert plain.value == "3"
        await pilot.press("backspace")  # ibuprofen not logged: the day's own count is back
        await pilot.pause()
        assert plain.value == "" and not plain.disabled
        await pilot.press("1", "2")  # two digits in a row: twelve
        await pilot.pause()
        assert doses.doses["ibuprofen"] == 12 and plain.value == "12"

        # A medicine added from Today joins the list, picked and ready for its doses.
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, MedicineDialog))
        await pilot.press(*"Paracetamol", "tab", *"1 g", "enter")  # kind told from the name
        await until(pilot, lambda: len(doses.medicines) == 3)
        assert app.store.medicines()[2] == Medicine(
            "paracetamol", "Paracetamol", "1 g", MedicineKind.PAIN_RELIEF
        )
        assert app.focused is doses and doses.medicines[doses.picked].id == "paracetamol"
        await pilot.press("2", "ctrl+s")
        await settled(pilot)
        saved = app.store.daily_log(TODAY)
        assert saved is not None
        assert saved.medicine_doses == {"gabapentin": 0, "ibuprofen": 12, "paracetamol": 2}
        assert saved.pain_med_doses == 14 and saved.leg_pain == 6

        # The Clinic tab edits the same list: a medicine taken off it there leaves Today,
        # and the day keeps its doses.
        await pilot.press("f5")
        await until(pilot, lambda: app.focused is not None)
        clinic_lines = app.query_one("#medicines-editor")
        await until(pilot, lambda: len(clinic_lines.items) == 3)  # type: ignore[attr-defined]
        app.query_one("#section-history").collapsed = False  # type: ignore[attr-defined]
        await pilot.pause()
        focus_now(app.query_one("#medicines"))
        await pilot.press("end", "delete")
        await until(pilot, lambda: len(app.store.medicines()) == 2)
        await pilot.press("f1")
        await until(pilot, lambda: len(doses.medicines) == 2)
        assert [m.id for m in doses.medicines] == ["gabapentin", "ibuprofen"]
        assert doses.texts()["dose:paracetamol"] == "2"  # still on the day, and shown
        assert "Paracetamol (not in your list)  2 doses" in str(doses.render())
        saved = app.store.daily_log(TODAY)
        assert saved is not None and saved.medicine_doses["paracetamol"] == 2
