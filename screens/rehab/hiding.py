"""What ``h`` does to the exercise under the cursor: take it out of the plan, put it back, or
say why it cannot (it is the person's own, already removed, or in another phase's plan)."""

from __future__ import annotations

from dataclasses import dataclass

from sciatica_tui.domain.rehab import ChecklistEntry, EntryPlace
from sciatica_tui.screens.rehab.record import RehabRecord, Undo
from sciatica_tui.store.changes import SavePlanItem


@dataclass(frozen=True)
class HideOutcome:
    """The change to show and save (None: nothing changes), and what to tell the person."""

    change: tuple[SavePlanItem, Undo] | None
    words: str
    seconds: int  # how long the note stays


def hide_or_show(record: RehabRecord, entry: ChecklistEntry) -> HideOutcome:
    """The outcome of ``h`` on ``entry``, a line of the checklist."""
    if entry.id in record.hidden:
        return HideOutcome(
            record.set_hidden(entry.id, False), f"“{entry.title}” is back in your plan.", 4
        )
    if entry.custom and entry.id not in record.customs:
        return HideOutcome(None, "That exercise was removed already; its tick stays.", 4)
    if entry.custom:
        return HideOutcome(None, f"“{entry.title}” is your own exercise: d removes it.", 5)
    if entry.place is EntryPlace.OFF_PLAN:
        return HideOutcome(None, f"“{entry.title}” is in the plan of another phase.", 5)
    return HideOutcome(
        record.set_hidden(entry.id, True),
        f"“{entry.title}” left your plan; its past ticks stay. "
        "The Hidden line at the end lists it.",
        6,
    )
