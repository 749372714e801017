"""Dates as a person types them: "today", "3 days ago", "in 2 weeks", "next friday", "Nov 3",
"31/10", "2026-11-03".

One reader, ``read_typed_date``, and a thin front end for each place a date is typed: a day
of the diary (``parse_user_date``: today or earlier) and a clinic visit
(``parse_visit_date``: up to a year ahead). Two small numbers ("3/11") could be day first or
month first, so they are refused with a way to say it plainly; "31/10" and "10/31" can only
be one day. Every refusal is a ``ValueError`` whose message a person can act on.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from sciatica_tui.domain.words import long_day

EARLIEST_DATE = date(1900, 1, 1)
MAX_DAYS_AHEAD = 366  # a visit can be booked up to a year ahead

DIARY_EXAMPLES = "2026-11-03, Nov 3 or yesterday"
VISIT_EXAMPLES = "2026-12-03, Dec 3 or tomorrow"

_NAMED_DAYS = {"today": 0, "tomorrow": 1, "yesterday": -1}
_AGO = re.compile(r"(\d{1,4}) ?(day|days|week|weeks) ago")
_AHEAD = re.compile(r"in (\d{1,3}) ?(day|days|week|weeks)")
# "3/11", "31.10.2026": day and month as numbers, in an order only their size can tell.
NUMERIC_DAY = re.compile(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-]\d{2,4})?")


class AmbiguousDate(ValueError):
    """Two small numbers that could be read day first or month first."""


def read_typed_date(text: str, *, today: date, what: str, examples: str, look_back: bool) -> date:
    """The day ``text`` names, counted from ``today``.

    A date typed without a year is this year's, or with ``look_back`` the last such day up
    to today ("Nov 30" on 22 Nov is last year's, "friday" on a Saturday is the day before).
    ``what`` ("a date", "the visit date") and ``examples`` word the refusals.
    """
    typed = text.strip()
    cleaned = " ".join(typed.lower().split())
    if not cleaned:
        raise ValueError(f"Type {what}, for example {examples}.")
    try:
        parsed = _read(cleaned, today, look_back=look_back)
    except AmbiguousDate:
        raise
    except OverflowError:
        raise ValueError(f"{typed!r} is too far away to be a date.") from None
    except ValueError:
        raise ValueError(f"{typed!r} is not a date I can read. Try {examples}.") from None
    if parsed < EARLIEST_DATE:
        raise ValueError(f"{parsed.isoformat()} is too long ago.")
    return parsed


def parse_user_date(text: str, *, today: date) -> date:
    """A day of the diary as a person types it ("yesterday", "3 days ago", "Nov 3", "31/10"):
    a date without a year is the last such day up to today, and a day in the future or
    before 1900 is refused with a clear message."""
    parsed = read_typed_date(
        text, today=today, what="a date", examples=DIARY_EXAMPLES, look_back=True
    )
    if parsed > today:
        said = "Tomorrow" if parsed == today + timedelta(days=1) else long_day(parsed)
        raise ValueError(f"{said} is in the future. Only today or earlier days can be used.")
    return parsed


def parse_visit_date(text: str, *, today: date) -> date:
    """A visit date as a person types it ("2026-12-03", "Dec 3", "tomorrow", "friday",
    "next friday", "in 2 weeks", "3 days ago"). A visit may be up to a year ahead."""
    parsed = read_typed_date(
        text, today=today, what="the visit date", examples=VISIT_EXAMPLES, look_back=False
    )
    if parsed > today + timedelta(days=MAX_DAYS_AHEAD):
        raise ValueError(f"{long_day(parsed)} is more than a year ahead. Check the year.")
    return parsed


def _read(cleaned: str, today: date, *, look_back: bool) -> date:
    """The day ``cleaned`` (lower case, single spaces) names; ``ValueError`` or
    ``OverflowError`` when it names none."""
    if cleaned in _NAMED_DAYS:
        return today + timedelta(days=_NAMED_DAYS[cleaned])
    if match := _AGO.fullmatch(cleaned):
        return today - _days(match.group(1), match.group(2))
    if match := _AHEAD.fullmatch(cleaned):
        return today + _days(match.group(1), match.group(2))
    if cleaned == "next week":
        return today + timedelta(days=7)
    # Only needed when someone types a date.
    from dateutil import parser as date_parser

    if cleaned.startswith("next "):
        # "next friday": the first one after today (dateutil alone would refuse "next").
        after_today = _midnight(today + timedelta(days=1))
        return date_parser.parse(cleaned.removeprefix("next "), default=after_today).date()
    day_first = _day_first(cleaned)
    parsed = date_parser.parse(cleaned, default=_midnight(today), dayfirst=day_first).date()
    if look_back and parsed > today:
        parsed = _last_one_up_to(cleaned, today, day_first, parsed)
    return parsed


def _last_one_up_to(cleaned: str, today: date, day_first: bool, parsed: date) -> date:
    """The last day up to ``today`` that ``cleaned`` names when it leaves something out:
    a weekday ("friday") is the one in the week up to today, a day without a year
    ("Nov 30") the one a year before. A date with its year stays ``parsed``."""
    from dateutil import parser as date_parser
    from dateutil.relativedelta import relativedelta

    if _names_a_weekday(cleaned):
        week_before = _midnight(today - timedelta(days=6))
        in_last_week = date_parser.parse(cleaned, default=week_before, dayfirst=day_first).date()
        if in_last_week <= today:
            return in_last_week
    year_before = _midnight(today - relativedelta(years=1))
    earlier = date_parser.parse(cleaned, default=year_before, dayfirst=day_first).date()
    return earlier if earlier.year != parsed.year else parsed


def _names_a_weekday(cleaned: str) -> bool:
    from dateutil import parser as date_parser

    words = date_parser.parserinfo()
    return any(words.weekday(word) is not None for word in cleaned.split())


def _day_first(cleaned: str) -> bool:
    """True when the numbers typed can only be day then month ("31/10"); ``AmbiguousDate``
    when they could be either ("3/11")."""
    numeric = NUMERIC_DAY.fullmatch(cleaned)
    if not numeric:
        return False
    first, second = int(numeric.group(1)), int(numeric.group(2))
    if first <= 12 and second <= 12 and first != second:
        raise AmbiguousDate(
            f"{cleaned!r} could be {_spelled(first, second)} or {_spelled(second, first)}. "
            "Type it as Nov 3 or 2026-11-03."
        )
    return first > 12


def _spelled(day: int, month: int) -> str:
    return f"{day} {date(2000, month, 1):%b}"


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _days(count: str, unit: str) -> timedelta:
    return timedelta(days=int(count) * (7 if unit.startswith("week") else 1))
