"""A new visit's id and the stem of its exported file."""

from __future__ import annotations

from datetime import datetime

from sciatica_tui.domain.visit.naming import export_stem, new_visit_id
from tests.support.visit_diary import TODAY


def test_new_visit_ids_are_unique_and_valid() -> None:
    now = datetime(2026, 11, 21, 9, 30)
    assert new_visit_id(now, set()) == "visit-20261121-093000"
    taken = {"visit-20261121-093000", "visit-20261121-093000-2"}
    assert new_visit_id(now, taken) == "visit-20261121-093000-3"


def test_export_stem_without_a_visit() -> None:
    assert export_stem(None, TODAY) == "summary-2026-11-21"
