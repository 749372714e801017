"""A quick look at the diary file for the prompt line: read-only, no lock, no TinyDB.

``sciatica status`` and ``sciatica remind`` run at every shell prompt, and parsing all of a
ten-year diary takes longer than a prompt can spare. So this reads only the few records they
show, found in the text of the file the app writes: compact JSON (no space outside strings),
each record's fields in the order ``to_record`` gives them (tests/store/test_glance.py holds
that). In valid JSON, ``{"date":"2026-12-03",`` can only be the start of a record, never text
inside a note, where every ``"`` is escaped. A file written another way (by hand, pretty-
printed) is parsed whole instead: slower, same answer. The app reads the file carefully when
it opens; this only glances.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from sciatica_tui.domain.status_line import DiaryGlance

TYPE_CHECKING = False  # importing typing would cost a prompt 4 ms
if TYPE_CHECKING:
    from typing import Any

DIARY_FILE = "diary.json"  # as store.opening, which would import the lock and TinyDB's storage
MAX_GLANCE_BYTES = 256 * 1000 * 1000  # far beyond any diary: not read at a prompt


class _Found:
    """The records of each kind that may be about the day asked for."""

    def __init__(self) -> None:
        self.logs: list[Any] = []
        self.rehab_days: list[Any] = []
        self.sessions: list[Any] = []
        self.checks: list[Any] = []
        self.profiles: list[Any] = []


def glance_at_diary(folder: Path, day: date) -> DiaryGlance:
    """What the status line shows about ``day`` from the diary in ``folder``; never raises
    for a missing or broken diary (its ``state`` says so)."""
    path = folder / DIARY_FILE
    try:
        if path.stat().st_size > MAX_GLANCE_BYTES:
            return DiaryGlance(day, "unreadable")
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        # A link that leads nowhere is a diary that cannot be reached, not an empty one.
        return DiaryGlance(day, "unreadable" if path.is_symlink() else "no_diary")
    except (OSError, UnicodeDecodeError):
        return DiaryGlance(day, "unreadable")
    text = text.strip()
    if not (text.startswith("{") and text.endswith("}")):
        return DiaryGlance(day, "unreadable")
    try:
        found = _found_quickly(text, day) if _compact(text) else _found_by_parsing(text)
        return _summary(found, day)
    except (ValueError, RecursionError, TypeError, AttributeError, KeyError):
        return DiaryGlance(day, "unreadable")


def _compact(text: str) -> bool:
    """True for the app's own file: it starts with a table name and holds no line break
    (orjson writes ``\\n`` inside strings escaped)."""
    return text.startswith('{"') and "\n" not in text


def _found_quickly(text: str, day: date) -> _Found:
    """The records of ``day`` (and the latest check and the profile) found by their first
    field, each parsed on its own."""
    decoder = json.JSONDecoder()
    found = _Found()
    iso = day.isoformat()
    for record in _records_at(text, decoder, f'{{"date":"{iso}",'):
        (found.logs if "leg_pain" in record else found.rehab_days).append(record)
    found.sessions = list(_records_at(text, decoder, f'{{"started_at":"{iso}T'))
    found.checks = _latest_check(text, decoder)
    start = text.find('"profile":{')
    if start >= 0:
        profiles, _ = decoder.raw_decode(text, start + len('"profile":'))
        found.profiles = list(profiles.values())
    return found


def _records_at(text: str, decoder: json.JSONDecoder, opening: str) -> Iterator[Any]:
    """Each record of ``text`` that starts with ``opening``."""
    at = text.find(opening)
    while at >= 0:
        record, end = decoder.raw_decode(text, at)
        yield record
        at = text.find(opening, end)


def _latest_check(text: str, decoder: json.JSONDecoder) -> list[Any]:
    """The latest red-flag check, as a one-record list (none when there is none). Only the
    times are read first (ISO times sort as text); then records from the latest back until
    one is a check (a later record kind may also start with ``at``)."""
    opening = '{"at":"'
    starts: list[tuple[str, int]] = []
    at = text.find(opening)
    while at >= 0:
        time_starts = at + len(opening)
        starts.append((text[time_starts : text.find('"', time_starts)], at))
        at = text.find(opening, time_starts)
    for _, start in sorted(starts, reverse=True):
        record, _ = decoder.raw_decode(text, start)
        if "verdict" in record and "answers" in record:
            return [record]
    return []


def _found_by_parsing(text: str) -> _Found:
    """Every record of a file the app did not write as it writes it, by kind."""
    tables = json.loads(text)
    found = _Found()
    found.logs = _records(tables, "daily_logs")
    found.rehab_days = _records(tables, "rehab_days")
    found.sessions = _records(tables, "breathing_sessions")
    found.checks = _records(tables, "red_flag_checks")
    found.profiles = _records(tables, "profile")
    return found


def _records(tables: Any, name: str) -> list[Any]:
    table = tables.get(name) or {}
    return list(table.values())


def _summary(found: _Found, day: date) -> DiaryGlance:
    """The glance at ``day`` from the records found (a record that is not what its kind
    holds raises, and the diary is then said to be unreadable)."""
    glance = DiaryGlance(day)
    iso = day.isoformat()
    glance.logged_today = any(log["date"] == iso for log in found.logs)
    done = [entry["done"] for entry in found.rehab_days if entry["date"] == iso]
    glance.exercises_today = len(dict.fromkeys(done[0])) if done else 0  # as the store keeps it
    today = [s for s in found.sessions if str(s["started_at"]).startswith(iso + "T")]
    glance.breathing_sessions_today = len(today)
    glance.breathing_seconds_today = float(sum(s["elapsed_seconds"] for s in today))
    latest = max(_checks(found.checks), default=None)
    if latest is not None:
        glance.last_check_at, glance.last_check_verdict = latest
    if found.profiles:
        profile = found.profiles[0]
        onset = profile.get("onset_date")
        glance.onset = date.fromisoformat(onset) if onset else None
        glance.reminder_time = (profile.get("settings") or {}).get("reminder_time")
    return glance


def _checks(records: Iterable[Any]) -> Iterator[tuple[datetime, str]]:
    for record in records:
        yield datetime.fromisoformat(record["at"]), str(record["verdict"])
