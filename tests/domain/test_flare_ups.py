"""Flare-ups: the record's rules."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.records import Reach
from sciatica_tui.domain.validation.flare_rules import validate_flare_up
from sciatica_tui.domain.validation.problems import ValidationError
from sciatica_tui.store.diary_store import DiaryStore

TODAY = date(2026, 12, 3)
FULL = {
    "at": "2026-12-02T03:10:00",
    "pain": 8,
    "reach": "below_knee",
    "triggers": ["bad_night"],
    "helped": ["heat", "walking"],
    "minutes": 40,
    "notes": "Woke with it",
}


def test_a_full_flare_up_reads_back_as_written() -> None:
    flare_up = validate_flare_up(FULL, today=TODAY)
    assert flare_up == FlareUp(
        datetime(2026, 12, 2, 3, 10),
        8,
        Reach.BELOW_KNEE,
        ("bad_night",),
        ("heat", "walking"),
        40,
        "Woke with it",
    )
    assert flare_up.to_record() == FULL


def test_only_the_time_and_pain_are_needed() -> None:
    raw = {"at": "2026-12-03T08:00:00", "pain": 0}
    assert validate_flare_up(raw, today=TODAY).to_record() == raw


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("at", "2026-12-04T00:01:00", "in the future"),
        ("at", "3 a.m.", "at"),
        ("pain", 11, "above 10"),
        ("pain", None, "pain"),
        ("reach", "knee", "reach"),
        ("triggers", "driving", "not a list"),
        ("minutes", 24 * 60 + 1, "minutes"),
        ("notes", "x" * 2001, "notes"),
    ],
)
def test_each_bad_field_is_named(field: str, value: object, problem: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_flare_up({**FULL, field: value}, today=TODAY)
    (found,) = caught.value.problems
    assert found.field == field
    assert problem in str(caught.value)


def test_a_day_holds_any_number_and_each_can_go(tmp_path: Path) -> None:
    times = [datetime(2026, 12, 2, hour) for hour in (3, 9, 22)]
    with DiaryStore.open(tmp_path) as store:
        for at in times:
            store.save_flare_up(FlareUp(at, 6))
        store.save_flare_up(FlareUp(datetime(2026, 12, 1, 23, 59), 5))
        store.remove_flare_up(times[1])
    with DiaryStore.open(tmp_path, read_only=True) as reopened:
        day = reopened.flare_ups(date(2026, 12, 2), date(2026, 12, 2))
        assert [f.at for f in day] == [times[0], times[2]]
        assert len(reopened.excerpt(date(2026, 12, 1)).flare_ups) == 3
