"""The red-flag checks a visit report puts first: the signs answered yes, with full dates."""

from __future__ import annotations

from datetime import date, datetime

from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.domain.visit.red_flag_report import checks_read, checks_summary, not_clear_line
from tests.support.visit_diary import FIXTURE_CHECKS, TODAY

BLADDER_AND_SADDLE = RedFlagCheck(
    datetime(2025, 12, 30, 22, 5),
    {"bladder": True, "saddle_area": True, "bowel": False},
    Verdict.EMERGENCY,
)


def test_the_checks_not_clear_are_named_with_their_signs_and_years() -> None:
    read = checks_read(FIXTURE_CHECKS, TODAY)
    assert read.first_day == date(2026, 9, 27)  # eight weeks, both days included
    assert [c.at.date() for c in read.not_clear] == [date(2026, 11, 3), date(2026, 10, 24)]
    assert not_clear_line(read.not_clear[0]) == (
        "Tue 03 Nov 2026, 09:00 · URGENT · yes to: severe new pain"
    )
    assert checks_summary(read) == (
        "Red-flag checks since Sun 27 Sep 2026: 4 checks, 2 clear (latest Thu 19 Nov 2026)."
    )


def test_an_emergency_names_every_sign_answered_yes() -> None:
    line = not_clear_line(BLADDER_AND_SADDLE)
    assert line == "Tue 30 Dec 2025, 22:05 · EMERGENCY · yes to: bladder trouble, saddle numbness"
    read = checks_read([BLADDER_AND_SADDLE], date(2026, 1, 5))
    assert read.not_clear == (BLADDER_AND_SADDLE,)


def test_no_checks_and_all_clear_are_said_as_such() -> None:
    assert checks_summary(checks_read([], TODAY)) == (
        "Red-flag checks since Sun 27 Sep 2026: none done."
    )
    clear = [c for c in FIXTURE_CHECKS if c.verdict is Verdict.CLEAR]
    assert checks_read(clear, TODAY).not_clear == ()
    assert "2 checks, all clear" in checks_summary(checks_read(clear, TODAY))
