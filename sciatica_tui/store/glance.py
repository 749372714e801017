"""A quick look at the diary file for the prompt line: read-only, no lock, no TinyDB.

``sciatica status`` and ``sciatica remind`` run at every shell prompt, and parsing all of a
ten-year diary takes longer than a prompt can spare. So this reads only the few records they
show, found in the bytes of the file the app writes: compact JSON (no space outside strings),
each record's fields in the order ``to_record`` gives them (tests/store/test_glance.py holds
that). In valid JSON, ``{"date":"2026-12-03",`` can only be the start of a record, never text
inside a note, where every ``"`` is escaped. A file written another way (by hand, pretty-
printed) is parsed whole instead: slower, same answer. The app reads the file carefully when
it opens; this only glances.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from sciatica_tui.domain.status_line import DiaryGlance

# Importing typing would cost a prompt 4 ms, and pathlib a tenth of its time: the folder is
# a plain string (or any path) here.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

DIARY_FILE = "diary.json"  # as store.opening, which would import the lock and TinyDB's storage
MAX_GLANCE_BYTES = 256 * 1000 * 1000  # far beyond any diary: not read at a prompt
# Bytes decoded for one record at first: a day with the longest note fits.
RECORD_WINDOW = 16 * 1024
DECODER = json.JSONDecoder()


class _Found:
    """The records of each kind that may be about the day asked for."""

    def __init__(self) -> None:
        self.logs: list[Any] = []
        self.rehab_days: list[Any] = []
        self.sessions: list[Any] = []
        self.checks: list[Any] = []
        self.profiles: list[Any] = []


def glance_at_diary(folder: str | os.PathLike[str], day: date) -> DiaryGlance:
    """What the status line shows about ``day`` from the diary in ``folder``; never raises
    for a missing or broken diary (its ``state`` says so)."""
    path = os.path.join(folder, DIARY_FILE)
    try:
        if os.stat(path).st_size > MAX_GLANCE_BYTES:
            return DiaryGlance(day, "unreadable")
        with open(path, "rb") as diary:
            payload = diary.read()
    except FileNotFoundError:
        # A link that leads nowhere is a diary that cannot be reached, not an empty one.
        return DiaryGlance(day, "unreadable" if os.path.islink(path) else "no_diary")
    except OSError:
        return DiaryGlance(day, "unreadable")
    try:
        if _compact(payload):
            found = _found_quickly(payload, day)
        else:
            found = _found_by_parsing(payload.decode("utf-8-sig"))
        return _summary(found, day)
    except (ValueError, RecursionError, TypeError, AttributeError, KeyError):
        return DiaryGlance(day, "unreadable")  # UnicodeDecodeError is a ValueError


def _compact(payload: bytes) -> bool:
    """True for the app's own file: one JSON object, starting with a table name, with no
    line break (orjson writes one inside a string as ``\\n``)."""
    return payload.startswith(b'{"') and payload.endswith(b"}") and b"\n" not in payload


def _found_quickly(payload: bytes, day: date) -> _Found:
    """The records of ``day`` (and the latest check and the profile) found by their first
    field, each parsed on its own: the file's bytes are never decoded whole."""
    found = _Found()
    iso = day.isoformat()
    for record in _records_at(payload, f'{{"date":"{iso}",'.encode()):
        (found.logs if "leg_pain" in record else found.rehab_days).append(record)
    found.sessions = list(_records_at(payload, f'{{"started_at":"{iso}T'.encode()))
    found.checks = _latest_check(payload)
    start = payload.find(b'"profile":{')
    if start >= 0:
        found.profiles = list(_value_at(payload, start + len(b'"profile":')).values())
    return found


def _records_at(payload: bytes, opening: bytes) -> Iterator[Any]:
    """Each record of ``payload`` that starts with ``opening``."""
    at = payload.find(opening)
    while at >= 0:
        yield _value_at(payload, at)
        at = payload.find(opening, at + len(opening))


def _value_at(payload: bytes, start: int) -> Any:
    """The JSON value that starts at byte ``start``: a little of the file is decoded, and
    more while the value runs past it."""
    window = RECORD_WINDOW
    while True:
        end = start + window
        piece = payload[start:end]
        if end < len(payload):
            # Never end the piece inside a character: drop a cut one's first bytes.
            while piece and piece[-1] & 0xC0 == 0x80:
                piece = piece[:-1]
            if piece and piece[-1] >= 0xC0:
                piece = piece[:-1]
        try:
            value, _ = DECODER.raw_decode(piece.decode("utf-8"))
            return value
        except ValueError:
            if end >= len(payload):
                raise
            window *= 4


def _latest_check(payload: bytes) -> list[Any]:
    """The latest red-flag check, as a one-record list (none when there is none). Only the
    times are read first (ISO times sort as text); then records from the latest back until
    one is a check (a later record kind may also start with ``at``)."""
    opening = b'{"at":"'
    starts: list[tuple[bytes, int]] = []
    at = payload.find(opening)
    while at >= 0:
        time_starts = at + len(opening)
        starts.append((payload[time_starts : time_starts + 32], at))
        at = payload.find(opening, time_starts)
    for _, start in sorted(starts, reverse=True):
        record = _value_at(payload, start)
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
