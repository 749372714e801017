"""Doses on the Rehab tab: shown on each line, set with s (with clear words for a bad one),
back to the usual one, and an exercise done twice a day ticked twice, then cleared."""

from __future__ import annotations

from textual.widgets import Button, Input, Static

from sciatica_tui.domain.doses import Dose
from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.screens.rehab.checklist import Checklist
from sciatica_tui.screens.rehab.dose_dialog import DoseDialog
from tests.support.app import build_app, until, welcomed
from tests.support.rehab import PHASE_2_FIRST, TODAY, opened_rehab, plain, text_of


def line(app: object, index: int = 1) -> str:
    """The first line of checklist line ``index``, its runs of spaces made one (the dose
    stands at the right edge)."""
    checklist = app.query_one(Checklist)  # type: ignore[attr-defined]
    first = plain(checklist.get_option_at_index(index).prompt).splitlines()[0]
    return " ".join(first.split())


async def test_set_a_dose_then_tick_twice_and_untick() -> None:
    app = build_app(None, welcomed(), opens_on="rehab")
    async with app.run_test(size=(100, 32)) as pilot:
        await opened_rehab(pilot)
        assert line(app).startswith("▶[ ] Hamstring stretch 3 × hold 30 s")
        assert "Piriformis stretch 3 × hold 30 s" in line(app, 2)

        # A bad dose is refused with words, and the dialog keeps what was typed.
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, DoseDialog))
        dialog = app.screen
        dialog.query_one("#dose-reps", Input).value = "10"
        await pilot.press("enter")
        error = dialog.query_one("#dose-error", Static)
        await until(pilot, lambda: error.display and "not both" in str(error.render()))
        assert isinstance(app.screen, DoseDialog)

        # Twice a day, sets of a longer hold.
        for name, value in (("sets", "2"), ("reps", ""), ("hold_seconds", "45")):
            dialog.query_one(f"#dose-{name}", Input).value = value
        dialog.query_one("#dose-times_per_day", Input).value = "2"
        await pilot.press("enter")
        mine = Dose(sets=2, hold_seconds=45, times_per_day=2)
        await until(pilot, lambda: app.store.rehab_plan() == [PlanItem(PHASE_2_FIRST, dose=mine)])
        await until(pilot, lambda: isinstance(app.focused, Checklist))
        assert "Hamstring stretch 2 × hold 45 s · × 2 a day" in line(app)

        # Each press is a round; after the last, one more clears the day's ticks.
        await pilot.press("space")
        await until(pilot, lambda: app.store.rehab_day(TODAY).done == (PHASE_2_FIRST,))
        assert line(app).startswith("▶[◐] Hamstring stretch") and "1 of 2 done" in line(app)
        assert "1 of 12 ticked" in text_of(app, "#day-label")
        assert "Today: 0 of 12 done" in text_of(app, "#adherence")  # one round of two
        await pilot.press("space")
        await until(pilot, lambda: app.store.rehab_day(TODAY).done == (PHASE_2_FIRST,) * 2)
        assert line(app).startswith("▶[✓] Hamstring stretch") and "2 of 2 done" in line(app)
        assert "Today: 1 of 12 done" in text_of(app, "#adherence")
        await pilot.press("space")
        await until(pilot, lambda: app.store.rehab_day(TODAY).done == ())
        assert line(app).startswith("▶[ ] Hamstring stretch")

        # The usual dose comes back with one button; the plan record stays, without a dose.
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, DoseDialog))
        assert app.screen.query_one("#dose-hold_seconds", Input).value == "45"
        app.screen.query_one("#dose-usual", Button).press()
        await until(pilot, lambda: app.store.rehab_plan() == [PlanItem(PHASE_2_FIRST)])
        await until(pilot, lambda: "3 × hold 30 s" in line(app))
