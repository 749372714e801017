"""Visit dates as a person types them."""

from __future__ import annotations

from datetime import date

import pytest

from sciatica_tui.domain.dates import parse_visit_date
from tests.support.visit_diary import TODAY


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-03", date(2026, 12, 3)),
        ("Dec 3", date(2026, 12, 3)),
        ("today", TODAY),
        ("tomorrow", date(2026, 11, 22)),
        ("yesterday", date(2026, 11, 20)),
        ("in 2 weeks", date(2026, 12, 5)),
        ("in 10 days", date(2026, 12, 1)),
        ("3 days ago", date(2026, 11, 18)),
        ("Friday", date(2026, 11, 27)),
        ("next friday", date(2026, 11, 27)),
        ("next Saturday", date(2026, 11, 28)),  # today is a Saturday: the one after
        ("next week", date(2026, 11, 28)),
        ("  2027-11-21 ", date(2027, 11, 21)),
    ],
)
def test_parse_visit_date(typed: str, expected: date) -> None:
    assert parse_visit_date(typed, today=TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("", "Type the visit date"),
        ("soon", "is not a date I can read"),
        ("2028-01-05", "more than a year ahead"),
        ("1850-01-01", "too long ago"),
        ("in 999 weeks", "more than a year ahead"),
    ],
)
def test_parse_visit_date_refuses_with_a_message(typed: str, said: str) -> None:
    with pytest.raises(ValueError, match=said):
        parse_visit_date(typed, today=TODAY)
