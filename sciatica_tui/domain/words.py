"""Small words the whole app says the same way: counts, days, dates and times.

A day is written the way people say it, "Tue 3 Nov", with the year wherever it may be in
another year than the day the reader has in mind (``near``: today, or the day a review or a
visit is about). A date that stands alone ("Tue 3 Nov 2026") always carries its year.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 day``, ``2 days``; ``many`` for a word that does not just add an s."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def one_decimal(value: float) -> str:
    """A mean as people read it: ``4.3``."""
    return f"{value:.1f}"


# --- days and dates ----------------------------------------------------------------------------


def _said(day: date, *, weekday: bool, year: bool) -> str:
    text = f"{day.day} {day:%b} {day.year}" if year else f"{day.day} {day:%b}"
    return f"{day:%a} {text}" if weekday else text


def _other_year(day: date, near: date | None) -> bool:
    return near is not None and day.year != near.year


def short_day(day: date, near: date | None = None) -> str:
    """``3 Nov``; ``3 Nov 2025`` when ``day`` is in another year than ``near``."""
    return _said(day, weekday=False, year=_other_year(day, near))


def weekday_day(day: date, near: date | None = None) -> str:
    """``Tue 3 Nov``; ``Tue 3 Nov 2025`` when ``day`` is in another year than ``near``."""
    return _said(day, weekday=True, year=_other_year(day, near))


def date_words(day: date) -> str:
    """``3 Nov 2026``."""
    return _said(day, weekday=False, year=True)


def long_day(day: date) -> str:
    """``Tue 3 Nov 2026``."""
    return _said(day, weekday=True, year=True)


def day_range(first: date, last: date, near: date | None = None, *, weekdays: bool = False) -> str:
    """``25 Oct to 21 Nov`` (``Sun 15 Nov to Sat 21 Nov`` with ``weekdays``): both days with
    their year across a new year, the last with its year when it is in another year than
    ``near``."""
    across = first.year != last.year
    start = _said(first, weekday=weekdays, year=across)
    end = _said(last, weekday=weekdays, year=across or _other_year(last, near))
    return f"{start} to {end}"


def day_span(first: date, last: date, near: date | None = None) -> str:
    """``26 Oct–1 Nov`` or ``2–8 Nov``, as short as it reads: ``29 Dec 2025–4 Jan 2026``
    across a new year, ``2–8 Nov 2025`` when it is in another year than ``near``."""
    if first.year != last.year:
        return f"{date_words(first)}–{date_words(last)}"
    start = str(first.day) if first.month == last.month else short_day(first)
    return f"{start}–{short_day(last, near)}"


def day_and_time(at: datetime) -> str:
    """``Mon 02 Nov 2026, 08:15``: the day in two digits, so times line up in a list."""
    return at.strftime("%a %d %b %Y, %H:%M")


def days_back(day: date, today: date) -> str:
    """``today``, ``yesterday`` or ``3 days ago``."""
    back = (today - day).days
    return {0: "today", 1: "yesterday"}.get(back, f"{back} days ago")


def day_words(day: date, today: date, *, short: bool = False) -> str:
    """The day as "Sat 21 Nov" (with its year when not this year's), with "(today)" or
    "(yesterday)" where that helps.

    ``short``: just "today", "yesterday" or the weekday ("Sat") within the last week.
    """
    yesterday = today - timedelta(days=1)
    if short and day == today:
        return "today"
    if short and day == yesterday:
        return "yesterday"
    if short and today - day < timedelta(days=7):
        return f"{day:%a}"
    words = weekday_day(day, today)
    if day == today:
        words += " (today)"
    elif day == yesterday:
        words += " (yesterday)"
    return words
