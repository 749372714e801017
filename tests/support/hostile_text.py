"""A diary written by an older version that let control characters in: hostile text in
every text field of every record kind (issue 19 item 4).

The records are built directly (the rules for new text would refuse them) and saved
through the store, so the file is exactly what an older version would have written.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sciatica_tui.domain.medicines import Medicine, MedicineKind
from sciatica_tui.domain.records import CustomExercise, DailyLog
from sciatica_tui.domain.visits import ImagingReport, Visit
from sciatica_tui.store.diary_store import DiaryStore

CLIPBOARD_MARKER = "SGFja2VkIQ=="  # base64 that only the OSC 52 payload below holds
HOSTILE_PIECES = (
    "\x1b[2J\x1b[H",  # clear the screen, cursor home
    f"\x1b]52;c;{CLIPBOARD_MARKER}\x07",  # OSC 52: write the clipboard
    "\x1b]8;;https://example.invalid\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1b[31mred\x1b[0m\x1b[5A",  # CSI colour and cursor up
    "\x9b2J",  # the 8-bit CSI
    "\x07\x08\x7f\x85\u202e\u2066",  # BEL, BS, DEL, NEL, a bidi override and isolate
)
HOSTILE = "Pain" + "".join(HOSTILE_PIECES) + " end"
# Every character of HOSTILE that new text may not hold, in the order they come.
REFUSED_CONTROLS = "\x1b\x07\x9b\x08\x7f\x85\u202e\u2066"


def hostile(label: str) -> str:
    """Hostile text that also says which field it is in."""
    return f"{label} {HOSTILE}"


def write_hostile_diary(folder: Path, today: date) -> None:
    """Fill ``folder`` with a diary holding hostile text in every text field."""
    with DiaryStore.open(folder) as store:
        for back in range(14):
            store.save_daily_log(
                DailyLog(
                    today - timedelta(days=back),
                    leg_pain=back % 10,
                    back_pain=3,
                    notes=hostile(f"notes {back}"),
                )
            )
        store.save_custom_exercise(CustomExercise("own-1", 1, hostile("title"), hostile("how")))
        medicine = Medicine(
            "medicine-1",
            hostile("name"),
            hostile("dose"),
            MedicineKind.PAIN_RELIEF,
            *(hostile(name) for name in ("often", "since", "helps", "side")),
        )
        store.save_medicine(medicine)
        store.save_visit(
            Visit(
                id="visit-1",
                date=today,
                clinician=hostile("clinician"),
                reason=hostile("reason"),
                story=hostile("story"),
                history=hostile("history"),
                imaging=(
                    ImagingReport(
                        "MRI", hostile("scan date"), hostile("where"), findings=hostile("found")
                    ),
                ),
                questions=(hostile("question"),),
                goals=(hostile("goal"),),
                notes_after=hostile("notes after"),
            )
        )
