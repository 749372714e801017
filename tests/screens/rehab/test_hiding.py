"""What h does to the exercise under the cursor (screens/rehab/hiding.py), as a plain rule."""

from __future__ import annotations

from sciatica_tui.domain.records import CustomExercise
from sciatica_tui.domain.rehab import ChecklistEntry, EntryPlace
from sciatica_tui.screens.rehab.hiding import hide_or_show
from sciatica_tui.screens.rehab.record import RehabRecord
from sciatica_tui.store.diary_store import DiaryStore

WALK = ChecklistEntry("walk", "Short walks", "Walk a little, often.")


def test_a_built_in_exercise_leaves_the_plan_and_comes_back(store: DiaryStore) -> None:
    record = RehabRecord(store)
    hidden = hide_or_show(record, WALK)
    assert hidden.change is not None and "left your plan" in hidden.words
    record.set_hidden("walk", True)
    assert "walk" in record.hidden
    shown = hide_or_show(record, WALK)
    assert shown.change is not None and shown.words == "“Short walks” is back in your plan."


def test_what_h_cannot_hide_is_explained_and_nothing_changes(store: DiaryStore) -> None:
    record = RehabRecord(store)
    own = CustomExercise(id="custom-1", phase=1, title="Bridges")
    record.keep_exercise(own)
    cases = {
        ChecklistEntry("custom-1", "Bridges", "", custom=True): "d removes it",
        ChecklistEntry("custom-9", "Gone", "", custom=True): "removed already",
        ChecklistEntry("walk", "Short walks", "", place=EntryPlace.OFF_PLAN): "another phase",
    }
    for entry, words in cases.items():
        outcome = hide_or_show(record, entry)
        assert outcome.change is None and words in outcome.words
