"""The red-flag checks a visit report puts first: those of the last weeks that were not
clear, each with its date (and year), its verdict and the signs answered yes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sciatica_tui.domain.records import RedFlagCheck, Verdict
from sciatica_tui.domain.red_flags import signs_said_yes
from sciatica_tui.domain.words import day_and_time, long_day, plural

RED_FLAG_WEEKS = 8


@dataclass(frozen=True)
class ChecksRead:
    """The red-flag checks of the weeks a report looks back on."""

    first_day: date
    last_day: date
    done: tuple[RedFlagCheck, ...]  # oldest first

    @property
    def not_clear(self) -> tuple[RedFlagCheck, ...]:
        """The checks whose verdict was urgent or emergency, newest first."""
        return tuple(c for c in reversed(self.done) if c.verdict is not Verdict.CLEAR)


def checks_read(
    checks: Iterable[RedFlagCheck], as_of: date, weeks: int = RED_FLAG_WEEKS
) -> ChecksRead:
    """The checks done in the ``weeks`` weeks ending on ``as_of``."""
    first = as_of - timedelta(days=7 * weeks - 1)
    done = sorted((c for c in checks if first <= c.at.date() <= as_of), key=lambda c: c.at)
    return ChecksRead(first, as_of, tuple(done))


def not_clear_line(check: RedFlagCheck) -> str:
    """``Tue 01 Dec 2026, 14:05 · EMERGENCY · yes to: bladder trouble, saddle numbness``."""
    signs = ", ".join(signs_said_yes(check.answers)) or "no sign named"
    return f"{day_and_time(check.at)} · {check.verdict.value.upper()} · yes to: {signs}"


def checks_summary(read: ChecksRead) -> str:
    """One line on all the checks of the period: how many, and how many were clear."""
    since = long_day(read.first_day)
    if not read.done:
        return f"Red-flag checks since {since}: none done."
    clear = sum(1 for check in read.done if check.verdict is Verdict.CLEAR)
    latest = long_day(read.done[-1].at.date())
    count = plural(len(read.done), "check")
    if clear == len(read.done):
        return f"Red-flag checks since {since}: {count}, all clear (latest {latest})."
    return f"Red-flag checks since {since}: {count}, {clear} clear (latest {latest})."
