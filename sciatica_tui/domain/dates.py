"""Dates as a person types them: "today", "3 days ago", "Nov 3", "31/10", "2026-11-03"."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

EARLIEST_DATE = date(1900, 1, 1)

# "3/11", "31.10.2026": day and month as numbers, in an order only their size can tell.
NUMERIC_DAY = re.compile(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-]\d{2,4})?")


def _spelled(day: int, month: int) -> str:
    return f"{day} {date(2000, month, 1):%b}"


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def parse_user_date(text: str, *, today: date) -> date:
    """Read a date as a person types it: "today", "yesterday", "3 days ago", "2026-11-03",
    "Nov 3", "31/10". Two small numbers ("3/11") could be either day first or month first,
    so they are refused with a way to say it plainly; "31/10" and "10/31" can only be one
    day. A date typed without a year is the last such day up to today. A date in the future
    or before 1900 is refused with a clear message.
    """
    # Only needed when someone types a date.
    from dateutil import parser as date_parser
    from dateutil.relativedelta import relativedelta

    cleaned = text.strip().lower()
    if not cleaned:
        raise ValueError("Type a date, for example 2026-11-03, Nov 3 or yesterday.")
    if cleaned == "today":
        return today
    if cleaned == "yesterday":
        return today - timedelta(days=1)
    if cleaned == "tomorrow":
        raise ValueError("Tomorrow is in the future. Only today or earlier days can be used.")
    ago = re.fullmatch(r"(\d{1,4})\s*(day|days|week|weeks)\s+ago", cleaned)
    if ago:
        count = int(ago.group(1))
        days = count * 7 if ago.group(2).startswith("week") else count
        parsed = today - timedelta(days=days)
    else:
        numeric = NUMERIC_DAY.fullmatch(cleaned)
        day_first = False
        if numeric:
            first, second = int(numeric.group(1)), int(numeric.group(2))
            if first <= 12 and second <= 12 and first != second:
                raise ValueError(
                    f"{text.strip()!r} could be {_spelled(first, second)} or "
                    f"{_spelled(second, first)}. Type it as Nov 3 or 2026-11-03."
                )
            day_first = first > 12
        try:
            parsed = date_parser.parse(cleaned, default=_midnight(today), dayfirst=day_first).date()
            if parsed > today:
                # No year typed ("Nov 30" on 22 Nov): the last such day, not a future one.
                year_before = today - relativedelta(years=1)
                earlier = date_parser.parse(
                    cleaned, default=_midnight(year_before), dayfirst=day_first
                ).date()
                if earlier.year != parsed.year:
                    parsed = earlier
        except (ValueError, OverflowError):
            raise ValueError(
                f"{text.strip()!r} is not a date I can read. Try 2026-11-03, Nov 3 or yesterday."
            ) from None
    if parsed > today:
        raise ValueError(
            f"{parsed:%d %b %Y} is in the future. Only today or earlier days can be used."
        )
    if parsed < EARLIEST_DATE:
        raise ValueError(f"{parsed.isoformat()} is too long ago.")
    return parsed
