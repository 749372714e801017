"""A flare-up as typed on the quick entry: the time of day on the open day, the fields as text,
turned into a checked ``FlareUp``; and the words a flare-up is shown in on Today.

Pure: the screens hand it what was typed and the clock's now, and show what it returns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.tags import Tag, tag_label
from sciatica_tui.domain.validation.flare_rules import validate_flare_up
from sciatica_tui.domain.validation.forms import FORM_NUMBER
from sciatica_tui.domain.validation.problems import Problem, ValidationError

# "9:05", "09:05", "9.05", "0905", "905", "9" (a whole hour).
_CLOCK = re.compile(r"(?P<hour>\d{1,2})(?:[:.h]?(?P<minute>\d{2}))?")
TIME_HINT = "Type the time as hours and minutes, e.g. 14:30 or 3:05."


def clock_words(moment: datetime | time) -> str:
    """ "14:30": how a time of day is shown and typed."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def parse_clock_time(text: str) -> time:
    """The time of day typed; ``ValidationError`` on the field ``at`` when it is not one."""
    typed = text.strip()
    found = _CLOCK.fullmatch(typed)
    if not typed:
        raise ValidationError([Problem("at", "is missing", TIME_HINT)])
    if found is not None:
        hour, minute = int(found["hour"]), int(found["minute"] or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ValidationError([Problem("at", f"{typed!r} is not a time of day", TIME_HINT)])


def free_moment(at: datetime, taken: Iterable[datetime]) -> datetime:
    """``at``, or the first second after it that no other flare-up holds: a second flare-up
    logged at the same minute is kept beside the first, never over it."""
    used = set(taken)
    while at in used:
        at += timedelta(seconds=1)
    return at


def flare_up_from_form(
    texts: Mapping[str, str],
    *,
    day: date,
    now: datetime,
    triggers: tuple[str, ...] = (),
    helped: tuple[str, ...] = (),
    taken: Iterable[datetime] = (),
    editing: FlareUp | None = None,
) -> FlareUp:
    """The flare-up typed on ``day``: ``texts`` holds ``time`` ("HH:MM"), ``pain``, ``reach``,
    ``minutes`` and ``notes`` as typed (empty: not filled in). ``taken`` are the times of the
    flare-ups already saved; ``editing`` is the one being changed (it keeps its own time when
    the minute is unchanged). Raises ``ValidationError`` with every problem, each on its field
    (the time's is ``at``)."""
    problems: list[Problem] = []
    raw: dict[str, object] = {}
    try:
        at = datetime.combine(day, parse_clock_time(texts.get("time", "")))
    except ValidationError as error:
        problems += error.problems
    else:
        if at > now.replace(second=0, microsecond=0):
            problems.append(Problem("at", f"{clock_words(at)} is later than now", TIME_HINT))
        elif editing is not None and editing.at.replace(second=0) == at:
            raw["at"] = editing.at.isoformat()
        else:
            others = (t for t in taken if editing is None or t != editing.at)
            raw["at"] = free_moment(at, others).isoformat()
    for name in ("pain", "minutes"):
        typed = texts.get(name, "").strip()
        raw[name] = int(typed) if typed.isdigit() else (typed or None)
        if typed and not typed.isdigit() and FORM_NUMBER.fullmatch(typed):
            raw[name] = float(typed.replace(",", "."))  # the rule names "2.5" as not whole
    raw["reach"] = texts.get("reach", "").strip() or None
    raw["notes"] = texts.get("notes", "").strip() or None
    raw["triggers"], raw["helped"] = list(triggers), list(helped)
    try:
        flare_up = validate_flare_up(raw, today=now.date())
    except ValidationError as error:
        problems += [p for p in error.problems if p.field != "at" or "at" in raw]
    if problems:
        raise ValidationError(problems)
    return flare_up


def flare_line(flare_up: FlareUp, tags: Iterable[Tag] = ()) -> str:
    """ "03:10  pain 8 · below the knee · 20 min · set off by Driving · helped: Heat"."""
    tag_list = tuple(tags)
    parts = [f"{clock_words(flare_up.at)}  pain {flare_up.pain}"]
    if flare_up.reach is not None:
        parts.append(flare_up.reach.label.lower())
    if flare_up.minutes is not None:
        parts.append(f"{flare_up.minutes} min")
    if flare_up.triggers:
        parts.append("set off by " + ", ".join(tag_label(t, tag_list) for t in flare_up.triggers))
    if flare_up.helped:
        parts.append("helped: " + ", ".join(tag_label(t, tag_list) for t in flare_up.helped))
    if flare_up.notes:
        parts.append(flare_up.notes.splitlines()[0])
    return " · ".join(parts)


def flare_counts(flare_ups: Iterable[FlareUp]) -> dict[date, int]:
    """How many flare-ups each day holds (days without any are left out)."""
    counts: dict[date, int] = {}
    for flare_up in flare_ups:
        day = flare_up.at.date()
        counts[day] = counts.get(day, 0) + 1
    return counts
