"""The daily reminder: the time the person chose, and whether it is due now.

``sciatica remind`` runs from shell start-up files, so this module imports only ``re`` and
``datetime``. The time is kept as ``HH:MM`` (24-hour) or ``off``; not set means the default, 19:00.
"""

from __future__ import annotations

import re
from datetime import datetime

DEFAULT_TIME = "19:00"
OFF = "off"
CLOCK_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?", re.ASCII)
TIME_HINT = "Type the time as HH:MM, 24-hour (for example 19:00 or 21:30), or off."

REMINDER_LINE = (
    "sciatica: today is not logged yet. Log it with: sciatica log LEG BACK (or open sciatica)."
)


def parse_reminder_time(text: str) -> str:
    """``"19:00"``, ``"7:30"``, ``"19"`` or ``"off"`` as kept (``"19:00"``, ``"07:30"``,
    ``"off"``); ``ValueError`` saying how to type it otherwise."""
    typed = text.strip().lower()
    if typed == OFF:
        return OFF
    typed_time = CLOCK_TIME.fullmatch(typed)
    if typed_time is None:
        raise ValueError(f"{text.strip()!r} is not a time. {TIME_HINT}")
    hour, minute = int(typed_time.group(1)), int(typed_time.group(2) or 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"{text.strip()!r} is not a time of day. {TIME_HINT}")
    return f"{hour:02d}:{minute:02d}"


def reminder_time_said(kept: str | None) -> str:
    """The chosen time in words: ``"19:00"``, or ``"off"``."""
    return DEFAULT_TIME if kept is None else kept


def reminder_due(now: datetime, *, logged_today: bool, kept: str | None) -> bool:
    """True when today is not logged and ``now`` is at or past the chosen time."""
    chosen = reminder_time_said(kept)
    if logged_today or chosen == OFF:
        return False
    hour, minute = (int(part) for part in chosen.split(":"))
    return (now.hour, now.minute) >= (hour, minute)
